"""The legal grounds a paper cites ("Căn cứ …"), each with the dates it is in force.

A paper cites the texts in force on its date: a decision of 2026 cites Nghị định 152/2025/NĐ-CP and the
Luật Tổ chức chính quyền địa phương of 2025, one of 2024 the texts they replaced.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Basis:
    topic: str  # one text in force per topic on any day
    text: str
    in_force_from: date | None = None
    in_force_to: date | None = None

    def in_force_on(self, day: date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_to is None or day <= self.in_force_to
        )


# The order is the order a decision cites them in (ND 30, Phụ lục I: the organic law first).
BASES = [
    Basis(
        "local-government",
        _(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
            "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 "
            "năm 2019;"
        ),
        in_force_to=date(2025, 2, 28),
    ),
    Basis(
        "local-government",
        _("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;"),
        in_force_from=date(2025, 3, 1),
        in_force_to=date(2025, 6, 30),
    ),
    Basis(
        "local-government",
        _("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
        in_force_from=date(2025, 7, 1),
    ),
    Basis(
        "emulation-law",
        _("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"),
        in_force_from=date(2024, 1, 1),
    ),
    Basis(
        "emulation-decree",
        _(
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
            "thi hành một số điều của Luật Thi đua, khen thưởng;"
        ),
        in_force_from=date(2024, 1, 1),
        in_force_to=date(2025, 6, 30),
    ),
    Basis(
        "emulation-decree",
        _(
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết "
            "một số điều của Luật Thi đua, khen thưởng;"
        ),
        in_force_from=date(2025, 7, 1),
    ),
]


def bases_on(day: date, *, topics: tuple[str, ...] | None = None) -> list[str]:
    """The grounds in force on `day`, in citing order (only `topics` when given)."""
    return [str(b.text) for b in BASES if b.in_force_on(day) and (topics is None or b.topic in topics)]

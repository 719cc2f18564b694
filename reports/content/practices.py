"""Sections: recognised good practices and initiatives; difficulties raised by units and their answers."""

from campaigns.models import Unit
from practices import selectors
from reports.content.base import Scope, Section, Table


def _units(scope: Scope):
    return Unit.objects.subtree_of(scope.unit) if scope.unit is not None else None


def build(scope: Scope) -> Section:
    section = Section(
        key="practices", heading="Mô hình “Dân vận khéo”, cách làm hay, sáng kiến được công nhận"
    )
    units = _units(scope)
    states = {r["code"]: r["count"] for r in selectors.practice_counts_by_state(year=scope.year, units=units)}
    fields = selectors.practice_counts_by_field(year=scope.year, units=units)
    published = states.get("recognised", 0) + states.get("featured", 0)
    registered = sum(states.values())
    period = f"năm {scope.year}" if scope.year else "trong thời gian thực hiện phong trào"
    section.paragraphs.append(
        f"Các đơn vị đã đăng ký {registered} mô hình, cách làm hay triển khai {period}; {published} mô hình "
        f"đã được cấp có thẩm quyền công nhận, trong đó {states.get('featured', 0)} mô hình được chọn làm "
        "điển hình để nhân rộng."
    )
    section.tables.append(
        Table(
            "mo-hinh-theo-linh-vuc",
            "Mô hình được công nhận theo lĩnh vực",
            ["Lĩnh vực", "Số mô hình"],
            [[r["label"], r["count"]] for r in fields],
            ["Tổng cộng", sum(r["count"] for r in fields)],
        )
    )
    listed = selectors.practices_list(states=["recognised", "featured"], year=scope.year, units=units)
    rows = [
        [
            i,
            p.name,
            p.author_name if p.person_id else p.unit.name,
            p.get_field_display(),
            p.recognition_number,
            p.recognition_date,
            "Có" if p.state == "featured" else "",
        ]
        for i, p in enumerate(listed, 1)
    ]
    if rows:
        section.annexes.append(
            Table(
                "phu-luc-mo-hinh",
                "Danh sách mô hình, cách làm hay được công nhận",
                [
                    "STT",
                    "Tên mô hình, sáng kiến",
                    "Đơn vị, cá nhân",
                    "Lĩnh vực",
                    "Quyết định",
                    "Ngày",
                    "Nhân rộng",
                ],
                rows,
                widths=[6, 30, 22, 14, 11, 9, 8],
            )
        )
    return section


def build_difficulties(scope: Scope) -> Section:
    section = Section(key="difficulties", heading="Khó khăn, vướng mắc và kiến nghị")
    units = _units(scope)
    totals = selectors.difficulty_totals(year=scope.year, units=units)
    topics = [r for r in selectors.difficulty_counts_by_topic(year=scope.year, units=units) if r["raised"]]
    if totals["raised"]:
        section.paragraphs.append(
            f"Các đơn vị đã phản ánh {totals['raised']} khó khăn, vướng mắc; Sở Nội vụ đã trả lời "
            f"{totals['answered']} nội dung, {totals['forwarded']} nội dung đã chuyển cơ quan có thẩm quyền "
            f"và {totals['open']} nội dung đang được xem xét, giải quyết."
        )
    else:
        section.paragraphs.append("Trong kỳ báo cáo các đơn vị không phản ánh khó khăn, vướng mắc.")
    section.tables.append(
        Table(
            "kho-khan-theo-nhom",
            "Khó khăn, vướng mắc theo nhóm vấn đề",
            ["Nhóm vấn đề", "Đã phản ánh", "Đã trả lời", "Đang xử lý", "Đã đóng"],
            [[r["label"], r["raised"], r["answered"], r["open"], r["closed"]] for r in topics],
            ["Tổng cộng", totals["raised"], totals["answered"], totals["open"], totals["closed"]],
        )
    )
    listed = selectors.difficulties_list(year=scope.year, units=units)
    rows = [
        [
            i,
            d.unit.name,
            d.title,
            d.get_topic_display(),
            d.answer[:500] if d.answer else d.get_state_display(),
        ]
        for i, d in enumerate(listed, 1)
    ]
    if rows:
        section.annexes.append(
            Table(
                "phu-luc-kho-khan",
                "Khó khăn, vướng mắc của các đơn vị và trả lời của Sở Nội vụ",
                ["STT", "Đơn vị", "Nội dung", "Nhóm", "Trả lời, tình trạng xử lý"],
                rows,
                widths=[6, 18, 28, 14, 34],
            )
        )
    return section

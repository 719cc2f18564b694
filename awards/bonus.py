"""Bonus money of an award: base salary in force on the decision date × multiple, rounded by the rule."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from awards.models import BaseSalary, BonusMultiple, BonusRounding


@dataclass(frozen=True)
class BonusRule:
    """What a decision dated `day` pays: the base salary, the multiples by subject, the rounding."""

    base_salary: int
    multiples: dict[str, Decimal]
    rounding: BonusRounding | None

    def amount(self, subject: str) -> int:
        raw = Decimal(self.base_salary) * self.multiples[subject]
        return self.rounding.apply(raw) if self.rounding else int(raw)


def bonus_rule(*, award_type, day, subjects) -> BonusRule:
    """The rule in force on day for this award type; refuse when the data for it is missing."""
    salary = BaseSalary.objects.in_force_on(day)
    if salary is None:
        raise ValidationError(
            _(
                "Chưa có mức lương cơ sở áp dụng cho ngày %(day)s nên chưa tính được tiền thưởng. "
                "Hãy nhập mức lương cơ sở có hiệu lực từ ngày đó (hoặc sớm hơn) rồi ghi nhận lại."
            )
            % {"day": day.strftime("%d/%m/%Y")}
        )
    multiples = dict(
        BonusMultiple.objects.filter(award_type_code=award_type.code).values_list("subject", "multiple")
    )
    missing = sorted(set(subjects) - set(multiples))
    if missing:
        raise ValidationError(
            _(
                "Chưa có hệ số tiền thưởng của “%(award)s” cho đối tượng: %(subjects)s. "
                "Hãy nhập hệ số rồi ghi nhận lại."
            )
            % {"award": award_type.name, "subjects": ", ".join(missing)}
        )
    rounding = BonusRounding.objects.in_force_on(day)
    return BonusRule(base_salary=salary.amount, multiples=multiples, rounding=rounding)


def bonus_rule_if_known(*, award_type, day) -> BonusRule | None:
    """The rule in force on day, or None where its data is missing (pages show amounts as recorded)."""
    try:
        return bonus_rule(award_type=award_type, day=day, subjects=set())
    except ValidationError:
        return None

"""Code lists and money rules as data: emulation titles, base salary, bonus multiples, rounding."""

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import CodeListEntry
from criteria.models import Subject


class EmulationTitle(CodeListEntry):
    """Danh hiệu thi đua (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, …).

    A title is earned by meeting a standard over a year; a form of award (campaigns.AwardType:
    Bằng khen, Giấy khen) is granted for achievements. The law lists them in different chapters,
    with different conditions and money, so they are two code lists and never one.
    """

    name = models.CharField(_("tên danh hiệu thi đua"), max_length=255)
    subject = models.CharField(_("đối tượng"), max_length=16, choices=Subject.choices)

    class Meta:
        verbose_name = _("danh hiệu thi đua")
        verbose_name_plural = _("danh hiệu thi đua")
        ordering = ["subject", "order"]


class InForceQuerySet(models.QuerySet):
    def in_force_on(self, day):
        """The row whose effective period contains day (the latest start on or before it), or None."""
        return self.filter(effective_from__lte=day).order_by("-effective_from").first()


class InForceFromDate(models.Model):
    """A money rule in force from its date until the next row's date, with the text that set it."""

    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    objects = InForceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-effective_from"]


class BaseSalary(InForceFromDate):
    """Mức lương cơ sở: bonuses are multiples of it."""

    amount = models.PositiveBigIntegerField(_("mức lương cơ sở (đồng)"))

    class Meta(InForceFromDate.Meta):
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive")]

    def __str__(self) -> str:
        return f"{self.amount:,} ({self.effective_from:%d/%m/%Y})".replace(",", ".")


class BonusMultiple(models.Model):
    """Bonus of an award as a multiple of the base salary, per form of award and subject.

    Keyed by the award type's code (a contract between apps) so that the defaults ship in a
    data migration without depending on which rows another app has seeded.
    """

    award_type_code = models.SlugField(_("mã hình thức khen thưởng"), max_length=64)
    subject = models.CharField(_("đối tượng"), max_length=16, choices=Subject.choices)
    multiple = models.DecimalField(_("hệ số"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("hệ số tiền thưởng")
        verbose_name_plural = _("hệ số tiền thưởng")
        ordering = ["award_type_code", "subject"]
        constraints = [
            models.UniqueConstraint(fields=["award_type_code", "subject"], name="bonus_multiple_unique"),
            models.CheckConstraint(condition=Q(multiple__gte=0), name="bonus_multiple_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.award_type_code} / {self.get_subject_display()}: {self.multiple}"


class BonusRounding(InForceFromDate):
    """How bonus amounts are rounded, in force from a date (the decree may change it)."""

    class Mode(models.TextChoices):
        DOWN = "down", _("Làm tròn xuống")
        NEAREST = "nearest", _("Làm tròn gần nhất")
        UP = "up", _("Làm tròn lên")

    step = models.PositiveIntegerField(_("làm tròn đến bội số của (đồng)"), default=10_000)
    mode = models.CharField(_("cách làm tròn"), max_length=8, choices=Mode.choices, default=Mode.DOWN)

    class Meta(InForceFromDate.Meta):
        verbose_name = _("quy tắc làm tròn tiền thưởng")
        verbose_name_plural = _("quy tắc làm tròn tiền thưởng")
        constraints = [models.CheckConstraint(condition=Q(step__gt=0), name="bonus_rounding_step_positive")]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} {self.step:,}".replace(",", ".")

    def apply(self, amount: Decimal) -> int:
        rounding = {
            self.Mode.DOWN: ROUND_FLOOR,
            self.Mode.NEAREST: ROUND_HALF_UP,
            self.Mode.UP: ROUND_CEILING,
        }[self.mode]
        units = (Decimal(amount) / self.step).quantize(Decimal(1), rounding=rounding)
        return int(units * self.step)

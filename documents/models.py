"""The register of officials who sign the portal's papers, with the dates they hold the authority."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import Unit


class Official(models.Model):
    """One official signing for a unit over a period: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trần Quốc Toản"."""

    class Authority(models.TextChoices):
        OWN = "", _("Ký trực tiếp (người đứng đầu)")
        ON_BEHALF = "TM.", _("TM. – thay mặt tập thể")
        DEPUTY = "KT.", _("KT. – ký thay người đứng đầu")
        ACTING = "Q.", _("Q. – quyền người đứng đầu")
        BY_ORDER = "TL.", _("TL. – thừa lệnh")
        DELEGATED = "TUQ.", _("TUQ. – thừa ủy quyền")

    unit = models.ForeignKey(
        Unit, verbose_name=_("ký cho đơn vị"), on_delete=models.PROTECT, related_name="officials"
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    title = models.CharField(_("chức vụ"), max_length=255)
    authority = models.CharField(_("thẩm quyền ký"), max_length=8, choices=Authority.choices, blank=True)
    # Who the official signs for after the authority form: "GIÁM ĐỐC", "ỦY BAN NHÂN DÂN".
    on_behalf_of = models.CharField(_("ký thay, thay mặt cho"), max_length=255, blank=True)
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    is_default = models.BooleanField(_("người ký mặc định của đơn vị"), default=False)

    class Meta:
        verbose_name = _("người ký văn bản")
        verbose_name_plural = _("sổ người ký văn bản")
        ordering = ["unit__path", "-is_default", "valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="official_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(authority="") | ~Q(on_behalf_of=""),
                name="official_authority_names_whom",
                violation_error_message=_("Thẩm quyền TM., KT., Q., TL., TUQ. phải ghi rõ ký cho ai."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} – {self.title}"

    def holds_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

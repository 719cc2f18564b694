"""Criteria of a campaign, the yearly dân vận chính quyền results of units, and units' own duties."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Unit
from campaigns.text import normalize, vietnamese_sort_key


class Subject(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class CriterionSet(models.Model):
    """Bộ tiêu chí thi đua of a campaign for one kind of subject (collectives or individuals)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="criterion_sets")
    subject = models.CharField(_("đối tượng"), max_length=16, choices=Subject.choices)
    title = models.CharField(_("tên bộ tiêu chí"), max_length=255)

    class Meta:
        verbose_name = _("bộ tiêu chí")
        verbose_name_plural = _("bộ tiêu chí")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "subject"], name="criterion_set_per_subject"),
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """One criterion, coded by a Vietnamese letter (a, b, c, d, đ, e, g) and kept in that order."""

    class Evaluation(models.TextChoices):
        APPRAISER = "appraiser", _("Do chuyên viên thẩm định chấm")
        COMPUTED = "computed", _("Tính tự động từ dữ liệu")

    class Source(models.TextChoices):
        """What a computed criterion is computed from."""

        NONE = "", _("—")
        OWN_PLAN = "own_plan", _("Kế hoạch phát động của đơn vị")
        DVCQ_RANKING = "dvcq_ranking", _("Kết quả xếp hạng dân vận chính quyền")
        REPORTING = "reporting", _("Chế độ thông tin báo cáo")

    criterion_set = models.ForeignKey(CriterionSet, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("mã"), max_length=4)
    # Position in the Vietnamese alphabet, so that 'đ' sorts after 'd' on every database.
    sort_key = models.PositiveSmallIntegerField(editable=False, default=0)
    text = models.TextField(_("nội dung tiêu chí"))
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=5, decimal_places=1, default=10)
    evidence_required = models.BooleanField(_("bắt buộc có minh chứng"), default=False)
    evaluation = models.CharField(
        _("cách đánh giá"), max_length=16, choices=Evaluation.choices, default=Evaluation.APPRAISER
    )
    source = models.CharField(
        _("nguồn dữ liệu"), max_length=32, choices=Source.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["criterion_set", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["criterion_set", "code"], name="criterion_code_unique"),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="criterion_max_points_positive"),
            models.CheckConstraint(
                condition=Q(evaluation="appraiser", source="") | Q(evaluation="computed") & ~Q(source=""),
                name="criterion_computed_has_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}) {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.code = normalize(self.code).lower()
        key = vietnamese_sort_key(self.code)
        self.sort_key = key[0] if key else 0
        super().save(*args, **kwargs)


class UnitRanking(models.Model):
    """A unit's yearly result in the evaluation of dân vận chính quyền (QĐ 04/2025/QĐ-UBND)."""

    class Grade(models.TextChoices):
        GOOD = "tot", _("Tốt")
        FAIR = "kha", _("Khá")
        AVERAGE = "trung_binh", _("Trung bình")
        UNGRADED = "khong_xep_loai", _("Không xếp loại")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="rankings")
    year = models.PositiveSmallIntegerField(_("năm"))
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    grade = models.CharField(_("xếp loại"), max_length=16, choices=Grade.choices)
    rank = models.PositiveIntegerField(_("thứ hạng trong nhóm"))
    group_label = models.CharField(_("nhóm xếp hạng"), max_length=64, blank=True)
    group_size = models.PositiveIntegerField(_("số đơn vị trong nhóm"), null=True, blank=True)

    class Meta:
        verbose_name = _("kết quả dân vận chính quyền")
        verbose_name_plural = _("kết quả dân vận chính quyền")
        ordering = ["-year", "group_label", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unit_ranking_per_year"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="unit_ranking_rank_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.rank}"

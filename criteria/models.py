"""Criteria of a campaign, the yearly dân vận chính quyền results of units, and units' own duties."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Unit
from campaigns.text import normalize, vietnamese_sort_key


class Subject(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


def recipient_matches_subject(*, unit: str, person: str, name: str) -> models.CheckConstraint:
    """A row about a collective names its unit and no person; about an individual, its person and no unit."""
    return models.CheckConstraint(
        condition=(
            Q(subject="collective", **{f"{unit}__isnull": False, f"{person}__isnull": True})
            | Q(subject="individual", **{f"{unit}__isnull": True, f"{person}__isnull": False})
        ),
        name=name,
    )


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
    # How the reports' tables name it ("Tuyên truyền"): the plan's text is too long for a table's cell.
    short_text = models.CharField(
        _("tên ngắn gọn"),
        max_length=120,
        blank=True,
        help_text=_("Dùng trong bảng của báo cáo tổng hợp; để trống thì báo cáo in nội dung tiêu chí."),
    )
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

    @property
    def label(self) -> str:
        """The short name when it is set, else the criterion's text."""
        return self.short_text or self.text


class EmulationContent(models.Model):
    """Nội dung thi đua: one numbered content of a plan's part II, with the portal's records that bear on it.

    A summary report counts under each content the records named here: the criteria scored in the dossiers,
    the practices of the listed kinds (and fields) and the difficulties of the listed topics; a criterion
    computed from the dân vận ranking brings the units' ranking. The codes of practices' kinds, fields and
    topics are checked when the plan is loaded (criteria.plan_loader.CONTENT_CODES).
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="contents")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.CharField(_("tên ngắn gọn"), max_length=255)
    criteria = models.ManyToManyField(
        Criterion, verbose_name=_("tiêu chí liên quan"), related_name="contents", blank=True
    )
    practice_kinds = models.JSONField(_("loại mô hình, sáng kiến liên quan"), default=list, blank=True)
    # Empty: practices of the listed kinds in every field.
    practice_fields = models.JSONField(_("lĩnh vực của mô hình"), default=list, blank=True)
    difficulty_topics = models.JSONField(_("nhóm khó khăn, vướng mắc liên quan"), default=list, blank=True)

    class Meta:
        verbose_name = _("nội dung thi đua")
        verbose_name_plural = _("nội dung thi đua")
        ordering = ["campaign", "number"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="emulation_content_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="emulation_content_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def narrative_key(self) -> str:
        """The key of what Sở Nội vụ writes about this content in a report (Scope.narrative)."""
        return f"noi-dung-{self.number}"


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


# --- Units' own duties (part VI.1.a of a plan, and its reporting): feed criteria (a) and (g) ------


class DutyDeadline(models.Model):
    """A date by which every participating unit owes something: registration, its plan, a report."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Đăng ký thi đua")
        LAUNCH_PLAN = "launch_plan", _("Kế hoạch phát động của đơn vị")
        REPORT = "report", _("Báo cáo định kỳ")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="duty_deadlines")
    kind = models.CharField(_("loại nhiệm vụ"), max_length=16, choices=Kind.choices)
    code = models.SlugField(_("mã"), max_length=64)
    title = models.CharField(_("tên"), max_length=255)
    period_start = models.DateField(_("kỳ báo cáo từ"), null=True, blank=True)
    period_end = models.DateField(_("kỳ báo cáo đến"), null=True, blank=True)
    due_on = models.DateField(_("hạn nộp"))

    class Meta:
        verbose_name = _("hạn nhiệm vụ của đơn vị")
        verbose_name_plural = _("hạn nhiệm vụ của đơn vị")
        ordering = ["campaign", "due_on", "code"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="duty_deadline_code_unique"),
            # One registration deadline and one plan deadline per campaign; reports may be many.
            models.UniqueConstraint(
                fields=["campaign", "kind"],
                condition=~Q(kind="report"),
                name="duty_deadline_single_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="duty_deadline_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    """Đăng ký thi đua: the unit joins the movement and writes down its commitments."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="registrations")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="emulation_registrations")
    commitments = models.TextField(_("nội dung đăng ký, cam kết"))
    registered_at = models.DateTimeField(_("thời điểm đăng ký"))
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người đăng ký")
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="registration_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} – {self.campaign.number}"


class SubmittedFile(models.Model):
    """A file a unit submits for a duty, and may replace; kept under MEDIA_ROOT (see campaigns.files)."""

    file_name = models.CharField(max_length=255, editable=False)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng"))
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=128)
    # First upload decides on time / late; a later replacement keeps it.
    submitted_at = models.DateTimeField(_("nộp lần đầu"))
    updated_at = models.DateTimeField(_("cập nhật lần cuối"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("người tải lên")
    )

    class Meta:
        abstract = True


class UnitPlan(SubmittedFile):
    """The plan with which a unit launched the movement (kế hoạch phát động của đơn vị)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="unit_plans")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="launch_plans")
    number = models.CharField(_("số, ký hiệu"), max_length=64)
    issued_on = models.DateField(_("ngày ban hành"))

    class Meta:
        verbose_name = _("kế hoạch phát động của đơn vị")
        verbose_name_plural = _("kế hoạch phát động của đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="unit_plan_per_campaign"),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.unit}"


class PeriodicReport(SubmittedFile):
    """A unit's report for one reporting deadline."""

    deadline = models.ForeignKey(DutyDeadline, on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="periodic_reports")
    number = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("báo cáo định kỳ của đơn vị")
        verbose_name_plural = _("báo cáo định kỳ của đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["deadline", "unit"], name="periodic_report_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.deadline} – {self.unit}"

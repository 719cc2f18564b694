"""ReportJob: one request for a generated file (a report in PDF or XLSX, a decision's certificates), its
progress and its file. Every generated file of the portal is a ReportJob: one lease, one sweeper.

Its state changes only through reports.jobs (the worker's moves and the sweeper's resets) and
reports.services (request, retry), all built on portal.transitions.move.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from awards.models import Decision
from campaigns.audit import AppendOnlyModel
from campaigns.model_fields import optional_key
from campaigns.models import AwardRound, Campaign, Unit

# The files of one decision (its certificates, its paper): asked for from the decision's page.
DECISION_KINDS = ["certificates", "decision"]
# The statistical forms of Thông tư 02/2023/TT-BNV: one year each, PDF or XLSX.
STATISTICS_KINDS = {"tt02_0601": "0601", "tt02_0603": "0603"}


class ReportJob(models.Model):
    """A report asked for by a user and built by a Celery worker; every request is a new row (a version)."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Báo cáo kết quả thực hiện phong trào thi đua năm")
        FINAL = "final", _("Báo cáo tổng kết phong trào thi đua")
        PROPOSAL = "proposal", _("Tờ trình đề nghị khen thưởng và dự thảo quyết định")
        UNIT = "unit", _("Báo cáo của đơn vị")
        CERTIFICATES = "certificates", _("Giấy chứng nhận của quyết định khen thưởng")
        DECISION = "decision", _("Văn bản quyết định khen thưởng")
        MINUTES = "council_minutes", _("Biên bản họp Hội đồng Thi đua – Khen thưởng")
        MOVEMENTS_FORM = "tt02_0601", _("Biểu 0601.N – Số phong trào thi đua")
        AWARDS_FORM = "tt02_0603", _("Biểu 0603.N – Số lượng khen thưởng cấp tỉnh")

    class Format(models.TextChoices):
        PDF = "pdf", _("PDF")
        XLSX = "xlsx", _("Excel (XLSX)")
        DOCX = "docx", _("Word (DOCX) để chỉnh sửa trước khi ký")

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Đã xong")
        FAILED = "failed", _("Lỗi")

    kind = models.CharField(_("loại báo cáo"), max_length=16, choices=Kind.choices)
    format = models.CharField(_("định dạng"), max_length=8, choices=Format.choices, default=Format.PDF)
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="report_jobs"
    )
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    round = optional_key(
        AwardRound, _("đợt khen thưởng"), on_delete=models.PROTECT, related_name="report_jobs"
    )
    unit = optional_key(Unit, _("đơn vị"), on_delete=models.PROTECT, related_name="report_jobs")
    # The certificates job's subject: all awards of this decision, one page each.
    decision = optional_key(
        Decision, _("quyết định khen thưởng"), on_delete=models.PROTECT, related_name="certificate_jobs"
    )
    # Everything the builder reads, as plain JSON (ids, year, format): what the history shows.
    parameters = models.JSONField(_("tham số"), default=dict, blank=True)
    # Same kind and parameters = same series; each request is the next version of its series.
    series = models.CharField(max_length=128, db_index=True, editable=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.PROTECT,
        related_name="report_jobs",
    )
    requested_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    state = models.CharField(
        _("trạng thái"), max_length=8, choices=State.choices, default=State.QUEUED, editable=False
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0, editable=False)
    step = models.CharField(_("bước đang làm"), max_length=255, blank=True, editable=False)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True, editable=False)
    # The worker process holding the job ("host:pid") and its last sign of life: the sweeper's lease.
    owner = models.CharField(max_length=255, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0, editable=False)
    file = models.FileField(_("tệp"), max_length=255, blank=True, editable=False)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), null=True, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    error = models.TextField(_("lỗi"), blank=True, editable=False)

    class Meta:
        verbose_name = _("báo cáo được tạo")
        verbose_name_plural = _("báo cáo được tạo")
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(fields=["state", "heartbeat_at"]),
            models.Index(fields=["kind", "state", "-finished_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_job_progress_percent"),
            models.CheckConstraint(
                condition=~Q(state="done") | (~Q(file="") & Q(size__isnull=False) & ~Q(sha256="")),
                name="report_job_done_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(kind="unit") | Q(unit__isnull=False), name="report_job_unit_report_has_unit"
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["proposal", "council_minutes"]) | Q(round__isnull=False),
                name="report_job_round_papers_have_round",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DECISION_KINDS, decision__isnull=False)
                | (~Q(kind__in=DECISION_KINDS) & Q(decision__isnull=True)),
                name="report_job_decision_files_have_decision",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=list(STATISTICS_KINDS)) | Q(year__isnull=False),
                name="report_job_statistics_have_year",
            ),
            models.UniqueConstraint(fields=["series", "version"], name="report_job_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def title(self) -> str:
        """What the history shows: the kind with its main parameter."""
        if self.kind in (self.Kind.ANNUAL, *STATISTICS_KINDS):
            return f"{self.get_kind_display()} {self.year}"
        if self.kind == self.Kind.PROPOSAL and self.round_id:
            return f"{self.get_kind_display()} – {self.round.name}"
        if self.kind == self.Kind.UNIT and self.unit_id:
            if self.year:
                return gettext("%(kind)s: %(unit)s năm %(year)s") % {
                    "kind": self.get_kind_display(),
                    "unit": self.unit.name,
                    "year": self.year,
                }
            return f"{self.get_kind_display()}: {self.unit.name}"
        if self.kind == self.Kind.CERTIFICATES and self.decision_id:
            return gettext("Giấy chứng nhận của quyết định số %(number)s") % {"number": self.decision.number}
        if self.kind == self.Kind.DECISION and self.decision_id:
            return gettext("Quyết định số %(number)s") % {"number": self.decision.number}
        if self.kind == self.Kind.MINUTES and self.round_id:
            return f"{self.get_kind_display()} – {self.round.name}"
        return str(self.get_kind_display())

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    def download_name(self) -> str:
        """A plain-ASCII file name for the browser (Vietnamese letters folded)."""
        from campaigns.text import fold

        base = {
            self.Kind.ANNUAL: f"bao-cao-nam-{self.year}",
            self.Kind.FINAL: "bao-cao-tong-ket",
            self.Kind.PROPOSAL: f"to-trinh-{self.round.code if self.round_id else ''}",
            self.Kind.UNIT: f"bao-cao-don-vi-{fold(self.unit.code) if self.unit_id else ''}",
            self.Kind.CERTIFICATES: f"chung-nhan-qd-{self.decision_id}",
            self.Kind.DECISION: f"quyet-dinh-{self.decision_id}",
            self.Kind.MINUTES: f"bien-ban-hoi-dong-{self.round.code if self.round_id else ''}",
            self.Kind.MOVEMENTS_FORM: f"bieu-0601-{self.year}",
            self.Kind.AWARDS_FORM: f"bieu-0603-{self.year}",
        }[self.kind]
        return f"{base}-v{self.version}.{self.format}".replace(" ", "-")


class NarrativeVersion(AppendOnlyModel):
    """One saved text of one written part of an annual or end-of-campaign report (reports.narrative).

    Sở Nội vụ writes the parts on the "Dự thảo báo cáo" page; every save is the next version and none is
    ever changed (a trigger refuses UPDATE and DELETE on PostgreSQL), so a report job can name the
    versions it was built from. The latest version of a part is its current text.
    """

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Báo cáo kết quả năm")
        FINAL = "final", _("Báo cáo tổng kết phong trào")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="narrative_versions"
    )
    kind = models.CharField(_("loại báo cáo"), max_length=8, choices=Kind.choices)
    # The annual report's year; none for the end-of-campaign report.
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    key = models.SlugField(_("phần"), max_length=32)
    version = models.PositiveIntegerField(_("bản"))
    text = models.TextField(_("nội dung"), blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người viết"),
        on_delete=models.PROTECT,
        related_name="narrative_versions",
    )
    written_at = models.DateTimeField(_("viết lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("bản viết của phần báo cáo")
        verbose_name_plural = _("bản viết của phần báo cáo")
        ordering = ["campaign", "kind", "year", "key", "-version"]
        constraints = [
            # Unique (campaign, kind, year, key, version); the final report's year is NULL, which a plain
            # unique constraint would let repeat.
            models.UniqueConstraint(
                fields=["campaign", "kind", "year", "key", "version"],
                condition=Q(year__isnull=False),
                name="narrative_version_unique",
            ),
            models.UniqueConstraint(
                fields=["campaign", "kind", "key", "version"],
                condition=Q(year__isnull=True),
                name="narrative_final_version_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind="annual", year__isnull=False) | Q(kind="final", year__isnull=True),
                name="narrative_year_of_kind",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="narrative_version_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"

"""The campaign as data: the plan, its rounds, the units taking part, their people and users."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.model_fields import optional_key
from campaigns.text import fold, normalize


class Cluster(models.Model):
    """Cụm (by locality) or khối (by sector) thi đua of the province."""

    class Kind(models.TextChoices):
        CUM = "cum", _("Cụm thi đua")
        KHOI = "khoi", _("Khối thi đua")

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    leader_unit = optional_key(
        "Unit", _("đơn vị trưởng cụm/khối"), on_delete=models.SET_NULL, related_name="+"
    )
    deputy_unit = optional_key("Unit", _("đơn vị phó cụm/khối"), on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("cụm, khối thi đua")
        verbose_name_plural = _("cụm, khối thi đua")
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(leader_unit__isnull=True)
                | Q(deputy_unit__isnull=True)
                | ~Q(leader_unit=models.F("deputy_unit")),
                name="cluster_leader_is_not_deputy",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UnitQuerySet(models.QuerySet):
    def subtree_of(self, unit: "Unit") -> "UnitQuerySet":
        """The unit and every unit below it."""
        return self.filter(path__startswith=unit.path)

    def valid_on(self, day) -> "UnitQuerySet":
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def active(self) -> "UnitQuerySet":
        """Units in force today."""
        return self.valid_on(timezone.localdate())

    def dissolved(self) -> "UnitQuerySet":
        """Units whose validity ended before today (their history stays)."""
        return self.filter(valid_to__lt=timezone.localdate())

    def rebuild_paths(self) -> int:
        """Recompute every unit's materialised path from its parents (after bulk writes).

        Two queries plus one UPDATE per thousand changed units; returns how many changed.
        """
        rows = list(Unit.objects.values_list("id", "parent_id", "path"))
        parent_of = {pk: parent for pk, parent, _path in rows}
        paths: dict[int, str] = {}
        for pk in parent_of:
            chain = []
            node = pk
            while node is not None and node not in paths:
                if node in chain:
                    raise ValueError("cycle in the unit tree")
                chain.append(node)
                node = parent_of.get(node)
            prefix = paths[node] if node is not None else "/"
            for member in reversed(chain):
                prefix = f"{prefix}{member}/"
                paths[member] = prefix
        changed = [Unit(pk=pk, path=paths[pk]) for pk, _parent, old in rows if paths[pk] != old]
        Unit.objects.bulk_update(changed, ["path"], batch_size=1000)
        return len(changed)

    def lineage_of(self, unit: "Unit") -> list["Unit"]:
        """Every unit this one descends from through reorganisations (predecessors, theirs, …)."""
        found: dict[int, Unit] = {}
        frontier = [unit.pk]
        while frontier:
            # One query per generation of reorganisation (district → commune is one or two).
            step = list(
                Unit.objects.filter(successors__in=frontier)
                .exclude(pk__in=[*found, unit.pk])
                .select_related("parent")
                .distinct()
            )
            for predecessor in step:
                found[predecessor.pk] = predecessor
            frontier = [p.pk for p in step]
        return sorted(found.values(), key=lambda u: (u.valid_to or dt.date.max, u.name))


class Unit(models.Model):
    """Đơn vị, cơ quan, địa phương: a node of the province's tree, with validity and successors."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("UBND tỉnh")
        PROVINCIAL_AGENCY = "provincial_agency", _("Sở, ban, ngành tỉnh")
        DISTRICT = "district", _("UBND cấp huyện")
        COMMUNE = "commune", _("UBND cấp xã")
        DIVISION = "division", _("Phòng, ban chuyên môn")

    code = models.CharField(_("mã đơn vị"), max_length=32, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    kind = models.CharField(_("loại đơn vị"), max_length=24, choices=Kind.choices)
    parent = optional_key("self", _("đơn vị cấp trên"), on_delete=models.PROTECT, related_name="children")
    # Materialised path of ids ("/1/7/42/"): a subtree is one indexed prefix query.
    path = models.CharField(max_length=512, editable=False, db_index=True, default="")
    cluster = optional_key(Cluster, _("cụm/khối thi đua"), on_delete=models.SET_NULL, related_name="units")
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    # As the unit's papers print it (documents.issuers): the full name, the abbreviation that ends a
    # number ("/TTr-SNV"), the place line's locality. Blank: the name, and the locality of the unit above.
    official_name = models.CharField(
        _("tên đầy đủ trên văn bản"), max_length=255, blank=True, help_text=_("Viết đầy đủ, không viết tắt.")
    )
    abbreviation = models.CharField(_("chữ viết tắt trên số văn bản"), max_length=16, blank=True)
    locality = models.CharField(_("địa danh ghi trên văn bản"), max_length=100, blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_validity_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.clean_fields_for_storage()
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if path != self.path:
            old = self.path
            Unit.objects.filter(pk=self.pk).update(path=path)
            self.path = path
            if old:
                # Moving a unit moves its subtree: rewrite the descendants' prefix.
                for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    Unit.objects.filter(pk=child.pk).update(path=path + child.path[len(old) :])

    def clean_fields_for_storage(self) -> None:
        """NFC-normalise code and name and refresh the folded search copy (save and bulk imports)."""
        self.name = normalize(self.name)
        self.code = normalize(self.code)
        self.search_name = fold(f"{self.code} {self.name}")

    @property
    def is_active(self) -> bool:
        today = timezone.localdate()
        return (self.valid_from is None or self.valid_from <= today) and (
            self.valid_to is None or self.valid_to >= today
        )

    @property
    def is_dissolved(self) -> bool:
        return self.valid_to is not None and self.valid_to < timezone.localdate()

    @property
    def ancestor_ids(self) -> list[int]:
        """Ids from the root down to the parent, read from the materialised path (no query)."""
        return [int(part) for part in self.path.strip("/").split("/") if part][:-1]

    @property
    def depth(self) -> int:
        return max(self.path.count("/") - 2, 0)

    def contains(self, other: "Unit | None") -> bool:
        """Whether other is this unit or below it."""
        return other is not None and bool(self.path) and other.path.startswith(self.path)


class Person(models.Model):
    """Cán bộ, công chức, viên chức: an individual who may be nominated."""

    class Gender(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    class Category(models.TextChoices):
        CAN_BO = "can_bo", _("Cán bộ")
        CONG_CHUC = "cong_chuc", _("Công chức")
        VIEN_CHUC = "vien_chuc", _("Viên chức")

    class LeadershipLevel(models.TextChoices):
        """The levels of Biểu 0603.N (Thông tư 02/2023/TT-BNV), rows 06, 07 and 09."""

        NONE = "", _("Không giữ chức vụ lãnh đạo")
        PROVINCE = "province", _("Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên")
        DEPARTMENT = "department", _("Lãnh đạo cấp vụ, sở, ngành và tương đương")
        OTHER = "other", _("Các cấp lãnh đạo khác từ phó phòng trở lên")

    full_name = models.CharField(_("họ và tên"), max_length=255)
    search_name = models.CharField(max_length=255, editable=False, db_index=True)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender.choices)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people")
    category = models.CharField(_("đối tượng"), max_length=16, choices=Category.choices)
    is_leadership = models.BooleanField(_("lãnh đạo, quản lý"), default=False)
    leadership_level = models.CharField(
        _("cấp lãnh đạo"), max_length=16, choices=LeadershipLevel.choices, blank=True, default=""
    )
    is_direct_worker = models.BooleanField(_("trực tiếp lao động, công tác"), default=False)
    personal_id = models.CharField(
        _("số định danh cá nhân"),
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        help_text=_("12 chữ số; chỉ cán bộ Sở Nội vụ xem được đầy đủ."),
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["search_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(personal_id__isnull=True) | Q(personal_id__regex=r"^[0-9]{12}$"),
                name="person_personal_id_12_digits",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def __repr__(self) -> str:
        # Never put the identification number into a repr, a log line or a traceback.
        return f"<Person {self.pk}>"

    def save(self, *args, **kwargs):
        self.clean_fields_for_storage()
        super().save(*args, **kwargs)

    def clean_fields_for_storage(self) -> None:
        """NFC-normalise the name, refresh the folded search copy (save and bulk imports)."""
        self.full_name = normalize(self.full_name)
        self.position = normalize(self.position)
        self.search_name = fold(self.full_name)
        self.personal_id = normalize(self.personal_id) or None

    @property
    def masked_personal_id(self) -> str:
        return f"********{self.personal_id[-4:]}" if self.personal_id else ""


class Membership(models.Model):
    """A user's unit: at most one per user. The user's role is their Django group."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="memberships"
    )

    class Meta:
        verbose_name = _("thành viên đơn vị")
        verbose_name_plural = _("thành viên đơn vị")

    def __str__(self) -> str:
        return f"{self.user} – {self.unit}"


class Campaign(models.Model):
    """Kế hoạch phát động phong trào thi đua: the plan, loaded as data."""

    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thi đua theo chuyên đề")
        ANNUAL = "annual", _("Thi đua thường xuyên (hằng năm)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ACTIVE = "active", _("Đang triển khai")
        CLOSED = "closed", _("Đã tổng kết")

    number = models.CharField(_("số hiệu"), max_length=64, unique=True)
    title = models.CharField(_("tên phong trào"), max_length=500)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.THEMATIC)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=255, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày ban hành"))
    starts_on = models.DateField(_("bắt đầu"))
    ends_on = models.DateField(_("kết thúc"))
    legal_basis = models.TextField(_("căn cứ"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    # Who issues the campaign's papers (documents.issuers): the body that decides province-level awards
    # (UBND tỉnh: the decision) and the department that appraises and reports (Sở Nội vụ: the tờ trình,
    # the summary reports). Set by Sở Nội vụ on the signers' page once the units are imported.
    deciding_unit = models.ForeignKey(
        "campaigns.Unit",
        verbose_name=_("cơ quan quyết định khen thưởng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    appraising_unit = models.ForeignKey(
        "campaigns.Unit",
        verbose_name=_("cơ quan thẩm định, báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Criterion (d) of collectives: "ranked high" = top N of its group; "remarkable" = up K places.
    ranking_top_n = models.PositiveSmallIntegerField(_("xếp hạng cao: trong nhóm N đầu"), default=3)
    ranking_improvement_k = models.PositiveSmallIntegerField(
        _("tiến bộ vượt bậc: tăng ít nhất K bậc"), default=5
    )

    class Meta:
        verbose_name = _("kế hoạch thi đua")
        verbose_name_plural = _("kế hoạch thi đua")
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="campaign_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}"


class CampaignSection(models.Model):
    """One ordered part of the plan's text (purposes, contents, criteria, awards, …)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    key = models.SlugField(_("khóa"), max_length=64)
    heading = models.CharField(_("tiêu đề"), max_length=500)
    body = models.TextField(_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("mục của kế hoạch")
        verbose_name_plural = _("mục của kế hoạch")
        ordering = ["campaign", "order"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "key"], name="campaign_section_key_unique")
        ]

    def __str__(self) -> str:
        return self.heading


class CodeListEntry(models.Model):
    """An entry of a code list kept as data: a stable code and its place in the list.

    Each list declares the entry's `name`, under its own label.
    """

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class DocumentType(CodeListEntry):
    """A kind of document a dossier may carry (tờ trình, báo cáo thành tích, biên bản, minh chứng)."""

    name = models.CharField(_("tên loại tài liệu"), max_length=255)

    class Meta(CodeListEntry.Meta):
        verbose_name = _("loại tài liệu")
        verbose_name_plural = _("loại tài liệu")


class AwardType(CodeListEntry):
    """Hình thức khen thưởng (form of award), kept apart from danh hiệu thi đua (titles)."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh quyết định")
        UNIT = "unit", _("Thủ trưởng đơn vị quyết định")

    name = models.CharField(_("tên hình thức khen thưởng"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=64)
    level = models.CharField(_("cấp quyết định"), max_length=16, choices=Level.choices)

    class StatisticsColumn(models.TextChoices):
        """Where an award of this form is counted in Biểu 0603.N (Thông tư 02/2023/TT-BNV)."""

        NONE = "", _("Không thống kê ở Biểu 0603.N")
        BANG_KHEN = "bang_khen", _("Bằng khen")
        CHIEN_SI = "chien_si", _("Chiến sĩ thi đua cấp bộ, cấp tỉnh")
        CO_THI_DUA = "co_thi_dua", _("Cờ thi đua")
        HUY_HIEU = "huy_hieu", _("Huy hiệu (kỷ niệm chương)")

    statistics_column = models.CharField(
        _("cột thống kê (Biểu 0603.N)"),
        max_length=16,
        choices=StatisticsColumn.choices,
        blank=True,
        default="",
    )

    class Meta(CodeListEntry.Meta):
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("hình thức khen thưởng")


class AwardRound(models.Model):
    """Đợt khen thưởng: an annual round for one year, or the final round of the campaign."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Khen thưởng hằng năm")
        FINAL = "final", _("Khen thưởng tổng kết")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Chưa mở")
        OPEN = "open", _("Đang nhận hồ sơ")
        APPRAISING = "appraising", _("Đang thẩm định")
        OVERDUE = "overdue", _("Quá hạn thẩm định")
        DECIDED = "decided", _("Đã có quyết định")

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="rounds"
    )
    code = models.SlugField(_("mã đợt"), max_length=64)
    name = models.CharField(_("tên đợt"), max_length=255)
    kind = models.CharField(_("loại đợt"), max_length=16, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    period_start = models.DateField(_("kỳ đánh giá từ"))
    period_end = models.DateField(_("kỳ đánh giá đến"))
    opens_on = models.DateField(_("mở nhận hồ sơ"))
    closes_on = models.DateField(_("hạn nộp hồ sơ"))
    appraisal_deadline = models.DateField(_("hạn thẩm định"))
    appraisal_working_days = models.PositiveSmallIntegerField(
        _("thời hạn thẩm định (ngày làm việc)"), default=10
    )
    publication_days = models.PositiveSmallIntegerField(_("số ngày công khai lấy ý kiến"), default=5)
    council_pass_ratio = models.DecimalField(
        _("tỷ lệ đồng ý để thông qua"),
        max_digits=4,
        decimal_places=3,
        default="0.500",
        help_text=_("Thông qua khi số đồng ý vượt tỷ lệ này trên tổng số thành viên hội đồng."),
    )
    required_document_types = models.ManyToManyField(
        DocumentType, verbose_name=_("tài liệu bắt buộc"), blank=True, related_name="+"
    )
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True, editable=False)
    # Set by the first submission of a dossier of this round: from then on its criteria are frozen.
    submissions_started_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("đợt khen thưởng")
        verbose_name_plural = _("đợt khen thưởng")
        ordering = ["campaign", "period_end", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="award_round_code_unique"),
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="round_window_ordered"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="round_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(appraisal_deadline__gte=models.F("closes_on")), name="round_appraisal_after_close"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def status_on(self, day) -> str:
        if self.decided_on:
            return self.Status.DECIDED
        if day < self.opens_on:
            return self.Status.UPCOMING
        if day <= self.closes_on:
            return self.Status.OPEN
        if day <= self.appraisal_deadline:
            return self.Status.APPRAISING
        return self.Status.OVERDUE

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class RoundQuota(models.Model):
    """At most max_count awards of one type in a round (collectives and individuals together)."""

    round = models.ForeignKey(AwardRound, on_delete=models.CASCADE, related_name="quotas")
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("hình thức khen thưởng"), on_delete=models.PROTECT
    )
    max_count = models.PositiveIntegerField(_("số lượng tối đa"))

    class Meta:
        verbose_name = _("chỉ tiêu khen thưởng")
        verbose_name_plural = _("chỉ tiêu khen thưởng")
        constraints = [
            models.UniqueConstraint(fields=["round", "award_type"], name="round_quota_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.award_type.short_name}: {self.max_count}"


class ImportBatch(models.Model):
    """An uploaded spreadsheet kept between its preview and its confirmation (browser imports)."""

    class Kind(models.TextChoices):
        UNITS = "units", _("Danh sách đơn vị")
        PEOPLE = "people", _("Danh sách cá nhân")
        # Read by criteria (criteria/imports.py registers it): results of the units, one year a file.
        RANKINGS = "rankings", _("Kết quả dân vận chính quyền")

    class State(models.TextChoices):
        PREVIEWED = "previewed", _("Đã xem trước")
        CONFIRMED = "confirmed", _("Đã nhập")
        DISCARDED = "discarded", _("Đã hủy")

    kind = models.CharField(_("loại dữ liệu"), max_length=16, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("lúc tải lên"), auto_now_add=True)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    # The year the rows are about, for the kinds whose file holds one year (rankings).
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True, editable=False)
    # Storage name under MEDIA_ROOT; emptied once the batch is confirmed or discarded (the file
    # holds personal data, so it is not kept longer than the import needs).
    file = models.CharField(max_length=255, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    state = models.CharField(
        _("trạng thái"), max_length=16, choices=State.choices, default=State.PREVIEWED, editable=False
    )
    row_count = models.PositiveIntegerField(_("số dòng"), default=0)
    error_count = models.PositiveIntegerField(_("số lỗi"), default=0)
    created_count = models.PositiveIntegerField(_("số bản ghi thêm mới"), default=0)
    updated_count = models.PositiveIntegerField(_("số bản ghi cập nhật"), default=0)
    confirmed_at = models.DateTimeField(_("lúc nhập"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("lượt nhập dữ liệu")
        verbose_name_plural = _("lượt nhập dữ liệu")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.original_name}"

"""Province-scale data for load tests and query-count checks (`manage.py generate_scale_data`).

About 300 units in a three-level tree with clusters, 30,000 people, the three rounds of plan 169,
5,000 dossiers in every state (with small real PDF documents, self-assessments, appraisers' scores and
the audit events of each dossier's path), three years of dân vận rankings, 200 awards with their
decisions and bonuses, 100 good practices, difficulties and the units' duties. `--size small` builds
the same shape about ten times smaller, to show that the pages' query counts do not grow with rows.

Deterministic for a seed: one random.Random(seed) drives every choice and the dates are laid out
against a fixed day (REFERENCE_DAY), so two databases built with the same seed hold the same names.
Idempotent: the province unit `SC<seed>-TINH` is the marker; a second run finds it and skips.

Rows are written directly with bulk_create (this stands in for two years of use; the services are
the only writers of real data), but every state is one the workflow can reach: each dossier carries
the events of its path, concluded dossiers have every criterion scored, proposals sit in numbered
quota slots, the council voted before the decision, and bonuses come from awards.bonus.
"""

import datetime as dt
import hashlib
import io
import random
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from awards.models import (
    Award,
)
from campaigns import roles
from campaigns.files import PDF, CheckedFile, store
from campaigns.models import AwardType, Campaign, Cluster, DocumentType, Membership, Person, Unit
from campaigns.text import fold
from criteria.models import (
    Criterion,
    DutyDeadline,
    PeriodicReport,
    Registration,
    Subject,
    UnitPlan,
    UnitRanking,
)
from devdata.demo import names
from devdata.issuers import give_units_papers
from devdata.scale import names as text
from nominations import deadlines
from nominations.models import DossierDocument, Nomination, State
from practices.models import (
    Difficulty,
    DifficultyEvent,
    DifficultyState,
    Practice,
    PracticeEvent,
    PracticeState,
)

CAMPAIGN_NUMBER = "169/KH-UBND"
# Dates are laid out against this day (the day the data describes), not the clock: same seed, same rows.
REFERENCE_DAY = dt.date(2026, 11, 26)
SCALE_PASSWORD = "ThiDua@Bench-2026"
BENCH_USERS = {
    roles.NOIVU_STAFF: "bench-chuyenvien",
    roles.NOIVU_MANAGER: "bench-truongban",
    roles.COUNCIL_MEMBER: "bench-hoidong",
    roles.UNIT_HEAD: "bench-thutruong",
    roles.UNIT_OFFICER: "bench-canbo",
    roles.LEADER: "bench-lanhdao",
}
BATCH = 2000
# How common each family name of demo_data.FAMILY_NAMES is (Nguyễn about a third of the country).
FAMILY_WEIGHTS = [38, 11, 9.5, 7, 5, 4, 2, 2, 2, 1.5, 1, 0.5, 1]


@dataclass(frozen=True)
class Size:
    agencies: int
    divisions: int  # per agency
    districts: int
    communes: int  # per district
    people: int
    dossiers_2025: int
    dossiers_2026: int
    proposed_2026: int
    unit_awards: int  # Giấy khen; the province's Bằng khen of 2025 come on top (9)
    practices: int
    difficulties: int
    appraisers: int
    council: int


SIZES = {
    # 1 + 30 + 90 + 12 + 168 = 301 units; 9 Bằng khen + 191 Giấy khen = 200 awards.
    "full": Size(30, 3, 12, 14, 30_000, 2_000, 3_000, 6, 191, 100, 60, 5, 7),
    # 1 + 5 + 10 + 3 + 12 = 31 units.
    "small": Size(5, 2, 3, 4, 300, 20, 30, 3, 11, 10, 6, 2, 3),
}
# Share of each final state among the dossiers of the open round (nam-2026); proposals are counted apart.
OPEN_ROUND_STATES = [
    (State.DRAFT, 12),
    (State.SUBMITTED, 30),
    (State.IN_REVIEW, 18),
    (State.RETURNED, 7),
    (State.APPRAISED, 20),
    (State.INELIGIBLE, 8),
    (State.WITHDRAWN, 5),
]
# The decided round (nam-2025): 10 proposals (its quota), 9 awarded; the rest concluded or withdrawn.
DECIDED_ROUND_STATES = [(State.APPRAISED, 40), (State.INELIGIBLE, 45), (State.WITHDRAWN, 15)]
DECIDED_PROPOSED, DECIDED_AWARDED = 10, 9
DOCUMENT_CODES = ("to-trinh", "bao-cao-thanh-tich", "bien-ban-hoi-dong")


class ScaleDataError(Exception):
    """The database cannot take this data set; the message (Vietnamese) says what to do."""


def prefix_for(seed: int) -> str:
    return f"SC{seed}-"


def unit_codes(seed: int, size: Size) -> list[str]:
    """Every unit code of the data set, in creation order (what an import file may refer to)."""
    p = prefix_for(seed)
    codes = [f"{p}TINH"]
    for a in range(1, size.agencies + 1):
        codes.append(f"{p}S{a:02d}")
        codes += [f"{p}S{a:02d}-P{d}" for d in range(1, size.divisions + 1)]
    for h in range(1, size.districts + 1):
        codes.append(f"{p}H{h:02d}")
        codes += [f"{p}H{h:02d}-X{x:02d}" for x in range(1, size.communes + 1)]
    return codes


def ascii_text(value: str) -> str:
    """Vietnamese text without diacritics, for the Type 1 font of the tiny PDFs."""
    value = value.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", value)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn" and ord(ch) < 128)


def tiny_pdf(*lines: str) -> bytes:
    """A valid one-page PDF (catalog, page, Helvetica, a content stream, a correct xref table)."""
    parts = ["BT /F1 12 Tf 72 770 Td 16 TL"]
    for line in lines:
        safe = ascii_text(line).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append(f"({safe}) Tj T*")
    content = (" ".join(parts) + " ET").encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def checked_pdf(name: str, *lines: str) -> CheckedFile:
    data = tiny_pdf(*lines)
    return CheckedFile(
        kind=PDF, original_name=name, size=len(data), sha256=hashlib.sha256(data).hexdigest(), data=data
    )


@contextmanager
def historic_timestamps(*model_fields):
    """Let bulk_create keep the dates we set on auto_now/auto_now_add fields (seeding the past)."""
    fields = [model._meta.get_field(name) for model, name in model_fields]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def split(total: int, shares: list[tuple]) -> list[tuple]:
    """Whole counts proportional to the shares that add up to total (largest remainder)."""
    weight = sum(s for _, s in shares)
    raw = [(key, total * s / weight) for key, s in shares]
    counts = [[key, int(r)] for key, r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i][1] - int(raw[i][1]), reverse=True)
    for i in order[: total - sum(c for _, c in counts)]:
        counts[i][1] += 1
    return [(key, count) for key, count in counts]


@dataclass
class Summary:
    created: bool
    counts: dict


def existing_summary(seed: int) -> dict:
    p = prefix_for(seed)
    return {
        "units": Unit.objects.filter(code__startswith=p).count(),
        "people": Person.objects.filter(unit__code__startswith=p).count(),
        "dossiers": Nomination.objects.filter(proposing_unit__code__startswith=p).count(),
        "documents": DossierDocument.objects.filter(nomination__proposing_unit__code__startswith=p).count(),
        "awards": Award.objects.filter(decision__round__campaign__number=CAMPAIGN_NUMBER).count(),
        "practices": Practice.objects.filter(unit__code__startswith=p).count(),
    }


def generate(*, seed: int, size: str = "full", log=lambda message: None) -> Summary:
    """Build the data set for seed (skip when its marker unit exists); return what the database holds."""
    from django.conf import settings

    if settings.PRODUCTION:
        raise ImproperlyConfigured("Không tạo dữ liệu thử tải trên hệ thống production.")
    spec = SIZES[size]
    codes = unit_codes(seed, spec)
    found = Unit.objects.filter(code__startswith="SC", code__endswith="-TINH").values_list("code", flat=True)
    found = [c for c in found if c[2:-5].isdigit()]
    if codes[0] in found:
        have = Unit.objects.filter(code__startswith=prefix_for(seed)).count()
        if have != len(codes):
            raise ScaleDataError(
                f"Cơ sở dữ liệu đã có dữ liệu quy mô tỉnh của seed {seed} nhưng với cỡ khác ({have} đơn vị, "
                f"cỡ “{size}” cần {len(codes)}). Hãy dùng một cơ sở dữ liệu trống cho cỡ này."
            )
        log(f"Dữ liệu seed {seed} (cỡ {size}) đã có: bỏ qua, không tạo thêm.")
        return Summary(created=False, counts=existing_summary(seed))
    if found:
        raise ScaleDataError(
            f"Cơ sở dữ liệu đã có dữ liệu quy mô tỉnh của seed khác ({', '.join(found)}): các chỉ tiêu khen "
            "thưởng của đợt sẽ bị dùng hai lần. Hãy dùng một cơ sở dữ liệu trống."
        )
    call_command("seed_plan169", stdout=io.StringIO())
    campaign = Campaign.objects.get(number=CAMPAIGN_NUMBER)
    if Nomination.objects.filter(round__campaign=campaign).exists():
        raise ScaleDataError(
            "Kế hoạch 169/KH-UBND trong cơ sở dữ liệu này đã có hồ sơ (dữ liệu minh họa hoặc thật). "
            "Hãy tạo dữ liệu thử tải trên một cơ sở dữ liệu trống."
        )
    stored: list[str] = []
    try:
        with transaction.atomic():
            _Builder(seed=seed, spec=spec, campaign=campaign, stored=stored, log=log).build()
    except BaseException:
        for name in stored:  # the rows are rolled back: take their files away too
            default_storage.delete(name)
        raise
    return Summary(created=True, counts=existing_summary(seed))


class _Builder:
    def __init__(self, *, seed, spec: Size, campaign, stored, log):
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.seed, self.spec, self.campaign, self.stored, self.log = seed, spec, campaign, stored, log
        self.p = prefix_for(seed)
        self.rounds = {r.code: r for r in campaign.rounds.all()}
        self.bang_khen = AwardType.objects.get(code="bang-khen-chu-tich")
        self.giay_khen = AwardType.objects.get(code="giay-khen")
        self.doc_types = {d.code: d for d in DocumentType.objects.all()}
        self.criteria = {
            subject: list(
                Criterion.objects.filter(criterion_set__campaign=campaign, criterion_set__subject=subject)
            )
            for subject in Subject.values
        }
        self.off = deadlines.holidays()

    def build(self) -> None:
        self.units()
        department = next(u for u in self.level2 if u.name == "Sở Nội vụ")
        others = [u for u in self.all_units if u.pk not in (self.root.pk, department.pk)]
        give_units_papers(
            campaign=self.campaign,
            province=self.root,
            department=department,
            units=others,
            locality="Hưng Yên",
        )
        self.log(f"{len(self.all_units)} đơn vị, {len(self.clusters)} cụm/khối")
        self.people()
        self.log(f"{len(self.persons)} cá nhân")
        self.users()
        self.rankings()
        self.duties()
        self.dossiers()
        self.log(f"{len(self.nominations)} hồ sơ, {self.document_count} tài liệu PDF")
        self.province_decision()
        self.unit_decisions()
        self.practices()
        self.difficulties()

    # --- Directory --------------------------------------------------------------------------

    def units(self) -> None:
        rng, spec, p = self.rng, self.spec, self.p
        clusters = [Cluster(code=f"{p}KHOI{k}", name=name, kind=Cluster.Kind.KHOI) for k, name in text.BLOCS]
        clusters.append(Cluster(code=f"{p}CUM-H", name=text.DISTRICT_CLUSTER, kind=Cluster.Kind.CUM))
        clusters += [
            Cluster(code=f"{p}CUM{k}", name=f"Cụm thi đua các xã, phường số {k}", kind=Cluster.Kind.CUM)
            for k in range(1, 5)
        ]
        self.clusters = Cluster.objects.bulk_create(clusters)
        blocs, district_cluster, commune_clusters = self.clusters[:3], self.clusters[3], self.clusters[4:]

        def unit(code, name, kind, parent=None, cluster=None):
            u = Unit(code=code, name=name, kind=kind, parent=parent, cluster=cluster)
            u.clean_fields_for_storage()
            return u

        self.root = Unit.objects.bulk_create([unit(f"{p}TINH", text.PROVINCE, Unit.Kind.PROVINCE)])[0]
        level2 = [
            unit(f"{p}S{a:02d}", text.AGENCIES[a - 1], Unit.Kind.PROVINCIAL_AGENCY, self.root, blocs[a % 3])
            for a in range(1, spec.agencies + 1)
        ]
        district_names = rng.sample(text.DISTRICTS, spec.districts)
        level2 += [
            unit(f"{p}H{h:02d}", district_names[h - 1], Unit.Kind.DISTRICT, self.root, district_cluster)
            for h in range(1, spec.districts + 1)
        ]
        self.level2 = Unit.objects.bulk_create(level2)
        level3 = []
        for parent in self.level2:
            if parent.kind == Unit.Kind.PROVINCIAL_AGENCY:
                for d in range(1, spec.divisions + 1):
                    name = f"{text.DIVISIONS[(d - 1) % len(text.DIVISIONS)]}, {parent.name}"
                    level3.append(unit(f"{parent.code}-P{d}", name, Unit.Kind.DIVISION, parent))
            else:
                h = int(parent.code[-2:])
                for x, base in enumerate(rng.sample(text.COMMUNES, spec.communes), start=1):
                    cluster = commune_clusters[h % len(commune_clusters)]
                    kind_name = "phường" if x % 5 == 0 else "xã"
                    level3.append(
                        unit(
                            f"{parent.code}-X{x:02d}",
                            f"UBND {kind_name} {base}",
                            Unit.Kind.COMMUNE,
                            parent,
                            cluster,
                        )
                    )
        self.level3 = Unit.objects.bulk_create(level3)
        self.all_units = [self.root, *self.level2, *self.level3]
        for u in self.all_units:
            u.path = f"{u.parent.path if u.parent else '/'}{u.pk}/"
        Unit.objects.bulk_update(self.all_units, ["path"], batch_size=BATCH)
        for cluster in self.clusters:
            members = [u for u in self.all_units if u.cluster_id == cluster.pk]
            cluster.leader_unit = members[0] if members else None
            cluster.deputy_unit = members[1] if len(members) > 1 else None
        Cluster.objects.bulk_update(self.clusters, ["leader_unit", "deputy_unit"])
        self.level2_of = {u.pk: u for u in self.level2}
        for u in self.level3:
            self.level2_of[u.pk] = u.parent

    def _name(self, female: bool) -> str:
        rng = self.rng
        middle = names.MIDDLE_FEMALE if female else names.MIDDLE_MALE
        given = names.GIVEN_FEMALE if female else names.GIVEN_MALE
        family = rng.choices(names.FAMILY_NAMES, weights=FAMILY_WEIGHTS)[0]
        middle_weights = [4 if m in ("Văn", "Thị") else 1 for m in middle]
        return f"{family} {rng.choices(middle, weights=middle_weights)[0]} {rng.choice(given)}"

    def people(self) -> None:
        rng = self.rng
        weights = {
            Unit.Kind.PROVINCE: 4,
            Unit.Kind.PROVINCIAL_AGENCY: 12,
            Unit.Kind.DIVISION: 4,
            Unit.Kind.DISTRICT: 8,
            Unit.Kind.COMMUNE: 10,
        }
        counts = split(self.spec.people, [(u, weights[u.kind]) for u in self.all_units])
        persons, serial = [], 0
        for u, count in counts:
            for index in range(count):
                female = rng.random() < 0.5
                born = dt.date(rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28))
                leader = index < 2
                positions = (names.LEADER_POSITIONS if leader else names.STAFF_POSITIONS)[u.kind]
                person = Person(
                    full_name=self._name(female),
                    gender=Person.Gender.FEMALE if female else Person.Gender.MALE,
                    date_of_birth=born,
                    position=positions[min(index, len(positions) - 1)] if leader else rng.choice(positions),
                    unit=u,
                    category=Person.Category.CAN_BO if leader else Person.Category.CONG_CHUC,
                    is_leadership=leader,
                    is_direct_worker=not leader and rng.random() < 0.4,
                )
                serial += 1
                if rng.random() < 0.6:
                    # 09x is no province's code on a căn cước: these numbers cannot be real people's.
                    person.personal_id = f"09{self.seed % 10}{serial:09d}"
                person.clean_fields_for_storage()
                persons.append(person)
        self.persons = Person.objects.bulk_create(persons, batch_size=BATCH)
        self.people_of: dict[int, list[Person]] = {}
        for person in self.persons:
            self.people_of.setdefault(person.unit_id, []).append(person)

    def users(self) -> None:
        """One head and one officer per level-2 unit, Sở Nội vụ's staff, the council, a leader."""
        User = get_user_model()
        groups = {role: Group.objects.get_or_create(name=role)[0] for role in roles.ROLES}
        snv, bench_unit = self.level2[0], next(u for u in self.level2 if u.kind == Unit.Kind.DISTRICT)
        self.bench_unit = bench_unit
        wanted = []  # (username, role, unit)
        for role in (roles.NOIVU_STAFF, roles.NOIVU_MANAGER, roles.COUNCIL_MEMBER, roles.LEADER):
            wanted.append((BENCH_USERS[role], role, self.root if role == roles.LEADER else snv))
        wanted += [
            (f"sc{self.seed}-cv{i}", roles.NOIVU_STAFF, snv) for i in range(2, self.spec.appraisers + 1)
        ]
        wanted += [
            (f"sc{self.seed}-hd{i}", roles.COUNCIL_MEMBER, snv) for i in range(2, self.spec.council + 1)
        ]
        for u in self.level2:
            for role, short in ((roles.UNIT_HEAD, "tt"), (roles.UNIT_OFFICER, "cb")):
                name = (
                    BENCH_USERS[role] if u is bench_unit else f"sc{self.seed}-{short}-{u.code[len(self.p) :]}"
                )
                wanted.append((name.lower(), role, u))
        bench_hash = make_password(SCALE_PASSWORD)
        users = []
        for username, _role, _unit in wanted:
            female = self.rng.random() < 0.5
            last, _, first = self._name(female).rpartition(" ")
            bench = username in BENCH_USERS.values()
            users.append(
                User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@example.invalid",
                    password=bench_hash if bench else make_password(None),
                )
            )
        users = User.objects.bulk_create(users)
        User.groups.through.objects.bulk_create(
            [
                User.groups.through(user_id=u.pk, group_id=groups[role].pk)
                for u, (_n, role, _u) in zip(users, wanted, strict=True)
            ]
        )
        Membership.objects.bulk_create(
            [Membership(user=u, unit=unit) for u, (_n, _r, unit) in zip(users, wanted, strict=True)]
        )
        by_role: dict[str, list] = {}
        self.head_of, self.officer_of = {}, {}
        for u, (_n, role, unit) in zip(users, wanted, strict=True):
            by_role.setdefault(role, []).append(u)
            if role == roles.UNIT_HEAD:
                self.head_of[unit.pk] = u
            elif role == roles.UNIT_OFFICER:
                self.officer_of[unit.pk] = u
        self.appraisers = by_role[roles.NOIVU_STAFF]
        self.manager = by_role[roles.NOIVU_MANAGER][0]
        self.council = by_role[roles.COUNCIL_MEMBER]

    def rankings(self) -> None:
        """Dân vận chính quyền results of 2023–2025 for agencies, districts and communes, ranked by group."""
        rng = self.rng
        groups = {
            Unit.Kind.PROVINCIAL_AGENCY: "Sở, ban, ngành tỉnh",
            Unit.Kind.DISTRICT: "UBND cấp huyện",
            Unit.Kind.COMMUNE: "UBND cấp xã",
        }
        rows = []
        for year in (2023, 2024, 2025):
            for kind, label in groups.items():
                members = [u for u in self.all_units if u.kind == kind]
                scored = sorted(
                    ((Decimal(rng.randint(5500, 9900)) / 100, u) for u in members),
                    key=lambda pair: (-pair[0], pair[1].code),
                )
                for rank, (points, u) in enumerate(scored, start=1):
                    grade = (
                        UnitRanking.Grade.GOOD
                        if points >= 90
                        else UnitRanking.Grade.FAIR
                        if points >= 75
                        else UnitRanking.Grade.AVERAGE
                    )
                    rows.append(
                        UnitRanking(
                            unit=u,
                            year=year,
                            points=points,
                            grade=grade,
                            rank=rank,
                            group_label=label,
                            group_size=len(members),
                        )
                    )
        UnitRanking.objects.bulk_create(rows, batch_size=BATCH)

    def _store(self, folder: str, name: str, *lines: str) -> tuple[CheckedFile, str]:
        checked = checked_pdf(name, *lines)
        storage_name = store(checked, folder)
        self.stored.append(storage_name)
        return checked, storage_name

    def _duty_file(self, folder: str, name: str, *lines: str, officer, when: dt.datetime) -> dict:
        """Store a plan's or a report's PDF; its file fields as `officer` uploaded it at `when`."""
        checked, storage_name = self._store(folder, name, *lines)
        return dict(
            submitted_at=when,
            updated_at=when,
            uploaded_by=officer,
            file_name=storage_name,
            original_name=checked.original_name,
            size=checked.size,
            sha256=checked.sha256,
            content_type=PDF.content_type,
        )

    def duties(self) -> None:
        """Registrations, launch plans (PDF) and periodic reports (PDF) of the level-2 units, some late."""
        rng, campaign = self.rng, self.campaign
        deadlines_ = {d.kind: d for d in campaign.duty_deadlines.exclude(kind=DutyDeadline.Kind.REPORT)}
        reports = list(
            campaign.duty_deadlines.filter(kind=DutyDeadline.Kind.REPORT, due_on__lte=REFERENCE_DAY)
        )
        registrations, plans, periodic = [], [], []
        for u in self.level2:
            head, officer = self.head_of[u.pk], self.officer_of[u.pk]
            short = u.code[len(self.p) :]
            registration = deadlines_.get(DutyDeadline.Kind.REGISTRATION)
            if registration and rng.random() < 0.92:
                day = registration.due_on + dt.timedelta(days=rng.randint(-25, 6))
                registrations.append(
                    Registration(
                        campaign=campaign,
                        unit=u,
                        commitments=text.COMMITMENTS,
                        registered_at=at(day, 10),
                        registered_by=head,
                        updated_at=at(day, 10),
                    )
                )
            launch = deadlines_.get(DutyDeadline.Kind.LAUNCH_PLAN)
            if launch and rng.random() < 0.85:
                day = launch.due_on + dt.timedelta(days=rng.randint(-20, 10))
                number = f"{rng.randint(10, 250)}/KH-{short}"
                plans.append(
                    UnitPlan(
                        campaign=campaign,
                        unit=u,
                        number=number,
                        issued_on=day - dt.timedelta(days=2),
                        **self._duty_file(
                            f"duties/{campaign.pk}/plans",
                            f"ke-hoach-{short.lower()}.pdf",
                            f"Ke hoach {number}",
                            u.name,
                            officer=officer,
                            when=at(day, 14),
                        ),
                    )
                )
            for deadline in reports:
                if rng.random() < 0.8:
                    day = min(deadline.due_on + dt.timedelta(days=rng.randint(-12, 5)), REFERENCE_DAY)
                    periodic.append(
                        PeriodicReport(
                            deadline=deadline,
                            unit=u,
                            number=f"{rng.randint(10, 400)}/BC-{short}",
                            **self._duty_file(
                                f"duties/{campaign.pk}/reports",
                                f"{deadline.code}-{short.lower()}.pdf",
                                deadline.title,
                                u.name,
                                officer=officer,
                                when=at(day, 15),
                            ),
                        )
                    )
        with historic_timestamps((Registration, "updated_at")):
            Registration.objects.bulk_create(registrations)
        UnitPlan.objects.bulk_create(plans)
        PeriodicReport.objects.bulk_create(periodic, batch_size=BATCH)

    # --- Dossiers ----------------------------------------------------------------------------

    def dossiers(self) -> None:
        from devdata.scale.dossiers import DossierWriter

        writer = DossierWriter(self)
        writer.write()
        self.nominations = writer.nominations
        self.document_count = writer.document_count
        self.proposed = writer.proposed

    def province_decision(self) -> None:
        """The 2025 round: council session (closed), votes and results, the Chairman's decision, awards."""
        from devdata.scale.dossiers import province_decision

        province_decision(self)

    def unit_decisions(self) -> None:
        from devdata.scale.dossiers import unit_decisions

        unit_decisions(self)

    # --- Practices and difficulties -------------------------------------------------------------

    def practices(self) -> None:
        rng, staff = self.rng, self.appraisers[0]
        candidates = self.level2 + [u for u in self.level3 if u.kind == Unit.Kind.COMMUNE]
        taken, rows = set(), []
        while len(rows) < self.spec.practices:
            u = rng.choice(candidates)
            theme, field = rng.choice(text.PRACTICE_THEMES)
            name = f"{theme} – {u.name.removeprefix('UBND ')}"
            if (u.pk, fold(name)) in taken:
                continue
            taken.add((u.pk, fold(name)))
            people = self.people_of.get(u.pk, [])
            person = rng.choice(people) if people and rng.random() < 0.3 else None
            started = dt.date(2024, 11, 15) + dt.timedelta(days=rng.randint(0, 600))
            registered = at(
                min(started + dt.timedelta(days=rng.randint(5, 40)), REFERENCE_DAY - dt.timedelta(days=1))
            )
            roll = rng.random()
            state = (
                PracticeState.FEATURED
                if roll < 0.15
                else PracticeState.RECOGNISED
                if roll < 0.5
                else PracticeState.REGISTERED
            )
            practice = Practice(
                kind=Practice.Kind.MODEL if rng.random() < 0.7 else Practice.Kind.INITIATIVE,
                name=name,
                name_key=fold(name),
                field=field,
                unit=u,
                person=person,
                place=u.name,
                description=text.PRACTICE_DESCRIPTION,
                results=f"Giải quyết {rng.randint(300, 9000)} hồ sơ, {rng.randint(92, 100)}% đúng hạn; "
                f"{rng.randint(85, 99)}% người dân hài lòng.",
                started_on=started,
                state=state,
                created_by=self.officer_of[self.level2_of[u.pk].pk] if u.parent_id else staff,
                registered_at=registered,
                updated_at=registered,
            )
            author = person.full_name if person else ""
            practice.search_text = " " + fold(f"{name} {practice.place} {u.name} {author}")
            if state != PracticeState.REGISTERED:
                decided = min(registered.date() + dt.timedelta(days=rng.randint(20, 120)), REFERENCE_DAY)
                practice.recognition_number = f"{rng.randint(1000, 2999)}/QĐ-UBND"
                practice.recognition_date = decided
                practice.recognition_issuer = self.campaign.issuer
                practice.recognised_at = at(decided, 16)
                practice.recognised_by = staff
                practice.updated_at = practice.recognised_at
            if state == PracticeState.FEATURED:
                practice.featured_at = practice.recognised_at + dt.timedelta(days=3)
                practice.featured_by = self.manager
                practice.updated_at = practice.featured_at
            rows.append(practice)
        with historic_timestamps((Practice, "updated_at")):
            rows = Practice.objects.bulk_create(rows)
        events = []
        for practice in rows:
            events.append(
                PracticeEvent(
                    practice=practice,
                    actor=practice.created_by,
                    at=practice.registered_at,
                    action=PracticeEvent.Action.REGISTERED,
                    to_state=PracticeState.REGISTERED,
                )
            )
            if practice.recognised_at:
                events.append(
                    PracticeEvent(
                        practice=practice,
                        actor=staff,
                        at=practice.recognised_at,
                        action=PracticeEvent.Action.RECOGNISED,
                        from_state=PracticeState.REGISTERED,
                        to_state=PracticeState.RECOGNISED,
                        comment=f"Quyết định {practice.recognition_number}",
                    )
                )
            if practice.featured_at:
                events.append(
                    PracticeEvent(
                        practice=practice,
                        actor=self.manager,
                        at=practice.featured_at,
                        action=PracticeEvent.Action.FEATURED,
                        from_state=PracticeState.RECOGNISED,
                        to_state=PracticeState.FEATURED,
                    )
                )
        PracticeEvent.objects.bulk_create(events, batch_size=BATCH)

    def difficulties(self) -> None:
        rng, staff = self.rng, self.appraisers[0]
        rows, events = [], []
        for i in range(self.spec.difficulties):
            u = rng.choice(self.level2)
            topic, title = text.DIFFICULTIES[i % len(text.DIFFICULTIES)]
            raised = at(REFERENCE_DAY - dt.timedelta(days=rng.randint(2, 300)), 10)
            state = rng.choice(
                [
                    DifficultyState.RAISED,
                    DifficultyState.FORWARDED,
                    DifficultyState.ANSWERED,
                    DifficultyState.CLOSED,
                ]
            )
            d = Difficulty(
                unit=u,
                topic=topic,
                title=title,
                description=f"{title}. Đơn vị đề nghị Sở Nội vụ hướng dẫn cách thực hiện.",
                state=state,
                created_by=self.officer_of[u.pk],
                raised_at=raised,
                updated_at=raised,
            )
            later = raised + dt.timedelta(days=rng.randint(1, 2))
            if state == DifficultyState.FORWARDED:
                d.forwarded_to, d.forward_note, d.forwarded_at = (
                    "Sở Tài chính",
                    "Thuộc thẩm quyền kinh phí.",
                    later,
                )
            if state in (DifficultyState.ANSWERED, DifficultyState.CLOSED):
                d.answer, d.answered_at, d.answered_by = text.DIFFICULTY_ANSWER, later, staff
            if state == DifficultyState.CLOSED:
                d.closed_at = later + dt.timedelta(days=1)
            d.updated_at = d.closed_at or d.answered_at or d.forwarded_at or raised
            rows.append(d)
        with historic_timestamps((Difficulty, "updated_at")):
            rows = Difficulty.objects.bulk_create(rows)
        # (when, action, from, to): each step the difficulty has a date for becomes its event.
        steps = (
            ("raised_at", DifficultyEvent.Action.RAISED, "", DifficultyState.RAISED),
            (
                "forwarded_at",
                DifficultyEvent.Action.FORWARDED,
                DifficultyState.RAISED,
                DifficultyState.FORWARDED,
            ),
            (
                "answered_at",
                DifficultyEvent.Action.ANSWERED,
                DifficultyState.RAISED,
                DifficultyState.ANSWERED,
            ),
            ("closed_at", DifficultyEvent.Action.CLOSED, DifficultyState.ANSWERED, DifficultyState.CLOSED),
        )
        for d in rows:
            for field, action, from_state, to_state in steps:
                if getattr(d, field):
                    events.append(
                        DifficultyEvent(
                            difficulty=d,
                            actor=d.created_by if action == DifficultyEvent.Action.RAISED else staff,
                            at=getattr(d, field),
                            action=action,
                            from_state=from_state,
                            to_state=to_state,
                            comment=d.forwarded_to if action == DifficultyEvent.Action.FORWARDED else "",
                        )
                    )
        DifficultyEvent.objects.bulk_create(events, batch_size=BATCH)

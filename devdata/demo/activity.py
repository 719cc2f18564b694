"""A living movement on top of the demo data: `manage.py seed_demo_activity`.

Run after seed_plan169 and seed_demo (it runs seed_practices itself, which is idempotent). It adds:
- a head and an officer for six more demo units, and two more council members (demo_activity.py);
- dân vận chính quyền results for 2024, 2025 and 2026 through the rankings import service, fed an
  in-memory CSV, and the units' duties (registration, launching plan, periodic reports) through
  the duties services: some on time, some late, some missing (demo_activity_duties.py);
- the closed round `nam-2025` walked end to end: dossiers, appraisal, proposal, council vote and the
  Chairman's decision, so that the public register and award histories are not empty;
- in the open round `nam-2026`: nineteen Bằng khen dossiers in every state of the unit's and the
  appraiser's side (never proposed or decided: that is the manager's part of the demo), and a
  Giấy khen decision of the demo unit's head (demo_activity_rounds.py, demo_activity_dossiers.py).

Everything goes through the apps' services, as the people concerned (the unit's officer drafts, its
head submits, the Sở Nội vụ specialist appraises, the manager proposes, the council votes).

The demo clock. The services stamp what they do with today's date, and they rightly refuse work out
of its window (a dossier of 2025 cannot be submitted in 2026). To give the history its real dates,
`demo_clock(day)` moves `django.utils.timezone.now` (and so `localdate`) back to that day for the
few service calls of one step, then restores it. It only ever moves the clock into the past and
never past the real now, so every rule is checked as it stood on that day: nothing is bypassed.
It is used for the 2025 round, for units' duties (their deadlines are all past), and to spread the
2026 dossiers over the days of the window they were really worked in (02/11–now). Nothing else in
the portal uses it.

Deterministic and idempotent: each part finds its own rows again (accounts by username, rankings by
unit and year, duties by unit, dossiers by nominee in the round, decisions by number) and adds only
what is missing; a second run changes nothing. The whole run is one transaction: all or nothing.
"""

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from campaigns import roles
from campaigns.models import Unit
from campaigns.services.accounts import create_account
from devdata.demo.directory import DEMO_PASSWORD, DEMO_UNIT_CODE

_REAL_NOW = timezone.now

MANAGER = "truongban"
STAFF = "chuyenvien"
COUNCIL = "hoidong"
HEAD = "thutruong"
OFFICER = "canbo"

# The demo units with dossiers: the demo unit (accounts thutruong/canbo) and six more.
# code, head's name, officer's name (invented, like every demo person).
EXTRA_UNITS = [
    ("X-YENMY", "Nguyễn Văn Thành", "Lê Thị Thu Trang"),
    ("P-PHOHIEN", "Trần Thị Minh Hằng", "Vũ Quang Huy"),
    ("X-ANTHI", "Đặng Văn Hải", "Phạm Thị Lan Anh"),
    ("X-KHOAICHAU", "Bùi Đức Mạnh", "Ngô Thị Hải Yến"),
    ("STP", "Lương Ngọc Dung", "Hoàng Văn Long"),
    ("SYT", "Vũ Xuân Phong", "Đinh Thị Thanh Tâm"),
]
DEMO_UNITS = [DEMO_UNIT_CODE, *(code for code, _head, _officer in EXTRA_UNITS)]
EXTRA_COUNCIL = [
    ("hoidong2", "Nguyễn Thị Kim Oanh", "VP-UBND"),
    ("hoidong3", "Phạm Văn Quyết", "STC"),
]


def head_username(code: str) -> str:
    return HEAD if code == DEMO_UNIT_CODE else f"thutruong.{code.lower()}"


def officer_username(code: str) -> str:
    return OFFICER if code == DEMO_UNIT_CODE else f"canbo.{code.lower()}"


# --- The demo clock -------------------------------------------------------------------------


@contextmanager
def demo_clock(day: dt.date, hour: int = 9, minute: int = 0):
    """Let the services see `day` (at hour:minute, local time) as now; never a moment in the future.

    The moved clock keeps ticking from that moment, so steps taken in order keep their order.
    """
    real_now = _REAL_NOW()
    moment = timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, minute))
    if moment >= real_now:
        yield
        return
    offset = real_now - moment
    with mock.patch.object(timezone, "now", lambda: _REAL_NOW() - offset):
        yield


# --- Small real files -----------------------------------------------------------------------


def tiny_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF (Helvetica, ASCII text) with a correct cross-reference table."""
    text = [b"BT /F1 14 Tf 72 770 Td 18 TL"]
    for line in lines:
        safe = line.encode("ascii", "replace").replace(b"\\", b"\\\\")
        safe = safe.replace(b"(", b"\\(").replace(b")", b"\\)")
        text.append(b"(" + safe + b") Tj T*")
    text.append(b"ET")
    stream = b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_upload(name: str, lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf(lines), content_type="application/pdf")


# --- Accounts -------------------------------------------------------------------------------


def _split(full_name: str) -> tuple[str, str]:
    last, _sep, first = full_name.rpartition(" ")
    return last, first


def ensure_accounts(summary: dict) -> None:
    """A head and an officer for each extra demo unit; two more council members."""
    User = get_user_model()
    manager = User.objects.get(username=MANAGER)
    wanted = []
    for code, head, officer in EXTRA_UNITS:
        wanted.append((head_username(code), head, roles.UNIT_HEAD, code))
        wanted.append((officer_username(code), officer, roles.UNIT_OFFICER, code))
    wanted += [(username, name, roles.COUNCIL_MEMBER, code) for username, name, code in EXTRA_COUNCIL]
    existing = set(
        User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", flat=True)
    )
    units = {u.code: u for u in Unit.objects.filter(code__in={w[3] for w in wanted})}
    for username, full_name, role, code in wanted:
        if username in existing:
            continue
        last, first = _split(full_name)
        create_account(
            actor=manager,
            username=username,
            last_name=last,
            first_name=first,
            email=f"{username}@example.invalid",
            role=role,
            unit=units[code],
            password=DEMO_PASSWORD,
        )
        summary["accounts"] += 1


class Cast:
    """The demo users by username, fetched once (fresh objects: role caches start empty)."""

    def __init__(self):
        names = [MANAGER, STAFF, COUNCIL, *(u for u, _n, _c in EXTRA_COUNCIL)]
        names += [head_username(c) for c in DEMO_UNITS] + [officer_username(c) for c in DEMO_UNITS]
        self.users = {u.username: u for u in get_user_model().objects.filter(username__in=names)}
        self.units = {u.code: u for u in Unit.objects.filter(code__in=DEMO_UNITS)}

    def __getitem__(self, username: str):
        return self.users[username]

    def head(self, code: str):
        return self.users[head_username(code)]

    def officer(self, code: str):
        return self.users[officer_username(code)]

    @property
    def council(self) -> list:
        return [self.users[COUNCIL], *(self.users[u] for u, _n, _c in EXTRA_COUNCIL)]


# --- The whole run --------------------------------------------------------------------------


def _missing_prerequisites() -> list[str]:
    from campaigns.models import AwardRound

    missing = []
    if AwardRound.objects.filter(code__in=["nam-2025", "nam-2026"]).count() != 2:
        missing.append("kế hoạch 169/KH-UBND (manage.py seed_plan169)")
    accounts = get_user_model().objects.filter(username=MANAGER).exists()
    if not accounts or Unit.objects.filter(code__in=DEMO_UNITS).count() != len(DEMO_UNITS):
        missing.append("đơn vị và tài khoản minh họa (manage.py seed_demo)")
    return missing


def seed_demo_activity() -> dict:
    """Add what is missing of the demo movement; return how many rows of each kind were added."""
    from awards.defaults import ensure_defaults
    from devdata.demo import activity_duties as duties
    from devdata.demo import activity_rounds as rounds
    from devdata.demo.narrative import seed_narrative
    from devdata.demo.practices import seed_practices

    if settings.PRODUCTION:
        raise ImproperlyConfigured("Không tạo dữ liệu minh họa trên hệ thống production.")
    missing = _missing_prerequisites()
    if missing:
        return {"missing": missing}
    summary = {
        "accounts": 0,
        "rankings": 0,
        "duties": 0,
        "dossiers": 0,
        "decisions": 0,
        "awards": 0,
        "practices": 0,
        "narrative": 0,
        "notes": [],
    }
    with transaction.atomic():
        ensure_defaults()  # the law's base salary and multiples (fills only what is missing)
        summary["practices"] = seed_practices().get("created", 0)
        ensure_accounts(summary)
        cast = Cast()
        duties.seed_rankings(cast, summary)
        duties.seed_duties(cast, summary)
        rounds.seed_round_2025(cast, summary)
        rounds.seed_round_2026(cast, summary)
        rounds.seed_unit_awards(cast, summary)
        seed_narrative(cast, summary)
    return summary

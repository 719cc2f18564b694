"""Every URL of practices × every role of the cast × own / another unit's object.

Unit A's people own `reg_a` and `dif_a`; unit B's people own `reg_b`, `feat_b` and `dif_b`. A refused
request (403, 404, 405, or the login redirect of an anonymous visitor) changes nothing.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, reverse

from practices import urls as practice_urls
from practices.models import (
    Difficulty,
    DifficultyEvent,
    DifficultyFile,
    Practice,
    PracticeEvent,
    PracticeFile,
)
from tests.conftest import CAST_USERS
from tests.files import pdf_upload, png_upload

from .helpers import (
    checked_pdf,
    checked_photo,
    featured,
    raise_difficulty,
    recognise,
    register,
)

pytestmark = [pytest.mark.django_db]

USERS = [*CAST_USERS, None]  # None: anonymous


def table(a, b, noivu, leader, council, nobody, anon=302) -> dict:
    """Expected status per user: unit A's two people, unit B's two, Sở Nội vụ's two, then the rest."""
    return {
        "officer_a": a,
        "head_a": a,
        "head_b": b,
        "officer_b": b,
        "appraiser": noivu,
        "manager": noivu,
        "leader": leader,
        "council": council,
        "nobody": nobody,
        None: anon,
    }


def everyone(status) -> dict:
    return dict.fromkeys(USERS, status)


@dataclass
class Case:
    url_name: str
    method: str
    args: tuple  # names of fixture objects ("reg_a", "reg_a.photo", …)
    expected: dict
    data: object = None  # dict or callable(user) -> dict
    label: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.url_name}-{self.method}-{self.label or '-'.join(self.args) or 'list'}"


def practice_data(user):
    return {
        "kind": "model",
        "name": f"Mô hình thử của {user.username}",
        "field": "economy",
        "place": "Xã Lạc Hồng",
        "description": "Cách làm.",
        "results": "Kết quả 100%.",
        "started_on": "01/03/2025",
        "state": "featured",
        "unit": "1",
    }


def difficulty_data(user):
    return {
        "topic": "other",
        "title": f"Vướng mắc của {user.username}",
        "description": "Mô tả.",
        "state": "closed",
    }


RECOGNITION = {"decision_number": "12/QĐ-UBND", "decision_date": "15/10/2025", "issuer": "UBND tỉnh Hưng Yên"}

# Who may open a unit-A object: its people, Sở Nội vụ, leaders (read); others see 404.
READ_A = table(a=200, b=404, noivu=200, leader=200, council=404, nobody=404)
# Who may change a registered unit-A object: only its people; Sở Nội vụ and leaders see it and get 403.
CHANGE_A = table(a=302, b=404, noivu=403, leader=403, council=404, nobody=404)
CHANGE_PAGE_A = table(a=200, b=404, noivu=403, leader=403, council=404, nobody=404)
# What Sở Nội vụ alone does to a unit-A object.
HANDLE_A = table(a=403, b=404, noivu=302, leader=403, council=404, nobody=404)

CASES = [
    Case("practices:library", "get", (), table(200, 200, 200, 200, 200, 200)),
    Case("practices:register", "get", (), table(200, 200, 200, 200, 403, 403)),
    Case("practices:practice_create", "get", (), table(200, 200, 403, 403, 403, 403)),
    Case("practices:practice_create", "post", (), table(302, 302, 403, 403, 403, 403), data=practice_data),
    Case("practices:practice_detail", "get", ("reg_a",), READ_A, label="own-registered"),
    Case("practices:practice_detail", "get", ("feat_b",), everyone(200) | {None: 302}, label="published"),
    Case("practices:practice_edit", "get", ("reg_a",), CHANGE_PAGE_A),
    Case("practices:practice_edit", "post", ("reg_a",), CHANGE_A, data=practice_data),
    Case(
        "practices:practice_edit",
        "post",
        ("feat_b",),
        table(a=404, b=302, noivu=403, leader=403, council=404, nobody=404),
        data=practice_data,
        label="frozen",
    ),
    Case(
        "practices:practice_file_add",
        "post",
        ("reg_a",),
        CHANGE_A,
        data=lambda u: {"role": "photo", "upload": png_upload()},
    ),
    Case("practices:practice_file", "get", ("reg_a", "reg_a.photo"), READ_A),
    Case(
        "practices:practice_file",
        "get",
        ("feat_b", "feat_b.photo"),
        everyone(200) | {None: 302},
        label="published",
    ),
    Case(
        "practices:practice_file",
        "get",
        ("reg_b", "reg_a.photo"),
        table(404, 404, 404, 404, 404, 404),
        label="mismatch",
    ),
    Case("practices:practice_file_delete", "post", ("reg_a", "reg_a.photo"), CHANGE_A, data={}),
    Case("practices:practice_recognise", "get", ("reg_a",), table(403, 404, 200, 403, 404, 404)),
    Case("practices:practice_recognise", "post", ("reg_a",), HANDLE_A, data=RECOGNITION),
    Case("practices:practice_feature", "post", ("rec_a",), HANDLE_A, data={"comment": ""}),
    # The method is checked first (require_POST outside the one guard): a GET is 405 for everyone.
    Case("practices:practice_feature", "get", ("rec_a",), everyone(405), label="get"),
    Case("practices:public_featured", "get", (), everyone(200)),
    Case("practices:public_featured_detail", "get", ("feat_b",), everyone(200)),
    Case("practices:public_featured_detail", "get", ("rec_a",), everyone(404), label="not-featured"),
    Case("practices:public_photo", "get", ("feat_b", "feat_b.photo"), everyone(200)),
    Case("practices:public_photo", "get", ("reg_a", "reg_a.photo"), everyone(404), label="not-featured"),
    Case("practices:difficulty_list", "get", (), table(200, 200, 200, 200, 403, 403)),
    Case("practices:difficulty_create", "get", (), table(200, 200, 403, 403, 403, 403)),
    Case(
        "practices:difficulty_create", "post", (), table(302, 302, 403, 403, 403, 403), data=difficulty_data
    ),
    Case("practices:difficulty_detail", "get", ("dif_a",), READ_A),
    Case("practices:difficulty_edit", "get", ("dif_a",), CHANGE_PAGE_A),
    Case("practices:difficulty_edit", "post", ("dif_a",), CHANGE_A, data=difficulty_data),
    Case(
        "practices:difficulty_file_add", "post", ("dif_a",), CHANGE_A, data=lambda u: {"upload": pdf_upload()}
    ),
    Case("practices:difficulty_file", "get", ("dif_a", "dif_a.file"), READ_A),
    Case("practices:difficulty_answer", "post", ("dif_a",), HANDLE_A, data={"answer": "Trả lời."}),
    Case(
        "practices:difficulty_forward",
        "post",
        ("dif_a",),
        HANDLE_A,
        data={"agency": "Sở Tài chính", "note": ""},
    ),
    Case("practices:difficulty_close", "post", ("dif_a",), HANDLE_A, data={"note": ""}),
]


@pytest.fixture
def world(cast):
    reg_a = register(cast.officer_a, name="Mô hình đăng ký của A", photos=[checked_photo()])
    reg_b = register(cast.officer_b, name="Mô hình đăng ký của B", photos=[checked_photo()])
    rec_a = recognise(register(cast.officer_a, name="Mô hình được công nhận của A"), cast.appraiser)
    feat_b = featured(
        register(cast.officer_b, name="Điển hình của B", photos=[checked_photo()]), cast.appraiser
    )
    dif_a = raise_difficulty(cast.officer_a, title="Vướng mắc của A", attachments=[checked_pdf()])
    dif_b = raise_difficulty(cast.officer_b, title="Vướng mắc của B", attachments=[checked_pdf()])
    objects = {
        "reg_a": reg_a,
        "reg_b": reg_b,
        "rec_a": rec_a,
        "feat_b": feat_b,
        "dif_a": dif_a,
        "dif_b": dif_b,
    }
    objects["reg_a.photo"] = reg_a.files.get()
    objects["feat_b.photo"] = feat_b.files.get()
    objects["dif_a.file"] = dif_a.files.get()
    return objects


def snapshot() -> tuple:
    return (
        sorted(Practice.objects.values_list("pk", "state", "name", "unit_id", "recognition_number")),
        sorted(Difficulty.objects.values_list("pk", "state", "title", "unit_id", "answer", "forwarded_to")),
        PracticeEvent.objects.count(),
        DifficultyEvent.objects.count(),
        PracticeFile.objects.count(),
        DifficultyFile.objects.count(),
    )


@pytest.mark.parametrize("user", USERS, ids=lambda u: u or "anonymous")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_permission_matrix(cast, world, client_for, case, user):
    actor = cast.users()[user] if user else None
    client = client_for(actor)
    url = reverse(case.url_name, args=[world[name].pk for name in case.args])
    data = case.data(actor or cast.nobody) if callable(case.data) else case.data
    before = snapshot()
    response = client.post(url, data or {}) if case.method == "post" else client.get(url)
    expected = case.expected[user]
    assert response.status_code == expected, f"{case.id} as {user}: {response.status_code} != {expected}"
    if expected == 302 and user is None:
        assert response.url.startswith(reverse("login"))
    if case.method == "get" or expected != 302 or user is None:
        assert snapshot() == before, f"{case.id} as {user} changed data"


def test_successful_posts_change_what_they_say(cast, world, client_for):
    """The 302s of the matrix are real changes (and never of the state/unit a POST tried to set)."""
    client_for(cast.head_a).post(
        reverse("practices:practice_edit", args=[world["reg_a"].pk]), practice_data(cast.head_a)
    )
    world["reg_a"].refresh_from_db()
    assert world["reg_a"].name == "Mô hình thử của head_a" and world["reg_a"].state == "registered"
    assert world["reg_a"].unit == cast.unit_a
    client_for(cast.manager).post(
        reverse("practices:practice_recognise", args=[world["reg_a"].pk]), RECOGNITION
    )
    world["reg_a"].refresh_from_db()
    assert world["reg_a"].recognition_date == datetime.date(2025, 10, 15)
    client_for(cast.appraiser).post(
        reverse("practices:difficulty_close", args=[world["dif_a"].pk]), {"note": ""}
    )
    world["dif_a"].refresh_from_db()
    assert world["dif_a"].state == "closed"


def test_matrix_covers_every_url_of_practices():
    names = {f"practices:{p.name}" for p in practice_urls.urlpatterns if isinstance(p, URLPattern)}
    covered = {case.url_name for case in CASES}
    assert names == covered, f"not in the matrix: {sorted(names - covered)}"

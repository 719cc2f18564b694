"""Every URL of nominations × every role of the cast × a dossier of unit A and one of unit B.

Each refused POST must leave the database exactly as it was.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from nominations.models import (
    CriterionAssessment,
    DossierDocument,
    Nomination,
    NominationEvent,
    Notification,
    PracticeLink,
)
from nominations.services import content, practice_links, workflow
from nominations.urls import urlpatterns
from tests import files
from tests.conftest import CAST_USERS
from tests.factories import make_complete, score_all
from tests.practices.helpers import recognise, register

pytestmark = pytest.mark.django_db

ROLES = [*CAST_USERS, None]  # None: anonymous
UNIT_OF_ROLE = {"officer_a": "a", "head_a": "a", "head_b": "b", "officer_b": "b"}
HEADS = {"head_a", "head_b"}
NOIVU = {"appraiser", "manager"}


def unit_page(role, which):
    """Pages of the unit's side: the dossier's own unit sees it, everyone else gets 404."""
    return 200 if UNIT_OF_ROLE.get(role) == which else 404


def unit_action(role, which):
    return 302 if UNIT_OF_ROLE.get(role) == which else 404


def head_action(role, which):
    if UNIT_OF_ROLE.get(role) != which:
        return 404
    return 302 if role in HEADS else 403


def seen_by_unit_and_noivu(role, which):
    return 200 if role in NOIVU or UNIT_OF_ROLE.get(role) == which else 404


def noivu_page(role, which):
    return 200 if role in NOIVU else 404


def noivu_action(role, which):
    return 302 if role in NOIVU else 404


def manager_action(role, which):
    if role == "manager":
        return 302
    return 403 if role == "appraiser" else 404


def concluded_view(role, which):
    return 200 if role in NOIVU or role == "leader" or UNIT_OF_ROLE.get(role) == which else 404


@dataclass
class Case:
    name: str
    state: str  # state the two dossiers are put in before the request
    expect: object  # callable(role, which) -> status, or dict for list pages
    method: str = "get"
    data: object = None  # callable(world, which) -> POST data
    doc: bool = False  # the URL names one of the dossier's documents
    link: bool = False  # the URL names one of the dossier's cited practices
    changes: bool = True  # an allowed POST changes something
    label: str = ""
    extra: dict = field(default_factory=dict)


def list_expect(allowed: set[str], ok=200):
    def expect(role, which):
        if role is None:
            return 302
        return ok if role in allowed else 403

    return expect


UNIT_ROLES = {"officer_a", "head_a", "head_b", "officer_b"}
SIGNED_IN = {r for r in ROLES if r}


def criteria_data(world, which, **values):
    n = world.dossiers[which]
    data = {}
    for c in world.setup.sets["collective"].criteria.all():
        if "met" in values and c.evaluation == "appraiser":
            data[f"c{c.pk}_met"] = values["met"]
        if "points" in values:
            data[f"c{c.pk}_points"] = values["points"]
    data["state"] = "awarded"
    data["nomination"] = n.pk
    return data


CASES = [
    Case("unit_list", "draft", list_expect(UNIT_ROLES)),
    Case("create", "draft", list_expect(UNIT_ROLES)),
    Case("concluded", "draft", list_expect({"appraiser", "manager", "leader"})),
    Case("queue", "submitted", list_expect(NOIVU)),
    Case("take_next", "submitted", list_expect(NOIVU, ok=302), method="post"),
    Case("notifications", "draft", list_expect(SIGNED_IN)),
    Case("mark_read", "submitted", list_expect(SIGNED_IN, ok=302), method="post", changes=False),
    Case("detail", "draft", unit_page, label="draft"),
    Case("detail", "submitted", seen_by_unit_and_noivu, label="submitted"),
    Case("detail", "appraised", concluded_view, label="appraised"),
    Case(
        "edit_summary",
        "draft",
        unit_action,
        method="post",
        data=lambda w, x: {"summary": "Đã sửa", "state": "awarded", "proposing_unit": w.cast.unit_b.pk},
    ),
    Case(
        "upload",
        "draft",
        unit_action,
        method="post",
        data=lambda w, x: {
            "document_type": w.setup.doc_types["minh-chung"].pk,
            "file": files.pdf_upload("them.pdf"),
        },
    ),
    Case("delete_document", "draft", unit_action, method="post", doc=True),
    Case(
        "link_practice",
        "draft",
        unit_action,
        method="post",
        data=lambda w, x: {"practice": w.practices[x].pk, "state": "awarded"},
    ),
    Case("unlink_practice", "draft", unit_action, method="post", link=True),
    Case("download", "submitted", seen_by_unit_and_noivu, doc=True),
    Case("view_pdf", "submitted", seen_by_unit_and_noivu, doc=True),
    Case("self_assess", "draft", unit_page, label="get"),
    Case(
        "self_assess",
        "draft",
        unit_action,
        method="post",
        data=lambda w, x: criteria_data(w, x, met="no"),
        label="post",
    ),
    Case("submit", "draft", head_action, method="post", data=lambda w, x: {"state": "appraised"}),
    Case("withdraw", "draft", head_action, method="post", data=lambda w, x: {"reason": "Nhầm"}),
    Case("appraise", "submitted", noivu_page),
    Case("take", "submitted", noivu_action, method="post"),
    Case(
        "assign",
        "submitted",
        manager_action,
        method="post",
        data=lambda w, x: {"appraiser": w.cast.appraiser.pk},
    ),
    Case(
        "score", "in_review", noivu_action, method="post", data=lambda w, x: criteria_data(w, x, points="5")
    ),
    Case(
        "return",
        "in_review",
        noivu_action,
        method="post",
        data=lambda w, x: {"return-reason": "Thiếu biên bản"},
    ),
    Case(
        "conclude",
        "in_review",
        noivu_action,
        method="post",
        data=lambda w, x: {"conclude-verdict": "ineligible", "conclude-reason": "Không đạt tiêu chí d"},
    ),
]


@dataclass
class World:
    cast: object
    setup: object
    dossiers: dict
    documents: dict
    practices: dict
    links: dict


def build_world(cast, setup, state: str) -> World:
    dossiers, documents, practices, links = {}, {}, {}, {}
    for which, unit, officer, head in (
        ("a", cast.unit_a, cast.officer_a, cast.head_a),
        ("b", cast.unit_b, cast.officer_b, cast.head_b),
    ):
        n = setup.dossier(nominee_unit=unit, created_by=officer)
        documents[which] = content.add_document(
            actor=officer,
            nomination=n,
            document_type=setup.doc_types["minh-chung"],
            upload=files.pdf_upload(),
        )
        practices[which] = recognise(register(officer, name=f"Một cửa thân thiện {which}"), cast.appraiser)
        cited = recognise(register(officer, name=f"Số hóa hồ sơ {which}"), cast.appraiser)
        links[which] = practice_links.link_practice(actor=officer, nomination=n, practice_id=cited.pk)
        make_complete(n, setup, officer)
        if state != "draft":
            workflow.submit(actor=head, nomination=n)
        if state in ("in_review", "appraised"):
            workflow.take(actor=cast.appraiser, nomination=n)
            score_all(n)
        if state == "appraised":
            workflow.conclude_eligible(actor=cast.appraiser, nomination=n)
        dossiers[which] = n
    return World(cast, setup, dossiers, documents, practices, links)


def snapshot():
    return (
        list(
            Nomination.objects.order_by("pk").values_list(
                "pk",
                "state",
                "summary",
                "appraiser_id",
                "score",
                "conclusion",
                "appraisal_due_on",
                "proposing_unit_id",
            )
        ),
        NominationEvent.objects.count(),
        list(DossierDocument.objects.order_by("pk").values_list("pk", "sha256")),
        list(
            CriterionAssessment.objects.order_by("pk").values_list(
                "pk", "self_met", "self_points", "evidence", "appraiser_points", "appraiser_comment"
            )
        ),
        Notification.objects.filter(read_at__isnull=True).count(),
        list(PracticeLink.objects.order_by("pk").values_list("pk", "nomination_id", "practice_id")),
    )


LIST_NAMES = {p.name for p in urlpatterns if "pk" not in p.pattern.converters}


def test_the_matrix_covers_every_url_of_the_app():
    app_names = {p.name for p in urlpatterns}
    assert app_names == {c.name for c in CASES}, app_names ^ {c.name for c in CASES}


def _id(case):
    return f"{case.name}-{case.label or case.state}"


@pytest.mark.parametrize("role", ROLES, ids=[r or "anonymous" for r in ROLES])
@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_matrix(case, role, cast, setup, client_for):
    world = build_world(cast, setup, case.state)
    user = cast.users()[role] if role else None
    client = client_for(user)
    for which in ("a", "b"):
        n = world.dossiers[which]
        n.refresh_from_db()
        kwargs = {}
        is_list = case.name in LIST_NAMES
        if not is_list:
            kwargs["pk"] = n.pk
            if case.doc:
                kwargs["doc_pk"] = world.documents[which].pk
            if case.link:
                kwargs["link_pk"] = world.links[which].pk
        url = reverse(f"nominations:{case.name}", kwargs=kwargs)
        before = snapshot()
        if case.method == "post":
            data = case.data(world, which) if case.data else {}
            response = client.post(url, data)
        else:
            response = client.get(url)
        expected = 302 if role is None else case.expect(role, which)
        assert response.status_code == expected, (case.name, role, which, response.status_code)
        if role is None:
            assert "/tai-khoan/dang-nhap/" in response["Location"]
        if case.method == "post":
            after = snapshot()
            if expected in (403, 404) or role is None:
                assert after == before, f"refused {case.name} by {role} on {which} changed data"
            elif case.changes and not is_list:
                assert after != before, f"allowed {case.name} by {role} on {which} changed nothing"
        if is_list:
            break  # list pages: one request is enough

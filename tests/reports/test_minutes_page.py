"""The council minutes' page (`reports:council_minutes`): who may open it and ask for the minutes, an
unknown round, a format the minutes do not come in, a session still open."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.urls import reverse

from reports.models import ReportJob
from tests.awards.flow import council_members, individual_and_collective, voted_round
from tests.conftest import CAST_USERS
from tests.factories import award_round

pytestmark = pytest.mark.django_db
SIGN_IN = "/tai-khoan/dang-nhap/"


@pytest.fixture
def voted(cast):
    """A round whose council session has closed: its minutes can be built."""
    round_ = award_round(quota=10)
    person_dossier, unit_dossier = individual_and_collective(cast, round_)
    voted_round(
        cast,
        round_,
        votes={person_dossier: ["agree", "agree"], unit_dossier: ["agree", "disagree"]},
        members=council_members(cast, 1),
    )
    return round_


def _url(round_id: int, fmt: str = "pdf") -> str:
    return reverse("reports:council_minutes", args=[round_id, fmt])


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """The tasks sent by a block of requests once their transaction commits (no worker: the job stays
    queued): `with sent() as send: …`, then look at `send`."""

    @contextmanager
    def capture():
        with (
            mock.patch("reports.tasks.build_report.apply_async") as send,
            django_capture_on_commit_callbacks(execute=True),
        ):
            yield send

    return capture


@pytest.mark.parametrize("username", [*CAST_USERS, None])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_only_the_manager_opens_the_page_and_asks_for_the_minutes(
    cast, voted, client_for, sent, username, fmt
):
    client = client_for(cast.users()[username] if username else None)
    with sent() as send:
        page = client.get(_url(voted.pk, fmt))
        response = client.post(_url(voted.pk, fmt), {"signer": ""})
    if username is None:
        for answer in (page, response):
            assert answer.status_code == 302 and answer["Location"].startswith(SIGN_IN)
    elif username != "manager":
        # Officer and head of unit A, unit B's people, the appraiser, the council, the leader, no role.
        assert (page.status_code, response.status_code) == (403, 403)
    else:
        assert page.status_code == 200
        text = page.content.decode()
        assert (
            "Chủ tịch Hội đồng ký biên bản" in text
            and ("Tạo tệp Word" if fmt == "docx" else "Tạo tệp PDF") in text
        )
        job = ReportJob.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse("reports:job", args=[job.pk])
        assert (job.kind, job.format, job.round, job.requested_by) == (
            "council_minutes",
            fmt,
            voted,
            cast.manager,
        )
        send.assert_called_once_with(kwargs={"job_id": job.pk})
        return
    assert not ReportJob.objects.exists()
    send.assert_not_called()


def test_asking_twice_gives_the_same_minutes(cast, voted, client_for, sent):
    client = client_for(cast.manager)
    with sent() as send:
        first = client.post(_url(voted.pk))
        again = client.post(_url(voted.pk))
    assert send.call_count == 1
    assert first["Location"] == again["Location"] and ReportJob.objects.count() == 1
    # While it is being built, the page is the job's progress.
    assert client.get(_url(voted.pk))["Location"] == first["Location"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_unknown_round_is_not_found_and_others_are_still_refused(cast, voted, client_for, method):
    missing = voted.pk + 1000
    assert getattr(client_for(cast.manager), method)(_url(missing)).status_code == 404
    for username in ("head_a", "leader", "council"):
        assert getattr(client_for(cast.users()[username]), method)(_url(missing)).status_code == 403
    assert getattr(client_for(None), method)(_url(missing))["Location"].startswith(SIGN_IN)
    assert not ReportJob.objects.exists()


@pytest.mark.parametrize("fmt", ["xlsx", "html", "PDF"])
def test_a_format_the_minutes_do_not_come_in_is_not_found(cast, voted, client_for, fmt):
    client = client_for(cast.manager)
    assert client.get(_url(voted.pk, fmt)).status_code == 404
    assert client.post(_url(voted.pk, fmt)).status_code == 404
    assert client_for(cast.leader).get(_url(voted.pk, fmt)).status_code == 403
    assert not ReportJob.objects.exists()


def test_a_session_still_open_says_what_to_do_and_writes_nothing(cast, client_for):
    from awards.services import open_session, propose

    round_ = award_round(quota=10)
    person_dossier, _unit_dossier = individual_and_collective(cast, round_)
    propose(actor=cast.manager, round=round_, nominations=[person_dossier])
    open_session(actor=cast.manager, round=round_)
    client = client_for(cast.manager)
    sentence = "Phiên họp của Hội đồng chưa kết thúc: hãy kết thúc phiên họp rồi lập biên bản."
    assert sentence in client.get(_url(round_.pk)).content.decode()
    response = client.post(_url(round_.pk), follow=True)
    assert response.redirect_chain == [(_url(round_.pk), 302)] and sentence in response.content.decode()
    assert not ReportJob.objects.exists()

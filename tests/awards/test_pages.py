"""The awards pages in a signed-in client: flows, refusals shown, extra fields ignored, query counts."""

import datetime

import pytest
from django.urls import reverse

from awards.models import Award, CouncilVote, Decision, ProposalSlot
from nominations.models import Nomination, State
from tests.factories import GIAY_KHEN, PersonFactory, appraised, appraised_many, award_round, award_type
from tests.support import table_rows

from .flow import council_members, unit_decision

pytestmark = pytest.mark.django_db


def test_board_ranks_by_score_then_priority_markers_and_draws_the_quota_line(cast, client_for):
    round_ = award_round(quota=2)
    low = appraised(round_, created_by=cast.officer_a, score="70")
    plain = appraised(round_, created_by=cast.officer_a, score="90")
    direct = appraised(
        round_,
        created_by=cast.officer_a,
        score="90",
        person=PersonFactory(unit=cast.unit_a, is_direct_worker=True),
    )
    top = appraised(round_, created_by=cast.officer_a, score="99")
    response = client_for(cast.manager).get(reverse("awards:ranking_board", args=[round_.pk]))
    board = response.context["board"].object_list
    assert [item.nomination.pk for item in board] == [top.pk, direct.pk, plain.pk, low.pk]
    body = response.content.decode()
    assert body.index(direct.nominee_name) < body.index('id="vach-chi-tieu"') < body.index(plain.nominee_name)
    assert "Trực tiếp" in body and "Chưa được khen" in body


def test_earlier_award_breaks_a_tie_and_is_shown(cast, client_for):
    award_type(GIAY_KHEN)
    earlier_round = award_round(quota=2, year=2024)
    round_ = award_round(quota=2)
    awarded_before = PersonFactory(unit=cast.unit_a, full_name="Hoàng Văn Đã Khen")
    unit_decision(
        cast, earlier_round, "1/QĐ", datetime.date(2025, 1, 2), signer_name="A", people=[awarded_before]
    )
    first_in = appraised(round_, created_by=cast.officer_a, score="88", person=awarded_before)
    never = appraised(round_, created_by=cast.officer_a, score="88")
    response = client_for(cast.manager).get(reverse("awards:ranking_board", args=[round_.pk]))
    assert [i.nomination.pk for i in response.context["board"].object_list] == [never.pk, first_in.pk]
    assert "Đã được khen 1 lần" in response.content.decode()


def test_proposing_over_the_quota_in_the_page_shows_the_vietnamese_sentence(cast, client_for):
    round_ = award_round(quota=2)
    dossiers = appraised_many(round_, 3, created_by=cast.officer_a)
    client = client_for(cast.manager)
    url = reverse("awards:ranking_board", args=[round_.pk])
    response = client.post(url, {"nomination": [d.pk for d in dossiers]}, follow=True)
    assert "Vượt chỉ tiêu" in response.content.decode()
    assert not ProposalSlot.objects.exists()
    response = client.post(url, {"nomination": [d.pk for d in dossiers[:2]], "state": "awarded"}, follow=True)
    assert "Đã đưa 2 hồ sơ vào tờ trình" in response.content.decode()
    assert sorted(ProposalSlot.objects.values_list("nomination_id", flat=True)) == sorted(
        d.pk for d in dossiers[:2]
    )
    dossiers[0].refresh_from_db()
    assert dossiers[0].state == State.PROPOSED


def test_proposing_an_unknown_dossier_id_is_refused_by_the_form(cast, client_for):
    round_ = award_round(quota=2)
    dossier = appraised(round_, created_by=cast.officer_a)
    url = reverse("awards:ranking_board", args=[round_.pk])
    response = client_for(cast.manager).post(url, {"nomination": [dossier.pk, 999_999]}, follow=True)
    assert "Có hồ sơ không còn tồn tại" in response.content.decode()
    assert not ProposalSlot.objects.exists()
    dossier.refresh_from_db()
    assert dossier.state == State.APPRAISED


def test_council_page_vote_once_then_refused_then_decision_in_the_page(cast, client_for):
    round_ = award_round(quota=3)
    dossier = appraised(round_, created_by=cast.officer_a, score="91")
    members = council_members(cast, 0)
    manager = client_for(cast.manager)
    manager.post(reverse("awards:ranking_board", args=[round_.pk]), {"nomination": [dossier.pk]})
    manager.post(reverse("awards:council_open", args=[round_.pk]))
    member = client_for(members[0])
    url = reverse("awards:council_round", args=[round_.pk])
    assert 'name="phieu-' in member.get(url).content.decode()
    member.post(url, {f"phieu-{dossier.pk}": "agree"})
    again = member.post(url, {f"phieu-{dossier.pk}": "disagree"}, follow=True).content.decode()
    assert "chỉ biểu quyết một lần" in again
    assert list(CouncilVote.objects.values_list("choice", flat=True)) == ["agree"]
    manager.post(reverse("awards:council_close", args=[round_.pk]))
    late = member.post(url, {f"phieu-{dossier.pk}": "agree"}, follow=True).content.decode()
    assert "đã kết thúc" in late
    page = manager.get(url).content.decode()
    assert "Thông qua" in page
    response = manager.post(
        reverse("awards:decision_create", args=[round_.pk]),
        {
            "number": "321/QĐ-UBND",
            "issued_on": "2026-01-20",
            "issuer": "Ủy ban nhân dân tỉnh Hưng Yên",
            "signer_name": "Trần Quốc Văn",
            "signer_title": "Chủ tịch",
            "awardees": [dossier.pk],
            "base_salary": "1",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "Đã ghi nhận quyết định số 321/QĐ-UBND" in body and "2.340.000" in body
    assert Award.objects.get().bonus_amount == 2_340_000  # the POSTed base_salary is ignored


def test_unit_decision_page_ignores_extra_fields_and_warns_past_the_number(cast, client_for):
    award_type(GIAY_KHEN)
    round_ = award_round()
    client = client_for(cast.head_a)
    client.post(reverse("awards:unit_plan"), {"round": round_.pk, "planned_count": 0})
    person = PersonFactory(unit=cast.unit_a_child)
    response = client.post(
        reverse("awards:unit_decision_create"),
        {
            "round": round_.pk,
            "number": "08/QĐ-UBND",
            "issued_on": "2026-02-01",
            "signer_name": "Phạm Quốc Khánh",
            "signer_title": "Chủ tịch",
            "people": [person.pk],
            "issuing_unit": cast.unit_b.pk,
            "issuer": "Giả mạo",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "vượt số lượng đã đặt (0)" in body
    decision = Decision.objects.get()
    assert decision.issuing_unit == cast.unit_a and decision.issuer == cast.unit_a.name


def _decided_round_with(cast, n: int):
    award_type(GIAY_KHEN)
    round_ = award_round(quota=n + 5)
    appraised_many(round_, n, created_by=cast.officer_a, unit=cast.unit_a)
    people = [PersonFactory(unit=cast.unit_a) for _ in range(n)]
    unit_decision(cast, round_, f"{n}/QĐ", datetime.date(2026, 2, 3), signer_name="A", people=people)
    return round_


@pytest.mark.parametrize("size", [3, 80])
def test_ranking_board_keeps_a_constant_number_of_queries(
    cast, client_for, django_assert_max_num_queries, size
):
    round_ = _decided_round_with(cast, size)
    client = client_for(cast.manager)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("awards:ranking_board", args=[round_.pk]))
    assert len(response.context["board"].object_list) == size  # the quota (size + 5) and 25 rows fit


def test_board_ties_on_collectives_and_incomplete_dossiers_follow_the_documented_order(cast, client_for):
    award_type(GIAY_KHEN)
    earlier_round = award_round(quota=2, year=2024)
    round_ = award_round(quota=6)
    unit_decision(
        cast, earlier_round, "2/QĐ", datetime.date(2025, 1, 3), signer_name="A", units=[cast.unit_a_child]
    )
    when = datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
    awarded_unit = appraised(
        round_, created_by=cast.officer_a, score="80", unit=cast.unit_a_child, complete_at=when
    )
    later = appraised(
        round_, created_by=cast.officer_a, score="80", complete_at=when + datetime.timedelta(days=1)
    )
    incomplete = appraised(round_, created_by=cast.officer_a, score="80")
    same_time = appraised(round_, created_by=cast.officer_a, score="80", complete_at=when)
    same_time_later_id = appraised(round_, created_by=cast.officer_a, score="80", complete_at=when)
    no_score = appraised(round_, created_by=cast.officer_a, score="99")
    Nomination.objects.filter(pk=no_score.pk).update(score=None)
    Nomination.objects.filter(pk=incomplete.pk).update(complete_at=None)
    response = client_for(cast.manager).get(reverse("awards:ranking_board", args=[round_.pk]))
    board = response.context["board"].object_list
    expected = [same_time, same_time_later_id, later, incomplete, awarded_unit, no_score]
    assert [i.nomination.pk for i in board] == [d.pk for d in expected]
    assert [i.rank for i in board] == [1, 2, 3, 4, 5, 6]
    assert (board[4].earlier_awards, board[4].never_awarded) == (1, False)
    assert "Đã được khen 1 lần" in response.content.decode()


def test_board_pages_past_the_quota_keep_ranks_the_quota_line_and_the_award_type(cast, client_for):
    round_ = award_round(quota=2)
    dossiers = [appraised(round_, created_by=cast.officer_a, score=str(100 - i)) for i in range(60)]
    client = client_for(cast.manager)
    url = reverse("awards:ranking_board", args=[round_.pk])
    first = client.get(url)
    body = first.content.decode()
    rows = first.context["board"].object_list
    assert [i.nomination.pk for i in rows] == [d.pk for d in dossiers[:50]]
    assert (
        body.index(dossiers[1].nominee_name)
        < body.index('id="vach-chi-tieu"')
        < body.index(dossiers[2].nominee_name)
    )
    assert body.count(" checked>") == 2
    assert "Xem thêm: còn 10 hồ sơ xếp sau" in body and "?award_type=bang-khen-chu-tich&amp;page=2" in body
    second = client.get(url, {"award_type": "bang-khen-chu-tich", "page": 2})
    rows = second.context["board"].object_list
    assert [(i.rank, i.nomination.pk) for i in rows] == [(51 + k, d.pk) for k, d in enumerate(dossiers[50:])]
    page = second.content.decode()
    assert "vach-chi-tieu" not in page and " checked>" not in page and "Xem thêm" not in page


@pytest.mark.parametrize("size", [3, 30])
def test_public_register_keeps_a_constant_number_of_queries(
    cast, client_for, django_assert_max_num_queries, size
):
    _decided_round_with(cast, size)
    client = client_for(None)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("awards:public_register"), {"q": "nguyen"})
    assert len(response.context["awards"].object_list) == min(size, 25)


def test_board_rows_escape_what_units_typed(cast, client_for):
    round_ = award_round(quota=2)
    person = PersonFactory(unit=cast.unit_a, full_name='Lê <i>Thị</i> "B" & C', position="<script>x</script>")
    appraised(round_, created_by=cast.officer_a, score="90", person=person)
    body = client_for(cast.manager).get(reverse("awards:ranking_board", args=[round_.pk])).content.decode()
    assert "Lê &lt;i&gt;Thị&lt;/i&gt; &quot;B&quot; &amp; C" in body and "<i>Thị</i>" not in body
    assert "&lt;script&gt;x&lt;/script&gt;" in body and "<script>x</script>" not in body


def test_kept_board_rows_show_a_proposal_at_once(cast, client_for):
    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key

    round_ = award_round(quota=2)
    dossier = appraised(round_, created_by=cast.officer_a, score="91")
    manager = client_for(cast.manager)
    url = reverse("awards:ranking_board", args=[round_.pk])
    before = manager.get(url)
    assert cache.get(make_template_fragment_key("board_rows", [before.context["rows_key"]])) is not None
    assert "Trong tờ trình" not in table_rows(before.content.decode())
    manager.post(url, {"nomination": [dossier.pk]})
    after = table_rows(manager.get(url).content.decode())
    assert "Trong tờ trình (#1)" in after

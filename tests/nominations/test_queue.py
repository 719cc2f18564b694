"""The appraisal queue: filters, diacritics-insensitive search, constant queries, deadlines, progress."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Cluster, Unit
from criteria.models import Subject
from nominations import deadlines, selectors
from nominations.models import Holiday, Nomination, State
from nominations.services import workflow
from tests.factories import PersonFactory, UnitFactory, score_all
from tests.support import table_rows

pytestmark = pytest.mark.django_db


def make_submitted(setup, cast, count, *, kind=Unit.Kind.COMMUNE, cluster=None, prefix="Xã"):
    made = []
    for i in range(count):
        unit = UnitFactory(name=f"UBND {prefix} Thử {i}", kind=kind, parent=cast.unit_a, cluster=cluster)
        made.append(
            setup.dossier(
                nominee_unit=unit,
                proposing_unit=unit,
                created_by=cast.officer_a,
                state=State.SUBMITTED,
                # Ahead of today whenever the suite runs: only the test's own overdue dossier is late.
                appraisal_due_on=timezone.localdate() + datetime.timedelta(days=30 + i % 20),
            )
        )
    return made


@pytest.mark.parametrize("size", [5, 60])
def test_queue_keeps_a_constant_number_of_queries(
    size, cast, setup, client_for, django_assert_max_num_queries
):
    make_submitted(setup, cast, size)
    for n in Nomination.objects.all()[: size // 2]:
        workflow.take(actor=cast.appraiser, nomination=n)
    client = client_for(cast.manager)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("nominations:queue"), {"q": "thu", "overdue": ""})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", [5, 60])
def test_unit_list_keeps_a_constant_number_of_queries(
    size, cast, setup, client_for, django_assert_max_num_queries
):
    make_submitted(setup, cast, size)
    client = client_for(cast.officer_a)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("nominations:unit_list"))
    assert response.status_code == 200 and response.context["page"].paginator.count == size


def submitted_for(setup, cast, full_name, **fields):
    """A submitted dossier of unit A for a new person of that name."""
    person = PersonFactory(full_name=full_name, unit=cast.unit_a)
    setup.dossier(
        subject=Subject.INDIVIDUAL,
        nominee_person=person,
        created_by=cast.officer_a,
        state=State.SUBMITTED,
        **fields,
    )
    return person


def test_search_ignores_case_and_diacritics(cast, setup):
    person = submitted_for(setup, cast, "Nguyễn Văn Đức")
    make_submitted(setup, cast, 2)
    found = selectors.queue(cast.appraiser, selectors.QueueFilters(q="nguyen van duc"))
    assert [n.nominee_person for n in found] == [person]
    assert selectors.queue(cast.appraiser, selectors.QueueFilters(q="NGUYỄN VĂN ĐỨC")).count() == 1


def test_filters_by_kind_cluster_appraiser_overdue_and_state(cast, setup):
    cluster = Cluster.objects.create(code="C1", name="Cụm thi đua số 1", kind=Cluster.Kind.CUM)
    communes = make_submitted(setup, cast, 3, cluster=cluster)
    districts = make_submitted(setup, cast, 2, kind=Unit.Kind.DISTRICT, prefix="Huyện")
    q = lambda **kw: set(selectors.queue(cast.appraiser, selectors.QueueFilters(**kw)))  # noqa: E731
    assert q(unit_kind=Unit.Kind.DISTRICT) == set(districts)
    assert q(cluster=cluster.pk) == set(communes)
    workflow.take(actor=cast.appraiser, nomination=communes[0])
    assert q(appraiser="me") == {communes[0]} and len(q(appraiser="none")) == 4
    late = timezone.localdate() - datetime.timedelta(days=1)
    Nomination.objects.filter(pk=districts[0].pk).update(appraisal_due_on=late)
    assert q(overdue=True) == {districts[0]}
    assert q(state="in_review") == {communes[0]} and q(state="returned") == set()
    setup.dossier(nominee_unit=cast.unit_b, created_by=cast.officer_b)
    assert len(q(state="all")) == 5  # drafts never reach the queue


def test_working_days_skip_weekends_and_holidays():
    off = frozenset({datetime.date(2026, 12, 31)})
    # Thu 26/11/2026 + 10 working days = Thu 10/12/2026.
    assert deadlines.add_working_days(datetime.date(2026, 11, 26), 10, frozenset()) == datetime.date(
        2026, 12, 10
    )
    # Over New Year: Mon 28/12 + 3 = Fri 1/1? 29, 30, (31 off), 1 -> Fri 1/1.
    assert deadlines.add_working_days(datetime.date(2026, 12, 28), 3, off) == datetime.date(2027, 1, 1)
    assert (
        deadlines.working_days_left(datetime.date(2026, 11, 26), datetime.date(2026, 12, 10), frozenset())
        == 10
    )
    assert (
        deadlines.working_days_left(datetime.date(2026, 12, 14), datetime.date(2026, 12, 10), frozenset())
        == -2
    )


def test_submit_sets_the_due_date_from_the_rounds_working_days(cast, setup, complete_draft):
    setup.round.appraisal_working_days = 3
    setup.round.save()
    Holiday.objects.update_or_create(day=datetime.date(2026, 11, 30), defaults={"name": "Nghỉ thử"})
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    complete_draft.refresh_from_db()
    start = complete_draft.complete_at.astimezone(datetime.timezone(datetime.timedelta(hours=7))).date()
    assert complete_draft.appraisal_due_on == deadlines.add_working_days(start, 3, deadlines.holidays())


def test_progress_per_appraiser(cast, setup):
    made = make_submitted(setup, cast, 4)
    for n in made:
        workflow.take(actor=cast.appraiser, nomination=n)
    score_all(made[0])
    workflow.conclude_eligible(actor=cast.appraiser, nomination=made[0])
    [row] = selectors.appraiser_progress()
    assert (row["done"], row["total"], row["percent"]) == (1, 4, 25)


@pytest.mark.parametrize("size", [1, 12])
def test_appraisal_page_keeps_a_constant_number_of_queries(
    size, cast, setup, complete_draft, client_for, django_assert_max_num_queries
):
    """Documents, the evidence each criterion cites, history and computed criteria: constant queries."""
    from criteria.models import DutyDeadline, UnitRanking
    from nominations.models import CriterionAssessment
    from tests.factories import add_document_row

    campaign = setup.round.campaign
    for i in range(size):
        DutyDeadline.objects.create(
            campaign=campaign,
            kind=DutyDeadline.Kind.REPORT,
            code=f"bao-cao-{i}",
            title=f"Báo cáo tháng {i + 1}",
            due_on=datetime.date(2026, 1, 10) + datetime.timedelta(days=20 * i),
        )
        UnitRanking.objects.create(
            unit=cast.unit_a, year=2026 - i, points=80, grade="kha", rank=i + 1, group_label="Huyện"
        )
    extra = [
        add_document_row(complete_draft, setup.doc_types["minh-chung"], cast.officer_a, f"minh-chung-{i}.pdf")
        for i in range(size)
    ]
    for assessment in CriterionAssessment.objects.filter(nomination=complete_draft):
        assessment.documents.set(extra)
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    workflow.take(actor=cast.appraiser, nomination=complete_draft)
    for i in range(size):
        workflow.return_for_supplement(actor=cast.appraiser, nomination=complete_draft, reason=f"Bổ sung {i}")
        workflow.resubmit(actor=cast.head_a, nomination=complete_draft)
        workflow.take(actor=cast.appraiser, nomination=complete_draft)
    client = client_for(cast.appraiser)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("nominations:appraise", args=[complete_draft.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    # Each self-assessed criterion lists the documents it cites (4 appraiser criteria of plan 169).
    assert text.count(f"minh-chung-{size - 1}.pdf") == 4 + 1  # + the dossier's document table
    assert f"0/{size} báo cáo định kỳ nộp đúng hạn" in text  # criterion g: every report due, none sent
    assert "hạng 1" in text  # criterion d computed from the 2026 ranking


def test_queue_page_filters_through_the_form_and_keeps_the_choices(cast, setup, client_for):
    cluster = Cluster.objects.create(code="C2", name="Cụm thi đua số 2", kind=Cluster.Kind.CUM)
    in_cluster = make_submitted(setup, cast, 2, cluster=cluster, prefix="Phường")
    others = make_submitted(setup, cast, 3)
    client = client_for(cast.manager)
    response = client.get(
        reverse("nominations:queue"),
        {"round": setup.round.pk, "cluster": cluster.pk, "award_type": setup.award_type.pk},
    )
    text = response.content.decode()
    assert {n.pk for n in response.context["page"]} == {n.pk for n in in_cluster}
    assert f'<option value="{cluster.pk}" selected>Cụm thi đua số 2</option>' in text
    assert f'<option value="{setup.round.pk}" selected>{setup.round.name}</option>' in text
    assert f'<option value="{cast.appraiser.pk}">' in text  # appraisers are offered
    # A tampered id is refused with a message and filters nothing (all pending dossiers).
    response = client.get(reverse("nominations:queue"), {"round": "999999", "cluster": "x"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == len(in_cluster) + len(others)
    assert response.context["form"].errors.keys() == {"round", "cluster"}
    assert "is-invalid" in response.content.decode()


def test_queue_header_shows_the_unread_count_from_the_context_processor(cast, setup, client_for):
    from nominations.models import Notification

    Notification.objects.bulk_create(
        [Notification(user=cast.appraiser, kind="arrived", message=f"Hồ sơ {i}") for i in range(3)]
    )
    Notification.objects.create(user=cast.manager, kind="arrived", message="Không phải của bạn")
    text = client_for(cast.appraiser).get(reverse("nominations:queue")).content.decode()
    assert '<span class="badge bg-danger">3</span>' in text


def test_queue_rows_escape_what_units_typed(cast, setup, client_for):
    late = timezone.localdate() - datetime.timedelta(days=3)
    submitted_for(setup, cast, 'Lê <b>Văn</b> "A" & B', appraisal_due_on=late)
    body = client_for(cast.manager).get(reverse("nominations:queue")).content.decode()
    rows = table_rows(body)  # "Chưa phân công" is also a choice of the appraiser filter
    assert "Lê &lt;b&gt;Văn&lt;/b&gt; &quot;A&quot; &amp; B" in rows and "<b>Văn</b>" not in body
    assert "Quá hạn" in rows and "Chưa phân công" in rows


def test_queue_filters_offer_a_round_created_after_the_page_was_seen(cast, setup, client_for):
    from tests.factories import AwardRoundFactory

    client = client_for(cast.manager)
    client.get(reverse("nominations:queue"))
    later = AwardRoundFactory(code="chuyen-de", name="Khen thưởng chuyên đề")
    text = client.get(reverse("nominations:queue")).content.decode()
    assert f'<option value="{later.pk}">Khen thưởng chuyên đề</option>' in text


def test_kept_queue_rows_are_served_from_the_cache_and_a_change_shows_at_once(cast, setup, client_for):
    from django.core.cache import cache
    from django.core.cache.utils import make_template_fragment_key

    [dossier] = make_submitted(setup, cast, 1)
    client = client_for(cast.manager)
    url = reverse("nominations:queue")
    first = client.get(url)
    assert cache.get(make_template_fragment_key("queue_rows", [first.context["rows_key"]])) is not None
    assert "Chưa phân công" in table_rows(first.content.decode())
    assert table_rows(client.get(url).content.decode()) == table_rows(first.content.decode())
    workflow.take(actor=cast.appraiser, nomination=dossier)
    taken = table_rows(client.get(url).content.decode())
    name = f"{cast.appraiser.last_name} {cast.appraiser.first_name}"
    assert name in taken and "Chưa phân công" not in taken and "Đang thẩm định" in taken

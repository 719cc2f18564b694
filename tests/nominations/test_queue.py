"""The appraisal queue: filters, diacritics-insensitive search, constant queries, deadlines, progress."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Cluster, Unit
from criteria.models import Subject
from nominations import deadlines, selectors, workflow
from nominations.models import Holiday, Nomination, State
from tests.factories import PersonFactory, UnitFactory

from .factories import NominationFactory

pytestmark = pytest.mark.django_db


def make_submitted(setup, cast, count, *, kind=Unit.Kind.COMMUNE, cluster=None, prefix="Xã"):
    made = []
    for i in range(count):
        unit = UnitFactory(name=f"UBND {prefix} Thử {i}", kind=kind, parent=cast.unit_a, cluster=cluster)
        made.append(
            NominationFactory(
                round=setup.round,
                award_type=setup.award_type,
                nominee_unit=unit,
                proposing_unit=unit,
                created_by=cast.officer_a,
                state=State.SUBMITTED,
                appraisal_due_on=datetime.date(2026, 12, 1) + datetime.timedelta(days=i % 20),
            )
        )
    return made


@pytest.mark.parametrize("size", [5, 60])
def test_queue_keeps_a_constant_number_of_queries(
    size, cast, setup, client_for, django_assert_max_num_queries
):
    make_submitted(setup, cast, size)
    for n in Nomination.objects.all()[: size // 2]:
        Nomination.objects.filter(pk=n.pk).update(appraiser=cast.appraiser, state=State.IN_REVIEW)
    client = client_for(cast.manager)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("nominations:queue"), {"q": "thu", "overdue": ""})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", [5, 60])
def test_unit_list_keeps_a_constant_number_of_queries(
    size, cast, setup, client_for, django_assert_max_num_queries
):
    make_submitted(setup, cast, size)
    client = client_for(cast.officer_a)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("nominations:unit_list"))
    assert response.status_code == 200 and response.context["page"].paginator.count == size


def test_search_ignores_case_and_diacritics(cast, setup):
    person = PersonFactory(full_name="Nguyễn Văn Đức", unit=cast.unit_a)
    NominationFactory(
        round=setup.round,
        award_type=setup.award_type,
        subject=Subject.INDIVIDUAL,
        nominee_person=person,
        created_by=cast.officer_a,
        state=State.SUBMITTED,
    )
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
    Nomination.objects.filter(pk=communes[0].pk).update(appraiser=cast.appraiser, state=State.IN_REVIEW)
    assert q(appraiser="me") == {communes[0]} and len(q(appraiser="none")) == 4
    Nomination.objects.filter(pk=districts[0].pk).update(appraisal_due_on=datetime.date(2026, 11, 1))
    assert q(overdue=True) == {districts[0]}
    assert q(state="in_review") == {communes[0]} and q(state="returned") == set()
    NominationFactory(
        round=setup.round, award_type=setup.award_type, nominee_unit=cast.unit_b, created_by=cast.officer_b
    )
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
    Nomination.objects.filter(pk__in=[n.pk for n in made]).update(
        appraiser=cast.appraiser, state=State.IN_REVIEW
    )
    Nomination.objects.filter(pk=made[0].pk).update(state=State.APPRAISED)
    [row] = selectors.appraiser_progress()
    assert (row["done"], row["total"], row["percent"]) == (1, 4, 25)

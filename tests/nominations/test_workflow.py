"""Every transition of the dossier's life: who may, from which state, inside which window, what it logs."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.utils import DatabaseError

from campaigns.models import AwardType
from criteria.models import Subject
from nominations.models import Nomination, NominationEvent, Notification, State
from nominations.services import workflow
from tests.factories import AwardTypeFactory, PersonFactory, add_document_row, score_all

pytestmark = pytest.mark.django_db


def events(nomination):
    return list(
        NominationEvent.objects.filter(nomination=nomination).values_list("action", "from_state", "to_state")
    )


def create_collective(setup, *, actor, nominee_unit, proposing_unit, award_type=None, **fields):
    """workflow.create_draft of a collective dossier in the setup's round (and award type, unless given)."""
    return workflow.create_draft(
        actor=actor,
        round=setup.round,
        award_type=award_type or setup.award_type,
        subject=Subject.COLLECTIVE,
        nominee_unit=nominee_unit,
        proposing_unit=proposing_unit,
        **fields,
    )


def in_review(nomination, cast):
    workflow.submit(actor=cast.head_a, nomination=nomination)
    workflow.take(actor=cast.appraiser, nomination=nomination)
    return nomination


# --- create_draft ---------------------------------------------------------------------------


def test_officer_creates_a_draft_for_a_unit_below_and_it_is_logged(cast, setup):
    n = create_collective(
        setup,
        actor=cast.officer_a,
        nominee_unit=cast.unit_a_child,
        proposing_unit=cast.unit_a,
        summary="Thành tích",
    )
    assert n.state == State.DRAFT and n.created_by == cast.officer_a
    assert events(n) == [("create", "", State.DRAFT)]


def test_create_draft_refuses_another_units_nominee(cast, setup):
    with pytest.raises(PermissionDenied):
        create_collective(setup, actor=cast.officer_a, nominee_unit=cast.unit_b, proposing_unit=cast.unit_a)
    assert not Nomination.objects.exists()


def test_create_draft_refuses_a_proposing_unit_below_the_nominee(cast, setup):
    with pytest.raises(ValidationError, match="Đơn vị trình phải là đơn vị"):
        create_collective(
            setup, actor=cast.officer_a, nominee_unit=cast.unit_a, proposing_unit=cast.unit_a_child
        )


def test_second_live_dossier_for_the_same_nominee_gets_a_vietnamese_message(cast, setup):
    person = PersonFactory(unit=cast.unit_a, full_name="Nguyễn Thị Hoa")
    kwargs = dict(
        round=setup.round,
        award_type=setup.award_type,
        subject=Subject.INDIVIDUAL,
        nominee_person=person,
        proposing_unit=cast.unit_a,
    )
    workflow.create_draft(actor=cast.officer_a, **kwargs)
    with pytest.raises(ValidationError, match="Nguyễn Thị Hoa đã có một hồ sơ đề nghị"):
        workflow.create_draft(actor=cast.head_a, **kwargs)
    assert Nomination.objects.count() == 1


def test_create_draft_refuses_unit_level_award_and_closed_round(cast, setup):
    giay_khen = AwardTypeFactory(
        code="giay-khen", name="Giấy khen", short_name="Giấy khen", level=AwardType.Level.UNIT
    )
    with pytest.raises(ValidationError, match="do thủ trưởng đơn vị quyết định"):
        create_collective(
            setup,
            actor=cast.officer_a,
            nominee_unit=cast.unit_a,
            proposing_unit=cast.unit_a,
            award_type=giay_khen,
        )
    setup.round.closes_on = datetime.date(2026, 11, 1)
    setup.round.opens_on = datetime.date(2026, 10, 1)
    setup.round.save()
    with pytest.raises(ValidationError, match="đã hết hạn nhận hồ sơ"):
        create_collective(setup, actor=cast.officer_a, nominee_unit=cast.unit_a, proposing_unit=cast.unit_a)


def test_appraiser_cannot_create_drafts(cast, setup):
    with pytest.raises(PermissionDenied):
        create_collective(setup, actor=cast.appraiser, nominee_unit=cast.unit_a, proposing_unit=cast.unit_a)


# --- submit ---------------------------------------------------------------------------------


def test_submit_lists_exactly_what_is_missing(cast, setup, draft):
    add_document_row(draft, setup.doc_types["to-trinh"], cast.officer_a)
    with pytest.raises(ValidationError) as refused:
        workflow.submit(actor=cast.head_a, nomination=draft)
    message = refused.value.messages[0]
    assert message.startswith(
        "Hồ sơ còn thiếu: Báo cáo thành tích; Biên bản họp Hội đồng thi đua – khen thưởng của đơn vị; "
        "Tự đánh giá tiêu chí b; Tự đánh giá tiêu chí c; Tự đánh giá tiêu chí đ; Tự đánh giá tiêu chí e"
    )
    assert "tiêu chí a" not in message and "tiêu chí d;" not in message  # computed: nothing to self-assess
    draft.refresh_from_db()
    assert draft.state == State.DRAFT and events(draft) == [("create", "", State.DRAFT)]


def test_head_submits_a_complete_dossier_and_the_clock_starts(cast, setup, complete_draft):
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    complete_draft.refresh_from_db()
    setup.round.refresh_from_db()
    assert complete_draft.state == State.SUBMITTED
    assert complete_draft.complete_at and complete_draft.submitted_at
    assert complete_draft.appraisal_due_on > complete_draft.complete_at.date()
    assert setup.round.submissions_started_at is not None
    assert events(complete_draft)[-1] == ("submit", State.DRAFT, State.SUBMITTED)
    assert Notification.objects.filter(
        user=cast.appraiser, kind="arrived", nomination=complete_draft
    ).exists()


def test_officer_may_not_submit(cast, complete_draft):
    with pytest.raises(PermissionDenied):
        workflow.submit(actor=cast.officer_a, nomination=complete_draft)
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.DRAFT


def test_head_of_another_unit_may_not_submit(cast, complete_draft):
    with pytest.raises(PermissionDenied):
        workflow.submit(actor=cast.head_b, nomination=complete_draft)


def test_second_submission_is_refused_by_state(cast, complete_draft):
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    with pytest.raises(ValidationError, match="đang ở trạng thái “Đã nộp”"):
        workflow.submit(actor=cast.head_a, nomination=complete_draft)
    assert len(events(complete_draft)) == 2


def test_submit_outside_the_window_is_refused(cast, setup, complete_draft):
    setup.round.opens_on = datetime.date(2026, 1, 1)
    setup.round.closes_on = datetime.date(2026, 11, 1)
    setup.round.save()
    with pytest.raises(ValidationError, match="đã hết hạn nhận hồ sơ"):
        workflow.submit(actor=cast.head_a, nomination=complete_draft)
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.DRAFT


# --- appraisal ------------------------------------------------------------------------------


def test_take_then_return_with_reason_then_resubmit_keeps_history(cast, complete_draft):
    in_review(complete_draft, cast)
    assert complete_draft.appraiser == cast.appraiser
    with pytest.raises(ValidationError, match="Hãy ghi rõ lý do"):
        workflow.return_for_supplement(actor=cast.appraiser, nomination=complete_draft, reason="  ")
    workflow.return_for_supplement(actor=cast.appraiser, nomination=complete_draft, reason="Thiếu chữ ký")
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.RETURNED and complete_draft.appraisal_due_on is None
    assert Notification.objects.filter(user=cast.officer_a, kind="returned").exists()
    workflow.resubmit(actor=cast.head_a, nomination=complete_draft)
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.SUBMITTED and complete_draft.appraiser == cast.appraiser
    assert [e[0] for e in events(complete_draft)] == ["create", "submit", "take", "return", "resubmit"]
    assert NominationEvent.objects.get(nomination=complete_draft, action="return").comment == "Thiếu chữ ký"


def test_another_appraiser_cannot_take_or_act_on_an_assigned_dossier(cast, complete_draft):
    from tests.factories import make_user

    other = make_user("appraiser2", "noivu_staff", cast.noivu)
    in_review(complete_draft, cast)
    with pytest.raises(PermissionDenied):
        workflow.return_for_supplement(actor=other, nomination=complete_draft, reason="x")
    with pytest.raises(PermissionDenied):
        workflow.conclude_ineligible(actor=cast.head_a, nomination=complete_draft, reason="x")


def test_take_next_takes_the_oldest_unassigned(cast, setup, complete_draft):
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    taken = workflow.take_next(actor=cast.appraiser)
    assert taken.pk == complete_draft.pk and taken.state == State.IN_REVIEW
    assert workflow.take_next(actor=cast.appraiser) is None
    with pytest.raises(PermissionDenied):
        workflow.take_next(actor=cast.head_a)


def test_manager_assigns_and_the_appraiser_is_notified(cast, complete_draft):
    workflow.submit(actor=cast.head_a, nomination=complete_draft)
    workflow.assign(actor=cast.manager, nomination=complete_draft, appraiser=cast.appraiser)
    complete_draft.refresh_from_db()
    assert complete_draft.appraiser == cast.appraiser and complete_draft.state == State.IN_REVIEW
    assert Notification.objects.filter(user=cast.appraiser, kind="assigned").exists()
    with pytest.raises(PermissionDenied):
        workflow.assign(actor=cast.appraiser, nomination=complete_draft, appraiser=cast.appraiser)
    with pytest.raises(ValidationError, match="chuyên viên Sở Nội vụ"):
        workflow.assign(actor=cast.manager, nomination=complete_draft, appraiser=cast.head_a)


def test_conclude_eligible_needs_every_criterion_scored_and_stores_the_total(cast, complete_draft):
    in_review(complete_draft, cast)
    with pytest.raises(ValidationError, match="Chưa chấm điểm tiêu chí: a, b, c, d, đ, e, g"):
        workflow.conclude_eligible(actor=cast.appraiser, nomination=complete_draft)
    score_all(complete_draft, points=7)
    workflow.conclude_eligible(actor=cast.appraiser, nomination=complete_draft, comment="Đạt")
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.APPRAISED and complete_draft.score == 49
    assert complete_draft.concluded_at and complete_draft.conclusion == "Đạt"


def test_conclude_ineligible_needs_a_reason(cast, complete_draft):
    in_review(complete_draft, cast)
    with pytest.raises(ValidationError, match="lý do"):
        workflow.conclude_ineligible(actor=cast.appraiser, nomination=complete_draft, reason="")
    workflow.conclude_ineligible(
        actor=cast.appraiser, nomination=complete_draft, reason="Không đạt tiêu chí d"
    )
    complete_draft.refresh_from_db()
    assert complete_draft.state == State.INELIGIBLE
    assert Notification.objects.filter(user=cast.head_a, kind="concluded").exists()


def test_actions_refused_once_the_round_is_decided(cast, setup, complete_draft):
    in_review(complete_draft, cast)
    setup.round.decided_on = datetime.date(2026, 11, 20)
    setup.round.save()
    with pytest.raises(ValidationError, match="đã có quyết định"):
        workflow.return_for_supplement(actor=cast.appraiser, nomination=complete_draft, reason="x")


# --- withdraw and the awards transitions ----------------------------------------------------


def test_head_withdraws_and_a_new_dossier_may_then_be_created(cast, setup, complete_draft):
    with pytest.raises(PermissionDenied):
        workflow.withdraw(actor=cast.officer_a, nomination=complete_draft)
    workflow.withdraw(actor=cast.head_a, nomination=complete_draft, reason="Nhầm đối tượng")
    assert complete_draft.state == State.WITHDRAWN
    again = create_collective(
        setup, actor=cast.officer_a, nominee_unit=cast.unit_a, proposing_unit=cast.unit_a
    )
    assert again.state == State.DRAFT
    with pytest.raises(ValidationError, match="trạng thái “Đã rút”"):
        workflow.withdraw(actor=cast.head_a, nomination=complete_draft)


def test_awards_transitions_by_the_manager_only_and_in_order(cast, setup, complete_draft):
    in_review(complete_draft, cast)
    score_all(complete_draft)
    workflow.conclude_eligible(actor=cast.appraiser, nomination=complete_draft)
    with pytest.raises(PermissionDenied):
        workflow.mark_proposed(actor=cast.appraiser, nomination=complete_draft)
    with pytest.raises(ValidationError):
        workflow.mark_awarded(actor=cast.manager, nomination=complete_draft)
    workflow.mark_proposed(actor=cast.manager, nomination=complete_draft, comment="Trong chỉ tiêu")
    workflow.unmark_proposed(actor=cast.manager, nomination=complete_draft)
    workflow.mark_proposed(actor=cast.manager, nomination=complete_draft)
    workflow.mark_awarded(actor=cast.manager, nomination=complete_draft, comment="QĐ 123/QĐ-UBND")
    assert complete_draft.state == State.AWARDED
    other = setup.dossier(
        nominee_unit=cast.unit_a_child,
        created_by=cast.officer_a,
        state=State.PROPOSED,
    )
    workflow.mark_not_awarded(actor=cast.manager, nomination=other)
    assert other.state == State.NOT_AWARDED
    assert [e[0] for e in events(complete_draft)][-4:] == ["propose", "unpropose", "propose", "award"]


# --- the audit trail ------------------------------------------------------------------------


def test_events_cannot_be_edited_or_deleted_through_the_model(cast, draft):
    event = NominationEvent.objects.get(nomination=draft)
    event.comment = "sửa"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_postgresql_rejects_update_and_delete_of_events(require_postgresql, cast, draft):
    event = NominationEvent.objects.get(nomination=draft)
    for sql in (
        "UPDATE nominations_nominationevent SET comment = 'x' WHERE id = %s",
        "DELETE FROM nominations_nominationevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
            from django.db import transaction

            with transaction.atomic():
                cursor.execute(sql, [event.pk])
    assert NominationEvent.objects.filter(pk=event.pk, comment="").exists()


def test_queryset_update_is_also_refused_on_postgresql(require_postgresql, cast, draft):
    from django.db import transaction

    with pytest.raises(PermissionError):
        NominationEvent.objects.filter(nomination=draft).update(comment="x")
    # Below the model's guard, the PostgreSQL trigger still refuses (plain manager, no guard).
    with pytest.raises(DatabaseError), transaction.atomic():
        NominationEvent._base_manager.filter(nomination=draft).update(comment="x")

"""Notifications in the portal, their e-mails, and the deadline reminders of Celery beat."""

import datetime
import time

import pytest
from django.core import mail

from nominations.models import Notification, State
from nominations.services import notifications, reminders, workflow
from nominations.tasks import deliver_notifications, send_deadline_reminders
from tests.factories import NominationFactory, make_complete


@pytest.mark.django_db
def test_return_notifies_the_unit_by_portal_and_email(
    cast, complete_draft, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from emulation_portal.celery import app

    app.conf.task_always_eager = True
    try:
        workflow.submit(actor=cast.head_a, nomination=complete_draft)
        workflow.take(actor=cast.appraiser, nomination=complete_draft)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            workflow.return_for_supplement(
                actor=cast.appraiser, nomination=complete_draft, reason="Thiếu biên bản"
            )
    finally:
        app.conf.task_always_eager = False
    rows = Notification.objects.filter(kind="returned")
    assert {n.user for n in rows} == {cast.officer_a, cast.head_a}
    assert all(n.emailed_at for n in rows)
    assert sorted(m.to[0] for m in mail.outbox) == ["head_a@example.invalid", "officer_a@example.invalid"]
    assert "Thiếu biên bản" in mail.outbox[0].body and "Hồ sơ bị trả lại" in mail.outbox[0].subject


@pytest.mark.django_db
def test_deliver_sends_each_notification_once(cast, draft):
    [pk] = notifications.notify(users=[cast.appraiser], nomination=draft, kind="arrived", message="Hồ sơ mới")
    assert notifications.deliver([pk]) == 1
    assert notifications.deliver([pk]) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_reminders_go_to_the_appraiser_or_managers_once_a_day(cast, setup):
    today = datetime.date(2026, 11, 26)
    assigned = setup.dossier(
        nominee_unit=cast.unit_a,
        created_by=cast.officer_a,
        state=State.IN_REVIEW,
        appraiser=cast.appraiser,
        appraisal_due_on=datetime.date(2026, 11, 27),
    )
    setup.dossier(
        nominee_unit=cast.unit_b,
        created_by=cast.officer_b,
        state=State.SUBMITTED,
        appraisal_due_on=datetime.date(2026, 11, 20),
    )
    NominationFactory(  # far from its deadline: no reminder
        round=setup.round,
        award_type=setup.award_type,
        nominee_unit=cast.unit_a_child,
        created_by=cast.officer_a,
        state=State.SUBMITTED,
        appraisal_due_on=datetime.date(2026, 12, 20),
    )
    assert reminders.send_deadline_reminders(today) == 2
    by_user = {n.user: n.message for n in Notification.objects.filter(kind="reminder")}
    assert set(by_user) == {cast.appraiser, cast.manager}
    assert "còn 1 ngày làm việc" in by_user[cast.appraiser] and assigned.code in by_user[cast.appraiser]
    assert "đã quá hạn thẩm định" in by_user[cast.manager]
    assert reminders.send_deadline_reminders(today) == 0


def test_tasks_have_the_agreed_names():
    assert send_deadline_reminders.name == "nominations.send_deadline_reminders"
    assert deliver_notifications.name == "nominations.deliver_notifications"


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_emails_the_appraisers_when_a_dossier_arrives(celery_worker, cast, setup):
    n = setup.dossier(nominee_unit=cast.unit_a, created_by=cast.officer_a)
    make_complete(n, setup, cast.officer_a)
    workflow.submit(actor=cast.head_a, nomination=n)  # on_commit queues the e-mail task
    rows = Notification.objects.filter(nomination=n, kind="arrived")
    assert rows.count() == 2  # appraiser and manager: nobody assigned yet
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and rows.filter(emailed_at__isnull=True).exists():
        time.sleep(0.3)
    assert not rows.filter(emailed_at__isnull=True).exists(), celery_worker.log()[-2000:]
    assert "nominations.deliver_notifications" in celery_worker.log()

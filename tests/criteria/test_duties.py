"""Units' own duties: registration, launching plan, periodic reports; who may see and do what."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from campaigns import roles
from campaigns.models import Cluster, Unit
from criteria.duty_status import DutyStatus, status_of
from criteria.models import DutyDeadline, PeriodicReport, Registration, UnitPlan
from criteria.services import duties as services_duties
from tests.factories import UnitFactory, make_user
from tests.files import pdf_upload, stored_pdf_fields
from tests.support import table_rows

pytestmark = pytest.mark.django_db

COMMITMENTS = "Đơn vị cam kết 100% hồ sơ thủ tục hành chính giải quyết đúng hạn."


def test_status_of_a_duty():
    due = dt.date(2025, 6, 20)
    at = lambda d: timezone.make_aware(dt.datetime.combine(d, dt.time(23, 30)))  # noqa: E731
    assert status_of(due, at(due), dt.date(2025, 7, 1)) == DutyStatus.ON_TIME
    assert status_of(due, at(dt.date(2025, 6, 21)), dt.date(2025, 7, 1)) == DutyStatus.LATE
    assert status_of(due, None, dt.date(2025, 7, 1)) == DutyStatus.MISSING
    assert status_of(due, None, due) == DutyStatus.PENDING


def upload_plan(plan, actor, unit, *, upload=None, number="1/KH", issued_on=dt.date(2024, 12, 1)):
    """The unit's own plan through the service: plan 1/KH of 01/12/2024 unless told otherwise."""
    return services_duties.upload_plan(
        actor=actor,
        campaign=plan,
        unit=unit,
        upload=upload or pdf_upload(),
        number=number,
        issued_on=issued_on,
    )


def test_officer_registers_uploads_plan_and_report(plan, cast):
    services_duties.register(actor=cast.officer_a, campaign=plan, unit=cast.unit_a, commitments=COMMITMENTS)
    uploaded = upload_plan(
        plan, cast.officer_a, cast.unit_a, upload=pdf_upload("ke-hoach.pdf"), number="25/KH-UBND"
    )
    assert uploaded.original_name == "ke-hoach.pdf" and len(uploaded.sha256) == 64
    deadline = DutyDeadline.objects.get(campaign=plan, code="bao-cao-tong-ket")
    services_duties.upload_report(
        actor=cast.officer_a, deadline=deadline, unit=cast.unit_a, upload=pdf_upload("bc.pdf")
    )
    # The unit above may act for a unit below it.
    services_duties.register(
        actor=cast.head_a, campaign=plan, unit=cast.unit_a_child, commitments=COMMITMENTS
    )
    assert Registration.objects.count() == 2


def test_replacing_the_plan_keeps_the_first_submission_time(plan, cast):
    first = upload_plan(plan, cast.officer_a, cast.unit_a)
    UnitPlan.objects.filter(pk=first.pk).update(submitted_at=timezone.now() - dt.timedelta(days=100))
    again = upload_plan(
        plan,
        cast.officer_a,
        cast.unit_a,
        upload=pdf_upload("v2.pdf"),
        number="2/KH",
        issued_on=dt.date(2024, 12, 2),
    )
    assert UnitPlan.objects.count() == 1
    again.refresh_from_db()
    assert again.number == "2/KH" and (timezone.now() - again.submitted_at).days >= 99


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"upload": SimpleUploadedFile("kh.pdf", b"<html><script>x</script>")}, "không phải là"),
        ({"upload": SimpleUploadedFile("kh.exe", b"MZ\x90\x00")}, "không phải là"),
        ({"number": "  "}, "số, ký hiệu"),
        ({"issued_on": dt.date(2030, 1, 1)}, "không được sau hôm nay"),
        ({"issued_on": dt.date(2024, 1, 1)}, "phải ban hành từ ngày 05/11/2024"),
    ],
)
def test_bad_plan_upload_is_refused_and_nothing_stored(plan, cast, kwargs, message):
    args = {"upload": pdf_upload(), "number": "1/KH", "issued_on": dt.date(2024, 12, 1), **kwargs}
    with pytest.raises(ValidationError) as info:
        services_duties.upload_plan(actor=cast.officer_a, campaign=plan, unit=cast.unit_a, **args)
    assert message in " ".join(info.value.messages)
    assert not UnitPlan.objects.exists()


def test_short_commitments_are_refused(plan, cast):
    with pytest.raises(ValidationError, match="ít nhất 20 ký tự"):
        services_duties.register(actor=cast.officer_a, campaign=plan, unit=cast.unit_a, commitments="ok")


@pytest.mark.parametrize("who", ["officer_b", "head_b", "appraiser", "manager", "leader", "nobody"])
def test_nobody_else_acts_for_unit_a(plan, cast, who):
    actor = getattr(cast, who)
    with pytest.raises(PermissionDenied):
        services_duties.register(actor=actor, campaign=plan, unit=cast.unit_a, commitments=COMMITMENTS)
    with pytest.raises(PermissionDenied):
        upload_plan(plan, actor, cast.unit_a)
    assert not Registration.objects.exists() and not UnitPlan.objects.exists()


def test_child_unit_officer_cannot_act_for_the_unit_above(plan, cast):
    child_officer = make_user("officer_child", roles.UNIT_OFFICER, cast.unit_a_child)
    with pytest.raises(PermissionDenied):
        services_duties.register(
            actor=child_officer, campaign=plan, unit=cast.unit_a, commitments=COMMITMENTS
        )


def test_unit_b_cannot_see_or_touch_unit_a_duties_through_urls(plan, cast, client_for):
    upload_plan(plan, cast.officer_a, cast.unit_a)
    deadline = DutyDeadline.objects.get(campaign=plan, code="bao-cao-tong-ket")
    services_duties.upload_report(
        actor=cast.officer_a, deadline=deadline, unit=cast.unit_a, upload=pdf_upload("bc.pdf")
    )
    b = client_for(cast.officer_b)
    a_id = cast.unit_a.pk
    assert b.get(reverse("criteria:unit_duties", args=[a_id])).status_code == 404
    assert b.get(reverse("criteria:plan_file", args=[a_id])).status_code == 404
    assert b.get(reverse("criteria:report_file", args=[a_id, deadline.pk])).status_code == 404
    assert b.post(reverse("criteria:register", args=[a_id]), {"commitments": COMMITMENTS}).status_code == 404
    response = b.post(
        reverse("criteria:upload_plan", args=[a_id]),
        {"number": "9/KH", "issued_on": "2024-12-01", "file": pdf_upload("evil.pdf")},
    )
    assert response.status_code == 404
    assert UnitPlan.objects.get().number == "1/KH" and not Registration.objects.exists()
    # The duties table of unit B does not list unit A.
    html = b.get(reverse("criteria:duties")).content.decode()
    assert "UBND huyện Ân Thi" in table_rows(html) and "UBND huyện Văn Lâm" not in html
    # Unit A's own officer downloads the file.
    a = client_for(cast.officer_a)
    assert a.get(reverse("criteria:plan_file", args=[a_id])).status_code == 200


def test_staff_see_but_do_not_submit(plan, cast, client_for):
    client = client_for(cast.appraiser)
    response = client.get(reverse("criteria:unit_duties", args=[cast.unit_a.pk]))
    assert response.status_code == 200 and response.context["can_submit"] is False
    assert (
        client.post(
            reverse("criteria:register", args=[cast.unit_a.pk]), {"commitments": COMMITMENTS}
        ).status_code
        == 403
    )
    assert client_for(cast.council).get(reverse("criteria:duties")).status_code == 403
    assert client_for(cast.nobody).get(reverse("criteria:duties")).status_code == 403


def test_upload_page_flow_and_extra_fields_ignored(plan, cast, client_for):
    client = client_for(cast.officer_a)
    response = client.post(
        reverse("criteria:upload_plan", args=[cast.unit_a.pk]),
        {
            "number": "25/KH-UBND",
            "issued_on": "2024-12-01",
            "file": pdf_upload(),
            "unit": cast.unit_b.pk,
            "submitted_at": "2020-01-01T00:00",
        },
    )
    assert response.status_code == 302
    saved = UnitPlan.objects.get()
    assert saved.unit == cast.unit_a and saved.submitted_at.year == timezone.now().year
    bad = client.post(
        reverse("criteria:upload_plan", args=[cast.unit_a.pk]),
        {
            "number": "26/KH-UBND",
            "issued_on": "2024-12-01",
            "file": SimpleUploadedFile("x.pdf", b"not a pdf"),
        },
    )
    assert bad.status_code == 200 and "không phải là" in bad.content.decode()
    assert UnitPlan.objects.get().number == "25/KH-UBND"


def test_duties_table_filters(plan, cast, client_for):
    services_duties.register(actor=cast.officer_a, campaign=plan, unit=cast.unit_a, commitments=COMMITMENTS)
    client = client_for(cast.appraiser)
    names = lambda r: [row.unit.name for row in r.context["rows"]]  # noqa: E731
    assert "UBND huyện Văn Lâm" not in names(
        client.get(reverse("criteria:duties"), {"state": "chua-dang-ky"})
    )
    assert names(client.get(reverse("criteria:duties"), {"q": "an thi"})) == ["UBND huyện Ân Thi"]
    assert names(client.get(reverse("criteria:duties"), {"kind": "commune"})) == ["UBND xã Lạc Hồng"]
    # Every report due so far is missing for every unit.
    assert len(names(client.get(reverse("criteria:duties"), {"state": "bao-cao-tre-thieu"}))) == 4
    assert names(client.get(reverse("criteria:duties"), {"state": "day-du"})) == []


def _populate(plan, n: int, user):
    cluster = Cluster.objects.create(code=f"CUM-{n}", name=f"Cụm {n}", kind="cum")
    deadlines = list(DutyDeadline.objects.filter(campaign=plan, kind="report"))
    for i in range(n):
        unit = UnitFactory(
            code=f"Q{n}-{i}", name=f"UBND xã Thử {n}-{i}", kind=Unit.Kind.COMMUNE, cluster=cluster
        )
        now = timezone.now()
        Registration.objects.create(
            campaign=plan, unit=unit, commitments=COMMITMENTS, registered_at=now, registered_by=user
        )
        for deadline in deadlines[: i % 3]:
            PeriodicReport.objects.create(
                deadline=deadline,
                unit=unit,
                **stored_pdf_fields(user, now, file_name="r.pdf", original_name="r.pdf", size=1),
            )


@pytest.mark.parametrize("n", [5, 60])
def test_duties_table_query_count_is_constant(plan, cast, client_for, django_assert_max_num_queries, n):
    _populate(plan, n, cast.officer_a)
    client = client_for(cast.appraiser)
    client.get(reverse("criteria:duties"))
    # The same bound at 5 and at 60 units: nothing is queried per row.
    with django_assert_max_num_queries(17):
        response = client.get(reverse("criteria:duties"), {"state": "bao-cao-tre-thieu", "cluster": ""})
    assert response.status_code == 200
    with django_assert_max_num_queries(17):
        response = client.get(reverse("criteria:duties"), {"page": 2})
    total = n + 4  # plus Sở Nội vụ, units A, A's commune and B of the cast
    assert len(response.context["rows"]) == (total - 50 if total > 50 else total)


def save_deadline(plan, actor, kind, code, title):
    """The deadline form's values, due on 31/12/2026, saved through the service."""
    values = {"kind": kind, "code": code, "title": title, "due_on": dt.date(2026, 12, 31)}
    return services_duties.save_deadline(actor=actor, campaign=plan, values=values)


def test_manager_sets_deadlines_with_checks(plan, cast, client_for):
    save_deadline(plan, cast.manager, "report", "bao-cao-quy-4", "Báo cáo quý IV/2026")
    with pytest.raises(ValidationError, match="mỗi kế hoạch chỉ một hạn"):
        save_deadline(plan, cast.manager, "registration", "dk-2", "Đăng ký lần 2")
    with pytest.raises(PermissionDenied):
        save_deadline(plan, cast.appraiser, "report", "x", "X")
    assert client_for(cast.officer_a).get(reverse("criteria:deadlines")).status_code == 403
    assert DutyDeadline.objects.filter(campaign=plan).count() == 7

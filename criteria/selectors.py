"""Shared reads of the criteria app: which units owe duties, filtered for the duties table."""

from django.db.models import Case, Exists, IntegerField, OuterRef, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Unit
from campaigns.selectors import visible_units
from campaigns.text import fold
from criteria.models import DutyDeadline, PeriodicReport, Registration, UnitPlan

# The kinds of units the plans' participants are (mục "Đối tượng thi đua"), in display order.
PARTICIPANT_KINDS = (
    Unit.Kind.PROVINCIAL_AGENCY,
    Unit.Kind.DISTRICT,
    Unit.Kind.COMMUNE,
    Unit.Kind.DIVISION,
)

PROBLEM_FILTERS = {
    "chua-dang-ky": _("Chưa đăng ký thi đua"),
    "chua-co-ke-hoach": _("Chưa nộp kế hoạch"),
    "bao-cao-tre-thieu": _("Có báo cáo trễ hạn hoặc chưa nộp"),
    "day-du": _("Đầy đủ, đúng hạn"),
}


def duty_units(user, campaign: Campaign, *, kind="", cluster=None, q="", problem="") -> QuerySet[Unit]:
    """Participating units the user may see, filtered; ordered by kind then name."""
    today = timezone.localdate()
    units = (
        visible_units(user)
        .valid_on(today)
        .filter(kind__in=PARTICIPANT_KINDS)
        .select_related("cluster", "parent")
        .annotate(
            kind_order=Case(
                *[When(kind=k, then=Value(i)) for i, k in enumerate(PARTICIPANT_KINDS)],
                output_field=IntegerField(),
            )
        )
        .order_by("kind_order", "search_name", "pk")
    )
    if kind:
        units = units.filter(kind=kind)
    if cluster:
        units = units.filter(cluster_id=cluster)
    if q:
        units = units.filter(search_name__contains=fold(q))
    registered = Exists(Registration.objects.filter(campaign=campaign, unit=OuterRef("pk")))
    has_plan = Exists(UnitPlan.objects.filter(campaign=campaign, unit=OuterRef("pk")))
    on_time = PeriodicReport.objects.filter(
        deadline=OuterRef("pk"), unit=OuterRef(OuterRef("pk")), submitted_at__date__lte=OuterRef("due_on")
    )
    # A report is a problem once its due date has passed without an on-time report (a late
    # report can only exist after the due date, so this also covers late ones).
    report_problem = Exists(
        DutyDeadline.objects.filter(
            campaign=campaign, kind=DutyDeadline.Kind.REPORT, due_on__lt=today
        ).filter(~Exists(on_time))
    )
    if problem == "chua-dang-ky":
        units = units.filter(~registered)
    elif problem == "chua-co-ke-hoach":
        units = units.filter(~has_plan)
    elif problem == "bao-cao-tre-thieu":
        units = units.filter(report_problem)
    elif problem == "day-du":
        units = units.filter(registered, has_plan).filter(~report_problem)
    return units

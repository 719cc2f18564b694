"""Computed criteria: (a) the unit's own plan, (d) the dân vận ranking, (g) reporting on time."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from criteria.models import Criterion, DutyDeadline, PeriodicReport, UnitPlan, UnitRanking
from criteria.services import evaluate_all, evaluate_computed
from tests.files import stored_pdf_fields

pytestmark = pytest.mark.django_db


def crit(plan, code):
    return Criterion.objects.get(criterion_set__campaign=plan, criterion_set__subject="collective", code=code)


def at(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def rank(unit, year, rank, size=10, group="Cấp huyện"):
    return UnitRanking.objects.create(
        unit=unit, year=year, points=80, grade="kha", rank=rank, group_label=group, group_size=size
    )


def test_d_ranked_high_in_its_group(plan, cast):
    rank(cast.unit_a, 2025, 2)
    rank(cast.unit_a, 2024, 7)
    result = evaluate_computed(
        criterion=crit(plan, "d"), unit=cast.unit_a, round=plan.rounds.get(code="nam-2025")
    )
    assert result.met is True and result.points == Decimal("20")
    assert result.explanation.startswith("hạng 2/10 năm 2025; năm 2024 hạng 7")


def test_d_remarkable_improvement(plan, cast):
    rank(cast.unit_a, 2025, 4)
    rank(cast.unit_a, 2024, 9)
    result = evaluate_computed(
        criterion=crit(plan, "d"), unit=cast.unit_a, round=plan.rounds.get(code="nam-2025")
    )
    assert result.met is True and "tăng 5 bậc" in result.explanation


def test_d_neither_high_nor_improved(plan, cast):
    rank(cast.unit_a, 2025, 5)
    rank(cast.unit_a, 2024, 8)
    result = evaluate_computed(
        criterion=crit(plan, "d"), unit=cast.unit_a, round=plan.rounds.get(code="nam-2025")
    )
    assert result.met is False and result.points == 0
    assert "hạng 5/10 năm 2025; năm 2024 hạng 8" in result.explanation


def test_d_thresholds_are_the_campaigns(plan, cast):
    plan.ranking_top_n, plan.ranking_improvement_k = 5, 2
    plan.save()
    rank(cast.unit_a, 2025, 5)
    result = evaluate_computed(
        criterion=crit(plan, "d"), unit=cast.unit_a, round=plan.rounds.get(code="nam-2025")
    )
    assert result.met is True


def test_d_without_a_ranking_leaves_it_to_the_appraiser(plan, cast):
    result = evaluate_computed(
        criterion=crit(plan, "d"), unit=cast.unit_b, round=plan.rounds.get(code="nam-2026")
    )
    assert result.met is None and result.points is None and "2026" in result.explanation


def test_d_final_round_uses_the_latest_year(plan, cast):
    rank(cast.unit_a, 2025, 1)
    result = evaluate_computed(
        criterion=crit(plan, "d"), unit=cast.unit_a, round=plan.rounds.get(code="tong-ket")
    )
    assert (
        result.met is True
        and "năm 2025" in result.explanation
        and "chưa có kết quả năm 2024" in result.explanation
    )


def _plan_upload(plan, unit, user, day):
    return UnitPlan.objects.create(
        campaign=plan,
        unit=unit,
        number="12/KH-UBND",
        issued_on=day,
        **stored_pdf_fields(user, at(day), file_name="x.pdf", original_name="kh.pdf"),
    )


def test_a_own_plan(plan, cast):
    round_ = plan.rounds.get(code="nam-2025")
    missing = evaluate_computed(criterion=crit(plan, "a"), unit=cast.unit_a, round=round_)
    assert missing.met is False and "chưa tải lên" in missing.explanation
    _plan_upload(plan, cast.unit_a, cast.officer_a, dt.date(2025, 1, 10))
    result = evaluate_computed(criterion=crit(plan, "a"), unit=cast.unit_a, round=round_)
    assert result.met is True and result.points == Decimal("10")
    assert "12/KH-UBND" in result.explanation and "trễ hạn, hạn 31/12/2024" in result.explanation


def test_a_plan_uploaded_after_the_round_closed_does_not_count(plan, cast):
    _plan_upload(plan, cast.unit_a, cast.officer_a, dt.date(2025, 12, 20))
    result = evaluate_computed(
        criterion=crit(plan, "a"), unit=cast.unit_a, round=plan.rounds.get(code="nam-2025")
    )
    assert result.met is False and "sau hạn nộp hồ sơ" in result.explanation


def _report(deadline, unit, user, day):
    return PeriodicReport.objects.create(
        deadline=deadline,
        unit=unit,
        **stored_pdf_fields(user, at(day), file_name="r.pdf", original_name="bc.pdf"),
    )


def test_g_reporting_counts_on_time_late_and_missing(plan, cast):
    round_ = plan.rounds.get(code="nam-2025")  # two reports due: 20/06/2025 and 10/11/2025
    six_months = DutyDeadline.objects.get(campaign=plan, code="bao-cao-6-thang-2025")
    year_report = DutyDeadline.objects.get(campaign=plan, code="bao-cao-nam-2025")
    nothing = evaluate_computed(criterion=crit(plan, "g"), unit=cast.unit_a, round=round_)
    assert nothing.met is False and nothing.points == 0 and "chưa nộp" in nothing.explanation
    _report(six_months, cast.unit_a, cast.officer_a, dt.date(2025, 6, 18))
    _report(year_report, cast.unit_a, cast.officer_a, dt.date(2025, 11, 12))
    result = evaluate_computed(criterion=crit(plan, "g"), unit=cast.unit_a, round=round_)
    assert result.met is False and result.points == Decimal("10.0")
    assert "1/2 báo cáo định kỳ nộp đúng hạn" in result.explanation and "trễ hạn" in result.explanation
    _report(six_months, cast.unit_b, cast.officer_b, dt.date(2025, 6, 1))
    _report(year_report, cast.unit_b, cast.officer_b, dt.date(2025, 11, 10))
    full = evaluate_computed(criterion=crit(plan, "g"), unit=cast.unit_b, round=round_)
    assert full.met is True and full.points == Decimal("20")


def test_g_reports_not_yet_due_do_not_count(plan, cast):
    round_ = plan.rounds.get(code="nam-2026")
    result = evaluate_computed(
        criterion=crit(plan, "g"), unit=cast.unit_a, round=round_, today=dt.date(2026, 3, 1)
    )
    assert result.met is None and result.points is None


def test_appraiser_criteria_are_not_computed(plan, cast):
    with pytest.raises(ValueError):
        evaluate_computed(criterion=crit(plan, "b"), unit=cast.unit_a, round=plan.rounds.get(code="nam-2025"))


def test_evaluate_all_matches_one_by_one_and_reads_the_unit_once(plan, cast, django_assert_max_num_queries):
    """The batched evaluation gives each criterion the result evaluate_computed gives it, in three
    queries (plan, deadlines with the unit's reports, rankings) however much data the unit has."""
    round_ = plan.rounds.get(code="nam-2025")
    criteria = list(
        Criterion.objects.filter(criterion_set__campaign=plan, criterion_set__subject="collective")
    )
    computed = [c for c in criteria if c.evaluation == Criterion.Evaluation.COMPUTED]
    assert {c.source for c in computed} == {"own_plan", "dvcq_ranking", "reporting"}
    _plan_upload(plan, cast.unit_a, cast.officer_a, dt.date(2025, 1, 10))
    _report(
        DutyDeadline.objects.get(campaign=plan, code="bao-cao-6-thang-2025"),
        cast.unit_a,
        cast.officer_a,
        dt.date(2025, 6, 18),
    )
    for year, position in ((2022, 9), (2023, 8), (2024, 7), (2025, 2)):
        rank(cast.unit_a, year, position)
    today = dt.date(2025, 12, 1)
    with django_assert_max_num_queries(3):
        batched = evaluate_all(criteria, cast.unit_a, round_, today=today)
    assert set(batched) == {c.pk for c in computed}  # criteria the appraiser scores are left out
    for criterion in computed:
        assert batched[criterion.pk] == evaluate_computed(
            criterion=criterion, unit=cast.unit_a, round=round_, today=today
        )
    assert batched[crit(plan, "d").pk].explanation.startswith("hạng 2/10 năm 2025; năm 2024 hạng 7")
    # Only the data a criterion needs is read.
    d = crit(plan, "d")
    with django_assert_max_num_queries(1):
        only_d = evaluate_all([d], cast.unit_a, round_)
    assert only_d[d.pk].met is True
    # The final round takes the latest ranking in its period and the one before it.
    final = evaluate_all([crit(plan, "d")], cast.unit_a, plan.rounds.get(code="tong-ket"))
    assert "năm 2024 hạng 7" in final[crit(plan, "d").pk].explanation
    assert evaluate_all([crit(plan, "b")], cast.unit_a, round_) == {}

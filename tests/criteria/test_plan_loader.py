"""Loading a plan from its YAML file: faithful, generic, idempotent, all or nothing."""

import datetime as dt
from decimal import Decimal

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.utils import timezone

from campaigns.models import AwardRound, AwardType, Campaign, CampaignSection, DocumentType, RoundQuota
from criteria.models import Criterion, CriterionSet, DutyDeadline, EmulationContent
from criteria.plan_loader import PlanFileError, load_plan, load_plan_file

from .conftest import PLAN_169

pytestmark = pytest.mark.django_db

MODELS = (
    Campaign,
    CampaignSection,
    AwardType,
    DocumentType,
    AwardRound,
    RoundQuota,
    CriterionSet,
    Criterion,
    DutyDeadline,
    EmulationContent,
)


def snapshot() -> dict:
    """Every row of every table the loader writes, as plain values."""
    rows = {m.__name__: sorted(map(repr, m.objects.values())) for m in MODELS}
    rows["required_docs"] = sorted(
        (round_.code, d.code)
        for round_ in AwardRound.objects.all()
        for d in round_.required_document_types.all()
    )
    rows["content_criteria"] = sorted(EmulationContent.criteria.through.objects.values_list("pk", flat=True))
    return rows


def test_seed_plan169_twice_gives_the_same_rows():
    call_command("seed_plan169")
    first = snapshot()
    call_command("seed_plan169")
    assert snapshot() == first
    assert Campaign.objects.count() == 1
    assert Criterion.objects.count() == 9


def test_second_load_reports_nothing_changed():
    load_plan_file(PLAN_169)
    summary = load_plan_file(PLAN_169)
    assert not summary.changed
    assert summary.unchanged["tiêu chí"] == 9


def test_plan_169_is_loaded_faithfully(plan):
    assert plan.number == "169/KH-UBND"
    assert plan.kind == Campaign.Kind.THEMATIC
    assert plan.signer_name == "Trần Quốc Văn"
    assert plan.signer_title == "TM. Ủy ban nhân dân – Chủ tịch"
    assert plan.place == "Hưng Yên"
    assert (plan.issued_on, plan.starts_on, plan.ends_on) == (
        dt.date(2024, 11, 5),
        dt.date(2024, 11, 5),
        dt.date(2026, 12, 31),
    )
    assert "16-KH/BCSĐUBND-BDVTU" in plan.legal_basis
    assert "Ban Thi đua - Khen thưởng Trung ương" in plan.recipients
    keys = list(plan.sections.order_by("order").values_list("key", flat=True))
    assert keys == [
        "mo-dau",
        "muc-dich",
        "yeu-cau",
        "noi-dung-thi-dua",
        "doi-tuong-thoi-gian",
        "tieu-chi-thi-dua",
        "khen-thuong",
        "to-chuc-thuc-hien",
    ]
    contents = plan.sections.get(key="noi-dung-thi-dua").body
    for n in range(1, 7):
        assert f"\n{n}. " in "\n" + contents
    source = PLAN_169.parent.parent.joinpath("plans", "169-KH-UBND.yaml").read_text(encoding="utf-8")
    assert "Đề án 06" in source


def test_every_paragraph_of_the_official_text_is_in_the_sections(plan):
    # The plan's official text is kept beside the data file it was transcribed into.
    text = (PLAN_169.parent / "source" / "ke-hoach-169-KH-UBND.txt").read_text(encoding="utf-8")
    body = " ".join(" ".join(s.body.split()) for s in plan.sections.all())
    start = text.index("1. Mục đích")
    end = text.index("Nơi nhận:")
    paragraphs = [" ".join(p.split()) for p in text[start:end].split("\n\n")]
    headings = {s.heading for s in plan.sections.all()}
    missing = [p for p in paragraphs if p and p not in body and p not in headings]
    assert missing == []


def test_the_contents_of_part_ii_name_the_records_that_bear_on_them(plan):
    contents = {c.number: c for c in plan.contents.prefetch_related("criteria__criterion_set")}
    assert sorted(contents) == [1, 2, 3, 4, 5, 6]

    def linked(n):
        return sorted((c.criterion_set.subject, c.code) for c in contents[n].criteria.all())

    assert linked(1) == [("collective", "c")]
    assert linked(2) == [("collective", "a"), ("collective", "b"), ("collective", "e")]
    assert linked(3) == [("individual", "b")] and contents[3].practice_kinds == ["initiative"]
    assert linked(4) == [] and contents[4].difficulty_topics == ["digital"]
    assert linked(5) == [("collective", "d")]  # computed from the dân vận ranking
    assert contents[6].practice_kinds == ["model"]
    assert contents[6].difficulty_topics == ["resources", "procedures"]
    assert contents[1].narrative_key == "noi-dung-1"
    # The reports' short names of the criteria.
    c = Criterion.objects.get(criterion_set__campaign=plan, criterion_set__subject="collective", code="c")
    assert c.short_text == "Tuyên truyền về dân vận chính quyền" and c.label == c.short_text


def test_a_content_relinked_in_the_file_is_updated_and_a_dropped_one_removed(plan):
    data = yaml.safe_load(PLAN_169.read_text(encoding="utf-8"))
    data["contents"][0]["criteria"] = {"collective": ["c", "g"]}
    data["contents"] = data["contents"][:5]
    summary = load_plan(data)
    assert summary.updated["nội dung thi đua"] == 1 and summary.unchanged["nội dung thi đua"] == 4
    assert summary.deleted["nội dung thi đua"] == 1
    assert sorted(c.code for c in plan.contents.get(number=1).criteria.all()) == ["c", "g"]
    assert not plan.contents.filter(number=6).exists()


def test_rounds_quotas_and_documents(plan):
    rounds = {round_.code: round_ for round_ in plan.rounds.all()}
    assert set(rounds) == {"nam-2025", "nam-2026", "tong-ket"}
    quota = {
        code: round_.quotas.get(award_type__code="bang-khen-chu-tich").max_count
        for code, round_ in rounds.items()
    }
    assert quota == {"nam-2025": 10, "nam-2026": 10, "tong-ket": 20}
    for round_ in rounds.values():
        assert set(round_.required_document_types.values_list("code", flat=True)) == {
            "to-trinh",
            "bao-cao-thanh-tich",
            "bien-ban-hoi-dong",
        }
        assert round_.opens_on <= round_.closes_on <= round_.appraisal_deadline
    assert rounds["tong-ket"].kind == AwardRound.Kind.FINAL and rounds["tong-ket"].year is None
    assert AwardType.objects.get(code="giay-khen").level == AwardType.Level.UNIT
    assert set(DocumentType.objects.values_list("code", flat=True)) >= {"minh-chung"}


def test_criteria_in_vietnamese_order_with_d_stroke_and_g(plan):
    collective = CriterionSet.objects.get(campaign=plan, subject="collective")
    codes = list(collective.criteria.values_list("code", flat=True))  # the model's ordering
    assert codes == ["a", "b", "c", "d", "đ", "e", "g"]
    # A byte-order sort would put đ last: the stored sort key is what keeps it after d.
    assert sorted(codes) != codes
    computed = dict(collective.criteria.filter(evaluation="computed").values_list("code", "source"))
    assert computed == {"a": "own_plan", "d": "dvcq_ranking", "g": "reporting"}
    individual = CriterionSet.objects.get(campaign=plan, subject="individual")
    assert list(individual.criteria.values_list("code", flat=True)) == ["a", "b"]
    assert collective.criteria.get(code="b").evidence_required
    assert collective.criteria.get(code="d").max_points == Decimal("20")


def test_dry_run_writes_nothing():
    summary = load_plan_file(PLAN_169, dry_run=True)
    assert summary.created["tiêu chí"] == 9
    assert Campaign.objects.count() == 0 and Criterion.objects.count() == 0


def test_the_loader_is_generic_another_plan_loads_beside_169(plan):
    data = yaml.safe_load(PLAN_169.read_text(encoding="utf-8"))
    data["campaign"].update(
        number="12/KH-UBND", title="Thi đua chuyển đổi số", issued_on="2025-02-01", starts_on="2025-02-01"
    )
    data["rounds"] = [r for r in data["rounds"] if r["code"] == "nam-2026"]
    data["criterion_sets"] = [data["criterion_sets"][1]]
    data["contents"] = [
        {
            "number": 1,
            "title": "Chuyển đổi số",
            "criteria": {"individual": ["b"]},
            "difficulty_topics": ["digital"],
        }
    ]
    load_plan(data)
    other = Campaign.objects.get(number="12/KH-UBND")
    assert other.rounds.count() == 1 and other.criterion_sets.count() == 1
    assert [(c.number, [k.code for k in c.criteria.all()]) for c in other.contents.all()] == [(1, ["b"])]
    assert plan.rounds.count() == 3 and plan.contents.count() == 6  # the first plan untouched


def _bad(mutate) -> str:
    data = yaml.safe_load(PLAN_169.read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(PlanFileError) as info:
        load_plan(data)
    return str(info.value)


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda d: d.pop("campaign"), "campaign"),
        (lambda d: d["campaign"].update(issued_on="05/11/2024"), "không phải ngày hợp lệ"),
        (lambda d: d["rounds"][0].update(closes_on="2025-10-01"), "Hạn nộp hồ sơ phải sau ngày mở"),
        (lambda d: d["rounds"][0].update(required_documents=["to-trinh", "khong-co"]), "khong-co"),
        (lambda d: d["rounds"][1].update(quotas={"bang-khen-chu-tich": -1}), "không âm"),
        (lambda d: d["criterion_sets"][0]["criteria"][0].update(code="f"), "chữ cái tiếng Việt"),
        (lambda d: d["criterion_sets"][0]["criteria"][1].update(code="a"), "bị trùng"),
        (
            lambda d: d["criterion_sets"][1]["criteria"][0].update(evaluation="computed", source="own_plan"),
            "chỉ tính được cho tập thể",
        ),
        (lambda d: d["sections"][1].update(key="mo-dau"), "bị trùng"),
        (lambda d: d["contents"][1].update(number=1), "số thứ tự 1 bị trùng"),
        (lambda d: d["contents"][0].update(criteria={"collective": ["h"]}), "không có tiêu chí “h”"),
        (lambda d: d["contents"][0].update(criteria={"everyone": ["a"]}), "phải ghi theo đối tượng"),
        (
            lambda d: d["contents"][2].update(practice_kinds=["poster"]),
            "“practice_kinds” có mã không hợp lệ: poster",
        ),
        (lambda d: d["contents"][3].update(difficulty_topics="digital"), "phải là một danh sách mã"),
        (lambda d: d["contents"][3].pop("title"), "thiếu “title”"),
    ],
)
def test_a_bad_file_is_refused_whole_with_a_vietnamese_reason(mutate, expected):
    message = _bad(mutate)
    assert expected in message
    assert Campaign.objects.count() == 0 and AwardType.objects.count() == 0  # nothing written


def test_command_exits_non_zero_on_a_broken_file(tmp_path):
    broken = tmp_path / "plan.yaml"
    broken.write_text("campaign: [unclosed", encoding="utf-8")
    with pytest.raises(CommandError, match="YAML"):
        call_command("load_plan", str(broken))
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("load_plan", str(tmp_path / "missing.yaml"))


def test_frozen_criteria_cannot_be_changed_by_reloading(plan):
    AwardRound.objects.filter(campaign=plan, code="nam-2026").update(submissions_started_at=timezone.now())
    data = yaml.safe_load(PLAN_169.read_text(encoding="utf-8"))
    load_plan(data)  # the same criteria: fine
    data["criterion_sets"][0]["criteria"][1]["max_points"] = 30
    with pytest.raises(PlanFileError, match="không thể sửa tiêu chí"):
        load_plan(data)
    assert (
        Criterion.objects.get(
            criterion_set__campaign=plan, criterion_set__subject="collective", code="b"
        ).max_points
        == 15
    )
    # A short name only labels the reports' tables: it may still change.
    data["criterion_sets"][0]["criteria"][1]["max_points"] = 15
    data["criterion_sets"][0]["criteria"][1]["short"] = "Lãnh đạo, chỉ đạo"
    load_plan(data)
    assert (
        Criterion.objects.get(
            criterion_set__campaign=plan, criterion_set__subject="collective", code="b"
        ).short_text
        == "Lãnh đạo, chỉ đạo"
    )


def test_reloading_changes_rounds_through_the_rounds_service(plan):
    data = yaml.safe_load(PLAN_169.read_text(encoding="utf-8"))
    data["rounds"][1]["quotas"] = {"bang-khen-chu-tich": 12}
    summary = load_plan(data)
    assert summary.updated["chỉ tiêu"] == 1 and summary.unchanged["đợt khen thưởng"] == 3
    assert plan.rounds.get(code="nam-2026").quotas.get().max_count == 12
    # The service's rules hold for the file too: a province-level award keeps a quota.
    data["rounds"][1]["quotas"] = {}
    with pytest.raises(PlanFileError, match="Đợt “nam-2026”: .*cần chỉ tiêu"):
        load_plan(data)
    assert plan.rounds.get(code="nam-2026").quotas.get().max_count == 12

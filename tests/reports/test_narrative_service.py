"""The written parts of the summary reports: the parts table, versions, who may write, what is refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from campaigns.audit import AppendOnlyError
from reports import narrative, selectors
from reports.models import NarrativeVersion
from reports.services import restore_part, write_part
from tests.factories import CampaignFactory
from tests.support import on_postgresql

from .conftest import give_contents

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(cast):
    campaign = CampaignFactory()
    give_contents(campaign)
    return campaign


def _write(user, campaign, key="uu-diem", text="Đoạn một.", based_on=None, kind="annual", year=2025):
    return write_part(
        actor=user, campaign=campaign, kind=kind, year=year, key=key, text=text, based_on=based_on
    )


def test_the_parts_are_the_plans_contents_then_the_assessment_direction_and_proposals(campaign):
    parts = narrative.parts_of(campaign, "annual", 2025)
    assert [p.key for p in parts] == [
        *(f"noi-dung-{n}" for n in range(1, 7)),
        "uu-diem",
        "han-che",
        "nguyen-nhan",
        "phuong-huong",
        "kien-nghi",
    ]
    first = parts[0]
    # The content's short title (criteria.EmulationContent); the hint is the plan's own words.
    assert first.label == (
        "Nội dung 1: Đổi mới công tác tuyên truyền, phổ biến về dân "
        "vận chính quyền và quy chế dân chủ ở cơ sở"
    )
    assert first.hint.startswith("Thi đua thực hiện đổi mới trong công tác tuyên truyền, phổ biến chủ trương")
    assert parts[9].label == "Phương hướng, nhiệm vụ năm 2026"
    final = narrative.parts_of(campaign, "final")
    assert final[9].label == "Phương hướng, nhiệm vụ giai đoạn tiếp theo"


def test_a_campaign_without_a_contents_section_has_only_the_fixed_parts(cast):
    other = CampaignFactory(number="12/KH-UBND")
    assert [p.key for p in narrative.parts_of(other, "final")] == [
        "uu-diem",
        "han-che",
        "nguyen-nhan",
        "phuong-huong",
        "kien-nghi",
    ]


def test_each_save_is_the_next_version_and_the_selector_reads_the_latest_of_each_part(
    campaign, cast, django_assert_num_queries
):
    v1 = _write(cast.appraiser, campaign, text="Bản đầu.")
    v2 = _write(cast.manager, campaign, text="Bản hai.", based_on=v1.pk)
    other = _write(cast.appraiser, campaign, key="han-che", text="Hạn chế.")
    final = _write(cast.appraiser, campaign, text="Tổng kết.", kind="final", year=None)
    assert (v1.version, v2.version, other.version, final.version) == (1, 2, 1, 1)
    assert (v2.written_by, v2.text) == (cast.manager, "Bản hai.")
    with django_assert_num_queries(1):
        current = selectors.current_parts(campaign, "annual", 2025)
    assert {k: v.pk for k, v in current.items()} == {"uu-diem": v2.pk, "han-che": other.pk}
    assert selectors.narrative_snapshot(campaign, "final", None) == {"uu-diem": final.pk}
    assert selectors.current_parts(campaign, "annual", 2026) == {}


def test_a_stale_save_is_refused_saying_who_saved_and_writes_nothing(campaign, cast):
    cast.manager.last_name, cast.manager.first_name = "Trần Thu", "Hà"
    cast.manager.save()
    v1 = _write(cast.appraiser, campaign, text="Bản đầu.")
    v2 = _write(cast.manager, campaign, text="Trưởng ban sửa.", based_on=v1.pk)
    with pytest.raises(ValidationError) as refused:
        _write(cast.appraiser, campaign, text="Chuyên viên sửa trên bản đầu.", based_on=v1.pk)
    message = refused.value.messages[0]
    when = timezone.localtime(v2.written_at)
    assert f"Trần Thu Hà đã lưu phần “Ưu điểm” lúc {when:%H:%M ngày %d/%m/%Y} (bản 2)" in message
    assert "Nội dung bạn viết vẫn còn trong ô soạn thảo" in message
    assert list(NarrativeVersion.objects.values_list("pk", flat=True).order_by("pk")) == [v1.pk, v2.pk]
    # Writing a first version when one exists (based on nothing) is refused too.
    with pytest.raises(ValidationError):
        _write(cast.appraiser, campaign, text="Bản khác.", based_on=None)
    assert NarrativeVersion.objects.count() == 2


def test_an_unchanged_text_writes_nothing_and_trailing_space_does_not_count(campaign, cast):
    v1 = _write(cast.appraiser, campaign, text="  Đoạn một.   \r\n\r\nĐoạn hai.\t\r\n\r\n")
    assert v1.text == "Đoạn một.\n\nĐoạn hai."
    assert _write(cast.appraiser, campaign, text="Đoạn một.\n\nĐoạn hai.  \n", based_on=v1.pk) is None
    assert _write(cast.appraiser, campaign, key="han-che", text="   \n") is None
    assert NarrativeVersion.objects.count() == 1


def test_a_text_too_long_is_refused_on_its_field(campaign, cast):
    with pytest.raises(ValidationError) as refused:
        _write(cast.appraiser, campaign, text="a" * (narrative.MAX_CHARS + 1))
    assert "text" in refused.value.error_dict
    assert not NarrativeVersion.objects.exists()


@pytest.mark.parametrize(
    ("kind", "year", "key", "says"),
    [
        ("annual", 2025, "bai-hoc", "Báo cáo này không có phần “bai-hoc”"),
        ("annual", 2025, "noi-dung-7", "Báo cáo này không có phần “noi-dung-7”"),
        ("annual", 2023, "uu-diem", "Năm 2023 nằm ngoài thời gian của 169/KH-UBND"),
        ("annual", None, "uu-diem", "Hãy chọn năm của báo cáo."),
        ("final", 2025, "uu-diem", "không ghi năm"),
        ("unit", 2025, "uu-diem", "Chỉ báo cáo kết quả năm và báo cáo tổng kết"),
        ("proposal", None, "uu-diem", "Chỉ báo cáo kết quả năm và báo cáo tổng kết"),
    ],
)
def test_a_bad_key_kind_or_year_is_refused_and_writes_nothing(campaign, cast, kind, year, key, says):
    with pytest.raises(ValidationError) as refused:
        _write(cast.appraiser, campaign, key=key, kind=kind, year=year)
    assert says in refused.value.messages[0]
    assert not NarrativeVersion.objects.exists()


@pytest.mark.parametrize(
    ("username", "may"),
    [
        ("appraiser", True),
        ("manager", True),
        ("leader", False),
        ("officer_a", False),
        ("head_a", False),
        ("head_b", False),
        ("council", False),
        ("nobody", False),
    ],
)
def test_only_so_noi_vu_writes(campaign, cast, username, may):
    user = cast.users()[username]
    if may:
        assert _write(user, campaign).written_by == user
    else:
        with pytest.raises(PermissionDenied):
            _write(user, campaign)
        assert not NarrativeVersion.objects.exists()


def test_restoring_writes_the_old_text_as_a_new_version(campaign, cast):
    v1 = _write(cast.appraiser, campaign, text="Bản đầu.")
    v2 = _write(cast.appraiser, campaign, text="Bản hai.", based_on=v1.pk)
    v3 = restore_part(actor=cast.manager, version=v1, based_on=v2.pk)
    assert (v3.version, v3.text, v3.written_by) == (3, "Bản đầu.", cast.manager)
    # Restoring the current text again writes nothing; a stale restore is refused.
    assert restore_part(actor=cast.manager, version=v3, based_on=v3.pk) is None
    with pytest.raises(ValidationError):
        restore_part(actor=cast.manager, version=v2, based_on=v2.pk)
    with pytest.raises(PermissionDenied):
        restore_part(actor=cast.leader, version=v2, based_on=v3.pk)
    assert NarrativeVersion.objects.count() == 3


def test_versions_are_append_only(campaign, cast):
    v1 = _write(cast.appraiser, campaign)
    with pytest.raises(AppendOnlyError):
        v1.save()
    with pytest.raises(AppendOnlyError):
        NarrativeVersion.objects.filter(pk=v1.pk).update(text="sửa lén")
    with pytest.raises(AppendOnlyError):
        v1.delete()
    if on_postgresql():
        # Not even raw SQL from the application rewrites a version.
        with (
            pytest.raises(Exception, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("UPDATE reports_narrativeversion SET text = 'x' WHERE id = %s", [v1.pk])
    assert NarrativeVersion.objects.get().text == "Đoạn một."

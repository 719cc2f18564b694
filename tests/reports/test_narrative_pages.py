"""The "Dự thảo báo cáo" pages: who reads and who writes, saving several parts, a stale save, history,
restore, 404s for what is not this report's, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reports.models import NarrativeVersion
from reports.services import write_part
from tests.factories import CampaignFactory

from .conftest import give_contents, make_job

pytestmark = pytest.mark.django_db

READERS = ("leader",)
WRITERS = ("appraiser", "manager")
REFUSED = ("officer_a", "head_a", "head_b", "officer_b", "council", "nobody")


@pytest.fixture
def campaign(cast):
    campaign = CampaignFactory()
    give_contents(campaign)
    return campaign


def _url(campaign, period="nam-2025", *rest):
    if rest:
        return reverse(rest[0], args=[campaign.pk, period, *rest[1:]])
    return reverse("reports:draft", args=[campaign.pk, period])


def _write(user, campaign, key, text, based_on=None, year=2025):
    kind = "annual" if year else "final"
    return write_part(
        actor=user, campaign=campaign, kind=kind, year=year, key=key, text=text, based_on=based_on
    )


def _post(campaign, **parts):
    """The draft form as the page sends it: every part's text and the version it was loaded from."""
    data = {}
    for key, (text, based_on) in parts.items():
        data[f"{key}-text"] = text
        data[f"{key}-based_on"] = based_on or ""
    return data


@pytest.mark.parametrize(
    ("username", "status"),
    [*((u, 200) for u in READERS + WRITERS), *((u, 403) for u in REFUSED)],
)
def test_who_opens_the_draft_and_its_history(campaign, cast, client_for, username, status):
    _write(cast.appraiser, campaign, "uu-diem", "Đoạn ưu điểm.")
    client = client_for(cast.users()[username])
    history = _url(campaign, "nam-2025", "reports:part_history", "uu-diem")
    for url in (_url(campaign), _url(campaign, "tong-ket"), history):
        assert client.get(url).status_code == status, url


def test_anonymous_is_sent_to_sign_in(campaign, client_for):
    response = client_for(None).get(_url(campaign))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_the_writer_sees_every_part_with_a_box_the_leader_reads_them(campaign, cast, client_for):
    cast.appraiser.last_name, cast.appraiser.first_name = "Lê Thị", "Mai"
    cast.appraiser.save()
    _write(cast.appraiser, campaign, "uu-diem", "Đoạn một.\n\nĐoạn hai\nnối tiếp.")
    page = client_for(cast.appraiser).get(_url(campaign)).content.decode()
    assert "Dự thảo báo cáo kết quả năm 2025" in page
    assert (
        "Nội dung 1: Đổi mới công tác tuyên truyền, phổ biến về dân "
        "vận chính quyền và quy chế dân chủ ở cơ sở"
    ) in page
    assert "Phương hướng, nhiệm vụ năm 2026" in page
    assert page.count("<textarea") == 11
    assert "mỗi đoạn cách nhau một dòng trống" in page
    assert "Bản hiện tại: bản 1, Lê Thị Mai lưu lúc" in page
    assert "Đã viết 1/11 phần" in page
    leader = client_for(cast.leader).get(_url(campaign)).content.decode()
    assert "<textarea" not in leader and '<form method="post" action' not in leader.split("<main")[1]
    assert "<p>Đoạn một.</p>" in leader and "<p>Đoạn hai nối tiếp.</p>" in leader


@pytest.mark.parametrize("username", READERS + REFUSED)
def test_only_so_noi_vu_saves_or_restores(campaign, cast, client_for, username):
    v1 = _write(cast.appraiser, campaign, "uu-diem", "Bản đầu.")
    v2 = _write(cast.appraiser, campaign, "uu-diem", "Bản hai.", based_on=v1.pk)
    client = client_for(cast.users()[username])
    save = client.post(
        _url(campaign, "nam-2025", "reports:save_draft"), _post(campaign, **{"uu-diem": ("Sửa.", v2.pk)})
    )
    restore = client.post(
        _url(campaign, "nam-2025", "reports:restore_part", "uu-diem", v1.pk), {"based_on": v2.pk}
    )
    assert (save.status_code, restore.status_code) == (403, 403)
    assert NarrativeVersion.objects.count() == 2


@pytest.mark.parametrize("username", WRITERS)
def test_saving_writes_only_the_parts_changed(campaign, cast, client_for, username):
    v1 = _write(cast.appraiser, campaign, "uu-diem", "Ưu điểm.\n\nĐoạn hai.")
    user = cast.users()[username]
    data = _post(
        campaign,
        **{
            # The browser sends CRLF: the same text, not a change.
            "uu-diem": ("Ưu điểm.\r\n\r\nĐoạn hai.", v1.pk),
            "han-che": ("Hạn chế mới.  ", None),
            "noi-dung-2": ("Người đứng đầu đã chỉ đạo.", None),
            "kien-nghi": ("", None),
        },
    )
    data["part"] = "han-che"
    client = client_for(user)
    response = client.post(_url(campaign, "nam-2025", "reports:save_draft"), data)
    assert response.status_code == 302
    assert response["Location"] == _url(campaign) + "#phan-han-che"
    versions = {v.key: v for v in NarrativeVersion.objects.all()}
    assert set(versions) == {"uu-diem", "han-che", "noi-dung-2"}
    assert versions["uu-diem"].pk == v1.pk
    assert (versions["han-che"].text, versions["han-che"].written_by) == ("Hạn chế mới.", user)
    page = client.get(response["Location"]).content.decode()
    assert "Đã lưu phần “Hạn chế” (bản 1)." in page
    assert (
        "Đã lưu phần “Nội dung 2: Nâng cao trách nhiệm của người đứng đầu cơ quan, tổ chức, đơn vị” (bản 1)."
    ) in page


def test_saving_nothing_changed_says_so(campaign, cast, client_for):
    v1 = _write(cast.appraiser, campaign, "uu-diem", "Ưu điểm.")
    client = client_for(cast.appraiser)
    response = client.post(
        _url(campaign, "nam-2025", "reports:save_draft"),
        _post(campaign, **{"uu-diem": ("Ưu điểm.\r\n", v1.pk), "han-che": ("", None)}),
        follow=True,
    )
    assert "Không phần nào khác bản hiện tại" in response.content.decode()
    assert NarrativeVersion.objects.count() == 1


def test_a_stale_part_is_refused_with_the_writers_text_kept_and_the_others_saved(campaign, cast, client_for):
    cast.manager.last_name, cast.manager.first_name = "Trần Thu", "Hà"
    cast.manager.save()
    v1 = _write(cast.appraiser, campaign, "uu-diem", "Bản đầu.")
    k1 = _write(cast.appraiser, campaign, "kien-nghi", "Kiến nghị đầu.")
    # Meanwhile the manager saves both parts; the appraiser left "Kiến nghị" alone.
    v2 = _write(cast.manager, campaign, "uu-diem", "Bản của trưởng ban.", based_on=v1.pk)
    _write(cast.manager, campaign, "kien-nghi", "Kiến nghị của trưởng ban.", based_on=k1.pk)
    data = _post(
        campaign,
        **{
            "uu-diem": ("Bản của chuyên viên.", v1.pk),
            "kien-nghi": ("Kiến nghị đầu.", k1.pk),
            "han-che": ("Hạn chế.", None),
        },
    )
    client = client_for(cast.appraiser)
    response = client.post(_url(campaign, "nam-2025", "reports:save_draft"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chưa lưu được các phần sau" in page and '<a href="#phan-uu-diem">Ưu điểm</a>' in page
    assert "Trần Thu Hà đã lưu phần “Ưu điểm” lúc" in page and "(bản 2)" in page
    assert "Bản của chuyên viên.</textarea>" in page  # the writer's text stays in the box
    assert "Bản mới nhất (bản 2):" in page and '<p class="mb-1">Bản của trưởng ban.</p>' in page
    # The box is now based on the newer version: saving again is deliberate and goes through.
    assert f'name="uu-diem-based_on" value="{v2.pk}"' in page
    latest = {v.key: v.text for v in NarrativeVersion.objects.order_by("version")}
    assert latest == {
        "uu-diem": "Bản của trưởng ban.",
        "kien-nghi": "Kiến nghị của trưởng ban.",  # left alone here: the newer version stays
        "han-che": "Hạn chế.",
    }
    again = client.post(
        _url(campaign, "nam-2025", "reports:save_draft"),
        _post(campaign, **{"uu-diem": ("Bản của chuyên viên.", v2.pk)}),
    )
    assert again.status_code == 302
    assert NarrativeVersion.objects.filter(key="uu-diem").latest("version").text == "Bản của chuyên viên."


def test_a_text_too_long_is_shown_on_its_box_and_nothing_is_written(campaign, cast, client_for):
    response = client_for(cast.appraiser).post(
        _url(campaign, "nam-2025", "reports:save_draft"), _post(campaign, **{"uu-diem": ("a" * 20_001, None)})
    )
    assert response.status_code == 200
    assert "quá giới hạn 20000 ký tự" in response.content.decode()
    assert not NarrativeVersion.objects.exists()


def test_history_lists_every_version_and_restores_one(campaign, cast, client_for):
    v1 = _write(cast.appraiser, campaign, "uu-diem", "Bản đầu.", year=None)
    v2 = _write(cast.manager, campaign, "uu-diem", "Bản hai.", based_on=v1.pk, year=None)
    client = client_for(cast.manager)
    history = _url(campaign, "tong-ket", "reports:part_history", "uu-diem")
    page = client.get(history).content.decode()
    assert "Bản 2" in page and "bản hiện tại" in page and "Bản đầu." in page and "Bản hai." in page
    assert page.count("Khôi phục bản này") == 1
    response = client.post(
        _url(campaign, "tong-ket", "reports:restore_part", "uu-diem", v1.pk), {"based_on": v2.pk}
    )
    assert response.status_code == 302 and response["Location"] == history
    v3 = NarrativeVersion.objects.filter(key="uu-diem").latest("version")
    assert (v3.version, v3.text, v3.written_by) == (3, "Bản đầu.", cast.manager)
    assert (v3.kind, v3.year) == ("final", None)
    assert "Đã khôi phục bản 1 của phần “Ưu điểm” thành bản 3." in client.get(history).content.decode()
    # A restore from a page drawn before that one is refused and writes nothing.
    client.post(_url(campaign, "tong-ket", "reports:restore_part", "uu-diem", v2.pk), {"based_on": v2.pk})
    assert NarrativeVersion.objects.count() == 3
    assert client_for(cast.leader).get(history).content.decode().count("Khôi phục bản này") == 0


def test_what_is_not_this_reports_is_not_found(campaign, cast, client_for):
    other = CampaignFactory(number="12/KH-UBND")
    theirs = _write(cast.appraiser, other, "uu-diem", "Của kế hoạch khác.")
    mine = _write(cast.appraiser, campaign, "uu-diem", "Của kế hoạch này.")
    final = _write(cast.appraiser, campaign, "uu-diem", "Tổng kết.", year=None)
    client = client_for(cast.appraiser)
    for url in (
        reverse("reports:draft", args=[999999, "nam-2025"]),
        _url(campaign, "nam-2023"),  # before the campaign
        _url(campaign, "nam-02025"),
        _url(campaign, "nam-x"),
        _url(campaign, "tong"),
        _url(campaign, "nam-2025", "reports:part_history", "bai-hoc"),
        _url(campaign, "nam-2025", "reports:part_history", "noi-dung-7"),
        _url(other, "nam-2025", "reports:part_history", "noi-dung-1"),  # that plan has no contents
    ):
        assert client.get(url).status_code == 404, url
    for version in (theirs, final):  # another campaign's, another report's
        response = client.post(
            _url(campaign, "nam-2025", "reports:restore_part", "uu-diem", version.pk), {"based_on": mine.pk}
        )
        assert response.status_code == 404
    assert (
        client.post(
            _url(campaign, "nam-2025", "reports:restore_part", "han-che", mine.pk), {"based_on": mine.pk}
        ).status_code
        == 404
    )
    assert client.post(_url(campaign, "nam-2023", "reports:save_draft"), {}).status_code == 404
    assert NarrativeVersion.objects.count() == 3


def _save_versions(cast, campaign, rounds: int) -> None:
    """`rounds` more versions of four parts, by both writers."""
    for i in range(rounds):
        for key in ("uu-diem", "han-che", "noi-dung-1", "noi-dung-4"):
            latest = NarrativeVersion.objects.filter(key=key, year=2025).order_by("-version").first()
            user = cast.users()[WRITERS[i % 2]]
            _write(user, campaign, key, f"{key}: lần {i}", latest.pk if latest else None)


def test_the_pages_take_the_same_number_of_queries_whatever_the_versions(campaign, cast, client_for):
    client = client_for(cast.appraiser)
    pages = (_url(campaign), _url(campaign, "nam-2025", "reports:part_history", "uu-diem"))

    def queries() -> list[int]:
        counts = []
        for url in pages:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    _save_versions(cast, campaign, 1)
    queries()  # the navigation's cache, the session
    few = queries()
    _save_versions(cast, campaign, 8)
    assert queries() == few
    assert max(few) <= 12, few


def test_the_reports_page_links_to_each_draft(campaign, cast, client_for):
    for username in ("appraiser", "leader"):
        page = client_for(cast.users()[username]).get(reverse("reports:home")).content.decode()
        assert "Dự thảo báo cáo" in page
        for period in ("nam-2024", "nam-2025", "nam-2026", "tong-ket"):
            assert _url(campaign, period) in page
    unit = client_for(cast.head_a).get(reverse("reports:home")).content.decode()
    assert "du-thao" not in unit


def test_the_job_page_says_which_parts_the_report_lacked(campaign, cast, client_for):
    v1 = _write(cast.appraiser, campaign, "uu-diem", "Ưu điểm.")
    job = make_job(cast.leader, campaign, parameters={"narrative": {"uu-diem": v1.pk}})
    page = client_for(cast.leader).get(reverse("reports:job", args=[job.pk])).content.decode()
    assert "Báo cáo này là bản DỰ THẢO" in page
    assert "<li>Hạn chế</li>" in page and "<li>Ưu điểm</li>" not in page
    assert "narrative=" not in page
    assert _url(campaign) in page

"""Who signs each paper a job builds: chosen on its request form from the register of signers, the
default preselected, checked by the request service, kept in the job and printed by the builders."""

import html
import io
import re
from datetime import timedelta
from types import SimpleNamespace
from unittest import mock

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from documents.models import Official
from documents.services import end_official
from reports import jobs as building
from reports import services, storage
from reports.models import ReportJob
from tests.awards.flow import council_members, individual_and_collective, voted_round
from tests.factories import award_round, deputy

from .conftest import pdf_text

pytestmark = pytest.mark.django_db
HOME = reverse("reports:home")


@pytest.fixture
def register(cast):
    """A voted round (its council session closed today) and the register: each body's default (the
    cast's) and a deputy, Sở Nội vụ's deputy whose term ended yesterday, the committee's office chief
    who signs by order (TL.)."""
    round_ = award_round(quota=10)
    person_dossier, unit_dossier = individual_and_collective(cast, round_)
    voted_round(
        cast,
        round_,
        votes={person_dossier: ["agree", "agree"], unit_dossier: ["agree", "agree"]},
        members=council_members(cast, 1),
    )
    yesterday = timezone.localdate() - timedelta(days=1)
    return SimpleNamespace(
        round=round_,
        campaign=round_.campaign,
        director=Official.objects.get(unit=cast.noivu),
        deputy=deputy(cast.noivu, "Trần Quốc Toản", "Phó Giám đốc", "Giám đốc"),
        gone=deputy(cast.noivu, "Phạm Đã Thôi", "Phó Giám đốc", "Giám đốc", valid_to=yesterday),
        chairman=Official.objects.get(unit=cast.province),
        vice=deputy(cast.province, "Nguyễn Lê Huy", "Phó Chủ tịch", "Chủ tịch"),
        office=deputy(cast.province, "Đặng Văn Lệnh", "Chánh Văn phòng", "Chủ tịch", authority="TL."),
        unit_head=Official.objects.get(unit=cast.unit_a),
        unit_deputy=deputy(cast.unit_a, "Hoàng Văn Phó", "Phó Chủ tịch", "Chủ tịch"),
        other_unit=Official.objects.get(unit=cast.unit_b),
    )


def offered(page: str, name: str) -> list[tuple[int, str, bool]]:
    """The officials the page offers for `name` (its radio buttons): (id, label, chosen)."""
    found = [
        (int(value), html.unescape(label), "checked" in attrs)
        for value, attrs, label in re.findall(
            rf'<input type="radio" name="{name}" value="(\d+)"([^>]*)>\s*<label[^>]*>([^<]*)</label>', page
        )
    ]
    assert found, f"nobody offered for {name}"
    return found


def minutes_url(round_, fmt="pdf") -> str:
    return reverse("reports:council_minutes", args=[round_.pk, fmt])


# --- The form offers the register's officials, the default preselected --------------------------


@pytest.mark.parametrize(
    ("kind", "extra"),
    [("annual", {"year": "2025"}), ("final", {}), ("proposal", {"round": True})],
)
def test_a_summary_or_proposal_form_offers_sở_nội_vụs_signers_with_the_director_chosen(
    cast, register, client_for, kind, extra
):
    query = {"kind": kind, "campaign": register.campaign.pk, **extra}
    if "round" in query:
        query["round"] = register.round.pk
    page = client_for(cast.manager).get(HOME, query).content.decode()
    assert offered(page, "signer") == [
        (register.director.pk, "GIÁM ĐỐC / Lê Văn Thành (mặc định)", True),
        (register.deputy.pk, "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trần Quốc Toản", False),
    ]  # not the deputy whose term ended yesterday, nor anyone of another unit
    if kind == "proposal":
        assert "Người ký tờ trình" in page and "Người ký dự thảo quyết định" in page
        # The draft decision is the Chairman's own act: his title alone, a deputy's KT.; a TL. too.
        assert offered(page, "decision_signer") == [
            (register.chairman.pk, "CHỦ TỊCH / Trần Quốc Văn (mặc định)", True),
            (register.vice.pk, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Lê Huy", False),
            (register.office.pk, "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG / Đặng Văn Lệnh", False),
        ]


def test_a_unit_form_offers_the_units_own_signers(cast, register, client_for):
    page = client_for(cast.head_a).get(HOME).content.decode()  # the head's own unit, preset
    assert offered(page, "signer") == [
        (register.unit_head.pk, "CHỦ TỊCH / Nguyễn Văn Lâm (mặc định)", True),
        (register.unit_deputy.pk, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Hoàng Văn Phó", False),
    ]
    # Another unit typed (the page asks again when the unit changes): that unit's signers.
    page = (
        client_for(cast.leader)
        .get(HOME, {"kind": "unit", "campaign": register.campaign.pk, "unit": cast.unit_b.code})
        .content.decode()
    )
    assert offered(page, "signer") == [(register.other_unit.pk, "CHỦ TỊCH / Đỗ Văn Thi (mặc định)", True)]
    page = client_for(cast.leader).get(HOME, {"kind": "unit"}).content.decode()
    assert "Gõ tên hoặc mã đơn vị ở ô “Đơn vị” để chọn người ký" in page


def test_the_minutes_page_offers_the_chairs_with_the_chairman_chosen(cast, register, client_for):
    page = client_for(cast.manager).get(minutes_url(register.round)).content.decode()
    assert "Chủ tịch Hội đồng ký biên bản" in page
    # The council's chair or the one standing in for him; not the office chief who signs by order.
    assert offered(page, "signer") == [
        (register.chairman.pk, "CHỦ TỊCH HỘI ĐỒNG / Trần Quốc Văn (mặc định)", True),
        (register.vice.pk, "KT. CHỦ TỊCH HỘI ĐỒNG / PHÓ CHỦ TỊCH HỘI ĐỒNG / Nguyễn Lê Huy", False),
    ]


# --- Another official chosen prints in the PDF and the Word file ---------------------------------


def _ask(client, data, django_capture_on_commit_callbacks, url=HOME) -> ReportJob:
    with (
        mock.patch("reports.tasks.build_report.apply_async"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    job = ReportJob.objects.order_by("-pk").first()
    assert building.run_job(job_id=job.pk) == "done", job.error
    job.refresh_from_db()
    return job


def _texts(job: ReportJob) -> str:
    """Every line of the job's file: the PDF's text (pypdf), or each paragraph and cell of the Word file."""
    data = storage.path_of(job.file.name).read_bytes()
    if job.format == "pdf":
        return pdf_text(data)
    document = docx.Document(io.BytesIO(data))
    cells = [p.text for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _block(text: str, *lines: str) -> bool:
    """Whether the block's lines stand in that order, each on a line of its own."""
    rows = [r.strip() for r in text.splitlines()]
    at = [rows.index(line) for line in lines if line in rows]
    return len(at) == len(lines) and at == sorted(at)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_deputies_chosen_sign_the_tờ_trình_and_the_draft_decision(
    cast, register, client_for, django_capture_on_commit_callbacks, fmt
):
    job = _ask(
        client_for(cast.manager),
        {
            "kind": "proposal",
            "campaign": register.campaign.pk,
            "round": register.round.pk,
            "signer": register.deputy.pk,
            "decision_signer": register.vice.pk,
            "format": fmt,
        },
        django_capture_on_commit_callbacks,
    )
    assert (job.parameters["signer"], job.parameters["decision_signer"]) == (
        register.deputy.pk,
        register.vice.pk,
    )
    text = _texts(job)
    assert _block(text, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Quốc Toản")
    assert _block(text, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Lê Huy")
    assert "Lê Văn Thành" not in text and "Trần Quốc Văn" not in text
    # The decision is still the Chairman's: its authority line and the tờ trình's addressee.
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" in text


@pytest.mark.parametrize(
    ("kind", "fmt"), [("annual", "pdf"), ("annual", "docx"), ("final", "pdf"), ("final", "docx")]
)
def test_the_deputy_chosen_signs_sở_nội_vụs_summary(
    cast, register, client_for, django_capture_on_commit_callbacks, kind, fmt
):
    data = {"kind": kind, "campaign": register.campaign.pk, "signer": register.deputy.pk, "format": fmt}
    job = _ask(client_for(cast.leader), {**data, "year": 2025}, django_capture_on_commit_callbacks)
    text = _texts(job)
    assert _block(text, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Quốc Toản") and "Lê Văn Thành" not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_units_deputy_chosen_signs_its_own_report(
    cast, register, client_for, django_capture_on_commit_callbacks, fmt
):
    data = {
        "kind": "unit",
        "campaign": register.campaign.pk,
        "unit": cast.unit_a.code,
        "signer": register.unit_deputy.pk,
        "format": fmt,
    }
    job = _ask(client_for(cast.officer_a), data, django_capture_on_commit_callbacks)
    text = _texts(job)
    assert _block(text, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Văn Phó") and "Nguyễn Văn Lâm" not in text


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_vice_chairman_chosen_signs_the_minutes_for_the_chair(
    cast, register, client_for, django_capture_on_commit_callbacks, fmt
):
    job = _ask(
        client_for(cast.manager),
        {"signer": register.vice.pk},
        django_capture_on_commit_callbacks,
        url=minutes_url(register.round, fmt),
    )
    assert job.kind == "council_minutes" and job.parameters["signer"] == register.vice.pk
    text = _texts(job)
    assert _block(text, "KT. CHỦ TỊCH HỘI ĐỒNG", "PHÓ CHỦ TỊCH HỘI ĐỒNG", "Nguyễn Lê Huy")
    assert "THƯ KÝ" in text and "Trần Quốc Văn" not in text


def test_the_job_page_shows_who_signs(cast, register, client_for, django_capture_on_commit_callbacks):
    job = _ask(
        client_for(cast.manager),
        {"kind": "proposal", "campaign": register.campaign.pk, "round": register.round.pk, "format": "pdf"},
        django_capture_on_commit_callbacks,
    )
    # Nobody chosen (the ranking board's link, an old form): the defaults, kept with the job.
    assert job.parameters["signer"] == register.director.pk
    assert job.parameters["decision_signer"] == register.chairman.pk
    page = html.unescape(client_for(cast.manager).get(reverse("reports:job", args=[job.pk])).content.decode())
    assert "Người ký tờ trình" in page and "GIÁM ĐỐC / Lê Văn Thành" in page
    assert "Người ký dự thảo quyết định" in page and "CHỦ TỊCH / Trần Quốc Văn" in page


def test_a_rebuild_signs_with_the_same_official_or_says_why_not(cast, register):
    job = services.request_report(
        actor=cast.leader, kind="final", campaign=register.campaign, signer=register.deputy.pk
    )
    end_official(
        actor=cast.manager, official=register.deputy, valid_to=timezone.localdate() - timedelta(days=1)
    )
    # The deputy no longer signs today: the worker does not switch to someone else, it says so.
    assert building.run_job(job_id=job.pk) == "failed"
    job.refresh_from_db()
    assert "Người ký đã chọn không có tên trong sổ người ký văn bản của Sở Nội vụ" in job.error


# --- What the register does not allow is refused, and no job is written ---------------------------


@pytest.mark.parametrize("who", ["other_unit", "gone", "made_up"])
def test_a_signer_the_register_does_not_allow_is_refused_and_no_job_is_written(
    cast, register, client_for, who
):
    signer = 987654321 if who == "made_up" else getattr(register, who).pk
    sentence = "Người ký đã chọn không có tên trong sổ người ký văn bản của"
    cases = [
        (cast.leader, {"kind": "annual", "year": 2025}),
        (cast.manager, {"kind": "proposal", "round": register.round.pk}),
        (cast.head_a, {"kind": "unit", "unit": cast.unit_a.code}),
    ]
    for user, data in cases:
        response = client_for(user).post(
            HOME, {"campaign": register.campaign.pk, "format": "pdf", "signer": signer, **data}
        )
        assert response.status_code == 200
        assert sentence in html.unescape(response.content.decode()), data
    response = client_for(cast.manager).post(
        HOME,
        {
            "kind": "proposal",
            "campaign": register.campaign.pk,
            "round": register.round.pk,
            "decision_signer": signer,
            "format": "pdf",
        },
    )
    assert (
        "Người ký đã chọn không có tên trong sổ người ký văn bản của Ủy ban nhân dân tỉnh"
        in html.unescape(response.content.decode())
    )
    minutes = client_for(cast.manager).post(minutes_url(register.round), {"signer": signer}, follow=True)
    assert sentence in html.unescape(minutes.content.decode())
    with pytest.raises(ValidationError, match=sentence):
        services.request_report(actor=cast.leader, kind="final", campaign=register.campaign, signer=signer)
    with pytest.raises(ValidationError, match=sentence):
        services.request_minutes(actor=cast.manager, round=register.round, signer=signer)
    assert not ReportJob.objects.exists()


def test_the_office_chief_who_signs_by_order_does_not_chair_the_council(cast, register, client_for):
    with pytest.raises(ValidationError, match="không có tên trong sổ người ký văn bản"):
        services.request_minutes(actor=cast.manager, round=register.round, signer=register.office.pk)
    response = client_for(cast.manager).post(HOME, {"kind": "annual", "signer": "ai đó"})
    assert "Người ký không hợp lệ: hãy chọn lại trong danh sách “Người ký”." in html.unescape(
        response.content.decode()
    )
    assert not ReportJob.objects.exists()


def test_an_empty_register_is_said_on_the_form_with_where_to_add_a_signer(cast, register, client_for):
    yesterday = timezone.localdate() - timedelta(days=1)
    for official in (register.director, register.deputy):
        end_official(actor=cast.manager, official=official, valid_to=yesterday)
    today = f"{timezone.localdate():%d/%m/%Y}"
    note = f"Sổ người ký văn bản chưa có ai ký cho Sở Nội vụ vào ngày {today}."
    page = html.unescape(client_for(cast.manager).get(HOME).content.decode())
    assert note in page and 'href="/van-ban/nguoi-ky/?q=T-SNV"' in page
    # The leader does not keep the register: he is told who does, with no link he could not open.
    page = html.unescape(client_for(cast.leader).get(HOME).content.decode())
    assert note in page and "/van-ban/nguoi-ky/" not in page
    assert "Hãy đề nghị lãnh đạo Sở Nội vụ hoặc thủ trưởng đơn vị thêm người ký" in page
    response = client_for(cast.leader).post(
        HOME, {"kind": "annual", "campaign": register.campaign.pk, "year": 2025, "format": "pdf"}
    )
    assert f"Chưa có người ký mặc định của Sở Nội vụ vào ngày {today}: hãy thêm vào sổ người ký văn bản" in (
        html.unescape(response.content.decode())
    )
    # The committee's register emptied: the minutes page says so, and asking writes nothing.
    for official in (register.chairman, register.vice, register.office):
        end_official(actor=cast.manager, official=official, valid_to=yesterday)
    page = html.unescape(client_for(cast.manager).get(minutes_url(register.round)).content.decode())
    assert "Sổ người ký văn bản chưa có ai ký cho Ủy ban nhân dân tỉnh Hưng Yên" in page
    assert 'href="/van-ban/nguoi-ky/?q=T-HY"' in page
    response = client_for(cast.manager).post(minutes_url(register.round), follow=True)
    assert "Chưa có người ký mặc định của Ủy ban nhân dân tỉnh Hưng Yên" in html.unescape(
        response.content.decode()
    )
    assert not ReportJob.objects.exists()


# --- Each member of the cast reaches the request form as before -----------------------------------


@pytest.mark.parametrize(
    ("username", "outcome"),
    [
        ("officer_a", "job"),
        ("head_a", "job"),
        ("head_b", "refused"),
        ("officer_b", "refused"),
        ("appraiser", "job"),
        ("manager", "job"),
        ("leader", "job"),
        ("council", 403),
        ("nobody", 403),
        (None, "sign in"),
    ],
)
def test_who_asks_for_unit_as_report_with_its_deputy_signing(
    cast, register, client_for, username, outcome, django_capture_on_commit_callbacks
):
    user = cast.users()[username] if username else None
    data = {
        "kind": "unit",
        "campaign": register.campaign.pk,
        "unit": cast.unit_a.code,
        "signer": register.unit_deputy.pk,
        "format": "pdf",
    }
    client = client_for(user)
    with (
        mock.patch("reports.tasks.build_report.apply_async"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        form = client.get(HOME)
        response = client.post(HOME, data)
    if outcome == "job":
        assert form.status_code == 200
        job = ReportJob.objects.get()
        assert response.status_code == 302 and job.parameters["signer"] == register.unit_deputy.pk
        return
    assert not ReportJob.objects.exists()
    if outcome == "refused":  # unit B's people do not find unit A
        assert form.status_code == 200 and response.status_code == 200
        assert "Không tìm thấy đơn vị" in response.content.decode()
    elif outcome == 403:
        assert form.status_code == 403 and response.status_code == 403
    else:
        assert form.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]

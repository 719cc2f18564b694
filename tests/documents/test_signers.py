"""The register of signers and the campaign's issuing bodies: who may write what, and what is refused."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from documents import services
from documents.issuers import signature_for
from documents.models import Official
from tests.factories import CampaignFactory, OfficialFactory, UnitFactory, deputy

pytestmark = pytest.mark.django_db
URL = "/van-ban/nguoi-ky/"


def _add(client, **fields):
    data = {"full_name": "Hoàng Văn Mới", "title": "Phó Chủ tịch", "valid_from": "2026-01-01", **fields}
    return client.post(URL, data)


def test_a_unit_head_adds_a_deputy_who_then_signs_kt(cast, client_for):
    response = _add(client_for(cast.head_a), unit=cast.unit_a.code, authority="KT.", on_behalf_of="Chủ tịch")
    assert response.status_code == 302
    deputy = Official.objects.get(full_name="Hoàng Văn Mới")
    assert deputy.unit == cast.unit_a and not deputy.is_default
    block = signature_for(cast.unit_a, date(2026, 3, 1), deputy)
    assert block.lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and block.name == "Hoàng Văn Mới"


def test_a_unit_head_cannot_write_another_units_register(cast, client_for):
    before = Official.objects.count()
    response = _add(client_for(cast.head_a), unit=cast.unit_b.code)
    assert response.status_code == 200
    assert "Không tìm thấy đơn vị" in response.content.decode()
    with pytest.raises(PermissionDenied):
        services.add_official(
            actor=cast.head_a, unit=cast.unit_b, full_name="X", title="Y", valid_from=date(2026, 1, 1)
        )
    other = Official.objects.get(unit=cast.unit_b)
    response = client_for(cast.head_a).post(
        reverse("documents:end_signer", args=[other.pk]), {"valid_to": "2026-06-30"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.valid_to is None and Official.objects.count() == before
    assert client_for(cast.officer_a).get(URL).status_code == 403
    assert client_for(cast.head_a).post(reverse("documents:set_issuers"), {}).status_code == 403


@pytest.mark.parametrize(
    "fields, sentence",
    [
        ({"authority": "KT."}, "phải ghi rõ ký cho ai"),
        ({"is_default": "on"}, "đang là người ký mặc định"),
        ({"valid_to": "2025-01-01"}, "Ngày kết thúc phải sau ngày bắt đầu ký"),
        ({"full_name": "   "}, "Trường này là bắt buộc|Hãy ghi đầy đủ"),
    ],
)
def test_bad_entries_are_refused_in_vietnamese_and_write_nothing(cast, client_for, fields, sentence):
    import re

    before = Official.objects.count()
    response = _add(client_for(cast.manager), unit=cast.unit_a.code, **fields)
    assert response.status_code == 200
    assert re.search(sentence, response.content.decode())
    assert Official.objects.count() == before


def test_a_change_of_head_keeps_old_papers_with_the_old_signer(cast, client_for):
    old = Official.objects.get(unit=cast.unit_a, is_default=True)
    client = client_for(cast.manager)
    client.post(reverse("documents:end_signer", args=[old.pk]), {"valid_to": "2026-06-30"})
    response = _add(client, unit=cast.unit_a.code, title="Chủ tịch", valid_from="2026-07-01", is_default="on")
    assert response.status_code == 302
    assert signature_for(cast.unit_a, date(2026, 6, 30)).name == old.full_name
    assert signature_for(cast.unit_a, date(2026, 7, 1)).name == "Hoàng Văn Mới"
    with pytest.raises(ValidationError, match="không được trước ngày bắt đầu"):
        services.end_official(actor=cast.manager, official=old, valid_to=date(2023, 1, 1))


def test_the_manager_names_the_campaigns_issuing_bodies(cast, client_for):
    campaign = CampaignFactory()
    campaign.deciding_unit = campaign.appraising_unit = None
    campaign.save()
    client = client_for(cast.manager)
    response = client.post(
        reverse("documents:set_issuers"),
        {"campaign": campaign.pk, "deciding": cast.unit_a.code, "appraising": cast.noivu.code},
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.deciding_unit is None  # a district is not the province's deciding body
    client.post(
        reverse("documents:set_issuers"),
        {"campaign": campaign.pk, "deciding": cast.province.code, "appraising": cast.noivu.code},
    )
    campaign.refresh_from_db()
    assert (campaign.deciding_unit, campaign.appraising_unit) == (cast.province, cast.noivu)


def test_the_register_page_keeps_its_queries_whatever_its_size(cast, client_for):
    client = client_for(cast.manager)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    few = count()
    for i in range(30):
        OfficialFactory(unit=UnitFactory(), full_name=f"Người ký {i}", is_default=False)
    assert count() == few
    page = client.get(URL).content.decode()
    assert "Người ký văn bản" in page and "mặc định" in page


def test_decision_forms_propose_the_registers_signer_of_today(cast, client_for):
    from tests.factories import award_round

    page = client_for(cast.head_a).get(reverse("awards:unit_decision_create")).content.decode()
    assert 'value="Nguyễn Văn Lâm"' in page and 'value="Chủ tịch"' in page
    round_ = award_round()
    page = client_for(cast.manager).get(reverse("awards:decision_create", args=[round_.pk])).content.decode()
    assert 'value="Trần Quốc Văn"' in page and 'value="Ủy ban nhân dân tỉnh Hưng Yên"' in page
    assert "TM. Ủy ban nhân dân" not in page


def test_decision_forms_offer_the_registers_officials_of_the_issuing_unit(cast, client_for):
    """Beside the default written in, the name's list holds every official who may sign for the unit
    today, as their decision prints the block; another unit's are not offered."""
    import html
    import re

    from tests.factories import award_round

    deputy(cast.province, "Nguyễn Lê Huy", "Phó Chủ tịch", "Chủ tịch")
    OfficialFactory(
        unit=cast.province, full_name="Người Đã Thôi", is_default=False, valid_to=date(2025, 1, 1)
    )

    def offered(page: str) -> list[tuple[str, str, str]]:
        listed = re.search(r'<datalist id="nguoi-ky-trong-so">(.*?)</datalist>', page, re.S).group(1)
        return [
            tuple(html.unescape(v) for v in m)
            for m in re.findall(r'<option value="([^"]*)" data-title="([^"]*)">([^<]*)</option>', listed)
        ]

    page = (
        client_for(cast.manager)
        .get(reverse("awards:decision_create", args=[award_round().pk]))
        .content.decode()
    )
    assert 'list="nguoi-ky-trong-so"' in page
    assert offered(page) == [
        ("Trần Quốc Văn", "Chủ tịch", "CHỦ TỊCH / Trần Quốc Văn"),
        ("Nguyễn Lê Huy", "Phó Chủ tịch", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Lê Huy"),
    ]
    page = client_for(cast.head_a).get(reverse("awards:unit_decision_create")).content.decode()
    assert offered(page) == [("Nguyễn Văn Lâm", "Chủ tịch", "CHỦ TỊCH / Nguyễn Văn Lâm")]
    services.end_official(
        actor=cast.head_a, official=Official.objects.get(unit=cast.unit_a), valid_to=date(2025, 1, 1)
    )
    page = html.unescape(client_for(cast.head_a).get(reverse("awards:unit_decision_create")).content.decode())
    assert offered(page) == [] and "Sổ người ký văn bản chưa có ai ký cho đơn vị hôm nay" in page

"""Issuers and signers as data: the header and the signature block of a paper, on its date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from campaigns.models import Unit
from documents.issuers import issuer_for, signature_for, signers
from documents.models import Official
from tests.factories import UnitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.unit]


@pytest.fixture
def province():
    return UnitFactory(
        code="T",
        name="UBND tỉnh Hưng Yên",
        official_name="Ủy ban nhân dân tỉnh Hưng Yên",
        kind=Unit.Kind.PROVINCE,
        abbreviation="UBND",
        locality="Hưng Yên",
    )


@pytest.fixture
def department(province):
    return UnitFactory(
        code="SNV", name="Sở Nội vụ", kind=Unit.Kind.PROVINCIAL_AGENCY, parent=province, abbreviation="SNV"
    )


def committee(province, code, name, kind, locality, **fields):
    """An Ủy ban nhân dân below the province ("UBND"), at its own locality."""
    return UnitFactory(
        code=code, name=name, kind=kind, parent=province, abbreviation="UBND", locality=locality, **fields
    )


def official(unit, name, title, **fields):
    fields.setdefault("valid_from", date(2025, 1, 1))
    return Official.objects.create(unit=unit, full_name=name, title=title, **fields)


def test_a_department_has_the_parent_line_and_the_province_locality(department):
    issuer = issuer_for(department, date(2026, 12, 1))
    assert (issuer.parent, issuer.name, issuer.abbreviation) == ("UBND TỈNH HƯNG YÊN", "SỞ NỘI VỤ", "SNV")
    assert issuer.locality == "Hưng Yên" and issuer.running_name == "Sở Nội vụ"


def test_a_commune_is_named_in_full_with_no_parent_line_and_its_own_place(province):
    commune = committee(
        province,
        "X",
        "UBND xã Như Quỳnh",
        Unit.Kind.COMMUNE,
        "Như Quỳnh",
        official_name="Ủy ban nhân dân xã Như Quỳnh",
        valid_from=date(2025, 7, 1),
    )
    issuer = issuer_for(commune, date(2026, 12, 1))
    assert issuer.parent == "" and issuer.name == "ỦY BAN NHÂN DÂN XÃ NHƯ QUỲNH"
    assert issuer.locality == "Như Quỳnh"


def test_a_dissolved_district_issues_through_its_successor(province):
    commune = committee(
        province, "X2", "UBND xã Như Quỳnh", Unit.Kind.COMMUNE, "Như Quỳnh", valid_from=date(2025, 7, 1)
    )
    district = committee(
        province, "H", "UBND huyện Văn Lâm", Unit.Kind.DISTRICT, "Văn Lâm", valid_to=date(2025, 6, 30)
    )
    district.successors.add(commune)
    assert issuer_for(district, date(2025, 3, 1)).name == "UBND HUYỆN VĂN LÂM"
    assert issuer_for(district, date(2026, 12, 1)).name == "UBND XÃ NHƯ QUỲNH"
    alone = UnitFactory(code="H2", name="UBND huyện Cũ", kind=Unit.Kind.DISTRICT, valid_to=date(2025, 6, 30))
    with pytest.raises(ValidationError, match="chưa có đơn vị kế thừa"):
        issuer_for(alone, date(2026, 1, 1))


def test_an_issuer_without_abbreviation_or_locality_is_refused_with_what_to_do(province):
    bare = UnitFactory(
        code="B", name="Sở Mới", kind=Unit.Kind.PROVINCIAL_AGENCY, parent=province, abbreviation=""
    )
    with pytest.raises(ValidationError, match="hãy ghi trong danh mục đơn vị"):
        issuer_for(bare, date(2026, 1, 1))
    lost = UnitFactory(code="L", name="Ủy ban nhân dân xã Lạc", kind=Unit.Kind.COMMUNE, abbreviation="UBND")
    with pytest.raises(ValidationError, match="Chưa có địa danh"):
        issuer_for(lost, date(2026, 1, 1))


def test_signature_blocks_by_authority_form(province, department):
    official(province, "Nguyễn Văn Chính", "Chủ tịch", is_default=True)
    assert signature_for(province, date(2026, 1, 1)).lines == ["CHỦ TỊCH"]
    deputy = official(department, "Trần Quốc Toản", "Phó Giám đốc", authority="KT.", on_behalf_of="Giám đốc")
    block = signature_for(department, date(2026, 1, 1), deputy)
    assert block.lines == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and block.name == "Trần Quốc Toản"
    acting = official(department, "Lê Văn Quyền", "Phó Giám đốc", authority="Q.", on_behalf_of="Giám đốc")
    assert signature_for(department, date(2026, 1, 1), acting).lines == ["Q. GIÁM ĐỐC"]
    commune_chair = official(
        province, "Phạm Văn Tập", "Chủ tịch", authority="TM.", on_behalf_of="Ủy ban nhân dân"
    )
    assert signature_for(province, date(2026, 1, 1), commune_chair).lines == [
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
    ]


def test_the_signer_is_the_one_in_office_on_the_date(department):
    official(department, "Người Cũ", "Giám đốc", is_default=True, valid_to=date(2025, 12, 31))
    official(department, "Người Mới", "Giám đốc", is_default=True, valid_from=date(2026, 1, 1))
    assert signature_for(department, date(2025, 6, 1)).name == "Người Cũ"
    assert signature_for(department, date(2026, 12, 1)).name == "Người Mới"
    assert [o.full_name for o in signers(department, date(2026, 12, 1))] == ["Người Mới"]


def test_no_signer_or_a_signer_out_of_office_is_refused(department, province):
    with pytest.raises(ValidationError, match="hãy thêm vào sổ người ký"):
        signature_for(department, date(2026, 1, 1))
    other = official(province, "Người Tỉnh", "Chủ tịch")
    with pytest.raises(ValidationError, match="không có tên trong sổ người ký văn bản của Sở Nội vụ"):
        signature_for(department, date(2026, 1, 1), other)


def test_the_database_refuses_an_authority_without_whom_and_a_backward_period(department):
    with transaction.atomic(), pytest.raises(IntegrityError):
        official(department, "A", "Phó Giám đốc", authority="KT.")
    with transaction.atomic(), pytest.raises(IntegrityError):
        official(department, "B", "Giám đốc", valid_from=date(2026, 1, 1), valid_to=date(2025, 1, 1))


def test_the_demo_register_signs_each_demo_paper():
    from devdata.demo.directory import seed_directory
    from devdata.demo.signers import seed_signers

    seed_directory()
    assert seed_signers() == seed_signers()  # idempotent
    day = date(2026, 12, 1)
    district = Unit.objects.get(code="H-VANLAM")
    assert issuer_for(district, day).name == "ỦY BAN NHÂN DÂN XÃ NHƯ QUỲNH"
    assert issuer_for(district, day).locality == "Như Quỳnh"
    assert signature_for(district, day).lines == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    province = Unit.objects.get(code="UBND-TINH")
    assert signature_for(province, day).name != signature_for(province, date(2025, 3, 1)).name
    assert issuer_for(Unit.objects.get(code="SNV"), day).parent == "UBND TỈNH HƯNG YÊN"

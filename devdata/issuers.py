"""The papers' data of a synthetic data set (the reports' sample, the province-scale bench data): each
unit's full name and number abbreviation, a default signer per unit, and the campaign's issuing bodies."""

from datetime import date

from campaigns.models import Unit
from documents.models import Official

SELF_HEADED = (Unit.Kind.PROVINCE, Unit.Kind.DISTRICT, Unit.Kind.COMMUNE)
TERM_START = date(2024, 1, 1)


def give_units_papers(
    *, campaign, province: Unit, department: Unit, units: list[Unit], locality: str
) -> None:
    """Abbreviations ('UBND' for a People's Committee, else its code), full names without 'UBND', the
    province's locality, one default signer each (the head; a commune's signs its committee's papers
    'TM.'), and the province deciding and the department appraising the campaign's awards."""
    everyone = [province, department, *units]
    for unit in everyone:
        unit.abbreviation = "UBND" if unit.kind in SELF_HEADED else (unit.abbreviation or unit.code)[:16]
        unit.official_name = unit.name.replace("UBND ", "Ủy ban nhân dân ", 1)
    province.locality = locality
    Unit.objects.bulk_update(everyone, ["abbreviation", "official_name", "locality"], batch_size=500)
    department.abbreviation = "SNV"
    department.save(update_fields=["abbreviation"])
    officials = [
        Official(
            unit=province, full_name="Trần Quốc Văn", title="Chủ tịch", valid_from=TERM_START, is_default=True
        ),
        Official(
            unit=department,
            full_name="Lê Văn Thành",
            title="Giám đốc",
            valid_from=TERM_START,
            is_default=True,
        ),
    ]
    for i, unit in enumerate(units, 1):
        commune = unit.kind == Unit.Kind.COMMUNE
        officials.append(
            Official(
                unit=unit,
                full_name=f"Nguyễn Văn Thủ Trưởng {i}",
                title="Chủ tịch" if unit.kind in SELF_HEADED else "Giám đốc",
                authority="TM." if commune else "",
                on_behalf_of="Ủy ban nhân dân" if commune else "",
                valid_from=TERM_START,
                is_default=True,
            )
        )
    Official.objects.bulk_create(officials, batch_size=500)
    if campaign.deciding_unit_id is None:
        campaign.deciding_unit, campaign.appraising_unit = province, department
        campaign.save(update_fields=["deciding_unit", "appraising_unit"])

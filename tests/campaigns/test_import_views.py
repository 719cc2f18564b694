"""Browser imports: upload → preview with errors marked → confirm; only Sở Nội vụ staff, own batches."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.models import ImportBatch, Person
from campaigns.services.imports import confirm_import, start_import
from tests.factories import UnitFactory
from tests.files import PEOPLE_HEADER, UNIT_HEADER, csv_bytes, xlsx

pytestmark = pytest.mark.django_db


def _upload(data: bytes, name: str = "nguoi.xlsx"):
    return SimpleUploadedFile(name, data)


@pytest.fixture
def snv(cast):
    return UnitFactory(code="SNV", name="Sở Nội vụ (thật)", parent=cast.province)


def test_preview_then_confirm_writes_the_rows(cast, snv, client_for):
    client = client_for(cast.appraiser)
    data = xlsx(
        PEOPLE_HEADER, [["Hoàng Văn Giang", "01/01/1980", "Nam", "", "SNV", "Công chức", "033080111222"]]
    )
    response = client.post(reverse("campaigns:import_upload", args=["people"]), {"file": _upload(data)})
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "campaigns:import_preview", args=[batch.pk]
    )
    assert default_storage.exists(batch.file)
    preview = client.get(response["Location"]).content.decode()
    assert "Hoàng Văn Giang" in preview and "Thêm mới" in preview
    assert "********1222" in preview and "033080111222" not in preview
    assert not Person.objects.exists()
    response = client.post(reverse("campaigns:import_confirm", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.state == ImportBatch.State.CONFIRMED and batch.created_count == 1
    assert Person.objects.get().personal_id == "033080111222"
    assert batch.file == ""
    # Confirming twice writes nothing more.
    client.post(reverse("campaigns:import_confirm", args=[batch.pk]))
    assert Person.objects.count() == 1


def test_preview_marks_bad_rows_and_cannot_be_confirmed(cast, snv, client_for):
    client = client_for(cast.appraiser)
    data = csv_bytes(
        PEOPLE_HEADER,
        [
            ["Hoàng Văn Giang", "01/01/1980", "Nam", "", "SNV", "Công chức", ""],
            ["Đinh Thị Hà", "31/04/1980", "Nữ", "", "SNV", "Công chức", ""],
        ],
        delimiter=";",
    )
    response = client.post(
        reverse("campaigns:import_upload", args=["people"]), {"file": _upload(data, "nguoi.csv")}, follow=True
    )
    text = response.content.decode()
    assert "Dòng 3, cột “Ngày sinh”" in text and "cell-error" in text and "Xác nhận nhập" not in text
    batch = ImportBatch.objects.get()
    client.post(reverse("campaigns:import_confirm", args=[batch.pk]))
    assert not Person.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_is_refused(cast, client_for):
    response = client_for(cast.appraiser).post(
        reverse("campaigns:import_upload", args=["units"]), {"file": _upload(b"%PDF-1.4 fake", "don-vi.xlsx")}
    )
    assert response.status_code == 200 and "không phải là" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_only_noivu_staff_import_and_only_their_own_batches(cast, snv, client_for):
    data = xlsx(UNIT_HEADER, [["X-1", "UBND xã Một", "Xã", "SNV", ""]])
    for who in ("head_a", "officer_a", "leader", "council"):
        user = cast.users()[who]
        assert client_for(user).get(reverse("campaigns:import_upload", args=["units"])).status_code == 403
        with pytest.raises(PermissionDenied):
            start_import(actor=user, kind="units", upload=_upload(data, "u.xlsx"))
    batch, _result = start_import(actor=cast.appraiser, kind="units", upload=_upload(data, "u.xlsx"))
    # Another staff member cannot see or confirm someone else's batch.
    assert (
        client_for(cast.manager).get(reverse("campaigns:import_preview", args=[batch.pk])).status_code == 404
    )
    assert (
        client_for(cast.manager).post(reverse("campaigns:import_confirm", args=[batch.pk])).status_code == 404
    )
    with pytest.raises(PermissionDenied):
        confirm_import(actor=cast.manager, batch=batch)
    assert confirm_import(actor=cast.appraiser, batch=batch).written


def test_templates_download_with_the_import_headers(cast, client_for):
    for kind, first in (("units", "Mã đơn vị"), ("people", "Họ và tên")):
        response = client_for(cast.appraiser).get(reverse("campaigns:import_template", args=[kind]))
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet.cell(row=1, column=1).value == first
    assert (
        client_for(cast.head_a).get(reverse("campaigns:import_template", args=["units"])).status_code == 403
    )


def test_the_template_itself_imports_cleanly(cast, client_for):
    UnitFactory(code="UBND-TINH")
    template = client_for(cast.appraiser).get(reverse("campaigns:import_template", args=["units"])).content
    from campaigns.imports import import_units

    result = import_units(template, "mau.xlsx", dry_run=True)
    assert [(e.column) for e in result.errors] == [
        "Cụm/Khối thi đua"
    ]  # the example names a cluster to create

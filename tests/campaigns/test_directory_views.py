"""Directory pages: who sees what, masking, search without diacritics, query counts, exports."""

import datetime as dt
import io
import logging

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from campaigns.models import Cluster, Person, Unit
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db

PID_A = "033085001234"
PID_B = "033090005678"


@pytest.fixture
def people(cast):
    return {
        "a": PersonFactory(full_name="Nguyễn Văn A", unit=cast.unit_a, personal_id=PID_A),
        "a_child": PersonFactory(
            full_name="Trần Thị Đào", unit=cast.unit_a_child, category=Person.Category.CAN_BO
        ),
        "b": PersonFactory(full_name="Lê Văn Bảo", unit=cast.unit_b, personal_id=PID_B),
    }


def _rows_text(response) -> str:
    """The page's main content (not the navigation bar, the filters' choices or the footer)."""
    text = response.content.decode()
    if "<tbody>" in text:
        return text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return _main(response)


def _main(response) -> str:
    return response.content.decode().split('id="main"', 1)[1].split("</main>", 1)[0]


# --- The access matrix ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["unit_list", "person_list", "cluster_list"])
def test_anonymous_is_sent_to_login(client, name):
    response = client.get(reverse(f"campaigns:{name}"))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


@pytest.mark.parametrize("name", ["unit_list", "person_list", "person_export", "unit_export"])
def test_a_user_without_role_is_refused(cast, client_for, name):
    assert client_for(cast.nobody).get(reverse(f"campaigns:{name}")).status_code == 403


def test_officer_of_unit_a_sees_unit_a_subtree_only(cast, people, client_for):
    client = client_for(cast.officer_a)
    units = _rows_text(client.get(reverse("campaigns:unit_list")))
    assert "UBND huyện Văn Lâm" in units and "UBND xã Lạc Hồng" in units
    assert "UBND huyện Ân Thi" not in units and "Sở Nội vụ" not in units
    listed = _rows_text(client.get(reverse("campaigns:person_list")))
    assert "Nguyễn Văn A" in listed and "Trần Thị Đào" in listed and "Lê Văn Bảo" not in listed
    # Whatever the URL says.
    assert client.get(reverse("campaigns:unit_detail", args=[cast.unit_b.pk])).status_code == 404
    assert client.get(reverse("campaigns:unit_detail", args=[cast.province.pk])).status_code == 404
    assert client.get(reverse("campaigns:person_detail", args=[people["b"].pk])).status_code == 404
    assert client.get(reverse("campaigns:unit_detail", args=[cast.unit_a_child.pk])).status_code == 200
    assert client.get(reverse("campaigns:person_detail", args=[people["a_child"].pk])).status_code == 200
    # A filter pointing at another unit shows nothing of it.
    leaked = _rows_text(client.get(reverse("campaigns:person_list"), {"parent": cast.unit_b.code}))
    assert "Lê Văn Bảo" not in leaked


def test_head_of_unit_b_gets_404_on_unit_a_people_and_units(cast, people, client_for):
    client = client_for(cast.head_b)
    assert client.get(reverse("campaigns:person_detail", args=[people["a"].pk])).status_code == 404
    assert client.get(reverse("campaigns:person_detail", args=[people["a_child"].pk])).status_code == 404
    assert client.get(reverse("campaigns:unit_detail", args=[cast.unit_a.pk])).status_code == 404
    assert client.get(reverse("campaigns:person_detail", args=[people["b"].pk])).status_code == 200


def test_province_wide_roles_see_everything(cast, people, client_for):
    for user in (cast.appraiser, cast.manager, cast.leader):
        listed = _rows_text(client_for(user).get(reverse("campaigns:person_list")))
        assert "Nguyễn Văn A" in listed and "Lê Văn Bảo" in listed
    # The council sees the unit tree but no one's personal record.
    council = client_for(cast.council)
    assert council.get(reverse("campaigns:unit_detail", args=[cast.unit_b.pk])).status_code == 200
    assert council.get(reverse("campaigns:person_list")).status_code == 403


# --- Personal identification numbers ------------------------------------------------------


def test_unit_head_sees_the_masked_number_and_appraiser_the_full_one(cast, people, client_for, caplog):
    caplog.set_level(logging.DEBUG)
    head = client_for(cast.head_a)
    for url in (reverse("campaigns:person_list"), reverse("campaigns:person_detail", args=[people["a"].pk])):
        text = _rows_text(head.get(url))
        assert "********1234" in text and PID_A not in text
    appraiser = client_for(cast.appraiser)
    for url in (reverse("campaigns:person_list"), reverse("campaigns:person_detail", args=[people["a"].pk])):
        assert PID_A in _rows_text(appraiser.get(url))
    assert PID_A not in caplog.text


def test_export_masks_the_number_except_for_noivu_staff(cast, people, client_for):
    def cells(user) -> list:
        response = client_for(user).get(reverse("campaigns:person_export"))
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        return [c for row in sheet.iter_rows(values_only=True) for c in row]

    head_cells = cells(cast.head_a)
    assert "********1234" in head_cells and PID_A not in head_cells and "Lê Văn Bảo" not in head_cells
    appraiser_cells = cells(cast.appraiser)
    assert PID_A in appraiser_cells and PID_B in appraiser_cells


# --- Search and filters --------------------------------------------------------------------


def test_search_ignores_case_and_diacritics(cast, people, client_for):
    client = client_for(cast.appraiser)
    text = _rows_text(client.get(reverse("campaigns:person_list"), {"q": "nguyen van a"}))
    assert "Nguyễn Văn A" in text and "Lê Văn Bảo" not in text
    text = _rows_text(client.get(reverse("campaigns:person_list"), {"q": "DAO"}))
    assert "Trần Thị Đào" in text and "Nguyễn Văn A" not in text
    units = _rows_text(client.get(reverse("campaigns:unit_list"), {"q": "lac hong"}))
    assert "UBND xã Lạc Hồng" in units and "UBND huyện Ân Thi" not in units


def test_filters_of_both_lists(cast, people, client_for):
    cluster = Cluster.objects.create(code="C1", name="Cụm số 1", kind=Cluster.Kind.CUM)
    Unit.objects.filter(pk=cast.unit_b.pk).update(cluster=cluster, valid_to=dt.date(2025, 6, 30))
    client = client_for(cast.appraiser)
    text = _rows_text(client.get(reverse("campaigns:person_list"), {"category": "can_bo"}))
    assert "Trần Thị Đào" in text and "Nguyễn Văn A" not in text
    text = _rows_text(client.get(reverse("campaigns:person_list"), {"cluster": cluster.pk}))
    assert "Lê Văn Bảo" in text and "Nguyễn Văn A" not in text
    text = _rows_text(client.get(reverse("campaigns:person_list"), {"parent": cast.unit_a.code}))
    assert "Nguyễn Văn A" in text and "Trần Thị Đào" in text and "Lê Văn Bảo" not in text
    units = _rows_text(client.get(reverse("campaigns:unit_list"), {"status": "dissolved"}))
    assert "UBND huyện Ân Thi</a>" in units and "UBND huyện Văn Lâm</a>" not in units
    units = _rows_text(client.get(reverse("campaigns:unit_list"), {"kind": "commune"}))
    assert "UBND xã Lạc Hồng</a>" in units and "UBND huyện Văn Lâm</a>" not in units
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("campaigns:unit_export"), {"status": "dissolved"}).content)
    ).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["T-AT"]


def test_the_parent_filter_is_typed_by_name_without_diacritics_or_by_code(cast, people, client_for):
    client = client_for(cast.appraiser)
    for typed in ("van lam", "UBND huyện Văn Lâm", "t-vl", "UBND huyện Văn Lâm (T-VL)"):
        text = _rows_text(client.get(reverse("campaigns:person_list"), {"parent": typed}))
        assert "Nguyễn Văn A" in text and "Trần Thị Đào" in text and "Lê Văn Bảo" not in text, typed
    page = client.get(reverse("campaigns:person_list"), {"parent": "ubnd huyen"}).content.decode()
    assert "Có nhiều đơn vị khớp với “ubnd huyen”" in page and "UBND huyện Ân Thi (T-AT)" in page
    page = client.get(reverse("campaigns:unit_list"), {"parent": "khong co"}).content.decode()
    assert "Không tìm thấy đơn vị “khong co”" in page
    # The filter shows the text as typed, in a text box: no list of every unit on the page.
    assert 'name="parent" value="khong co"' in page and "<option" not in page.split('name="parent"')[1][:200]


def test_kept_filter_markup_follows_the_user_and_new_choices(cast, people, client_for):
    """The filters' markup is kept in the cache: the same typed text is an error for a user who may not see
    the unit and a choice for one who may, and a cluster added later is offered at once."""
    typed = {"parent": cast.unit_b.code}
    mine = client_for(cast.officer_a).get(reverse("campaigns:person_list"), typed).content.decode()
    theirs = client_for(cast.appraiser).get(reverse("campaigns:person_list"), typed).content.decode()
    assert "Không tìm thấy đơn vị" in mine and "Không tìm thấy đơn vị" not in theirs
    Cluster.objects.create(code="CM", name="Cụm Mới Lập", kind=Cluster.Kind.CUM)
    again = client_for(cast.appraiser).get(reverse("campaigns:person_list"), typed).content.decode()
    assert "Cụm Mới Lập" in again


# --- Constant number of queries -------------------------------------------------------------


def _grow(cast, n: int) -> None:
    cluster = Cluster.objects.get_or_create(code="CQ", defaults={"name": "Cụm Q", "kind": Cluster.Kind.CUM})[
        0
    ]
    for _ in range(n):
        unit = UnitFactory(kind=Unit.Kind.COMMUNE, parent=cast.unit_a, cluster=cluster)
        PersonFactory(unit=unit, personal_id=f"0330{unit.pk:08d}")
        PersonFactory(unit=cast.unit_a)


@pytest.mark.parametrize("name", ["unit_list", "person_list"])
def test_list_pages_keep_a_constant_number_of_queries(cast, client_for, django_assert_max_num_queries, name):
    client = client_for(cast.officer_a)
    url = reverse(f"campaigns:{name}")
    _grow(cast, 3)
    with django_assert_max_num_queries(14) as small:
        assert client.get(url, {"q": "a"}).status_code == 200
    _grow(cast, 60)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url, {"q": "a"}).status_code == 200


def test_unit_page_shows_tree_children_and_the_history_of_predecessors(cast, client_for):
    old = UnitFactory(
        code="X-CU",
        name="UBND xã Lạc Cũ",
        kind=Unit.Kind.COMMUNE,
        parent=cast.unit_a,
        valid_to=dt.date(2025, 6, 30),
    )
    PersonFactory(unit=old)
    new = UnitFactory(code="X-MOI", name="UBND xã Như Quỳnh", kind=Unit.Kind.COMMUNE, parent=cast.province)
    old.successors.add(new)
    text = _main(client_for(cast.appraiser).get(reverse("campaigns:unit_detail", args=[new.pk])))
    assert "UBND xã Lạc Cũ" in text and "30/06/2025" in text and "Đơn vị tiền thân" in text
    old_page = _main(client_for(cast.appraiser).get(reverse("campaigns:unit_detail", args=[old.pk])))
    assert "Đã giải thể, sáp nhập" in old_page and "UBND xã Như Quỳnh" in old_page
    district = _main(client_for(cast.head_a).get(reverse("campaigns:unit_detail", args=[cast.unit_a.pk])))
    assert "UBND xã Lạc Hồng" in district and "Ủy ban nhân dân tỉnh Hưng Yên" in district

"""A dossier cites recognised good practices of its nominee as evidence (individual criterion b)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nominations.models import PracticeLink
from nominations.services import practice_links, workflow
from tests.factories import PersonFactory, make_complete
from tests.practices.helpers import recognise, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(cast, setup):
    person = PersonFactory(unit=cast.unit_a, full_name="Trần Thị Hằng")
    n = setup.dossier(
        subject="individual",
        nominee_person=person,
        created_by=cast.officer_a,
    )
    return n, person


def test_officer_cites_a_recognised_initiative_of_the_nominee(cast, dossier):
    n, person = dossier
    initiative = recognise(
        register(cast.officer_a, name="Số hóa hồ sơ hộ tịch", person=person), cast.appraiser
    )
    link = practice_links.link_practice(actor=cast.officer_a, nomination=n, practice_id=initiative.pk)
    assert [x.practice for x in practice_links.linked_practices(n)] == [initiative]
    assert list(practice_links.linkable_practices(n)) == []
    practice_links.unlink_practice(actor=cast.officer_a, nomination=n, link_id=link.pk)
    assert not PracticeLink.objects.exists()


def test_refuses_a_practice_not_yet_recognised_or_of_someone_else(cast, dossier):
    n, person = dossier
    registered_only = register(cast.officer_a, name="Tổ tự quản", person=person)
    other_persons = recognise(register(cast.officer_a, name="Một cửa thân thiện"), cast.appraiser)
    other_units = recognise(register(cast.officer_b, name="Dân vận khéo"), cast.appraiser)
    for practice in (registered_only, other_persons, other_units):
        with pytest.raises(ValidationError, match="đã được công nhận của chính đối tượng"):
            practice_links.link_practice(actor=cast.officer_a, nomination=n, practice_id=practice.pk)
    assert not PracticeLink.objects.exists()


def test_another_unit_cannot_link_and_a_submitted_dossier_is_locked(cast, setup, dossier):
    n, person = dossier
    initiative = recognise(register(cast.officer_a, name="Số hóa hồ sơ", person=person), cast.appraiser)
    with pytest.raises(PermissionDenied):
        practice_links.link_practice(actor=cast.officer_b, nomination=n, practice_id=initiative.pk)
    make_complete(n, setup, cast.officer_a)
    workflow.submit(actor=cast.head_a, nomination=n)
    with pytest.raises(ValidationError):
        practice_links.link_practice(actor=cast.officer_a, nomination=n, practice_id=initiative.pk)
    assert not PracticeLink.objects.exists()


def test_the_dossier_and_appraisal_pages_show_the_cited_practice(cast, setup, dossier, client_for):
    n, person = dossier
    initiative = recognise(
        register(cast.officer_a, name="Số hóa hồ sơ hộ tịch", person=person), cast.appraiser
    )
    officer = client_for(cast.officer_a)
    page = officer.get(f"/ho-so/{n.pk}/").content.decode()
    assert "Số hóa hồ sơ hộ tịch" in page and "Thêm làm minh chứng" in page
    response = officer.post(f"/ho-so/{n.pk}/mo-hinh/", {"practice": initiative.pk, "nomination": 999})
    assert response.status_code == 302
    assert PracticeLink.objects.filter(nomination=n, practice=initiative).count() == 1
    bad = officer.post(f"/ho-so/{n.pk}/mo-hinh/", {"practice": "abc"}, follow=True)
    assert "Hãy chọn một mô hình" in bad.content.decode()
    make_complete(n, setup, cast.officer_a)
    workflow.submit(actor=cast.head_a, nomination=n)
    appraisal = client_for(cast.appraiser).get(f"/tham-dinh/{n.pk}/").content.decode()
    assert "Số hóa hồ sơ hộ tịch" in appraisal and "1234/QĐ-UBND" in appraisal

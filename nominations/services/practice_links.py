"""Recognised good practices and initiatives cited as evidence by a dossier.

Only a recognised (or featured) practice of the nominee can be cited: a person's own initiative for
an individual, the unit's practices for a collective. Linking follows the dossier's editing rules.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from criteria.models import Subject
from nominations.models import Nomination, PracticeLink
from nominations.services.content import lock_for_unit
from practices.models import Practice
from practices.selectors import recognised_practices_for


def linkable_practices(nomination: Nomination) -> QuerySet[Practice]:
    """Recognised practices of the nominee not yet cited by this dossier."""
    nominee = (
        nomination.nominee_person if nomination.subject == Subject.INDIVIDUAL else nomination.nominee_unit
    )
    if nominee is None:
        return Practice.objects.none()
    return recognised_practices_for(nominee).exclude(pk__in=nomination.practice_links.values("practice_id"))


def linked_practices(nomination: Nomination) -> list[PracticeLink]:
    return list(nomination.practice_links.select_related("practice__unit", "practice__person"))


@transaction.atomic
def link_practice(*, actor, nomination: Nomination, practice_id: int) -> PracticeLink:
    """Cite a recognised practice of the nominee as evidence of a draft or returned dossier."""
    locked = lock_for_unit(actor, nomination)
    practice = linkable_practices(locked).filter(pk=practice_id).first()
    if practice is None:
        raise ValidationError(
            _(
                "Chỉ được dẫn chứng mô hình, sáng kiến đã được công nhận của chính đối tượng đề nghị "
                "và chưa có trong hồ sơ. Hãy chọn lại trong danh sách."
            )
        )
    try:
        with transaction.atomic():
            return PracticeLink.objects.create(nomination=locked, practice=practice, linked_by=actor)
    except IntegrityError as exc:
        raise ValidationError(_("Mô hình, sáng kiến này đã có trong hồ sơ.")) from exc


@transaction.atomic
def unlink_practice(*, actor, nomination: Nomination, link_id: int) -> None:
    """Remove a cited practice from a draft or returned dossier."""
    locked = lock_for_unit(actor, nomination)
    deleted, _rows = PracticeLink.objects.filter(pk=link_id, nomination=locked).delete()
    if not deleted:
        raise PermissionDenied(_("Minh chứng này không thuộc hồ sơ."))

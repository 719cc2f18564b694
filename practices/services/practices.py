"""State changes of good practices: register, edit, attach files, recognise, feature.

Each function checks the actor's permission on the object and the state, runs in a transaction on a
locked row and records the event (Practice.record_event). A change of state goes through
portal.transitions.move, the one writer of Practice.state. Difficulties have their own module,
practices.services.difficulties.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns import roles
from campaigns.files import DOCUMENT_KINDS, IMAGE_KINDS, CheckedFile
from campaigns.models import Person
from campaigns.text import fold, normalize
from portal.transitions import lock, move
from practices.models import Field, Practice, PracticeEvent, PracticeFile, PracticeState
from practices.services.files import create_file_row
from practices.storage import files_written_with_rows

MAX_PHOTOS = 10
MAX_DOCUMENTS = 10
EDITABLE_FIELDS = (
    "kind",
    "name",
    "field",
    "place",
    "description",
    "results",
    "started_on",
    "ended_on",
    "person",
)


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _lock(practice: Practice) -> Practice:
    return lock(practice, "unit", "person")


def _duplicate(unit, name: str) -> ValidationError:
    return ValidationError(
        _("%(unit)s đã đăng ký mô hình “%(name)s”. Hãy đặt tên khác hoặc sửa mô hình đã có.")
        % {"unit": unit.name, "name": name}
    )


def _refresh_search(practice: Practice) -> None:
    practice.name = normalize(practice.name)
    practice.place = normalize(practice.place)
    practice.name_key = fold(practice.name)
    author = practice.person.full_name if practice.person_id else ""
    # A leading space lets search match the start of words: " an" finds "Ân Thi", not "thân thiện".
    practice.search_text = " " + fold(f"{practice.name} {practice.place} {practice.unit.name} {author}")


def _validate(practice: Practice) -> None:
    errors = []
    if not practice.name:
        errors.append(_("Hãy nhập tên mô hình, sáng kiến."))
    if practice.field not in Field.values:
        errors.append(_("Hãy chọn lĩnh vực của mô hình."))
    if not normalize(practice.description):
        errors.append(_("Hãy mô tả cách làm, nội dung thực hiện."))
    if not normalize(practice.results):
        errors.append(_("Hãy nêu kết quả bằng số liệu cụ thể."))
    if not practice.place:
        errors.append(_("Hãy nhập địa bàn thực hiện."))
    if practice.started_on and practice.ended_on and practice.ended_on < practice.started_on:
        errors.append(_("Ngày kết thúc phải sau ngày bắt đầu thực hiện. Hãy sửa lại thời gian thực hiện."))
    if practice.started_on and practice.started_on > timezone.localdate():
        errors.append(_("Ngày bắt đầu thực hiện không thể ở tương lai. Hãy sửa lại thời gian thực hiện."))
    if practice.person_id and practice.person.unit_id != practice.unit_id:
        errors.append(
            _("Cá nhân “%(person)s” không thuộc %(unit)s. Hãy chọn người của đơn vị.")
            % {"person": practice.person.full_name, "unit": practice.unit.name}
        )
    if errors:
        raise ValidationError(errors)
    duplicate = Practice.objects.filter(unit=practice.unit, name_key=practice.name_key).exclude(
        pk=practice.pk
    )
    if duplicate.exists():
        raise _duplicate(practice.unit, practice.name)


def _attach(
    *, actor, practice: Practice, checked: CheckedFile, role: str, stored: list[str], caption: str = ""
) -> PracticeFile:
    allowed = IMAGE_KINDS if role == PracticeFile.Role.PHOTO else DOCUMENT_KINDS
    if not isinstance(checked, CheckedFile) or checked.kind not in allowed:
        labels = ", ".join(k.label for k in allowed)
        name = getattr(checked, "original_name", "")
        raise ValidationError(
            _("Tệp “%(name)s” phải là %(kinds)s. Hãy chọn tệp khác.") % {"name": name, "kinds": labels}
        )
    limit = MAX_PHOTOS if role == PracticeFile.Role.PHOTO else MAX_DOCUMENTS
    if practice.files.filter(role=role).count() >= limit:
        if role == PracticeFile.Role.PHOTO:
            message = _("Mỗi mô hình có tối đa %(limit)s ảnh. Hãy xóa bớt rồi tải lên lại.")
        else:
            message = _("Mỗi mô hình có tối đa %(limit)s tài liệu. Hãy xóa bớt rồi tải lên lại.")
        raise ValidationError(message % {"limit": limit})
    return create_file_row(
        PracticeFile,
        actor=actor,
        checked=checked,
        folder=f"practices/{practice.pk}",
        stored=stored,
        practice=practice,
        role=role,
        caption=normalize(caption)[:255],
    )


def register_practice(
    *,
    actor,
    name: str,
    field: str,
    place: str,
    description: str,
    results: str,
    started_on: datetime.date,
    ended_on: datetime.date | None = None,
    kind: str = Practice.Kind.MODEL,
    person: Person | None = None,
    photos: list[CheckedFile] = (),
    documents: list[CheckedFile] = (),
) -> Practice:
    """Register a practice of the actor's unit (or of a person of the actor's tree, then of their unit)."""
    _require(actor, "practices.register_practice")
    own = roles.unit_of(actor)
    if person is not None and not actor.has_perm("campaigns.view_person", person):
        raise ValidationError(_("Cá nhân đã chọn không thuộc đơn vị của bạn. Hãy chọn lại."))
    unit = person.unit if person is not None else own
    return _create_practice(
        actor=actor,
        unit=unit,
        person=person,
        fields={
            "kind": kind,
            "name": name,
            "field": field,
            "place": place,
            "description": description,
            "results": results,
            "started_on": started_on,
            "ended_on": ended_on,
        },
        photos=photos,
        documents=documents,
    )


def _create_practice(*, actor, unit, person, fields: dict, photos=(), documents=()) -> Practice:
    """Validate and write a new practice, its files and its first event (callers check permission)."""
    practice = Practice(unit=unit, person=person, created_by=actor, **fields)
    practice.description = (practice.description or "").strip()
    practice.results = (practice.results or "").strip()
    _refresh_search(practice)
    _validate(practice)
    try:
        with files_written_with_rows() as stored, transaction.atomic():
            practice.save()
            practice.record_event(actor=actor, action=PracticeEvent.Action.REGISTERED, from_state="")
            for role, files in ((PracticeFile.Role.PHOTO, photos), (PracticeFile.Role.DOCUMENT, documents)):
                for checked in files:
                    _attach(actor=actor, practice=practice, checked=checked, role=role, stored=stored)
    except IntegrityError as error:
        # Two people registered the same name at the same moment: the constraint refused the second.
        practice.pk = None
        raise _duplicate(unit, practice.name) from error
    return practice


def update_practice(*, actor, practice: Practice, **changes) -> Practice:
    """Change the description of a registered practice of the actor's tree (recognition freezes it)."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"update_practice cannot change {sorted(unknown)}")
    with transaction.atomic():
        locked = _lock(practice)
        _require(actor, "practices.change_practice", locked)
        if not locked.is_editable:
            raise ValidationError(
                _(
                    "Mô hình “%(name)s” đã được công nhận nên không sửa được nữa. "
                    "Nếu cần điều chỉnh, hãy liên hệ Sở Nội vụ."
                )
                % {"name": locked.name}
            )
        person = changes.get("person", locked.person)
        if person is not None and person.unit_id != locked.unit_id:
            raise ValidationError(
                _("Cá nhân “%(person)s” không thuộc %(unit)s. Hãy chọn lại.")
                % {"person": person.full_name, "unit": locked.unit.name}
            )
        changed = []
        for key, value in changes.items():
            if isinstance(value, str):
                value = value.strip()
            if getattr(locked, key) != value:
                setattr(locked, key, value)
                changed.append(str(Practice._meta.get_field(key).verbose_name))
        _refresh_search(locked)
        _validate(locked)
        if not changed:
            return locked
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError as error:
            raise ValidationError(
                _("%(unit)s đã đăng ký mô hình “%(name)s”. Hãy đặt tên khác.")
                % {"unit": locked.unit.name, "name": locked.name}
            ) from error
        locked.record_event(
            actor=actor,
            action=PracticeEvent.Action.EDITED,
            from_state=locked.state,
            comment=_("Sửa: %(fields)s") % {"fields": ", ".join(changed)},
        )
    return locked


def add_practice_file(
    *, actor, practice: Practice, checked: CheckedFile, role: str, caption: str = ""
) -> PracticeFile:
    """Attach a checked document or photo to a registered practice of the actor's tree."""
    if role not in PracticeFile.Role.values:
        raise ValidationError(_("Hãy chọn loại tệp: tài liệu hoặc ảnh."))
    with files_written_with_rows() as stored, transaction.atomic():
        locked = _lock(practice)
        _require(actor, "practices.change_practice", locked)
        if not locked.is_editable:
            raise ValidationError(
                _("Mô hình “%(name)s” đã được công nhận nên không thêm tệp được nữa.") % {"name": locked.name}
            )
        item = _attach(
            actor=actor, practice=locked, checked=checked, role=role, stored=stored, caption=caption
        )
        locked.record_event(
            actor=actor,
            action=PracticeEvent.Action.FILE_ADDED,
            from_state=locked.state,
            comment=item.original_name,
        )
    return item


def remove_practice_file(*, actor, practice_file: PracticeFile) -> None:
    """Remove a file from a registered practice of the actor's tree."""
    with transaction.atomic():
        locked = _lock(practice_file.practice)
        _require(actor, "practices.change_practice", locked)
        if not locked.is_editable:
            raise ValidationError(
                _("Mô hình “%(name)s” đã được công nhận nên không xóa tệp được nữa.") % {"name": locked.name}
            )
        name, original = practice_file.file, practice_file.original_name
        PracticeFile.objects.filter(pk=practice_file.pk, practice=locked).delete()
        locked.record_event(
            actor=actor, action=PracticeEvent.Action.FILE_REMOVED, from_state=locked.state, comment=original
        )
        transaction.on_commit(lambda: default_storage.delete(name))


def recognise_practice(
    *,
    actor,
    practice: Practice,
    decision_number: str,
    decision_date: datetime.date,
    issuer: str,
    comment: str = "",
) -> Practice:
    """Record the decision recognising a registered practice (Sở Nội vụ); it is then frozen and published."""
    decision_number, issuer = normalize(decision_number), normalize(issuer)
    errors = []
    if not decision_number:
        errors.append(_("Hãy nhập số quyết định công nhận, ví dụ 1234/QĐ-UBND."))
    if not issuer:
        errors.append(_("Hãy nhập cơ quan ban hành quyết định công nhận."))
    if decision_date is None:
        errors.append(_("Hãy nhập ngày của quyết định công nhận."))
    elif decision_date > timezone.localdate():
        errors.append(_("Ngày quyết định công nhận không thể ở tương lai. Hãy sửa lại."))
    if errors:
        raise ValidationError(errors)

    def after_start(row: Practice) -> None:
        if decision_date < row.started_on:
            raise ValidationError(
                _("Ngày quyết định công nhận phải sau ngày bắt đầu thực hiện mô hình. Hãy sửa lại.")
            )

    note = _("Quyết định số %(number)s ngày %(date)s của %(issuer)s") % {
        "number": decision_number,
        "date": f"{decision_date:%d/%m/%Y}",
        "issuer": issuer,
    }
    return _step(
        practice,
        PracticeEvent.Action.RECOGNISED,
        actor=actor,
        comment=_join(note, comment),
        check=after_start,
        recognition_number=decision_number,
        recognition_date=decision_date,
        recognition_issuer=issuer,
        recognised_at=timezone.now(),
        recognised_by=actor,
    )


def _refuse_recognise(row: Practice, doing: str) -> ValidationError:
    return ValidationError(_("Mô hình “%(name)s” đã được công nhận trước đó.") % {"name": row.name})


def _refuse_feature(row: Practice, doing: str) -> ValidationError:
    if row.state == PracticeState.FEATURED:
        return ValidationError(_("Mô hình “%(name)s” đã là điển hình nhân rộng.") % {"name": row.name})
    return ValidationError(
        _("Mô hình “%(name)s” chưa được công nhận. Hãy ghi nhận quyết định công nhận trước.")
        % {"name": row.name}
    )


def feature_practice(*, actor, practice: Practice, comment: str = "") -> Practice:
    """Choose a recognised practice as an example to replicate (Sở Nội vụ); it goes on the public page."""
    return _step(
        practice,
        PracticeEvent.Action.FEATURED,
        actor=actor,
        comment=normalize(comment),
        featured_at=timezone.now(),
        featured_by=actor,
    )


# Sở Nội vụ's steps, by the action the history records: the state each leads to, the states it starts from,
# the permission it needs and the sentence that refuses it.
STEPS = {
    PracticeEvent.Action.RECOGNISED: (
        PracticeState.RECOGNISED,
        [PracticeState.REGISTERED],
        "practices.recognise_practice",
        _refuse_recognise,
    ),
    PracticeEvent.Action.FEATURED: (
        PracticeState.FEATURED,
        [PracticeState.RECOGNISED],
        "practices.feature_practice",
        _refuse_feature,
    ),
}


def _step(practice: Practice, action: str, *, actor, comment: str, **move_args) -> Practice:
    """Take the step `action` of STEPS through move()."""
    to, allowed, permission, refuse = STEPS[action]
    return move(
        practice,
        to=to,
        allowed=allowed,
        actor=actor,
        permission=permission,
        action=action,
        comment=comment,
        related=("unit", "person"),
        refuse=refuse,
        **move_args,
    )


def _join(*parts: str) -> str:
    return ". ".join(p for p in (normalize(x) for x in parts) if p)

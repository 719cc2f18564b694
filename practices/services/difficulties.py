"""State changes of difficulties (khó khăn, vướng mắc): raise, supplement, answer, forward, close.

A unit raises and supplements its own difficulties until they are closed; Sở Nội vụ answers, forwards
to another agency or closes them. A change of state goes through portal.transitions.move (the one writer
of Difficulty.state); every step is written to the history by Difficulty.record_event.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns import roles
from campaigns.files import DOCUMENT_KINDS, CheckedFile
from campaigns.text import normalize
from portal.transitions import lock, move
from practices.models import Difficulty, DifficultyEvent, DifficultyFile, DifficultyState, Topic
from practices.services.files import create_file_row
from practices.storage import files_written_with_rows

MAX_ATTACHMENTS = 10
# Every state but closed: Sở Nội vụ may answer again (the later answer is shown) until it closes.
UNCLOSED_STATES = (DifficultyState.RAISED, DifficultyState.FORWARDED, DifficultyState.ANSWERED)


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))


def _lock(difficulty: Difficulty) -> Difficulty:
    return lock(difficulty, "unit")


def _closed(difficulty: Difficulty) -> ValidationError:
    return ValidationError(
        _(
            "Khó khăn, vướng mắc “%(title)s” đã đóng nên không thay đổi được nữa. "
            "Nếu vấn đề còn, hãy gửi một phản ánh mới."
        )
        % {"title": difficulty.title}
    )


def _refuse_if_closed(difficulty: Difficulty) -> None:
    if difficulty.is_closed:
        raise _closed(difficulty)


def _refuse(difficulty: Difficulty, doing: str) -> ValidationError:
    """Why a move is refused: the difficulty is closed, or (forwarding) it has been answered."""
    if difficulty.state == DifficultyState.ANSWERED:
        return ValidationError(_("Khó khăn, vướng mắc này đã được trả lời; không chuyển đi được nữa."))
    return _closed(difficulty)


# Sở Nội vụ's steps, by the action the history records: the state each leads to, the states it starts from.
STEPS = {
    DifficultyEvent.Action.ANSWERED: (DifficultyState.ANSWERED, UNCLOSED_STATES),
    DifficultyEvent.Action.FORWARDED: (
        DifficultyState.FORWARDED,
        (DifficultyState.RAISED, DifficultyState.FORWARDED),
    ),
    DifficultyEvent.Action.CLOSED: (DifficultyState.CLOSED, UNCLOSED_STATES),
}


def _handle(difficulty: Difficulty, action: str, *, actor, comment: str, **changes) -> Difficulty:
    """Take Sở Nội vụ's step `action` of STEPS through move(): its permission, then the state."""
    to, allowed = STEPS[action]
    return move(
        difficulty,
        to=to,
        allowed=allowed,
        actor=actor,
        permission="practices.handle_difficulty",
        action=action,
        comment=comment,
        related=("unit",),
        refuse=_refuse,
        **changes,
    )


def _clean_text(topic: str, title: str, description: str) -> tuple[str, str, str]:
    title, description = normalize(title), (description or "").strip()
    errors = []
    if topic not in Topic.values:
        errors.append(_("Hãy chọn nhóm vấn đề."))
    if not title:
        errors.append(_("Hãy nhập tiêu đề ngắn gọn của khó khăn, vướng mắc."))
    if not normalize(description):
        errors.append(_("Hãy mô tả khó khăn, vướng mắc và kiến nghị của đơn vị."))
    if errors:
        raise ValidationError(errors)
    return topic, title, description


def _too_many() -> ValidationError:
    return ValidationError(_("Mỗi phản ánh có tối đa %(limit)s tệp đính kèm.") % {"limit": MAX_ATTACHMENTS})


def _attach(*, actor, difficulty: Difficulty, checked: CheckedFile, stored: list[str]) -> DifficultyFile:
    if not isinstance(checked, CheckedFile) or checked.kind not in DOCUMENT_KINDS:
        raise ValidationError(_("Tệp đính kèm phải là PDF, DOCX, XLSX, JPEG hoặc PNG. Hãy chọn tệp khác."))
    if difficulty.files.count() >= MAX_ATTACHMENTS:
        raise _too_many()
    folder = f"difficulties/{difficulty.pk}"
    return create_file_row(
        DifficultyFile, actor=actor, checked=checked, folder=folder, stored=stored, difficulty=difficulty
    )


def raise_difficulty(
    *, actor, topic: str, title: str, description: str, attachments: list[CheckedFile] = ()
) -> Difficulty:
    """Send a difficulty of the actor's unit to Sở Nội vụ, with its attachments."""
    _require(actor, "practices.raise_difficulty")
    topic, title, description = _clean_text(topic, title, description)
    if len(attachments) > MAX_ATTACHMENTS:
        raise _too_many()
    with files_written_with_rows() as stored, transaction.atomic():
        difficulty = Difficulty.objects.create(
            unit=roles.unit_of(actor), topic=topic, title=title, description=description, created_by=actor
        )
        difficulty.record_event(actor=actor, action=DifficultyEvent.Action.RAISED, from_state="")
        for checked in attachments:
            _attach(actor=actor, difficulty=difficulty, checked=checked, stored=stored)
    return difficulty


def update_difficulty(
    *, actor, difficulty: Difficulty, topic: str, title: str, description: str
) -> Difficulty:
    """Let the unit correct or supplement its difficulty until it is closed."""
    topic, title, description = _clean_text(topic, title, description)
    with transaction.atomic():
        locked = _lock(difficulty)
        _require(actor, "practices.change_difficulty", locked)
        _refuse_if_closed(locked)
        if (locked.topic, locked.title, locked.description) == (topic, title, description):
            return locked
        locked.topic, locked.title, locked.description = topic, title, description
        locked.save()
        locked.record_event(actor=actor, action=DifficultyEvent.Action.EDITED, from_state=locked.state)
    return locked


def add_difficulty_file(*, actor, difficulty: Difficulty, checked: CheckedFile) -> DifficultyFile:
    """Attach one more file to an unclosed difficulty of the actor's tree."""
    with files_written_with_rows() as stored, transaction.atomic():
        locked = _lock(difficulty)
        _require(actor, "practices.change_difficulty", locked)
        _refuse_if_closed(locked)
        item = _attach(actor=actor, difficulty=locked, checked=checked, stored=stored)
        locked.record_event(
            actor=actor,
            action=DifficultyEvent.Action.FILE_ADDED,
            from_state=locked.state,
            comment=item.original_name,
        )
    return item


def answer_difficulty(*, actor, difficulty: Difficulty, answer: str) -> Difficulty:
    """Record Sở Nội vụ's answer (a later answer replaces the shown one; each stays in the history)."""
    answer = (answer or "").strip()
    if not normalize(answer):
        raise ValidationError(_("Hãy nhập nội dung trả lời cho đơn vị."))
    return _handle(
        difficulty,
        DifficultyEvent.Action.ANSWERED,
        actor=actor,
        comment=answer,
        answer=answer,
        answered_at=timezone.now(),
        answered_by=actor,
    )


def forward_difficulty(*, actor, difficulty: Difficulty, agency: str, note: str = "") -> Difficulty:
    """Send a waiting difficulty on to the agency competent to settle it, with a note."""
    agency, note = normalize(agency), (note or "").strip()
    if not agency:
        raise ValidationError(_("Hãy nhập tên cơ quan được chuyển đến, ví dụ Sở Tài chính."))
    return _handle(
        difficulty,
        DifficultyEvent.Action.FORWARDED,
        actor=actor,
        comment=". ".join(x for x in (agency, note) if x),
        forwarded_to=agency,
        forward_note=note,
        forwarded_at=timezone.now(),
    )


def close_difficulty(*, actor, difficulty: Difficulty, note: str = "") -> Difficulty:
    """Close a difficulty (settled, or nothing more to do); it is then frozen for everyone."""
    note = (note or "").strip()
    return _handle(
        difficulty, DifficultyEvent.Action.CLOSED, actor=actor, comment=note, closed_at=timezone.now()
    )

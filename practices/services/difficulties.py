"""State changes of difficulties (khó khăn, vướng mắc): raise, supplement, answer, forward, close.

The one writer of Difficulty.state and of DifficultyEvent. A unit raises and supplements its own
difficulties until they are closed; Sở Nội vụ answers, forwards to another agency or closes them.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from campaigns import roles
from campaigns.files import DOCUMENT_KINDS, CheckedFile
from campaigns.text import normalize
from practices.models import Difficulty, DifficultyEvent, DifficultyFile, DifficultyState, Topic
from practices.storage import files_written_with_rows, store_checked

MAX_ATTACHMENTS = 10


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")


def _lock(difficulty: Difficulty) -> Difficulty:
    return Difficulty.objects.select_for_update(of=("self",)).select_related("unit").get(pk=difficulty.pk)


def _refuse_if_closed(difficulty: Difficulty) -> None:
    if difficulty.is_closed:
        raise ValidationError(
            f"Khó khăn, vướng mắc “{difficulty.title}” đã đóng nên không thay đổi được nữa. "
            "Nếu vấn đề còn, hãy gửi một phản ánh mới."
        )


def _log(difficulty, actor, action, from_state, comment="") -> DifficultyEvent:
    return DifficultyEvent.objects.create(
        difficulty=difficulty,
        actor=actor,
        action=action,
        from_state=from_state,
        to_state=difficulty.state,
        comment=comment,
    )


def _clean_text(topic: str, title: str, description: str) -> tuple[str, str, str]:
    title, description = normalize(title), (description or "").strip()
    errors = []
    if topic not in Topic.values:
        errors.append("Hãy chọn nhóm vấn đề.")
    if not title:
        errors.append("Hãy nhập tiêu đề ngắn gọn của khó khăn, vướng mắc.")
    if not normalize(description):
        errors.append("Hãy mô tả khó khăn, vướng mắc và kiến nghị của đơn vị.")
    if errors:
        raise ValidationError(errors)
    return topic, title, description


def _attach(*, actor, difficulty: Difficulty, checked: CheckedFile, stored: list[str]) -> DifficultyFile:
    if not isinstance(checked, CheckedFile) or checked.kind not in DOCUMENT_KINDS:
        raise ValidationError("Tệp đính kèm phải là PDF, DOCX, XLSX, JPEG hoặc PNG. Hãy chọn tệp khác.")
    if difficulty.files.count() >= MAX_ATTACHMENTS:
        raise ValidationError(f"Mỗi phản ánh có tối đa {MAX_ATTACHMENTS} tệp đính kèm.")
    return DifficultyFile.objects.create(
        difficulty=difficulty,
        file=store_checked(checked, f"difficulties/{difficulty.pk}", stored),
        kind=checked.kind.code,
        content_type=checked.kind.content_type,
        original_name=checked.original_name,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )


def raise_difficulty(
    *, actor, topic: str, title: str, description: str, attachments: list[CheckedFile] = ()
) -> Difficulty:
    """Send a difficulty of the actor's unit to Sở Nội vụ, with its attachments."""
    _require(actor, "practices.raise_difficulty")
    topic, title, description = _clean_text(topic, title, description)
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError(f"Mỗi phản ánh có tối đa {MAX_ATTACHMENTS} tệp đính kèm.")
    with files_written_with_rows() as stored, transaction.atomic():
        difficulty = Difficulty.objects.create(
            unit=roles.unit_of(actor), topic=topic, title=title, description=description, created_by=actor
        )
        _log(difficulty, actor, DifficultyEvent.Action.RAISED, "")
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
        _log(locked, actor, DifficultyEvent.Action.EDITED, locked.state)
    return locked


def add_difficulty_file(*, actor, difficulty: Difficulty, checked: CheckedFile) -> DifficultyFile:
    """Attach one more file to an unclosed difficulty of the actor's tree."""
    with files_written_with_rows() as stored, transaction.atomic():
        locked = _lock(difficulty)
        _require(actor, "practices.change_difficulty", locked)
        _refuse_if_closed(locked)
        item = _attach(actor=actor, difficulty=locked, checked=checked, stored=stored)
        _log(locked, actor, DifficultyEvent.Action.FILE_ADDED, locked.state, item.original_name)
    return item


def answer_difficulty(*, actor, difficulty: Difficulty, answer: str) -> Difficulty:
    """Record Sở Nội vụ's answer (a later answer replaces the shown one; each stays in the history)."""
    answer = (answer or "").strip()
    if not normalize(answer):
        raise ValidationError("Hãy nhập nội dung trả lời cho đơn vị.")
    with transaction.atomic():
        locked = _lock(difficulty)
        _require(actor, "practices.handle_difficulty", locked)
        _refuse_if_closed(locked)
        before = locked.state
        locked.state = DifficultyState.ANSWERED
        locked.answer = answer
        locked.answered_at = timezone.now()
        locked.answered_by = actor
        locked.save()
        _log(locked, actor, DifficultyEvent.Action.ANSWERED, before, answer)
    return locked


def forward_difficulty(*, actor, difficulty: Difficulty, agency: str, note: str = "") -> Difficulty:
    """Send a waiting difficulty on to the agency competent to settle it, with a note."""
    agency, note = normalize(agency), (note or "").strip()
    if not agency:
        raise ValidationError("Hãy nhập tên cơ quan được chuyển đến, ví dụ Sở Tài chính.")
    with transaction.atomic():
        locked = _lock(difficulty)
        _require(actor, "practices.handle_difficulty", locked)
        _refuse_if_closed(locked)
        if locked.state == DifficultyState.ANSWERED:
            raise ValidationError("Khó khăn, vướng mắc này đã được trả lời; không chuyển đi được nữa.")
        before = locked.state
        locked.state = DifficultyState.FORWARDED
        locked.forwarded_to = agency
        locked.forward_note = note
        locked.forwarded_at = timezone.now()
        locked.save()
        _log(
            locked, actor, DifficultyEvent.Action.FORWARDED, before, ". ".join(x for x in (agency, note) if x)
        )
    return locked


def close_difficulty(*, actor, difficulty: Difficulty, note: str = "") -> Difficulty:
    """Close a difficulty (settled, or nothing more to do); it is then frozen for everyone."""
    with transaction.atomic():
        locked = _lock(difficulty)
        _require(actor, "practices.handle_difficulty", locked)
        _refuse_if_closed(locked)
        before = locked.state
        locked.state = DifficultyState.CLOSED
        locked.closed_at = timezone.now()
        locked.save()
        _log(locked, actor, DifficultyEvent.Action.CLOSED, before, (note or "").strip())
    return locked

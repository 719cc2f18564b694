"""The one way a row changes state: lock, check permission, check state, save, write the audit event.

Dossiers, practices, difficulties and report jobs all move through `move()`; nothing else writes a `state`
field (tests/portal/test_layout.py looks for other writers).
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _


def lock(obj: models.Model, *related: str) -> models.Model:
    """The row of `obj` locked for the rest of the transaction, with `related` joined (FOR UPDATE OF self)."""
    qs = type(obj)._default_manager.select_for_update(of=("self",))
    if related:
        qs = qs.select_related(*related)
    return qs.get(pk=obj.pk)


def refuse_state(obj: models.Model, doing: str) -> ValidationError:
    """The sentence for an action the row's current state does not allow."""
    return ValidationError(
        _(
            "“%(name)s” đang ở trạng thái “%(state)s” nên không thể %(doing)s. "
            "Hãy tải lại trang để xem trạng thái mới."
        )
        % {"name": obj, "state": obj.get_state_display(), "doing": doing}
    )


def move(
    obj: models.Model,
    *,
    to: str,
    allowed: Iterable[str],
    actor=None,
    permission: str | None = None,
    action: str = "",
    comment: str = "",
    doing: str = "",
    locked: models.Model | None = None,
    related: tuple[str, ...] = (),
    check: Callable[[Any], None] | None = None,
    compute: Callable[[Any], dict] | None = None,
    refuse: Callable[[Any, str], ValidationError] = refuse_state,
    denied: str = "",
    **changes,
) -> models.Model:
    """Move `obj` to state `to` if it is in `allowed`; return the locked, saved row.

    Runs in a transaction (joins the caller's). The row is locked (or `locked` is the caller's already
    locked row), then: `permission` on the row for `actor` (PermissionDenied), the state (`refuse`), the
    action's own rule `check(locked)`, and `compute(locked)` for more fields to set once every check passed.
    The row's model writes the audit event through its `record_event(...)` when it has one. The caller's
    instance follows, so that it never holds a stale state.
    """
    with transaction.atomic():
        row = locked if locked is not None else lock(obj, *related)
        if permission and not (actor is not None and actor.has_perm(permission, row)):
            raise PermissionDenied(denied or _("Bạn không có quyền thực hiện thao tác này."))
        if row.state not in tuple(allowed):
            raise refuse(row, doing)
        if check is not None:
            check(row)
        if compute is not None:
            changes.update(compute(row))
        from_state = row.state
        row.state = to
        for field, value in changes.items():
            setattr(row, field, value)
        update_fields = ["state", *changes]
        if any(f.name == "updated_at" for f in row._meta.concrete_fields):
            update_fields.append("updated_at")
        row.save(update_fields=update_fields)
        record = getattr(row, "record_event", None)
        if record is not None:
            record(actor=actor, action=action, from_state=from_state, comment=comment)
    if obj is not row:
        obj.state = row.state
        for field, value in changes.items():
            setattr(obj, field, value)
    return row


class RecordsMoves:
    """A model whose every move leaves a row in its history (move() calls record_event after saving).

    The model names its history: `history_model` ("app_label.ModelName" of an append-only event model with
    actor, action, from_state, to_state and comment) and `history_field` (that model's key to this row).
    """

    history_model: str
    history_field: str

    def record_event(self, *, actor, action: str, from_state: str, comment: str = ""):
        """Append the step that brought the row to its current state to its history (the audit trail)."""
        events = apps.get_model(self.history_model)
        return events.objects.create(
            **{self.history_field: self},
            actor=actor,
            action=action,
            from_state=from_state,
            to_state=self.state,
            comment=comment,
        )

"""The appraisal queue's table rows written as one string: the queue is Sở Nội vụ's busiest page.

Through the template engine each row cost some 540 Python calls (a URL reversed, an include, two
translated sentences, a date filter); the markup is the one queue.html had. The view has set on each
dossier what the row shows (selectors.annotate_deadlines, annotate_labels, round and award type names).
"""

from collections.abc import Iterable
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from nominations.models import Nomination

_PK = 2_147_483_647  # a placeholder id: the appraisal URL is reversed once per page, not per row


def _due(n: Nomination) -> str:
    if not n.appraisal_due_on:
        return "—"
    text = n.appraisal_due_on.strftime("%d/%m/%Y")
    if n.days_left is None:
        return text + "\n      "
    if n.is_overdue:
        remaining = _("Quá hạn %(d)s ngày làm việc") % {"d": n.days_abs}
    else:
        remaining = _("Còn %(d)s ngày làm việc") % {"d": n.days_left}
    css = "overdue" if n.is_overdue else ""
    return f'{text}\n      <div class="{css}">{escape(remaining)}</div>'


def queue_rows_html(nominations: Iterable[Nomination]) -> SafeString:
    """The <tr> rows of the queue table; every value from the database is escaped here."""
    link = reverse("nominations:appraise", args=[_PK]).replace(str(_PK), "{}")
    unassigned = f'<span class="text-muted">{escape(_("Chưa phân công"))}</span>'
    rows = []
    for n in nominations:
        appraiser = (
            escape(f"{n.appraiser.last_name} {n.appraiser.first_name}") if n.appraiser_id else unassigned
        )
        subject = f'<div class="small text-muted">{escape(n.subject_label)}</div>'
        state = f'<span class="badge state-badge state-{escape(n.state)}">{escape(n.state_label)}</span>'
        rows.append(
            "<tr>\n"
            f'    <td><a href="{link.format(n.pk)}">{n.code}</a></td>\n'
            f"    <td>{escape(n.nominee_name)}{subject}</td>\n"
            f'    <td class="small">{escape(n.proposing_unit.name)}</td>\n'
            f'    <td class="small">{escape(n.award_type_short_name)} · {escape(n.round_name)}</td>\n'
            f"    <td>{state}</td>\n"
            f'    <td class="small">{appraiser}</td>\n'
            f'    <td class="small text-nowrap">{_due(n)}</td>\n'
            "  </tr>"
        )
    return SafeString("\n".join(rows))

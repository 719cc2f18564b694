"""The one way to choose a unit in a form: a text box matched against the unit's code or folded name.

A province has hundreds of units: a <select> of all of them costs more to render than the rows of the
page and is hard to use. Typing part of the name (diacritics optional) or the code works without
JavaScript; text that names no unit, or several, is refused with a sentence saying what to type.
"""

import re

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from campaigns.models import Unit
from campaigns.text import fold, normalize

# "UBND huyện Văn Lâm (H-VANLAM)": how the field shows a chosen unit, read back by its code.
_LABEL_CODE = re.compile(r"\(([^()\s]+)\)$")
# Matches read to decide; the few shown when the text is ambiguous.
MATCH_LIMIT = 50
SHOWN_MATCHES = 5


def unit_label(unit: Unit) -> str:
    """The text the field shows for a unit, and accepts back."""
    return f"{unit.name} ({unit.code})"


class UnitSearchField(forms.Field):
    """A unit chosen by typing its code or (part of) its name; cleans to a Unit of `queryset` or None."""

    widget = forms.TextInput
    default_error_messages = {
        "not_found": _(
            "Không tìm thấy đơn vị “%(text)s”. Hãy gõ tên đơn vị (có thể không dấu) hoặc mã đơn vị."
        ),
        "ambiguous": _(
            "Có nhiều đơn vị khớp với “%(text)s”: %(units)s. Hãy gõ đầy đủ tên hoặc mã của đơn vị cần chọn."
        ),
    }

    def __init__(self, *, queryset: QuerySet[Unit] | None = None, **kwargs):
        kwargs.setdefault("help_text", _("Gõ tên đơn vị (không cần dấu) hoặc mã đơn vị."))
        super().__init__(**kwargs)
        self.queryset = Unit.objects.none() if queryset is None else queryset

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "maxlength": "300",
            "autocomplete": "off",
            "placeholder": _("tên hoặc mã đơn vị"),
        }

    def prepare_value(self, value):
        return unit_label(value) if isinstance(value, Unit) else value

    def to_python(self, value) -> Unit | None:
        text = normalize(value)
        if not text:
            return None
        units = self.queryset.only("pk", "code", "name", "path")
        code = _LABEL_CODE.search(text)
        by_code = units.filter(code__iexact=code.group(1) if code else text).first()
        if by_code is not None:
            return by_code
        folded = fold(_LABEL_CODE.sub("", text))
        matches = list(units.filter(search_name__contains=folded).order_by("path")[:MATCH_LIMIT])
        exact = [unit for unit in matches if fold(unit.name) == folded]
        if len(matches) == 1 or len(exact) == 1:
            return (exact or matches)[0]
        if not matches:
            raise forms.ValidationError(
                self.error_messages["not_found"], code="not_found", params={"text": text}
            )
        shown = "; ".join(unit_label(unit) for unit in matches[:SHOWN_MATCHES])
        raise forms.ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"text": text, "units": shown + ("; …" if len(matches) > SHOWN_MATCHES else "")},
        )

"""Filters of the unit and people lists (GET forms) and the querysets they produce.

Search ignores case and diacritics on every database: it filters on the stored folded copy
(`search_name`), because SQLite has no unaccent.
"""

import html

from django import forms
from django.db.models import Count, QuerySet
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from campaigns.models import Cluster, Person, Unit
from campaigns.text import fold

STATUS_CHOICES = [
    ("", _("Tất cả")),
    ("active", _("Đang hoạt động")),
    ("dissolved", _("Đã giải thể, sáp nhập")),
]


class PlainSelect(forms.Select):
    """A <select> written as one string instead of one widget template per <option>.

    Same markup as forms.Select (attributes, optgroups, selected values) for a fraction of the
    time: list pages render their filter forms on every request.
    """

    def option_groups(self):
        """The choices: [(value, label)] or [(group label, [(value, label), …])] as in forms.Select."""
        return self.choices

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}

        def option(option_value, label):
            option_value = "" if option_value is None else str(option_value)
            mark = " selected" if option_value in selected else ""
            # The standard library's escape (Django's wraps it) and an f-string: format_html costs more
            # than the option itself, 300 times a page. Labels already marked safe stay as they are.
            text = label.__html__() if hasattr(label, "__html__") else html.escape(str(label))
            return f'<option value="{html.escape(option_value)}"{mark}>{text}</option>'

        final = self.build_attrs(self.attrs, attrs)
        if final.get("aria-invalid") == "true":  # set by BoundField when the field has errors
            final["class"] = f"{final.get('class', '')} is-invalid".strip()
        parts = [format_html('<select name="{}"{}>', name, flatatt(final))]
        for group_value, group_label in self.option_groups():
            if isinstance(group_label, (list, tuple)):
                parts.append(format_html('<optgroup label="{}">', group_value))
                parts.extend(option(v, label) for v, label in group_label)
                parts.append(SafeString("</optgroup>"))
            else:
                parts.append(option(group_value, group_label))
        parts.append(SafeString("</select>"))
        return SafeString("\n".join(parts))  # every part is escaped above


class _FilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    cluster = forms.ModelChoiceField(
        label=_("Cụm/khối thi đua"), queryset=Cluster.objects.none(), required=False, empty_label=_("Tất cả")
    )
    parent = forms.ModelChoiceField(
        label=_("Thuộc đơn vị"), queryset=Unit.objects.none(), required=False, empty_label=_("Tất cả")
    )
    status = forms.ChoiceField(label=_("Hiệu lực"), choices=STATUS_CHOICES, required=False)

    def __init__(self, data, *, units: QuerySet[Unit]):
        super().__init__(data)
        self.fields["cluster"].queryset = Cluster.objects.all()
        # Units that can have units below them: a short list whatever the size of the province.
        self.fields["parent"].queryset = units.exclude(kind__in=[Unit.Kind.COMMUNE, Unit.Kind.DIVISION]).only(
            "pk", "name", "path"
        )
        # The querysets validate a submitted id; the lists shown are read as (id, name) pairs.
        for name, queryset in (
            ("cluster", self.fields["cluster"].queryset),
            ("parent", self.fields["parent"].queryset),
        ):
            field = self.fields[name]
            field.choices = [("", field.empty_label), *queryset.values_list("pk", "name")]
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                widget = PlainSelect(attrs={**field.widget.attrs, "class": "plainselect form-select"})
                widget.choices = field.widget.choices
                widget.is_required = field.widget.is_required
                field.widget = widget

    def value(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else None


class UnitFilterForm(_FilterForm):
    kind = forms.ChoiceField(
        label=_("Loại đơn vị"), choices=[("", _("Tất cả")), *Unit.Kind.choices], required=False
    )
    field_order = ["q", "kind", "cluster", "parent", "status"]

    def filter(self, units: QuerySet[Unit]) -> QuerySet[Unit]:
        if self.value("q"):
            units = units.filter(search_name__contains=fold(self.value("q")))
        if self.value("kind"):
            units = units.filter(kind=self.value("kind"))
        if self.value("cluster"):
            units = units.filter(cluster=self.value("cluster"))
        if self.value("parent"):
            units = units.filter(path__startswith=self.value("parent").path).exclude(
                pk=self.value("parent").pk
            )
        if self.value("status") == "active":
            units = units.active()
        elif self.value("status") == "dissolved":
            units = units.dissolved()
        # GROUP BY drops the model's default ordering: keep the tree order explicitly.
        return (
            units.select_related("parent", "cluster").annotate(people_count=Count("people")).order_by("path")
        )


class PersonFilterForm(_FilterForm):
    category = forms.ChoiceField(
        label=_("Đối tượng"), choices=[("", _("Tất cả")), *Person.Category.choices], required=False
    )
    role = forms.ChoiceField(
        label=_("Vị trí"),
        choices=[("", _("Tất cả")), ("leadership", _("Lãnh đạo, quản lý")), ("direct", _("Trực tiếp"))],
        required=False,
    )
    field_order = ["q", "category", "role", "cluster", "parent", "status"]

    def filter(self, people: QuerySet[Person]) -> QuerySet[Person]:
        if self.value("q"):
            people = people.filter(search_name__contains=fold(self.value("q")))
        if self.value("category"):
            people = people.filter(category=self.value("category"))
        if self.value("role") == "leadership":
            people = people.filter(is_leadership=True)
        elif self.value("role") == "direct":
            people = people.filter(is_direct_worker=True)
        if self.value("cluster"):
            people = people.filter(unit__cluster=self.value("cluster"))
        if self.value("parent"):
            people = people.filter(unit__path__startswith=self.value("parent").path)
        if self.value("status") == "active":
            people = people.filter(unit__in=Unit.objects.active())
        elif self.value("status") == "dissolved":
            people = people.filter(unit__in=Unit.objects.dissolved())
        return people.select_related("unit")

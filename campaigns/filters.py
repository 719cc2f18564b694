"""Filters of the unit and people lists (GET forms) and the querysets they produce.

Search ignores case and diacritics on every database: it filters on the stored folded copy
(`search_name`), because SQLite has no unaccent. The fields are Django's own (an unknown id fails
validation; a unit is typed, not picked from a list of every unit), drawn by the project's form templates.
"""

from django import forms
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from campaigns.forms.units import UnitSearchField
from campaigns.models import Cluster, Person, Unit
from campaigns.text import fold


def any_of(label, choices) -> forms.ChoiceField:
    """A filter's optional choice: one of `choices`, or "Tất cả" (no filter)."""
    return forms.ChoiceField(label=label, choices=[("", _("Tất cả")), *choices], required=False)


def any_row_of(label, queryset) -> forms.ModelChoiceField:
    """A filter's optional row of `queryset`, or "Tất cả" (no filter)."""
    return forms.ModelChoiceField(label=label, queryset=queryset, required=False, empty_label=_("Tất cả"))


class _FilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=100)
    cluster = any_row_of(_("Cụm/khối thi đua"), Cluster.objects.only("pk", "name"))
    parent = UnitSearchField(label=_("Thuộc đơn vị"), required=False, help_text="")
    status = any_of(
        _("Hiệu lực"), [("active", _("Đang hoạt động")), ("dissolved", _("Đã giải thể, sáp nhập"))]
    )

    def __init__(self, data, *, units: QuerySet[Unit]):
        super().__init__(data)
        # Only a unit the user may see can be typed: another unit's name is "not found".
        self.fields["parent"].queryset = units
        # The list shown is read once as (id, name) pairs; the queryset still validates a submitted id.
        cluster = self.fields["cluster"]
        cluster.choices = [("", cluster.empty_label), *Cluster.objects.values_list("pk", "name")]

    def value(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else None


class UnitFilterForm(_FilterForm):
    kind = any_of(_("Loại đơn vị"), Unit.Kind.choices)
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
    category = any_of(_("Đối tượng"), Person.Category.choices)
    role = any_of(_("Vị trí"), [("leadership", _("Lãnh đạo, quản lý")), ("direct", _("Trực tiếp"))])
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

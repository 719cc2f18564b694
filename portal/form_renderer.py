"""The one way forms are drawn: Django's own form templates, with the portal's Bootstrap markup.

`{{ form }}` draws a whole form with templates/includes/form.html and `{{ field.as_field_group }}` one
field with templates/includes/field.html; the widget templates under templates/django/forms/widgets/ give
each input its Bootstrap class (and `is-invalid` when the field has errors). Set as FORM_RENDERER.
"""

from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "includes/form.html"
    field_template_name = "includes/field.html"

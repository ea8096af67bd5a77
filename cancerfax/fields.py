from dataclasses import dataclass

from django import forms
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_ckeditor_5.fields import CKEditor5Field
from django_ckeditor_5.widgets import CKEditor5Widget

from .sanitize import clean_html


@dataclass(frozen=True)
class RichTextTool:
    template: str
    js: tuple = ()


# Controls shown beside every rich-text field of a staff form, registered by the
# apps that own them (the image library's picture picker), as admin registers
# ModelAdmins: this module never imports them.
_TOOLS = []


def register_rich_text_tool(*, template: str, js=()) -> None:
    """Render ``template`` after every rich-text editor and load ``js`` with it.

    The template is rendered without context: its script finds the editor it
    belongs to in the page (``.rich-text-field``), so a form added later by an
    inline's "Add another" works as one rendered with the page.
    """
    tool = RichTextTool(template=template, js=tuple(js))
    if tool not in _TOOLS:
        _TOOLS.append(tool)


class RichTextWidget(CKEditor5Widget):
    """CKEditor 5 with the registered tools beside it."""

    @property
    def media(self):
        media = super().media
        for tool in _TOOLS:
            media += forms.Media(js=tool.js)
        return media

    def render(self, name, value, attrs=None, renderer=None):
        editor = super().render(name, value, attrs, renderer)
        tools = mark_safe(  # noqa: S308 (the project's own templates)
            "".join(render_to_string(tool.template) for tool in _TOOLS)
        )
        return format_html('<div class="rich-text-field">{}{}</div>', editor, tools)


class RichTextField(CKEditor5Field):
    """A CKEditor 5 field whose value is sanitised on every save.

    ``pre_save`` cleans the instance's own value, so what the caller holds after
    ``save()`` is what the database holds; ``get_prep_value`` covers
    ``QuerySet.update()`` and ``bulk_create()``, which never call ``pre_save``.
    """

    def formfield(self, **kwargs):
        return super().formfield(
            **{"widget": RichTextWidget(config_name=self.config_name), **kwargs}
        )

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        return clean_html(super().get_prep_value(value))

"""The guide editor: every section and item of a guide on the guide's own page.

Sections and their items are nested inlines (django-nested-admin): they are
added, removed, dragged or moved with "Move up"/"Move down" buttons
(``static/guides/guide_editor.js``), and their order numbers are hidden fields
the page fills in. A section's kind is chosen once, when it is added; the page
shows only the fields that kind uses.
"""

import json

import nested_admin
from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import CitationsForm
from .models import Section, SectionItem
from .sections import SECTION_KINDS

SECTION_FIELDS = ["kind", "heading", "intro", "body", "quote", "attribution",
                  "button_label", "order"]  # fmt: skip
ITEM_FIELDS = ["group", "figure", "title", "text", "source", "indication",
               "faq_entry", "citations", "order"]  # fmt: skip


def kind_fields():
    """``{kind: {"fields": [...], "items": [...]}}`` for the editor's script."""
    return json.dumps(
        {
            str(kind): {
                "fields": list(spec.fields),
                "items": [*spec.item_fields]
                + (["citations"] if kind == Section.Kind.KEY_NUMBERS else []),
            }
            for kind, spec in SECTION_KINDS.items()
        }
    )


class PositionMixin:
    """The hidden position the page's script writes is a whole number, or 0.

    nested-admin sorts forms by this raw value when it shows the page again, and
    fails on anything that is not a number: tampered input must not answer 500.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        key = self.add_prefix("order")
        if self.is_bound and key in self.data:
            value = str(self.data.get(key, "")).strip()
            if not value.isdigit() or len(value) > 9:
                data = self.data.copy()
                data[key] = "0"
                self.data = data


class SectionForm(PositionMixin, forms.ModelForm):
    class Meta:
        model = Section
        fields = SECTION_FIELDS
        widgets = {
            "order": forms.HiddenInput,
            "intro": forms.Textarea(attrs={"rows": 3}),
            "quote": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        if self.instance.pk:
            # A section's fields and items depend on its kind: changing it would
            # silently drop them. Add a section of the other kind instead.
            kind.disabled = True
            kind.help_text = _(
                "Fixed once the section exists. To change it, add a section of "
                "another kind and remove this one."
            )
        else:
            kind.help_text = _("Decides which fields and items the section has.")


class SectionItemForm(PositionMixin, CitationsForm):
    class Meta:
        model = SectionItem
        fields = ITEM_FIELDS
        widgets = {
            "order": forms.HiddenInput,
            "text": forms.Textarea(attrs={"rows": 2}),
        }


class SectionItemFormSet(nested_admin.formsets.NestedInlineFormSet):
    def save(self, commit=True):
        # The items of a removed section go with it. The page marks them removed
        # too, but nested-admin re-saves items left under a deleted parent (to
        # let them be dragged elsewhere): a post without the script must not
        # bring them back pointing at nothing.
        section = self.instance
        if section.pk is None or not Section.objects.filter(pk=section.pk).exists():
            self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
            self.save_m2m = lambda: None
            return []
        return super().save(commit)


class SectionItemInline(nested_admin.NestedStackedInline):
    model = SectionItem
    form = SectionItemForm
    formset = SectionItemFormSet
    fields = ITEM_FIELDS
    sortable_field_name = "order"
    extra = 0
    template = "admin/guides/item_inline.html"
    verbose_name = _("item")
    verbose_name_plural = _("items")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section")
            .prefetch_related("citations")
        )


class SectionInline(nested_admin.NestedStackedInline):
    model = Section
    form = SectionForm
    fields = SECTION_FIELDS
    sortable_field_name = "order"
    extra = 0
    inlines = [SectionItemInline]
    template = "admin/guides/section_inline.html"
    verbose_name = _("section")
    verbose_name_plural = _("sections")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("items__citations")

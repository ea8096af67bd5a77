"""The guide editor: every section and item of a guide on the guide's own page.

Sections and their items are nested inlines (django-nested-admin): they are
added, removed, dragged or moved with "Move up"/"Move down" buttons
(``static/guides/guide_editor.js``), and their order numbers are hidden fields
the page fills in. A section's kind is chosen once, when it is added; the page
shows only the fields that kind uses.
"""

import json
import re

import nested_admin
from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteMixin
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from cancerfax.admin_ids import PossibleIdsAutocompleteMixin
from cancerfax.numbers import is_whole
from reviews.citing import CitingFieldsMixin

from .forms import CitationsForm
from .models import Section, SectionItem
from .sections import SECTION_KINDS

SECTION_FIELDS = ["kind", "heading", "intro", "body", "quote", "attribution",
                  "button_label", "image", "order"]  # fmt: skip
ITEM_FIELDS = ["group", "figure", "title", "text", "source", "indication",
               "faq_entry", "fact", "image", "citations", "order"]  # fmt: skip


def citation_list(obj):
    if obj is None or obj.pk is None:
        return "—"
    return (
        format_html_join("", "<div>{}</div>", ((str(c),) for c in obj.citations.all()))
        or "—"
    )


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


def keep_fields(form, names):
    """Give the form (before ``super().__init__``) only the fields of its kind.

    Each form then copies, renders, validates and saves only what the page
    shows: the CIK guide's editor drew every field of every kind and hid most
    of them, about 1,470 controls and a 1 MB page. The values of fields left
    out stay as they are in the database.
    """
    form.base_fields = {
        name: field for name, field in form.base_fields.items() if name in names
    }


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = SECTION_FIELDS
        widgets = {
            "order": forms.HiddenInput,
            "intro": forms.Textarea(attrs={"rows": 3}),
            "quote": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        instance, prefix = kwargs.get("instance"), kwargs.get("prefix")
        spec = SECTION_KINDS.get(self.kind_of(instance, prefix, kwargs.get("data")))
        if spec is not None:
            # A saved section's kind is not a field: its fields and items depend
            # on it, and changing it would silently drop them (the title bar
            # names it). Add a section of the other kind instead.
            saved = instance is not None and instance.pk
            keep_fields(self, {"order", *spec.fields, *([] if saved else ["kind"])})
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].help_text = _(
                "Decides which fields and items the section has."
            )

    def has_errors_within(self):
        """Whether the section or one of its items failed: the page opens it."""
        if not self.is_bound:
            return False
        nested = getattr(self, "nested_formsets", [])
        return bool(self.errors) or any(f.total_error_count() for f in nested)

    @staticmethod
    def kind_of(instance, prefix, data):
        """The saved kind, or the one posted for a new section (else ``None``:
        a new, unposted section offers every field until its kind is chosen)."""
        if instance is not None and instance.pk:
            return instance.kind
        if data is not None:
            return data.get(f"{prefix}-kind" if prefix else "kind")
        return None


class SectionItemForm(CitationsForm):
    class Meta:
        model = SectionItem
        fields = ITEM_FIELDS
        widgets = {
            "order": forms.HiddenInput,
            "text": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, section_kind=None, **kwargs):
        spec = SECTION_KINDS.get(section_kind)
        if spec is not None:
            extra = ["citations"] if section_kind == Section.Kind.KEY_NUMBERS else []
            keep_fields(self, {"order", *spec.item_fields, *extra})
        super().__init__(*args, **kwargs)


class EditorFormSet(nested_admin.formsets.NestedInlineFormSet):
    """A formset of the guide editor that only ever touches this guide's rows.

    nested-admin looks posted ids up across the whole table (so an item can be
    dragged to another section) and Django's hidden id field accepts any row:
    a tampered id would load, move and overwrite another guide's section or
    item. Ids are confined to :meth:`scope`, and ids and positions that are not
    whole numbers are cleared before nested-admin reads them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = tidy_posted_rows(self.data, self.prefix)

    def scope(self):
        raise NotImplementedError

    @cached_property
    def empty_form(self):
        # Built once: nested-admin asks every formset for it again and again
        # while it gathers the page's media (117 forms for the CIK guide).
        return super().empty_form

    def initial_form_count(self):
        # nested-admin builds a key per posted initial form before any check:
        # a tampered count of a billion would build a billion strings.
        count = super().initial_form_count()
        return min(count, self.total_form_count()) if self.is_bound else count

    def get_queryset(self):
        # Kept, as Django's own get_queryset keeps its queryset: the formset asks
        # for it once per form, and a fresh one ran a query each time (1,558
        # queries to open the CIK guide's editor).
        if not hasattr(self, "_scoped_queryset"):
            self._scoped_queryset = super().get_queryset() & self.scope()
        return self._scoped_queryset

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk = form.fields.get(self.model._meta.pk.name)
        if pk is not None and hasattr(pk, "queryset"):
            pk.queryset = self.scope()
        self.share_choices(form)

    # Set per request by BoundedInline.get_formset: the options of each select,
    # read once for every form of every section on the page.
    choices_memo = None

    def share_choices(self, form):
        """Give the form's selects of other rows (cancer types, questions,
        references) the options read for the first form: each item form read
        them again, three queries per item (173 for the CIK guide)."""
        if self.choices_memo is None:
            return
        for name, field in form.fields.items():
            if name == self.model._meta.pk.name or not hasattr(field, "queryset"):
                continue
            if getattr(field, "disabled", False):
                continue
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, AutocompleteMixin):
                # Searched as the editor types: only the chosen option is shown.
                continue
            key = (self.model, name)
            if key not in self.choices_memo:
                self.choices_memo[key] = list(field.choices)
            field.choices = self.choices_memo[key]


class SectionFormSet(EditorFormSet):
    def scope(self):
        if self.instance.pk is None:
            return Section.objects.none()
        return Section.objects.filter(guide_id=self.instance.pk)


class SectionItemFormSet(EditorFormSet):
    def get_form_kwargs(self, index):
        # A new section's kind is only known once posted and cleaned: its items
        # keep every field (the page hides those its kind does not use).
        kind = self.instance.kind if self.instance.pk else None
        return {**super().get_form_kwargs(index), "section_kind": kind}

    def scope(self):
        # Items may be dragged between sections of the same guide.
        if self.instance.guide_id is None:
            return SectionItem.objects.none()
        return SectionItem.objects.filter(section__guide_id=self.instance.guide_id)

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


def tidy_posted_rows(data, prefix):
    """``data``, or a copy of it where this formset's ids and positions are usable.

    An id that is not a whole number is dropped (the row then fails as an
    unknown choice, with a message). A position that is not one becomes 0, and
    positions given twice are renumbered in posted order: nested-admin sorts
    the rows by these raw values when it shows the page again.
    """
    rows = re.compile(rf"^{re.escape(prefix)}-(\d+)-(id|order)$")
    tidy = {}
    positions = []
    for key in data:
        match = rows.match(key)
        if not match:
            continue
        value = str(data.get(key, "")).strip()
        whole = is_whole(value, max_digits=9)
        if match[2] == "id":
            tidy[key] = value if whole else ""
        elif value in ("", "-1"):  # nested-admin's "no position yet"
            tidy[key] = value
        else:
            tidy[key] = value if whole else "0"
            positions.append((int(tidy[key]), int(match[1]), key))
    if len({value for value, _, _ in positions}) < len(positions):
        for rank, (_, _, key) in enumerate(sorted(positions), start=1):
            tidy[key] = str(rank)
    changed = {key: v for key, v in tidy.items() if data.getlist(key) != [v]}
    if not changed:
        # Copied only when something changes: every formset of the page reads
        # the whole post, and 30 copies of it were a sixth of a save's time.
        return data
    data = data.copy()
    for key, value in changed.items():
        data[key] = value
    return data


class BoundedInline(
    PossibleIdsAutocompleteMixin, CitingFieldsMixin, nested_admin.NestedStackedInline
):
    """At most ``max_num`` rows, also when a post claims more.

    Django builds up to ``max_num`` + 1,000 forms from a posted count, and each
    section builds its own items formset: a tampered count would build millions
    of forms. Past the limit the formset refuses with a message instead.
    """

    def get_formset(self, request, obj=None, **kwargs):
        # One class per inline and request: nested-admin asks once per section,
        # and each answer built its form class again (modelform_factory), about
        # 30 ms for the CIK guide. Permissions here are not per object.
        classes = request.__dict__.setdefault("_guide_editor_formsets", {})
        key = (type(self), obj is None, repr(sorted(kwargs.items())))
        if key not in classes:
            formset = super().get_formset(
                request, obj, absolute_max=self.max_num, **kwargs
            )
            memo = request.__dict__.setdefault("_guide_editor_choices", {})
            classes[key] = type(formset.__name__, (formset,), {"choices_memo": memo})
        return classes[key]


class SectionItemInline(BoundedInline):
    model = SectionItem
    form = SectionItemForm
    formset = SectionItemFormSet
    fields = ITEM_FIELDS
    sortable_field_name = "order"
    extra = 0
    max_num = 60
    template = "admin/guides/item_inline.html"
    autocomplete_fields = ["image"]
    verbose_name = _("item")
    verbose_name_plural = _("items")
    readonly_fields = ["references"]

    @admin.display(description=_("References"))
    def references(self, obj):
        return citation_list(obj)

    def get_fields(self, request, obj=None):
        if self.has_change_permission(request, obj):
            return self.fields
        # ``citations`` is a form field, not a model field: a read-only page
        # shows the list instead.
        return [name if name != "citations" else "references" for name in self.fields]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("section", "faq_entry", "indication", "fact")
            .prefetch_related("citations")
        )


class SectionInline(BoundedInline):
    model = Section
    form = SectionForm
    formset = SectionFormSet
    fields = SECTION_FIELDS
    sortable_field_name = "order"
    extra = 0
    max_num = 80
    inlines = [SectionItemInline]
    template = "admin/guides/section_inline.html"
    autocomplete_fields = ["image"]
    verbose_name = _("section")
    verbose_name_plural = _("sections")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("items__citations")

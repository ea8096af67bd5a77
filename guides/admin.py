import nested_admin
from django.contrib import admin
from django.db import models
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reviews.admin_content import ReviewedContentAdminMixin
from reviews.capture import working_copy_edited
from reviews.registry import reviewed_type_for
from reviews.review_lines import review_summary
from reviews.selectors import Visible, working_in_bulk

from .admin_editor import SectionInline, citation_list, kind_fields
from .forms import GuideForm
from .models import CancerIndication, Citation, Fact, Guide, Section
from .pages import guide_page, indication_references


def unsaved_preview(obj):
    """The saved (not yet committed) row, its working snapshot and the context
    every page preview shares."""
    reviewed = reviewed_type_for(obj)
    obj = reviewed.queryset().get(pk=obj.pk)
    content = reviewed.snapshot(obj)
    context = {
        "content": content,
        "review_preview": "unsaved",
        "review_kind": reviewed.verbose_name,
        "is_preview": True,
        "review": review_summary(obj),
    }
    return obj, content, context


@admin.register(Guide)
class GuideAdmin(ReviewedContentAdminMixin, nested_admin.NestedModelAdmin):
    """A guide with all its sections and items, edited on one page."""

    # Room for the review columns at 1280 px: topic and "featured" are filters.
    list_display = ["title", "status", "page_link"]
    list_filter = ["status", "topic", "featured"]
    list_select_related = ["topic"]
    search_fields = ["title", "lede"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related_guides"]
    # Searched as the editor types (the library's title, alt text, caption);
    # the "+" beside it uploads a new image without leaving the guide.
    autocomplete_fields = ["lead_image"]
    inlines = [SectionInline]
    form = GuideForm
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "topic",
                    "lede",
                    "lead_image",
                    "status",
                    "featured",
                ]
            },
        ),
        (
            _("Search and links"),
            {
                "fields": ["meta_description", "related_guides"],
                "classes": ["collapse"],
            },
        ),
        (_("References"), {"fields": ["citations"], "classes": ["collapse"]}),
    ]
    readonly_fields = ["references"]
    previews = True

    class Media:
        css = {"all": ["guides/guide_editor.css"]}
        js = ["guides/guide_editor.js", "images/search_box_labels.js"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_change_permission(request, obj):
            return fieldsets
        # ``citations`` is a form field, not a model field: a read-only page
        # shows the list instead.
        return [
            (name, {**options, "fields": ["references"]})
            if options["fields"] == ["citations"]
            else (name, options)
            for name, options in fieldsets
        ]

    def render_change_form(self, request, context, *args, **kwargs):
        context["section_kind_fields"] = kind_fields()
        context["section_kind_choices"] = Section.Kind.choices
        return super().render_change_form(request, context, *args, **kwargs)

    def preview_response(self, request, obj):
        """The guide page from the unsaved form (the caller rolls the save back)."""
        obj, content, context = unsaved_preview(obj)
        context.update(
            guide=Visible(obj, content), **guide_page(content, lookup=working_in_bulk)
        )
        return TemplateResponse(request, "guides/guide_detail.html", context).render()

    @admin.display(description=_("references"))
    def references(self, obj):
        return citation_list(obj)

    @admin.display(description=_("page"))
    def page_link(self, obj):
        label = _("View") if obj.is_published() else _("Preview draft")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)


@admin.register(CancerIndication)
class CancerIndicationAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["name", "evidence_strength", "status", "order"]
    list_filter = ["status", "evidence_strength"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def preview_response(self, request, obj):
        """The cancer-type page from the unsaved form, with the guides that
        cover it as they are now (the caller rolls the save back)."""
        obj, content, context = unsaved_preview(obj)
        guides = Guide.objects.filter(indications=obj).order_by("topic__order", "title")
        context.update(
            indication=Visible(obj, content),
            references=indication_references(content),
            guides=list(working_in_bulk(Guide, guides).values()),
        )
        return TemplateResponse(
            request, "guides/indication_detail.html", context
        ).render()

    filter_horizontal = ["guides"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "order", "summary"]}),
        (_("Evidence"), {"fields": ["evidence_strength", "evidence_overview"]}),
        (
            _("Links and search"),
            {"fields": ["guides", "meta_description"], "classes": ["collapse"]},
        ),
    ]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "source", "year", "pmid", "doi"]
    search_fields = ["key", "title", "source", "pmid", "doi"]
    list_filter = ["year"]
    fields = ["key", "title", "source", "year", "pmid", "doi", "url", "guides"]
    filter_horizontal = ["guides"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        # Kept on the form: the admin object is shared by every request.
        form.cited_before = obj.citing_guide_ids() if obj.pk else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """A changed source changes the working copy of every guide citing it."""
        super().save_related(request, form, formsets, change)
        cited = form.cited_before | form.instance.citing_guide_ids()
        for guide in Guide.objects.filter(pk__in=cited):
            working_copy_edited(obj=guide, user=request.user)
        # Facts copy their source whole: theirs changes too.
        for fact in form.instance.facts.all():
            working_copy_edited(obj=fact, user=request.user)

    def get_deleted_objects(self, objs, request):
        """Refuse to delete a source while a guide still cites it."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        for citation in objs:
            for item in citation.cited_in_texts():
                protected.append(
                    _(
                        "%(item)s cites %(citation)s in its text: remove the marker "
                        "first"
                    )
                    % {"item": item, "citation": citation.title}
                )
            for guide in Guide.objects.filter(pk__in=citation.citing_guide_ids()):
                protected.append(
                    _("%(guide)s cites %(citation)s: remove it from the guide first")
                    % {"guide": guide, "citation": citation.title}
                )
        return deleted, counts, perms_needed, protected


@admin.register(Fact)
class FactAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    """Practical facts, each reviewed on its own and shown by the guides'
    "Practical facts" sections. Only the fields of a fact's kind are used."""

    list_display = ["title", "kind", "status", "checked_on", "updated_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["source"]
    search_fields = ["title", "text", "regulator", "country"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "status", "text"]}),
        (
            _("Regulatory status"),
            {
                "fields": ["regulator", "country", "approval_status"],
                "description": _("Regulatory status only: one fact per regulator."),
            },
        ),
        (
            _("Side effect"),
            {
                "fields": ["frequency"],
                "description": _("Side effects only, with their source below."),
            },
        ),
        (
            _("Figures and cost"),
            {
                "fields": ["figure", "price_from", "price_to", "currency", "includes"],
                "description": _(
                    "A figure (schedule, trials) or the quotes centres gave (cost). "
                    "A figure or a price needs its source; a price its currency and "
                    "the date it was quoted."
                ),
            },
        ),
        (
            _("Checking and sources"),
            {
                "fields": ["checked_on", "how_checked", "source", "link", "questions"],
                "description": _(
                    "Approval status and a typical schedule may say how they were "
                    "checked instead of citing a source."
                ),
            },
        ),
    ]

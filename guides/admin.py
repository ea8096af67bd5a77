from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from reviews.admin_content import ReviewedContentAdminMixin, capture_version

from .forms import CitationsForm, GuideForm
from .models import CancerIndication, Citation, Guide, Section, SectionItem


def citation_list(obj):
    return (
        format_html_join("", "<div>{}</div>", ((str(c),) for c in obj.citations.all()))
        or "—"
    )


class SectionInline(admin.TabularInline):
    model = Section
    fields = ["order", "kind", "heading"]
    extra = 0
    show_change_link = True
    verbose_name = _("section")
    verbose_name_plural = _(
        "Sections — set the order with the numbers; open a section with "
        "'Change' to edit its text and items"
    )


@admin.register(Guide)
class GuideAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["title", "topic", "status", "featured", "updated_at", "page_link"]
    list_filter = ["status", "topic", "featured"]
    list_select_related = ["topic"]
    search_fields = ["title", "lede"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related_guides"]
    inlines = [SectionInline]
    form = GuideForm
    fieldsets = [
        (None, {"fields": ["title", "slug", "topic", "lede", "status", "featured"]}),
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

    @admin.display(description=_("references"))
    def references(self, obj):
        return citation_list(obj)

    @admin.display(description=_("page"))
    def page_link(self, obj):
        label = _("View") if obj.is_published() else _("Preview draft")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)


class SectionItemInline(admin.TabularInline):
    model = SectionItem
    extra = 1

    readonly_fields = ["references"]

    def get_fields(self, request, obj=None):
        # ``obj`` is the section: its kind decides which item fields exist.
        if obj.kind == Section.Kind.KEY_NUMBERS:
            editable = self.has_change_permission(request, obj)
            return [
                "order",
                *obj.spec.item_fields,
                "citations" if editable else "references",
            ]
        return ["order", *obj.spec.item_fields]

    def get_formset(self, request, obj=None, **kwargs):
        if obj is not None and obj.kind == Section.Kind.KEY_NUMBERS:
            kwargs["form"] = CitationsForm
        return super().get_formset(request, obj, **kwargs)

    @admin.display(description=_("references"))
    def references(self, obj):
        return citation_list(obj)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("citations")


@admin.register(Section)
class SectionAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "guide", "kind"]
    list_filter = ["kind", "guide"]
    list_select_related = ["guide"]
    search_fields = ["heading", "guide__title"]
    readonly_fields = ["guide_link"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["guide", "order", "kind", "heading"]})]
        return [
            (None, {"fields": ["guide_link", "order", "kind", *obj.spec.fields]}),
        ]

    def get_inline_instances(self, request, obj=None):
        if obj is None or not obj.spec.item_fields:
            return []
        return [SectionItemInline(self.model, self.admin_site)]

    def reviewed_object(self, obj):
        return obj.guide

    def reviewed_item_of(self, object_id):
        guide_id = (
            Section.objects.filter(pk=object_id)
            .values_list("guide_id", flat=True)
            .first()
        )
        return Guide, guide_id

    def delete_model(self, request, obj):
        guide = obj.guide
        super().delete_model(request, obj)
        capture_version(request, guide)

    def delete_queryset(self, request, queryset):
        guides = list(Guide.objects.filter(sections__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for guide in guides:
            capture_version(request, guide)

    @admin.display(description=_("guide"))
    def guide_link(self, obj):
        url = reverse("admin:guides_guide_change", args=[obj.guide_id])
        return format_html('<a href="{}">{}</a>', url, obj.guide)

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        if "_continue" in request.POST or "_addanother" in request.POST:
            return response
        # Editors work guide by guide: go back to the guide, not the section list.
        response["Location"] = reverse("admin:guides_guide_change", args=[obj.guide_id])
        return response


@admin.register(CancerIndication)
class CancerIndicationAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    list_display = ["name", "evidence_strength", "status", "order"]
    list_filter = ["status", "evidence_strength"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
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
    list_display = ["title", "source", "year", "pmid", "doi"]
    search_fields = ["title", "source", "pmid", "doi"]
    list_filter = ["year"]
    fields = ["title", "source", "year", "pmid", "doi", "url", "guides"]
    filter_horizontal = ["guides"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        self._cited_before = obj.citing_guide_ids() if obj.pk else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """A changed source changes every guide that cites (or cited) it."""
        super().save_related(request, form, formsets, change)
        cited = self._cited_before | form.instance.citing_guide_ids()
        for guide in Guide.objects.filter(pk__in=cited):
            capture_version(request, guide)

    def get_deleted_objects(self, objs, request):
        """Refuse to delete a source while a guide still cites it."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        for citation in objs:
            for guide in Guide.objects.filter(pk__in=citation.citing_guide_ids()):
                protected.append(
                    _("%(guide)s cites %(citation)s: remove it from the guide first")
                    % {"guide": guide, "citation": citation.title}
                )
        return deleted, counts, perms_needed, protected

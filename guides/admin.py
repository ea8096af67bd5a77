from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from reviews.admin import ReviewedContentAdminMixin, capture_version
from reviews.forms import CitationsForm, GuideForm

from .models import CancerIndication, Guide, Section, SectionItem, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


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

    @admin.display(description=_("page"))
    def page_link(self, obj):
        label = _("View") if obj.is_published() else _("Preview draft")
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), label)


class SectionItemInline(admin.TabularInline):
    model = SectionItem
    extra = 1

    def get_fields(self, request, obj=None):
        # ``obj`` is the section: its kind decides which item fields exist.
        if obj.kind == Section.Kind.KEY_NUMBERS:
            return ["order", *obj.spec.item_fields, "citations"]
        return ["order", *obj.spec.item_fields]

    def get_formset(self, request, obj=None, **kwargs):
        if obj is not None and obj.kind == Section.Kind.KEY_NUMBERS:
            kwargs["form"] = CitationsForm
        return super().get_formset(request, obj, **kwargs)

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

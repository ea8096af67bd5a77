"""Translations in the admin: their state, the translators' files, the English
changes behind an out-of-date translation, and the medical team's policy.

Every change goes through ``translating`` and ``exchange``; the page only reads
the request and shows the answer. A translation is reviewed on the ordinary
review page of its version.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .capture import version_capture
from .diff import plain_text
from .exchange import MAX_BYTES, translation_export, translation_import
from .models import ContentVersion
from .registry import reviewed_kind, reviewed_types
from .translating import english_units, translation_start
from .translations import (
    Translation,
    TranslationPolicy,
    language_name,
    shows_english,
    target_languages,
    units_of,
)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Translated XLIFF file"),
        help_text=_("The file exported here, with its targets filled in."),
    )


class StartForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of content"))
    item = forms.IntegerField(label=_("item id"), min_value=1)
    language = forms.ChoiceField(label=_("language"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (r.kind, r.verbose_name) for r in reviewed_types() if r.translatable
        ]
        self.fields["language"].choices = target_languages()


def english_changes(translation):
    """(old, new) English versions behind an out-of-date translation: the one
    its approved translation translates, and the one patients see now."""
    translated = (
        ContentVersion.objects.of(translation).approved().first()
        or ContentVersion.objects.of(translation).order_by("-number").first()
    )
    old_id = (
        translated.content.source_version_id
        if translated
        else translation.source_version_id
    )
    old = ContentVersion.objects.get(pk=old_id)
    new = (
        ContentVersion.objects.approved()
        .filter(content_type=translation.content_type_id)
        .filter(object_id=translation.object_id)
        .first()
    )
    return old, new


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "language_label", "out_of_date_since", "source_kind"]
    list_filter = ["language", "content_type"]
    list_select_related = ["content_type"]
    fields = ["language", "source_link", "source_version", "out_of_date_since",
              "key_facts_changed", "texts", "tools"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # started from the tools page, from an approved item

    def has_delete_permission(self, request, obj=None):
        return False  # versions and records point at it

    @admin.display(description=_("language"), ordering="language")
    def language_label(self, obj):
        return language_name(obj.language)

    @admin.display(description=_("kind of content"))
    def source_kind(self, obj):
        return obj.source_reviewed.verbose_name

    @admin.display(description=_("translates"))
    def source_link(self, obj):
        source = obj.source
        return (
            format_html('<a href="{}">{}</a>', source.get_absolute_url(), source)
            if source
            else "—"
        )

    @admin.display(description=_("texts"))
    def texts(self, obj):
        english = english_units(obj)
        translated = units_of(obj.content, obj.source_reviewed.translatable)
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td lang="en-gb">{}</td>'
            '<td lang="{}">{}</td></tr>',
            (
                (key, plain_text(text)[:300], obj.language,
                 plain_text(translated.get(key, ""))[:300])
                for key, text in english.items()
            ),
        )  # fmt: skip
        return format_html('<table class="translation-texts">{}</table>', rows)

    @admin.display(description=_("translators' files and review"))
    def tools(self, obj):
        url = reverse("admin:reviews_translation_tools", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Export, import, submit"))

    def get_urls(self):
        own = [
            path(
                "start/",
                self.admin_site.admin_view(self.start_view),
                name="reviews_translation_start",
            ),
            path(
                "<int:pk>/tools/",
                self.admin_site.admin_view(self.tools_view),
                name="reviews_translation_tools",
            ),
            path(
                "<int:pk>/export/",
                self.admin_site.admin_view(self.export_view),
                name="reviews_translation_export",
            ),
            path(
                "<int:pk>/english-changes/",
                self.admin_site.admin_view(self.english_changes_view),
                name="reviews_translation_english_changes",
            ),
        ]
        return own + super().get_urls()

    def _translation(self, request, pk, *, change=False):
        allowed = (
            self.has_change_permission(request)
            if change
            else self.has_view_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        return get_object_or_404(
            Translation.objects.select_related("source_version"), pk=pk
        )

    def start_view(self, request):
        """Start (or find) the translation of an approved item into a language."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        form = StartForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            model = reviewed_kind(form.cleaned_data["kind"]).model
            obj = model._default_manager.filter(pk=form.cleaned_data["item"]).first()
            try:
                if obj is None:
                    raise ValidationError(_("There is no such item."))
                translation = translation_start(
                    obj=obj, language=form.cleaned_data["language"], user=request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("admin:reviews_translation_tools", translation.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Start a translation"),
            "form": form,
        }
        return TemplateResponse(
            request, "admin/reviews/translation_start.html", context
        )

    def changelist_view(self, request, extra_context=None):
        extra = {"start_url": reverse("admin:reviews_translation_start")}
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def export_view(self, request, pk):
        translation = self._translation(request, pk)
        response = HttpResponse(
            translation_export(translation), content_type="application/xliff+xml"
        )
        name = f"{translation.source_reviewed.kind}-{translation.object_id}"
        response["Content-Disposition"] = (
            f'attachment; filename="{name}-{translation.language}.xlf"'
        )
        return response

    def tools_view(self, request, pk):
        translation = self._translation(request, pk, change=request.method == "POST")
        form = ImportForm()
        if request.method == "POST":
            action = request.POST.get("action")
            try:
                if action == "import":
                    form = ImportForm(request.POST, request.FILES)
                    if form.is_valid():
                        upload = form.cleaned_data["file"]
                        if upload.size > MAX_BYTES:
                            raise ValidationError(_("The file is too large."))
                        version = translation_import(
                            translation=translation,
                            data=upload.read(),
                            user=request.user,
                            name=upload.name,
                        )
                        return self._done(request, translation, version)
                elif action == "refresh":
                    translation_start(
                        obj=translation.source,
                        language=translation.language,
                        user=request.user,
                    )
                    messages.success(request, _("Moved onto the current English."))
                    return redirect(request.path)
                elif action == "submit":
                    version = version_capture(obj=translation, user=request.user)
                    return self._done(request, translation, version)
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": str(translation),
            "translation": translation,
            "form": form,
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(
            request, "admin/reviews/translation_tools.html", context
        )

    def _done(self, request, translation, version):
        if version is None:
            messages.info(request, _("Nothing changed: no new version."))
            return redirect(request.path)
        messages.success(
            request, _("Version %(n)s waits for review.") % {"n": version.number}
        )
        return redirect(version.get_absolute_url())

    def english_changes_view(self, request, pk):
        translation = self._translation(request, pk)
        old, new = english_changes(translation)
        reviewed = translation.source_reviewed
        blocks = reviewed.diff(old.content, new.content) if new else []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": str(translation),
            "translation": translation,
            "old": old,
            "new": new,
            "blocks": blocks,
            "show_everything": False,
            "commenting": False,
            "reading_target": "–".join(map(str, settings.READING_AGE_TARGET)),
        }
        return TemplateResponse(
            request, "admin/reviews/translation_english_changes.html", context
        )


class PolicyForm(forms.ModelForm):
    class Meta:
        model = TranslationPolicy
        fields = ["kind", "out_of_date_shows"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only where the form edits it: a member who may only look gets the admin's
        # read-only display, which a declared field would not leave out.
        if "kind" in self.fields:
            self.fields["kind"] = forms.ChoiceField(
                label=_("kind of content"),
                choices=[
                    (r.kind, r.verbose_name) for r in reviewed_types() if r.translatable
                ],
            )


@admin.register(TranslationPolicy)
class TranslationPolicyAdmin(admin.ModelAdmin):
    """Set by the medical team: what patients read while a translation of a
    kind is behind its English."""

    form = PolicyForm
    list_display = ["kind", "out_of_date_shows", "changed_at"]


def out_of_date_translations():
    """Rows for the dashboard: each out-of-date translation, oldest first, with
    what patients read meanwhile under the medical team's policy."""
    policies = dict(TranslationPolicy.objects.values_list("kind", "out_of_date_shows"))
    return [
        {
            "translation": translation,
            "language": language_name(translation.language),
            "shows_english": shows_english(
                policies.get(translation.source_reviewed.kind),
                translation.key_facts_changed,
            ),
            "changes_url": reverse(
                "admin:reviews_translation_english_changes", args=[translation.pk]
            ),
        }
        for translation in Translation.objects.out_of_date()
        .select_related("source_changed_version")
        .order_by("out_of_date_since")
    ]

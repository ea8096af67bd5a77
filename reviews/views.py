from django.http import Http404

from cancerfax.compiled import compiled_rows
from cancerfax.staff_auth import staff_verified
from cancerfax.structured_data import absolute_url

from .registry import reviewed_type_for
from .review_lines import review_summary
from .selectors import (
    Visible,
    approved_content,
    record_shown,
    visible_queryset,
    with_approved_snapshot,
)
from .translated import reading_language, translate
from .translations import Translation


class ApprovedOrPreviewMixin:
    """Patients get the item's approved version; it is 404 until there is one.

    Staff who may preview see the working copy, with a banner when it is not
    what patients see; ``?as=patient`` shows them the patients' page instead.
    The context gets ``content`` (the typed snapshot shown), the object as a
    ``Visible`` under ``context_object_name``, ``review`` (the review line) and
    ``review_json_ld``.
    """

    def can_preview(self):
        # The view permission, not ``is_staff``, decides: a coordinator without
        # content permissions does not see draft medical content.
        # Off the admin's address too, staff are trusted only with their second
        # factor where it is required.
        opts = self.model._meta
        user = self.request.user
        return staff_verified(user) and user.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        )

    def shows_working_copy(self):
        return self.can_preview() and self.request.GET.get("as") != "patient"

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.shows_working_copy():
            reviewed = reviewed_type_for(queryset.model)
            return with_approved_snapshot(
                queryset.select_related(*reviewed.select_related).prefetch_related(
                    *reviewed.prefetch
                )
            )
        return visible_queryset(queryset)

    def get_object(self, queryset=None):
        slug = self.kwargs.get(self.slug_url_kwarg)
        if (
            queryset is not None
            or slug is None
            or self.kwargs.get(self.pk_url_kwarg) is not None
            or self.shows_working_copy()
        ):
            return super().get_object(queryset)
        # The patients' page: its query is the same for every address of this
        # view, so it is compiled once (it cost as much as running it).
        found = compiled_rows(
            (
                "approved_page",
                type(self),
                reviewed_type_for(self.model).content_type.pk,
            ),
            lambda slugs: self.get_queryset().filter(
                **{self.get_slug_field(): slugs[0]}
            ),
            [slug],
        )
        if not found:
            raise Http404(f"No visible {self.model._meta.verbose_name} here.")
        return found[0]

    def get_context_object_name(self, obj):
        # The template gets the Visible wrapper, not the live row.
        return None

    def get_context_data(self, **kwargs):
        obj = self.object
        reviewed = reviewed_type_for(obj)
        approved = approved_content(obj)
        if self.shows_working_copy():
            content = reviewed.snapshot(obj)
            if not obj.is_published():
                preview = "draft"
            elif approved is None:
                preview = "unapproved"
            else:
                preview = "changed" if content != approved else None
        else:
            content, preview = approved, None
            record_shown(obj)
        shown = Visible(obj, content, approved=not self.shows_working_copy())
        if preview is None and approved is not None:
            # The reader's language: the approved translation, where there is one.
            translate(type(obj), [shown])
        context = super().get_context_data(**kwargs)
        context.pop("object", None)
        # A preview of words no reviewer approved must not carry the approved
        # version's "Reviewed by" line (nor its structured data).
        unreviewed = content != approved
        review = None if unreviewed else review_summary(obj)
        content = shown.content
        context.update(
            {
                self.context_object_name: shown,
                "translation": shown.translation,
                # Who checked the translation shown, and when (its own record).
                "translation_review": review_summary(
                    Translation(pk=shown.translation.translation_id)
                )
                if shown.translation and not shown.translation.shows_english
                else None,
                "translation_missing": shown.translation is None
                and preview is None
                and reading_language() is not None
                and bool(reviewed.translatable),
                "content": content,
                "has_approved_version": approved is not None,
                "review": review,
                "review_preview": preview,
                "is_preview": preview is not None,
                "text_unreviewed": unreviewed and approved is not None,
                "review_json_ld": review.json_ld(
                    name=reviewed.title_of(content),
                    url=absolute_url(obj.get_absolute_url()),
                    description=getattr(content, "meta_description", "")
                    or getattr(content, "lede", ""),
                )
                if review
                else None,
            }
        )
        return context

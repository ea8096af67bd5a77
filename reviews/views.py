from .registry import reviewed_type_for
from .selectors import (
    for_patients,
    review_summary,
    show_approved,
    with_approved_snapshot,
)


class ApprovedOrPreviewMixin:
    """Patients get the item's approved version; it is 404 until there is one.

    Staff who may preview see the working copy, with a banner when it is not
    what patients see; ``?as=patient`` shows them the patients' page instead.
    The context gets ``content`` (the snapshot shown), ``review`` (the review
    line) and ``review_json_ld``.
    """

    def can_preview(self):
        # The view permission, not ``is_staff``, decides: a coordinator without
        # content permissions does not see draft medical content.
        opts = self.model._meta
        user = self.request.user
        return (
            user.is_active
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
        )

    def shows_working_copy(self):
        return self.can_preview() and self.request.GET.get("as") != "patient"

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.shows_working_copy():
            return with_approved_snapshot(queryset)
        return for_patients(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        reviewed = reviewed_type_for(obj)
        approved = obj.approved_snapshot
        if self.shows_working_copy():
            content = reviewed.snapshot(obj)
            if not obj.is_published():
                preview = "draft"
            elif approved is None:
                preview = "unapproved"
            else:
                preview = "changed" if content != approved else None
        else:
            show_approved([obj])
            content, preview = approved, None
        review = review_summary(obj)
        context.update(
            content=content,
            has_approved_version=approved is not None,
            review=review,
            review_preview=preview,
            is_preview=preview is not None,
            review_json_ld=review.json_ld(
                name=content[reviewed.title_field],
                url=self.request.build_absolute_uri(obj.get_absolute_url()),
            )
            if review
            else None,
        )
        return context

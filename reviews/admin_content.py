"""Admin pieces for the content apps: working copy, submit, lock, review state.

Saving keeps a working copy (and records who edited it); "Submit for review"
makes one version of however many saves came before. "Preview" shows the unsaved
form as patients would see it, in a new tab, and keeps nothing.
"""

import hashlib
import json

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from .admin_lists import ReviewColumnsMixin
from .capture import item_lock, version_capture, working_copy_edited
from .citing import CitingFieldsMixin
from .dashboard import item_states
from .evidence import findings_of, submit_warning
from .models import ContentVersion
from .references import shown_by_message, versions_showing
from .registry import reviewed_type_for

SUBMIT = "_submit_review"
PREVIEW = "_preview"
FINGERPRINT = "_content_fingerprint"


def submit_for_review(request, obj, note=""):
    """Submit ``obj``'s working copy and tell the editor what happened."""
    version = version_capture(obj=obj, user=request.user, note=note)
    if version is None:
        messages.info(
            request,
            _("Nothing new to submit: the content equals the latest version."),
        )
        return None
    if ContentVersion.objects.of(obj).approved().exists():
        text = _(
            "Submitted as version %(number)s. Patients keep seeing the approved "
            "version until a medical reviewer approves this one."
        )
    else:
        text = _(
            "Submitted as version %(number)s. Patients will see it once a medical "
            "reviewer approves it."
        )
    if version.arrangement_only:
        text += " " + _(
            "Only the arrangement changed, no words: it can be published as a "
            "minor change from its review page."
        )
    messages.success(request, text % {"number": version.number})
    claims = findings_of(version.reviewed, version.content)
    if claims:
        messages.warning(request, submit_warning(claims))
    return version


def content_fingerprint(snapshot) -> str:
    """A short fingerprint of content as a page showed it, to detect edit clashes."""
    if snapshot is None:
        return ""
    data = json.dumps(snapshot.dump(), sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:20]


def reviewed_snapshot(obj):
    """The item's content as a version would hold it now (``None`` if gone)."""
    reviewed = reviewed_type_for(obj)
    fresh = reviewed.queryset().filter(pk=obj.pk).first()
    return reviewed.snapshot(fresh) if fresh is not None else None


class ReviewedContentAdminMixin(CitingFieldsMixin, ReviewColumnsMixin):
    """For the admins of reviewed content.

    A save that changes the content is recorded as an edit of the working copy;
    "Save and submit for review" also captures a version. The change page shows
    the item's review state, a reviewer's comments and the submit box; the list
    shows what patients see, what waits and when the next review is due.
    """

    change_form_template = "admin/reviews/change_form.html"
    # Set where ``preview_response`` renders a page: the editor gets a button.
    previews = False

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["reviews/admin.css"]})

    def reviewed_object(self, obj):
        return obj

    def get_deleted_objects(self, objs, request):
        """Refuse, with the reason, to delete what an approved page still shows.

        The delete page then answers with the list instead of the confirmation,
        as for ``PROTECT``; the model-level check would only end in an error.
        """
        deleted, counts, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        for obj in objs:
            versions = versions_showing(obj)
            if versions:
                protected.append(shown_by_message(obj, versions))
        return deleted, counts, perms_needed, protected

    def reviewed_item_of(self, object_id):
        """(model, pk) of the reviewed item that an edit of ``object_id`` changes."""
        return self.model, object_id

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if not getattr(request, "review_conflict", False):
            return form

        class EditClash(form):
            def clean(self):
                super().clean()
                raise ValidationError(
                    _(
                        "Someone else saved this page after you opened it, so your "
                        "changes were not saved. Copy what you wrote, reload the "
                        "page to see their changes, then make yours again."
                    ),
                    code="edit_conflict",
                )

        return EditClash

    def preview_response(self, request, obj):
        """A rendered page of ``obj`` as patients would see it, or ``None``."""
        return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST":
            return super().changeform_view(request, object_id, form_url, extra_context)
        # Lock the reviewed item before anything is saved, so two editors' saves
        # of one guide run one after the other instead of deadlocking.
        with transaction.atomic(using=router.db_for_write(self.model)):
            request.review_before = None
            if object_id is not None:
                model, pk = self.reviewed_item_of(unquote(object_id))
                item_lock(model, pk)
                item = model._default_manager.filter(pk=pk).first()
                if item is not None:
                    request.review_before = reviewed_snapshot(item)
                shown = request.POST.get(FINGERPRINT)
                # Someone saved since this page was loaded: saving the whole
                # page now would silently put their words back as they were. A
                # post without the page's fingerprint cannot show it was not.
                request.review_conflict = shown != content_fingerprint(
                    request.review_before
                )
            response = super().changeform_view(
                request, object_id, form_url, extra_context
            )
            preview = getattr(request, "review_preview", None)
            if preview is not None:
                # A preview keeps nothing: not the rows, not the log entry, not
                # the "changed successfully" message.
                transaction.set_rollback(True)
                list(messages.get_messages(request))
                return preview
            return response

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = self.reviewed_object(form.instance)
        if PREVIEW in request.POST:
            request.review_preview = self.preview_response(request, obj)
            if request.review_preview is not None:
                return
        if getattr(request, "review_before", None) != reviewed_snapshot(obj):
            working_copy_edited(obj=obj, user=request.user)
            if SUBMIT not in request.POST:
                messages.info(
                    request,
                    _(
                        "Your changes are saved as a working copy. Reviewers see "
                        "them once you submit them for review."
                    ),
                )
        if SUBMIT in request.POST:
            submit_for_review(request, obj, request.POST.get("review_note", ""))

    def response_change(self, request, obj):
        if SUBMIT in request.POST:
            # Stay on the page: the editor sees the new state and can withdraw.
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = kwargs.get("obj")
        context["review_submit"] = self.has_change_permission(request, obj)
        context["review_preview_available"] = (
            type(self).preview_response
            is not ReviewedContentAdminMixin.preview_response
        )
        if obj is not None and obj.pk:
            reviewed = self.reviewed_object(obj)
            states = item_states(
                kind=reviewed_type_for(reviewed).kind, object_id=reviewed.pk
            )
            state = states[0] if states else None
            context["review_state"] = state
            context["content_fingerprint"] = content_fingerprint(
                reviewed_snapshot(reviewed)
            )
            context["review_comments"] = review_comments(state)
        return super().render_change_form(
            request, context, add=add, change=change, **kwargs
        )


def review_comments(state):
    """``{anchor: [comment, ...]}`` of the open request for changes."""
    comments = {}
    if state is not None and state.changes_request is not None:
        for comment in state.changes_request.comments.all():
            comments.setdefault(comment.anchor, []).append(comment)
    return comments

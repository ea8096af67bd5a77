"""Admin pieces for the content apps: capture on save, lock on edit, review state."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import router, transaction
from django.utils.translation import gettext_lazy as _

from .dashboard import item_states
from .models import ContentVersion
from .registry import reviewed_type_for
from .services import item_lock, version_capture


def capture_version(request, obj):
    """Capture ``obj`` for review after an admin save and tell the editor why."""
    version = version_capture(obj=obj, user=request.user)
    if version is None:
        return
    if ContentVersion.objects.of(obj).approved().exists():
        text = _(
            "Saved as version %(number)s. Patients keep seeing the approved "
            "version until a medical reviewer approves this one."
        )
    else:
        text = _(
            "Saved as version %(number)s. Patients will see it once a medical "
            "reviewer approves it."
        )
    if version.arrangement_only:
        text += " " + _(
            "Only the arrangement changed, no words: it can be published as a "
            "minor change from its review page."
        )
    messages.info(request, text % {"number": version.number})


class ReviewedContentAdminMixin:
    """For the admins of reviewed content.

    Every save captures a new version when the content changed, and the change
    page shows the item's review state, including a reviewer's request for
    changes.
    """

    change_form_template = "admin/reviews/change_form.html"

    def reviewed_object(self, obj):
        return obj

    def reviewed_item_of(self, object_id):
        """(model, pk) of the reviewed item that an edit of ``object_id`` changes."""
        return self.model, object_id

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST" or object_id is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        # Lock the reviewed item before anything is saved, so two editors' saves
        # of one guide run one after the other instead of deadlocking.
        with transaction.atomic(using=router.db_for_write(self.model)):
            model, pk = self.reviewed_item_of(unquote(object_id))
            item_lock(model, pk)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        capture_version(request, self.reviewed_object(form.instance))

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = kwargs.get("obj")
        if obj is not None and obj.pk:
            reviewed = self.reviewed_object(obj)
            states = item_states(
                kind=reviewed_type_for(reviewed).kind, object_id=reviewed.pk
            )
            context["review_state"] = states[0] if states else None
        return super().render_change_form(request, context, add, change, **kwargs)

"""Review state at a glance on the content lists: live, waiting, next review."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import COUNTING_KINDS, ContentVersion, ReviewRecord, WorkingCopyEdit

Status = ContentVersion.Status


def _versions(model):
    return ContentVersion.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=OuterRef("pk"),
    )


def _unsubmitted(model, **extra):
    return WorkingCopyEdit.objects.unsubmitted().filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=OuterRef("pk"),
        **extra,
    )


def _next_review(model):
    return (
        ReviewRecord.objects.filter(
            version__content_type=ContentType.objects.get_for_model(model),
            version__object_id=OuterRef("pk"),
            outcome=ReviewRecord.Outcome.APPROVED,
            kind__in=COUNTING_KINDS,
        )
        .order_by("-reviewed_on", "-pk")
        .values("next_review_due")[:1]
    )


def with_review_state(queryset):
    """Annotate each row's live and waiting version and its next review date."""
    model = queryset.model
    waiting = _versions(model).filter(
        status__in=[Status.PENDING, Status.CHANGES_REQUESTED]
    )
    return queryset.annotate(
        live_version=Subquery(_versions(model).approved().values("number")[:1]),
        waiting_version=Subquery(waiting.values("number")[:1]),
        waiting_status=Subquery(waiting.values("status")[:1]),
        next_review=Subquery(_next_review(model)),
        has_unsubmitted=Exists(_unsubmitted(model)),
    )


class ReviewStateFilter(admin.SimpleListFilter):
    """The lists the editors' and reviewers' home figures link to."""

    title = _("medical review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("mine", _("My unsubmitted edits")),
            ("unsubmitted", _("Edited, not submitted")),
            ("waiting", _("Waiting for review")),
            ("changes_requested", _("Changes requested")),
            ("changes_requested_mine", _("Changes requested on my edits")),
            ("overdue", _("Overdue for review")),
            ("due_soon", _("Review due soon")),
            ("never_approved", _("Never approved")),
        ]

    def queryset(self, request, queryset):
        model = queryset.model
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=settings.REVIEW_DUE_SOON_DAYS)
        due = Subquery(_next_review(model))
        value = self.value()
        if value == "mine":
            return queryset.filter(Exists(_unsubmitted(model, edited_by=request.user)))
        if value == "unsubmitted":
            return queryset.filter(Exists(_unsubmitted(model)))
        if value == "changes_requested_mine":
            mine = _versions(model).changes_requested_of(request.user)
            return queryset.filter(Exists(mine))
        if value in ("waiting", "changes_requested"):
            status = Status.PENDING if value == "waiting" else value
            return queryset.filter(Exists(_versions(model).filter(status=status)))
        if value == "overdue":
            return queryset.published().alias(due=due).filter(due__lt=today)
        if value == "due_soon":
            return (
                queryset.published()
                .alias(due=due)
                .filter(due__gte=today, due__lte=soon)
            )
        if value == "never_approved":
            return queryset.exclude(Exists(_versions(model).approved()))
        return queryset


class ReviewColumnsMixin:
    """Three columns for a content admin's list; see ``with_review_state``."""

    def get_queryset(self, request):
        return with_review_state(super().get_queryset(request))

    def get_list_display(self, request):
        return [
            *super().get_list_display(request),
            "patients_see",
            "review_waiting",
            "review_due",
        ]

    def get_list_filter(self, request):
        return [ReviewStateFilter, *super().get_list_filter(request)]

    @admin.display(description=_("patients see"), ordering="live_version")
    def patients_see(self, obj):
        if obj.live_version is None:
            return _("Nothing yet: not approved")
        return _("Version %(number)s") % {"number": obj.live_version}

    @admin.display(description=_("waiting"))
    def review_waiting(self, obj):
        parts = []
        if obj.waiting_version is not None:
            parts.append(
                format_html(
                    '<span class="review-flag review-flag--{}">{}</span>',
                    obj.waiting_status,
                    _("Version %(number)s: %(status)s")
                    % {
                        "number": obj.waiting_version,
                        "status": Status(obj.waiting_status).label.lower(),
                    },
                )
            )
        if obj.has_unsubmitted:
            parts.append(
                format_html(
                    '<span class="review-flag">{}</span>',
                    _("Edited, not submitted"),
                )
            )
        return format_html(" ".join(["{}"] * len(parts)), *parts) if parts else "—"

    @admin.display(description=_("next review due"), ordering="next_review")
    def review_due(self, obj):
        if obj.next_review is None:
            return "—"
        shown = formats.date_format(obj.next_review, "DATE_FORMAT")
        overdue = obj.is_published() and obj.next_review < timezone.localdate()
        if not overdue:
            return shown
        return format_html(
            '{} <strong class="review-flag review-flag--overdue">{}</strong>',
            shown,
            _("Overdue"),
        )

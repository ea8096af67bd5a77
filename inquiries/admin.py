"""Inquiries in the admin: the outbox (every e-mail, sent or not) and the access
log, read-only. The inquiries themselves are worked on in casework's queue
(``casework.queue_admin``), their one admin."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy, ngettext

from cancerfax.admin import ReadOnlyAdminMixin
from cancerfax.retries import RetriedAdminMixin, state_filter

from .models import AccessLog, OutboxEmail
from .outbox import outbox_retry

OutboxStateFilter = state_filter(
    done_field="sent_at",
    done=("sent", gettext_lazy("Sent")),
    not_done=gettext_lazy("Not sent yet"),
    failed=gettext_lazy("Failed at least once, not sent"),
)


@admin.register(OutboxEmail)
class OutboxEmailAdmin(RetriedAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    bulk_actions_allowed = True
    done_field = "sent_at"
    failing_html = '<span class="inquiry-overdue">{}</span>'
    list_display = [
        "__str__",
        "created_at",
        "state_column",
        "attempts",
        "sent_at",
        "next_attempt_at",
        "error_column",
    ]
    list_filter = [OutboxStateFilter, "kind"]
    list_select_related = ["inquiry"]
    search_fields = ["inquiry__reference"]
    actions = ["retry_now"]
    fields = [
        "inquiry",
        "kind",
        "recipients",
        "subject",
        "body",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
        "last_error",
    ]

    class Media:
        css = {"all": ["inquiries/admin.css"]}

    @admin.action(description=gettext_lazy("Retry now"), permissions=["change"])
    def retry_now(self, request, queryset):
        queued = outbox_retry(emails=list(queryset))
        self.message_user(
            request,
            ngettext(
                "%(count)d e-mail queued to be sent now.",
                "%(count)d e-mails queued to be sent now.",
                queued,
            )
            % {"count": queued},
            messages.SUCCESS,
        )


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "username", "action", "inquiry_link", "file_id", "detail"]
    list_filter = ["action", ("at", admin.DateFieldListFilter)]
    search_fields = ["reference", "username"]
    date_hierarchy = "at"
    fields = list_display
    actions = None

    @admin.display(description=gettext_lazy("inquiry"), ordering="reference")
    def inquiry_link(self, obj):
        if not obj.inquiry_id:
            return obj.reference
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:inquiries_inquiry_change", args=[obj.inquiry_id]),
            obj.reference,
        )

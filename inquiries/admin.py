"""Inquiries in the admin: the outbox (every e-mail, sent or not) and the access
log, read-only. The inquiries themselves are worked on in casework's queue
(``casework.queue_admin``), their one admin."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cancerfax.admin import ReadOnlyAdminMixin

from .models import AccessLog, OutboxEmail
from .outbox import outbox_retry


class OutboxStateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("sent", _("Sent")),
            ("pending", _("Not sent yet")),
            ("failed", _("Failed at least once, not sent")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "sent":
            return queryset.filter(sent_at__isnull=False)
        if self.value() == "pending":
            return queryset.filter(sent_at__isnull=True)
        if self.value() == "failed":
            return queryset.failed()
        return queryset


@admin.register(OutboxEmail)
class OutboxEmailAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    bulk_actions_allowed = True
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

    @admin.display(description=gettext_lazy("state"))
    def state_column(self, obj):
        if obj.sent_at is None and obj.last_error:
            return format_html('<span class="inquiry-overdue">{}</span>', obj.state)
        return obj.state

    @admin.display(description=gettext_lazy("last error"))
    def error_column(self, obj):
        return obj.last_error[:80] or "—"

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

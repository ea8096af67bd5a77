"""The spam-trap quarantine in the admin: coordinators see, release or delete.

It uses the inquiry permissions (view, change) rather than its own, so the
Coordinator role reaches it without another entry in the roles table.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .countries import COUNTRY_NAMES
from .models import HeldSubmission
from .quarantine import held_files, held_submission_delete, held_submission_release

SHOWN_FIELDS = [
    ("writer_role", gettext_lazy("who is writing")),
    ("patient_name", gettext_lazy("patient name")),
    ("email", gettext_lazy("e-mail")),
    ("phone", gettext_lazy("phone")),
    ("country", gettext_lazy("country")),
    ("cancer_type_other", gettext_lazy("other cancer type")),
    ("diagnosis_year", gettext_lazy("year of diagnosis")),
    ("current_condition", gettext_lazy("current condition")),
    ("questions", gettext_lazy("questions")),
]


@admin.register(HeldSubmission)
class HeldSubmissionAdmin(admin.ModelAdmin):
    list_display = [
        "received_at",
        "email_column",
        "country_column",
        "files_column",
        "trap_value",
        "released_at",
        "inquiry",
    ]
    list_filter = [("released_at", admin.EmptyFieldListFilter)]
    fields = [
        "received_at",
        "trap_value",
        "submitted",
        "files_column",
        "source_guide",
        "released_at",
        "inquiry",
    ]
    readonly_fields = fields
    actions = ["release", "delete_as_spam"]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("inquiries.view_inquiry")

    def has_change_permission(self, request, obj=None):
        # Only the bulk actions change anything; a single page shows values.
        return obj is None and request.user.has_perm("inquiries.change_inquiry")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("e-mail"))
    def email_column(self, obj):
        return obj.data.get("email", "")

    @admin.display(description=gettext_lazy("country"))
    def country_column(self, obj):
        code = obj.data.get("country", "")
        return COUNTRY_NAMES.get(code, code)

    @admin.display(description=gettext_lazy("files"))
    def files_column(self, obj):
        return held_files(obj).count()

    @admin.display(description=gettext_lazy("what was sent"))
    def submitted(self, obj):
        return format_html_join(
            "\n",
            "<p><strong>{}:</strong> {}</p>",
            ((label, obj.data.get(name) or "—") for name, label in SHOWN_FIELDS),
        )

    @admin.action(
        description=gettext_lazy("Release into the inquiry queue"),
        permissions=["change"],
    )
    def release(self, request, queryset):
        for held in queryset:
            try:
                inquiry = held_submission_release(held=held, actor=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Released as inquiry %(reference)s.")
                    % {"reference": inquiry.reference},
                    messages.SUCCESS,
                )

    @admin.action(
        description=gettext_lazy("Delete as spam, with their files"),
        permissions=["change"],
    )
    def delete_as_spam(self, request, queryset):
        count = 0
        for held in queryset.filter(released_at__isnull=True):
            held_submission_delete(held=held)
            count += 1
        self.message_user(
            request,
            ngettext(
                "Deleted %(count)d held submission.",
                "Deleted %(count)d held submissions.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

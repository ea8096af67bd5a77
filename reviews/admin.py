from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cancerfax.admin import ReadOnlyAdminMixin

from .admin_content import ReviewedContentAdminMixin
from .compare import version_comparison
from .dashboard import item_states
from .decisions import review_actions, version_decide
from .evidence import findings_of
from .forms import MinorChangeForm, ReviewerForm, ReviewForm
from .models import (
    ContentVersion,
    Reviewer,
    ReviewerChange,
    ReviewRecord,
    ReviewReminder,
)
from .reviewers import reviewer_log_change, reviewer_state
from .services import default_next_review_due, reviewers_of_user, version_withdraw
from .signing import signatures_missing

Status = ContentVersion.Status


@admin.register(Reviewer)
class ReviewerAdmin(ReviewedContentAdminMixin, admin.ModelAdmin):
    """Profiles patients rely on: edited by review leads only, every change logged.

    The words of a profile reach its public page once a reviewer approves them.
    """

    form = ReviewerForm
    list_display = ["name", "kind", "credentials", "specialty", "user", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "credentials", "specialty"]
    list_select_related = ["user"]
    filter_horizontal = ["members"]
    fields = [
        "kind",
        "name",
        "credentials",
        "specialty",
        "bio",
        "user",
        "members",
        "is_active",
        "languages",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_signed()

    def has_delete_permission(self, request, obj=None):
        # Signed records point at profiles; retire one with "active" instead.
        return False

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.changed_by = request.user
        return form

    def save_model(self, request, obj, form, change):
        # Kept on the form: the admin object is shared by every request.
        form.state_before = reviewer_state(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reviewer_log_change(
            reviewer=form.instance, changed_by=request.user, before=form.state_before
        )


@admin.register(ReviewerChange)
class ReviewerChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["reviewer", "changed_by", "changed_at", "changes"]
    list_filter = ["reviewer"]
    list_select_related = ["reviewer", "changed_by"]
    fields = ["reviewer", "changed_by", "changed_at", "changes"]
    readonly_fields = fields


@admin.register(ReviewRecord)
class ReviewRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "item",
        "outcome",
        "kind",
        "reviewed_on",
        "reviewer_names",
        "next_review_due",
        "recorded_by",
    ]
    list_filter = ["outcome", "kind", "version__content_type", "reviewers"]
    search_fields = ["version__title", "notes"]
    fields = [
        "item",
        "outcome",
        "kind",
        "reviewer_names",
        "reviewed_on",
        "next_review_due",
        "evidence_checked",
        "notes",
        "recorded_by",
        "created_at",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("version", "recorded_by")
            .defer("version__snapshot")
            .prefetch_related("reviewer_links")
        )

    @admin.display(description=_("item and version"))
    def item(self, obj):
        return obj.version

    @admin.display(description=_("reviewed by"))
    def reviewer_names(self, obj):
        return ", ".join(str(signature) for signature in obj.reviewer_links.all())


@admin.register(ReviewReminder)
class ReviewReminderAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["reviewer", "sent_on", "email"]
    list_filter = ["sent_on"]
    fields = ["reviewer", "sent_on", "email", "summary", "created_at"]
    readonly_fields = fields


@admin.register(ContentVersion)
class ContentVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "number",
        "status",
        "arrangement_only",
        "created_by",
        "created_at",
    ]
    list_filter = ["content_type", "status", "arrangement_only"]
    list_select_related = ["created_by"]
    search_fields = ["title"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("snapshot")

    def get_urls(self):
        return [
            path(
                "<int:pk>/review/",
                self.admin_site.admin_view(self.review_view),
                name="reviews_contentversion_review",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return redirect("admin:reviews_contentversion_review", object_id)

    def review_view(self, request, pk):
        """The diff since the approved version, and the reviewer's decision."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        version = get_object_or_404(ContentVersion, pk=pk)
        allowed = review_actions(version=version, user=request.user)
        compared = version_comparison(version, request.GET.get("compare", ""))
        signers = reviewers_of_user(request.user)
        form = ReviewForm(initial={"reviewers": list(signers)}, signers=signers)
        minor_form = MinorChangeForm()
        claims = findings_of(version.reviewed, version.content)
        if request.method == "POST":
            action = request.POST.get("action")
            if action not in allowed.actions:
                raise PermissionDenied
            if action == "withdraw":
                return self._withdraw(request, version)
            if action == "minor":
                minor_form = submitted = MinorChangeForm(request.POST)
            else:
                form = submitted = ReviewForm(request.POST, signers=signers)
                form.comments = self._comments(request, compared.blocks)
                form.no_source_reasons = {
                    claim.key: request.POST.get(f"no-source:{claim.key}", "")
                    for claim in claims
                }
            if self._decide(request, submitted, version, action):
                return redirect("admin:reviews_reviewdashboard_changelist")
        context = {
            **self.admin_site.each_context(request),
            **self._review_context(version, allowed, compared),
            "typed_comments": {
                anchor: text for anchor, __, text in getattr(form, "comments", ())
            },
            "next_review_default": default_next_review_due(
                version.kind, timezone.localdate()
            ),
            "form": form,
            "minor_form": minor_form,
            "claims": [
                (claim, getattr(form, "no_source_reasons", {}).get(claim.key, ""))
                for claim in claims
            ],
        }
        return TemplateResponse(request, "admin/reviews/version_review.html", context)

    def _review_context(self, version, allowed, compared) -> dict:
        approved, compared_with = compared.approved, compared.compared_with
        states = item_states(kind=version.kind, object_id=version.object_id)
        records = (
            ReviewRecord.objects.filter(
                version__content_type=version.content_type_id,
                version__object_id=version.object_id,
            )
            .select_related("version", "recorded_by")
            .defer("version__snapshot")
            .prefetch_related("reviewer_links")
        )
        return {
            "opts": self.model._meta,
            "title": _("Review %(version)s") % {"version": version},
            "version": version,
            "compared_with": compared_with,
            "approved": approved,
            "blocks": compared.blocks,
            "sent_back": compared.sent_back,
            "compare_sent_back": compared_with is not None
            and compared_with == compared.sent_back
            and compared_with != approved,
            "show_everything": compared_with is None or compared_with == version,
            "state": states[0] if states else None,
            "records": records,
            "editors": self._user_names(allowed.editors),
            "self_approval_blocked": allowed.self_approval_blocked,
            "pending_signatures": allowed.pending,
            "signed_already": allowed.signed_already,
            "actions": allowed.actions,
            "commenting": "request_changes" in allowed.actions,
            "reading_target": "–".join(map(str, settings.READING_AGE_TARGET)),
            **self._public_urls(version),
        }

    def _decide(self, request, form, version, action):
        if not form.is_valid():
            return False
        try:
            record = version_decide(
                version=version,
                user=request.user,
                action=action,
                data=form.cleaned_data,
                comments=getattr(form, "comments", ()),
                no_source_reasons=getattr(form, "no_source_reasons", {}),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return False
        done = {
            "approve": _("%(version)s is approved: patients see it now."),
            "request_changes": _(
                "Changes requested for %(version)s. The editor sees your notes."
            ),
            "confirm": _(
                "%(version)s is confirmed as still accurate; its review dates moved."
            ),
            "minor": _(
                "%(version)s is published as an arrangement change (order, "
                "address, links, topic): no new words, no medical review."
            ),
        }
        if record is None and action in {"approve", "confirm"}:
            kind = "confirmed" if action == "confirm" else "full"
            missing = signatures_missing(version, kind)
            messages.success(
                request,
                ngettext(
                    "Your signature on %(version)s is recorded. It needs "
                    "%(count)d more reviewer to sign, in their own session, "
                    "before it takes effect.",
                    "Your signature on %(version)s is recorded. It needs "
                    "%(count)d more reviewers to sign, each in their own session, "
                    "before it takes effect.",
                    missing,
                )
                % {"version": version, "count": missing},
            )
            return True
        messages.success(request, done[action] % {"version": version})
        return True

    def _withdraw(self, request, version):
        try:
            version_withdraw(version=version, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("admin:reviews_contentversion_review", version.pk)
        messages.success(
            request,
            _("%(version)s is withdrawn. Your changes stay in the working copy.")
            % {"version": version},
        )
        state = item_states(kind=version.kind, object_id=version.object_id)
        return redirect(state[0].admin_url if state else "admin:index")

    @staticmethod
    def _comments(request, blocks):
        """(anchor, label, text) of the comments typed beside parts of the diff.

        Only parts the diff shows can be commented on: an anchor from anywhere
        else is ignored.
        """
        parts = {}
        for block in blocks:
            if block.anchor:
                parts[block.anchor] = block.title
            for field in block.fields:
                if field.anchor:
                    parts[field.anchor] = f"{block.title} › {field.label}"
        return [
            (anchor, str(label), request.POST[f"comment:{anchor}"].strip())
            for anchor, label in parts.items()
            if request.POST.get(f"comment:{anchor}", "").strip()
        ]

    @staticmethod
    def _user_names(user_ids):
        users = get_user_model().objects.filter(pk__in=user_ids)
        return [user.get_display_name() for user in users]

    @staticmethod
    def _public_urls(version):
        reviewed = version.reviewed
        obj = reviewed.model._default_manager.filter(pk=version.object_id).first()
        if obj is None:
            return {}
        url = obj.get_absolute_url()
        if not reviewed.has_page:  # shown on a list of approved items only
            return {"patient_url": url}
        return {"preview_url": url, "patient_url": f"{url}?as=patient"}


# The dashboard's admin lives beside it; importing registers it.
from .admin_dashboard import ReviewDashboardAdmin  # noqa: E402, F401
from .admin_translations import TranslationAdmin  # noqa: E402, F401

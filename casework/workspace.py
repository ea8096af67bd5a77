"""The inquiry workspace: the case in the middle, the thread under it, and a panel
that stays in view.

One POST carries the panel and, when "Send" is pressed, the reply: assigning and
answering is one submit. Each successful POST redirects back (one navigation).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cancerfax.numbers import is_whole
from inquiries.models import Inquiry
from trust.selectors import contact_details

from .access import can_triage
from .assessments import assessment_request_create, clinicians
from .case_page import case_page
from .conf import setting
from .forms import AssessmentRequestForm, PanelForm, ReplyForm
from .panel import WorkspaceState, workspace_state, workspace_submit
from .patient_links import patient_links_revoke
from .thread import inquiry_thread


def workspace_view(model_admin, request, object_id):
    """The inquiry's page in the admin: read, and for coordinators, work on it."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    inquiry = _inquiry(object_id)
    source = request.GET if request.method == "GET" else request.POST
    state = workspace_state(
        inquiry=inquiry,
        user=request.user,
        answer=source.get("answer") or source.get("assessment"),
    )
    panel = PanelForm(inquiry=inquiry, user=request.user, coordinators=state.people)
    reply = ReplyForm(initial=state.reply_initial())
    preview = None
    if request.method == "POST":
        if not state.can_triage:
            raise PermissionDenied
        outcome = _post(request, inquiry, state)
        if not isinstance(outcome, tuple):
            return outcome
        panel, reply, preview = outcome
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        **_page(request, inquiry, state),
        **{"panel": panel, "reply": reply, "preview": preview},
    }
    # A refused submit answers 400 so nothing upstream mistakes it for success;
    # a preview or a filled-in template is an ordinary page.
    status = 400 if panel.errors or reply.errors else 200
    return case_page(
        request,
        "admin/casework/workspace.html",
        context,
        inquiry=inquiry,
        status=status,
    )


def _inquiry(object_id) -> Inquiry:
    if not is_whole(object_id):
        raise Http404
    return get_object_or_404(
        Inquiry.objects.select_related("cancer_type", "assignee", "source_guide"),
        pk=int(object_id),
    )


def _post(request, inquiry, state: WorkspaceState):
    """A redirect once saved; else the forms (and preview) to show again."""
    action = request.POST.get("action", "save")
    if action not in ("save", "send", "preview", "template"):
        action = "save"
    panel = PanelForm(
        request.POST, inquiry=inquiry, user=request.user, coordinators=state.people
    )
    reply = ReplyForm(request.POST)
    preview = None
    if action in ("save", "send") and panel.is_valid() and reply.is_valid():
        try:
            done = workspace_submit(
                inquiry=inquiry,
                actor=request.user,
                panel=panel.cleaned_data,
                reply=reply.cleaned_data if action == "send" else None,
                answering=state.answering,
            )
        except ValidationError as error:
            panel.add_error(None, error)
        else:
            messages.success(request, done)
            return redirect(_here(inquiry, request))
    elif action == "preview" and reply.is_valid():
        preview = _preview(inquiry, reply.cleaned_data["body"])
    elif action == "template" and reply.is_valid():
        reply = ReplyForm(initial=state.reply_initial(reply.cleaned_data["template"]))
    return panel, reply, preview


def _page(request, inquiry, state: WorkspaceState) -> dict:
    thread = inquiry_thread(inquiry)
    return {
        "title": inquiry.reference,
        "inquiry": inquiry,
        "original": inquiry,
        "files": list(enumerate(inquiry.files.all(), start=1)),
        "thread": thread.entries,
        "related": Inquiry.objects.related_to(inquiry).select_related("cancer_type")[
            :20
        ],
        "access_logs": inquiry.access_logs.all()[:10],
        "can_triage": state.can_triage,
        "can_erase": request.user.has_perm("inquiries.erase_inquiry")
        and inquiry.erased_at is None,
        "answering": state.answering,
        "assessment": thread.current_assessment,
        "templates": state.templates,
        "request_form": AssessmentRequestForm(clinicians=state.clinicians)
        if state.can_triage
        else None,
        "links_usable": thread.links_usable,
        "queue_filters": _queue_filters(request),
    }


def _queue_filters(request) -> str:
    """The queue's filters the coordinator came from, kept for "Back to queue"."""
    source = request.GET if request.method == "GET" else request.POST
    return str(source.get("_changelist_filters", ""))[:500]


def _here(inquiry, request) -> str:
    url = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
    filters = _queue_filters(request)
    return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url


def _preview(inquiry, body):
    return {
        "body": body,
        "email": render_to_string(
            "casework/email/patient_notice.txt",
            {
                "reference": inquiry.reference,
                "site_name": settings.SITE_NAME,
                "link": _("(a new secure link)"),
                "link_days": setting("CASEWORK_LINK_DAYS"),
                "contact": contact_details(),
            },
        ),
    }


def request_assessment_view(model_admin, request, inquiry_id):
    inquiry = _post_target(request, inquiry_id)
    form = AssessmentRequestForm(request.POST, clinicians=clinicians())
    if form.is_valid():
        try:
            assessment_request_create(
                inquiry=inquiry,
                clinician=form.people[form.cleaned_data["clinician"]],
                actor=request.user,
                question=form.cleaned_data["question"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Assessment requested."))
    else:
        messages.error(request, _("Choose a clinician from the list."))
    return redirect(_here(inquiry, request))


def revoke_links_view(model_admin, request, inquiry_id):
    inquiry = _post_target(request, inquiry_id)
    count = patient_links_revoke(inquiry=inquiry, actor=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d patient link revoked.", "%(count)d patient links revoked.", count
        )
        % {"count": count},
    )
    return redirect(_here(inquiry, request))


def _post_target(request, inquiry_id):
    if request.method != "POST" or not can_triage(request.user):
        raise PermissionDenied
    inquiry = get_object_or_404(Inquiry, pk=inquiry_id)
    if inquiry.erased_at is not None:
        raise PermissionDenied
    return inquiry

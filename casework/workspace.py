"""The inquiry workspace: the case in the middle, the thread under it, and a panel
that stays in view.

One POST carries the panel and, when "Send" is pressed, the reply: assigning and
answering is one submit. Each successful POST redirects back (one navigation).
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from cancerfax.numbers import is_whole
from inquiries.models import Inquiry
from inquiries.patient_emails import patient_email_render, site_context
from inquiries.workflow import Step
from trust.selectors import contact_details

from .case_page import case_page
from .conf import setting
from .forms import AssessmentRequestForm, PanelForm, ReplyForm
from .panel import (
    WorkspaceState,
    reply_step,
    status_set_by,
    unsent_leftovers,
    workspace_state,
    workspace_submit,
)
from .selectors import saved_view_counts_forget
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
    asking = AssessmentRequestForm(clinicians=state.clinicians)
    preview = None
    if request.method == "POST":
        if not state.can_triage:
            raise PermissionDenied
        outcome = _post(request, inquiry, state)
        if not isinstance(outcome, tuple):
            return outcome
        panel, reply, preview, asking = outcome
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        **_page(request, inquiry, state),
        **{"panel": panel, "reply": reply, "preview": preview},
        "request_form": asking if state.can_triage else None,
    }
    context["send_sets"] = context["reply_sets"].get(
        reply["template"].value() or "", ""
    )
    # A refused submit answers 400 so nothing upstream mistakes it for success;
    # a preview or a filled-in template is an ordinary page.
    status = 400 if panel.errors or reply.errors or asking.errors else 200
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


ACTIONS = ("save", "send", "ask", "revoke", "preview", "template")


def _post(request, inquiry, state: WorkspaceState):
    """A redirect once saved; else the forms (and preview) to show again.

    Every button of the page submits the one form, so whatever is typed
    anywhere on it arrives together: saved with the action, or refused."""
    action = request.POST.get("action", "save")
    if action not in ACTIONS:
        action = "save"
    panel = PanelForm(
        request.POST, inquiry=inquiry, user=request.user, coordinators=state.people
    )
    reply = ReplyForm(request.POST)
    asking = AssessmentRequestForm(request.POST, clinicians=state.clinicians)
    preview = None
    if action in ("save", "send", "ask", "revoke") and _valid(panel, reply, asking):
        leftovers = unsent_leftovers(
            action=action,
            reply=reply.cleaned_data,
            ask=asking.cleaned_data,
            templates=state.templates,
        )
        for problem in leftovers:
            panel.add_error(None, problem)
        ask = asking.request() if action == "ask" else None
        if not leftovers and (action != "ask" or ask is not None):
            try:
                done = workspace_submit(
                    inquiry=inquiry,
                    actor=request.user,
                    panel=panel.cleaned_data,
                    reply=reply.cleaned_data if action == "send" else None,
                    answering=state.answering,
                    ask=ask,
                    revoke=action == "revoke",
                )
            except ValidationError as error:
                panel.add_error(None, error)
            else:
                saved_view_counts_forget(request.user)
                messages.success(request, done)
                return redirect(_here(inquiry, request))
    elif action == "preview" and reply.is_valid():
        preview = _preview(inquiry, reply.cleaned_data["body"])
    elif action == "template" and reply.is_valid():
        reply = ReplyForm(initial=state.reply_initial(reply.cleaned_data["template"]))
    return panel, reply, preview, asking


def _valid(*forms) -> bool:
    # Every form is validated (not stopping at the first), so each shows its errors.
    results = [form.is_valid() for form in forms]
    return all(results)


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
        "reply_sets": {
            purpose: _sets(status_set_by(reply_step(purpose), inquiry.status))
            for purpose in ("", *state.templates)
        },
        "ask_sets": _sets(status_set_by(Step.CLINICIAN_REQUEST, inquiry.status)),
        "links_usable": thread.links_usable,
        "queue_filters": _queue_filters(request),
    }


def _sets(status: str) -> str:
    """What a submit button adds to its name: the status it will set."""
    return " " + _("(sets “%(status)s”)") % {"status": status} if status else ""


def _queue_filters(request) -> str:
    """The queue's filters the coordinator came from, kept for "Back to queue"."""
    source = request.GET if request.method == "GET" else request.POST
    return str(source.get("_changelist_filters", ""))[:500]


def _here(inquiry, request) -> str:
    url = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
    filters = _queue_filters(request)
    return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url


def _preview(inquiry, body):
    """The message and the e-mail exactly as the patient would get them, in
    their language where the e-mail has a translation."""
    __, email = patient_email_render(
        template="casework/email/patient_notice.txt",
        language=inquiry.preferred_language,
        subject="",
        context={
            **site_context(inquiry),
            "link": _("(a new secure link)"),
            "link_days": setting("CASEWORK_LINK_DAYS"),
            "contact": contact_details(),
        },
    )
    return {"body": body, "email": email}

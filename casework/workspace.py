"""The inquiry workspace: the case in the middle, the thread under it, and a panel
that stays in view.

One POST carries the panel and, when "Send" is pressed, the reply: assigning and
answering is one submit. Each successful POST redirects back (one navigation).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from cancerfax.numbers import is_whole
from inquiries.models import Inquiry
from trust.selectors import contact_details

from .access import can_triage
from .assessments import assessment_request_create, casework_people, clinicians
from .case_page import case_page
from .conf import setting
from .forms import AssessmentRequestForm, PanelForm, ReplyForm
from .messaging import message_send, template_fill, templates_for
from .models import Assessment, MessageTemplate
from .panel import workspace_save
from .patient_links import patient_links_revoke
from .thread import inquiry_thread

# Which template an assessment's conclusion suggests when answering from it.
TEMPLATE_FOR_CONCLUSION = {
    Assessment.Conclusion.WORTH_CONSIDERING: MessageTemplate.Purpose.WORTH_CONSIDERING,
    Assessment.Conclusion.NOT_SUITABLE: MessageTemplate.Purpose.NOT_SUITABLE,
    Assessment.Conclusion.MORE_INFORMATION: MessageTemplate.Purpose.RECORDS_REQUESTED,
    Assessment.Conclusion.OTHER_OPTION: "",
}


def _answering(inquiry, value) -> Assessment | None:
    if not is_whole(value):
        return None
    return inquiry.assessments.filter(pk=int(value)).first()


def workspace_view(model_admin, request, object_id):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if not is_whole(object_id):
        raise Http404
    inquiry = get_object_or_404(
        Inquiry.objects.select_related("cancer_type", "assignee", "source_guide"),
        pk=int(object_id),
    )
    triage = can_triage(request.user) and inquiry.erased_at is None
    people, clinicians_to_ask = casework_people() if triage else ([], [])
    source = request.GET if request.method == "GET" else request.POST
    answering = _answering(inquiry, source.get("answer") or source.get("assessment"))
    panel = PanelForm(inquiry=inquiry, user=request.user, coordinators=people)
    suggested = (
        TEMPLATE_FOR_CONCLUSION.get(answering.conclusion, "") if answering else ""
    )
    # Filled once: the reply's starting text and the page's template menu.
    templates = _templates(inquiry, request.user, answering) if triage else {}
    reply = ReplyForm(
        initial={
            "assessment": answering.pk if answering else None,
            "template": suggested,
            # Answering from an assessment starts from its template, filled in.
            "body": templates.get(suggested, "") if suggested else "",
        }
    )
    preview = None
    if request.method == "POST":
        if not triage:
            raise PermissionDenied
        action = request.POST.get("action", "save")
        if action not in ("save", "send", "preview", "template"):
            action = "save"
        panel = PanelForm(
            request.POST, inquiry=inquiry, user=request.user, coordinators=people
        )
        reply = ReplyForm(request.POST)
        if action in ("save", "send") and panel.is_valid() and reply.is_valid():
            done = _save_and_send(request, inquiry, panel, reply, answering, action)
            if done is not None:
                messages.success(request, done)
                return redirect(_here(inquiry, request))
        elif action == "preview" and reply.is_valid():
            preview = _preview(inquiry, reply.cleaned_data["body"])
        elif action == "template" and reply.is_valid():
            reply = ReplyForm(
                initial={
                    "template": reply.cleaned_data["template"],
                    "assessment": answering.pk if answering else None,
                    "body": templates.get(reply.cleaned_data["template"], ""),
                }
            )
    thread = inquiry_thread(inquiry)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": inquiry.reference,
        "inquiry": inquiry,
        "original": inquiry,
        "files": list(enumerate(inquiry.files.all(), start=1)),
        "thread": thread.entries,
        "related": Inquiry.objects.related_to(inquiry).select_related("cancer_type")[
            :20
        ],
        "access_logs": inquiry.access_logs.all()[:10],
        "can_triage": triage,
        "can_erase": request.user.has_perm("inquiries.erase_inquiry")
        and inquiry.erased_at is None,
        "panel": panel,
        "reply": reply,
        "preview": preview,
        "answering": answering,
        "assessment": thread.current_assessment,
        "templates": templates,
        "request_form": AssessmentRequestForm(clinicians=clinicians_to_ask)
        if triage
        else None,
        "links_usable": thread.links_usable,
        "queue_filters": _queue_filters(request),
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


def _queue_filters(request) -> str:
    """The queue's filters the coordinator came from, kept for "Back to queue"."""
    source = request.GET if request.method == "GET" else request.POST
    return str(source.get("_changelist_filters", ""))[:500]


def _here(inquiry, request) -> str:
    url = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])
    filters = _queue_filters(request)
    return f"{url}?{urlencode({'_changelist_filters': filters})}" if filters else url


def _templates(inquiry, user, assessment) -> dict[str, str]:
    return {
        template.purpose: template_fill(
            body=template.body, inquiry=inquiry, coordinator=user, assessment=assessment
        )
        for template in templates_for(inquiry)
    }


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


def _save_and_send(request, inquiry, panel, reply, answering, action):
    data = panel.cleaned_data
    try:
        with transaction.atomic():
            done = workspace_save(
                inquiry=inquiry,
                actor=request.user,
                to_status=data["to_status"],
                outcome=data["outcome"],
                assignee=data["assignee_user"],
                priority=data["priority"],
                note=data["note"],
            )
            if action == "send":
                message_send(
                    inquiry=inquiry,
                    author=request.user,
                    body=reply.cleaned_data["body"],
                    template_purpose=reply.cleaned_data["template"],
                    assessment=answering,
                )
                done.append(_("message sent to the patient"))
    except ValidationError as error:
        panel.add_error(None, error)
        return None
    if not done:
        return _("Nothing to save.")
    return (_("Saved: %(changes)s.") % {"changes": ", ".join(done)}).capitalize()


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
        request, _("%(count)d patient link(s) revoked.") % {"count": count}
    )
    return redirect(_here(inquiry, request))


def _post_target(request, inquiry_id):
    if request.method != "POST" or not can_triage(request.user):
        raise PermissionDenied
    inquiry = get_object_or_404(Inquiry, pk=inquiry_id)
    if inquiry.erased_at is not None:
        raise PermissionDenied
    return inquiry

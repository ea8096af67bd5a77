"""The patient's page behind the secure link: messages, and one composer for a
reply with more records.

No account: the signed link is the key. A wrong, expired or revoked link gets
the same plain page, which names no inquiry. Pages are never cached, never
indexed, and send no Referer to other sites (the token is in the URL).
"""

from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from cancerfax.languages import page_language
from inquiries.consent import countries_text, transfer_consent
from inquiries.files import LimitedUploadHandler
from inquiries.limits import client_ip_hash
from inquiries.services import InquiryClosed
from inquiries.transfer import transfer_consent_give
from inquiries.workflow import Status
from trust.selectors import contact_details

from .conf import setting
from .forms import PatientMessageForm
from .patient_actions import (
    LimitReached,
    patient_link_viewed,
    patient_send,
    views_exceeded,
)
from .patient_links import Problem, patient_link_resolve
from .patient_page import patient_files, patient_state
from .selectors import patient_messages


def _private(response):
    # Not "no-referrer": Chromium then sends "Origin: null" with the forms and
    # the CSRF check refuses them. Same-origin keeps the token off other sites.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store, private"
    return response


@csrf_exempt
@never_cache
def portal(request, token):
    """Upload handlers must be set before the body is read, and the CSRF check
    reads it: the inner view checks CSRF (as on the inquiry form)."""
    resolved = patient_link_resolve(token)
    if resolved.link is None:
        status = 404 if resolved.problem == Problem.INVALID else 410
        return _private(
            render(
                request,
                "casework/link_problem.html",
                {"link_days": setting("CASEWORK_LINK_DAYS")},
                status=status,
            )
        )
    handler = LimitedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    too_big = False
    if request.method == "POST":
        try:
            request.POST  # noqa: B018 - parse now, with the handler in place
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
            too_big = True
    # One address for every language (it is sent by e-mail): the page speaks
    # the language the patient chose on the form, where the site has it.
    language = page_language(resolved.link.inquiry.preferred_language)
    with translation.override(language):
        response = _private(_portal(request, resolved.link, handler, too_big))
    response["Content-Language"] = language
    return response


@csrf_protect
def _portal(request, link, handler, too_big):
    form = PatientMessageForm()
    page_error = None
    status = 200
    if views_exceeded(link):
        return _paused(request)
    if request.method == "POST" and request.POST.get("action") == "transfer_consent":
        return _give_transfer_consent(request, link, form)
    if request.method == "POST":
        form = PatientMessageForm(request.POST, request.FILES, skipped=handler.skipped)
        if too_big:
            page_error = _(
                "What you sent was too large or had too many files. Please send "
                "fewer or smaller files."
            )
            status = 413
        elif form.is_valid():
            try:
                patient_send(
                    link=link,
                    body=form.cleaned_data["body"],
                    checked_uploads=form.accepted,
                    ip_hash=client_ip_hash(request),
                )
            except LimitReached as refused:
                page_error, status = " ".join(refused.messages), 429
            except InquiryClosed as refused:
                page_error, status = " ".join(refused.messages), 409
            except ValidationError as error:
                page_error = " ".join(error.messages)
            else:
                return redirect(request.path + "?sent=" + _sent(form))
        if status == 200:
            status = 400
    return _render(request, link, form, page_error, status)


def _give_transfer_consent(request, link, form):
    """The second consent, given after the inquiry: only a tick counts."""
    if request.POST.get("transfer_consent") != "on":
        error = _("Tick the box to give this consent, or leave this page as it is.")
        return _render(request, link, form, None, 400, consent_error=error)
    try:
        transfer_consent_give(inquiry=link.inquiry, language=translation.get_language())
    except InquiryClosed as refused:
        return _render(request, link, form, " ".join(refused.messages), 409)
    return redirect(request.path + "?sent=consent")


def _sent(form) -> str:
    if not form.accepted:
        return "reply"
    return "both" if form.cleaned_data["body"].strip() else "files"


def _paused(request):
    """Too many views in the hour: someone may be trying the link over and over,
    so the answer shows nothing of the inquiry, only how to reach us."""
    response = render(
        request,
        "casework/portal_paused.html",
        {"contact": contact_details(), "contact_email": settings.CONTACT_EMAIL},
        status=429,
    )
    response["Retry-After"] = "3600"
    return response


def _render(request, link, form, page_error, status, consent_error=None):
    """The page with the messages. Every answer that shows them, also a refused
    post, is a view and goes into the access log."""
    patient_link_viewed(link=link)
    inquiry = link.inquiry
    files = list(patient_files(inquiry))
    thread = list(patient_messages(inquiry))
    context = {
        "reference": inquiry.reference,
        "thread": thread,
        "files": files,
        "state": patient_state(inquiry),
        "received_at": inquiry.received_at,
        "messages_from_patient": sum(
            1 for message in thread if message.direction == "from_patient"
        ),
        "transfer_given_at": (
            inquiry.transfer_consent_given_at if inquiry.has_transfer_consent else None
        ),
        "transfer_countries": countries_text(inquiry.transfer_countries),
        "transfer_consent": transfer_consent(),
        "consent_error": consent_error,
        "form": form,
        "file_limit": filesizeformat(settings.INQUIRY_MAX_FILE_SIZE),
        # The inquiry form's script lists chosen files and warns before sending.
        "limits": {
            "files": settings.INQUIRY_MAX_FILES,
            "file_size": settings.INQUIRY_MAX_FILE_SIZE,
            "total_size": settings.INQUIRY_MAX_TOTAL_SIZE,
            "received_size": sum(file.size for file in files),
        },
        # The header's "Ask about your case" would start a second inquiry.
        "hide_new_inquiry": True,
        "page_error": page_error,
        "sent": request.GET.get("sent") if request.method == "GET" else None,
        "expires_at": link.expires_at,
        "closed": inquiry.status == Status.CLOSED,
        "contact_email": settings.CONTACT_EMAIL,
    }
    response = render(request, "casework/portal.html", context, status=status)
    if status == 429:
        response["Retry-After"] = "3600"
    return response

"""The public intake: the form, its staged files, and the thank-you page."""

import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from guides.models import CancerIndication, Guide
from guides.pages import with_topics
from reviews.selectors import Visible, visible, visible_get
from trust.selectors import contact_details, privacy_notice, privacy_notice_version

from .consent import CURRENT_CONSENT_VERSION
from .files import LimitedUploadHandler
from .forms import InquiryForm
from .limits import (
    INQUIRIES,
    STAGED_FILES,
    client_ip_hash,
    limit_claim,
    limit_reached,
)
from .models import HeldSubmission, Inquiry
from .quarantine import held_submission_create
from .selectors import staged_files_for
from .services import inquiry_submit, staged_file_discard, staged_files_add

FORM_SALT = "inquiries.form"
SESSION_REFERENCE = "inquiries.reference"
SESSION_STARTED = "inquiries.started"


def new_form_token() -> tuple[str, str]:
    """A random staging key and the signed token that carries it in the form."""
    key = secrets.token_urlsafe(24)
    return key, signing.dumps(key, salt=FORM_SALT)


def read_form_token(token: str) -> str | None:
    max_age = settings.INQUIRY_FORM_MAX_AGE_HOURS * 3600
    try:
        return signing.loads(token, salt=FORM_SALT, max_age=max_age)
    except signing.BadSignature:  # also covers an expired token
        return None


def session_hash(request) -> str:
    """Ties staged files to this browser; creates the session on first use."""
    if not request.session.session_key:
        request.session[SESSION_STARTED] = True
        request.session.save()
    return salted_hmac("inquiries.session", request.session.session_key).hexdigest()


def published_guide(slug: str | None) -> Visible | None:
    """The guide an inquiry comes from, as patients see it (approved words)."""
    if not slug:
        return None
    guide = visible_get(Guide.objects.all(), slug=str(slug)[:200])
    if guide is not None:
        with_topics([guide])
    return guide


def initial_for(guide: Visible | None) -> dict:
    initial = {}
    if guide is not None:
        indications = visible(
            CancerIndication.objects.filter(guides=guide.obj), limit=2
        )
        if len(indications) == 1:
            initial["cancer_type"] = str(indications[0].pk)
    return initial


@csrf_exempt
@never_cache
def inquiry_create(request):
    """The intake form at /inquire/, reached from every guide's call to action.

    Upload handlers can only be changed before the body is read, and the CSRF
    check reads it: so this outer view installs the size-limiting handler and
    the inner view checks CSRF (the pattern Django's documentation gives).
    """
    handler = LimitedUploadHandler(request)
    request.upload_handlers.insert(0, handler)
    if request.method == "POST":
        try:
            request.POST  # noqa: B018 - parse now, with the handler in place
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
            guide = published_guide(request.GET.get("guide"))
            return render_form(
                request,
                InquiryForm(initial=initial_for(guide)),
                guide=guide,
                token=new_form_token()[1],
                page_error=_(
                    "What you sent was too large or had too many files, so it "
                    "could not be read. Please send at most %(files)d files."
                )
                % {"files": settings.INQUIRY_MAX_FILES},
                status=413,
            )
    return _inquiry_create(request, handler)


@csrf_protect
def _inquiry_create(request, handler):
    source = request.POST if request.method == "POST" else request.GET
    guide = published_guide(source.get("guide"))
    if request.method != "POST":
        form = InquiryForm(initial=initial_for(guide))
        return render_form(request, form, guide=guide, token=new_form_token()[1])

    token = request.POST.get("form_token", "")
    staging_key = read_form_token(token)
    page_error = None
    if staging_key is None:
        staging_key, token = new_form_token()
        page_error = _(
            "This page was open for a long time, so we could not keep files "
            "attached earlier. Please check your answers and attach them again."
        )
    existing = Inquiry.objects.filter(submission_key=staging_key).first()
    if existing is not None:  # a double click or a resubmitted page
        request.session[SESSION_REFERENCE] = existing.reference
        return redirect("inquiries:thanks")
    if HeldSubmission.objects.filter(staging_key=staging_key).exists():
        return redirect("inquiries:thanks")

    ip_hash = client_ip_hash(request)
    owner = session_hash(request)
    staged = list(staged_files_for(staging_key=staging_key, session_hash=owner))
    if limit_reached(scope=INQUIRIES, key=ip_hash, limit=settings.INQUIRY_RATE_LIMIT):
        form = InquiryForm(request.POST, staged_files=staged)
        return render_rate_limited(request, form, guide, token, staged)

    form = InquiryForm(
        request.POST,
        request.FILES,
        staged_files=staged,
        skipped_uploads=handler.skipped,
        request_too_large=handler.request_too_large,
    )
    valid = form.is_valid()
    for removed in form.removed_files:
        staged_file_discard(staged_file=removed)
    kept = form.kept_files
    if valid and page_error is None:
        try:
            # The unit of the limit is taken in the transaction that stores the
            # inquiry: parallel posts queue on the counter row, a failure gives
            # the unit back.
            with transaction.atomic():
                if not limit_claim(
                    scope=INQUIRIES,
                    key=ip_hash,
                    amount=1,
                    limit=settings.INQUIRY_RATE_LIMIT,
                ):
                    raise RateLimited
                stored = store_submission(
                    form,
                    staging_key=staging_key,
                    guide=guide,
                    kept=kept,
                    ip_hash=ip_hash,
                    privacy_notice=shown_privacy_notice(request),
                )
        except RateLimited:
            return render_rate_limited(request, form, guide, token, kept)
        except ValidationError as error:
            page_error = " ".join(error.messages)
        else:
            # A held submission gets the same thanks page, without a reference.
            if form.is_spam:
                request.session.pop(SESSION_REFERENCE, None)
            else:
                request.session[SESSION_REFERENCE] = stored.reference
            return redirect("inquiries:thanks")

    if form.accepted_uploads:
        with transaction.atomic():
            allowed = limit_claim(
                scope=STAGED_FILES,
                key=ip_hash,
                amount=len(form.accepted_uploads),
                limit=settings.INQUIRY_RATE_LIMIT_FILES,
            )
            if allowed:
                kept += staged_files_add(
                    checked_uploads=form.accepted_uploads,
                    staging_key=staging_key,
                    session_hash=owner,
                    ip_hash=ip_hash,
                )
        if not allowed:
            page_error = _(
                "Your connection has sent many files in the last hour, so these "
                "were not kept. Please try again later."
            )
    return render_form(
        request, form, guide=guide, token=token, staged=kept, page_error=page_error
    )


class RateLimited(Exception):
    pass


def store_submission(form, *, staging_key, guide, kept, ip_hash, privacy_notice):
    """An inquiry, or a held submission when the spam trap was filled in."""
    common = {
        "data": form.submission_data(),
        "consent_version": CURRENT_CONSENT_VERSION,
        "marketing_consent": form.cleaned_data["marketing_consent"],
        # The live guide: the inquiry points at it, not at its words.
        "source_guide": guide.obj if guide else None,
        "checked_uploads": form.accepted_uploads,
        "staged_files": kept,
        "ip_hash": ip_hash,
    }
    if form.is_spam:
        return held_submission_create(
            staging_key=staging_key, trap_value=form.data.get("website", ""), **common
        )
    return inquiry_submit(
        submission_key=staging_key, privacy_notice=privacy_notice, **common
    )


def render_rate_limited(request, form, guide, token, staged):
    return render_form(
        request,
        form,
        guide=guide,
        token=token,
        staged=staged,
        page_error=_(
            "We have already received %(count)d inquiries from your connection "
            "in the last hour. To protect patients' data we accept no more for "
            "now: please try again in an hour. Nothing you typed is lost while "
            "this page stays open."
        )
        % {"count": settings.INQUIRY_RATE_LIMIT},
        status=429,
    )


def shown_privacy_notice(request):
    """The notice version the form showed; the current one if it names none."""
    shown = privacy_notice_version(request.POST.get("privacy_notice"))
    if shown is None:
        current = privacy_notice()
        shown = current[1] if current else None
    return shown


def render_form(
    request,
    form,
    *,
    guide,
    token,
    staged=(),
    page_error=None,
    status=200,
):
    context = {
        "form": form,
        "guide": guide,
        "form_token": token,
        "staged_files": staged,
        "staged_size": sum(staged_file.size for staged_file in staged),
        "page_error": page_error,
        "error_summary": form.error_summary() if form.is_bound else [],
        "privacy_notice": privacy_notice(),
        "first_response_hours": settings.INQUIRY_FIRST_RESPONSE_HOURS,
        "max_files": settings.INQUIRY_MAX_FILES,
        "max_file_size": settings.INQUIRY_MAX_FILE_SIZE,
        "max_total_size": settings.INQUIRY_MAX_TOTAL_SIZE,
    }
    response = render(request, "inquiries/inquiry_form.html", context, status=status)
    if status == 429:
        response["Retry-After"] = str(settings.INQUIRY_RATE_LIMIT_WINDOW_MINUTES * 60)
    return response


@never_cache
def inquiry_thanks(request):
    """What happens next, with the reference and no health data."""
    return render(
        request,
        "inquiries/inquiry_thanks.html",
        {
            "reference": request.session.get(SESSION_REFERENCE),
            "first_response_hours": settings.INQUIRY_FIRST_RESPONSE_HOURS,
            "contact": contact_details(),
        },
    )

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
from django.shortcuts import redirect, render
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from guides.models import CancerIndication, Guide
from guides.pages import with_topics
from reviews.selectors import Visible, visible, visible_get
from trust.selectors import contact_details, privacy_notice, privacy_notice_version

from .files import LimitedUploadHandler
from .forms import InquiryForm
from .intake import RateLimited, staged_files_keep, submission_store, submission_stored
from .limits import INQUIRIES, client_ip_hash, limit_reached
from .models import Inquiry
from .selectors import staged_files_for
from .staged_files import staged_file_discard

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
            return _blank_form(
                request,
                published_guide(request.GET.get("guide")),
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
    if request.method != "POST":
        return _blank_form(request, published_guide(request.GET.get("guide")))
    guide = published_guide(request.POST.get("guide"))
    token, staging_key, page_error = _staging(request.POST.get("form_token", ""))
    stored = submission_stored(staging_key=staging_key)
    if stored is not None:
        return _thanks(request, stored)
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
    kept = _settle_staged(form)
    if valid and page_error is None:
        try:
            stored = _store(request, form, staging_key, guide, kept, ip_hash)
        except RateLimited:
            return render_rate_limited(request, form, guide, token, kept)
        except ValidationError as error:
            page_error = " ".join(error.messages)
        else:
            return _thanks(request, stored)
    if form.accepted_uploads:
        page_error = (
            _keep_uploads(form, kept, staging_key, owner, ip_hash) or page_error
        )
    return render_form(
        request, form, guide=guide, token=token, staged=kept, page_error=page_error
    )


def _blank_form(request, guide, **extra):
    form = InquiryForm(initial=initial_for(guide))
    return render_form(request, form, guide=guide, token=new_form_token()[1], **extra)


def _settle_staged(form) -> list:
    """Drop the staged files the sender removed; the others stay attached."""
    for removed in form.removed_files:
        staged_file_discard(staged_file=removed)
    return form.kept_files


def _keep_uploads(form, kept, staging_key, owner, ip_hash) -> str | None:
    """Stage the form's accepted files (added to ``kept``); why not, if refused."""
    try:
        kept += staged_files_keep(
            checked_uploads=form.accepted_uploads,
            staging_key=staging_key,
            session_hash=owner,
            ip_hash=ip_hash,
        )
    except RateLimited as refused:
        return " ".join(refused.messages)
    return None


def _staging(token: str) -> tuple[str, str, str | None]:
    """The form's token and staging key, new ones (and why) if it expired."""
    staging_key = read_form_token(token)
    if staging_key is not None:
        return token, staging_key, None
    staging_key, token = new_form_token()
    return (
        token,
        staging_key,
        _(
            "This page was open for a long time, so we could not keep files "
            "attached earlier. Please check your answers and attach them again."
        ),
    )


def _store(request, form, staging_key, guide, kept, ip_hash):
    return submission_store(
        staging_key=staging_key,
        data=form.submission_data(),
        marketing_consent=form.cleaned_data["marketing_consent"],
        transfer_consent=form.cleaned_data["transfer_consent"],
        trap_value=form.data.get("website", "") if form.is_spam else "",
        # The live guide: the inquiry points at it, not at its words.
        source_guide=guide.obj if guide else None,
        checked_uploads=form.accepted_uploads,
        staged_files=kept,
        ip_hash=ip_hash,
        privacy_notice=shown_privacy_notice(request),
        # The page's language (its address): the consent texts the person read.
        language=get_language(),
    )


def _thanks(request, stored):
    """The thanks page; a held submission gets it too, without a reference."""
    if isinstance(stored, Inquiry):
        request.session[SESSION_REFERENCE] = stored.reference
    else:
        request.session.pop(SESSION_REFERENCE, None)
    return redirect("inquiries:thanks")


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

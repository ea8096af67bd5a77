"""Setting up one-time codes needs more than the password, and backup codes.

A staff account without a device gets its authenticator's secret only through a
link e-mailed to the account's own address (``enrolment_link_send``), opened
while signed in as that account (``enrolment_link_redeem``): the password and the
mailbox together. The link is signed, works once, expires after
``STAFF_OTP_ENROLMENT_HOURS`` and dies when a newer one is sent. A superuser who
resets a lost device (``two_factor_reset``) sends a new link the same way.

Backup codes are django-otp static tokens: issued when a device is confirmed,
each accepted once at the code prompt, replaced all at once on request.
"""

import hashlib
import secrets
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import StaffEnrolmentLink

SALT = "cancerfax.staff-otp-enrolment"
BACKUP_DEVICE_NAME = "Backup codes"


def _hash(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def has_confirmed_device(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def enrolment_link_wait(user) -> int:
    """Seconds before ``user`` may ask for another link (0: now)."""
    last = (
        StaffEnrolmentLink.objects.filter(user=user, sent_by=None)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if last is None:
        return 0
    pause = settings.STAFF_OTP_ENROLMENT_RESEND_SECONDS
    waited = (timezone.now() - last).total_seconds()
    return max(0, int(pause - waited + 0.999))


@transaction.atomic
def enrolment_link_send(*, user, request, sent_by=None) -> StaffEnrolmentLink:
    """E-mail ``user`` a one-time link to set up codes; older links stop working.

    Sent straight away, as Django's password reset is: the link is worth
    nothing without the account's password, and a lost mail is asked for again.
    Asked for by the account itself (``sent_by`` None), at most once per
    ``STAFF_OTP_ENROLMENT_RESEND_SECONDS``: whoever holds only the password
    cannot fill the owner's inbox. A superuser's reset is not limited.
    """
    # The account's row is locked: two requests at once cannot both pass the
    # pause.
    get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
    if sent_by is None and (wait := enrolment_link_wait(user)):
        _refuse(
            _("A set-up link was sent a moment ago. Ask again in %(s)s seconds.")
            % {"s": wait},
            "too_soon",
        )
    StaffEnrolmentLink.objects.filter(user=user, used_at=None).update(
        used_at=timezone.now()
    )
    nonce = secrets.token_urlsafe(32)
    link = StaffEnrolmentLink.objects.create(
        user=user, nonce_hash=_hash(nonce), sent_by=sent_by
    )
    token = signing.dumps({"u": user.pk, "n": nonce}, salt=SALT)
    url = request.build_absolute_uri(reverse("staff_otp_enrol", args=[token]))
    context = {
        "url": url,
        "hours": settings.STAFF_OTP_ENROLMENT_HOURS,
        "site_name": settings.SITE_NAME,
        "invited": sent_by is not None,
    }
    try:
        send_mail(
            subject=str(_("Set up sign-in codes for %(site)s"))
            % {"site": settings.SITE_NAME},
            message=render_to_string("registration/otp_enrol_email.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )
    except (OSError, SMTPException) as error:
        # The link and any reset roll back with this: nothing half done, and
        # no pause counted for a mail that never left.
        raise ValidationError(
            _("The e-mail could not be sent just now. Try again in a few minutes."),
            code="mail_failed",
        ) from error
    return link


def _refuse(message, code):
    raise ValidationError(message, code=code)


@transaction.atomic
def enrolment_link_redeem(*, token: str, user) -> TOTPDevice:
    """Spend the link ``token`` for ``user``: a new, unconfirmed TOTP device.

    Refused when the signature is wrong or older than the allowed hours, the
    link is another account's, was used or replaced, or a device exists.
    """
    max_age = settings.STAFF_OTP_ENROLMENT_HOURS * 3600
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        _refuse(_("This set-up link has expired. Ask for a new one."), "expired")
    except signing.BadSignature:
        _refuse(_("This set-up link is not valid."), "invalid")
    if not isinstance(payload, dict) or payload.get("u") != user.pk:
        _refuse(
            _("This set-up link belongs to another account. Sign in as its owner."),
            "other_user",
        )
    if has_confirmed_device(user):
        _refuse(_("This account has its codes set up already."), "has_device")
    spent = StaffEnrolmentLink.objects.filter(
        user=user, nonce_hash=_hash(str(payload.get("n"))), used_at=None
    ).update(used_at=timezone.now())
    if spent != 1:
        _refuse(
            _("This set-up link has been used or replaced. Ask for a new one."),
            "used",
        )
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )


@transaction.atomic
def backup_codes_issue(*, user) -> list[str]:
    """New backup codes for ``user``, replacing any left: shown once, stored
    only in django-otp's table."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.STAFF_OTP_BACKUP_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def two_factor_reset(*, user, request, by) -> None:
    """A lost phone: remove every device and backup code of ``user`` and e-mail
    a new set-up link. For superusers (the admin checks)."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    enrolment_link_send(user=user, request=request, sent_by=by)

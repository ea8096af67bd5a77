"""The patient's secure link: signed, expiring, revocable, tied to one inquiry.

The URL carries a signed ``{link id, secret}``; the database keeps only the
secret's SHA-256. Opening a link needs both the site's signing key and a row
that is neither expired nor revoked, so a leaked database or a guessed number
opens nothing, and revoking works at once.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from .conf import setting
from .models import PatientLink

SALT = "casework.patient-link"


class Problem:
    INVALID = "invalid"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass
class Resolved:
    link: PatientLink | None
    problem: str = ""


def _fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def patient_link_issue(*, inquiry, actor) -> tuple[PatientLink, str]:
    """A new link for the inquiry's patient; returns the row and the URL token."""
    secret = secrets.token_urlsafe(24)
    link = PatientLink(
        inquiry=inquiry,
        key_hash=_fingerprint(secret),
        expires_at=timezone.now() + timedelta(days=setting("CASEWORK_LINK_DAYS")),
        created_by=actor,
    )
    link.full_clean()
    link.save()
    token = signing.dumps({"l": link.pk, "k": secret}, salt=SALT)
    return link, token


def patient_link_url(token: str) -> str:
    path = reverse("casework:portal", kwargs={"token": token})
    return settings.SITE_URL.rstrip("/") + path


def acknowledgement_link(*, inquiry) -> dict:
    """The secure link the acknowledgement e-mail gives the patient at once.

    Issued by nobody (the site itself), in the submission's transaction. The
    token travels only in the e-mail's body, like a message notice's.
    """
    __, token = patient_link_issue(inquiry=inquiry, actor=None)
    return {"link": patient_link_url(token), "link_days": setting("CASEWORK_LINK_DAYS")}


def patient_link_resolve(token: str) -> Resolved:
    """The link a token opens, or why it opens nothing."""
    max_age = timedelta(days=setting("CASEWORK_LINK_DAYS"))
    try:
        data = signing.loads(str(token)[:500], salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        return Resolved(None, Problem.EXPIRED)
    except signing.BadSignature:
        return Resolved(None, Problem.INVALID)
    if not isinstance(data, dict) or not isinstance(data.get("l"), int):
        return Resolved(None, Problem.INVALID)
    link = (
        PatientLink.objects.select_related("inquiry", "inquiry__assignee")
        .filter(pk=data["l"])
        .first()
    )
    if link is None or not constant_time_compare(
        link.key_hash, _fingerprint(str(data.get("k", "")))
    ):
        return Resolved(None, Problem.INVALID)
    if link.revoked_at is not None or link.inquiry.erased_at is not None:
        return Resolved(None, Problem.REVOKED)
    if link.expires_at <= timezone.now():
        return Resolved(None, Problem.EXPIRED)
    return Resolved(link)


@transaction.atomic
def patient_links_revoke(*, inquiry, actor) -> int:
    """Stop every link of the inquiry at once; the next message sends a new one."""
    return PatientLink.objects.filter(inquiry=inquiry, revoked_at=None).update(
        revoked_at=timezone.now(), revoked_by=actor
    )


def patient_links_usable(inquiry):
    now = timezone.now()
    return inquiry.patient_links.filter(revoked_at=None, expires_at__gt=now)

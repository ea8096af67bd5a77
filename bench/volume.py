"""Generated volume for benchmarks: guides, FAQ entries and inquiries with timelines.

Bench-only (uses the test factories). Run after ``migrate`` and ``load_demo``:

    DJANGO_SETTINGS_MODULE=... python -m bench.volume --inquiries 100000

Inquiries are written with ``bulk_create`` straight to the tables (the intake
service would take hours for 100,000): realistic spreads of status, priority,
country, cancer type, assignee and dates, each with a timeline of 3-6 events and
its two e-mails.
"""

import argparse
import os
import random
from datetime import timedelta

import django

BATCH = 5000


def bench_term():
    """The glossary term every generated guide mentions (the demo's first)."""
    from glossary.models import GlossaryTerm

    return GlossaryTerm.objects.order_by("pk").first()


def generate_content(*, guides: int, faqs: int) -> None:
    from faq.models import FaqEntry
    from guides.models import Guide, Section
    from tests.factories import (
        FaqEntryFactory,
        GuideFactory,
        SectionFactory,
        TopicFactory,
        approve,
    )

    topics = [
        TopicFactory(name=f"Bench therapy {n}", slug=f"bench-therapy-{n}")
        for n in range(10)
    ]
    term = bench_term()
    # Each guide shows a glossary term, as real guides do: changing the term
    # changes every page (``bench.rerender``).
    body = f"<p>What {term.term} means for you.</p>" if term else "<p>Body text.</p>"
    existing = Guide.objects.filter(slug__startswith="bench-guide-").count()
    created = []
    for number in range(existing, guides):
        guide = GuideFactory(
            title=f"Bench guide {number}",
            slug=f"bench-guide-{number}",
            topic=topics[number % len(topics)],
        )
        for order in range(4):
            SectionFactory(
                guide=guide, order=order, kind=Section.Kind.RICH_TEXT, body=body
            )
        created.append(guide)
    existing = FaqEntry.objects.filter(slug__startswith="bench-question-").count()
    for number in range(existing, faqs):
        created.append(
            FaqEntryFactory(
                question=f"Bench question {number}?",
                slug=f"bench-question-{number}",
                topic=topics[number % len(topics)],
            )
        )
    # Patients see only approved content: approve it as a reviewer would.
    approve(*created)


def generate_inquiries(*, count: int, seed: int = 8) -> int:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from cancerfax import roles
    from guides.models import CancerIndication, Guide
    from inquiries.models import Inquiry, InquiryEvent, OutboxEmail, new_reference
    from inquiries.workflow import Outcome, Priority, Status

    rng = random.Random(seed)  # noqa: S311 - reproducible fake data
    have = Inquiry.objects.count()
    if have >= count:
        return 0
    users = get_user_model()
    group = Group.objects.get(name=roles.COORDINATOR)
    coordinators = []
    for number in range(4):
        user, created = users.objects.get_or_create(
            email=f"bench-coordinator-{number}@example.org", defaults={"is_staff": True}
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(group)
        coordinators.append(user)
    indications = list(CancerIndication.objects.all()) or [None]
    guides = list(Guide.objects.all()) or [None]
    countries = ["GB", "US", "IN", "NG", "PK", "BD", "AE", "SA", "RU", "CN", "FR"]
    statuses = [s for s in Status if s != Status.CLOSED]
    now = timezone.now()
    # Random references collide now and then at this volume (a birthday
    # problem); the intake service retries, so do we.
    used = set(Inquiry.objects.values_list("reference", flat=True))

    def unique_reference():
        reference = new_reference()
        while reference in used:
            reference = new_reference()
        used.add(reference)
        return reference

    made = 0
    while have + made < count:
        size = min(BATCH, count - have - made)
        inquiries = []
        for _ in range(size):
            received = now - timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
            closed = rng.random() < 0.6
            status = Status.CLOSED if closed else rng.choice(statuses)
            answered = status != Status.NEW
            guide = rng.choice(guides)
            number = rng.randint(0, 10**9)
            inquiries.append(
                Inquiry(
                    reference=unique_reference(),
                    submission_key=f"bench-{number}-{rng.random()}",
                    received_at=received,
                    last_activity_at=received,
                    needs_reply=not answered and not closed,
                    writer_role="patient",
                    patient_name=f"Bench Patient {number}",
                    email=f"patient{number}@example.com",
                    phone=f"+44{rng.randint(7000000000, 7999999999)}",
                    country=rng.choice(countries),
                    cancer_type=rng.choice(indications),
                    diagnosis_year=2024,
                    current_condition="Generated for the benchmark.",
                    consent_version="2025-01",
                    consent_given_at=received,
                    source_guide=guide,
                    source_guide_title=guide.title if guide else "",
                    status=status,
                    outcome=rng.choice(Outcome.values) if closed else "",
                    priority=rng.choice(Priority.values),
                    assignee=rng.choice([None, *coordinators]),
                    first_response_due=received + timedelta(hours=24),
                    first_responded_at=received + timedelta(hours=rng.randint(1, 48))
                    if answered
                    else None,
                    closed_at=received + timedelta(days=rng.randint(1, 60))
                    if closed
                    else None,
                )
            )
        Inquiry.objects.bulk_create(inquiries, batch_size=1000)
        events, emails = [], []
        for inquiry in inquiries:
            at = inquiry.received_at
            events.append(
                InquiryEvent(
                    inquiry=inquiry,
                    kind="submitted",
                    summary="Submitted with 1 file(s)",
                    created_at=at,
                )
            )
            for kind in ("acknowledgement", "coordinator_alert"):
                events.append(
                    InquiryEvent(
                        inquiry=inquiry,
                        kind="email",
                        summary="E-mail queued",
                        created_at=at,
                    )
                )
                emails.append(
                    OutboxEmail(
                        inquiry=inquiry,
                        kind=kind,
                        recipients=[inquiry.email],
                        subject=f"Inquiry {inquiry.reference}",
                        body="Generated.",
                        created_at=at,
                        sent_at=at,
                        attempts=1,
                    )
                )
            for step in range(rng.randint(0, 3)):
                events.append(
                    InquiryEvent(
                        inquiry=inquiry,
                        kind="note",
                        summary="Internal note",
                        note="Called the family.",
                        created_at=at + timedelta(hours=step + 1),
                    )
                )
        InquiryEvent.objects.bulk_create(events, batch_size=2000)
        OutboxEmail.objects.bulk_create(emails, batch_size=2000)
        made += size
    return made


def coordinator_session_key() -> str:
    """A logged-in session for the first bench coordinator (for load tools)."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY

    user = get_user_model().objects.get(email="bench-coordinator-0@example.org")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # Production asks staff for a one-time code: the session holds a verified
    # device, as after a real sign-in (and each request loads it, as there).
    session[DEVICE_ID_SESSION_KEY] = _otp_device(user).persistent_id
    session.create()
    return session.session_key


def _otp_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    return device


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--guides", type=int, default=100)
    parser.add_argument("--faqs", type=int, default=1000)
    parser.add_argument(
        "--session", action="store_true", help="Print a coordinator's session key."
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cancerfax.settings.base")
    django.setup()
    if args.session:
        print(coordinator_session_key())
        return
    generate_content(guides=args.guides, faqs=args.faqs)
    made = generate_inquiries(count=args.inquiries)
    print(f"volume: {args.guides} guides, {args.faqs} FAQs, +{made} inquiries")


if __name__ == "__main__":
    main()

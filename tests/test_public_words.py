"""No staff-written words reach a public page without a medical review.

Every model a staff role may add or change (``cancerfax.roles``) is either
reviewed content (``reviews.registry``), part of a reviewed item's snapshot, or on
an allowlist of models whose words never reach a public page. The allowlist is
checked, not trusted: a unique marker is written into every text field of such
rows, and of the live rows of reviewed content, every public page kind is
rendered, and no marker may be on any of them.
"""

import contextlib
import itertools
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models, transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from cancerfax.append_only import AppendOnlyModel
from cancerfax.roles import ROLE_PERMISSIONS
from reviews.registry import reviewed_type_for
from search.models import Synonym
from tests.public_routes import public_routes

# Rows whose words patients see only through their guide's approved snapshot.
PARTS_OF_REVIEWED = {
    "guides.Section": "guides.Guide",
    "guides.SectionItem": "guides.Guide",
    "guides.Citation": "guides.Guide",
}

# Proven by ``test_no_allowlisted_words_reach_a_public_page``.
NOT_ON_PUBLIC_PAGES = {
    "search.Synonym": "widens a search among approved pages; never printed",
    "reviews.ReviewRecord": "notes and evidence stay in the admin; pages show "
    "the signatures copied from reviewer profiles and the dates",
    "inquiries.Inquiry": "a patient's own inquiry: staff pages only",
    "inquiries.OutboxEmail": "e-mails to one patient or to staff, never a page",
    "casework.TreatmentCentre": "the coordinators' directory: staff pages only",
    "casework.MessageTemplate": "a coordinator's starting text for a message to "
    "one patient, sent under their name behind that patient's secret link",
    "casework.Message": "a coordinator's message to one patient, shown only "
    "behind that patient's secret link (not a public page)",
    "casework.PatientLink": "holds a key hash, no words",
    "casework.AssessmentRequest": "a question to one clinician: staff pages only",
    "casework.Assessment": "a clinician's signed assessment: staff pages only",
}

# Shown live on public pages without a version review, by decision: who a
# reviewer is, edited only by a review lead (never their own profile), every
# change logged (``ReviewerChange``); signatures copy it when they sign.
IDENTITY_NOT_REVIEWED = {"reviews.Reviewer"}
REVIEWER_PAGES = "/about/reviewers/"


def role_writable_models() -> set[str]:
    """Labels of every model some staff role may add or change."""
    labels = set()
    for permissions in ROLE_PERMISSIONS.values():
        for permission in permissions:
            app_label, codename = permission.split(".")
            action, _, model_name = codename.partition("_")
            if action in {"add", "change"}:
                labels.add(apps.get_model(app_label, model_name)._meta.label)
    return labels


def is_reviewed(label: str) -> bool:
    try:
        reviewed_type_for(apps.get_model(label))
    except LookupError:
        return False
    return True


def unaccounted(labels) -> list[str]:
    """Writable models whose words could reach patients unreviewed."""
    return sorted(
        label
        for label in labels
        if not is_reviewed(label)
        and label not in PARTS_OF_REVIEWED
        and label not in NOT_ON_PUBLIC_PAGES
        and label not in IDENTITY_NOT_REVIEWED
    )


def test_every_model_a_role_may_write_is_reviewed_or_kept_off_public_pages():
    assert unaccounted(role_writable_models()) == []


def test_a_new_writable_model_neither_reviewed_nor_allowlisted_is_named():
    """The walk above fails for a model nobody has classified."""
    assert unaccounted({*role_writable_models(), "accounts.User"}) == ["accounts.User"]


def test_parts_belong_to_a_reviewed_model_and_the_lists_are_not_stale():
    writable = role_writable_models()
    assert all(is_reviewed(whole) for whole in PARTS_OF_REVIEWED.values())
    stale = {*PARTS_OF_REVIEWED, *NOT_ON_PUBLIC_PAGES, *IDENTITY_NOT_REVIEWED}
    assert stale - writable == set()
    assert not any(is_reviewed(label) for label in NOT_ON_PUBLIC_PAGES)


# The marker check


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, demo_dump):
    """The demo content, once for the module, rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", demo_dump, verbosity=0)
        yield
        transaction.set_rollback(True)


def text_fields(model):
    """Free-text fields: addresses (slugs) and choices are arrangement."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField)
        and not field.choices
        and (field.max_length or 100) >= 7
    ]


def write_markers(labels) -> dict[str, str]:
    """A unique marker in every text field of every row: ``{marker: where}``.

    Rows are changed with ``update()``: the words change, nothing is submitted
    or approved. Append-only rows cannot change: a new one is made with markers.
    """
    counter = itertools.count(1)
    markers = {}

    def mark(label, model, pk=None):
        values = {}
        for field in text_fields(model):
            marker = f"zqx{next(counter):04d}q"
            markers[marker] = f"{label}.{field.name} #{pk or 'new'}"
            values[field.attname] = marker
        return values

    for label in sorted(labels):
        model = apps.get_model(label)
        if issubclass(model, AppendOnlyModel):
            ROW_MAKERS[label](mark(label, model))
            continue
        if not model._default_manager.exists():
            ROW_MAKERS[label]({})
        for pk in model._default_manager.values_list("pk", flat=True):
            model._default_manager.filter(pk=pk).update(**mark(label, model, pk))
    return markers


def _inquiry(values):
    from inquiries.consent import CURRENT_CONSENT_VERSION
    from inquiries.services import inquiry_submit

    data = {
        "writer_role": "patient",
        "patient_name": "Pat Example",
        "email": "patient@example.com",
        "phone": "+442079460958",
        "country": "GB",
        "preferred_language": "en",
        "contact_method": "email",
        "cancer_type": None,
        "cancer_type_other": "liver",
        "diagnosis_year": 2024,
        "diagnosis_month": 3,
        "stage": "3",
        "treatments": ["surgery"],
        "treatments_other": "",
        "current_condition": "Stable.",
        "questions": "Is CIK an option?",
    }
    return inquiry_submit(
        submission_key="public-words",
        data=data,
        consent_version=CURRENT_CONSENT_VERSION,
        checked_uploads=(),
    )


def _staff():
    from accounts.models import User

    return User.objects.get_or_create(email="words@example.org")[0]


def _inquiry_row():
    from inquiries.models import Inquiry

    return Inquiry.objects.first() or _inquiry({})


def _assessment(values):
    from casework.models import Assessment

    return Assessment.objects.create(
        inquiry=_inquiry_row(),
        clinician=_staff(),
        stage_confirmed="3",
        ecog=1,
        conclusion=Assessment.Conclusion.choices[0][0],
        **values,
    )


def _review_record(values):
    from reviews.models import ContentVersion, ReviewRecord

    for version in ContentVersion.objects.approved():
        ReviewRecord.objects.create(
            version=version,
            outcome=ReviewRecord.Outcome.APPROVED,
            kind=ReviewRecord.Kind.CONFIRMED,
            next_review_due=version.records.latest("pk").next_review_due,
            **values,
        )


def _make(model_label, **fields):
    def make(values):
        model = apps.get_model(model_label)
        return model.objects.create(**{**fields, **values})

    return make


ROW_MAKERS = {
    "inquiries.Inquiry": _inquiry,
    "inquiries.OutboxEmail": lambda values: _inquiry_row(),
    "casework.TreatmentCentre": _make(
        "casework.TreatmentCentre", name="Centre", city="Lyon", country="FR"
    ),
    "casework.MessageTemplate": _make(
        "casework.MessageTemplate", purpose="acknowledgement", language="en"
    ),
    "casework.Message": lambda values: _make(
        "casework.Message", inquiry=_inquiry_row(), direction="outgoing"
    )(values),
    "casework.PatientLink": lambda values: _make(
        "casework.PatientLink",
        inquiry=_inquiry_row(),
        key_hash="0" * 64,
        expires_at=timezone.now() + timedelta(days=1),
    )(values),
    "casework.AssessmentRequest": lambda values: _make(
        "casework.AssessmentRequest",
        inquiry=_inquiry_row(),
        clinician=_staff(),
        requested_by=_staff(),
    )(values),
    "casework.Assessment": _assessment,
    "reviews.ReviewRecord": _review_record,
}


# Public routes no marker check renders, and why.
NOT_RENDERED = {
    "my-inquiry/<str:token>/": "one patient's private page behind a secret link",
    "editor/upload/": "refuses every request (uploads are off)",
    "admin/two-factor/": "staff sign-in: no content",
    "admin/two-factor/setup/": "staff sign-in: no content",
    "admin/password-reset/": "staff sign-in: no content",
    "admin/password-reset/sent/": "staff sign-in: no content",
    "admin/password-reset/<uidb64>/<token>/": "staff sign-in: no content",
    "admin/password-reset/done/": "staff sign-in: no content",
}


def public_addresses():
    """One address of every public page kind, and every item's page."""
    from faq.models import FaqEntry
    from glossary.models import GlossaryTerm
    from guides.models import CancerIndication, Guide
    from trust.models import TrustPage
    from trust.selectors import public_reviewers

    addresses = [
        "/",
        "/guides/",
        "/cancers/",
        "/faq/",
        "/glossary/",
        "/about/reviewers/",
        "/inquire/",
        "/inquire/thanks/",
        "/search/",
        "/sitemap.xml",
        "/robots.txt",
        "/no-such-page/",  # the 404 page shows the contact details
    ]
    for model in (Guide, CancerIndication, TrustPage, FaqEntry, GlossaryTerm):
        for obj in model.objects.all():
            if hasattr(obj, "get_absolute_url"):
                addresses.append(obj.get_absolute_url())
    addresses += [
        f"/about/reviewers/{pk}/"
        for pk in public_reviewers().values_list("pk", flat=True)
    ]
    addresses += [
        f"/inquire/?guide={slug}"
        for slug in Guide.objects.values_list("slug", flat=True)
    ]
    return addresses


def routes_of(addresses) -> set[str]:
    routes = set()
    for address in addresses:
        with contextlib.suppress(Resolver404):
            routes.add(resolve(urlsplit(address).path).route)
    return routes


@pytest.fixture
def synonym_to_a_claim(db):
    return Synonym.objects.create(
        phrase="cik therapy", alternatives="CIK therapy is a proven cure, cik"
    )


@pytest.mark.django_db
def test_a_synonym_is_never_printed_on_the_results_page(
    demo_content, client, synonym_to_a_claim
):
    """Synonyms are not reviewed: results may widen, their words never show."""
    html = client.get("/search/", {"q": "cik therapy"}).content.decode()
    assert "What is CIK therapy?" in html  # results were found
    assert "proven cure" not in html


@pytest.mark.django_db
def test_no_allowlisted_words_reach_a_public_page(demo_content, client, live_render):
    """Nor the live (unapproved) words of reviewed content; reviewer profiles
    show only on the reviewer pages."""
    from search.engine import search

    search("cik")  # index the approved words before they are overwritten
    Synonym.objects.create(phrase="cik therapy", alternatives="cell therapy")
    addresses = public_addresses()
    assert routes_of(addresses) | set(NOT_RENDERED) == set(public_routes())
    reviewed = {label for label in role_writable_models() if is_reviewed(label)}
    markers = write_markers(
        {*NOT_ON_PUBLIC_PAGES, *reviewed, *PARTS_OF_REVIEWED, *IDENTITY_NOT_REVIEWED}
    )
    # Each synonym widens a search that finds approved pages.
    for synonym in Synonym.objects.all():
        Synonym.objects.filter(pk=synonym.pk).update(
            alternatives=f"{synonym.alternatives}, cik"
        )
    searches = [("/search/", s.phrase) for s in Synonym.objects.all()]
    leaks = {}
    for address, query in [*((a, "") for a in addresses), *searches]:
        response = client.get(address, {"q": query} if query else {}, follow=True)
        assert response.status_code == (404 if "no-such" in address else 200)
        # The results page repeats what the patient typed: their words, not ours.
        html = response.content.decode().replace(query or "\x00", "")
        for marker, where in markers.items():
            label = where.rsplit(".", 1)[0]
            if label in IDENTITY_NOT_REVIEWED and address.startswith(REVIEWER_PAGES):
                continue
            if marker in html:
                leaks.setdefault(where, []).append(address)
    assert leaks == {}
    assert {where.rsplit(".", 1)[0] for where in markers.values()} >= {
        *NOT_ON_PUBLIC_PAGES,
        *IDENTITY_NOT_REVIEWED,
    }

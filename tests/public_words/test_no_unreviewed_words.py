"""No staff-written words reach a public page without a medical review.

Every model a staff role may add or change (``cancerfax.roles``) is either
reviewed content (``reviews.registry``), part of a reviewed item's snapshot, or on
an allowlist of models whose words never reach a public page. The allowlist is
checked, not trusted: a unique marker is written into every text field of such
rows, and of the live rows of reviewed content, every public page kind is
rendered, and no marker may be on any of them.
"""

import contextlib
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve

from search.models import Synonym
from tests.public_routes import public_routes

from .policy import (
    NOT_ON_PUBLIC_PAGES,
    PARTS_OF_REVIEWED,
    is_reviewed,
    role_writable_models,
)
from .rows import write_markers

# Public routes no marker check renders, and why.
NOT_RENDERED = {
    "my-inquiry/<str:token>/": "one patient's private page behind a secret link",
    "editor/upload/": "refuses every request (uploads are off)",
    "jsi18n/": "the interface catalogue of the inquiry scripts, no content",
    "images/preview/<int:pk>/": "a picture file, for staff only: no words",
    "images/picker/": "the editor's picture search, for staff only (approved words)",
    "images/<path:name>": "picture files (renditions of approved images)",
    "admin/two-factor/": "staff sign-in: no content",
    "admin/two-factor/setup/": "staff sign-in: no content",
    "admin/two-factor/enrol/<str:token>/": "staff sign-in: no content",
    "admin/two-factor/backup-codes/": "staff sign-in: no content",
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
        for pk in [reviewer.pk for reviewer in public_reviewers()]
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
    module_demo, client, synonym_to_a_claim
):
    """Synonyms are not reviewed: results may widen, their words never show."""
    html = client.get("/search/", {"q": "cik therapy"}).content.decode()
    assert "What is CIK therapy?" in html  # results were found
    assert "proven cure" not in html


@pytest.mark.django_db
def test_no_allowlisted_words_reach_a_public_page(module_demo, client, live_render):
    """Nor the live (unapproved) words of reviewed content, reviewer profiles
    included."""
    from search.engine import search

    search("cik")  # index the approved words before they are overwritten
    Synonym.objects.create(phrase="cik therapy", alternatives="cell therapy")
    addresses = public_addresses()
    assert routes_of(addresses) | set(NOT_RENDERED) == set(public_routes())
    reviewed = {label for label in role_writable_models() if is_reviewed(label)}
    markers = write_markers({*NOT_ON_PUBLIC_PAGES, *reviewed, *PARTS_OF_REVIEWED})
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
            if marker in html:
                leaks.setdefault(where, []).append(address)
    assert leaks == {}
    assert {where.rsplit(".", 1)[0] for where in markers.values()} >= {
        *NOT_ON_PUBLIC_PAGES,
        "reviews.Reviewer",
    }

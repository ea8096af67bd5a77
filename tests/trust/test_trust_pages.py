"""About and policy pages: reviewed words, footer links, contact details."""

import re

import pytest

from inquiries.views import SESSION_REFERENCE
from reviews.models import Reviewer, ReviewRecordReviewer
from tests.content_factories import ContactPageFactory, TrustPageFactory
from tests.factories import ReviewerFactory, SectionFactory, approve
from trust.models import TrustPage

pytestmark = pytest.mark.django_db


def test_a_page_shows_only_its_approved_words(client):
    page = TrustPageFactory(body="<p>Approved words.</p>")
    assert client.get(page.get_absolute_url()).status_code == 404
    approve(page)
    page.body = "<p>Unreviewed words.</p>"
    page.save()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "Approved words." in html
    assert "Unreviewed words." not in html


def test_the_footer_links_every_visible_page_and_no_other(client):
    about = TrustPageFactory(kind=TrustPage.Kind.ABOUT, title="Who we are")
    TrustPageFactory(kind=TrustPage.Kind.FUNDING, title="How we are funded")
    approve(about)  # the funding page waits for review
    html = client.get("/faq/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'<a href="{about.get_absolute_url()}">Who we are</a>' in footer
    assert "How we are funded" not in footer
    assert 'href="/about/reviewers/"' in footer


def test_the_contact_page_needs_a_phone_number_and_an_e_mail_address():
    page = TrustPage(kind=TrustPage.Kind.CONTACT, title="Contact", slug="c", body="x")
    with pytest.raises(Exception, match="phone number and an e-mail"):
        page.full_clean()


def test_the_contact_page_lists_its_details_with_links(client):
    page = ContactPageFactory()
    approve(page)
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<a href="tel:+442079460123" dir="ltr">+44 20 7946 0123</a>' in html
    assert '<a href="mailto:help@example.org">help@example.org</a>' in html
    assert "Monday to Friday, 9:00 to 17:00" in html


def test_the_thank_you_page_gives_the_approved_phone_and_e_mail(client):
    approve(ContactPageFactory())
    html = client.get("/inquire/thanks/").content.decode()
    assert "+44 20 7946 0123" in html
    assert "mailto:help@example.org" in html
    assert "WhatsApp on the same number" in html


def show_thanks_with_a_reference(client):
    session = client.session
    session[SESSION_REFERENCE] = "CF-TEST-0001"
    session.save()
    return client.get("/inquire/thanks/").content.decode()


def test_without_an_approved_contact_page_the_thank_you_page_promises_no_phone(
    client,
):
    """The reference sentence asks the patient to write, not to call."""
    ContactPageFactory()  # not approved
    html = show_thanks_with_a_reference(client)
    assert "CF-TEST-0001" in html
    assert "Please quote it when you write to us." in html
    assert "7946 0123" not in html
    # The footer shows the approved contact page's number, and there is none:
    # no words of the page may invite a call.
    assert not re.search(r"\bcall\b", html, re.IGNORECASE)


def test_with_an_approved_phone_the_thank_you_page_invites_a_call(client):
    """With a number to call, the reference sentence mentions calling."""
    approve(ContactPageFactory())
    html = show_thanks_with_a_reference(client)
    assert "Please quote it when you call or write to us." in html


def test_the_review_line_links_each_signature_to_its_reviewer_page(client):
    editorial = TrustPageFactory(kind=TrustPage.Kind.EDITORIAL, slug="editorial")
    reviewer = ReviewerFactory(name="Dr Ada Lovelace")
    guide = SectionFactory().guide
    approve(editorial, guide, reviewers=[reviewer])
    # A profile never approved has no page to link to: the name stands alone.
    html = client.get(guide.get_absolute_url()).content.decode()
    assert '<span class="reviewer">Dr Ada Lovelace (' in html
    assert f'href="/about/reviewers/{reviewer.pk}/"' not in html
    approve(reviewer, reviewers=[ReviewerFactory()])
    # The profile is renamed later: the line keeps the signature, the link
    # follows the signature's reviewer id.
    reviewer.name = "Dr Ada King"
    reviewer.save()
    html = client.get(guide.get_absolute_url()).content.decode()
    signature = ReviewRecordReviewer.objects.filter(reviewer=reviewer).first()
    assert signature.name == "Dr Ada Lovelace"
    assert f'<a href="/about/reviewers/{reviewer.pk}/">Dr Ada Lovelace</a>' in html
    assert f'href="{editorial.get_absolute_url()}">How we write and review' in html


def test_a_reviewer_page_shows_bio_credentials_and_specialty(client):
    reviewer = ReviewerFactory(
        name="Dr Ada Lovelace",
        credentials="MBBS, FRCP",
        specialty="Medical oncology",
        bio="Trained in London.\n\nTwenty years in practice.",
    )
    approve(reviewer, reviewers=[ReviewerFactory()])
    html = client.get(f"/about/reviewers/{reviewer.pk}/").content.decode()
    assert "<h1>Dr Ada Lovelace</h1>" in html
    assert "MBBS, FRCP" in html and "Medical oncology" in html
    assert "<p>Trained in London.</p>" in html


def test_a_retired_reviewer_who_never_signed_has_no_page(client):
    retired = ReviewerFactory(is_active=False)
    assert client.get(f"/about/reviewers/{retired.pk}/").status_code == 404


def test_a_retired_reviewer_keeps_a_page_for_what_they_signed(client):
    retired = ReviewerFactory(name="Dr Grace Hopper")
    approve(retired, SectionFactory().guide, reviewers=[retired])
    retired.is_active = False
    retired.save()
    response = client.get(f"/about/reviewers/{retired.pk}/")
    assert response.status_code == 200
    assert "no longer reviews new content" in response.content.decode()


def test_a_profile_reaches_patients_only_as_a_colleague_approved_it(client):
    """Name, credentials and biography are words patients weigh: reviewed first."""
    colleague = ReviewerFactory(name="Dr Grace Hopper")
    reviewer = ReviewerFactory(
        name="Dr Ada Lovelace", credentials="MBBS", bio="Trained in London."
    )
    page = f"/about/reviewers/{reviewer.pk}/"
    assert client.get(page).status_code == 404
    assert "Dr Ada Lovelace" not in client.get("/about/reviewers/").content.decode()

    approve(reviewer, reviewers=[colleague])
    reviewer.credentials = "MBBS, Nobel laureate"
    reviewer.bio = "CIK therapy is a proven cure."
    reviewer.save()
    html = client.get(page).content.decode()
    listed = client.get("/about/reviewers/").content.decode()
    assert "Trained in London." in html and "MBBS" in listed
    for unreviewed in ("Nobel laureate", "proven cure"):
        assert unreviewed not in html and unreviewed not in listed
    # The profile's own review line: who approved it, and when.
    assert "Reviewed by" in html and "Dr Grace Hopper" in html

    # A signature copies the profile as approved, not the edit waiting.
    approve(SectionFactory().guide, reviewers=[reviewer])
    signature = ReviewRecordReviewer.objects.filter(reviewer=reviewer).latest("pk")
    assert signature.credentials == "MBBS"


def test_a_panel_lists_only_members_whose_profile_is_approved(client):
    member = ReviewerFactory(name="Dr Ada Lovelace")
    newcomer = ReviewerFactory(name="Dr Unreviewed Newcomer")
    panel = ReviewerFactory(kind=Reviewer.Kind.PANEL, name="Tumour board")
    panel.members.set([member, newcomer])
    approve(panel, member, reviewers=[ReviewerFactory()])
    html = client.get(f"/about/reviewers/{panel.pk}/").content.decode()
    assert f'<a href="/about/reviewers/{member.pk}/">Dr Ada Lovelace</a>' in html
    assert "Newcomer" not in html
    member_page = client.get(f"/about/reviewers/{member.pk}/").content.decode()
    assert f'<a href="/about/reviewers/{panel.pk}/">Tumour board</a>' in member_page

"""Editors save a working copy, preview it, submit it once and may withdraw it."""

import re

import pytest

from guides.models import Section, SectionItem
from reviews.admin_content import FINGERPRINT
from reviews.models import ContentVersion, ReviewComment, WorkingCopyEdit
from tests.admin_forms import field_of, form_data, guide_form
from tests.factories import (
    CancerIndicationFactory,
    SectionFactory,
    SectionItemFactory,
    approve,
)

from .conftest import latest_version, review_form

pytestmark = pytest.mark.django_db
Status = ContentVersion.Status


@pytest.fixture
def cards():
    section = SectionFactory(kind=Section.Kind.CARD_GRID, heading="The steps")
    SectionItemFactory(section=section, title="Blood draw", text="We take blood.")
    SectionItemFactory(section=section, title="Growing", text="Cells grow.")
    approve(section.guide)
    return section


def post_guide(client, section, changes=None, submit=False):
    """``changes``: {(obj, field): value} on the guide's page."""
    data = guide_form(client, section.guide)
    for (obj, name), value in (changes or {}).items():
        data[field_of(data, obj, name)] = value
    if submit:
        data["_submit_review"] = "1"
    return client.post(f"/admin/guides/guide/{section.guide_id}/change/", data)


def test_saving_keeps_a_working_copy_that_patients_do_not_see(
    client, medical_editor, cards
):
    card = cards.items.first()
    client.force_login(medical_editor)
    response = post_guide(client, cards, {(card, "text"): "New words."})
    assert response.status_code == 302
    assert latest_version(cards.guide).status == Status.APPROVED
    assert WorkingCopyEdit.objects.of(cards.guide).unsubmitted().get().edited_by == (
        medical_editor
    )
    client.logout()
    assert "New words." not in client.get(cards.guide.get_absolute_url()).text


def test_submit_makes_one_version_with_the_note(client, medical_editor, cards):
    card = cards.items.first()
    client.force_login(medical_editor)
    post_guide(client, cards, {(card, "text"): "First try."})
    post_guide(client, cards, {(card, "text"): "Second try."})
    response = client.post(
        f"/admin/guides/guide/{cards.guide_id}/change/",
        {**guide_form(client, cards.guide), "_submit_review": "1", "review_note": "Hi"},
    )
    assert response["Location"] == f"/admin/guides/guide/{cards.guide_id}/change/"
    versions = ContentVersion.objects.of(cards.guide)
    assert versions.count() == 2
    waiting = versions.get(status=Status.PENDING)
    assert waiting.note == "Hi"
    assert waiting.content.sections[0].items[0].text == "Second try."


def test_withdrawing_leaves_the_edits_unsubmitted(client, medical_editor, cards):
    card = cards.items.first()
    client.force_login(medical_editor)
    post_guide(client, cards, submit=True, changes={(card, "text"): "Changed."})
    waiting = latest_version(cards.guide)
    page = client.get(f"/admin/guides/guide/{cards.guide_id}/change/").text
    assert 'form="withdraw-form"' in page
    response = client.post(waiting.get_absolute_url(), {"action": "withdraw"})
    assert response["Location"] == f"/admin/guides/guide/{cards.guide_id}/change/"
    waiting.refresh_from_db()
    assert waiting.status == Status.WITHDRAWN
    assert WorkingCopyEdit.objects.of(cards.guide).unsubmitted().exists()
    # Submitting again makes a new version with the same words.
    post_guide(client, cards, submit=True)
    assert latest_version(cards.guide).number == waiting.number + 1


def test_no_withdrawing_once_a_reviewer_has_decided(
    client, medical_editor, medical_reviewer, reviewer_profile, cards
):
    card = cards.items.first()
    client.force_login(medical_editor)
    post_guide(client, cards, submit=True, changes={(card, "text"): "Changed."})
    waiting = latest_version(cards.guide)
    client.force_login(medical_reviewer)
    client.post(
        waiting.get_absolute_url(),
        review_form([reviewer_profile], "request_changes", notes="Not yet."),
    )
    client.force_login(medical_editor)
    response = client.post(waiting.get_absolute_url(), {"action": "withdraw"})
    assert response.status_code == 403
    waiting.refresh_from_db()
    assert waiting.status == Status.CHANGES_REQUESTED


def test_reviewers_cannot_withdraw(client, medical_editor, medical_reviewer, cards):
    client.force_login(medical_editor)
    post_guide(client, cards, submit=True, changes={(cards, "heading"): "New"})
    client.force_login(medical_reviewer)
    response = client.post(
        latest_version(cards.guide).get_absolute_url(), {"action": "withdraw"}
    )
    assert response.status_code == 403


def test_preview_shows_unsaved_changes_and_keeps_nothing(client, medical_editor, cards):
    card = cards.items.first()
    client.force_login(medical_editor)
    data = guide_form(client, cards.guide)
    data[field_of(data, card, "text")] = "Only in the preview."
    data["_preview"] = "1"
    response = client.post(f"/admin/guides/guide/{cards.guide_id}/change/", data)
    assert response.status_code == 200
    assert "Only in the preview." in response.text
    assert "Preview of unsaved changes." in response.text
    assert "save or submit the guide from the editor" in response.text
    card.refresh_from_db()
    assert card.text == "We take blood."
    assert not WorkingCopyEdit.objects.exists()
    page = client.get(f"/admin/guides/guide/{cards.guide_id}/change/").text
    assert "changed successfully" not in page


def test_reviewer_comments_on_one_item_and_the_editor_sees_it_there(
    client, medical_editor, medical_reviewer, reviewer_profile, cards
):
    card, other = cards.items.all()
    client.force_login(medical_editor)
    post_guide(client, cards, submit=True, changes={(card, "text"): "We take a lot."})
    waiting = latest_version(cards.guide)
    client.force_login(medical_reviewer)
    diff = client.get(waiting.get_absolute_url()).text
    assert diff.count(f'name="comment:sectionitem-{card.pk}"') == 1
    client.post(
        waiting.get_absolute_url(),
        review_form(
            [reviewer_profile],
            "request_changes",
            notes="See the comment.",
            **{
                f"comment:sectionitem-{card.pk}": "How much blood?",
                "comment:sectionitem-999999": "Not a part of this diff.",
            },
        ),
    )
    comment = ReviewComment.objects.get()
    assert (comment.anchor, comment.text) == (
        f"sectionitem-{card.pk}",
        "How much blood?",
    )
    client.force_login(medical_editor)
    page = client.get(f"/admin/guides/guide/{cards.guide_id}/change/").text
    id_input = re.search(rf'name="[^"]*items-\d+-id" value="{card.pk}"', page)
    item_block = page[: id_input.start()].rsplit("guide-item__header", 1)[1]
    assert "How much blood?" in item_block
    assert "Reviewer's comment on this item" in item_block
    # The list of comments at the top links to the part (the page opens its
    # section: guide_editor.js).
    assert f'<a href="#sectionitem-{card.pk}">' in page
    assert f'id="sectionitem-{card.pk}"' in page


def test_diff_lists_items_one_by_one_and_says_where_they_moved(
    client, medical_editor, medical_reviewer, cards
):
    card, other = cards.items.all()
    client.force_login(medical_editor)
    post_guide(
        client,
        cards,
        submit=True,
        changes={
            (card, "order"): "1",
            (other, "order"): "0",
            (other, "text"): "Cells grow fast.",
        },
    )
    client.force_login(medical_reviewer)
    diff = client.get(latest_version(cards.guide).get_absolute_url()).text
    # A swap is one move: Growing went up past Blood draw, which kept its order.
    assert diff.count("moved from position") == 1
    assert "moved from position 2 to 1" in diff  # Growing, changed as well
    assert diff.count('<th scope="row">Item 1: Growing') == 1
    assert "Cells <del>grow.</del><ins>grow fast.</ins>" in diff
    assert SectionItem.objects.get(pk=other.pk).order == 0


def test_saving_a_page_someone_else_saved_meanwhile_is_refused(
    client, medical_editor, cards
):
    """The page holds every section: saving it stale would undo their words."""
    card = cards.items.first()
    client.force_login(medical_editor)
    data = guide_form(client, cards.guide)
    SectionItem.objects.filter(pk=card.pk).update(text="Their edit.")
    data[field_of(data, cards, "heading")] = "My heading"
    response = client.post(f"/admin/guides/guide/{cards.guide_id}/change/", data)
    assert response.status_code == 200
    assert "Someone else saved this page after you opened it" in response.text
    card.refresh_from_db()
    cards.refresh_from_db()
    assert (card.text, cards.heading) == ("Their edit.", "The steps")


def test_a_save_without_the_pages_fingerprint_is_refused(client, medical_editor, cards):
    """A hand-made post cannot show it was made from the current page."""
    client.force_login(medical_editor)
    data = guide_form(client, cards.guide)
    del data[FINGERPRINT]
    data[field_of(data, cards, "heading")] = "My heading"
    response = client.post(f"/admin/guides/guide/{cards.guide_id}/change/", data)
    assert response.status_code == 200
    assert "Someone else saved this page after you opened it" in response.text
    cards.refresh_from_db()
    assert cards.heading == "The steps"


def test_a_cancer_type_preview_shows_unsaved_words_and_keeps_nothing(
    client, medical_editor
):
    indication = CancerIndicationFactory(name="Liver cancer")
    approve(indication)
    client.force_login(medical_editor)
    url = f"/admin/guides/cancerindication/{indication.pk}/change/"
    data = form_data(client.get(url).text, "cancerindication_form")
    data["summary"] = "<p>Only in the preview.</p>"
    data["_preview"] = "1"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Only in the preview." in response.text
    assert "Preview of unsaved changes." in response.text
    # The banner names the kind from the registry, not "guide".
    assert "save or submit the cancer type from the editor" in response.text
    indication.refresh_from_db()
    assert indication.summary == "<p>What patients should know.</p>"
    assert not WorkingCopyEdit.objects.exists()
    assert "Preview" in client.get(url).text  # the editor gets the button

"""Medical editors build guides in the admin without a programmer."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from cancerfax import roles
from guides.models import Guide, Section, SectionItem
from tests.admin_forms import field_of, guide_form
from tests.conftest import make_user
from tests.factories import (
    GuideFactory,
    SectionFactory,
    SectionItemFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def formset_management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_editor_creates_a_guide_with_sections_in_one_form(client, medical_editor):
    client.force_login(medical_editor)
    topic = TopicFactory()
    data = {
        "title": "How CIK cells are made",
        "slug": "how-cik-cells-are-made",
        "topic": topic.pk,
        "lede": "From blood draw to infusion.",
        "status": "draft",
        "meta_description": "",
        **formset_management("sections", 2),
        **formset_management("sections-0-items", 0),
        **formset_management("sections-1-items", 0),
        "sections-0-order": "2",
        "sections-0-kind": "disclaimer",
        "sections-0-heading": "",
        "sections-1-order": "1",
        "sections-1-kind": "rich_text",
        "sections-1-heading": "The steps",
    }
    response = client.post("/admin/guides/guide/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    guide = Guide.objects.get(slug="how-cik-cells-are-made")
    assert [s.kind for s in guide.sections.all()] == ["rich_text", "disclaimer"]


def test_section_order_follows_the_hidden_order_fields_the_page_fills_in(
    client, medical_editor
):
    """Drag and Move up/down only rewrite the hidden order fields; saving keeps it."""
    client.force_login(medical_editor)
    guide = GuideFactory()
    first = SectionFactory(guide=guide, order=1, heading="First")
    second = SectionFactory(guide=guide, order=2, heading="Second")
    data = guide_form(client, guide)
    assert (
        'type="hidden" name="sections-0-order"'
        in client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    )
    data[field_of(data, first, "order")] = "1"
    data[field_of(data, second, "order")] = "0"
    response = client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert [s.heading for s in guide.sections.all()] == ["Second", "First"]
    html = client.get(guide.get_absolute_url()).content.decode()
    assert html.index("Second") < html.index("First")


def test_guide_page_edits_every_section_and_item(client, medical_editor):
    """One page: a card's text is changed and saved from the guide's own page."""
    client.force_login(medical_editor)
    cards = SectionFactory(kind=Section.Kind.CARD_GRID, heading="How it works")
    card = SectionItemFactory(section=cards, title="Blood draw", text="Old text.")
    data = guide_form(client, cards.guide)
    data[field_of(data, card, "text")] = "New text."
    response = client.post(f"/admin/guides/guide/{cards.guide_id}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    card.refresh_from_db()
    assert card.text == "New text."


def test_kind_is_fixed_once_a_section_exists(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.PULL_QUOTE, quote="Q")
    html = client.get(f"/admin/guides/guide/{section.guide_id}/change/").content
    assert b'name="sections-0-kind"' not in html
    data = guide_form(client, section.guide)
    data[field_of(data, section, "quote").replace("quote", "kind")] = "rich_text"
    response = client.post(f"/admin/guides/guide/{section.guide_id}/change/", data)
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.kind == Section.Kind.PULL_QUOTE


def test_editor_adds_a_section_with_its_items_in_one_save(client, medical_editor):
    client.force_login(medical_editor)
    guide = GuideFactory()
    data = guide_form(client, guide)
    data.update(
        {
            "sections-TOTAL_FORMS": "1",
            "sections-0-kind": "key_numbers",
            "sections-0-heading": "Numbers",
            "sections-0-order": "0",
            "sections-0-guide": str(guide.pk),
            **formset_management("sections-0-items", 1),
            "sections-0-items-0-figure": "14–21 days",
            "sections-0-items-0-title": "Expansion",
            "sections-0-items-0-order": "0",
        }
    )
    response = client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    item = SectionItem.objects.get(section__guide=guide)
    assert (item.section.kind, item.figure, item.title) == (
        "key_numbers",
        "14–21 days",
        "Expansion",
    )


def test_item_missing_a_required_field_for_its_kind_is_refused(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS, heading="Numbers")
    item = SectionItemFactory(section=section, figure="100+", title="Patients")
    data = guide_form(client, section.guide)
    data[field_of(data, item, "figure")] = ""
    response = client.post(f"/admin/guides/guide/{section.guide_id}/change/", data)
    assert response.status_code == 200
    assert "Items of this section need this field." in response.content.decode()
    item.refresh_from_db()
    assert item.figure == "100+"


def test_required_section_field_is_enforced_after_creation(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.PULL_QUOTE, quote="Original")
    data = guide_form(client, section.guide)
    data[field_of(data, section, "quote")] = ""
    response = client.post(f"/admin/guides/guide/{section.guide_id}/change/", data)
    assert response.status_code == 200
    assert "A pull quote section needs this field." in response.content.decode()


def test_removing_a_section_removes_its_items(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.CARD_GRID, heading="Cards")
    SectionItemFactory(section=section)
    kept = SectionFactory(guide=section.guide, heading="Kept")
    data = guide_form(client, section.guide)
    data[field_of(data, section, "DELETE")] = "on"
    response = client.post(f"/admin/guides/guide/{section.guide_id}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(section.guide.sections.all()) == [kept]
    assert not SectionItem.objects.exists()


def test_sections_have_keyboard_controls_and_no_order_numbers(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.CARD_GRID)
    SectionItemFactory(section=section)
    html = client.get(f"/admin/guides/guide/{section.guide_id}/change/").content
    html = html.decode()
    assert html.count('data-move="up"') == html.count('data-move="down"') >= 4
    assert 'aria-expanded="true"' in html
    assert 'type="number"' not in html.split('id="sections-group"')[1]
    assert "/admin/guides/section/" not in html  # no page of its own any more


@pytest.mark.parametrize(
    "path",
    [
        "/admin/guides/guide/",
        "/admin/guides/guide/add/",
        "/admin/guides/cancerindication/",
        "/admin/faq/faqentry/",
        "/admin/faq/faqentry/add/",
    ],
)
@pytest.mark.parametrize(
    ("user_fixture", "expected"),
    [
        ("medical_editor", 200),
        ("superuser", 200),
        ("coordinator", 403),
        ("staff_without_role", 403),
    ],
)
def test_content_admin_permission_matrix(request, client, path, user_fixture, expected):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(path).status_code == expected


@pytest.mark.parametrize("path", ["/admin/guides/guide/", "/admin/faq/faqentry/"])
def test_anonymous_is_sent_to_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_image_upload_endpoint_refuses_everyone(client, medical_editor):
    client.force_login(medical_editor)
    response = client.post("/editor/upload/", {})
    assert response.status_code == 403


def test_section_items_are_listed_in_the_guide_change_page(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(heading="Visible section heading")
    SectionItemFactory(section=section)
    html = client.get(
        f"/admin/guides/guide/{section.guide_id}/change/"
    ).content.decode()
    assert "Visible section heading" in html


TAMPERED = [
    pytest.param("sections-0-id", "not-a-number", id="section-id-text"),
    pytest.param("sections-0-id", "99999999", id="section-id-unknown"),
    pytest.param("sections-0-id", "-1", id="section-id-negative"),
    pytest.param("sections-0-id", "OTHER", id="section-id-of-another-guide"),
    pytest.param("sections-0-items-0-id", "OTHER-ITEM", id="item-id-of-another-guide"),
    pytest.param("sections-0-items-0-id", "x" * 40, id="item-id-text"),
    pytest.param("sections-0-items-0-id", "", id="item-id-empty"),
    pytest.param("sections-0-items-0-section", "abc", id="item-parent-text"),
    pytest.param("sections-1-order", "1", id="same-position-twice"),
    pytest.param("sections-0-order", "1e9", id="position-not-a-number"),
    pytest.param("sections-0-order", "²", id="position-superscript-digit"),
    pytest.param("sections-0-order", " ", id="position-blank"),
    pytest.param("sections-0-items-0-order", " -1 ", id="position-unset-padded"),
    pytest.param("sections-0-id", "²", id="section-id-superscript-digit"),
    pytest.param("sections-0-items-0-id", "١", id="item-id-arabic-indic-digit"),
    pytest.param("sections-0-items-TOTAL_FORMS", "abc", id="item-count-text"),
    pytest.param("sections-TOTAL_FORMS", "100000", id="section-count-huge"),
    pytest.param("sections-0-items-TOTAL_FORMS", "100000", id="item-count-huge"),
    pytest.param("sections-INITIAL_FORMS", "999999999", id="section-initial-huge"),
    pytest.param("sections-0-items-INITIAL_FORMS", "999999999", id="item-initial-huge"),
]


@pytest.fixture(scope="module")
def tampering(module_db, django_db_blocker):
    """A guide with a card and a second section, another guide's section and
    item, and the editor's form as the page offers it: built once for the module
    (what a test saves is rolled back after it)."""
    with django_db_blocker.unblock():
        editor = make_user(get_user_model(), "tamper", roles.MEDICAL_EDITOR)
        guide = GuideFactory()
        cards = SectionFactory(guide=guide, kind=Section.Kind.CARD_GRID, order=1)
        SectionItemFactory(section=cards, title="Blood draw", text="Kept text.")
        SectionFactory(guide=guide, order=2, heading="Second")
        other = SectionFactory(heading="Another guide's section")
        other_item = SectionItemFactory(
            section=other, title="Not yours", text="Theirs."
        )
        client = Client()
        client.force_login(editor)
        form = guide_form(client, guide)
    return editor.pk, guide.pk, other.pk, other_item.pk, form


@pytest.mark.parametrize("key, value", TAMPERED)
def test_tampered_editor_post_is_refused_or_saved_never_500(
    client, tampering, key, value
):
    """A post made without the page (or altered on its way) never answers 500."""
    editor, guide, other, other_item, form = tampering
    client.force_login(get_user_model().objects.get(pk=editor))
    guide = Guide.objects.get(pk=guide)
    other = Section.objects.get(pk=other)
    other_item = SectionItem.objects.get(pk=other_item)
    data = dict(form)
    data[key] = {"OTHER": str(other.pk), "OTHER-ITEM": str(other_item.pk)}.get(
        value, value
    )
    response = client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    assert response.status_code in {200, 302}, response.status_code
    if response.status_code == 200:
        assert "errornote" in response.content.decode()
    other.refresh_from_db()
    other_item.refresh_from_db()
    assert other.guide_id != guide.pk and other.heading == "Another guide's section"
    assert other_item.section_id == other.pk and other_item.text == "Theirs."
    assert SectionItem.objects.filter(section__guide=guide).count() <= 1


def test_a_refused_post_with_clashing_positions_is_shown_again(client, medical_editor):
    """The page comes back with its error even when two rows claim one position."""
    client.force_login(medical_editor)
    guide = GuideFactory()
    first = SectionFactory(guide=guide, order=1, heading="First")
    second = SectionFactory(guide=guide, order=2, heading="Second")
    data = guide_form(client, guide)
    data[field_of(data, first, "order")] = "5"
    data[field_of(data, second, "order")] = "5"
    data["title"] = ""
    response = client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    html = response.content.decode()
    assert response.status_code == 200 and "errornote" in html
    assert html.index("First") < html.index("Second")


def test_a_refused_post_with_a_blank_position_is_shown_again(client, medical_editor):
    client.force_login(medical_editor)
    guide = GuideFactory()
    SectionFactory(guide=guide, order=1, heading="First")
    second = SectionFactory(guide=guide, order=2, heading="Second")
    data = guide_form(client, guide)
    data[field_of(data, second, "order")] = " "
    data["title"] = ""
    response = client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    assert response.status_code == 200 and "errornote" in response.content.decode()


def test_saved_sections_start_closed_and_one_that_failed_opens(client, medical_editor):
    """The editor's page is short: each saved section is a title bar until
    opened. A section refused on save is open, with its error, and no other."""
    client.force_login(medical_editor)
    quote = SectionFactory(kind=Section.Kind.PULL_QUOTE, quote="Q")
    SectionFactory(guide=quote.guide, kind=Section.Kind.RICH_TEXT, body="<p>B</p>")
    url = f"/admin/guides/guide/{quote.guide_id}/change/"
    html = client.get(url).content.decode()
    assert html.count('class="guide-section__body"') == 3  # and the new one's
    assert html.count('aria-expanded="false"') == 2
    assert f'<a href="#section-{quote.pk}">Pull quote' in html

    data = guide_form(client, quote.guide)
    data[field_of(data, quote, "quote")] = ""
    html = client.post(url, data).content.decode()
    assert html.count('aria-expanded="false"') == 1
    opened = html.split('aria-expanded="true"')[1].split("guide-section__header")[0]
    assert "section needs this field." in opened
    assert f'id="section-{quote.pk}"' in html.split('aria-expanded="true"')[0]

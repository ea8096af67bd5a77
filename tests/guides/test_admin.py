"""Medical editors build guides in the admin without a programmer."""

import pytest

from guides.models import Guide, Section, SectionItem
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


def test_editor_reorders_sections_with_the_order_numbers(client, medical_editor):
    client.force_login(medical_editor)
    guide = GuideFactory()
    first = SectionFactory(guide=guide, order=1, heading="First")
    second = SectionFactory(guide=guide, order=2, heading="Second")
    data = {
        "title": guide.title,
        "slug": guide.slug,
        "topic": guide.topic_id,
        "lede": guide.lede,
        "status": guide.status,
        **formset_management("sections", 2, initial=2),
        "sections-0-id": first.pk,
        "sections-0-guide": guide.pk,
        "sections-0-order": "5",
        "sections-0-kind": first.kind,
        "sections-0-heading": first.heading,
        "sections-1-id": second.pk,
        "sections-1-guide": guide.pk,
        "sections-1-order": "1",
        "sections-1-kind": second.kind,
        "sections-1-heading": second.heading,
    }
    response = client.post(f"/admin/guides/guide/{guide.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert [s.heading for s in guide.sections.all()] == ["Second", "First"]
    html = client.get(guide.get_absolute_url()).content.decode()
    assert html.index("Second") < html.index("First")


def test_section_page_shows_only_the_fields_of_its_kind(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS)
    html = client.get(f"/admin/guides/section/{section.pk}/change/").content.decode()
    assert 'name="intro"' in html
    assert 'name="quote"' not in html
    assert 'name="items-0-figure"' in html
    assert 'name="items-0-source"' in html
    assert 'name="items-0-indication"' not in html


def test_section_without_items_has_no_item_rows(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.PULL_QUOTE, quote="Q")
    html = client.get(f"/admin/guides/section/{section.pk}/change/").content.decode()
    assert 'name="quote"' in html
    assert "items-TOTAL_FORMS" not in html


def test_editor_adds_key_number_items_and_returns_to_the_guide(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS, heading="Numbers")
    data = {
        "order": section.order,
        "kind": section.kind,
        "heading": "Numbers",
        "intro": "",
        **formset_management("items", 1),
        "items-0-order": "1",
        "items-0-figure": "14–21 days",
        "items-0-title": "Expansion",
        "items-0-text": "In the laboratory.",
        "items-0-source": "",
    }
    response = client.post(f"/admin/guides/section/{section.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == f"/admin/guides/guide/{section.guide_id}/change/"
    item = SectionItem.objects.get(section=section)
    assert (item.figure, item.title) == ("14–21 days", "Expansion")


def test_item_missing_a_required_field_for_its_kind_is_refused(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.KEY_NUMBERS, heading="Numbers")
    data = {
        "order": section.order,
        "kind": section.kind,
        "heading": "Numbers",
        **formset_management("items", 1),
        "items-0-order": "1",
        "items-0-figure": "",
        "items-0-title": "A label without its figure",
    }
    response = client.post(f"/admin/guides/section/{section.pk}/change/", data)
    assert response.status_code == 200
    assert "Items of this section need this field." in response.content.decode()
    assert not SectionItem.objects.filter(section=section).exists()


def test_required_section_field_is_enforced_after_creation(client, medical_editor):
    client.force_login(medical_editor)
    section = SectionFactory(kind=Section.Kind.PULL_QUOTE, quote="Original")
    response = client.post(
        f"/admin/guides/section/{section.pk}/change/",
        {"order": 1, "kind": section.kind, "quote": "", "attribution": ""},
    )
    assert response.status_code == 200
    assert "A pull quote section needs this field." in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/guides/guide/",
        "/admin/guides/guide/add/",
        "/admin/guides/section/",
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

"""Every snapshot ever stored still loads and renders; an unknown shape never 500s.

``tests/snapshots/<kind>-v<N>.json`` keeps one stored snapshot of every schema
version of every registered kind (the version-1 files are the demo as the first
release stored it). Bumping a ``SCHEMA_VERSION`` without adding a sample fails.
"""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation as i18n
from hypothesis import given, settings
from hypothesis import strategies as st

from faq.review import FaqSnapshot
from guides.models import Section
from guides.snapshots import GuideSnapshot
from images.renditions import renditions_make
from reviews.models import ContentVersion
from reviews.registry import reviewed_kind, reviewed_types
from reviews.snapshots import SnapshotError
from tests.conftest import examples
from tests.content_factories import (
    GlossaryTermFactory,
    ImageFactory,
    TrustPageFactory,
)
from tests.factories import (
    CancerIndicationFactory,
    FactFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    TopicFactory,
    TranslationFactory,
    approve,
)

SAMPLES = Path(__file__).resolve().parent.parent / "snapshots"
EVERY_SCHEMA = [
    (reviewed.kind, schema)
    for reviewed in reviewed_types()
    for schema in range(1, reviewed.snapshot_type.SCHEMA_VERSION + 1)
]


def sample(kind, schema):
    return json.loads((SAMPLES / f"{kind}-v{schema}.json").read_text())


def approved_with(obj, data, schema):
    reviewed = reviewed_kind_of(obj)
    ContentVersion.objects.create(
        content_type=reviewed.content_type,
        object_id=obj.pk,
        number=1,
        title="stored",
        schema_version=schema,
        snapshot=data,
        status=ContentVersion.Status.APPROVED,
    )


def reviewed_kind_of(obj):
    return next(r for r in reviewed_types() if isinstance(obj, r.model))


def page_showing(kind, data, schema):
    """A live item of ``kind`` whose approved version is ``data``; its page URL."""
    if kind == "guide":
        obj = GuideFactory()
        approved_with(obj, data, schema)
        return obj.get_absolute_url()
    if kind == "indication":
        obj = CancerIndicationFactory()
        approved_with(obj, data, schema)
        return obj.get_absolute_url()
    if kind == "faq":
        obj = FaqEntryFactory()
        approved_with(obj, data, schema)
        return "/faq/"
    if kind == "topic":
        topic = TopicFactory()
        approved_with(topic, data, schema)
        entry = FaqEntryFactory(topic=topic)
        approved_with(entry, {"question": "Q?", "answer": "<p>A.</p>"}, 1)
        return "/faq/"
    if kind == "trust_page":
        page = TrustPageFactory()
        approved_with(page, data, schema)
        return page.get_absolute_url()
    if kind == "glossary_term":
        approved_with(GlossaryTermFactory(), data, schema)
        return "/glossary/"
    if kind == "fact":
        fact = FactFactory()
        approved_with(fact, data, schema)
        guide = GuideFactory()
        section = SectionFactory(guide=guide, kind=Section.Kind.FACTS)
        SectionItemFactory(section=section, fact=fact)
        approve(guide)
        return guide.get_absolute_url()
    if kind == "image":
        image = ImageFactory()
        renditions_make(image.file)  # as the task does after an approval
        # The stored sample names a file by id: this database's file stands in.
        approved_with(image, {**data, "file_id": image.file_id}, schema)
        guide = GuideFactory()
        SectionFactory(guide=guide, kind=Section.Kind.FIGURE, image=image)
        approve(guide)
        return guide.get_absolute_url()
    if kind == "reviewer_profile":
        reviewer = ReviewerFactory()
        approved_with(reviewer, data, schema)
        return reviewer.get_absolute_url()
    if kind == "translation":  # of an FAQ answer, on the FAQ page in Arabic
        translation = TranslationFactory(language=data["language"])
        data = {**data, "source_version_id": translation.source_version_id}
        approved_with(translation, data, schema)
        with i18n.override(data["language"]):  # its address in the language
            return reverse("faq:list")
    raise AssertionError(f"no page for {kind}: add one here")


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "schema"), EVERY_SCHEMA)
def test_every_schema_version_ever_stored_loads_and_renders(client, kind, schema):
    reviewed = reviewed_kind(kind)
    data = sample(kind, schema)
    content = reviewed.load(data, schema)
    assert isinstance(content, reviewed.snapshot_type)
    url = page_showing(kind, data, schema)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=data.get("language", "en-gb"))
    assert response.status_code == 200
    # An image's title is only staff's: its page shows the alt text.
    title = content.alt_text if kind == "image" else reviewed.title_of(content)
    assert title.replace("&", "&amp;") in response.content.decode()


def test_the_guide_of_the_first_release_renders_its_approved_topic_name():
    content = reviewed_kind("guide").load(sample("guide", 1), 1)
    assert content.topic_id is None
    assert content.topic_label == "CIK cell therapy"
    assert all(item.id is None for s in content.sections for item in s.items)


@pytest.mark.django_db
def test_a_retired_section_kind_renders_plainly_instead_of_failing(client):
    data = sample("guide", 2)
    data["sections"][1] = {
        "id": 999,
        "kind": "video_embed",  # a kind this site no longer has
        "heading": "Watch how it works",
        "intro": "",
        "body": "<p>What the video said.</p>",
        "items": [],
    }
    response = client.get(page_showing("guide", data, 2))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Watch how it works" in html
    assert "What the video said." in html


def test_a_field_added_later_takes_its_default_when_loading_old_data():
    old = {"title": "T", "lede": "L", "sections": [{"id": 1, "kind": "rich_text"}]}
    content = GuideSnapshot.load(old, 2)
    assert content.sections[0].body == ""
    assert content.references == ()


@pytest.mark.parametrize(
    "data",
    [
        {"question": "Q?", "answer": "A", "surprise": "?"},  # unknown field
        {"question": "Q?"},  # required field missing
        {"question": 3, "answer": "A"},  # wrong type
    ],
)
def test_data_that_does_not_fit_the_type_is_refused_loudly(data):
    with pytest.raises(SnapshotError):
        FaqSnapshot.load(data, 1)


def test_a_schema_version_from_the_future_is_refused():
    with pytest.raises(SnapshotError):
        FaqSnapshot.load({"question": "Q?", "answer": "A"}, 2)


@settings(max_examples=examples(60), deadline=None)
@given(st.from_type(GuideSnapshot))
def test_any_guide_snapshot_survives_storage_unchanged(snapshot):
    stored = json.loads(json.dumps(snapshot.dump()))
    assert GuideSnapshot.load(stored, GuideSnapshot.SCHEMA_VERSION) == snapshot

"""The lighter path carries no words: every field a patient reads is tried on it.

The cases are generated from what defines the content (``SECTION_KINDS`` and the
models of every registered kind), so a new section kind, section field, item field
or model field is tried without anyone remembering to add it here.
"""

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from cancerfax.fields import RichTextField
from guides.models import Guide, Section, SectionItem
from guides.sections import REFERENCE_FIELDS, SECTION_KINDS, SectionKind
from reviews.capture import version_capture
from reviews.registry import reviewed_types
from reviews.services import version_approve, version_publish_minor_change
from tests.content_factories import (
    GlossaryTermFactory,
    ImageFactory,
    TrustPageFactory,
)
from tests.factories import (
    CancerIndicationFactory,
    CitationFactory,
    FactFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    TopicFactory,
    TranslationFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = {
    "guide": GuideFactory,
    "indication": CancerIndicationFactory,
    "faq": FaqEntryFactory,
    "topic": TopicFactory,
    "trust_page": TrustPageFactory,
    "glossary_term": GlossaryTermFactory,
    "reviewer_profile": ReviewerFactory,
    "fact": FactFactory,
    "translation": TranslationFactory,
    "image": ImageFactory,
}
# Text fields that arrange the site and are in no snapshot: the address, whether
# it is published, which footer link an about page is.
ARRANGEMENT_FIELDS = {"slug", "status", "kind", "languages"}
# Copies kept for lists, the words themselves reviewed elsewhere in the
# snapshot: a translation's title is its content's.
DERIVED_FIELDS = {("translation", "title")}
# Except where the kind is words: a fact's kind heads it on the page ("Side
# effects").
WORD_KINDS = {"fact"}
REFERENCE_FACTORIES = {
    "indication": CancerIndicationFactory,
    "faq_entry": FaqEntryFactory,
    "fact": FactFactory,
    "image": ImageFactory,
}


def approved(obj):
    version = version_capture(obj=obj, user=None)
    # Declaring every language: translations are approved only so.
    reviewer = ReviewerFactory(languages="ar zh-hans")
    version_approve(version=version, user=None, reviewers=[reviewer])
    return version


def changed_value(obj, name):
    """A value of field ``name`` that differs from ``obj``'s and fits the field."""
    field = obj._meta.get_field(name)
    if name in REFERENCE_FIELDS:
        return REFERENCE_FACTORIES[name]()
    current = getattr(obj, name)
    if field.choices:
        return next(value for value, _label in field.choices if value != current)
    if isinstance(field, models.EmailField):
        return "changed@example.org"
    if isinstance(field, models.URLField):
        return "https://changed.example.org/"
    if isinstance(field, models.SlugField):
        return "changed-address"
    return f"Changed {name}"[: field.max_length]


def assert_needs_review(obj):
    """The change reached a version, which the lighter path refuses."""
    version = version_capture(obj=obj, user=None)
    assert version is not None, "the change is in no snapshot: nobody reviews it"
    assert version.arrangement_only is False
    with pytest.raises(ValidationError) as excinfo:
        version_publish_minor_change(version=version, user=None)
    assert excinfo.value.code == "words_changed"


def text_fields(model):
    return [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | RichTextField)
    ]


def guide_with_section(kind):
    """A published guide with one section of ``kind``, every field filled in."""
    spec = SECTION_KINDS[kind]
    guide = GuideFactory()
    section = SectionFactory(
        guide=guide,
        kind=kind,
        **{
            name: REFERENCE_FACTORIES[name]()
            if name in REFERENCE_FIELDS
            else f"Approved {name}"
            for name in spec.fields
        },
    )
    items = []
    for order in range(2 if spec.item_fields else 0):
        item = SectionItem(section=section, order=order)
        for name in spec.item_fields:
            value = f"Approved {name}"
            if name in REFERENCE_FIELDS or item._meta.get_field(name).choices:
                value = changed_value(item, name)
            setattr(item, name, value)
        item.save()
        if kind == SectionKind.KEY_NUMBERS:  # uncited numbers cannot be approved
            item.citations.add(CitationFactory())
        items.append(item)
    related = GuideFactory()
    guide.related_guides.add(related)
    return guide, section, items


SECTION_WORDS = [
    (kind, "section", name)
    for kind, spec in SECTION_KINDS.items()
    for name in spec.fields
] + [
    (kind, "item", name)
    for kind, spec in SECTION_KINDS.items()
    for name in spec.item_fields
]


@pytest.mark.parametrize(
    ("kind", "part", "name"),
    SECTION_WORDS,
    ids=[f"{kind}-{part}-{name}" for kind, part, name in SECTION_WORDS],
)
def test_no_field_of_any_section_or_item_takes_the_lighter_path(kind, part, name):
    """Headings, introductions, quotes, figures, sources, columns, linked items:
    every field of every section kind and of its items needs a review."""
    guide, section, items = guide_with_section(kind)
    approved(guide)
    changed = section if part == "section" else items[0]
    setattr(changed, name, changed_value(changed, name))
    changed.save()
    assert_needs_review(guide)


def test_a_key_number_cites_another_source_only_after_review():
    guide, section, items = guide_with_section(SectionKind.KEY_NUMBERS)
    approved(guide)
    items[0].citations.add(CitationFactory())
    assert_needs_review(guide)


def test_every_section_kind_is_tried():
    assert {kind for kind, _part, _name in SECTION_WORDS} == set(SectionKind)


def test_every_registered_kind_has_a_factory_here():
    """A new kind under review must be tried on the lighter path too."""
    assert {reviewed.kind for reviewed in reviewed_types()} == set(FACTORIES)


OWN_WORDS = [
    (kind, name)
    for kind, factory in FACTORIES.items()
    for name in text_fields(factory._meta.model)
    if (name not in ARRANGEMENT_FIELDS or (kind in WORD_KINDS and name == "kind"))
    and (kind, name) not in DERIVED_FIELDS
]


@pytest.mark.parametrize(
    ("kind", "name"), OWN_WORDS, ids=[f"{kind}-{name}" for kind, name in OWN_WORDS]
)
def test_no_text_field_of_any_kind_takes_the_lighter_path(kind, name):
    """Titles, names, answers, descriptions, meta descriptions, contact lines."""
    obj = FACTORIES[kind]()
    approved(obj)
    setattr(obj, name, changed_value(obj, name))
    obj.save()
    assert_needs_review(obj)


ARRANGING = [
    (kind, name)
    for kind, factory in FACTORIES.items()
    for name in text_fields(factory._meta.model)
    if name in ARRANGEMENT_FIELDS and not (kind in WORD_KINDS and name == "kind")
]


@pytest.mark.parametrize(
    ("kind", "name"), ARRANGING, ids=[f"{kind}-{name}" for kind, name in ARRANGING]
)
def test_address_and_publication_need_no_review(kind, name):
    """A new slug moves the page at once; it is in no snapshot."""
    obj = FACTORIES[kind]()
    approved(obj)
    setattr(obj, name, changed_value(obj, name))
    obj.save()
    assert version_capture(obj=obj, user=None) is None


def swap_sections(guide, section, items):
    other = SectionFactory(guide=guide, order=section.order + 1)
    approved(guide)
    section.order, other.order = other.order, section.order
    section.save()
    other.save()


def swap_items(guide, section, items):
    approved(guide)
    items[0].order, items[1].order = items[1].order, items[0].order
    for item in items:
        item.save()


def link_another_guide(guide, section, items):
    approved(guide)
    guide.related_guides.add(GuideFactory())


def unlink_a_guide(guide, section, items):
    approved(guide)
    guide.related_guides.clear()


def move_to_another_topic(guide, section, items):
    approved(guide)
    guide.topic = TopicFactory()
    guide.save()


ARRANGEMENTS = {
    "section order": swap_sections,
    "item order": swap_items,
    "related guide linked": link_another_guide,
    "related guide unlinked": unlink_a_guide,
    "topic": move_to_another_topic,
}


@pytest.mark.parametrize("arrange", ARRANGEMENTS.values(), ids=ARRANGEMENTS.keys())
def test_arrangement_takes_the_lighter_path(arrange):
    """Order, which guides are linked and which topic: no new words."""
    guide, section, items = guide_with_section(SectionKind.CARD_GRID)
    arrange(guide, section, items)
    version = version_capture(obj=Guide.objects.get(pk=guide.pk), user=None)
    assert version.arrangement_only is True
    version_publish_minor_change(version=version, user=None)
    version.refresh_from_db()
    assert version.status == version.Status.APPROVED


def test_a_section_moved_with_a_changed_heading_needs_review():
    guide, section, items = guide_with_section(SectionKind.CALL_TO_ACTION)
    swap_sections(guide, section, items)
    Section.objects.filter(pk=section.pk).update(heading="Book now")
    assert_needs_review(guide)

"""Selectors' SQL is compiled once per shape (``cancerfax.compiled``), but every
read still fetches its rows: a change between two reads always shows, and the
values of one read never leak into another."""

import pytest

from cancerfax.compiled import compiled_rows
from glossary.models import GlossaryTerm
from reviews.selectors import visible_all, visible_in_bulk
from tests.content_factories import GlossaryTermFactory
from tests.factories import (
    CancerIndicationFactory,
    SectionFactory,
    TopicFactory,
    approve,
)

pytestmark = pytest.mark.django_db


def by_ids(ids):
    return GlossaryTerm.objects.filter(pk__in=ids).order_by("pk")


def test_each_read_gets_the_rows_of_its_own_values():
    """Two reads of one shape with other ids return the rows of those ids."""
    first, second, third = GlossaryTermFactory.create_batch(3)
    key = ("test", GlossaryTerm)
    assert compiled_rows(key, by_ids, [first.pk, second.pk]) == [first, second]
    assert compiled_rows(key, by_ids, [third.pk, first.pk]) == [first, third]
    assert compiled_rows(key, by_ids, [third.pk]) == [third]


def test_a_change_between_two_reads_shows_in_the_second():
    """Only the SQL is kept: rows written after the first read are read."""
    term = GlossaryTermFactory(definition="Old words.")
    key = ("test-change", GlossaryTerm)
    assert compiled_rows(key, by_ids, [term.pk])[0].definition == "Old words."
    GlossaryTerm.objects.filter(pk=term.pk).update(definition="New words.")
    assert compiled_rows(key, by_ids, [term.pk])[0].definition == "New words."


def test_values_that_cannot_be_marked_run_as_usual():
    """Repeated ids (which the ORM folds into one) still give the right rows."""
    term = GlossaryTermFactory()
    key = ("test-repeated", GlossaryTerm)
    assert compiled_rows(key, by_ids, [term.pk, term.pk]) == [term]


def test_visible_terms_follow_approvals(django_assert_num_queries):
    """The selectors on compiled SQL see a new approval and a withdrawal at once."""
    term = GlossaryTermFactory(definition="First words.")
    approve(term)
    assert [t.definition for t in visible_all(GlossaryTerm)] == ["First words."]
    term.definition = "Second words."
    term.save()
    approve(term)
    with django_assert_num_queries(1):
        assert visible_in_bulk(GlossaryTerm, [term.pk])[term.pk].definition == (
            "Second words."
        )
    assert [t.definition for t in visible_all(GlossaryTerm)] == ["Second words."]
    GlossaryTerm.objects.filter(pk=term.pk).update(status="draft")
    assert visible_all(GlossaryTerm) == []
    assert visible_in_bulk(GlossaryTerm, [term.pk]) == {}


def _state(obj):
    """Every attribute a read set on ``obj``, its related objects' too."""
    values = {k: v for k, v in vars(obj).items() if k != "_state"}
    related = obj._state.fields_cache
    return values, {name: _state(other) for name, other in related.items() if other}


def test_compiled_rows_are_the_orm_rows_attribute_for_attribute():
    """Each shape the selectors compile (annotations, joined rows, dates) gives
    the instances the ORM gives for the same queryset."""
    from guides.models import CancerIndication, Guide
    from reviews.selectors import _visible_base
    from topics.models import Topic

    for made in (
        SectionFactory().guide,
        CancerIndicationFactory(),
        TopicFactory(),
        GlossaryTermFactory(),
    ):
        approve(made)
    for model in (Guide, CancerIndication, Topic, GlossaryTerm):
        ids = list(model.objects.values_list("pk", flat=True))

        def build(ids, model=model):
            return _visible_base(model).filter(pk__in=ids).order_by("pk")

        compiled = compiled_rows(("test-same", model), build, ids)
        assert compiled, model
        assert [_state(obj) for obj in compiled] == [_state(obj) for obj in build(ids)]

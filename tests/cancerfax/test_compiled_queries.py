"""Selectors' SQL is compiled once per shape (``cancerfax.compiled``), but every
read still fetches its rows: a change between two reads always shows, and the
values of one read never leak into another."""

import pytest

from cancerfax.compiled import compiled_rows
from glossary.models import GlossaryTerm
from reviews.selectors import visible_all, visible_in_bulk
from tests.content_factories import GlossaryTermFactory
from tests.factories import approve

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

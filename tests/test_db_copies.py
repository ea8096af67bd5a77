"""``tests/db_copies.py`` puts back exactly the rows of its copy, the append-only
ones included, and the next row gets a key the copy never used, on both engines."""

import pytest
from django.db import transaction

from faq.models import FaqEntry
from reviews.models import ReviewRecord
from tests import db_copies
from tests.factories import FaqEntryFactory, approve_all

pytestmark = pytest.mark.django_db(transaction=True)


def rows():
    return {
        "entries": list(FaqEntry.objects.order_by("pk").values_list("pk", "question")),
        "records": list(ReviewRecord.objects.order_by("pk").values_list("pk")),
    }


def test_a_copy_comes_back_whole_and_new_keys_follow_its_own():
    FaqEntryFactory(question="Kept?")
    approve_all()
    db_copies.take("probe")
    kept = rows()
    assert kept["records"], "an append-only row is in the copy"

    FaqEntry.objects.update(question="Changed?")
    added = FaqEntryFactory(question="Added later?")
    approve_all()
    assert rows() != kept

    db_copies.restore("probe")
    assert rows() == kept
    # The key sequence is the copy's: the next entry takes the key the added one
    # had, which the copy never used, and it is free.
    assert FaqEntryFactory(question="New?").pk == added.pk


def test_a_copy_is_never_put_back_under_an_open_transaction():
    """Its rows would replace those the transaction is still working on."""
    db_copies.take("probe")
    with transaction.atomic(), pytest.raises(AssertionError, match="inside a"):
        db_copies.restore("probe")

"""Another connection sees a new English version and its translations out of
date together, never one without the other: one committed transaction."""

import pytest
from django.db import connection, transaction

from reviews.capture import version_capture
from reviews.models import ContentVersion
from reviews.services import version_approve
from reviews.translations import Translation
from tests.concurrency import run_together
from tests.factories import FaqEntryFactory, ReviewerFactory, TranslationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs two PostgreSQL connections"
    ),
]


def seen_elsewhere(entry, translation):
    """(approved English version id, out of date?) as another connection sees it."""
    seen = {}

    def look():
        seen["english"] = ContentVersion.objects.of(entry).approved().get().pk
        seen["stale"] = (
            Translation.objects.get(pk=translation.pk).out_of_date_since is not None
        )

    assert run_together(look) == []
    return seen["english"], seen["stale"]


def test_the_english_approval_and_the_out_of_date_mark_commit_together():
    entry = FaqEntryFactory(answer="<p>The first answer.</p>")
    translation = TranslationFactory(obj=_approved(entry), language="ar")
    version_approve(
        version=version_capture(obj=translation, user=None),
        user=None,
        reviewers=[ReviewerFactory(languages="ar")],
    )
    before = ContentVersion.objects.of(entry).approved().get().pk
    entry.answer = "<p>A clearer answer.</p>"
    entry.save()
    new = version_capture(obj=entry, user=None)
    with transaction.atomic():
        version_approve(version=new, user=None, reviewers=[ReviewerFactory()])
        assert Translation.objects.get(pk=translation.pk).out_of_date_since
        assert seen_elsewhere(entry, translation) == (before, False)
    assert seen_elsewhere(entry, translation) == (new.pk, True)


def _approved(entry):
    version_approve(
        version=version_capture(obj=entry, user=None),
        user=None,
        reviewers=[ReviewerFactory()],
    )
    return entry

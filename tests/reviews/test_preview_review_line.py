"""A staff preview of words no reviewer approved carries no "Reviewed by" line."""

import pytest

from tests.factories import FaqEntryFactory, SectionFactory, approve

pytestmark = pytest.mark.django_db


def test_a_preview_of_unreviewed_words_says_so_instead_of_reviewed_by(
    client, medical_editor
):
    section = SectionFactory()
    guide = section.guide
    FaqEntryFactory()
    approve(guide)
    client.force_login(medical_editor)
    assert "Reviewed by" in client.get(guide.get_absolute_url()).content.decode()
    section.body = "<p>Words nobody reviewed.</p>"
    section.save()
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "Words nobody reviewed." in html
    assert "Reviewed by" not in html
    assert "Not reviewed yet." in html
    patients = client.get(guide.get_absolute_url() + "?as=patient").content.decode()
    assert "Reviewed by" in patients and "Words nobody reviewed." not in patients

"""What an approved or waiting version shows cannot be deleted from under it.

``PROTECT`` guards the live links only; these tests unlink the item from the
working copy first, so only the version still shows it.
"""

import pytest
from django.db import transaction
from django.db.models import ProtectedError

from faq.models import FaqEntry
from guides.models import CancerIndication, Section
from reviews.capture import version_capture
from reviews.services import version_approve, version_withdraw
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    GuideFactory,
    ReviewerFactory,
    SectionFactory,
    SectionItemFactory,
    TopicFactory,
)
from topics.models import Topic

pytestmark = pytest.mark.django_db

REFUSAL = "cannot be deleted: the approved or waiting version of guide"


def approved(obj):
    version = version_capture(obj=obj, user=None)
    version_approve(version=version, user=None, reviewers=[ReviewerFactory()])
    return version


def refused_deletion(delete):
    """The message ``delete()`` is refused with.

    The refusal comes from ``pre_delete``, inside the delete's transaction: like a
    database error it spoils a surrounding one, so this runs in its own.
    """
    with pytest.raises(ProtectedError) as excinfo, transaction.atomic():
        delete()
    return excinfo.value.args[0]


def guide_moved_off_topic():
    """A guide approved under a topic, then moved to another in the working copy."""
    guide = GuideFactory(title="CAR-T therapy")
    old_topic = guide.topic
    approved(guide)
    guide.topic = TopicFactory()
    guide.save()
    return guide, old_topic


def guide_that_dropped(kind, field, target):
    """A guide approved with an item showing ``target``, the item since deleted."""
    guide = GuideFactory(title="CAR-T therapy")
    section = SectionFactory(guide=guide, kind=kind, heading="Also read")
    item = SectionItemFactory(section=section, **{field: target})
    approved(guide)
    item.delete()
    return guide


def topic_case():
    guide, topic = guide_moved_off_topic()
    return guide, topic, f"/admin/topics/topic/{topic.pk}/delete/"


def faq_case():
    entry = FaqEntryFactory()
    guide = guide_that_dropped(Section.Kind.FAQ, "faq_entry", entry)
    return guide, entry, f"/admin/faq/faqentry/{entry.pk}/delete/"


def indication_case():
    indication = CancerIndicationFactory()
    guide = guide_that_dropped(Section.Kind.INDICATIONS, "indication", indication)
    return guide, indication, f"/admin/guides/cancerindication/{indication.pk}/delete/"


CASES = {"topic": topic_case, "faq entry": faq_case, "cancer type": indication_case}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_an_item_only_the_approved_version_shows_cannot_be_deleted(case):
    """The refusal names the guide whose approved page shows it."""
    guide, item, _url = case()
    message = refused_deletion(item.delete)
    assert REFUSAL in message
    assert "“CAR-T therapy”" in message
    assert type(item).objects.filter(pk=item.pk).exists()
    assert REFUSAL in refused_deletion(type(item).objects.filter(pk=item.pk).delete)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_admin_delete_page_says_why_instead_of_failing(
    case, client, medical_editor
):
    guide, item, url = case()
    client.force_login(medical_editor)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSAL in html
    assert "CAR-T therapy" in html
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert type(item).objects.filter(pk=item.pk).exists()


def test_the_delete_selected_action_says_why_too(client, medical_editor):
    guide, topic = guide_moved_off_topic()
    client.force_login(medical_editor)
    response = client.post(
        "/admin/topics/topic/",
        {"action": "delete_selected", "_selected_action": [topic.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert Topic.objects.filter(pk=topic.pk).exists()


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_once_the_approved_version_no_longer_shows_it_it_can_be_deleted(case):
    guide, item, _url = case()
    approved(guide)  # the working copy without the item
    item.delete()
    assert not type(item).objects.filter(pk=item.pk).exists()


def test_the_admin_deletes_it_once_no_version_shows_it(client, medical_editor):
    guide, entry, url = faq_case()
    approved(guide)
    client.force_login(medical_editor)
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not FaqEntry.objects.filter(pk=entry.pk).exists()


def test_a_waiting_version_protects_what_it_shows_until_withdrawn():
    guide = GuideFactory(title="CAR-T therapy")
    approved(guide)
    indication = CancerIndicationFactory()
    section = SectionFactory(guide=guide, kind=Section.Kind.INDICATIONS)
    item = SectionItemFactory(section=section, indication=indication)
    waiting = version_capture(obj=guide, user=None)
    item.delete()
    assert REFUSAL in refused_deletion(indication.delete)
    version_withdraw(version=waiting, user=None)
    indication.delete()
    assert not CancerIndication.objects.filter(pk=indication.pk).exists()


def test_a_live_link_still_gives_the_protect_message(client, medical_editor):
    """A topic a guide sits under now: Django's own ``PROTECT`` refusal."""
    guide = GuideFactory(title="CAR-T therapy")
    assert "protected foreign keys" in refused_deletion(guide.topic.delete)
    client.force_login(medical_editor)
    response = client.get(f"/admin/topics/topic/{guide.topic_id}/delete/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "would require deleting the following protected related objects" in html
    assert "CAR-T therapy" in html
    assert REFUSAL not in html


def test_an_item_no_version_shows_is_deleted_as_before():
    GuideFactory()  # a guide elsewhere, approved, showing other things
    approved(GuideFactory())
    topic = TopicFactory()
    topic.delete()
    assert not Topic.objects.filter(pk=topic.pk).exists()

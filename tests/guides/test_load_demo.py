"""``load_demo``: idempotent, prints what it did, and written in the project's own words
(the content it loads is checked in ``test_demo_content.py``; runs into an empty
database in ``test_load_demo_empty.py`` and ``test_load_demo_no_users.py``).

Every test sees the rows of a first run (``--users``, ``module_demo_users``:
one run per test process, shared with ``tests/reviews/test_demo.py``) and its
own changes are rolled back after it."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cancerfax import roles
from casework.patient_links import patient_link_url
from faq.models import FaqEntry
from guides import demo_content
from guides.models import CancerIndication, Fact, Guide, Section, SectionItem
from reviews.models import ContentVersion, Reviewer, ReviewRecord
from topics.models import Topic

from .demo_texts import demo_texts, normalise

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_demo_users")]


SEED_PATH = Path(settings.BASE_DIR).parent / "shared/seed/cik-therapy-guide.txt"


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def database_state():
    user_model = get_user_model()
    models = [
        Topic,
        Guide,
        Guide.related_guides.through,
        Section,
        SectionItem,
        Fact,
        CancerIndication,
        CancerIndication.guides.through,
        FaqEntry,
        user_model,
        user_model.groups.through,
        Reviewer,
        ContentVersion,
        ReviewRecord,
    ]
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in models
    }


def seed_sentences(text):
    """Sentences of the seed page, and the parts of lines the page glued together.

    The seed is a text dump of a web page: icon names and card titles run into
    the following text ("check_circleCIK cells ...", "profileNo cytokine ...").
    """
    candidates = set()
    for line in text.splitlines():
        line = re.sub(r"^\s*[a-z]+(?:_[a-z]+)*(?=[A-Z])", "", line.strip())
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            candidates.add(sentence)
            candidates.update(re.split(r"(?<=[a-z])(?=[A-Z][a-z])", sentence))
    return {normalise(s) for s in candidates if len(normalise(s)) > 40}


@pytest.fixture
def seed_text():
    if not SEED_PATH.exists():
        pytest.skip(f"seed page not found at {SEED_PATH}")
    return SEED_PATH.read_text(encoding="utf-8")


def test_second_run_changes_and_duplicates_nothing():
    """Every row, every field and every link is the same after a second run."""
    first = database_state()
    output = load_demo("--users")
    assert database_state() == first
    assert " created" not in output
    assert " updated" not in output
    assert all(rows for label, rows in first.items() if "groups" not in label)


def test_what_it_prints_and_the_secure_link_follow_the_site_address(settings):
    """scripts/dev sets SITE_URL from BIND (``tests/test_dev_script.py``): the
    addresses printed for the demo users open on that port, not on :8000."""
    settings.SITE_URL = "http://127.0.0.1:8861/"
    printed = load_demo("--users")
    assert "http://127.0.0.1:8861/admin/" in printed
    assert "http://127.0.0.1:8861/guides/" in printed
    assert ":8000" not in printed
    assert patient_link_url("abc").startswith("http://127.0.0.1:8861/my-inquiry/")


def test_run_restores_edited_content_and_removes_extra_sections():
    """Demo guides go back to the data: edits are undone, extra parts removed."""
    guide = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    Section.objects.filter(guide=guide, order=20).update(heading="Edited")
    extra = Section.objects.create(guide=guide, order=999, kind="rich_text", body="x")
    first_items = Section.objects.get(guide=guide, order=10).items
    first_items.create(order=99, text="An extra point")

    load_demo()

    assert Section.objects.get(guide=guide, order=20).heading == (
        "What is CIK cell therapy?"
    )
    assert not Section.objects.filter(pk=extra.pk).exists()
    assert first_items.count() == len(demo_content.CIK_GUIDE_SECTIONS[0]["items"])


def test_users_get_their_roles_and_credentials_are_printed(module_demo_users):
    """One staff user per role plus a superuser, marked development-only."""
    output = module_demo_users
    user_model = get_user_model()
    admin = user_model.objects.get(email="admin@example.org")
    assert admin.is_superuser and admin.is_staff
    for data in demo_content.DEMO_USERS:
        user = user_model.objects.get(email=data["email"])
        assert user.is_staff and user.get_display_name() == data["display_name"]
        assert data["email"] in output
        assert user.check_password(data["password"])
        assert data["password"] in output
        if data["role"]:
            assert list(user.groups.values_list("name", flat=True)) == [data["role"]]
    editor = user_model.objects.get(email="demo-editor@example.org")
    assert editor.has_perm("guides.change_guide")
    assert not user_model.objects.get(email="demo-reviewer@example.org").has_perm(
        "guides.change_guide"
    )
    assert roles.COORDINATOR in output
    assert "DEVELOPMENT ONLY" in output
    assert "/admin/" in output


def test_second_run_keeps_a_changed_password():
    """A password someone changed is neither reset nor printed."""
    editor = get_user_model().objects.get(email="demo-editor@example.org")
    editor.set_password("a password of my own")
    editor.save()

    output = load_demo("--users")

    editor.refresh_from_db()
    assert editor.check_password("a password of my own")
    assert "editor-demo-only" not in output
    assert "admin-demo-only" in output


def test_quiet_run_prints_nothing():
    """--verbosity 0 prints neither the summary nor the credentials (a second run
    prints the unchanged demo passwords otherwise, as below)."""
    assert load_demo("--users", "--verbosity", "0") == ""


def test_no_seed_sentence_is_copied(seed_text):
    """No sentence of the seed page longer than 40 characters is reused."""
    text = "\n".join(demo_texts())
    sentences = seed_sentences(seed_text)
    assert len(sentences) > 50
    copied = sorted(s for s in sentences if s in text)
    assert copied == []


def test_no_long_phrase_is_copied_from_the_seed(seed_text):
    """A lightly edited sentence would share a long run of words with the seed.

    Eight words allow names and lists ("South Korea, Taiwan, Japan and India") but
    not a phrase carried over.
    """
    length = 8

    def runs(text):
        words = re.findall(r"[\w+/–'-]+", normalise(text))
        return {" ".join(words[i : i + length]) for i in range(len(words) - length + 1)}

    seed_runs = runs(seed_text)
    copied = {run for text in demo_texts() for run in runs(text) & seed_runs}
    assert copied == set()

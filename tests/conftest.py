import gc
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connections, transaction
from django.db.models import F
from django.test import TransactionTestCase, override_settings
from django.test import client as test_client
from django.test.utils import ContextList
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import settings as hypothesis_settings
from pytest_django import live_server_helper
from whitenoise import WhiteNoise
from whitenoise.middleware import WhiteNoiseMiddleware

from cancerfax import roles
from tests import db_copies

# Plugin modules (their fixtures) this module imports from: their asserts are
# rewritten only if pytest is told before the import.
pytest.register_assert_rewrite(
    "tests.demo_fixtures", "tests.browser_setup", "tests.xdist_order"
)
pytest_plugins = ["tests.demo_fixtures", "tests.browser_setup", "tests.xdist_order"]

from tests.browser_setup import CHROMIUM  # noqa: E402
from tests.demo_fixtures import (  # noqa: E402
    MODULE_RUNS,
    empty,
    module_items,
)
from tests.xdist_order import LAST  # noqa: E402

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls from a thread with a running loop unless told this is intended.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Hypothesis draws a quarter of each test's examples on an everyday run and all of
# them with HYPOTHESIS_PROFILE=thorough (CI's nightly-style run, or before a
# release). Tests name their full count with ``examples(n)``.
hypothesis_settings.register_profile("quick", max_examples=25, deadline=None)
hypothesis_settings.register_profile("thorough", max_examples=100, deadline=None)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")
hypothesis_settings.load_profile(HYPOTHESIS_PROFILE)


# A test process holds a few million long-lived objects (Django, the collected
# tests, Playwright). With the collector's default thresholds a full collection
# walked all of them again and again: about a seventh of the suite's Python time
# (perf). Collections are rarer here, and what exists once the tests are
# collected is moved out of the collector's sight (``pytest_collection_finish``).
gc.set_threshold(50_000, 20, 20)


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()


def examples(thorough):
    """How many examples a Hypothesis test draws: ``thorough`` under the thorough
    profile, a quarter of it (at least 2) under the quick one."""
    return thorough if HYPOTHESIS_PROFILE == "thorough" else max(2, thorough // 4)


def _store_rendered_templates(store, signal, sender, template, context, **kwargs):
    """Django's test client keeps a copy of the context of every template it
    sees rendered (``response.context``), widgets included: on the guide
    editor's page, hundreds of copies and a seventh of the render. The tests
    read the view's own context after the response, so a reference to each
    context object (once) serves them the same keys without the copies."""
    store.setdefault("templates", []).append(template)
    seen = store.setdefault("context ids", set())
    if id(context) not in seen:
        seen.add(id(context))
        store.setdefault("context", ContextList()).append(context)


test_client.store_rendered_templates = _store_rendered_templates


def make_user(django_user_model, name, role=None, **extra):
    """A staff account signing in as ``<name>@example.org``."""
    user = django_user_model.objects.create_user(
        email=f"{name}@example.org",
        password="correct horse battery staple",
        is_staff=role is not None or extra.pop("is_staff", False),
        **extra,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def otp_wait_over(user) -> None:
    """As if the wait django-otp imposes after a wrong code (a second, doubling
    with each failure) were over: the failure is moved an hour back instead of
    the test sleeping through it."""
    TOTPDevice.objects.filter(user=user).update(
        throttling_failure_timestamp=F("throttling_failure_timestamp")
        - timedelta(hours=1)
    )


# The members of staff tests sign in as, by fixture name: the name of their
# e-mail address, their role and other fields of their account. A module that
# builds its data once (``module_db``) makes the same people with ``staff``.
STAFF = {
    "medical_editor": ("editor", roles.MEDICAL_EDITOR, {}),
    "medical_reviewer": ("reviewer", roles.MEDICAL_REVIEWER, {}),
    "review_lead": ("lead", roles.REVIEW_LEAD, {}),
    "coordinator": ("coordinator", roles.COORDINATOR, {}),
    "superuser": ("root", None, {"is_superuser": True, "is_staff": True}),
    "staff_without_role": ("staffer", None, {"is_staff": True}),
    # Clinicians sign assessments with their display name and credentials.
    "clinician": (
        "clinician",
        roles.CLINICIAN,
        {"display_name": "Dr Ada Osei", "credentials": "MD, FRCP"},
    ),
    "other_clinician": ("clinician2", roles.CLINICIAN, {}),
}


# Every kind of visitor a role-by-URL matrix tries: signed out, then each member
# of staff above.
EVERY_ROLE = ["anonymous", *STAFF]


def staff(django_user_model, fixture):
    """The member of staff of the fixture named ``fixture`` (``STAFF``)."""
    name, role, extra = STAFF[fixture]
    return make_user(django_user_model, name, role, **extra)


@pytest.fixture
def medical_editor(django_user_model):
    return staff(django_user_model, "medical_editor")


@pytest.fixture
def medical_reviewer(django_user_model):
    return staff(django_user_model, "medical_reviewer")


@pytest.fixture
def review_lead(django_user_model):
    return staff(django_user_model, "review_lead")


@pytest.fixture
def coordinator(django_user_model):
    return staff(django_user_model, "coordinator")


@pytest.fixture
def superuser(django_user_model):
    return staff(django_user_model, "superuser")


@pytest.fixture
def staff_without_role(django_user_model):
    return staff(django_user_model, "staff_without_role")


def pytest_collection_modifyitems(config, items):
    """Browser tests are database-agnostic (CI runs them on one leg). Skip them on
    a machine without Chromium, never in CI. Tests that start the error tracker
    go last: its patches of Django cost every later request and query."""
    items.sort(key=lambda item: item.get_closest_marker("error_tracking") is not None)
    unnamed = [
        item.nodeid
        for item in items
        if item.get_closest_marker("error_tracking") and LAST not in item.nodeid
    ]
    if unnamed:
        raise pytest.UsageError(
            f"Name these tests for {LAST!r} (tests/xdist_order.py): {unnamed}"
        )
    browser_tests = [item for item in items if "browser" in item.keywords]
    for item in browser_tests:
        item.add_marker(pytest.mark.db_agnostic)
    # A test that never reaches the database proves nothing about its engine.
    for item in items:
        if not uses_database(item):
            item.add_marker(pytest.mark.db_agnostic)
    if Path(CHROMIUM).exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}")
    for item in browser_tests:
        item.add_marker(skip)


# Fixtures that open the test database to a test (pytest-django's and ours).
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
    "module_db",
    *MODULE_RUNS.values(),  # the demo runs
}


def uses_database(item) -> bool:
    """Whether the test can reach the database: marked for it, or asking for a
    fixture that opens it (directly or through another fixture). Tests that
    start processes of their own (``subprocess``) are counted as using it: they
    may read ``DATABASE_URL``."""
    if item.get_closest_marker("django_db") is not None:
        return True
    if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    module = getattr(item, "module", None)
    return module is not None and "subprocess" in vars(module)


def uses_other_connections(item):
    """Whether the test lets other threads or processes at the database: a live
    server (and its browser), or committed transactions another connection reads."""
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and (
        marker.kwargs.get("transaction") or (marker.args and marker.args[0])
    )
    fixtures = {"live_server", "transactional_db", "django_db_reset_sequences"}
    return bool(transactional or fixtures & set(item.fixturenames))


@pytest.fixture(autouse=True)
def _site_language_after_each_test():
    """Each test starts in the site's language: ``LocaleMiddleware`` leaves the
    language of the last request active in the thread (a page in Arabic made the
    next test's selectors read translations)."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _close_connections_after_each_test(request):
    """Close every database connection a test opened once the test is over, for
    the tests that share the database with other threads or processes.

    Once Playwright's sync API (greenlets) has run in the session, the connection
    of a later test outlived it and PostgreSQL refused to drop the test database
    ("being accessed by other users"). Other tests keep their connection: opening
    one per test costs PostgreSQL milliseconds a time, over a thousand times.
    """
    yield
    if uses_other_connections(request.node):
        connections.close_all()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, with a copy of it kept (see
    ``tests/db_copies.py``)."""
    with django_db_blocker.unblock():
        db_copies.take(db_copies.EMPTY)


def _empty_after_transactional_test(self):
    """Instead of Django's flush after a transactional test, the copy of the
    freshly migrated database put back: the rows a flush would leave, in
    milliseconds."""
    empty()


TransactionTestCase._fixture_teardown = _empty_after_transactional_test


@pytest.fixture(scope="module")
def module_db(request, django_db_setup, django_db_blocker):
    """One transaction around every test of a module, for data built once per
    module, as Django's ``TestCase.setUpTestData`` does: each test runs in a
    savepoint inside it (pytest-django's ``db``) and the data go at the module's end.

    Yields False in a module with transactional tests, whose flush would empty
    the database under the open transaction: their fixtures build data per test.
    """
    items = module_items(request)
    if any(uses_other_connections(item) for item in items):
        yield False
        return
    # The demo content of ``module_demo`` (or ``module_demo_users``) is
    # committed from its copy before the module's transaction opens (see
    # ``tests/demo_fixtures.py``), and the empty database put back after.
    asked = {
        run
        for fixture, run in MODULE_RUNS.items()
        for item in items
        if fixture in item.fixturenames
    }
    assert len(asked) <= 1, f"a module gets one demo run: {sorted(asked)}"
    run = request.getfixturevalue(asked.pop()) if asked else None
    with django_db_blocker.unblock():
        if run:
            db_copies.restore(run.copy)
            request.module._demo_committed = True
        atomic = transaction.atomic()
        atomic.__enter__()
        # As TestCase marks its class-wide atomic: a durable block inside a test
        # is not refused for being nested in this one.
        atomic._from_testcase = True
        try:
            yield True
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            if run:
                empty()


def _static_by_whitenoise(application):
    """The live server's static files, from WhiteNoise as in production, indexed
    once from the apps' folders (nothing is collected for a test run) and cached
    by the browser for the test's later page loads. Django's ``StaticFilesHandler``
    searched every finder on every request and set no cache lifetime: each page
    load fetched its forty files again."""
    with override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_MAX_AGE=3600):
        index = WhiteNoiseMiddleware()
    static = WhiteNoise(application)
    static.files = index.files
    return static


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, with static files served as in production."""
    addr = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = live_server_helper.LiveServer(addr, start=False)
    server.thread.static_handler = _static_by_whitenoise
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _live_server_helper(request):
    """pytest-django's helper of the same name, with one change: a browser test
    reading ``demo_site`` gets database access without ``transactional_db``,
    whose flush after every test would empty the module's shared content."""
    if "live_server" not in request.fixturenames:
        yield
        return
    if "demo_site" not in request.fixturenames:
        request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture
def live_render(settings):
    """Pages render live on every request: for tests that count a render's queries.

    Stored pages (served with one query) are tested in ``tests/test_stored_pages.py``.
    """
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.startswith("publishing.")
    ]


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks wait in the database queue until ``run_worker`` runs them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes "old" connections between tasks; in a test that is the
    # connection holding the test's transaction, so it is left open.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections",
        lambda: None,
    )


@pytest.fixture
def run_worker(database_tasks):
    """Run a database worker in this process until the queue is empty."""

    def run():
        call_command(
            "db_worker", batch=True, interval=0, startup_delay=False, reload=False,
            verbosity=0,
        )  # fmt: skip

    return run


@pytest.fixture
def failing_mail(settings):
    """Every message fails as if the mail server refused the connection."""
    settings.EMAIL_BACKEND = "tests.inquiries.mailbackends.FailingBackend"

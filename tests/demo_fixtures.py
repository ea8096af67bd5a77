"""The demo content in tests: ``load_demo`` runs at most once per process for
each set of options, and tests get its rows back from a copy.

``load_demo`` runs the services and approvals behind every item (seconds);
putting its rows back from a copy costs 5 ms on SQLite and 60 ms on PostgreSQL
(``tests/db_copies.py``). Each run is made in the empty test database of the
first test that asks, then emptied again; on SQLite the other workers take it
over (``tests/shared_runs.py``). Its output is kept too, so the tests of
``load_demo`` itself read the very run the others use.
"""

from io import StringIO
from typing import NamedTuple

import pytest
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.test import override_settings

from tests import db_copies, shared_runs


class DemoRun(NamedTuple):
    """One run of ``load_demo`` into an empty database."""

    output: str  # what it printed
    copy: str  # the name of its database copy


def module_items(request) -> list:
    """The collected tests of the requesting module."""
    module = request.node.module
    return [
        item
        for item in request.session.items
        if getattr(item, "module", None) is module
    ]


class _committed_demo:  # noqa: N801 (a namespace of process-wide state)
    loaded = False


def forget_committed_demo(**kwargs):
    # A flush or migrate ends with post_migrate: the committed content is gone.
    _committed_demo.loaded = False


post_migrate.connect(forget_committed_demo, weak=False)


def empty():
    """The freshly migrated database put back (outside a transaction)."""
    db_copies.restore(db_copies.EMPTY)
    forget_committed_demo()


def _load(copy: str, *options: str) -> str:
    out = StringIO()
    # DEBUG off, as in production: without --users no account is made.
    with override_settings(DEBUG=False):
        call_command("load_demo", *options, stdout=out)
    db_copies.take(copy)
    empty()
    return out.getvalue()


def _run(tmp_path_factory, copy: str, *options: str) -> DemoRun:
    """The run, made here or taken over from the worker that made it first
    (``tests/shared_runs.py``)."""
    shared = shared_runs.folder(tmp_path_factory, copy)
    if shared is None:
        return DemoRun(_load(copy, *options), copy)
    with shared_runs.locked(shared):
        output = shared_runs.adopt(shared, copy)
        if output is None:
            output = _load(copy, *options)
            shared_runs.keep(shared, copy, output)
    return DemoRun(output, copy)


@pytest.fixture(scope="session")
def demo_run(django_db_setup, django_db_blocker, tmp_path_factory) -> DemoRun:
    """``load_demo`` as the demo content for tests: no option."""
    with django_db_blocker.unblock():
        return _run(tmp_path_factory, db_copies.DEMO)


@pytest.fixture(scope="session")
def demo_users_run(django_db_setup, django_db_blocker, tmp_path_factory) -> DemoRun:
    """``load_demo --users``: the demo content and a member of staff per role."""
    with django_db_blocker.unblock():
        return _run(tmp_path_factory, db_copies.DEMO_USERS, "--users")


@pytest.fixture
def demo(transactional_db, demo_run):
    """The demo content, as ``load_demo`` leaves it, in a transactional test
    (a read-only module's committed copy, ``demo_site``, is replaced)."""
    db_copies.restore(demo_run.copy)


# Module fixtures whose run ``module_db`` commits from its copy before the
# module's transaction opens; the empty database is put back after the module.
MODULE_RUNS = {"module_demo": "demo_run", "module_demo_users": "demo_users_run"}


def _every_test_asks(request, module_db, name: str) -> None:
    assert module_db, f"{name} is for modules without transactional tests"
    # A test of the module that does not ask would see it or not depending on the
    # order the tests run in.
    items = module_items(request)
    lacking = [item.name for item in items if name not in item.fixturenames]
    assert not lacking, f"every test of the module must ask for {name}: {lacking}"


@pytest.fixture(scope="module")
def module_demo(request, module_db, demo_run) -> str:
    """The demo content, loaded once for every test of a non-transactional module;
    what its run printed.

    Tests may change it: each test's changes are rolled back after it."""
    _every_test_asks(request, module_db, "module_demo")
    # module_db committed its rows from the copy.
    assert request.node.module._demo_committed
    return demo_run.output


@pytest.fixture(scope="module")
def module_demo_users(request, module_db, demo_users_run) -> str:
    """As ``module_demo``, with the demo's members of staff (``--users``)."""
    _every_test_asks(request, module_db, "module_demo_users")
    # module_db committed its rows from the copy.
    assert request.node.module._demo_committed
    return demo_users_run.output


@pytest.fixture(scope="module")
def _demo_site_module(django_db_setup, django_db_blocker):
    yield
    if _committed_demo.loaded:
        with django_db_blocker.unblock():
            empty()


@pytest.fixture
def demo_site(_demo_site_module, demo_run, django_db_blocker):
    """The demo content, committed once for the browser tests of a module that
    only read it, and emptied when the module ends: the live server sees it on
    every engine, and no test pays a load and a flush of its own.

    Requests made by these tests still write (sessions, stored pages, access
    logs); they never change the content other tests read. A test that changes
    content uses ``demo`` instead, which starts from a clean copy.
    """
    with django_db_blocker.unblock():
        if not _committed_demo.loaded:
            db_copies.restore(demo_run.copy)
            _committed_demo.loaded = True
        yield

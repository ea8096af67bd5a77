"""The migrations build the schema from nothing, on the engine the suite runs on.

One initial migration per app (scripts/migrations-regenerate), no cycle between
apps, nothing left for ``makemigrations``; the covering indexes have their
INCLUDE columns on PostgreSQL and SQLite gets no ``models.W040`` warning.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core import checks
from django.db import connection
from django.db.migrations.loader import MigrationLoader

ROOT = Path(settings.BASE_DIR)
# The project's apps with models (``operations`` has none, so no migrations).
PROJECT_APPS = {
    config.label
    for config in apps.get_app_configs()
    if Path(config.path).parent == ROOT and config.models_module is not None
}
# Run in a fresh process against a fresh database: every migration from zero,
# then what a deployment would check. Prints what the test asserts on.
FROM_ZERO = """
import json, django
from django.core.management import call_command
from django.db import connection
django.setup()
call_command("migrate", verbosity=0, interactive=False)
call_command("makemigrations", check=True, dry_run=True, verbosity=0)
from search.models import Synonym
with connection.cursor() as cursor:
    tables = connection.introspection.table_names(cursor)
print(json.dumps({"tables": tables, "synonyms": Synonym.objects.count()}))
"""


def project_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {
        key: m for key, m in loader.disk_migrations.items() if key[0] in PROJECT_APPS
    }


def test_one_initial_migration_per_app_and_no_cycle_between_apps():
    migrations = project_migrations()
    initials = {app for app, name in migrations if name == "0001_initial"}
    assert initials == PROJECT_APPS
    needs = {app: set() for app in PROJECT_APPS}
    for (app, name), migration in migrations.items():
        if name != "0001_initial":
            # Hand-written ones come after their own initial migration only.
            assert any(dep[0] == app for dep in migration.dependencies), name
        for dep_app, dep_name in migration.dependencies:
            if dep_app in PROJECT_APPS and dep_app != app:
                assert dep_name in {"0001_initial", "__first__"}, (
                    app,
                    dep_app,
                    dep_name,
                )
                needs[app].add(dep_app)
    done = set()
    while needs:
        ready = [app for app, wanted in needs.items() if wanted <= done]
        assert ready, f"a cycle between apps: {needs}"
        for app in ready:
            done.add(app)
            del needs[app]


@pytest.fixture
def fresh_database(django_db_blocker, tmp_path):
    """A database URL nobody has used, on the suite's engine; dropped afterwards."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    name = f"fresh_{uuid.uuid4().hex[:12]}"
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name}")
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    yield f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{name}"
    with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE {name}")


def test_an_empty_database_migrates_from_zero_to_the_models(fresh_database):
    env = {**os.environ, "DATABASE_URL": fresh_database}
    env.setdefault("DJANGO_SETTINGS_MODULE", "cancerfax.settings.test")
    done = subprocess.run(
        [sys.executable, "-c", FROM_ZERO],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    state = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"accounts_user", "inquiries_inquiry", "cancerfax_cache"} <= set(
        state["tables"]
    )
    assert "auth_user" not in state["tables"]
    # The hand-written migration's starting synonym list.
    assert state["synonyms"] >= 9


def index_sql(name):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name]
            )
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [name])
        row = cursor.fetchone()
    return row[0] if row else None


@pytest.mark.django_db
def test_the_covering_indexes_include_their_columns_where_the_engine_can():
    received = index_sql("inquiry_received_covering")
    assert received is not None and "received_at" in received
    if connection.vendor == "postgresql":
        included = "INCLUDE (id, status, outcome, first_responded_at, cancer_type_id)"
        assert included in received
        assert "INCLUDE (assignee_id)" in index_sql("inquiry_status_due")
        assert "INCLUDE (status)" in index_sql("inquiry_awaiting_due_status")
        assert "gin (vector)" in index_sql("search_entry_vector_gin")
    else:
        assert "INCLUDE" not in received.upper()


def test_no_system_check_warns_about_covering_indexes():
    """SQLite has no INCLUDE; saying so on every command helped nobody."""
    messages = checks.run_checks(tags=[checks.Tags.models])
    assert [m for m in messages if m.id == "models.W040"] == []

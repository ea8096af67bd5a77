"""Server time to open and to save the CIK guide in the guide editor.

Run against a database with the demo content (``manage.py load_demo``)::

    .venv/bin/python -m bench.guide_editor                # figures
    .venv/bin/python -m bench.guide_editor --profile save # and a cProfile

A signed-in medical editor opens ``/admin/guides/guide/<cik>/change/`` and saves
it back with "Save and continue editing", posting every field the page holds as
the browser would (nothing changed, so the save does the full validation and
write of the page's forms). Each save is rolled back, so the database is left as
it was. Times are wall-clock per request in this process (Django's test client,
development settings: no network), the best of several rounds: other load on the
machine only ever adds. CPU time is printed too: on a shared machine it is the
steadier figure.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def editor_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from cancerfax import roles

    user, created = get_user_model().objects.get_or_create(
        email="bench-guide-editor@example.org", defaults={"is_staff": True}
    )
    if created:
        user.groups.add(Group.objects.get(name=roles.MEDICAL_EDITOR))
    client = Client()
    client.force_login(user)
    return client


def timed(action, repeat):
    """Best wall-clock and best CPU milliseconds of ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return min(wall), min(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="requests per case")
    parser.add_argument("--profile", choices=["open", "save"])
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cancerfax.settings.base")
    import django

    django.setup()
    from django.db import transaction

    from guides import demo_content
    from guides.models import Guide

    guide = Guide.objects.get(slug=demo_content.CIK_GUIDE)
    url = f"/admin/guides/guide/{guide.pk}/change/"
    client = editor_client()
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    # Read as a browser would submit it (the tests' reader of admin forms).
    from tests.admin_forms import form_data

    data = form_data(page.content.decode(), "guide_form")
    data["_continue"] = "Save and continue editing"

    def open_():
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    def save():
        with transaction.atomic():
            response = client.post(url, data)
            assert response.status_code == 302, response.content[:3000]
            transaction.set_rollback(True)

    cases = {"open": open_, "save": save}
    for name, action in cases.items():
        action()  # warm caches
        wall, cpu = timed(action, args.repeat)
        print(f"{name:5} {wall:7.0f} ms server time ({cpu:.0f} ms CPU)")
    print(f"page: {len(page.content):,} bytes, {len(data):,} posted fields")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        cases[args.profile]()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.lines)


if __name__ == "__main__":
    main()

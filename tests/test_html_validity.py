"""Every kind of public page is valid HTML by the W3C Nu checker (vnu-jar).

vnu-jar comes from the npm registry (``package.json``) and runs on the Java
runtime from Debian. The pages are rendered once with the demo content and
checked in one run of the checker, which starts a JVM: seconds, not minutes.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from inquiries.views import SESSION_REFERENCE
from reviews.models import Reviewer

# Markup does not depend on the database engine: CI checks it on one leg.
pytestmark = pytest.mark.db_agnostic

VNU = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"

# One page of each kind a patient can reach; with the reviewer's id and the
# thank-you page filled in below.
PAGES = [
    "/",
    "/guides/",
    "/guides/what-is-cik-therapy/",
    "/guides/cik-and-car-t-compared/",
    "/cancers/",
    "/cancers/hepatocellular-carcinoma/",
    "/faq/",
    "/glossary/",
    "/about/who-we-are/",
    "/about/contact/",
    "/about/editorial-policy/",
    "/about/funding-and-hospitals/",
    "/about/privacy/",
    "/about/reviewers/",
    "/search/?q=liver+cancer",
    "/search/?q=zzzz",
    "/inquire/",
    "/no-such-page/",
    # Right to left, and the other script: the interface in its languages.
    "/ar/",
    "/ar/guides/what-is-cik-therapy/",
    "/ar/inquire/",
    "/zh-hans/faq/",
]


def needs_the_checker():
    if not (shutil.which("java") and VNU.exists()) and not os.environ.get("CI"):
        pytest.skip("needs java and node_modules/vnu-jar (npm ci)")


def nu_messages(paths: dict[str, Path]) -> dict[str, list[str]]:
    """The checker's errors for each page (``{path: [message, …]}``)."""
    # The checker's JVM lives for seconds: its first compiler alone (C1) halves
    # the CPU it takes (4.5 to 2.1 core-seconds for eight editor-sized pages),
    # and needs a deeper stack than the default for the HTML schema.
    run = subprocess.run(
        ["java", "-XX:TieredStopAtLevel=1", "-Xss16m", "-jar", str(VNU),
         "--errors-only", "--format", "json", *map(str, paths.values())],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    try:
        messages = json.loads(run.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        messages = None
    # The checker exits 1 when it finds errors. Exiting 1 with none reported is
    # its own failure: a stack overflow on a deep page is told on stdout, and the
    # report it still writes is empty, which would read as valid pages.
    if messages is None or bool(messages) != (run.returncode == 1):
        pytest.fail(
            f"the Nu checker failed (exit {run.returncode}): "
            f"{run.stdout[:500]} {run.stderr[:500]}"
        )
    by_file = {str(file): path for path, file in paths.items()}
    found = {path: [] for path in paths}
    for message in messages:
        where = by_file.get(message.get("url", "").removeprefix("file:"), "?")
        found.setdefault(where, []).append(
            f"{message.get('lastLine', '?')}: {message['message']}"
        )
    return found


INVALID = (
    '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
    "<body><p><div>unclosed</p></body></html>"
)


@pytest.fixture(scope="module")
def checked(module_demo, tmp_path_factory, django_db_blocker):
    """The checker's errors for every page kind and for one invalid page, from one
    run of the checker (each run starts a JVM: seconds)."""
    needs_the_checker()
    folder = tmp_path_factory.mktemp("pages")
    client = Client()
    files = {}
    with django_db_blocker.unblock():
        reviewer = Reviewer.objects.order_by("pk")[0].pk
        for number, path in enumerate([*PAGES, f"/about/reviewers/{reviewer}/"]):
            response = client.get(path)
            assert response.status_code in (200, 404), (path, response.status_code)
            files[path] = folder / f"page{number}.html"
            files[path].write_bytes(response.content)
        # The thank-you page shows the reference of the inquiry just sent.
        session = client.session
        session[SESSION_REFERENCE] = "CF-2026-ABCD1234"
        session.save()
        response = client.get("/inquire/thanks/")
    files["/inquire/thanks/"] = folder / "thanks.html"
    files["/inquire/thanks/"].write_bytes(response.content)
    files["/bad/"] = folder / "bad.html"
    files["/bad/"].write_text(INVALID)
    return nu_messages(files)


def test_every_public_page_kind_is_valid_html(checked):
    assert len(checked) == len(PAGES) + 3
    errors = {path: found for path, found in checked.items() if found}
    errors.pop("/bad/", None)
    assert errors == {}


def test_the_checker_reports_the_errors_of_an_invalid_page(checked):
    assert checked["/bad/"] != []

"""In Chromium: every admin page each staff role can open passes axe at every
impact and is exactly as wide as the screen, at desk width and at 360 px.

The pages are collected from the admin site's URL patterns (Django's and each
model admin's own), not from a list: a new model or a new admin view is checked
as soon as it is registered. A page counts as one the role can open when the
test client gets it as an HTML page (200); refusals (403), pages of models
without an object, redirects and non-HTML answers are left out (see ``SKIPPED``).

A page an earlier role already walks with the same markup outside the navigation
(the same list, both only reading it) is walked once. The walk is then some 190 s
of test time, nearly as much as the rest of the browser tests together. CI runs
it (``CI`` is set by .ci/run); elsewhere
``TEST_STAFF_SWEEP=1 scripts/test tests/browser/test_every_staff_page.py`` does.
Each role's everyday journey is checked the same way in every run by the journey
tests (queue and case page, editor, review round, clinician, portal).
"""

import os
import time

import pytest
from django.contrib import admin
from django.test import Client, override_settings
from django.urls import URLPattern, reverse

from cancerfax import roles
from casework.assessments import assessment_request_create
from casework.messaging import message_send
from casework.models import MessageTemplate, TreatmentCentre
from guides.models import CancerIndication
from inquiries.consent import CURRENT_CONSENT_VERSION
from inquiries.files import CheckedUpload, inspect_upload
from inquiries.models import Inquiry
from inquiries.services import inquiry_submit
from tests.conftest import make_user
from tests.inquiries.conftest import submission_values
from tests.inquiries.samples import image_bytes, upload

from .pages import markup
from .test_admin_workspace_pages import EXCLUDE, OPEN_ALL

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (os.environ.get("CI") or os.environ.get("TEST_STAFF_SWEEP")),
        reason="the walk over every staff page runs in CI or with TEST_STAFF_SWEEP=1",
    ),
]
EVERY_IMPACT = ("minor", "moderate", "serious", "critical")
WIDTHS = (1280, 360)
ROLES = [
    "medical_editor",
    "medical_reviewer",
    "review_lead",
    "coordinator",
    "clinician",
    "superuser",  # last: it walks only what no role before it opens
]
# Admin URL names (Django's or a model admin's suffix) that are not pages to read.
SKIPPED = {
    "login": "the sign-in pages are checked in test_staff_sign_in.py",
    "logout": "a POST that signs out",
    "autocomplete": "JSON for select widgets",
    "jsi18n": "a script",
    "view_on_site": "a redirect to the public site",
    "_delete": "a delete confirmation: nothing is deleted from these lists",
    "_export": "a CSV download",
    "_file": "a file download",
    "_file_content": "the file's bytes, drawn by the records viewer",
    "_qrcode": "an image",
}
# The object a file URL opens, for the model admins whose views take one.
FILES = {
    Inquiry: lambda inquiry: inquiry.files.order_by("pk").first(),
    "casework.AssessmentRequest": lambda sent: sent.inquiry.files.order_by(
        "pk"
    ).first(),
}
OBJECT_KWARGS = {"object_id", "pk", "id", "inquiry_id", "request_id"}
# The parts of an admin page that differ by person and role, whatever the page.
NAVIGATION = ("nav-sidebar", "user-tools")


def skipped(name):
    return next((why for key, why in SKIPPED.items() if name.endswith(key)), None)


def candidate_paths():
    """Every admin page with its arguments filled from the first object of its
    model: the site's own pages, each app's index, each model admin's views."""
    paths = [reverse("admin:index")]
    for pattern in admin.site.get_urls():
        name = getattr(pattern, "name", None)
        if (
            isinstance(pattern, URLPattern)
            and name not in {None, "index", "app_list"}
            and not skipped(name)
        ):
            paths.append(reverse(f"admin:{name}"))
    labels = sorted({model._meta.app_label for model in admin.site._registry})
    paths += [reverse("admin:app_list", args=[label]) for label in labels]
    for model, model_admin in admin.site._registry.items():
        first = model._default_manager.order_by("pk").first()
        for pattern in model_admin.get_urls():
            name = pattern.name
            # Unnamed: the old "<id>/" address, a redirect to the change page.
            if not name or skipped(name):
                continue
            paths.append(_fill(name, pattern, first))
    return [path for path in paths if path]


def _fill(name, pattern, obj):
    kwargs = {}
    for arg in pattern.pattern.converters:
        if obj is None:
            return None
        if arg in OBJECT_KWARGS:
            kwargs[arg] = obj.pk
        elif arg == "file_id":
            files = FILES.get(type(obj)) or FILES.get(obj._meta.label)
            assert files, f"{name}: which file does it open? Add it to FILES."
            kwargs[arg] = files(obj).pk
        else:
            pytest.fail(f"{name}: no value for <{arg}>; teach the test about it")
    return reverse(f"admin:{name}", kwargs=kwargs)


def openable(user, paths):
    """The paths this user gets as an HTML page, with the page's markup outside
    the navigation (``pages.markup``): the sidebar lists the role's own models
    and the user tools name the person."""
    client = Client()
    client.force_login(user)
    found = {}
    for path in paths:
        response = client.get(path)
        kind = response.headers.get("Content-Type", "")
        if response.status_code == 200 and kind.startswith("text/html"):
            found[path] = markup(response.content.decode(), NAVIGATION)
        else:
            assert response.status_code in {302, 403, 404, 200}, (path, response)
    return found


@pytest.fixture(scope="module")
def private_root(tmp_path_factory):
    # The records stay in this module's own folder, for the live server too.
    with override_settings(INQUIRY_PRIVATE_ROOT=tmp_path_factory.mktemp("private")):
        yield


@pytest.fixture
def casework(demo_site, private_root, django_user_model):
    """A case with two records, a message, a centre, a template and a request
    sent to the clinician: committed once, with the demo content, for the module."""
    if Inquiry.objects.exists():
        return
    triage = make_user(django_user_model, "triage", roles.COORDINATOR)
    make_user(django_user_model, "clinician", roles.CLINICIAN, display_name="Dr Osei")
    files = [
        upload("report.pdf", image_bytes("PDF")),
        upload("scan.png", image_bytes("PNG")),
    ]
    inquiry = inquiry_submit(
        submission_key="every-staff-page",
        data=submission_values(CancerIndication.objects.order_by("pk").first()),
        consent_version=CURRENT_CONSENT_VERSION,
        checked_uploads=[CheckedUpload(file=f, info=inspect_upload(f)) for f in files],
    )
    TreatmentCentre.objects.get_or_create(
        name="Riverside Clinic", city="Lyon", country="FR"
    )
    if not MessageTemplate.objects.exists():
        MessageTemplate.objects.create(
            purpose="acknowledgement", language="en", body="Hello, {reference}."
        )
    message_send(inquiry=inquiry, author=triage, body="We received your records.")
    assessment_request_create(
        inquiry=inquiry,
        clinician=django_user_model.objects.get(email="clinician@example.org"),
        actor=triage,
        question="Is CIK worth considering?",
    )


@pytest.fixture
def clinician(casework, django_user_model):
    return django_user_model.objects.get(email="clinician@example.org")


# Regions that scroll sideways at 360 px. A list wraps or stacks instead (Django's
# changelist draws its table in a ".results" scroller); anything else that must
# scroll is reached by keyboard: focusable, with a name.
SCROLLERS = """[...document.querySelectorAll('body *')].filter(e => {
    const x = getComputedStyle(e).overflowX;
    return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1
        && e.getClientRects().length > 0;
}).filter(e => e.matches('.results') || e.tabIndex < 0
    || !(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))
).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
    + (e.className && typeof e.className === 'string'
        ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))"""


def measure(page, axe_violations):
    """Axe's violations at every impact and the page's width, at each width.

    The page is loaded once, at desk width, and narrowed as a phone turned
    upright would: the layout is CSS only, and one load per page keeps the
    superuser's hundred pages within a few minutes."""
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.evaluate(OPEN_ALL)
        violations = axe_violations(page, impacts=EVERY_IMPACT, exclude=EXCLUDE)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if violations:
            found[f"{width} axe"] = violations
        if wide != width:
            found[f"{width} width"] = wide
        if width < 768 and (scrollers := page.evaluate(SCROLLERS)):
            found[f"{width} scrollers"] = scrollers
    return found


def walked_by_this_role(request, role, pages) -> list[str]:
    """The paths of ``pages`` (path: markup) that this role walks, after asking
    each role before it in ``ROLES`` which of them it opens.

    A page an earlier role opens with the same markup outside the navigation (a
    list both may only read) is walked once, by that role; this role's own
    navigation is walked on its other pages, its index always. The superuser,
    last, walks only the pages no other role opens (accounts, devices, logs):
    every role's own pages are walked as that role."""
    index = reverse("admin:index")
    paths = list(pages)
    for other in ROLES[: ROLES.index(role)]:
        theirs = openable(request.getfixturevalue(other), paths)
        if role == "superuser":
            paths = [p for p in paths if p not in theirs]
        else:
            paths = [p for p in paths if p == index or theirs.get(p) != pages[p]]
    return paths


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_of_the_role_fits_and_passes_axe(
    live_server, page, request, casework, role, admin_login, axe_violations
):
    user = request.getfixturevalue(role)
    started = time.monotonic()
    candidates = candidate_paths()
    pages = openable(user, candidates)
    assert reverse("admin:index") in pages
    paths = walked_by_this_role(request, role, pages)
    admin_login(page, user.email)
    found = {}
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        page.goto(live_server.url + path)
        problems = measure(page, axe_violations)
        if problems:
            found[path] = problems
    print(f"\n{role}: {len(paths)} pages in {time.monotonic() - started:.1f} s")
    assert found == {}

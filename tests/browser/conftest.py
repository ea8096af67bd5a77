import functools
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"


@functools.cache
def _axe_source():
    return AXE.read_text()


@pytest.fixture
def axe_violations():
    """Run axe-core on the page and return its violations at the given impacts."""

    def run(page, impacts=("serious", "critical"), exclude=(), include=()):
        if not AXE.exists():
            pytest.fail("axe-core is missing: run `npm ci` (scripts/test does it)")
        # Evaluated through DevTools: the site's CSP rightly refuses injected tags.
        # Once per document: a second scan of the same page (another width)
        # reuses it instead of parsing half a megabyte of script again.
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(_axe_source())
        context = {"exclude": [[selector] for selector in exclude]}
        if include:
            context["include"] = [[selector] for selector in include]
        # Only violations are asked for, and only their summary crosses back to
        # Python: axe then skips the details of every passing check, which on
        # the largest editor pages took most of its time.
        # Rules whose impact is not asked for are not run: axe reports a rule's
        # violations at the rule's own impact (its _finalizeRuleResult), so they
        # could only be filtered out below. A quarter of a scan of the largest
        # editor page went on them (region, landmarks, heading order...).
        found = page.evaluate(
            """([context, impacts]) => axe.run(context, {
                resultTypes: ["violations"],
                rules: Object.fromEntries(axe._audit.rules
                    .filter(rule => rule.impact && !impacts.includes(rule.impact))
                    .map(rule => [rule.id, {enabled: false}])),
            }).then(result => result.violations.map(v => (
                {id: v.id, impact: v.impact, nodes: v.nodes.length})))""",
            [context, list(impacts)],
        )
        return [v for v in found if v["impact"] in impacts]

    return run


@pytest.fixture
def admin_login(live_server, django_user_model):
    """Sign a member of staff in: the browser gets a session cookie as the sign-in
    form would set it, without loading the form each time (its own tests are in
    ``test_staff_sign_in.py``)."""

    def login(page, email, url=None):
        """Signed in, open ``url`` (the admin's index by default): the page a test
        starts on, not a page load more."""
        client = Client()
        client.force_login(django_user_model.objects.get(email=email))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )
        url = url or f"{live_server.url}/admin/"
        page.goto(url)
        opened = urlsplit(page.url).path
        assert opened == urlsplit(url).path, f"{email} not signed in: {page.url}"

    return login

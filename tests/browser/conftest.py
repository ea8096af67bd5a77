import json
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"


@pytest.fixture
def axe_violations():
    """Run axe-core on the page and return its violations at the given impacts."""

    def run(page, impacts=("serious", "critical"), exclude=()):
        if not AXE.exists():
            pytest.fail("axe-core is missing: run `npm ci` (scripts/test does it)")
        # Evaluated through DevTools: the site's CSP rightly refuses injected tags.
        page.evaluate(AXE.read_text())
        context = {"exclude": [[selector] for selector in exclude]}
        result = page.evaluate(f"axe.run({json.dumps(context)})")
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
            for v in result["violations"]
            if v["impact"] in impacts
        ]

    return run


@pytest.fixture
def admin_login(live_server):
    def login(page, username, password="correct horse battery staple"):
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

    return login

"""The accessibility check itself: it must find what it is there to find."""

import pytest

pytestmark = pytest.mark.browser


def test_axe_reports_violations_with_their_impact_and_count(page, axe_violations):
    page.set_content(
        '<!doctype html><html lang="en"><title>t</title><main>'
        '<img src="a.png"><img src="b.png"><input type="text"></main></html>'
    )
    found = {v["id"]: v for v in axe_violations(page)}
    assert found["image-alt"] == {"id": "image-alt", "impact": "critical", "nodes": 2}
    assert found["label"]["impact"] == "critical"
    # Impacts not asked for are left out.
    assert axe_violations(page, impacts=("minor",)) == []
    assert axe_violations(page, exclude=["main"]) == []
    only_images = axe_violations(page, include=["img"])
    assert [v["id"] for v in only_images] == ["image-alt"]

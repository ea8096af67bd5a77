"""The accessibility check itself: it must find what it is there to find."""

import pytest

pytestmark = pytest.mark.browser

EVERY_IMPACT = ("minor", "moderate", "serious", "critical")


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


def test_rules_of_impacts_not_asked_for_are_skipped_and_found_when_asked(
    page, axe_violations
):
    """The check leaves out the rules whose impact was not asked for. That is
    safe only while axe reports a rule's violations at the rule's own impact:
    the zoom rule's check is critical, the rule moderate, and axe says moderate."""
    page.set_content(
        '<!doctype html><html lang="en"><head><title>t</title>'
        '<meta name="viewport" content="width=device-width, user-scalable=no">'
        "</head><body><main><h1>Title</h1><h3>A level skipped</h3>"
        '<img src="a.png"></main></body></html>'
    )
    every = {v["id"]: v["impact"] for v in axe_violations(page, impacts=EVERY_IMPACT)}
    assert every == {
        "image-alt": "critical",
        "heading-order": "moderate",
        "meta-viewport": "moderate",
    }
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]
    moderate = axe_violations(page, impacts=("moderate",))
    assert sorted(v["id"] for v in moderate) == ["heading-order", "meta-viewport"]

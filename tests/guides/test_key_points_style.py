""" "At a glance" points carry a neutral marker: some of them are limits.

Read from the stylesheets, so it runs without a browser.
"""

import re
from pathlib import Path

from django.conf import settings

CSS = Path(settings.BASE_DIR) / "static/css"
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def rules(name):
    text = re.sub(r"/\*.*?\*/", "", (CSS / name).read_text(), flags=re.S)
    return [(" ".join(selector.split()), body) for selector, body in RULE.findall(text)]


def declarations(name, selector):
    found = {}
    for selectors, body in rules(name):
        if selector in [part.strip() for part in selectors.split(",")]:
            for line in body.split(";"):
                if ":" in line:
                    prop, value = line.split(":", 1)
                    found[prop.strip()] = value.strip()
    return found


def colour(value, variables):
    while value.startswith("var("):
        value = variables[value[4:-1].strip()]
    return value


def luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    light, dark = sorted([luminance(first), luminance(second)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_key_points_show_no_tick_and_no_good_colour():
    """A tick in the 'good' green would present each limit as a plus."""
    checklist = [
        body for selector, body in rules("site.css") if ".checklist" in selector
    ]
    assert checklist
    for body in checklist:
        assert "✓" not in body and "\\2713" not in body
        assert "--good" not in body


def test_the_key_points_marker_is_a_plain_marker_in_the_text_colour():
    """The browser's own marker, in the text colour, readable on the panel."""
    variables = {
        prop: value
        for prop, value in declarations("site.css", ":root").items()
        if prop.startswith("--")
    }
    checklist = declarations("site.css", ".checklist")
    assert checklist.get("list-style") in {"disc", "square", "circle"}
    marker_colour = declarations("site.css", ".checklist li::marker").get(
        "color", declarations("site.css", "body")["color"]
    )
    background = declarations("site.css", ".section--key-points")["background"]
    ratio = contrast(colour(marker_colour, variables), colour(background, variables))
    assert ratio >= 4.5


def test_key_points_keep_their_marker_in_print():
    """Printers drop backgrounds, so the marker must not be one; nor hidden."""
    for selector, body in rules("print.css"):
        if ".checklist" in selector:
            assert "list-style: none" not in body
            assert "display: none" not in body

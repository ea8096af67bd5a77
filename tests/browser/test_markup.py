"""``pages.markup``: what the staff walk compares to walk a page once."""

import pytest

from .pages import markup

PAGE = """<!doctype html><html><body>
<div id="user-tools">Welcome, <strong>{name}</strong>.</div>
<nav id="nav-sidebar"><p>Models<ul><li><a href="/admin/{model}/">{model}</a></ul>
<nav class="inner"><a href="/x/">x</a></nav></nav>
<main id="content"><h1>{title}</h1><a class="{link}" href="/admin/guide/{pk}/">
{title}</a><input type="hidden" name="csrfmiddlewaretoken" value="{token}"></main>
</body></html>"""
BASE = {
    "name": "Ada",
    "model": "guides",
    "title": "Guides",
    "link": "changelink",
    "pk": 1,
    "token": "a1b2",
}
LEFT_OUT = ("nav-sidebar", "user-tools")


def digest(left_out=LEFT_OUT, **changes):
    return markup(PAGE.format(**{**BASE, **changes}), left_out)


def test_words_numbers_and_values_do_not_count():
    assert digest(title="Questions", pk=42, token="zz99") == digest()


def test_the_left_out_parts_do_not_count_and_the_page_after_them_does():
    # The sidebar's <p> and <li> close implicitly, and a nav sits inside it:
    # what follows it is still read.
    assert digest(name="Grace", model="faq") == digest()
    assert digest(link="deletelink") != digest()


def test_without_left_out_parts_they_count():
    assert digest(left_out=(), model="faq") != digest(left_out=())


def test_a_left_out_element_that_never_closes_is_refused():
    with pytest.raises(AssertionError, match="nav never closed"):
        markup('<nav id="nav-sidebar"><a>x</a>', LEFT_OUT)

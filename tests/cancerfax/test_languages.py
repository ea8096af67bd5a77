"""Every public page in every language of settings.LANGUAGES: its address, its
``lang`` and direction, its alternates and switcher, its stored copy.

English keeps its addresses; Arabic and Simplified Chinese are under /ar/ and
/zh-hans/. Until a page's content is translated its body is English inside the
translated interface (content translations are their own reviewed units).
"""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import resolve
from django.utils import translation

from cancerfax.catalogues import catalogue_path, parse_po
from guides.models import Guide
from publishing.models import StoredPage
from publishing.store import pages_invalidate
from reviews.models import Reviewer
from tests import test_html_validity
from trust.models import TrustPage

pytestmark = pytest.mark.django_db

GUIDE = "/guides/what-is-cik-therapy/"
OTHERS = [code for code, _name in settings.LANGUAGES if code != "en-gb"]
PREFIX = {"en-gb": "", "ar": "/ar", "zh-hans": "/zh-hans"}
EXPECTED = {
    # code: (lang attribute, dir attribute)
    "en-gb": ("en-GB", "ltr"),
    "ar": ("ar", "rtl"),
    "zh-hans": ("zh-Hans", "ltr"),
}


class Page(HTMLParser):
    """What the tests read from a page: the root's attributes, the alternates,
    the switcher's links, and the interface's words (the site's header and
    footer, the skip link; not the switcher, whose names are each language's own)."""

    CHROME = ("site-header", "site-footer", "skip-link")

    def __init__(self, html):
        super().__init__()
        self.root, self.alternates, self.switcher = {}, {}, {}
        self.chrome_words, self._open = [], []  # (tag, is chrome, is switcher)
        self.feed(html)

    def _inside(self, index):
        return any(entry[index] for entry in self._open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = attrs.get("class") or ""
        if tag == "html":
            self.root = attrs
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag in ("link", "meta", "input", "br", "img", "hr"):
            return
        chrome = any(name in classes.split() for name in self.CHROME)
        self._open.append((tag, chrome, "language-switcher" in classes.split()))
        if self._inside(2) and tag == "a":
            self.switcher[attrs["lang"]] = attrs["href"]
        elif self._inside(1) and not self._inside(2):
            for name in ("aria-label", "placeholder", "title"):
                if attrs.get(name):
                    self.chrome_words.append(attrs[name].strip())

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._inside(1) and not self._inside(2) and data.strip():
            self.chrome_words.append(data.strip())


def english_interface_words(code):
    """The catalogue's English words that the language says otherwise."""
    return {
        entry.msgid
        for entry in parse_po(catalogue_path(code).read_text(encoding="utf-8"))
        if entry.msgid and entry.msgstr.get(0) and entry.msgstr[0] != entry.msgid
    }


def page_paths():
    reviewer = Reviewer.objects.order_by("pk")[0].pk
    english = [
        path
        for path in test_html_validity.PAGES
        if not path.startswith(("/ar/", "/zh-hans/"))
    ]
    return [*english, f"/about/reviewers/{reviewer}/"]


@pytest.mark.parametrize("code", list(EXPECTED))
def test_every_public_page_kind_renders_in_each_language(client, module_demo, code):
    lang, direction = EXPECTED[code]
    english = english_interface_words(code) if code in OTHERS else set()
    # The footer links the trust pages by their titles: content, not interface.
    content_titles = set(TrustPage.objects.values_list("title", flat=True))
    for path in page_paths():
        response = client.get(PREFIX[code] + path)
        expected = 404 if path.startswith("/no-such") else 200
        assert response.status_code == expected, path
        page = Page(response.content.decode())
        assert (page.root["lang"], page.root["dir"]) == (lang, direction), path
        assert response["Content-Language"] == code, path
        if code == settings.LANGUAGE_CODE:  # the check reads the interface
            assert {"Guides", "Main", "Skip to main content"} <= set(page.chrome_words)
        left = [
            word
            for word in page.chrome_words
            if word in english and word not in content_titles
        ]
        assert left == [], (path, left)


def test_arabic_reads_right_to_left_and_the_others_left_to_right(client, module_demo):
    directions = {
        code: Page(client.get(PREFIX[code] + GUIDE).content.decode()).root["dir"]
        for code in EXPECTED
    }
    assert directions == {"en-gb": "ltr", "ar": "rtl", "zh-hans": "ltr"}


def test_alternates_name_the_same_page_in_every_language(client, module_demo):
    page = Page(client.get("/ar" + GUIDE).content.decode())
    site = settings.SITE_URL.rstrip("/")
    assert page.alternates == {
        "en-GB": site + GUIDE,
        "ar": site + "/ar" + GUIDE,
        "zh-Hans": site + "/zh-hans" + GUIDE,
        "x-default": site + GUIDE,
    }


@pytest.mark.parametrize(
    "path", [GUIDE, "/cancers/hepatocellular-carcinoma/", "/inquire/", "/faq/"]
)
def test_the_switcher_keeps_the_reader_on_the_same_page(client, module_demo, path):
    page = Page(client.get("/zh-hans" + path).content.decode())
    assert set(page.switcher) == {"en-GB", "ar", "zh-Hans"}
    for tag, href in page.switcher.items():
        response = client.get(href)
        assert response.status_code == 200
        with translation.override(response["Content-Language"]):
            match = resolve(href)
        with translation.override(settings.LANGUAGE_CODE):
            source = resolve(path)
        assert (match.view_name, match.kwargs) == (source.view_name, source.kwargs)
        assert Page(response.content.decode()).root["lang"] == tag


def test_the_secure_link_pages_and_the_admin_have_no_language_prefix(
    client, module_demo
):
    assert client.get("/ar/my-inquiry/nonsense/").status_code == 404
    assert client.get(f"/ar/{settings.ADMIN_URL}").status_code == 404
    assert client.get("/my-inquiry/nonsense/")["Content-Language"] == "en-gb"
    assert client.get("/ar/sitemap.xml").status_code == 404


def test_each_language_has_its_own_stored_copy_with_its_headers(client, module_demo):
    StoredPage.objects.all().delete()
    for code in EXPECTED:
        live = client.get(PREFIX[code] + GUIDE)
        stored = client.get(PREFIX[code] + GUIDE)
        assert stored.content == live.content
        assert dict(stored.headers) == dict(live.headers)
        assert stored["Content-Language"] == code
        assert "Cookie" in stored["Vary"]
    bodies = {
        page.path: page.body for page in StoredPage.objects.filter(path__endswith=GUIDE)
    }
    assert set(bodies) == {PREFIX[code] + GUIDE for code in EXPECTED}
    assert '<html lang="ar" dir="rtl">' in bodies["/ar" + GUIDE]
    assert '<html lang="zh-Hans" dir="ltr">' in bodies["/zh-hans" + GUIDE]


def test_a_change_forgets_and_renders_again_every_language_copy(
    client, module_demo, django_capture_on_commit_callbacks
):
    StoredPage.objects.all().delete()
    for prefix in ("", "/ar"):  # the Chinese copy was never read
        client.get(prefix + GUIDE)
    guide = Guide.objects.get(slug="what-is-cik-therapy")
    item = (ContentType.objects.get_for_model(Guide).pk, guide.pk)
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        transaction.atomic(),
    ):
        forgotten = pages_invalidate([item], also_render=[GUIDE])
        assert not StoredPage.objects.filter(path__endswith=GUIDE).exists()
    assert set(forgotten) == {GUIDE, "/ar" + GUIDE}
    translation.activate("zh-hans")  # the worker thread's language, say
    for callback in callbacks:
        callback()  # the render task runs at once in tests
    assert set(
        StoredPage.objects.filter(path__endswith=GUIDE).values_list("path", flat=True)
    ) == {GUIDE, "/ar" + GUIDE, "/zh-hans" + GUIDE}
    # The worker's own language is back once the pages are rendered.
    assert translation.get_language() == "zh-hans"
    translation.activate(settings.LANGUAGE_CODE)


def test_the_sitemap_lists_each_page_in_each_language_with_alternates(
    client, module_demo, settings
):
    xml = client.get("/sitemap.xml").content.decode()
    site = settings.SITE_URL.rstrip("/")
    for prefix in ("", "/ar", "/zh-hans"):
        assert f"<loc>{site}{prefix}{GUIDE}</loc>" in xml
    assert f'<xhtml:link rel="alternate" hreflang="ar" href="{site}/ar{GUIDE}"/>' in xml
    assert (
        f'<xhtml:link rel="alternate" hreflang="x-default" href="{site}{GUIDE}"/>'
        in xml
    )


def test_structured_data_names_the_page_language(client, module_demo):
    html = client.get("/ar" + GUIDE).content.decode()
    assert '"inLanguage": "ar"' in html
    html = client.get("/zh-hans" + GUIDE).content.decode()
    assert '"inLanguage": "zh-Hans"' in html


def test_robots_keeps_crawlers_off_the_form_in_every_language(client, module_demo):
    text = client.get("/robots.txt").content.decode()
    for path in ("/inquire/", "/ar/inquire/", "/zh-hans/inquire/"):
        assert f"Disallow: {path}\n" in text


def test_the_switcher_keeps_the_search_and_its_words(client, module_demo):
    page = Page(client.get("/search/?q=liver+cancer").content.decode())
    assert page.switcher["ar"] == "/ar/search/?q=liver+cancer"
    assert page.alternates["ar"].endswith("/ar/search/")  # the page, not the query


def test_lists_of_names_and_numbers_are_joined_in_the_page_language(
    client, module_demo
):
    """Reviewer signatures stay English, the commas between them are the page's:
    a Latin comma between right-to-left runs wraps out of place."""
    html = client.get("/ar/guides/what-is-cik-therapy/").content.decode()
    assert '</span>، <span class="reviewer"' in html
    assert '</span>, <span class="reviewer"' not in html
    english = client.get("/guides/what-is-cik-therapy/").content.decode()
    assert '</span>, <span class="reviewer"' in english

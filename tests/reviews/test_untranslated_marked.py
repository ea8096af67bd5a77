"""On a translated page, words shown in English because their item has no
approved translation are marked ``lang="en-GB" dir="ltr"`` on their element, and
words in the page's language are not: screen readers then pronounce each in its
own language, and right-to-left layout does not reorder the English.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation as i18n

from guides.demo_content import CIK_GUIDE, COMPARISON_GUIDE
from reviews.models import Reviewer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("live_render")]

# Three English words in a row: what a sentence or a title shows (a lone brand
# or abbreviation such as "CancerFax" or "CIK" is no language of its own).
ENGLISH = re.compile(r"[A-Za-z][a-z]+(?:[ ,'’]+[A-Za-z][a-z]+){2,}")
SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh-hans": re.compile(r"[\u4e00-\u9fff]"),
}
PAGE_LANG = {"ar": "ar", "zh-hans": "zh-Hans"}
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class Words(HTMLParser):
    """Each text of the page's body, and each ``alt``, with the language its
    element or nearest ancestor declares."""

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, lang)
        self.found = []  # (text, lang, tag)
        self.in_body = False

    def lang(self):
        return next((lang for _tag, lang in reversed(self.stack) if lang), None)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_body = True
        own = attrs.get("lang")
        if tag in VOID:
            if attrs.get("alt") and self.in_body:
                self.found.append((attrs["alt"], own or self.lang(), tag))
            return
        self.stack.append((tag, own))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = {tag for tag, _lang in self.stack}
        if self.in_body and data.strip() and not tags & {"script", "style"}:
            self.found.append((data.strip(), self.lang(), self.stack[-1][0]))


def words_of(html):
    parser = Words()
    parser.feed(html)
    return parser.found


def public_pages():
    """One address of each public page kind, as a reverse() name and kwargs."""
    reviewer = Reviewer.objects.filter(kind="person").first()
    return [
        ("home", {}),
        ("guides:list", {}),
        ("guides:detail", {"slug": CIK_GUIDE}),  # translated
        ("guides:detail", {"slug": COMPARISON_GUIDE}),  # not translated
        ("guides:indications", {}),
        ("guides:indication", {"slug": "hepatocellular-carcinoma"}),
        ("faq:list", {}),
        ("glossary:list", {}),
        ("trust:page", {"slug": "who-we-are"}),
        ("trust:reviewers", {}),
        ("trust:reviewer", {"pk": reviewer.pk}),
        ("search:results", {}),
    ]


def get(client, name, kwargs, language):
    with i18n.override(language):
        path = reverse(name, kwargs=kwargs)
    query = {"q": "CIK"} if name == "search:results" else {}
    response = client.get(path, query, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_every_english_text_of_a_translated_page_is_marked_english(
    client, module_demo, language
):
    """English sentences (facts, badges' neighbours, related guides, the funding
    line, footer links, reviewers, references, pictures' alt text, glossary
    definitions) sit in an element marked English; text in the page's own
    script is never inside one."""
    own_script = SCRIPTS[language]
    for name, kwargs in public_pages():
        html = get(client, name, kwargs, language)
        words = words_of(html)
        unmarked = [
            (text[:60], tag)
            for text, lang, tag in words
            if ENGLISH.search(text) and not (lang or "").startswith("en")
        ]
        assert unmarked == [], (name, kwargs)
        mislabelled = [
            (text[:60], lang)
            for text, lang, _tag in words
            if own_script.search(text) and lang != PAGE_LANG[language]
        ]
        assert mislabelled == [], (name, kwargs)


def test_the_translated_guide_marks_what_has_no_translation_and_nothing_else(
    client, module_demo
):
    """The CIK guide in Arabic: its title, practical facts and the funding line
    (translated) are Arabic and unmarked, a fact's figure (data, kept as
    approved) is marked English, as are related guides without a translation and
    the privacy notice's footer link."""
    html = get(client, "guides:detail", {"slug": CIK_GUIDE}, "ar")
    assert "<h1>ما هو العلاج بخلايا CIK؟</h1>" in html
    marked = 'lang="en-GB" dir="ltr"'
    assert "<strong>المملكة المتحدة (MHRA):</strong>" in html
    assert f'<span class="fact__figure" {marked}>14–21 days</span>' in html
    assert f'<h3 {marked}><a href="/ar/guides/{COMPARISON_GUIDE}/">' in html
    assert '<p class="cta__fee">سؤالنا عن حالتك' in html
    assert re.search(rf'<a href="/ar/about/privacy/" {marked}>Privacy notice</a>', html)


def test_english_pages_carry_no_marks(client, module_demo):
    """In the source language nothing is marked: every item is in it."""
    for name, kwargs in public_pages():
        html = get(client, name, kwargs, "en-gb")
        body = html.split("<body>", 1)[1]
        assert 'lang="en-GB" dir="ltr"' not in body, (name, kwargs)

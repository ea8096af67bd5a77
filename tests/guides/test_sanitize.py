"""Stored rich text is sanitised on the server, whatever path saved it."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cancerfax.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html
from faq.models import FaqEntry
from guides.models import CancerIndication, Section
from tests.conftest import examples
from tests.factories import (
    CancerIndicationFactory,
    FaqEntryFactory,
    SectionFactory,
    TopicFactory,
)

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    "<img src=x OnErRoR=alert(1)>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="jav&#x09;ascript:alert(1)">tab entity</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<style>body{background:red}</style>",
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<form action="https://evil.example"><input name="x"><button>Go</button></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<div><p onclick="alert(1)">nested <b onmouseover="alert(1)">tags</b></p></div>',
    "<<script>script>alert(1)<</script>/script>",
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<!--<script>alert(1)</script>-->",
    '<details open ontoggle="alert(1)">x</details>',
]

FORBIDDEN = [
    re.compile(r"<\s*script", re.I),
    re.compile(r"\son\w+\s*=", re.I),
    re.compile(r"javascript:", re.I),
    re.compile(r"vbscript:", re.I),
    re.compile(r"data:", re.I),
    re.compile(r"style\s*=", re.I),
    re.compile(
        r"<\s*(iframe|form|input|button|svg|math|object|embed|style|meta|link)\b", re.I
    ),
]


def assert_harmless(html):
    for pattern in FORBIDDEN:
        assert not pattern.search(html), f"{pattern.pattern!r} survived in {html!r}"


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, [name for name, _ in attrs]))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_clean_html_neutralises_payload(payload):
    assert_harmless(clean_html(payload))


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_orm_save_stores_sanitised_html(payload):
    entry = FaqEntryFactory(answer=f"<p>Safe intro</p>{payload}")
    section = SectionFactory(body=payload)
    indication = CancerIndicationFactory(summary=payload, evidence_overview=payload)
    assert_harmless(FaqEntry.objects.get(pk=entry.pk).answer)
    assert_harmless(Section.objects.get(pk=section.pk).body)
    stored = CancerIndication.objects.get(pk=indication.pk)
    assert_harmless(stored.summary)
    assert_harmless(stored.evidence_overview)
    assert "Safe intro" in FaqEntry.objects.get(pk=entry.pk).answer
    # The instance the caller holds matches the database.
    assert entry.answer == FaqEntry.objects.get(pk=entry.pk).answer


@pytest.mark.django_db
def test_queryset_update_and_bulk_create_are_sanitised():
    entry = FaqEntryFactory()
    FaqEntry.objects.filter(pk=entry.pk).update(answer=XSS_PAYLOADS[2])
    assert_harmless(FaqEntry.objects.get(pk=entry.pk).answer)
    topic = TopicFactory()
    FaqEntry.objects.bulk_create(
        [FaqEntry(question="Q", slug="bulk-q", answer=XSS_PAYLOADS[0], topic=topic)]
    )
    assert_harmless(FaqEntry.objects.get(slug="bulk-q").answer)


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_admin_form_stores_sanitised_answer(client, medical_editor, payload):
    client.force_login(medical_editor)
    topic = TopicFactory()
    response = client.post(
        "/admin/faq/faqentry/add/",
        {
            "question": "Is it safe?",
            "slug": "is-it-safe",
            "topic": topic.pk,
            "order": 1,
            "status": "published",
            "answer": f"<p>Kept words</p>{payload}",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    answer = FaqEntry.objects.get(slug="is-it-safe").answer
    assert_harmless(answer)
    assert "Kept words" in answer


def test_table_with_colspan_and_headings_survives():
    html = (
        '<h2>Doses</h2><table><thead><tr><th scope="col" colspan="2">Cycle</th>'
        '</tr></thead><tbody><tr><td rowspan="2">1</td><td>Day 14</td></tr>'
        "</tbody></table><ul><li>one</li></ul><ol><li>two</li></ol>"
        '<p><a href="https://example.org/study">study</a> '
        '<a href="mailto:care@example.org">mail</a> <a href="/faq/">faq</a></p>'
    )
    cleaned = clean_html(html)
    for kept in (
        'colspan="2"',
        'rowspan="2"',
        'scope="col"',
        "<h2>Doses</h2>",
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
        'href="https://example.org/study"',
        'href="mailto:care@example.org"',
        'href="/faq/"',
    ):
        assert kept in cleaned


def test_links_get_noopener():
    assert 'rel="noopener noreferrer"' in clean_html('<a href="https://x.org">x</a>')


html_fragments = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            ["<", ">", '"', "'", "=", "/", "javascript:", "on", "error", "&#", "\x00"]
        ),
        st.builds(
            lambda tag, attr, value: f'<{tag} {attr}="{value}">',
            st.sampled_from(["a", "img", "p", "svg", "script", "td", "iframe", "x-y"]),
            st.sampled_from(["href", "src", "onclick", "style", "colspan", "title"]),
            st.text(max_size=15),
        ),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(html_fragments)
def test_fuzzed_html_only_keeps_allowed_tags_and_attributes(value):
    cleaned = clean_html(value)
    collector = TagCollector()
    collector.feed(cleaned)
    for tag, attrs in collector.found:
        assert tag in ALLOWED_TAGS
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | (
            {"rel"} if tag == "a" else set()
        )
        assert set(attrs) <= allowed, (tag, attrs)
    assert clean_html(cleaned) == cleaned  # cleaning is stable

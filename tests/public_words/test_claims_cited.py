"""Every claim on a public page carries its source, or a reason it needs none.

The demo is loaded once; every public page kind is rendered (the addresses of
``test_no_unreviewed_words``, which covers every public route). In the words of
each page's main content, every sentence the evidence check flags (a number, a
percentage, a comparison, a word of efficacy or safety) must carry a numbered
citation, sit in a key number that lists its references, or be a sentence whose
approval recorded why it needs no source.
"""

import re
from urllib.parse import urlsplit

import pytest

from reviews.evidence import claim_kinds, sentences, strip_claim_markers
from reviews.models import ReviewRecord

from .test_no_unreviewed_words import public_addresses

CITED = "[ref:cited]"
# What a page shows beside its content that is no claim about a treatment:
# dates and review lines, the reference list itself (titles and years), the
# contents and breadcrumbs, forms (file sizes, counters), glossary tooltips
# (checked where the glossary shows them) and the terms it defines.
NOT_CONTENT = re.compile(
    r"""<(?P<tag>time|form|nav|script|style|template|dt)\b.*?</(?P=tag)>
      |<section\ class="section\ references".*?</section>
      |<div\ class="review-line.*?</div>
      |<span\ class="term__tip".*?</span>""",
    re.S | re.X,
)
# A key number carries its sources as a list of numbered links.
KEY_NUMBER = re.compile(r'<div class="number">.*?</dd>\s*</div>', re.S)
# A practical fact with no published source says, where it stands, how the team
# checked it (its approval requires one or the other: guides/facts.py), up to
# that note.
CHECKED_FACT = re.compile(
    r'<li class="fact fact--checked".*?<p class="fact__checked">.*?</p>', re.S
)
MARKER = re.compile(r'<sup class="cite">.*?</sup>', re.S)
MAIN = re.compile(r"<main\b.*?</main>", re.S)
NOT_PAGES = ("/sitemap.xml", "/robots.txt")
# Words of templates, not of reviewed content (no review record can hold a
# reason for them), that the patterns match though they claim nothing medical.
NOT_CLAIMS = {
    "within 24 hours on working days": "the service's reply time (inquiry pages)",
    "Version 1, in effect since": "the privacy notice's version line",
}


def claims_of(html: str) -> tuple[list[str], int]:
    """The flagged sentences of a page's main content that show no marker,
    and how many flagged sentences were cited (markers, key numbers, and facts
    that say how they were checked)."""
    main = MAIN.search(html)
    text = MARKER.sub(f" {CITED}", main.group(0) if main else "")
    cited = 0
    for block in KEY_NUMBER.findall(text):
        assert 'href="#ref-' in block, block
        cited += sum(1 for s in sentences(block) if claim_kinds(s))
    for block in CHECKED_FACT.findall(text):
        assert "How we checked:" in block, block
        cited += sum(1 for s in sentences(block) if claim_kinds(s))
    text = NOT_CONTENT.sub(" ", CHECKED_FACT.sub(" ", KEY_NUMBER.sub(" ", text)))
    flagged = [s for s in sentences(text) if claim_kinds(s)]
    cited += sum(1 for s in flagged if CITED in s)
    return [s for s in flagged if CITED not in s], cited


@pytest.mark.django_db
def test_every_claim_on_a_public_page_is_cited_or_has_a_recorded_reason(
    module_demo,
    client,
):
    reasons = {
        " ".join(claim["sentence"].split())
        for record in ReviewRecord.objects.exclude(no_source_reasons=[])
        for claim in record.no_source_reasons
    }
    addresses = {urlsplit(a)._replace(fragment="").geturl() for a in public_addresses()}
    unsourced, cited = {}, 0
    for address in sorted(addresses):
        if address.endswith(NOT_PAGES):
            continue
        html = client.get(address, follow=True).content.decode()
        uncited, cited_here = claims_of(html)
        cited += cited_here
        unsourced[address] = [
            sentence
            for sentence in uncited
            if " ".join(strip_claim_markers(sentence).split()) not in reasons
            and not any(words in sentence for words in NOT_CLAIMS)
        ]
    assert {page: found for page, found in unsourced.items() if found} == {}
    # The check saw the demo's claims, and their reasons were recorded.
    assert cited > 30
    assert len(reasons) >= 5

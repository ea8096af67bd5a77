"""The searchable text of each searched kind, from its approved snapshot."""

import html

from django.utils.html import strip_tags

from reviews.citing import strip_markers


def plain(*parts) -> str:
    """Rich or plain text as one plain string, entities decoded."""
    return " ".join(
        html.unescape(strip_tags(strip_markers(part))) for part in parts if part
    ).strip()


def guide_text(snapshot):
    parts = [snapshot.lede, snapshot.meta_description]
    for section in snapshot.sections:
        parts += [section.heading, section.intro, section.body, section.quote]
        for item in section.items:
            parts += [item.figure, item.title, item.text]
    return snapshot.title, plain(*parts)


def faq_text(snapshot):
    return snapshot.question, plain(snapshot.answer)


def indication_text(snapshot):
    return snapshot.name, plain(snapshot.summary, snapshot.evidence_overview)


def glossary_text(snapshot):
    return snapshot.term, plain(
        snapshot.expansion, ", ".join(snapshot.also_matches), snapshot.definition
    )


def fact_text(snapshot):
    return snapshot.title, plain(
        str(snapshot.get_kind_display()),
        snapshot.regulator,
        snapshot.country,
        str(snapshot.get_approval_status_display()),
        snapshot.figure,
        snapshot.frequency,
        snapshot.text,
        snapshot.includes,
        snapshot.questions,
    )


# Registered kind -> snapshot -> (title, body). Topics are not searched: they
# only group guides and questions.
DOCUMENTS = {
    "guide": guide_text,
    "faq": faq_text,
    "indication": indication_text,
    "glossary_term": glossary_text,
    "fact": fact_text,
}

# How much more a match counts by kind, among entries answering as many of the
# patient's words: a guide or an answer explains, a glossary entry only defines.
WEIGHTS = {
    "guide": 3.0,
    "fact": 2.0,
    "faq": 1.5,
    "indication": 1.5,
    "glossary_term": 1.0,
}

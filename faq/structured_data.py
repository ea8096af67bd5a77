"""schema.org ``FAQPage`` for the FAQ page, the one page that owns every question.

A guide's questions section shows some of the same questions, but search engines
want each question marked up once on the whole site: the FAQ page lists every
visible question at its own anchor, so it is their home and guides mark up none.
"""

from reviews.citing import strip_markers
from reviews.diff import plain_text


def faq_page(entries) -> dict | None:
    """``FAQPage`` for the questions a page shows (``Visible`` FAQ entries)."""
    if not entries:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {
                    "@type": "Answer",
                    # One line per paragraph or list item, as a reader sees them.
                    "text": plain_text(strip_markers(entry.answer)),
                },
            }
            for entry in entries
        ],
    }

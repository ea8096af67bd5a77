"""schema.org ``FAQPage`` for the questions a page shows."""

from django.utils.html import strip_tags


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
                    "text": strip_tags(entry.answer).strip(),
                },
            }
            for entry in entries
        ],
    }

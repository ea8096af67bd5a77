from reviews.selectors import Visible, visible_all

from .models import GlossaryTerm


def glossary_terms() -> list[Visible]:
    """Every term patients may see, alphabetically (one query)."""
    return sorted(visible_all(GlossaryTerm), key=lambda term: term.term.lower())

from reviews.selectors import Visible, visible

from .models import GlossaryTerm


def glossary_terms() -> list[Visible]:
    """Every term patients may see, alphabetically (one query)."""
    return sorted(
        visible(GlossaryTerm.objects.all()), key=lambda term: term.term.lower()
    )

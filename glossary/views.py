from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cancerfax.structured_data import breadcrumbs
from reviews.citing import page_references
from reviews.review_lines import combined_summary, review_summaries

from .models import GlossaryTerm
from .selectors import glossary_terms


class GlossaryView(TemplateView):
    """Every approved term with its definition, and one review line for them."""

    template_name = "glossary/glossary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = glossary_terms()
        summaries = review_summaries(GlossaryTerm, [term.pk for term in terms])
        context.update(
            terms=terms,
            references=page_references(term.definition for term in terms),
            review=combined_summary(summaries.values()),
            breadcrumbs=breadcrumbs((_("Glossary"), "glossary:list")),
        )
        return context

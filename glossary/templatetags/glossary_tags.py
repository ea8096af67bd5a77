from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from glossary.markup import mark_first_uses

register = template.Library()


@register.tag
def glossary_terms(parser, token):
    """``{% glossary_terms terms %}…{% endglossary_terms %}``: mark first uses."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("glossary_terms takes the list of terms.")
    nodelist = parser.parse(("endglossary_terms",))
    parser.delete_first_token()
    return GlossaryNode(nodelist, parser.compile_filter(bits[1]))


class GlossaryNode(template.Node):
    def __init__(self, nodelist, terms):
        self.nodelist = nodelist
        self.terms = terms

    def render(self, context):
        html = self.nodelist.render(context)
        terms = self.terms.resolve(context) or []
        # Rendered by Django's escaping templates and sanitised rich text; the
        # marker only adds its own escaped markup around plain text.
        return mark_safe(  # noqa: S308
            mark_first_uses(html, terms, glossary_url=reverse("glossary:list"))
        )

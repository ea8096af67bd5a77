"""``{% fragment key %}…{% endfragment %}``: a rendered part of a page, kept.

The key must name everything the part shows: the approved version (and address)
of each item, so a key never outlives what it shows and nothing needs deleting
when content changes; an empty key renders the part every time (staff previews).
Only the rendering is saved: what the part shows was already read through the
selectors, which noted it for the stored page's dependencies.
"""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe

register = template.Library()

CACHE = "fragments"


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("fragment takes one key.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]))


class FragmentNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        key = self.key.resolve(context)
        if not key or CACHE not in settings.CACHES:
            return self.nodelist.render(context)
        kept = caches[CACHE]
        html = kept.get(key)
        if html is None:
            html = self.nodelist.render(context)
            kept.set(key, str(html), timeout=None)
        # Our own rendering of escaped templates, kept as it was rendered.
        return mark_safe(html)  # noqa: S308

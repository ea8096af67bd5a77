from django import template

from cancerfax.templatetags.site_tags import json_ld

register = template.Library()

# The one JSON-LD writer lives in the shared kernel; review pages load it here.
register.simple_tag(json_ld, name="json_ld")

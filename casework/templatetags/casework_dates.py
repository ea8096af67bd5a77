from django import template

from ..dates import when as when_html

register = template.Library()


@register.filter
def when(value):
    """``{{ moment|when }}``: date and time as everywhere in casework."""
    return when_html(value)


@register.filter
def when_date(value):
    """``{{ moment|when_date }}``: the date alone, in the same words."""
    return when_html(value, with_time=False)

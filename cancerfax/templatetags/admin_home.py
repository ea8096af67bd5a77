from django import template

from cancerfax.admin_home import home_panels

register = template.Library()


@register.inclusion_tag("admin/includes/home_panels.html", takes_context=True)
def admin_home_panels(context):
    return {"panels": home_panels(context["request"])}

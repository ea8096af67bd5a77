from django import template

register = template.Library()

# The guide column is at most about 46em wide; on phones the picture fills it.
DEFAULT_SIZES = "(min-width: 50em) 46em, calc(100vw - 2rem)"


@register.inclusion_tag("images/picture.html")
def picture(picture, *, sizes=DEFAULT_SIZES, lazy=True, css_class=""):
    """A ``<picture>`` with each compact format's srcset, a fallback ``<img>``
    with width and height (no layout shift), lazy below the fold."""
    return {"picture": picture, "sizes": sizes, "lazy": lazy, "css_class": css_class}


@register.inclusion_tag("images/share_meta.html")
def share_image(picture=None):
    """``og:image`` (and Twitter's large card) from ``picture``'s 1200×630
    rendition, else from the reviewed site default; nothing if neither is
    approved yet. Always an absolute address."""
    from ..selectors import absolute, site_default_picture

    if picture is None or not picture.share_url:
        picture = site_default_picture()
    if picture is None or not picture.share_url:
        return {"image": None}
    return {
        "image": absolute(picture.share_url),
        "width": picture.share_size[0],
        "height": picture.share_size[1],
        "alt": picture.alt,
    }

from django import template

register = template.Library()

# How wide each kind of picture is drawn (static/css/site.css), measured in
# Chromium from 320 to 1920 px (tests/browser/test_picture_sizes.py). An em in
# `sizes` and in media queries is the reader's default font size (16 px unless
# they chose another), as a rem is in the style sheet, so these follow it.
# A figure: the page's column less 1rem each side, at most 46em of the body's
# 1.0625rem text (48.875em, 782 px).
DEFAULT_SIZES = "(min-width: 50.875em) 48.875em, calc(100vw - 2rem)"
# A picture in rich text: the text column, 68ch of the body's font (735 px in
# Chromium's system-ui; a font with wider digits makes it wider).
PROSE_SIZES = "(min-width: 48em) 46em, calc(100vw - 2rem)"
# A card: 1 to 4 columns of at least 17rem with 1rem gaps in the 72rem column,
# each less its 1.25rem padding each side and its border.
CARD_SIZES = (
    "(min-width: 73em) 14.625em, (min-width: 55em) calc(33.33vw - 4em), "
    "(min-width: 37em) calc(50vw - 4.125em), calc(100vw - 4.625em)"
)


@register.inclusion_tag("images/picture.html")
def picture(picture, *, sizes=DEFAULT_SIZES, lazy=True, css_class=""):
    """A ``<picture>`` with each compact format's srcset, a fallback ``<img>``
    with width and height (no layout shift), lazy below the fold. ``sizes``
    is a figure's unless given: "card", "prose" or a ``sizes`` value."""
    sizes = {"card": CARD_SIZES, "prose": PROSE_SIZES}.get(sizes, sizes)
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

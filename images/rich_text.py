"""Library pictures in rich text, on the editor's side and on the page's.

The editor inserts a picture from the library only (``images/picker.js``, fed
by ``views.library``); the sanitiser keeps an <img> only when its address is a
rendition (``selectors.is_rendition_address``); and a page shows each such
<img> as the image's approved ``<picture>`` with its approved alt text, or not
at all once no image patients may see shows that file.
"""

from django.template.loader import render_to_string

from .selectors import rich_text_pictures
from .templatetags.images import PROSE_SIZES


def show_library_pictures(srcs) -> dict[str, str]:
    return {
        src: render_to_string(
            "images/picture.html",
            {"picture": picture, "sizes": PROSE_SIZES, "lazy": True},
        ).strip()
        for src, picture in rich_text_pictures(srcs).items()
    }

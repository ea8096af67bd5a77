"""The demo's own diagrams, drawn here with Pillow (no file to license).

Each is drawn large (1200 px wide) with big lettering, so its words stay
readable when a phone shows it 330 px wide, and its alt text carries the same
facts as the picture. Drawing is deterministic: ``load_demo`` run twice
stores the same bytes, so the same file.
"""

import io
import math

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

INK = (23, 43, 77)
BLUE = (0, 94, 184)
PALE_BLUE = (222, 236, 250)
ORANGE = (204, 85, 0)
PALE_ORANGE = (253, 235, 220)
GREEN = (0, 112, 60)
WHITE = (255, 255, 255)


def _font(size, bold=False):
    # DejaVu where the system has it (Debian), else Pillow's own scalable font.
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _png(picture) -> bytes:
    # Quickly compressed: the library stores its own clean encoding of the pixels
    # (``images.uploads.clean_picture``), the same bytes whatever this one is.
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=1)
    return out.getvalue()


def _centred(draw, x, y, lines, font, fill=INK, spacing=10):
    for line in lines:
        width = draw.textlength(line, font=font)
        draw.text((x - width / 2, y), line, font=font, fill=fill)
        y += font.size + spacing
    return y


def _arrow(draw, start, end, colour=INK, width=10):
    draw.line([start, end], fill=colour, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    head = [
        end,
        (end[0] - 34 * math.cos(angle - 0.5), end[1] - 34 * math.sin(angle - 0.5)),
        (end[0] - 34 * math.cos(angle + 0.5), end[1] - 34 * math.sin(angle + 0.5)),
    ]
    draw.polygon(head, fill=colour)


def treatment_path() -> bytes:
    """Blood sample → cells grown in a laboratory for 14–21 days → infusions."""
    picture = PillowImage.new("RGB", (1200, 640), WHITE)
    draw = ImageDraw.Draw(picture)
    steps = [
        (("Blood", "sample"), ("A sample of", "your blood"), BLUE),
        (("Cells grow", "in a lab"), ("usually", "14–21 days"), GREEN),
        (("Cells go", "back"), ("several drips", "into a vein"), ORANGE),
    ]
    number_font, title_font, text_font = _font(96, True), _font(54, True), _font(46)
    for index, (title, text, colour) in enumerate(steps):
        x = 200 + index * 400
        draw.ellipse([x - 120, 60, x + 120, 300], fill=colour)
        _centred(draw, x, 118, [str(index + 1)], number_font, fill=WHITE)
        y = _centred(draw, x, 340, title, title_font)
        _centred(draw, x, y + 24, text, text_font)
        if index < 2:
            _arrow(draw, (x + 135, 180), (x + 265, 180))
    return _png(picture)


def nkg2d_recognition() -> bytes:
    """A CIK cell's NKG2D receptor attaching to MICA/MICB on a tumour cell."""
    picture = PillowImage.new("RGB", (1200, 780), WHITE)
    draw = ImageDraw.Draw(picture)
    label, small = _font(54, True), _font(48)
    # The CIK cell (left) and the tumour cell (right) touching at the middle.
    draw.ellipse([40, 120, 500, 580], fill=PALE_BLUE, outline=BLUE, width=10)
    _centred(draw, 260, 300, ["CIK", "cell"], label, fill=BLUE)
    draw.ellipse([700, 120, 1160, 580], fill=PALE_ORANGE, outline=ORANGE, width=10)
    _centred(draw, 930, 300, ["Tumour", "cell"], label, fill=ORANGE)
    for dy in (-110, 0, 110):
        y = 350 + dy
        # NKG2D: a Y-shaped receptor standing out of the CIK cell ...
        stem = 500 - (0 if dy == 0 else 24)
        draw.line([(stem, y), (590, y)], fill=BLUE, width=12)
        draw.line([(590, y), (630, y - 30)], fill=BLUE, width=12)
        draw.line([(590, y), (630, y + 30)], fill=BLUE, width=12)
        # ... holding MICA/MICB, a stress molecule on the tumour cell.
        left = 700 + (0 if dy == 0 else 24)
        draw.polygon([(640, y), (left, y - 36), (left, y + 36)], fill=ORANGE)
    _centred(draw, 320, 40, ["NKG2D receptor"], small, fill=BLUE)
    _centred(draw, 880, 40, ["MICA/MICB"], small, fill=ORANGE)
    _centred(
        draw,
        600,
        630,
        ["NKG2D attaches to MICA/MICB,", "so the CIK cell finds the tumour cell"],
        small,
    )
    return _png(picture)


def share_card() -> bytes:
    """The site's default picture for shared links (1200×630)."""
    picture = PillowImage.new("RGB", (1200, 630), BLUE)
    draw = ImageDraw.Draw(picture)
    _centred(draw, 600, 200, ["CancerFax"], _font(120, True), fill=WHITE)
    _centred(
        draw,
        600,
        370,
        ["Patient guides to cancer treatment,", "checked by medical reviewers"],
        _font(50),
        fill=WHITE,
    )
    return _png(picture)


DEMO_IMAGES = [
    {
        "key": "cik-path",
        "draw": treatment_path,
        "title": "CIK therapy: from blood sample to infusion",
        "alt_text": (
            "Three steps, from left to right. Step 1: a sample of your blood is "
            "taken. Step 2: cells from it grow in a laboratory, usually for about "
            "14–21 days. Step 3: the cells go back into your body through several "
            "drips into a vein."
        ),
        "caption": "The three stages of CIK cell therapy.",
        "credit": "Diagram drawn for CancerFax",
        "licence": "Our own work",
    },
    {
        "key": "cik-nkg2d",
        "draw": nkg2d_recognition,
        "title": "How a CIK cell finds a tumour cell through NKG2D",
        "alt_text": (
            "A CIK cell, on the left, touches a tumour cell, on the right. The CIK "
            "cell carries a receptor called NKG2D. The tumour cell shows stress "
            "molecules called MICA/MICB. NKG2D attaches to MICA/MICB, so the CIK "
            "cell finds the tumour cell."
        ),
        "caption": "NKG2D on a CIK cell attaches to MICA/MICB on a tumour cell.",
        "credit": "Diagram drawn for CancerFax",
        "licence": "Our own work",
    },
    {
        "key": "site-share",
        "draw": share_card,
        "title": "CancerFax: default picture for shared links",
        "alt_text": (
            "CancerFax: patient guides to cancer treatment, checked by medical "
            "reviewers."
        ),
        "caption": "",
        "credit": "Drawn for CancerFax",
        "licence": "Our own work",
        "site_default": True,
    },
]

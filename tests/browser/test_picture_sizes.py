"""In Chromium: each picture's ``sizes`` says how wide the page draws it (a
figure, a card, a picture in rich text), so the browser downloads the rendition
the screen needs, at every width from a small phone to a wide desktop."""

import pytest

from guides.models import Section
from images.models import Rendition
from tests.content_factories import ImageFactory, image_file
from tests.factories import GuideFactory, SectionFactory, SectionItemFactory, approve

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The width ``sizes`` gives: the first entry whose media condition holds, its
# length measured as a box at the reader's default font size (what an em in
# ``sizes`` means).
SLOT = """img => {
  for (const entry of img.getAttribute("sizes").split(/,\\s*/)) {
    const found = entry.match(/^(\\([^)]*\\))\\s+(.+)$/);
    if (found && !matchMedia(found[1]).matches) continue;
    const probe = document.createElement("div");
    probe.style.cssText = "position:absolute;visibility:hidden;font-size:initial;"
      + "width:" + (found ? found[2] : entry);
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width;
  }
}"""
KINDS = {
    "figure": ".section--figure picture img",
    "card": ".card__picture img",
    "rich text": ".prose picture img",
}


@pytest.fixture
def guide():
    # Wider than any column: each picture fills the space it is given.
    image = ImageFactory(file=image_file(size=(2000, 1000)))
    approve(image)
    jpeg = Rendition.objects.filter(file=image.file, format="jpeg").first()
    guide = GuideFactory()
    body = f'<p>Words.</p><figure><img src="/images/{jpeg.name}" alt="x"></figure>'
    SectionFactory(guide=guide, order=1, body=body)
    SectionFactory(guide=guide, order=2, kind=Section.Kind.FIGURE, image=image)
    cards = SectionFactory(guide=guide, order=3, kind=Section.Kind.CARD_GRID)
    for number in range(4):
        SectionItemFactory(section=cards, title=f"Card {number}", image=image)
    approve(guide)
    return guide


def test_sizes_is_true_to_the_layout_at_every_width(live_server, page, guide):
    wrong = []
    for width in (320, 360, 414, 480, 600, 768, 800, 820, 900, 1024, 1280, 1600):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + guide.get_absolute_url())
        for kind, selector in KINDS.items():
            img = page.locator(selector).first
            drawn = img.evaluate("img => img.getBoundingClientRect().width")
            said = img.evaluate(SLOT)
            # Never less than drawn (a blurred picture), at most 2% more.
            if not drawn - 1 <= said <= drawn * 1.02 + 1:
                wrong.append((width, kind, round(drawn), round(said)))
    assert wrong == []


def test_a_phone_at_twice_its_density_gets_the_720_rendition(
    live_server, browser, guide
):
    context = browser.new_context(
        viewport={"width": 360, "height": 800}, device_scale_factor=2
    )
    page = context.new_page()
    page.goto(live_server.url + guide.get_absolute_url())
    img = page.locator(KINDS["figure"]).first
    img.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth", arg=img.element_handle()
    )
    assert "/fit-720." in img.evaluate("img => img.currentSrc")
    context.close()

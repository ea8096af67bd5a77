"""The kinds of section a guide is built from.

Each kind names the section fields and item fields it uses. The admin shows only
those fields, validation requires the ``required`` ones and the page template for a
kind is ``guides/sections/<kind>.html``: a new guide with another mix of sections
needs no code, a new kind needs an entry here and a template.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

# Item fields that point at other records; snapshots store their ids.
REFERENCE_FIELDS = ("indication", "faq_entry", "fact", "image")
# Section fields that point at other records (a figure's picture).
SECTION_REFERENCE_FIELDS = ("image",)


class SectionKind(models.TextChoices):
    KEY_POINTS = "key_points", _("Key points (at a glance)")
    RICH_TEXT = "rich_text", _("Text")
    PULL_QUOTE = "pull_quote", _("Pull quote")
    FIGURE = "figure", _("Figure (a picture from the library)")
    CARD_GRID = "card_grid", _("Cards")
    BENEFITS_LIMITATIONS = "benefits_limitations", _("Benefits and limitations")
    KEY_NUMBERS = "key_numbers", _("Key numbers")
    INDICATIONS = "indications", _("Cancer types")
    RELATED_GUIDES = "related_guides", _("Related guides")
    FAQ = "faq", _("Frequently asked questions")
    FACTS = "facts", _("Practical facts")
    CALL_TO_ACTION = "call_to_action", _("Call to action")
    DISCLAIMER = "disclaimer", _("Disclaimer")


@dataclass(frozen=True)
class KindSpec:
    fields: tuple[str, ...]
    required: tuple[str, ...] = ()
    item_fields: tuple[str, ...] = ()
    item_required: tuple[str, ...] = ()


SECTION_KINDS = {
    SectionKind.KEY_POINTS: KindSpec(
        fields=("heading",),
        item_fields=("text",),
        item_required=("text",),
    ),
    SectionKind.RICH_TEXT: KindSpec(fields=("heading", "body"), required=("body",)),
    SectionKind.PULL_QUOTE: KindSpec(
        fields=("quote", "attribution"), required=("quote",)
    ),
    # The picture, then its caption ("intro"), which may cite its source.
    SectionKind.FIGURE: KindSpec(
        fields=("heading", "image", "intro"), required=("image",)
    ),
    SectionKind.CARD_GRID: KindSpec(
        fields=("heading", "intro"),
        item_fields=("title", "text", "image"),
        item_required=("title",),
    ),
    SectionKind.BENEFITS_LIMITATIONS: KindSpec(
        fields=("heading", "intro"),
        item_fields=("group", "title", "text"),
        item_required=("group", "title"),
    ),
    SectionKind.KEY_NUMBERS: KindSpec(
        fields=("heading", "intro"),
        item_fields=("figure", "title", "text", "source"),
        item_required=("figure", "title"),
    ),
    SectionKind.INDICATIONS: KindSpec(
        fields=("heading", "intro"),
        item_fields=("indication", "text"),
        item_required=("indication",),
    ),
    SectionKind.RELATED_GUIDES: KindSpec(
        fields=("heading", "intro"), required=("heading",)
    ),
    SectionKind.FAQ: KindSpec(
        fields=("heading", "intro"),
        item_fields=("faq_entry",),
        item_required=("faq_entry",),
    ),
    # Approval, schedule, side effects, cost, trials: reviewed facts shown by id.
    SectionKind.FACTS: KindSpec(
        fields=("heading", "intro"),
        item_fields=("fact",),
        item_required=("fact",),
    ),
    SectionKind.CALL_TO_ACTION: KindSpec(
        fields=("heading", "intro", "button_label"),
        required=("heading", "button_label"),
    ),
    SectionKind.DISCLAIMER: KindSpec(fields=("intro",), required=("intro",)),
}


def template_for(kind):
    return f"guides/sections/{kind}.html"

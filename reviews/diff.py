"""A readable diff of two snapshots: block by block, field by field, word by word.

The engine is shared; each content kind registers how its snapshot splits into
blocks and fields (``flat_diff`` serves kinds that are a handful of fields).
Rich text is compared as the words a patient reads (tags stripped, one line per
paragraph or list item).
"""

import html
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from cancerfax.fields import RichTextField

from .registry import reviewed_type_for

BLOCK_END = re.compile(
    r"</(?:p|li|h[1-6]|tr|blockquote|figcaption|caption|pre)>|<br\s*/?>", re.I
)
# A word with the spaces after it: changed runs of words read as one change.
TOKENS = re.compile(r"\S+\s*|\s+")


def plain_text(value) -> str:
    """The words of ``value``, one line per paragraph, without markup."""
    if value is None:
        return ""
    text = str(value)
    if "<" in text:
        text = html.unescape(strip_tags(BLOCK_END.sub(r"\g<0>\n", text)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


IMG_TAG = re.compile(r"<img\s[^>]*>", re.I)
IMG_ALT = re.compile(r'\salt="([^"]*)"')


def _picture_line(match):
    alt = IMG_ALT.search(match.group(0))
    words = html.unescape(alt.group(1)).strip() if alt else ""
    if words:
        shown = gettext("Picture: %(alt)s") % {"alt": words}
    else:
        shown = gettext("Picture without alt text")
    return format_html("<p>[{}]</p>", shown)


def reviewed_text(value) -> str:
    """``plain_text`` with each picture as a line of its own ("[Picture: its alt
    text]"): a picture put into rich text, or taken out, is a change the
    reviewer must see, though it adds no word."""
    if value is None:
        return ""
    text = str(value)
    if "<img" in text:
        text = IMG_TAG.sub(_picture_line, text)
    return plain_text(text)


def word_diff(old: str, new: str):
    """``new`` with the words removed from ``old`` in <del> and added in <ins>."""
    before, after = TOKENS.findall(old), TOKENS.findall(new)
    # Words are compared without their spacing: a new line after a word is no
    # change to the word.
    matcher = SequenceMatcher(
        None,
        [token.rstrip() for token in before],
        [token.rstrip() for token in after],
        autojunk=False,
    )
    parts = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(after[j1:j2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(before[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(after[j1:j2])))
    return mark_safe("".join(parts))  # every part is escaped above


def kept_in_order(old_keys, new_keys) -> set:
    """The keys in both lists that kept their order: the rest were moved.

    Moving one part past others, or removing one, shifts the numbers of its
    neighbours; only a part outside the longest run kept in the same order was
    moved. That run is the longest increasing subsequence of the old positions
    taken in the new order (exact, unlike SequenceMatcher's greedy longest
    blocks, and O(n log n) however long a guide is).
    """
    old_position = {key: i for i, key in enumerate(old_keys)}
    common = [key for key in new_keys if key in old_position]
    positions = [old_position[key] for key in common]
    # tails[n]: the index in ``common`` ending the lowest run of length n + 1,
    # and tail_positions[n] its old position (kept sorted for bisect).
    tails, tail_positions, before = [], [], [None] * len(common)
    for index, position in enumerate(positions):
        length = bisect_left(tail_positions, position)
        before[index] = tails[length - 1] if length else None
        if length == len(tails):
            tails.append(index)
            tail_positions.append(position)
        else:
            tails[length] = index
            tail_positions[length] = position
    kept = set()
    index = tails[-1] if tails else None
    while index is not None:
        kept.add(common[index])
        index = before[index]
    return kept


@dataclass
class FieldDiff:
    label: str
    old: str
    new: str
    # Arrangement (order, links) rather than words a patient reads.
    arrangement: bool = False
    # For one item of a list: added, removed, changed, moved or unchanged, and
    # "moved from position 2 to 3"; ``anchor`` names it for reviewers' comments.
    change: str = ""
    detail: str = ""
    anchor: str = ""
    # Prose a patient reads: the diff shows its reading level before and after.
    prose: bool = False

    @property
    def changed(self):
        return self.old != self.new or self.change not in ("", "unchanged")

    @property
    def reading_levels(self):
        """(before, after) reading levels of prose, for the reviewer."""
        from .readability import reading_level

        if not self.prose:
            return None
        return reading_level(self.old), reading_level(self.new)

    @property
    def html(self):
        return word_diff(self.old, self.new)


@dataclass
class BlockDiff:
    title: str
    change: str  # added, removed, moved, changed or unchanged
    fields: list[FieldDiff] = field(default_factory=list)
    # For a move: "moved from position 4 to 6".
    detail: str = ""
    # Names the part for reviewers' comments ("section-12"); empty: no comments.
    anchor: str = ""

    @property
    def changed(self):
        return self.change != "unchanged"

    @property
    def changed_fields(self):
        return [f for f in self.fields if f.changed]


def label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


def block(title, fields, *, detail=""):
    """A block that is changed when any of its fields is."""
    return BlockDiff(
        title=title,
        change="changed" if any(f.changed for f in fields) else "unchanged",
        fields=fields,
        detail=detail,
    )


def is_prose(model, name) -> bool:
    return isinstance(model._meta.get_field(name), RichTextField)


def flat_diff(model, names, *, shown=None):
    """A diff function for a snapshot of a few fields: one block, a row each.

    ``shown`` maps a field name to a function giving its display text.
    """
    shown = shown or {}

    def diff(old, new):
        def text(snapshot, name):
            if snapshot is None:
                return ""
            value = getattr(snapshot, name)
            return shown[name](value) if name in shown else reviewed_text(value)

        fields = [
            FieldDiff(
                label(model, name),
                text(old, name),
                text(new, name),
                prose=is_prose(model, name),
            )
            for name in names
        ]
        return [block(capfirst(model._meta.verbose_name), fields)]

    return diff


def version_diff(model, old, new) -> list[BlockDiff]:
    """Blocks comparing ``old`` (``None`` for a first version) with ``new``."""
    return reviewed_type_for(model).diff(old, new)

"""The evidence check: every claim a patient reads carries its source.

A sentence makes a claim when it gives a number or a percentage, compares, or
uses words of efficacy or safety ("cure", "survival", "safer", "effective",
"proven", "risk", "better", "best"). Such a sentence needs a citation marker
(``[ref:key]``, see ``citing``), or a part of the content that carries its own
structured source (a key number with citations), or a reviewer's reason why it
needs none, kept in the review record.

The check knows no content kind: each kind registers ``texts`` (snapshot ->
``TextPart``s) with ``reviews.registry.register``. Editors see the findings when
they submit; an approval is refused until each is cited or has a reason.
"""

import hashlib
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .citing import MARKER, has_marker


@dataclass(frozen=True)
class TextPart:
    """One text field a patient reads: where it sits, its words, and whether
    the part carries its own structured source (then all of it is cited)."""

    label: str
    text: str
    sourced: bool = False
    # A heading, title or figure: it names a part of the page, so a bare
    # number there ("Step 1", "5 key facts") is no claim; its words still are.
    heading: bool = False


@dataclass(frozen=True)
class Finding:
    """A sentence that makes a claim and carries no source."""

    part: str
    sentence: str

    @property
    def key(self) -> str:
        """Names the sentence in forms and records, wherever it stands."""
        return sentence_key(self.sentence)


CLAIM_PATTERNS = {
    "number": re.compile(
        r"(?<![\w-])\d+(?:[.,]\d+)*(?!\w)"
        r"|\b(?:twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|twice"
        r"|half|dozens?)\b",
        re.I,
    ),
    "percentage": re.compile(r"%|\bper ?cent\b", re.I),
    "comparison": re.compile(
        r"\b(?:than|better|best|worse|worst|safer|safest|longer|fewer|higher"
        r"|lower|more likely|less likely)\b",
        re.I,
    ),
    "efficacy": re.compile(
        r"\b(?:cur(?:e|es|ed|ing|ative)|survival|surviv(?:e|es|ed|ing)"
        r"|effective(?:ly|ness)?|efficacy|proven|risks?|risky)\b",
        re.I,
    ),
}

_BLOCK_END = re.compile(
    r"<br\s*/?>|</(?:p|li|h[1-6]|td|th|blockquote|figcaption|caption|dt|dd)>", re.I
)
_TAG = re.compile(r"""<(?:"[^"]*"|'[^']*'|[^'">])*>""")
# A marker typed after the full stop belongs to the sentence before it.
_MARKER_AFTER_STOP = re.compile(r"([.!?])((?:\s*" + MARKER.pattern + r")+)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")


_LIST_NUMBER = re.compile(r"\d{1,2}[.)]")


# Telephone numbers and clock times are contact details, not figures.
_NOT_A_FIGURE = re.compile(r"\+?\d[\d ()-]{6,}\d|\b\d{1,2}[:.]\d{2}\b")
_LIST_NUMBER_START = re.compile(r"^\d{1,2}[.)]\s")


def sentence_key(sentence: str) -> str:
    normal = " ".join(strip_claim_markers(sentence).split()).lower()
    return hashlib.sha256(normal.encode()).hexdigest()[:12]


def strip_claim_markers(sentence: str) -> str:
    return MARKER.sub("", sentence).strip()


def sentences(text: str) -> list[str]:
    """The sentences of plain or rich text, each with the markers it carries."""
    text = html.unescape(_TAG.sub(" ", _BLOCK_END.sub("\n", text or "")))
    text = _MARKER_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    found = []
    for line in text.splitlines():
        pending = ""
        for sentence in _SENTENCE_END.split(line.strip()):
            sentence = " ".join(f"{pending} {sentence}".split())
            # "1. Collecting blood": a list number is no sentence of its own.
            pending = sentence if _LIST_NUMBER.fullmatch(sentence) else ""
            if sentence and not pending:
                found.append(sentence)
        if pending:
            found.append(pending)
    return found


def claim_kinds(sentence: str, *, heading: bool = False) -> list[str]:
    """What makes ``sentence`` a claim ("number", "comparison", ...); empty
    for none. Questions make no claim, nor a number in a heading."""
    words = _LIST_NUMBER_START.sub("", strip_claim_markers(sentence))
    words = _NOT_A_FIGURE.sub(" ", words)
    if words.endswith("?"):
        return []
    return [
        name
        for name, pattern in CLAIM_PATTERNS.items()
        if pattern.search(words) and not (heading and name == "number")
    ]


def uncited_claims(parts: Iterable[TextPart]) -> list[Finding]:
    """Each sentence of ``parts`` that makes a claim and carries no source."""
    findings = []
    for part in parts:
        if part.sourced:
            continue
        for sentence in sentences(part.text):
            if claim_kinds(sentence, heading=part.heading) and not has_marker(sentence):
                findings.append(Finding(part=part.label, sentence=sentence))
    return findings


def findings_of(reviewed, snapshot) -> list[Finding]:
    """The uncited claims of one version of a registered kind."""
    return uncited_claims(reviewed.texts(snapshot))


def no_source_record(findings: list[Finding], reasons: Mapping[str, str]) -> list[dict]:
    """What the review record keeps: each uncited claim with its reason.

    ``reasons`` maps a finding's ``key`` to the reviewer's reason. Refuses,
    naming each sentence, when a claim has neither a source nor a reason.
    """
    missing = [f for f in findings if not (reasons.get(f.key) or "").strip()]
    if missing:
        named = "; ".join(
            f"“{strip_claim_markers(f.sentence)}” ({f.part})" for f in missing
        )
        raise ValidationError(
            ngettext(
                "%(count)d sentence makes a claim without a source: %(sentences)s. "
                "Cite a source in it ([ref:key]) or, if it needs none, say why "
                "under “Claims without a source”.",
                "%(count)d sentences make a claim without a source: %(sentences)s. "
                "Cite a source in each ([ref:key]) or, if one needs none, say why "
                "under “Claims without a source”.",
                len(missing),
            ),
            code="uncited_claims",
            params={"count": len(missing), "sentences": named},
        )
    recorded, seen = [], set()
    for finding in findings:
        if finding.key in seen:
            continue
        seen.add(finding.key)
        recorded.append(
            {
                "part": str(finding.part),
                "sentence": strip_claim_markers(finding.sentence),
                "reason": reasons[finding.key].strip(),
            }
        )
    return recorded


def submit_warning(findings: list[Finding]) -> str:
    """What the editor reads after submitting a version with uncited claims."""
    named = "; ".join(f"“{f.sentence}” ({f.part})" for f in findings[:10])
    more = len(findings) - 10
    text = ngettext(
        "%(count)d sentence makes a claim without a source: %(sentences)s.",
        "%(count)d sentences make a claim without a source: %(sentences)s.",
        len(findings),
    ) % {"count": len(findings), "sentences": named}
    if more > 0:
        text += " " + str(_("And %(more)d more.") % {"more": more})
    return (
        text
        + " "
        + str(
            _(
                "Cite a source where each claim stands ([ref:key]); a reviewer can "
                "approve it only with a source or a reason why it needs none."
            )
        )
    )

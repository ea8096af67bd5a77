"""Plain-language advice: the reading level of patient text.

Flesch-Kincaid gives a US school grade; a UK reading age is that grade plus five
(grade 4 is read at about 9). The site-wide target (``READING_AGE_TARGET``, NHS
content aims at 9 to 11) is advice for editors and reviewers, never a gate.
"""

import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .citing import strip_markers
from .diff import plain_text

# textstat 0.7.3 (pinned: newer releases fetch a dictionary over the network)
# imports setuptools' pkg_resources, which warns on import; the warning is for
# textstat's authors, not for whoever runs manage.py.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
    import textstat

# Below this many words the formula says more about the sample than the text.
MIN_WORDS = 20
GRADE_TO_AGE = 5

textstat.set_lang("en_GB")


@dataclass(frozen=True)
class ReadingLevel:
    grade: float
    words: int

    @property
    def age(self) -> int:
        return max(GRADE_TO_AGE, round(self.grade + GRADE_TO_AGE))

    @property
    def verdict(self) -> str:
        low, high = settings.READING_AGE_TARGET
        if self.age > high:
            return "harder"
        return "within" if self.age >= low else "easier"

    @property
    def verdict_label(self):
        return {
            "harder": _("Harder than the target"),
            "within": _("Within the target"),
            "easier": _("Easier than the target"),
        }[self.verdict]

    @property
    def target_label(self) -> str:
        low, high = settings.READING_AGE_TARGET
        return f"{low}–{high}"

    def __str__(self):
        return str(
            _("grade %(grade)s, reading age %(age)s")
            % {"grade": self.grade, "age": self.age}
        )


def reading_level(text) -> ReadingLevel | None:
    """The level of ``text`` (HTML or plain), or ``None`` when it is too short."""
    words = plain_text(strip_markers(text))
    count = textstat.lexicon_count(words)
    if count < MIN_WORDS:
        return None
    # One sentence per paragraph at least: list items rarely end with a full stop.
    sentences = ". ".join(line.rstrip(".") for line in words.splitlines())
    grade = round(max(0.0, textstat.flesch_kincaid_grade(sentences)), 1)
    return ReadingLevel(grade=grade, words=count)

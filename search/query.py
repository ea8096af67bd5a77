"""What a patient typed, as the groups of phrases search looks for.

"how much does CIK cost" becomes ``[["cik"], ["how much", "cost", "price", ...]]``:
the synonym list turns question words into the words our pages use, stop words
("how", "does") are dropped so they cannot hide a match, and a number stays
with the word before it ("stage 4" is one phrase, never "stage" or "stages").
A page is ranked first by how many groups it answers, then by relevance.
"""

import re
from dataclasses import dataclass, field

from .models import Synonym

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
# A word starts with a letter or digit ("CAR-T", "IL-2" stay whole).
WORD = re.compile(r"[^\W_][\w+-]*")
# Words that carry no subject of their own in a patient's question.
_STOP_WORDS = """a about after also am an and any are as at be been before being but
    by can
    could did do does doing for from get got had has have how i if in into is it
    its me much my near of on or our should so than that the their them then there
    these they this those to up us was we were what when which who whom why
    will with would you your"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Common words of patients' questions that our pages may not use: never taken
# for misspellings of indexed words ("cure" is not "course").
_COMMON_WORDS = """ache aches afford allowed approval approved benefit best better blood
    body book cancer cells chance chances children china cure cured cures curing
    danger dangerous death die doctor does drug drugs eat effect effects fda feel
    fever free good harm heal help hospital hurt ill illness infusion kill kills
    licence licensed license life live long medicine money near need normal nurse
    old pain painful pay price prices real recover risk risks safe sick side sign
    signs stage stages start stop strong success surgery survive symptom symptoms
    test tests therapy time travel treat treated treatment trial trials tumour
    tumor type visa wait weak well work works worth young"""
COMMON_WORDS = frozenset(_COMMON_WORDS.split())
# Words a roman numeral may number ("stage iv"); elsewhere "iv" is a word.
NUMBERED = frozenset({"stage", "grade", "phase", "type"})
ROMAN = frozenset({"i", "ii", "iii", "iv", "v"})


@dataclass
class Query:
    text: str
    # Each group is a list of phrases, any of which answers it.
    groups: list[list[str]] = field(default_factory=list)
    # The words of ``text`` misspellings may be looked for in (no numbers, no
    # stop words, nothing a synonym matched).
    correctable: list[str] = field(default_factory=list)
    widened: bool = False


def normalise(text: str) -> str:
    words = " ".join(str(text or "").split())[:MAX_QUERY_LENGTH].split()
    return " ".join(words[:MAX_WORDS])


def parse(text: str, synonyms=None) -> Query:
    """The groups to look for; ``synonyms`` are ``(phrase, alternatives)``."""
    words = WORD.findall(text.lower())
    query = Query(text=text)
    if synonyms is None:
        synonyms = synonym_pairs()
    taken = [False] * len(words)
    # Longest phrases first: "liver cancer" before "liver".
    for phrase, alternatives in sorted(synonyms, key=lambda s: -len(s[0].split())):
        phrase_words = WORD.findall(phrase.lower())
        size = len(phrase_words)
        if not size:
            continue
        for start in range(len(words) - size + 1):
            if words[start : start + size] == phrase_words and not any(
                taken[start : start + size]
            ):
                taken[start : start + size] = [True] * size
                own = [] if set(phrase_words) <= STOP_WORDS else [phrase.lower()]
                others = [a.lower() for a in alternatives if WORD.search(a)]
                query.groups.append(own + others)
                query.widened = True
    index = 0
    while index < len(words):
        word = words[index]
        if taken[index] or word in STOP_WORDS:
            index += 1
            continue
        following = words[index + 1] if index + 1 < len(words) else ""
        if following and not taken[index + 1] and _numbers(word, following):
            query.groups.append([f"{word} {following}"])  # "stage 4", "grade iii"
            index += 2
            continue
        query.groups.append([word])
        if word.isalpha() and len(word) > 3:
            query.correctable.append(word)
        index += 1
    if not query.groups and words:
        # Nothing but stop words ("how can I"): look for them as typed.
        query.groups = [[" ".join(words)]]
    return query


def _numbers(word: str, following: str) -> bool:
    """Whether ``following`` numbers ``word``: "stage 4", "stage iv", "grade 3"."""
    if word.isdigit():
        return False
    return following.isdigit() or (word in NUMBERED and following in ROMAN)


def synonym_pairs() -> list[tuple[str, list[str]]]:
    """The editable synonym list, in one query."""
    return [(s.phrase, s.alternative_list()) for s in Synonym.objects.all()]


def is_common(word: str) -> bool:
    return word in STOP_WORDS or word in COMMON_WORDS


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word: padded with two spaces before, one after."""
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(first: str, second: str) -> float:
    """pg_trgm's ``similarity``: shared trigrams over all trigrams of both."""
    a, b = trigrams(first), trigrams(second)
    return len(a & b) / len(a | b) if a | b else 0.0

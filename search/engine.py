"""Find approved content for what a patient typed.

The query becomes groups of phrases (``query.parse``: synonyms, stop words,
numbers kept with their word); the database's own full-text engine finds the
entries answering most groups, best ranked first (``backends``: FTS5 on SQLite,
tsvector on PostgreSQL). When nothing is found, each unknown word is corrected
to the nearest indexed word by trigram similarity; a real word (indexed, common
or in the synonym list) is never replaced. Synonyms choose among approved pages
only and are never shown (they are not reviewed, so their words must not reach
a patient).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.safestring import SafeString

from reviews.registry import reviewed_type_of_content_type
from reviews.selectors import visible_in_bulk
from reviews.translated import reading_language

from .backends import backend
from .models import SearchWord
from .query import WORD, is_common, normalise, parse, synonym_pairs


@dataclass
class Result:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: SafeString
    # Of the title (``Visible.language``) and of the snippet: an English hit
    # shows English words even where the item's title is translated.
    language: str = ""
    snippet_language: str = ""


@dataclass
class Search:
    query: str
    results: list[Result] = field(default_factory=list)
    corrected: str = ""  # the query as searched, when misspellings were fixed
    # Whether synonyms widened the search; their words are not kept, so no
    # template can print what no reviewer approved.
    widened: bool = False


def search(query: str, *, limit: int = 20) -> Search:
    """The approved items matching ``query``, best first. Reads only."""
    found = Search(query=normalise(query))
    if not WORD.search(found.query):
        return found
    engine = backend()
    synonyms = synonym_pairs()
    parsed = parse(found.query, synonyms)
    language = reading_language()
    # The reader's language first; English pages after, where no translation
    # answered (the same item is listed once).
    translated = (
        engine.match_translated(parsed.groups, limit, language) if language else []
    )
    hits = _merged(translated, engine.match(parsed.groups, limit), limit)
    if not hits:
        corrected = _corrected(found.query, parsed, synonyms, engine)
        if corrected:
            reparsed = parse(corrected, synonyms)
            hits = engine.match(reparsed.groups, limit)
            if hits:
                found.corrected, parsed = corrected, reparsed
    found.widened = parsed.widened
    found.results = _results(hits, {(hit[0], hit[1]) for hit in translated}, language)
    return found


def _merged(first, then, limit):
    seen = {(content_type, object_id) for content_type, object_id, _ in first}
    rest = [hit for hit in then if (hit[0], hit[1]) not in seen]
    return [*first, *rest][:limit]


def _corrected(text, parsed, synonyms, engine) -> str:
    """``text`` with each unknown word replaced by the nearest indexed word, or
    "" when no word changes."""
    listed = {word for pair in synonyms for word in WORD.findall(pair[0].lower())}
    unknown = [
        word
        for word in parsed.correctable
        if not is_common(word) and word not in listed
    ]
    if not unknown:
        return ""
    indexed = set(
        SearchWord.objects.filter(word__in=unknown).values_list("word", flat=True)
    )
    nearest = engine.nearest([word for word in unknown if word not in indexed])
    if not nearest:
        return ""
    return " ".join(nearest.get(word, word) for word in WORD.findall(text.lower()))


def _results(hits, translated=frozenset(), language=None) -> list[Result]:
    """Resolve hits to the items patients see now (one query per kind)."""
    by_type = {}
    for content_type, object_id, _snippet in hits:
        by_type.setdefault(content_type, []).append(object_id)
    shown = {
        content_type: visible_in_bulk(
            reviewed_type_of_content_type(content_type).model, ids
        )
        for content_type, ids in by_type.items()
    }
    # A kind without a page of its own (a practical fact) tells where patients
    # read each of its items in one query.
    urls = {}
    for content_type, items in shown.items():
        model = reviewed_type_of_content_type(content_type).model
        if hasattr(model, "absolute_urls"):
            urls[content_type] = model.absolute_urls(items)
    results = []
    for content_type, object_id, snippet in hits:
        item = shown[content_type].get(object_id)
        if item is None:
            continue  # unpublished between the search and now
        if content_type in urls:
            url = urls[content_type].get(object_id, "")
        else:
            url = item.get_absolute_url()
        if not url:
            continue  # shown on no page
        reviewed = reviewed_type_of_content_type(content_type)
        results.append(
            Result(
                kind=reviewed.kind,
                kind_label=str(reviewed.verbose_name).capitalize(),
                title=reviewed.title_of(item.content),
                url=url,
                snippet=snippet,
                language=item.language,
                snippet_language=language
                if (content_type, object_id) in translated
                else settings.LANGUAGE_CODE,
            )
        )
    return results

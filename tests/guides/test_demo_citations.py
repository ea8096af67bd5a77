"""The demo's citations say exactly what the checked source list says."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from guides.demo_citations import CITATIONS

REFERENCES_PATH = Path(settings.BASE_DIR).parent / "shared/seed/references.md"
CHECKED_FIELDS = {"title", "source", "year", "pmid", "doi"}
# The title column ends with the authors, "(Yu R, Yang B, Chi X, et al.)", which
# are not part of the title.
AUTHORS = re.compile(
    r"\s*\((?:[A-Z][\w-]+ [A-Z]{1,3})(?:, [A-Z][\w-]+ [A-Z]{1,3})*(?:, et al\.)?\)$"
)


def parse_references(text):
    """``{doi: fields}`` from the table's rows, as the demo would store them."""
    references = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 6 or not cells[0].isdecimal():
            continue
        __, title, published, doi, ids, __ = cells
        journal, year = re.match(r"^(.+?), (\d{4})\b", published).groups()
        pmid = re.fullmatch(r"PMID (\d+)", ids)
        references[doi] = {
            "title": AUTHORS.sub("", title),
            "source": journal,
            "year": int(year),
            "pmid": pmid.group(1) if pmid else "",
            "doi": doi,
        }
    return references


@pytest.fixture
def references():
    if not REFERENCES_PATH.exists():
        pytest.skip(f"checked source list not found at {REFERENCES_PATH}")
    references = parse_references(REFERENCES_PATH.read_text(encoding="utf-8"))
    assert len(references) == 12
    return references


def test_every_demo_citation_is_in_the_checked_list(references):
    """Each demo citation's DOI is one of the checked sources."""
    unknown = sorted(
        key for key, data in CITATIONS.items() if data["doi"] not in references
    )
    assert unknown == []


def test_demo_citations_match_the_checked_list_field_by_field(references):
    """Title, journal, year, DOI and PMID are the checked ones, and nothing is
    filled that was not checked (no PMID where the list gives none)."""
    for key, data in CITATIONS.items():
        assert set(data) <= CHECKED_FIELDS, key
        expected = references[data["doi"]]
        assert {name: data.get(name, "") for name in CHECKED_FIELDS} == expected, key

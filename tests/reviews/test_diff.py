"""The diff a reviewer reads: per section and field, word by word, escaped."""

from reviews.diff import plain_text, word_diff
from reviews.registry import reviewed_kind


def snapshot_diff(kind, old, new):
    """The registered diff of two snapshots given as stored schema-1 JSON."""
    reviewed = reviewed_kind(kind)
    return reviewed.diff(
        reviewed.load(old, 1) if old is not None else None, reviewed.load(new, 1)
    )


def guide(*sections, **fields):
    return {
        "title": "CIK therapy",
        "slug": "cik",
        "lede": "An introduction.",
        "meta_description": "",
        "topic": "CIK",
        "related_guide_ids": [],
        "references": [],
        "sections": list(sections),
        **fields,
    }


def text_section(pk, heading, body):
    return {
        "id": pk,
        "kind": "rich_text",
        "heading": heading,
        "body": body,
        "items": [],
    }


def test_rich_text_is_compared_as_words_without_markup():
    assert plain_text(
        "<p>One <strong>two</strong></p><ul><li>a</li><li>b</li></ul>"
    ) == ("One two\na\nb")


def test_word_diff_marks_removed_and_added_words():
    html = word_diff("Cells grow for two weeks.", "Cells grow for three weeks.")
    assert html == "Cells grow for <del>two </del><ins>three </ins>weeks."


def test_word_diff_escapes_what_it_shows():
    html = word_diff("safe", "<script>alert(1)</script>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_changed_section_shows_only_its_changed_field():
    old = guide(text_section(1, "How it works", "<p>Two weeks.</p>"))
    new = guide(text_section(1, "How it works", "<p>Three weeks.</p>"))
    top, section = snapshot_diff("guide", old, new)
    assert not top.changed
    assert section.change == "changed"
    assert section.title == "Section 1: How it works"
    [field] = section.changed_fields
    assert field.label == "Text"
    assert field.html == "<del>Two </del><ins>Three </ins>weeks."


NAMES = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")


def six_sections():
    return [
        text_section(pk, name, f"<p>{name}</p>") for pk, name in enumerate(NAMES, 1)
    ]


def test_added_removed_and_moved_sections_are_named():
    """Only Fifth moved: Second closes the gap First left, in the same order."""
    a, b, c, d, e, f = six_sections()
    blocks = snapshot_diff("guide", guide(a, b, c, d, e), guide(b, e, c, d, f))
    changes = {block.title: (block.change, block.detail) for block in blocks[1:]}
    assert changes == {
        "Section 1: Second": ("unchanged", ""),
        "Section 2: Fifth": ("moved", "moved from position 5 to 2"),
        "Section 3: Third": ("unchanged", ""),
        "Section 4: Fourth": ("unchanged", ""),
        "Section 5: Sixth": ("added", ""),
        "Section 1: First": ("removed", ""),
    }


def moves(blocks):
    return [(b.title, b.detail) for b in blocks if b.change == "moved" or b.detail]


def test_moving_one_section_down_reports_that_section_only():
    """4 to 6 among six: Fifth and Sixth close up, they did not move."""
    first, second, third, fourth, fifth, sixth = six_sections()
    blocks = snapshot_diff(
        "guide",
        guide(first, second, third, fourth, fifth, sixth),
        guide(first, second, third, fifth, sixth, fourth),
    )
    assert moves(blocks) == [("Section 6: Fourth", "moved from position 4 to 6")]


def test_removing_a_section_moves_none_of_the_others():
    sections = six_sections()
    blocks = snapshot_diff(
        "guide", guide(*sections), guide(*sections[:2], *sections[3:])
    )
    assert moves(blocks) == []
    assert [b.change for b in blocks[1:]] == ["unchanged"] * 5 + ["removed"]


def item_diff(old_items, new_items):
    """The item rows of one card section holding ``old_items``, then ``new_items``."""

    def snapshot(items):
        section = {"id": 1, "kind": "cards", "heading": "Steps", "intro": ""}
        items = [{"id": pk, "title": title, "text": ""} for pk, title in items]
        return guide({**section, "items": items})

    [section] = snapshot_diff("guide", snapshot(old_items), snapshot(new_items))[1:]
    return [f for f in section.fields if f.anchor]


ITEMS = list(enumerate(NAMES, 11))


def test_moving_one_item_down_reports_that_item_only():
    first, second, third, fourth, fifth, sixth = ITEMS
    rows = item_diff(ITEMS, [first, second, third, fifth, sixth, fourth])
    moved = [(r.label, r.change, r.detail) for r in rows if r.detail]
    assert moved == [("Item 6: Fourth", "moved", "moved from position 4 to 6")]
    assert {r.change for r in rows if not r.detail} == {"unchanged"}


def test_removing_an_item_moves_none_of_the_others():
    rows = item_diff(ITEMS, ITEMS[:2] + ITEMS[3:])
    assert [r.detail for r in rows] == [""] * 6
    assert [r.change for r in rows] == ["unchanged"] * 5 + ["removed"]


def test_words_anywhere_are_changes_and_only_arrangement_is_labelled_so():
    """A call to action and the meta description are words like any other."""
    cta = {
        "id": 9,
        "kind": "call_to_action",
        "heading": "Ask",
        "intro": "",
        "button_label": "Send",
        "items": [],
    }
    changed = {**cta, "button_label": "Write to us"}
    top, section = snapshot_diff(
        "guide", guide(cta), guide(changed, meta_description="For search")
    )
    assert section.change == "changed"
    assert [f.label for f in top.changed_fields] == ["Meta description"]
    assert not top.changed_fields[0].arrangement
    arrangement = [f.label for f in top.fields if f.arrangement]
    assert arrangement == ["Topic", "Related guides"]


def test_key_number_items_and_references_are_readable():
    item = {"figure": "100+", "title": "Trials", "text": "", "source": ""}
    section = {"id": 4, "kind": "key_numbers", "heading": "Numbers", "intro": ""}
    reference = {
        "id": 7,
        "title": "A trial",
        "source": "Journal",
        "year": 2020,
        "pmid": "123",
        "doi": "",
        "url": "",
    }
    old = guide({**section, "items": [{**item, "citation_ids": []}]})
    new = guide(
        {**section, "items": [{**item, "citation_ids": [7]}]}, references=[reference]
    )
    top, numbers = snapshot_diff("guide", old, new)
    [items] = numbers.changed_fields
    assert items.new == "100+ · Trials · sources: A trial"
    [references] = top.changed_fields
    assert references.new == "A trial, Journal, 2020, PMID 123"


def test_first_version_shows_everything_as_added():
    [block] = snapshot_diff("faq", None, {"question": "Q?", "answer": "<p>A.</p>"})
    assert block.change == "changed"
    assert [f.html for f in block.fields] == ["<ins>Q?</ins>", "<ins>A.</ins>"]

"""The long select writes what Django's own ``Select`` writes: the same options,
labels, selection and attributes, whatever the value and the words in it."""

from html.parser import HTMLParser

from django import forms
from hypothesis import example, given, settings
from hypothesis import strategies as st

from inquiries.forms import InquiryForm
from inquiries.widgets import LongSelect
from tests.conftest import examples


class Parsed(HTMLParser):
    """Each element as (tag, sorted attributes, its text), in document order."""

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.elements.append([tag, sorted(attrs), ""])

    def handle_data(self, data):
        if self.elements and data.strip():
            self.elements[-1][2] += data


def both(choices, value, attrs=None):
    return [
        Parsed(widget(choices=choices).render("pick", value, attrs)).elements
        for widget in (LongSelect, forms.Select)
    ]


def test_the_country_field_uses_it_and_keeps_the_chosen_country():
    field = InquiryForm.base_fields["country"]
    ours, django = both(field.choices, "GB", {"id": "id_country"})
    assert isinstance(field.widget, LongSelect)
    assert ours == django
    assert [e for e in ours if ("selected", None) in e[1]] == [
        ["option", [("selected", None), ("value", "GB")], "United Kingdom"]
    ]
    assert len(ours) == 251


words = st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=12)


@settings(max_examples=examples(200))
@given(
    choices=st.lists(st.tuples(st.one_of(st.none(), words, st.integers()), words)),
    value=st.one_of(st.none(), words, st.lists(words, max_size=2)),
    required=st.booleans(),
)
@example(
    choices=[('"><b x="', "<i>Tom & Jerry</i>"), (1, "1")],
    value='"><b x="',
    required=False,
)
@example(choices=[("a", "A"), ("a", "Again")], value=["a"], required=True)
def test_it_writes_what_djangos_select_writes(choices, value, required):
    """Values and labels with quotes, tags and ampersands; values that match no
    option, or several (only the first is selected, as in Django)."""
    attrs = {"id": "id_pick", "required": required, "aria-invalid": "true"}
    ours, django = both(choices, value, attrs)
    assert ours == django


def test_choices_in_groups_are_left_to_djangos_templates():
    groups = [("Europe", [("FR", "France"), ("DE", "Germany")]), ("", "None")]
    ours, django = both(groups, "DE")
    assert ours == django
    assert ["optgroup", [("label", "Europe")], ""] in ours

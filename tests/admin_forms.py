"""Read an admin form as a browser would submit it, for tests that post it back."""

import re
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.depth = 0
        self.data: dict[str, list[str]] = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "form":
            self.depth += 1
        name = attrs.get("name")
        skip = (
            name is None
            or "__prefix__" in name
            or "disabled" in attrs
            or attrs.get("type") in ("submit", "button", "file")
        )
        if tag == "input" and not skip:
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            checkable = attrs.get("type") in ("checkbox", "radio")
            default = "on" if checkable else ""
            self.data.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "textarea" and not skip:
            self._textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "select" and not skip:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "form":
            self.depth -= 1
        elif tag == "textarea" and self._textarea is not None:
            # As browsers do: the newline right after <textarea> is not content.
            value = self.data[self._textarea][-1]
            if value.startswith("\r\n"):
                value = value[2:]
            elif value.startswith("\n"):
                value = value[1:]
            self.data[self._textarea][-1] = value
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_data(html: str, form_id: str) -> dict:
    """``{name: value or [values]}`` of the form's successful controls."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return {
        name: values[0] if len(values) == 1 else values
        for name, values in reader.data.items()
    }


def guide_form(client, guide) -> dict:
    """The guide's change form as the page offers it."""
    html = client.get(f"/admin/guides/guide/{guide.pk}/change/").content.decode()
    return form_data(html, "guide_form")


# The formset a row of each kind sits in: a section and an item may share a pk.
FORMSETS = {"section": "sections", "sectionitem": "items"}


def field_of(data, obj, name) -> str:
    """The form name of ``obj``'s field ``name`` (a section or an item)."""
    formset = FORMSETS.get(obj._meta.model_name, "")
    row = re.compile(rf"(?:^|-){formset}-\d+-id$" if formset else r"-id$")
    for key, value in data.items():
        if row.search(key) and str(value) == str(obj.pk):
            prefix = key[: -len("id")]
            if f"{prefix}{name}" in data or name in ("DELETE",):
                return f"{prefix}{name}"
    raise KeyError(f"{obj!r} has no field {name}")

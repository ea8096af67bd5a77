"""Keys for kept parts of a page (``{% fragment %}``) that name what they show.

A part is kept under a digest of every value it shows: plain values as they
are, approved items by ``shown_fingerprint`` (identity, address, approved
snapshot), review lines by their dates and the signatures as recorded. A new
approval, publication, confirmation or address therefore makes a new key, and
no kept copy is ever stale. A working copy (a staff preview), a signed-in
visitor or a value this module cannot name gives no key: the part is rendered.
"""

import datetime
import hashlib

from django.urls import get_script_prefix
from django.utils.translation import get_language

from .review_lines import ReviewSummary
from .selectors import Visible, shown_fingerprint


class _Unnamed(Exception):
    pass


def part_key(name, *values, viewer=None) -> str | None:
    """The key of the part ``name`` showing ``values``, or ``None``."""
    if viewer is not None and viewer.is_authenticated:
        return None
    digest = hashlib.sha256()
    try:
        for value in values:
            digest.update(_named(value).encode())
            digest.update(b"\0")
    except _Unnamed:
        return None
    return f"part:{name}:{get_language()}:{get_script_prefix()}:{digest.hexdigest()}"


def _named(value) -> str:
    if value is None or isinstance(value, str | int | datetime.date):
        return repr(value)
    if isinstance(value, Visible):
        fingerprint = shown_fingerprint([value])
        if fingerprint is None:
            raise _Unnamed
        return fingerprint
    if isinstance(value, ReviewSummary):
        dates = (
            value.last_reviewed,
            value.next_review_due,
            value.first_reviewed,
            value.words_changed,
        )
        signatures = [
            [
                *((f.attname, getattr(s, f.attname)) for f in s._meta.concrete_fields),
                # Whether the signer's page opens: the name is a link or not.
                ("profile_approved", getattr(s, "profile_approved", None)),
            ]
            for s in value.reviewers
        ]
        return repr((dates, signatures))
    if isinstance(value, list | tuple):
        return "[" + ",".join(_named(item) for item in value) + "]"
    raise _Unnamed

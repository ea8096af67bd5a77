"""What a page being rendered shows: the selectors report, the store records it."""

import contextvars
from contextlib import contextmanager

_shown = contextvars.ContextVar("publishing_shown", default=None)


def record(content_type_id: int, object_id: int | None = None) -> None:
    """Note that the page being rendered shows this item (``None``: the whole kind)."""
    shown = _shown.get()
    if shown is not None:
        shown.add((content_type_id, object_id))


@contextmanager
def collecting():
    """Collect, as a set of ``(content_type_id, object_id)``, what a render shows."""
    shown = set()
    token = _shown.set(shown)
    try:
        yield shown
    finally:
        _shown.reset(token)

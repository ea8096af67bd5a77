"""What apps built on inquiries add to an inquiry's life cycle.

Inquiries know no app above them (the import-linter contract): an app that keeps
personal data about an inquiry registers an eraser in its ``AppConfig.ready()``,
and ``services.inquiry_erase`` calls it inside the erasure's transaction.
"""

from collections.abc import Callable

_erasers: list[Callable] = []


def register_eraser(eraser: Callable) -> Callable:
    """``eraser(inquiry=...)`` removes what its app holds about the person."""
    if eraser not in _erasers:
        _erasers.append(eraser)
    return eraser


def run_erasers(*, inquiry) -> None:
    for eraser in _erasers:
        eraser(inquiry=inquiry)

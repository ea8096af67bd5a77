"""What apps built on inquiries add to an inquiry's life cycle.

Inquiries know no app above them (the import-linter contract): an app that keeps
personal data about an inquiry registers an eraser in its ``AppConfig.ready()``,
and ``services.inquiry_erase`` calls it inside the erasure's transaction. An app
that gives the patient something at once (casework: the secure link) registers
what the acknowledgement e-mail adds.
"""

import logging
from collections.abc import Callable

from django.db import transaction

logger = logging.getLogger(__name__)

_erasers: list[Callable] = []
_acknowledgement_parts: list[Callable] = []


def register_eraser(eraser: Callable) -> Callable:
    """``eraser(inquiry=...)`` removes what its app holds about the person."""
    if eraser not in _erasers:
        _erasers.append(eraser)
    return eraser


def run_erasers(*, inquiry) -> None:
    for eraser in _erasers:
        eraser(inquiry=inquiry)


def register_acknowledgement_part(part: Callable) -> Callable:
    """``part(inquiry=...)`` returns a dict the acknowledgement's template reads.

    It runs inside the submission's transaction, so what it stores commits
    with the inquiry.
    """
    if part not in _acknowledgement_parts:
        _acknowledgement_parts.append(part)
    return part


def acknowledgement_parts(*, inquiry) -> dict:
    """What registered apps add to the acknowledgement; a part that fails is
    left out (and rolled back alone): the inquiry is never lost for it."""
    found = {}
    for part in _acknowledgement_parts:
        try:
            with transaction.atomic():
                found.update(part(inquiry=inquiry))
        except Exception as error:
            # The type only: the message or traceback could hold a secret.
            logger.error(
                "Acknowledgement part %s failed for inquiry %s: %s",
                getattr(part, "__qualname__", part),
                inquiry.pk,
                type(error).__name__,
            )
    return found

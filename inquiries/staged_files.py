"""Files stored before their inquiry exists, and the writing every record shares.

A sender's accepted files are kept on the server while they fix the rest of the
form (``staged_files_add``); ``inquiries.services.inquiry_submit`` attaches them.
``store_rows`` and ``removed_on_failure`` write record rows and their stored files
all or nothing, for staged files and for files added to an inquiry alike.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .files import delete_stored, store_upload
from .models import InquiryFile


def write_file_row(*, checked, stored_name: str, **fields) -> InquiryFile:
    info = checked.info
    row = InquiryFile(
        stored_name=stored_name,
        original_name=info.original_name,
        kind=info.kind,
        size=info.size,
        sha256=info.sha256,
        warnings="; ".join(info.warnings)[:300],
        **fields,
    )
    row.full_clean()
    row.save()
    return row


def store_rows(checked_uploads: Iterable, written: list[str], **fields):
    rows = []
    for checked in checked_uploads:
        stored_name = store_upload(checked.file, checked.info.kind)
        written.append(stored_name)
        rows.append(write_file_row(checked=checked, stored_name=stored_name, **fields))
    return rows


def staged_files_add(
    *,
    checked_uploads: Sequence,
    staging_key: str,
    session_hash: str,
    ip_hash: str = "",
) -> list[InquiryFile]:
    """Keep accepted files on the server while the sender fixes the rest of the form.

    The rows are tied to the form's signed staging key and to the browser
    session; ``inquiry_submit`` attaches them, ``staged_files_delete_stale``
    removes those never sent.
    """
    with removed_on_failure() as written, transaction.atomic():
        return store_rows(
            checked_uploads,
            written,
            staging_key=staging_key,
            session_hash=session_hash,
            ip_hash=ip_hash,
        )


@contextmanager
def removed_on_failure() -> Iterator[list[str]]:
    """The stored names written in the block, deleted again if the block fails."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        delete_stored(written)
        raise


@transaction.atomic
def staged_file_discard(*, staged_file: InquiryFile) -> None:
    """Remove a staged file the sender no longer wants to send."""
    if staged_file.inquiry_id is not None:
        raise ValidationError(_("This file is already part of an inquiry."))
    name = staged_file.stored_name
    staged_file.delete()
    transaction.on_commit(partial(delete_stored, [name]))

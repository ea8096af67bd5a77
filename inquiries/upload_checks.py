"""The checks an inquiry form runs on its files: the ones staged on an earlier
try (kept unless the sender removes them) and the new ones, each inspected and
counted against the totals, each refusal named in its own message."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .files import (
    CheckedUpload,
    FileRejected,
    check_file_totals,
    inspect_upload,
    too_large_message,
)


class StagedUploadsMixin:
    """For a form with ``staged_files``, ``skipped_uploads``, ``request_too_large``
    and ``accepted_uploads`` (set in its ``__init__``) and the fields
    ``medical_records`` and ``remove_files``."""

    def clean_uploads(self, cleaned):
        """Check each new file and the totals with the files kept from before."""
        removed = set(cleaned.get("remove_files") or ())
        self.kept_files = [f for f in self.staged_files if str(f.pk) not in removed]
        self.removed_files = [f for f in self.staged_files if str(f.pk) in removed]
        if self.request_too_large:
            self.add_error(
                "medical_records",
                ValidationError(
                    _(
                        "The files you chose are larger than %(limit)s together, "
                        "so none of them was sent. Please send fewer files at a time."
                    )
                    % {"limit": filesizeformat(settings.INQUIRY_MAX_TOTAL_SIZE)},
                    code="request_too_large",
                ),
            )
        else:
            for name in self.skipped_uploads:
                self.add_error(
                    "medical_records",
                    ValidationError(too_large_message(name), code="file_too_large"),
                )
        count = len(self.kept_files)
        size = sum(staged.size for staged in self.kept_files)
        for upload in cleaned.get("medical_records") or []:
            try:
                info = inspect_upload(upload)
                check_file_totals(count=count + 1, size=size + info.size)
            except FileRejected as rejected:
                self.add_error(
                    "medical_records",
                    ValidationError(rejected.message, code=rejected.code),
                )
                continue
            except ValidationError as error:
                self.add_error(
                    "medical_records",
                    ValidationError(
                        _("“%(name)s” was not added: %(reason)s")
                        % {"name": info.original_name, "reason": error.messages[0]},
                        code=error.code,
                    ),
                )
                continue
            count += 1
            size += info.size
            self.accepted_uploads.append(CheckedUpload(file=upload, info=info))

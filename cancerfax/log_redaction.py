"""Keep secrets that travel in URL paths out of every log line.

Some addresses are keys: whoever holds the patient's secure link
(``/my-inquiry/<token>/``) reads their messages, and a password-reset address
(``/password-reset/<uid>/<token>/``) sets a staff password. Django prints the
path of every 4xx/5xx response and runserver of every request; gunicorn's
access log prints it too (``cancerfax.gunicorn_logging``). Log files are kept
longer and read by more people than the database, so the secret segment is
replaced with ``…`` before any handler sees the line.

Plain Python (no Django import): gunicorn's master loads it before any app.
"""

import logging
import re

REDACTED = "…"

# The prefix (group 1) stays, so a reader still sees which page was asked for.
# Django's own redirect target after a reset link ("set-password") is no secret.
_SEGMENT = r"[^/?#\s\"']+"
SECRET_PATHS = (
    re.compile(rf"(/my-inquiry/){_SEGMENT}"),
    re.compile(
        rf"(/password-reset/{_SEGMENT}/)(?!set-password(?:[/?#\s\"']|$)){_SEGMENT}"
    ),
)


def redact(text: str) -> str:
    """``text`` with every secret path segment replaced by ``…``."""
    for pattern in SECRET_PATHS:
        text = pattern.sub(rf"\g<1>{REDACTED}", text)
    return text


class SecretPathFilter(logging.Filter):
    """Rewrites the record's message (and traceback text) with secrets redacted.

    It changes the record itself, so on a logger it protects every handler the
    record reaches afterwards, also those added later (an error reporter, a
    test's capture).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is logging's to report
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True

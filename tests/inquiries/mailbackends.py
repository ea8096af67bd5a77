"""E-mail backends for tests that run workers in other processes."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class SlowFileBackend(BaseEmailBackend):
    """Writes each message to its own file in $TEST_MAIL_DIR, slowly.

    The pause widens the window in which two workers could both send one
    message, so the exactly-once test would catch a broken claim.
    """

    def send_messages(self, messages):
        folder = Path(os.environ["TEST_MAIL_DIR"])
        for message in messages:
            time.sleep(0.03)
            line = f"{','.join(message.to)}\t{message.subject}\n"
            (folder / f"{uuid.uuid4().hex}.txt").write_text(line)
        return len(messages)


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses every connection."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server is down")

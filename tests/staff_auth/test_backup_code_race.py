"""A backup code signs in once, also when two sign-ins send it at the same moment
(two real PostgreSQL connections).

django-otp reads a code, then deletes it; ``match_token`` locks the member's
devices (``select_for_update``) around that, so a second request waits and finds
the code spent. This keeps it so, should that lock ever go.
"""

import contextlib
import threading

import pytest
from django.db import connection
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from tests.concurrency import run_together
from tests.test_staff_auth import sign_in

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs several PostgreSQL connections"
    ),
]
VERIFY = "/admin/two-factor/"


def test_one_backup_code_sent_twice_at_once_signs_in_once(
    coordinator, settings, monkeypatch
):
    settings.STAFF_OTP_REQUIRED = True
    device = StaticDevice.objects.create(user=coordinator, name="Backup codes")
    StaticToken.objects.create(device=device, token="abcd1234")
    clients = [Client(), Client()]
    for client in clients:
        assert sign_in(client, coordinator.email).status_code == 302

    # django-otp's own steps (read the code, delete it, say whether it was
    # there) with a pause between them where both requests would have read it:
    # with the lock, the first waits here in vain (3 s) and goes on alone.
    both_read = threading.Barrier(2, timeout=3)

    def verify_token(self, token):
        match = self.token_set.filter(token=token).first()
        with contextlib.suppress(threading.BrokenBarrierError):
            both_read.wait()
        if match is None:
            return False
        match.delete()
        return True

    monkeypatch.setattr(StaticDevice, "verify_token", verify_token)
    answers = []

    def send(client):
        answers.append(client.post(VERIFY, {"token": "abcd1234"}).status_code)

    assert run_together(*[lambda c=c: send(c) for c in clients]) == []
    # 302: signed in; 200: the prompt again, with "That code is wrong".
    assert sorted(answers) == [200, 302]
    assert not StaticToken.objects.exists()

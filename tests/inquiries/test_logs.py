"""No patient's name or e-mail address reaches a log: Django's or gunicorn's."""

import contextlib
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

from inquiries.models import Inquiry

from .samples import PATIENT_NAME, upload
from .test_submit import post

ROOT = Path(__file__).resolve().parents[2]
EMAIL = "daughter@example.com"
TOKEN = "eyJsIjo5OTl9:1uAbCd:Secret-Signature"


@pytest.mark.django_db
def test_a_whole_inquiry_life_leaves_no_name_or_email_in_the_logs(
    client,
    form_data,
    pdf_bytes,
    coordinator,
    caplog,
    capsys,
    django_capture_on_commit_callbacks,
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data, files=[upload("ct.pdf", b"%PDF-1.7 broken")])
        post(client, {**form_data, "email": "bad"}, files=[upload("a.pdf", pdf_bytes)])
        post(Client(), {**form_data, "website": "x"})  # held by the spam trap
    inquiry = Inquiry.objects.get()
    staff = Client()
    for _ in range(6):  # failed sign-ins with the patient's e-mail as username
        staff.post("/admin/login/", {"username": EMAIL, "password": "x"})
    staff.force_login(coordinator)
    base = "/admin/inquiries/inquiry/"
    assert PATIENT_NAME in staff.get(base, {"q": PATIENT_NAME}).content.decode()
    staff.get(base, {"q": EMAIL})
    staff.get(f"{base}{inquiry.pk}/change/")
    staff.get(f"{base}{inquiry.pk}/files/{inquiry.files.get().pk}/")
    staff.get(f"{base}{inquiry.pk}/files/999/")  # a 404 is logged with its path
    staff.get(f"{base}export/")
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"{base}{inquiry.pk}/erase/")

    logged = caplog.text + "".join(capsys.readouterr())
    assert "Not Found" in logged  # the capture works
    assert PATIENT_NAME not in logged
    assert PATIENT_NAME.split()[0] not in logged
    assert EMAIL not in logged


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_access_log_leaves_out_queries_referers_and_tokens(tmp_path):
    """The project's gunicorn.conf.py is what a bare ``gunicorn`` reads; its
    logger class redacts the secure link's token."""
    port = free_port()
    log = tmp_path / "access.log"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cancerfax.settings.test",
        "PYTHONPATH": str(ROOT),
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "cancerfax.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            str(log),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/robots.txt?q=Zebulon+Quixote"
        request = urllib.request.Request(
            url, headers={"Referer": f"http://x/admin/?q={EMAIL}"}
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(request, timeout=2).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        # A secure link's token is a key, whatever the answer (an error here).
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(  # noqa: S310
                f"http://127.0.0.1:{port}/my-inquiry/{TOKEN}/", timeout=5
            ).read()
        for _ in range(50):
            if log.exists() and "my-inquiry" in log.read_text():
                break
            time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=10)
    line = log.read_text()
    assert '"GET /robots.txt HTTP/1.1" 200' in line
    assert "Zebulon" not in line and "q=" not in line
    assert EMAIL not in line
    assert '"GET /my-inquiry/…/ HTTP/1.1"' in line and TOKEN not in line

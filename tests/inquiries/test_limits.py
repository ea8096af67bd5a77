"""Rate limits hold when requests arrive together, not only one after another."""

import threading

import pytest
from django.db import connection
from django.test import Client

from inquiries.limits import (
    INQUIRIES,
    limit_claim,
    limit_counters_delete_old,
    limit_reached,
)
from inquiries.models import Inquiry, InquiryFile, RateCounter
from inquiries.views import new_form_token
from tests.concurrency import run_together

from .samples import stored_files, upload

PARALLEL = 40


def post_in_parallel(payloads):
    """POST each payload from its own thread and database connection at once."""
    barrier = threading.Barrier(len(payloads))
    statuses = []

    def sender(payload):
        def send():
            client = Client(REMOTE_ADDR="203.0.113.40")
            barrier.wait()
            statuses.append(client.post("/inquire/", payload).status_code)

        return send

    errors = run_together(*map(sender, payloads), timeout=120)
    assert errors == []
    return statuses


@pytest.fixture
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time; the race needs PostgreSQL")


@pytest.mark.django_db(transaction=True)
def test_forty_parallel_inquiries_let_exactly_the_limit_through(
    postgresql_only, form_data, settings
):
    settings.INQUIRY_RATE_LIMIT = 5
    payloads = [
        {**form_data, "form_token": new_form_token()[1]} for _ in range(PARALLEL)
    ]
    statuses = post_in_parallel(payloads)
    assert sorted(statuses) == [302] * 5 + [429] * (PARALLEL - 5)
    assert Inquiry.objects.count() == 5


@pytest.mark.django_db(transaction=True)
def test_forty_parallel_uploads_stage_exactly_the_file_limit(
    postgresql_only, form_data, settings, pdf_bytes, private_root
):
    settings.INQUIRY_RATE_LIMIT_FILES = 5
    invalid = {**form_data, "consent": ""}  # the form fails; its file is staged
    payloads = [
        {
            **invalid,
            "form_token": new_form_token()[1],
            "medical_records": upload(f"report-{number}.pdf", pdf_bytes),
        }
        for number in range(PARALLEL)
    ]
    statuses = post_in_parallel(payloads)
    assert statuses == [200] * PARALLEL
    assert InquiryFile.objects.filter(inquiry__isnull=True).count() == 5
    assert len(stored_files(private_root)) == 5


@pytest.mark.django_db
def test_a_claim_over_the_limit_is_refused_and_takes_nothing():
    assert limit_claim(scope=INQUIRIES, key="abc", amount=3, limit=5)
    assert not limit_claim(scope=INQUIRIES, key="abc", amount=3, limit=5)
    assert limit_claim(scope=INQUIRIES, key="abc", amount=2, limit=5)
    assert limit_reached(scope=INQUIRIES, key="abc", limit=5)
    assert not limit_reached(scope=INQUIRIES, key="other", limit=5)
    assert not limit_reached(scope="staged_files", key="abc", limit=5)


@pytest.mark.django_db
def test_a_refused_inquiry_gives_its_unit_back(
    client, form_data, settings, monkeypatch
):
    """A submission the service refuses does not use up the sender's limit."""
    from django.core.exceptions import ValidationError

    from inquiries import intake

    from .test_submit import post

    def refuse(**kwargs):
        raise ValidationError("Some staged files are no longer available.")

    settings.INQUIRY_RATE_LIMIT = 1
    monkeypatch.setattr(intake, "inquiry_submit", refuse)
    response = post(client, form_data)
    assert response.status_code == 200
    assert "no longer available" in response.content.decode()
    assert not RateCounter.objects.filter(used__gt=0).exists()


@pytest.mark.django_db
def test_counters_of_old_windows_are_deleted(settings):
    from datetime import timedelta

    from inquiries.limits import window_start

    RateCounter.objects.create(
        scope=INQUIRIES, key="k", window_start=window_start() - timedelta(days=2)
    )
    RateCounter.objects.create(scope=INQUIRIES, key="k", window_start=window_start())
    assert limit_counters_delete_old() == 1
    assert RateCounter.objects.count() == 1

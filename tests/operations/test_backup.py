"""``manage.py backup`` and ``restore``: the database and the medical records,
encrypted with ``BACKUP_KEY``, rebuilt in an empty database and storage."""

import hashlib
import shutil

import boto3
import pytest
from django.core import serializers
from django.core.management import CommandError, call_command
from moto.server import ThreadedMotoServer

from inquiries.consent import CURRENT_CONSENT_VERSION
from inquiries.files import (
    CheckedUpload,
    PrivateStorage,
    inspect_upload,
    private_storage,
)
from inquiries.models import Inquiry, InquiryFile
from inquiries.retention import inquiry_erase
from inquiries.services import inquiry_submit
from operations.backup.crypto import new_key
from operations.backup.snapshot import database_snapshot
from publishing.models import StoredPage
from reviews.models import ReviewRecord, ReviewRecordReviewer
from tests.inquiries.samples import PATIENT_NAME, image_bytes, upload

KEPT = [Inquiry, InquiryFile, ReviewRecord, ReviewRecordReviewer, StoredPage]


@pytest.fixture
def backup_key(monkeypatch):
    key = new_key()
    monkeypatch.setenv("BACKUP_KEY", key)
    return key


def inquiries_with_records(count, first=0):
    """Inquiries through the intake service, each with a PDF and a PNG whose
    bytes differ from every other's."""
    made = []
    for number in range(first, first + count):
        files = [
            upload("report.pdf", image_bytes("PDF", size=(20 + number, 10))),
            upload("scan.png", image_bytes("PNG", size=(10, 20 + number))),
        ]
        made.append(
            inquiry_submit(
                submission_key=f"backup-test-{number}",
                data={
                    "writer_role": "patient",
                    "patient_name": f"{PATIENT_NAME} {number}",
                    "email": f"patient{number}@example.com",
                    "phone": "+442079460958",
                    "country": "GB",
                    "preferred_language": "en",
                    "contact_method": "email",
                    "cancer_type": None,
                    "cancer_type_other": "Cholangiocarcinoma",
                    "diagnosis_year": 2024,
                    "diagnosis_month": 3,
                    "stage": "3",
                    "treatments": ["surgery"],
                    "treatments_other": "",
                    "current_condition": "Jaundice since May.",
                    "questions": "Is CIK an option?",
                },
                consent_version=CURRENT_CONSENT_VERSION,
                checked_uploads=[
                    CheckedUpload(file=f, info=inspect_upload(f)) for f in files
                ],
            )
        )
    return made


def everything_kept():
    """Every row of the kept models, field by field, and each record's bytes'
    SHA-256 as the storage holds them."""
    rows = {
        model._meta.label: serializers.serialize("python", model.objects.order_by("pk"))
        for model in KEPT
    }
    storage = private_storage()
    files = {}
    for record in InquiryFile.objects.all():
        with storage.open(record.stored_name) as stored:
            files[record.stored_name] = hashlib.sha256(stored.read()).hexdigest()
    return rows, files


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_and_storage_finds_everything(
    demo, client, backup_key, private_root, tmp_path
):
    assert client.get("/").status_code == 200  # stores the home page
    inquiries_with_records(3)
    rows, files = everything_kept()
    assert len(rows["inquiries.Inquiry"]) >= 3 and len(files) >= 6
    assert rows["reviews.ReviewRecord"] and rows["publishing.StoredPage"]
    for record in InquiryFile.objects.all():
        assert files[record.stored_name] == record.sha256
    archive = tmp_path / "site.backup"

    call_command("backup", output=str(archive), verbosity=0)
    sealed = archive.read_bytes()
    assert PATIENT_NAME.encode() not in sealed and b"%PDF" not in sealed
    # The server is lost: no row, no file.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(private_root)
    assert not Inquiry.objects.exists() and not private_root.exists()

    call_command("restore", str(archive), verbosity=0)
    after_rows, after_files = everything_kept()
    for label, kept in rows.items():
        assert after_rows[label] == kept, label
    assert after_files == files


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_or_a_storage_that_already_holds_data(
    backup_key, tmp_path, private_root
):
    inquiries_with_records(1)
    archive = tmp_path / "site.backup"
    call_command("backup", output=str(archive), verbosity=0)
    with pytest.raises(CommandError, match=r"the database already holds data"):
        call_command("restore", str(archive), verbosity=0)
    assert Inquiry.objects.count() == 1
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="the medical records storage already"):
        call_command("restore", str(archive), verbosity=0)
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_restore_with_another_key_is_refused_with_a_clear_error(
    backup_key, tmp_path, monkeypatch
):
    archive = tmp_path / "site.backup"
    call_command("backup", output=str(archive), verbosity=0)
    monkeypatch.setenv("BACKUP_KEY", new_key())
    with pytest.raises(CommandError, match="made with another key"):
        call_command("restore", str(archive), verbosity=0)


@pytest.mark.django_db
def test_a_changed_archive_is_refused(backup_key, tmp_path):
    archive = tmp_path / "site.backup"
    call_command("backup", output=str(archive), verbosity=0)
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 1
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(archive), verbosity=0)
    archive.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(CommandError, match="cut short|damaged"):
        call_command("restore", str(archive), verbosity=0)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["", "not-a-key", "c2hvcnQ="])
def test_backup_and_restore_refuse_to_run_without_a_valid_key(
    value, monkeypatch, tmp_path
):
    monkeypatch.setenv("BACKUP_KEY", value)
    with pytest.raises(CommandError, match="BACKUP_KEY"):
        call_command("backup", output=str(tmp_path / "x.backup"), verbosity=0)
    assert not (tmp_path / "x.backup").exists()
    with pytest.raises(CommandError, match="BACKUP_KEY"):
        call_command("restore", str(tmp_path / "x.backup"), verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_snapshot_does_not_see_what_commits_after_it_was_taken():
    inquiries_with_records(1)
    with database_snapshot() as alias:
        inquiries_with_records(1, first=1)  # committed by the site's connection
        assert Inquiry.objects.count() == 2
        assert Inquiry.objects.using(alias).count() == 1
        assert InquiryFile.objects.using(alias).count() == 2


BUCKET = "cancerfax-backup-test"


@pytest.fixture
def bucket(settings, monkeypatch):
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-only")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-only")
    settings.INQUIRY_S3_BUCKET = BUCKET
    settings.INQUIRY_S3_ENDPOINT_URL = f"http://{host}:{port}"
    settings.INQUIRY_S3_REGION = "eu-west-1"
    client = boto3.client(
        "s3", endpoint_url=f"http://{host}:{port}", region_name="eu-west-1"
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    yield client
    server.stop()


def bucket_keys(client):
    listing = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return sorted(item["Key"] for item in listing)


@pytest.mark.django_db(transaction=True)
def test_records_in_a_bucket_are_backed_up_and_restored_into_an_empty_bucket(
    bucket, backup_key, tmp_path
):
    inquiries_with_records(2)
    rows, files = everything_kept()
    keys = bucket_keys(bucket)
    assert len(keys) == 4
    archive = tmp_path / "site.backup"
    call_command("backup", output=str(archive), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    for key in keys:
        bucket.delete_object(Bucket=BUCKET, Key=key)

    call_command("restore", str(archive), verbosity=0)
    assert bucket_keys(bucket) == keys
    assert everything_kept() == (rows, files)
    head = bucket.head_object(Bucket=BUCKET, Key=keys[0])
    assert head["ServerSideEncryption"] == "AES256"


@pytest.mark.django_db(transaction=True)
def test_a_record_erased_while_the_backup_runs_starts_it_again(
    backup_key, tmp_path, private_root, settings, monkeypatch, coordinator
):
    """The snapshot still names the erased record, whose file is gone once the
    erasure commits: the backup takes a new snapshot, without the record."""
    first, second = inquiries_with_records(2)
    erasures = []

    class ErasingOnFirstRead(PrivateStorage):
        def open(self, name, mode="rb"):
            if not erasures:
                erasures.append(name)
                inquiry_erase(inquiry=first, actor=coordinator)
            return super().open(name, mode)

    monkeypatch.setattr(
        "operations.management.commands.backup.private_storage",
        lambda: ErasingOnFirstRead(location=settings.INQUIRY_PRIVATE_ROOT),
    )
    archive = tmp_path / "site.backup"
    call_command("backup", output=str(archive), verbosity=0)
    rows, files = everything_kept()
    assert len(files) == 2 and erasures

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(private_root)
    call_command("restore", str(archive), verbosity=0)
    assert everything_kept() == (rows, files)
    assert Inquiry.objects.get(pk=first.pk).erased_at is not None
    assert InquiryFile.objects.filter(inquiry=second).count() == 2

"""Medical records on S3-compatible storage (moto's S3 server on loopback).

Several app servers share the bucket; records still reach people only through
the permission-checked, logged download view.
"""

import boto3
import pytest
from moto.server import ThreadedMotoServer

from inquiries.files import private_storage
from inquiries.models import AccessLog
from inquiries.retention import inquiry_erase, orphan_files_delete

from .samples import stored_files
from .test_submit import post

BUCKET = "cancerfax-records-test"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-only")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-only")
    settings.INQUIRY_S3_BUCKET = BUCKET
    settings.INQUIRY_S3_ENDPOINT_URL = s3_server
    settings.INQUIRY_S3_REGION = "eu-west-1"
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-1")
    client.create_bucket(
        Bucket=BUCKET,
        CreateBucketConfiguration={"LocationConstraint": "eu-west-1"},
    )
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client):
    return sorted(
        item["Key"]
        for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    )


def test_submitted_records_go_to_the_bucket_privately_and_encrypted(
    bucket, client, form_data, pdf_bytes, private_root
):
    from .samples import upload

    response = post(client, form_data, [upload("report.pdf", pdf_bytes)])
    assert response.status_code == 302
    stored = keys(bucket)
    assert len(stored) == 1 and stored[0].startswith("medical-records/")
    assert stored_files(private_root) == []  # nothing on this server's disk
    head = bucket.head_object(Bucket=BUCKET, Key=stored[0])
    assert head["ServerSideEncryption"] == "AES256"
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=stored[0])["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # owner


def test_a_record_in_the_bucket_has_no_url(bucket):
    with pytest.raises(NotImplementedError):
        private_storage().url("medical-records/ab/x.pdf")


def test_only_the_checked_view_serves_a_record_from_the_bucket(
    bucket, client, coordinator, medical_editor, make_inquiry, checked, pdf_bytes
):
    inquiry = make_inquiry(checked_uploads=checked)
    record = inquiry.files.get(kind="pdf")
    url = f"/admin/inquiries/inquiry/{inquiry.pk}/files/{record.pk}/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(medical_editor)
    assert client.get(url).status_code == 403
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert AccessLog.objects.filter(action="download_file").count() == 1


def test_a_record_missing_from_the_bucket_is_a_404(
    bucket, client, coordinator, make_inquiry, checked
):
    inquiry = make_inquiry(checked_uploads=checked)
    record = inquiry.files.get(kind="pdf")
    bucket.delete_object(Bucket=BUCKET, Key=f"medical-records/{record.stored_name}")
    client.force_login(coordinator)
    url = f"/admin/inquiries/inquiry/{inquiry.pk}/files/{record.pk}/"
    assert client.get(url).status_code == 404


def test_erasure_and_cleanup_remove_objects_from_the_bucket(
    bucket, make_inquiry, checked, coordinator, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    inquiry = make_inquiry(checked_uploads=checked)
    assert len(keys(bucket)) == 2
    bucket.put_object(Bucket=BUCKET, Key="medical-records/zz/orphan.pdf", Body=b"x")
    with django_capture_on_commit_callbacks(execute=True):
        inquiry_erase(inquiry=inquiry, actor=coordinator)
    assert keys(bucket) == ["medical-records/zz/orphan.pdf"]
    later = timezone.now() + timezone.timedelta(minutes=1)
    assert orphan_files_delete(older_than=later) == ["zz/orphan.pdf"]
    assert keys(bucket) == []

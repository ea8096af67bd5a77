"""Where public pictures live: apart from patients' medical records, always.

Records (``inquiries.files.private_storage``) sit under ``INQUIRY_PRIVATE_ROOT``
or in ``INQUIRY_S3_BUCKET``, have no URL and are read only by a permission-checked
view. Pictures sit under ``IMAGE_ROOT`` or in ``IMAGE_S3_BUCKET`` (another
bucket, or at least another prefix, readable by anyone): the system check in
``images/checks.py`` refuses a configuration where one could hold the other.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def public_image_storage():
    """The storage of the library's files and renditions (built on each call so
    tests can move it)."""
    if settings.IMAGE_S3_BUCKET:
        from storages.backends.s3 import S3Storage  # boto3 only when configured

        return S3Storage(
            bucket_name=settings.IMAGE_S3_BUCKET,
            endpoint_url=settings.IMAGE_S3_ENDPOINT_URL or None,
            region_name=settings.IMAGE_S3_REGION or None,
            location=settings.IMAGE_S3_PREFIX,
            # Renditions are public and never change under a name.
            default_acl="public-read",
            querystring_auth=False,
            file_overwrite=False,
            custom_domain=settings.IMAGE_S3_CUSTOM_DOMAIN or None,
            object_parameters={"CacheControl": IMMUTABLE},
        )
    return FileSystemStorage(
        location=settings.IMAGE_ROOT,
        base_url=settings.IMAGE_URL,
        file_permissions_mode=0o644,
        directory_permissions_mode=0o755,
    )


# A fingerprinted name never holds other bytes: caches may keep it for a year.
IMMUTABLE = "public, max-age=31536000, immutable"

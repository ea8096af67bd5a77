"""Medical records on S3-compatible object storage, for several app servers.

Chosen when ``INQUIRY_S3_BUCKET`` is set; otherwise records stay on the local
disk under ``INQUIRY_PRIVATE_ROOT`` (``files.PrivateStorage``). Either way a
record has no URL: it is read only by the permission-checked download view,
which streams it from the storage. Objects are private (no ACL grants), and
encrypted at rest by the store unless ``INQUIRY_S3_ENCRYPTION`` is ``none``.
Credentials come from the usual AWS variables or the machine's role, never
from settings.
"""

from django.conf import settings
from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        # A presigned URL would bypass the permission check and the access log.
        raise NotImplementedError("Medical records have no public URL.")

    def exists(self, name):
        # The root "folder" always exists in a bucket; the cleanup asks before
        # it lists it, and S3 would answer that no object has that key.
        if not name:
            return True
        return super().exists(name)


def private_s3_storage() -> PrivateS3Storage:
    encryption = settings.INQUIRY_S3_ENCRYPTION
    return PrivateS3Storage(
        bucket_name=settings.INQUIRY_S3_BUCKET,
        endpoint_url=settings.INQUIRY_S3_ENDPOINT_URL or None,
        region_name=settings.INQUIRY_S3_REGION or None,
        location=settings.INQUIRY_S3_PREFIX,
        default_acl="private",
        file_overwrite=False,
        querystring_auth=True,
        object_parameters=(
            {"ServerSideEncryption": encryption}
            if encryption and encryption != "none"
            else {}
        ),
    )

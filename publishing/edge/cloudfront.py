"""Amazon CloudFront: one invalidation per purge (``create_invalidation``).

Credentials come from the standard AWS_* variables or the server's role, as
for the S3 bucket of medical records; the policy needs
``cloudfront:CreateInvalidation`` on the distribution.
"""

from django.conf import settings

from . import PurgeError

# Past this many addresses one wildcard costs less than listing them (CloudFront
# bills invalidation paths and caps those in progress).
MAX_PATHS = 1000


class CloudFrontBackend:
    def __init__(self):
        self.distribution = settings.EDGE_PURGE_CLOUDFRONT_DISTRIBUTION
        if not self.distribution:
            raise PurgeError("EDGE_PURGE_CLOUDFRONT_DISTRIBUTION must be set.")

    def _client(self):
        import boto3
        from botocore.config import Config

        # A session of its own: boto3's shared default session keeps the first
        # credentials it found for the life of the process, so a key rotated in
        # the environment (or the records storage's own key) would be used here.
        return boto3.session.Session().client(
            "cloudfront",
            # CloudFront's API lives in us-east-1 whatever the site's region.
            region_name="us-east-1",
            endpoint_url=settings.EDGE_PURGE_CLOUDFRONT_ENDPOINT or None,
            config=Config(
                connect_timeout=settings.EDGE_PURGE_TIMEOUT_SECONDS,
                read_timeout=settings.EDGE_PURGE_TIMEOUT_SECONDS,
                retries={"max_attempts": 1},
            ),
        )

    def purge(self, paths, *, reference):
        from botocore.exceptions import BotoCoreError, ClientError

        items = ["/*"] if len(paths) > MAX_PATHS else list(paths)
        try:
            self._client().create_invalidation(
                DistributionId=self.distribution,
                InvalidationBatch={
                    "Paths": {"Quantity": len(items), "Items": items},
                    # The same reference on a retry: CloudFront then returns the
                    # invalidation it already made instead of a second one.
                    "CallerReference": reference,
                },
            )
        except (BotoCoreError, ClientError) as error:
            raise PurgeError(f"CloudFront: {type(error).__name__}: {error}") from error

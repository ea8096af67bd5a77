"""The product's own settings: inquiries and their files, content review, and
the schedule of background work. Values come from the environment where a
deployment may want another one."""

import os
from pathlib import Path

from .environment import VAR_DIR, env_bool, env_list

# Content review: how long an approval stays current, by kind of content.
REVIEW_INTERVAL_MONTHS = int(os.environ.get("REVIEW_INTERVAL_MONTHS", "12"))

# --- Inquiries ---
# Medical records live here, outside MEDIA_ROOT and any URL: only the download view
# in the admin reads them.
INQUIRY_PRIVATE_ROOT = Path(os.environ.get("INQUIRY_PRIVATE_ROOT", VAR_DIR / "private"))
# With several app servers, keep them in an S3-compatible bucket instead
# (django-storages; credentials from the standard AWS_* variables or the role).
INQUIRY_S3_BUCKET = os.environ.get("INQUIRY_S3_BUCKET", "")
INQUIRY_S3_ENDPOINT_URL = os.environ.get("INQUIRY_S3_ENDPOINT_URL", "")
INQUIRY_S3_REGION = os.environ.get("INQUIRY_S3_REGION", "")
INQUIRY_S3_PREFIX = os.environ.get("INQUIRY_S3_PREFIX", "medical-records")
# Server-side encryption asked of the store ("none" for stores without it).
INQUIRY_S3_ENCRYPTION = os.environ.get("INQUIRY_S3_ENCRYPTION", "AES256")
INQUIRY_ALERT_EMAIL = env_list("INQUIRY_ALERT_EMAIL", "coordinators@example.org")
# Per connection (keyed hash of the IP): at most this many inquiries per window.
INQUIRY_RATE_LIMIT = int(os.environ.get("INQUIRY_RATE_LIMIT", "5"))
INQUIRY_RATE_LIMIT_FILES = int(os.environ.get("INQUIRY_RATE_LIMIT_FILES", "60"))
INQUIRY_RATE_LIMIT_WINDOW_MINUTES = int(
    os.environ.get("INQUIRY_RATE_LIMIT_WINDOW_MINUTES", "60")
)
# How many reverse proxies append to X-Forwarded-For in front of the app (0: use
# REMOTE_ADDR; never trust a header no proxy of ours sets).
INQUIRY_PROXY_COUNT = int(os.environ.get("INQUIRY_PROXY_COUNT", "0"))
INQUIRY_MAX_FILE_SIZE = 20 * 1024 * 1024
INQUIRY_MAX_TOTAL_SIZE = 100 * 1024 * 1024
INQUIRY_MAX_FILES = 20
INQUIRY_MAX_IMAGE_PIXELS = 100_000_000
# The deep check of each stored PDF runs in a child process with this budget;
# a file that exceeds it is flagged to the coordinator as not checked.
INQUIRY_SCAN_SECONDS = int(os.environ.get("INQUIRY_SCAN_SECONDS", "20"))
INQUIRY_SCAN_MB = int(os.environ.get("INQUIRY_SCAN_MB", "128"))
# A file whose deep check was queued this long ago and is still unchecked (the
# worker died, or the queue refused the task) is queued again by the sweep.
INQUIRY_SCAN_RETRY_MINUTES = int(os.environ.get("INQUIRY_SCAN_RETRY_MINUTES", "15"))
# Submissions caught by the spam trap wait this long for a coordinator.
INQUIRY_HELD_DAYS = int(os.environ.get("INQUIRY_HELD_DAYS", "30"))
INQUIRY_FIRST_RESPONSE_HOURS = int(os.environ.get("INQUIRY_FIRST_RESPONSE_HOURS", "24"))
INQUIRY_RETENTION_MONTHS = int(os.environ.get("INQUIRY_RETENTION_MONTHS", "24"))
INQUIRY_STAGED_FILE_HOURS = 24
INQUIRY_FORM_MAX_AGE_HOURS = 24
INQUIRY_OUTBOX_MAX_ATTEMPTS = 10
# Enqueue a sending task right after the inquiry commits (never send in the
# request); the scheduled sweep sends whatever that missed or what failed.
INQUIRY_OUTBOX_SEND_ON_COMMIT = env_bool("INQUIRY_OUTBOX_SEND_ON_COMMIT", True)
# 20 files plus room to tell the sender "too many" instead of a bare 400.
DATA_UPLOAD_MAX_NUMBER_FILES = 40
# Uploads over 2.5 MB are spooled to disk while the request is read: inside the
# private folder (not the system's /tmp), where clean_staged_uploads sweeps what
# a killed worker left behind.
FILE_UPLOAD_TEMP_DIR = INQUIRY_PRIVATE_ROOT / "tmp"

# --- Image library (images/, docs/images.md) ---
# Public pictures live apart from medical records: another folder, or another
# bucket (or prefix) whose objects anyone may read. A system check refuses a
# configuration where one contains the other.
IMAGE_ROOT = Path(os.environ.get("IMAGE_ROOT", VAR_DIR / "public-images"))
IMAGE_URL = os.environ.get("IMAGE_URL", "/images/")
IMAGE_S3_BUCKET = os.environ.get("IMAGE_S3_BUCKET", "")
IMAGE_S3_ENDPOINT_URL = os.environ.get("IMAGE_S3_ENDPOINT_URL", "")
IMAGE_S3_REGION = os.environ.get("IMAGE_S3_REGION", "")
IMAGE_S3_PREFIX = os.environ.get("IMAGE_S3_PREFIX", "public-images")
# A CDN host name in front of the bucket, if any (renditions' URLs use it).
IMAGE_S3_CUSTOM_DOMAIN = os.environ.get("IMAGE_S3_CUSTOM_DOMAIN", "")
IMAGE_MAX_FILE_SIZE = 15 * 1024 * 1024
# Decoded in full to be cleaned: 40 million RGBA pixels take 160 MB.
IMAGE_MAX_PIXELS = 40_000_000
# 720 fills a phone's column at twice its density (326 to 360 CSS pixels wide) and
# a tablet's at once, where the next size up sent nearly twice the pixels.
IMAGE_RENDITION_WIDTHS = (480, 720, 960, 1440)
# AVIF beside WebP when this Pillow can write it (features.check("avif")).
IMAGE_AVIF = env_bool("IMAGE_AVIF", True)

# --- Reviews ---
# Four-eyes: nobody approves content they edited. Only a one-person team may turn
# this on, knowing its approvals then check nothing.
REVIEW_ALLOW_SELF_APPROVAL = env_bool("REVIEW_ALLOW_SELF_APPROVAL", False)
# Months from a review to the next one, by kind of content (default for each:
# REVIEW_INTERVAL_MONTHS). A reviewer can set another date on each approval.
REVIEW_INTERVALS_MONTHS = {
    "guide": REVIEW_INTERVAL_MONTHS,
    "faq": REVIEW_INTERVAL_MONTHS,
    "indication": REVIEW_INTERVAL_MONTHS,
    "topic": REVIEW_INTERVAL_MONTHS,
}
# How many people must each sign, in their own session, before an approval (or a
# confirmation) of that kind of content takes effect; 1 for kinds not named.
REVIEW_SIGNERS_REQUIRED: dict[str, int] = {}
# The dashboard and the reminders list what falls due within this many days.
REVIEW_DUE_SOON_DAYS = 30
# Plain-language advice (never a gate): the reading age that patient text aims at,
# as NHS content does. Editors and reviewers see each text's Flesch-Kincaid grade
# and reading age against it.
READING_AGE_TARGET = (9, 11)

# --- Scheduled tasks ---
# ``manage.py run_schedule`` (one cron line, every minute, on any number of
# servers) enqueues each task once its interval has passed since it was last
# enqueued anywhere; the tasks themselves run on the workers.
SCHEDULED_TASKS = {
    "send_outbox": {"task": "inquiries.tasks.outbox_send_due", "minutes": 1},
    "clean_staged_uploads": {
        "task": "inquiries.tasks.staged_uploads_clean",
        "minutes": 60,
    },
    "check_lost_files": {
        "task": "inquiries.tasks.inquiry_files_check_lost",
        "minutes": 5,
    },
    "delete_closed_inquiries": {
        "task": "inquiries.tasks.closed_inquiries_delete",
        "minutes": 24 * 60,
    },
    # Hourly is safe: a reviewer gets at most one reminder a day.
    "send_review_reminders": {
        "task": "reviews.tasks.review_reminders_send",
        "minutes": 60,
    },
}

# --- Edge caching (docs/caching.md) ---
# Seconds in the Cache-Control of stored patient pages. All 0 (the default):
# "public, no-cache", right for a site with no purging cache in front. A shared
# cache keeps a page EDGE_CACHE_S_MAXAGE seconds, and is purged after approvals
# by EDGE_PURGE_BACKEND: "" (none), "http" (Varnish or nginx: PURGE or BAN to
# each of EDGE_PURGE_URLS), "cloudflare" or "cloudfront".
EDGE_CACHE_MAX_AGE = int(os.environ.get("EDGE_CACHE_MAX_AGE", "0"))
EDGE_CACHE_S_MAXAGE = int(os.environ.get("EDGE_CACHE_S_MAXAGE", "0"))
EDGE_CACHE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("EDGE_CACHE_STALE_WHILE_REVALIDATE", "0")
)
EDGE_CACHE_STALE_IF_ERROR = int(os.environ.get("EDGE_CACHE_STALE_IF_ERROR", "0"))
EDGE_PURGE_BACKEND = os.environ.get("EDGE_PURGE_BACKEND", "").strip().lower()
EDGE_PURGE_URLS = env_list("EDGE_PURGE_URLS")
EDGE_PURGE_METHOD = os.environ.get("EDGE_PURGE_METHOD", "PURGE").strip().upper()
EDGE_PURGE_CLOUDFLARE_ZONE = os.environ.get("EDGE_PURGE_CLOUDFLARE_ZONE", "")
EDGE_PURGE_CLOUDFLARE_TOKEN = os.environ.get("EDGE_PURGE_CLOUDFLARE_TOKEN", "")
EDGE_PURGE_CLOUDFLARE_API = os.environ.get(
    "EDGE_PURGE_CLOUDFLARE_API", "https://api.cloudflare.com/client/v4"
)
EDGE_PURGE_CLOUDFRONT_DISTRIBUTION = os.environ.get(
    "EDGE_PURGE_CLOUDFRONT_DISTRIBUTION", ""
)
# Only for a stand-in of the CloudFront API (tests); empty: AWS itself.
EDGE_PURGE_CLOUDFRONT_ENDPOINT = os.environ.get("EDGE_PURGE_CLOUDFRONT_ENDPOINT", "")
# A purge that failed is tried again by the sweep with a growing delay, up to
# this many attempts in all; staff see every failure (admin home, purge list).
EDGE_PURGE_MAX_ATTEMPTS = 8
EDGE_PURGE_TIMEOUT_SECONDS = 10
if EDGE_PURGE_BACKEND:
    # Purges of shared caches that failed or were never sent (the queue was down).
    SCHEDULED_TASKS["send_edge_purges"] = {
        "task": "publishing.tasks.edge_purges_send_due",
        "minutes": 1,
    }

# --- Backups (manage.py backup / restore; docs/operations.md) ---
# Archives are written here unless --output names a file; copy them off the server.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))
# Plaintext that must touch the disk (the SQLite snapshot, a restore's unpacked
# files) goes here, beside the data, never to the shared /tmp.
BACKUP_SCRATCH_DIR = Path(os.environ.get("BACKUP_SCRATCH_DIR", VAR_DIR / "scratch"))

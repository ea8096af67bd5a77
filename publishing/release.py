"""Which release of the site is running, for stored pages.

A stored page is HTML some release rendered: its templates, its styles' hashed
names, its code. After a deploy those may all have changed while the content did
not, so no approval would replace the page, and a page naming the old release's
stylesheet could stay unstyled once that file is gone. Each stored page's ETag
therefore hashes the release with the body (``store.etag_of``), and a page stored
by another release is rendered again on its next visit.

``RELEASE`` in the environment (the deploy's commit, say) names the release;
without it, the release is a hash of what a page is made from: the templates,
the static files and the project's Python code, read once per process.
"""

import functools
import hashlib
import os
from pathlib import Path

from django.conf import settings

# What a page is rendered from, under the project's root: every top folder but
# these (and hidden ones), and only these kinds of file.
_SKIPPED = {"tests", "node_modules", "var", "staticfiles", "bench", "docs", "scripts"}
_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg", ".png", ".mo", ".json"}


def _sources(root: Path):
    for top in sorted(root.iterdir()):
        if not top.is_dir() or top.name.startswith(".") or top.name in _SKIPPED:
            continue
        for path in sorted(top.rglob("*")):
            if path.suffix in _SUFFIXES and path.is_file():
                yield path


@functools.cache
def release() -> str:
    named = os.environ.get("RELEASE", "").strip()
    if named:
        return named
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in _sources(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]

"""Save the HTML of every public page of a database, for before/after comparisons.

Run inside a checkout (it imports that checkout's code):
    DATABASE_URL=... python scripts/page_snapshots.py OUTPUT_DIR
Pages: the fixed ones, every address in the sitemap and the inquiry form as
reached from each guide. Per-request tokens are blanked so two renders of the
same content compare equal.
"""

import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cancerfax.settings.base")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|form_token)" value=")[^"]*(")')
FIXED = ["/", "/guides/", "/cancers/", "/faq/", "/inquire/", "/sitemap.xml"]


def main(output: Path):
    output.mkdir(parents=True, exist_ok=True)
    client = Client()
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = list(FIXED)
    for url in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(url).path
        if path not in paths:
            paths.append(path)
            if path.startswith("/guides/") and path != "/guides/":
                slug = path.strip("/").split("/")[-1]
                paths.append(f"/inquire/?guide={slug}")
    for path in paths:
        response = client.get(path)
        body = TOKENS.sub(r"\1\2", response.content.decode())
        name = re.sub(r"[^a-z0-9]+", "_", path.lower()).strip("_") or "home"
        (output / f"{name}.html").write_text(f"{response.status_code}\n{body}")
    print(f"{len(paths)} pages saved in {output}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

"""Print how long the deep PDF check takes, per file and per MB, for the corpus.

Run from the project folder:

    .venv/bin/python bench/scan.py [--repeat 3]

Two times per file: the parse alone (``pdfscan.scan`` in this process, the cost
that grows with the file) and the whole check as the site runs it (a child
process with its time and memory budget: adds a constant start-up cost). Files
under 1 MB are counted as 1 MB for the per-MB figure. It prints figures and
asserts nothing; the stream floods are also run at growing sizes to show that
the time grows in proportion to the size.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inquiries import pdfscan  # noqa: E402
from tests.inquiries.pdf_corpus import CORPUS, stream_flood  # noqa: E402

MEMORY_MB = 128  # INQUIRY_SCAN_MB's default
MB = 1024 * 1024


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def parse_only(path):
    try:
        return pdfscan.scan(path)
    except Exception as error:  # noqa: BLE001 - a failure is a result here
        return f"error: {type(error).__name__}"


def as_the_site_runs_it(path):
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            str(ROOT / "inquiries/pdfscan.py"),
            path,
            str(MEMORY_MB),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = {name: build for name, (build, _expected) in CORPUS.items()}
    for megabytes in (1, 8, 16):
        files[f"stream flood {megabytes} MB"] = lambda size=megabytes: stream_flood(
            size * MB
        )
    header = (
        f"{'file':40} {'MB':>7} {'parse s':>8} {'s/MB':>7} "
        f"{'child s':>8} {'s/MB':>7}  result"
    )
    print(header)
    print("-" * len(header))
    for name, build in files.items():
        data = build()
        handle, path = tempfile.mkstemp(suffix=".pdf")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        try:
            size = len(data) / MB
            parse, found = timed(lambda p=path: parse_only(p), args.repeat)
            child, answer = timed(lambda p=path: as_the_site_runs_it(p), args.repeat)
        finally:
            os.unlink(path)
        per = max(size, 1.0)
        print(
            f"{name:40} {size:7.3f} {parse:8.3f} {parse / per:7.3f} "
            f"{child:8.3f} {child / per:7.3f}  {answer or found}"
        )


if __name__ == "__main__":
    main()

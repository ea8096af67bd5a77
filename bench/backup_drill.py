"""The restore drill, timed: backup and restore of the demo content plus
generated inquiries with medical records, on SQLite and on PostgreSQL.

For each database: a throwaway database and records folder get ``migrate``,
``load_demo`` and ``--inquiries`` generated inquiries (``bench.volume``), each
with ``--files`` records of ``--file-kb`` KB; then ``manage.py backup`` runs, the
database is dropped and created empty, the records folder emptied, and
``manage.py restore`` runs. Prints the wall time of each command (as an operator
would run it, process start included), the archive's size and the row and file
counts found after the restore. Asserts nothing.

    .venv/bin/python bench/backup_drill.py                   # both, 10,000
    .venv/bin/python bench/backup_drill.py --databases sqlite --inquiries 1000

``BENCH_POSTGRES_URL`` names the PostgreSQL database to drop and create
(default ``postgres://postgres@127.0.0.1:5432/cancerfax_drill``).
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/cancerfax_drill"
)


def records_attach(files: int, kilobytes: int) -> int:
    """Give each inquiry without records ``files`` stored PDF-like files."""
    from inquiries.files import new_stored_name, private_storage
    from inquiries.models import Inquiry, InquiryFile

    storage = private_storage()
    rows = []
    for inquiry in Inquiry.objects.filter(files__isnull=True).only("pk"):
        for number in range(files):
            seed = f"{inquiry.pk}-{number}".encode()
            content = b"%PDF-1.7\n" + hashlib.sha256(seed).digest() * (kilobytes * 32)
            name = new_stored_name("pdf")
            path = Path(storage.path(name))
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.write_bytes(content)
            rows.append(
                InquiryFile(
                    inquiry=inquiry,
                    stored_name=name,
                    original_name=f"report-{number}.pdf",
                    kind="pdf",
                    size=len(content),
                    sha256=hashlib.sha256(content).hexdigest(),
                )
            )
    InquiryFile.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def prepare(args):
    import django

    django.setup()
    from django.core.management import call_command

    from bench.volume import generate_inquiries

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    generate_inquiries(count=args.inquiries)
    records_attach(args.files, args.file_kb)
    # The stored pages load_demo queued for rendering.
    call_command(
        "db_worker", batch=True, interval=0, startup_delay=False, reload=False,
        verbosity=0,
    )  # fmt: skip


def counts():
    import django

    django.setup()
    from inquiries.models import Inquiry, InquiryFile
    from publishing.models import StoredPage
    from reviews.models import ReviewRecord

    print(
        f"{Inquiry.objects.count()} inquiries, {InquiryFile.objects.count()} "
        f"records, {ReviewRecord.objects.count()} review records, "
        f"{StoredPage.objects.count()} stored pages"
    )


def postgres(statement):
    import psycopg

    base, _, name = POSTGRES_URL.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(statement.format(name=name))


def fresh_database(engine, folder):
    if engine == "sqlite":
        for path in folder.glob("db.sqlite3*"):
            path.unlink()
        return f"sqlite:///{folder / 'db.sqlite3'}"
    postgres("DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    postgres("CREATE DATABASE {name}")
    return POSTGRES_URL


def run(env, *command):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(result.stdout + result.stderr)
    return time.monotonic() - started, result.stdout.strip()


def drill(engine, args):
    from operations.backup.crypto import new_key

    folder = Path(tempfile.mkdtemp(prefix=f"drill-{engine}-", dir=ROOT / "var"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cancerfax.settings.base",
        "DEBUG": "0",
        "DATABASE_URL": fresh_database(engine, folder),
        "INQUIRY_PRIVATE_ROOT": str(folder / "private"),
        "BACKUP_KEY": new_key(),
        "TASKS_BACKEND": "database",
    }
    this = str(Path(__file__).relative_to(ROOT))
    seconds, _ = run(env, this, "--prepare", *args.passed)
    print(f"{engine}: prepared in {seconds:.1f} s")
    print(f"{engine}: before  " + run(env, this, "--counts")[1])
    archive = folder / "site.backup"
    backup_seconds, _ = run(env, "manage.py", "backup", "--output", str(archive))
    env["DATABASE_URL"] = fresh_database(engine, folder)
    shutil.rmtree(folder / "private")
    restore_seconds, _ = run(env, "manage.py", "restore", str(archive))
    print(f"{engine}: after   " + run(env, this, "--counts")[1])
    size = archive.stat().st_size / 1e6
    print(
        f"{engine}: backup {backup_seconds:.1f} s, restore {restore_seconds:.1f} s, "
        f"archive {size:.1f} MB"
    )
    shutil.rmtree(folder)
    if engine == "postgresql":
        postgres("DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--inquiries", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=1, help="records per inquiry")
    parser.add_argument("--file-kb", type=int, default=20)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--counts", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.prepare:
        return prepare(args)
    if args.counts:
        return counts()
    args.passed = [
        f"--inquiries={args.inquiries}",
        f"--files={args.files}",
        f"--file-kb={args.file_kb}",
    ]
    for engine in args.databases.split(","):
        drill(engine, args)


if __name__ == "__main__":
    main()

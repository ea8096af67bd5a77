"""The benchmark: public, intake and coordinator pages under gunicorn, on PostgreSQL
and on SQLite, with the static limit beside them. Prints figures; asserts nothing.

    .venv/bin/python bench/run.py                      # full: 10 s per page
    .venv/bin/python bench/run.py --seconds 3 --inquiries 10000 --guides 10 \\
        --faqs 100                                     # quick: a few minutes

For each database: a fresh database (PostgreSQL: ``cancerfax_bench`` at
BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432; SQLite: a temporary
file), ``migrate``, ``collectstatic``, ``load_demo`` and the generated volume
(``bench.volume``), then gunicorn with 2 sync workers and the production settings
(``bench.settings``: plain HTTP on loopback, an SQL-count header), load from wrk (or a
Python loop without wrk) for a fixed time per page, and a table: requests/s, p50,
p99, worker CPU ms per request, SQL per request, and the ratio to the static limit (a
prebuilt page of the guide's size through the same middleware). Then the coordinator
pages through Django's test client (``bench.coordinator``), with the CSV export's
rows/s and peak memory. Only 127.0.0.1 is contacted.
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import cpu_seconds, drive, get, python_loop, worker_pids  # noqa: E402

PUBLIC = [
    ("home", "/"),
    ("guide list", "/guides/"),
    ("guide: what is CIK therapy", "/guides/what-is-cik-therapy/"),
    ("cancer type", "/cancers/hepatocellular-carcinoma/"),
    ("FAQ", "/faq/"),
]
QUEUE = "/admin/inquiries/inquiry/"


def free_port():
    # BENCH_PORTS="8881-8889" keeps servers to ports given to this run (a
    # shared machine); otherwise any free port.
    low, _, high = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(low), int(high or low) + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise OSError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


def prepare(database: str, args, tmp: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(ROOT),
        CANCERFAX_VAR_DIR=str(tmp / database),
        LOG_LEVEL="WARNING",
        TASKS_BACKEND="database",
    )
    if database == "postgres":
        server = os.environ.get(
            "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"
        ).rstrip("/")
        for statement in (
            "DROP DATABASE IF EXISTS cancerfax_bench",
            "CREATE DATABASE cancerfax_bench",
        ):
            subprocess.run(["psql", f"{server}/postgres", "-qc", statement], check=True)
        env["DATABASE_URL"] = f"{server}/cancerfax_bench"
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    python = sys.executable
    started = time.monotonic()
    for command in (
        ["manage.py", "migrate", "--noinput", "-v0"],
        ["manage.py", "collectstatic", "--noinput", "-v0"],
        ["manage.py", "load_demo", "-v0"],
        ["-m", "bench.volume", "--inquiries", str(args.inquiries),
         "--guides", str(args.guides), "--faqs", str(args.faqs)],
    ):  # fmt: skip
        subprocess.run([python, *command], cwd=ROOT, env=env, check=True)
    if database == "postgres":
        subprocess.run(["psql", env["DATABASE_URL"], "-qc", "VACUUM ANALYZE"])
    if args.inquiries:  # the coordinators come with the inquiries
        env["BENCH_SESSION"] = subprocess.run(
            [python, "-m", "bench.volume", "--session"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    print(f"[{database}] prepared in {time.monotonic() - started:.0f} s")
    return env


def serve(env, app="cancerfax.wsgi"):
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"), app,
            "--bind", f"127.0.0.1:{port}", "--workers", "2",
            "--no-control-socket", "--log-level", "warning",
        ],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    time.sleep(1)  # let both workers boot
    return server, port


def measure(server, port, name, path, args, headers=None):
    for _ in range(3):  # warm: stored pages, cached counts, each worker's caches
        response, body = get(port, path, headers)
    if response.status != 200:
        return name, None, f"HTTP {response.status}"
    sql = response.getheader("X-Bench-SQL", "?")
    pids = worker_pids(server.pid)
    before = cpu_seconds(pids)
    result = drive(
        port, path, seconds=args.seconds, connections=args.connections, headers=headers
    )
    cpu = (cpu_seconds(pids) - before) * 1000 / max(result.requests, 1)
    return name, (result, cpu, sql, len(body)), ""


def submission_job(port, pdf: bytes):
    import requests

    base = f"http://127.0.0.1:{port}"
    local = threading.local()
    timings = []

    def job():
        if not hasattr(local, "session"):
            local.session = requests.Session()
        session = local.session
        page = session.get(f"{base}/inquire/", headers={"Host": "localhost"})
        token = re.search(r'name="form_token" value="([^"]+)"', page.text)[1]
        # The version of the privacy notice the form showed, as a browser posts it.
        notice = re.search(r'name="privacy_notice" value="([^"]*)"', page.text)
        data = {
            "writer_role": "patient", "patient_name": "Bench Patient",
            "email": "bench@example.com", "phone": "+442079460958",
            "country": "GB", "preferred_language": "en", "contact_method": "email",
            "cancer_type": "other", "cancer_type_other": "Liver cancer",
            "diagnosis_month": "3",
            "diagnosis_year": "2024", "stage": "3", "treatments": ["surgery"],
            "current_condition": "Stable.", "questions": "Is CIK an option?",
            "consent": "on", "website": "", "form_token": token,
            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            "privacy_notice": notice[1] if notice else "",
        }  # fmt: skip
        start = time.perf_counter()
        response = session.post(
            f"{base}/inquire/",
            data=data,
            files={"medical_records": ("records.pdf", pdf, "application/pdf")},
            headers={"Host": "localhost", "Referer": f"{base}/inquire/"},
            allow_redirects=False,
        )
        timings.append(time.perf_counter() - start)
        return response.status_code == 302

    return job, timings


def measure_submission(server, port, args):
    # 2 MB that compress to nothing: a PDF header, random bytes, an end marker.
    pdf = b"%PDF-1.7\n" + os.urandom(2 * 1024 * 1024) + b"\n%%EOF\n"
    job, timings = submission_job(port, pdf)
    pids = worker_pids(server.pid)
    before = cpu_seconds(pids)
    result = python_loop(job, seconds=args.seconds, connections=2)
    cpu = (cpu_seconds(pids) - before) * 1000 / max(result.requests, 1)
    timings.sort()
    if timings:  # the POST alone, without the form's GET before it
        result.p50_ms = timings[len(timings) // 2] * 1000
        result.p99_ms = timings[min(len(timings) - 1, int(len(timings) * 0.99))] * 1000
    return "inquiry submission, 2 MB PDF", (result, cpu, "?", 0), ""


def print_table(title, rows, limit_rate):
    print(f"\n{title}")
    print(
        f"{'page':34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'CPU ms/req':>10} {'SQL/req':>7} {'vs limit':>8}"
    )
    for name, figures, problem in rows:
        if figures is None:
            print(f"{name:34} {problem}")
            continue
        result, cpu, sql, _ = figures
        ratio = f"{result.rate / limit_rate:7.0%}" if limit_rate else "-"
        errors = f"  ({result.errors} errors)" if result.errors else ""
        print(
            f"{name:34} {result.rate:8.0f} {result.p50_ms:8.1f} {result.p99_ms:8.1f} "
            f"{cpu:10.2f} {sql:>7} {ratio:>8}{errors}"
        )


def private_rows(server, port, args, cookie):
    """The inquiry submission and the coordinator pages (signed in)."""
    rows = [measure_submission(server, port, args)]
    reference = get(port, f"{QUEUE}?o=1", cookie)[1]
    found = re.search(rb"CFX-[0-9A-Z]{4}-[0-9A-Z]{4}", reference)
    first = re.search(rb'href="/admin/inquiries/inquiry/(\d+)/change/', reference)
    deep = min(999, args.inquiries // 50 - 1)  # ?p= counts from 0
    coordinator = [
        ("queue, default order", QUEUE),
        ("queue, status new", f"{QUEUE}?status__exact=new"),
        (f"queue, page {deep + 1:,}", f"{QUEUE}?p={deep}"),
        ("queue, search reference", f"{QUEUE}?q={found[0].decode()}"),
        ("inquiry page", f"{QUEUE}{first[1].decode()}/change/"),
        ("dashboard", f"{QUEUE}dashboard/"),
    ]
    rows += [
        measure(server, port, name, path, args, cookie) for name, path in coordinator
    ]
    return rows


def run_database(database, args, tmp):
    env = prepare(database, args, tmp)
    server, port = serve(env)
    cookie = {"Cookie": f"sessionid={env.get('BENCH_SESSION', '')}"}
    try:
        guide_size = len(get(port, PUBLIC[2][1])[1])
        static = measure(
            server, port, f"static limit ({guide_size:,} B)",
            f"/bench/static-limit/{guide_size}/", args,
        )  # fmt: skip
        rows = [static]
        rows += [measure(server, port, name, path, args) for name, path in PUBLIC]
        if not args.public_only:
            rows += private_rows(server, port, args, cookie)
    finally:
        server.terminate()
        server.wait(timeout=30)
    limit = static[1][0].rate if static[1] else 0
    print_table(
        f"[{database}] gunicorn 2 sync workers, {args.connections} connections, "
        f"{args.seconds:g} s per page, {args.inquiries:,} inquiries",
        rows,
        limit,
    )
    if not (args.skip_test_client or args.public_only):
        subprocess.run(
            [sys.executable, "-m", "bench.coordinator", "--repeat", "5"],
            cwd=ROOT,
            env=env,
            check=False,
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--inquiries", type=int, default=100_000)
    parser.add_argument("--guides", type=int, default=100)
    parser.add_argument("--faqs", type=int, default=1000)
    parser.add_argument(
        "--databases", default="postgres,sqlite", help="comma-separated"
    )
    parser.add_argument(
        "--skip-test-client",
        action="store_true",
        help="Skip the coordinator pages through Django's test client.",
    )
    parser.add_argument(
        "--public-only",
        action="store_true",
        help="Only the static limit and the public pages (no inquiries, no staff).",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="cancerfax-bench-"))
    load = "wrk" if __import__("shutil").which("wrk") else "a Python loop"
    print(f"load from {load}; {os.cpu_count()} CPUs; load average "
          f"{os.getloadavg()[0]:.1f} at start; work folder {tmp}")  # fmt: skip
    for database in args.databases.split(","):
        run_database(database.strip(), args, tmp)


if __name__ == "__main__":
    main()

"""Measure public page speed under gunicorn, the way production serves them.

Usage: .venv/bin/python bench/pages.py [--seconds 10] [--connections 8]

Builds a throwaway SQLite database with the demo content, starts gunicorn on a
free loopback port with the production settings, requests each public page from
several threads for a fixed time and prints requests per second and latency
percentiles. Only 127.0.0.1 is contacted; the run stops by itself.
"""

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "/",
    "/guides/",
    "/guides/what-is-cik-therapy/",
    "/cancers/hepatocellular-carcinoma/",
    "/faq/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(port, path, seconds, latencies, errors):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Host": "localhost"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
        except OSError as exc:
            errors.append(repr(exc))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            continue
        latencies.append(time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="cancerfax-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cancerfax.settings.production",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "ALLOWED_HOSTS": "localhost",
        "INQUIRY_ALERT_EMAIL": "bench@example.org",
        "SECURE_SSL_REDIRECT": "false",
        "CANCERFAX_VAR_DIR": str(tmp),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    python = sys.executable
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
        ["load_demo", "-v0"],
    ):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)

    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(python).parent / "gunicorn"),
            "cancerfax.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(args.workers),
            "--no-control-socket",
            "--log-level", "warning",
        ],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        print(
            f"gunicorn {args.workers} workers, {args.connections} connections, "
            f"{args.seconds:g} s per page, production settings, SQLite"
        )
        print(f"{'page':40} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for path in PAGES:
            latencies, errors = [], []
            threads = [
                threading.Thread(
                    target=hammer, args=(port, path, args.seconds, latencies, errors)
                )
                for _ in range(args.connections)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if not latencies:
                print(f"{path:40} no successful requests; errors: {errors[:3]}")
                continue
            cuts = statistics.quantiles(latencies, n=100)
            print(
                f"{path:40} {len(latencies) / args.seconds:8.0f} "
                f"{cuts[49] * 1000:8.1f} {cuts[94] * 1000:8.1f} {cuts[98] * 1000:8.1f}"
                + (f"  errors: {len(errors)} {errors[:3]}" if errors else "")
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

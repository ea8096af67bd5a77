"""The stored guide page through Varnish (Debian's package, the project's VCL)
in front of gunicorn: requests/s, and how many requests reached the app.

    .venv/bin/python -m bench.edge --seconds 5     # alone: SQLite, demo content

Alone it prepares a SQLite database as ``bench/run.py`` does (small volume),
serves it with gunicorn (2 sync workers) and prints the static limit, the stored
guide straight from gunicorn and the same page through Varnish. ``bench/run.py``
plugs it in with ``edge_environment`` (before gunicorn starts: pages must carry
an ``s-maxage`` for Varnish to keep them) and ``varnish_row`` (a row of its
table). The app's requests are Varnish's own count of backend requests
(``varnishstat``): 0 during the run means Varnish answered every request.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import cpu_seconds, drive, get, worker_pids  # noqa: E402
from publishing.edge.varnish import free_port, varnish, varnishd_path  # noqa: E402

GUIDE = "/guides/what-is-cik-therapy/"


def edge_environment(varnish_port: int) -> dict:
    """What gunicorn's environment needs for Varnish to keep stored pages."""
    return {
        "EDGE_CACHE_S_MAXAGE": "3600",
        "EDGE_PURGE_BACKEND": "http",
        "EDGE_PURGE_URLS": f"http://127.0.0.1:{varnish_port}",
    }


def backend_requests(workdir: Path) -> int | None:
    """How many requests this Varnish has sent to the app so far."""
    if not shutil.which("varnishstat"):
        return None
    output = subprocess.run(
        ["varnishstat", "-n", str(workdir / "state"), "-1", "-f", "MAIN.backend_req"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return int(output[1]) if len(output) > 1 else None


def varnish_row(server, port, varnish_port, args, workdir: Path, path=GUIDE):
    """``path`` through Varnish in front of gunicorn at ``port``, as a row of
    ``bench.run.print_table``: (name, (result, CPU ms/req, app requests, size), "")."""
    name = "guide through Varnish"
    if varnishd_path() is None:
        return name, None, "skipped: no varnishd (apt-get install varnish)"
    with varnish(app_port=port, workdir=workdir, port=varnish_port):
        for _ in range(3):  # the first is a miss: Varnish asks the app once
            response, body = get(varnish_port, path)
        if response.status != 200 or response.getheader("X-Cache-Hits") == "0":
            return name, None, f"not kept by Varnish: {response.getheader('Age')}"
        pids = worker_pids(server.pid)
        before, asked = cpu_seconds(pids), backend_requests(workdir)
        result = drive(
            varnish_port, path, seconds=args.seconds, connections=args.connections
        )
        cpu = (cpu_seconds(pids) - before) * 1000 / max(result.requests, 1)
        after = backend_requests(workdir)
    app = "?" if None in (asked, after) else str(after - asked)
    return f"{name} (app: {app})", (result, cpu, "-", len(body)), ""


def main():
    from bench.run import measure, prepare, print_table, serve

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    args.inquiries, args.guides, args.faqs = 100, 0, 0
    tmp = Path(tempfile.mkdtemp(prefix="cancerfax-bench-edge-"))
    varnish_port = free_port()
    env = prepare("sqlite", args, tmp)
    env.update(edge_environment(varnish_port))
    server, port = serve(env)
    try:
        size = len(get(port, GUIDE)[1])
        rows = [
            measure(
                server, port, f"static limit ({size:,} B)",
                f"/bench/static-limit/{size}/", args,
            ),
            measure(server, port, "guide: what is CIK therapy (stored)", GUIDE, args),
            varnish_row(server, port, varnish_port, args, tmp / "varnish"),
        ]  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    print_table(
        f"[sqlite] gunicorn 2 sync workers, {args.connections} connections, "
        f"{args.seconds:g} s per page; load average {os.getloadavg()[0]:.1f}",
        rows,
        rows[0][1][0].rate if rows[0][1] else 0,
    )


if __name__ == "__main__":
    main()

"""Reading at scale, in one run: a stored guide hit against a bare Django project's
static page of the same size, the same page through Varnish, the live render of
the guide, and re-rendering every stored page after a glossary change. Prints
figures with their targets.

    .venv/bin/python -m bench.reading                  # 10 s per page, 1,000 guides
    .venv/bin/python -m bench.reading --seconds 3 --guides 100   # quick

A fresh SQLite database (``bench.run.prepare``: migrate, collectstatic, load_demo,
the generated guides), Redis as the shared cache (BENCH_REDIS_URL, default
redis://127.0.0.1:6379/7, emptied first: use a database nothing else keeps), the
site and ``bench.bare`` each under gunicorn with 2 sync workers, load from wrk.
The re-render step runs with one ``db_worker``, the README's default set-up.
Only 127.0.0.1 is contacted.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.edge import edge_environment, varnish_row  # noqa: E402
from bench.load import get  # noqa: E402
from bench.run import measure, prepare, print_table, serve  # noqa: E402
from publishing.edge.varnish import free_port  # noqa: E402

GUIDE = "/guides/what-is-cik-therapy/"
TARGET_HIT = 1.25  # stored hit CPU per request, against the bare page
TARGET_LIVE_MS = 8.0
TARGET_RERENDER_S = 60.0


def serve_bare(env):
    bare = {**env, "DJANGO_SETTINGS_MODULE": "bench.bare"}
    return serve(bare, app="bench.bare:application")


def hit_rows(env, args, workdir):
    """The stored guide with Redis, then with the database alone, then bare
    Django, then the guide through Varnish (its own server: its pages carry the
    ``s-maxage`` Varnish keeps them by)."""
    varnish_port = free_port()
    servers = [
        serve(env),
        serve({**env, "CACHE_URL": ""}),
        serve_bare(env),
        serve({**env, **edge_environment(varnish_port)}),
    ]
    (_, site_port), _, _, (edge_server, edge_port) = servers
    try:
        size = len(get(site_port, GUIDE)[1])
        names = [
            ("guide: CIK (stored, Redis)", GUIDE),
            ("guide: CIK (stored, database)", GUIDE),
            (f"bare Django ({size:,} B)", f"/{size}/"),
        ]
        rows = [
            measure(server, port, name, path, args)
            for (server, port), (name, path) in zip(servers, names, strict=False)
        ]
        rows.append(
            varnish_row(edge_server, edge_port, varnish_port, args, workdir / "varnish")
        )
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(timeout=30)
    bare = rows[2][1]
    print_table(
        f"gunicorn 2 sync workers, {args.connections} connections, "
        f"{args.seconds:g} s per page",
        rows,
        bare[0].rate if bare else 0,
    )
    for name, figures, _ in rows[:2]:
        if figures and bare:
            print(f"{name}: CPU per request {figures[1] / bare[1]:.2f}x the bare "
                  f"page's (target <= {TARGET_HIT})")  # fmt: skip


def live_render(env):
    output = subprocess.run(
        [sys.executable, "bench/profile_guide.py", "--cases", "live"],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    print(f"\nlive render of the CIK guide: {output.split()[1]} ms CPU "
          f"(target <= {TARGET_LIVE_MS:g})")  # fmt: skip


def rerender(env):
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "1"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        print(f"\nre-render (one db_worker; target <= {TARGET_RERENDER_S:g} s):")
        subprocess.run(
            [sys.executable, "-m", "bench.rerender"], cwd=ROOT, env=env, check=True
        )
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--guides", type=int, default=1000)
    args = parser.parse_args()
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
    flush_redis(redis_url)
    tmp = Path(tempfile.mkdtemp(prefix="cancerfax-reading-"))
    print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at start; "
          f"work folder {tmp}")  # fmt: skip
    started = time.monotonic()
    volume = SimpleNamespace(inquiries=0, guides=args.guides, faqs=0)
    os.environ["CACHE_URL"] = redis_url
    env = prepare("sqlite", volume, tmp)
    hit_rows(env, args, tmp)
    live_render(env)
    rerender(env)
    print(f"\nwhole run {time.monotonic() - started:.0f} s; load average "
          f"{os.getloadavg()[0]:.1f} at the end")  # fmt: skip


if __name__ == "__main__":
    main()

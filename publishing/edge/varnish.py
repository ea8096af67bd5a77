"""Running Varnish from Debian's package in front of a local app server, with the
project's VCL (``publishing/edge/varnish.vcl``): for the tests, ``bench/`` and a
developer trying the set-up. Production runs Varnish as a service instead.
"""

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

VARNISHD = os.environ.get("VARNISHD", "/usr/sbin/varnishd")
VCL = Path(__file__).with_name("varnish.vcl")


def varnishd_path() -> str | None:
    """The varnishd to run, or None where Varnish is not installed."""
    if Path(VARNISHD).exists():
        return VARNISHD
    return shutil.which("varnishd")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def varnish(*, app_port: int, workdir: Path, port: int = 0, wait: float = 30):
    """Varnish on 127.0.0.1:``port`` (a free one when 0) in front of
    127.0.0.1:``app_port``; yields its port and stops it (by its PID) after."""
    binary = varnishd_path()
    if binary is None:
        raise FileNotFoundError("varnishd is not installed (apt-get install varnish)")
    port = port or free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    vcl = workdir / "cancerfax.vcl"
    vcl.write_text(VCL.read_text().replace('"8000"', f'"{app_port}"'))
    log = (workdir / "varnishd.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - a fixed binary and our own VCL
        [
            binary, "-F", "-j", "none", "-n", str(workdir / "state"),
            "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-T", "none",
            "-s", "malloc,64m",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + wait
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"varnishd stopped: {(workdir / 'varnishd.log').read_text()}"
                )
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()

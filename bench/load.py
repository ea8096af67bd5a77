"""Driving load on loopback: wrk when installed, else a Python loop; CPU from /proc."""

import http.client
import os
import re
import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def worker_pids(master_pid: int) -> list[int]:
    children = f"/proc/{master_pid}/task/{master_pid}/children"
    with open(children) as handle:
        return [int(pid) for pid in handle.read().split()]


def cpu_seconds(pids) -> float:
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICKS


def peak_rss_mb(pids) -> list[float]:
    peaks = []
    for pid in pids:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)
    return peaks


def get(port, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", path, headers={"Host": "localhost", **(headers or {})})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(port, path, *, seconds, connections, headers=None) -> Result:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in {"Host": "localhost", **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = int(re.search(r"(\d+) requests in", output)[1])
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M)[1])
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M)[1])
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = re.search(r"Socket errors: .*?(\d+) timeout", output)
    return Result(
        requests=requests,
        seconds=float(seconds),
        p50_ms=p50,
        p99_ms=p99,
        errors=int(errors[1]) if errors else 0 + (int(failed[1]) if failed else 0),
    )


def python_loop(job, *, seconds, connections) -> Result:
    """Run ``job()`` (one request; returns ok) from threads for a fixed time."""
    latencies, errors = [], []
    deadline = time.monotonic() + seconds

    def run():
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                ok = job()
            except OSError:
                ok = False
            (latencies if ok else errors).append(time.perf_counter() - start)

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return Result(
        requests=len(latencies),
        seconds=float(seconds),
        p50_ms=cuts[49] * 1000,
        p99_ms=cuts[98] * 1000,
        errors=len(errors),
    )


def drive(port, path, *, seconds, connections, headers=None) -> Result:
    if shutil.which("wrk"):
        return wrk(
            port, path, seconds=seconds, connections=connections, headers=headers
        )

    def job():
        response, _ = get(port, path, headers)
        return response.status == 200

    return python_loop(job, seconds=seconds, connections=connections)

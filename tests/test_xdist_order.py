"""The scheduler of ``tests/xdist_order.py`` keeps the held-back tests last on
two workers, where plain work stealing runs them early (a suite of its own, in
a pytest process of its own)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Each test notes its worker and the moment it starts. The first worker's half
# is slow, the second's quick: the second runs out early and steals, and the
# held-back test sits at the end of its own half.
SUITE = {
    "test_a_slow.py": """
import os, time
def note(name):
    with open(os.environ["ORDER_LOG"], "a") as log:
        log.write(f"{time.monotonic()} {os.environ['PYTEST_XDIST_WORKER']} {name}\\n")
def test_slow(i):
    note(f"slow {i}")
    time.sleep(0.05)
def pytest_generate_tests(metafunc):
    metafunc.parametrize("i", range(12))
""",
    "test_b_quick.py": """
from test_a_slow import note
import pytest
@pytest.mark.parametrize("i", range(12))
def test_quick(i):
    note(f"quick {i}")
def test_error_tracking_last():
    note("held back")
""",
}


def run(tmp_path, *plugins):
    for name, text in SUITE.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    log = tmp_path / "order.log"
    log.unlink(missing_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update(ORDER_LOG=str(log), PYTHONPATH=f"{ROOT}{os.pathsep}{tmp_path}")
    options = [arg for plugin in plugins for arg in ("-p", plugin)]
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "worksteal"]
        + ["-p", "no:django", "-p", "no:cacheprovider", *options, str(tmp_path)],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    lines = sorted(line.split(" ", 2) for line in log.read_text().splitlines())
    return [(worker, name) for _, worker, name in lines]


def started_after_the_held_back_test(order):
    names = [name for _, name in order]
    return len(names) - 1 - names.index("held back")


def test_the_held_back_test_starts_when_nothing_is_left_to_steal(tmp_path):
    order = run(tmp_path, "tests.xdist_order")
    # At most what the other worker had left and could not hand over (xdist's
    # MIN_PENDING, two tests) starts after it.
    assert started_after_the_held_back_test(order) <= 2, order
    worker = {name: worker for worker, name in order}["held back"]
    assert [name for w, name in order if w == worker][-1] == "held back"


def test_without_it_work_stealing_runs_the_held_back_test_early(tmp_path):
    """The check above can fail: plain work stealing starts it early."""
    assert started_after_the_held_back_test(run(tmp_path)) > 2

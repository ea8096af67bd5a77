"""``scripts/dev``: with BIND on another port, every printed or e-mailed address
(SITE_URL, which builds the patient's secure link) follows it. What
``load_demo`` prints under SITE_URL: ``tests/guides/test_load_demo.py``."""

import subprocess
from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[1] / "scripts/dev"


def site_url(**env):
    """Run the script's own SITE_URL lines (between its markers) in bash."""
    lines = DEV.read_text().split("# site-url-start\n")[1].split("# site-url-end")[0]
    done = subprocess.run(
        ["bash", "-euc", lines + 'echo "$SITE_URL"'],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:8000"),
        ({"BIND": "127.0.0.1:8861"}, "http://127.0.0.1:8861"),
        ({"BIND": "8862"}, "http://127.0.0.1:8862"),
        ({"BIND": "0.0.0.0:8863"}, "http://127.0.0.1:8863"),
        ({"BIND": "localhost:8864"}, "http://localhost:8864"),
        ({"BIND": "0.0.0.0:8865", "SITE_URL": "http://dev.test"}, "http://dev.test"),
    ],
)
def test_the_site_address_follows_bind(env, expected):
    assert site_url(**env) == expected


def test_the_runserver_line_serves_bind():
    assert 'manage.py runserver "$BIND"' in DEV.read_text()

"""The browser the browser tests drive and how long they wait for it (a pytest
plugin of ``tests/conftest.py``)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Debian's headless shell: the same Chromium without the desktop browser around it,
# as Playwright itself runs headless tests. The browser tests took 35 % less CPU
# than in the full browser's headless mode (180 against 298 core-seconds).
# Where only the full browser is installed (scripts/test installs the shell as
# root), the tests run in it; CHROMIUM_PATH=/usr/bin/chromium chooses it (``--headed``
# needs it).
HEADLESS_SHELL = Path("/usr/lib/chromium/chromium-headless-shell")
CHROMIUM = os.environ.get(
    "CHROMIUM_PATH",
    str(HEADLESS_SHELL) if HEADLESS_SHELL.exists() else "/usr/bin/chromium",
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


# How long a browser test waits for the live server: under CI's load (coverage,
# the staff walk beside it) the largest editor pages took past Playwright's
# defaults, 30 s for an action and 5 s for an ``expect`` (a guide's save).
BROWSER_WAIT_MS = 60_000
expect.set_options(timeout=BROWSER_WAIT_MS)


# Every request of a test's ``page`` waits this long first, to find tests that act
# before a page's deferred scripts have run: on a quiet machine the scripts come
# at once, under CI's load they once came after a test chose a template.
BROWSER_LATENCY_MS = int(os.environ.get("TEST_BROWSER_LATENCY_MS", "0"))


@pytest.fixture
def page(page):
    """Playwright's page, waiting up to ``BROWSER_WAIT_MS``."""
    page.set_default_timeout(BROWSER_WAIT_MS)
    if BROWSER_LATENCY_MS:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": BROWSER_LATENCY_MS,
                "downloadThroughput": -1,
                "uploadThroughput": -1,
            },
        )
    return page

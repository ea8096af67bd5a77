"""Fixtures for the operations tests: each test keeps medical records in its own
empty folder."""

import pytest


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    root = tmp_path / "private"
    settings.INQUIRY_PRIVATE_ROOT = root
    return root

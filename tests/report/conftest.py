"""Fixtures of the report tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def chromium_args():
    import os

    args = ["--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    return args

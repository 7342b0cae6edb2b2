"""Shared fixtures: project paths and an offline, isolated Arelle."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory) -> None:
    # Arelle keeps config and a web cache under XDG_CONFIG_HOME; never touch the user's.
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg"))
    os.environ["ARELLE_WORK_OFFLINE"] = "1"

import sys

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import arelle_oracle

"""Shared fixtures: project paths and an offline, isolated Arelle; no silent skips in CI.

A test skips when something it needs is missing (Chromium, a PostgreSQL server, an optional package). On a
developer's machine that is allowed and the reason is printed (`-ra`, and a closing line). Under CI=true
(`.ci/run` sets it) every skip is a failure: a browser that failed to install or a server that did not
start must not turn the tests that need it into green dots. Expected failures (xfail) are not skips.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests import arelle_oracle, calcgen, ...


@pytest.fixture(scope="session", autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory) -> None:
    # Arelle keeps config and a web cache under XDG_CONFIG_HOME; never touch the user's.
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("xdg"))
    os.environ["ARELLE_WORK_OFFLINE"] = "1"


def _skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:  # (file, line, "Skipped: reason")
        return f"{longrepr[2].removeprefix('Skipped: ')} ({longrepr[0]}:{longrepr[1]})"
    return str(longrepr)


def _no_skip_in_ci(report: pytest.TestReport | pytest.CollectReport) -> None:
    if CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = (f"skipped under CI=true, where a skip is a failure: {_skip_reason(report)}\n"
                           "install what the test needs (.ci/run installs Chromium and starts PostgreSQL)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    _no_skip_in_ci(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    outcome = yield  # a module-level importorskip skips a whole file at collection
    _no_skip_in_ci(outcome.get_result())


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    skipped = terminalreporter.stats.get("skipped", [])
    skipped = [r for r in skipped if not hasattr(r, "wasxfail")]
    if skipped and not CI:
        terminalreporter.write_line(f"{len(skipped)} skipped (reasons above): allowed on a developer's machine; "
                                    "under CI=true (.ci/run) each is a failure", yellow=True)

"""Arelle as the test oracle: run arelleCmdLine offline in a subprocess, return its log entries.

A subprocess (not the in-process API) because Arelle allows one Session per process
and keeps global state between runs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ARELLE = [sys.executable, "-c", "from arelle.CntlrCmdLine import main; main()"]


def run(args: list[str], timeout: int = 600) -> list[dict]:
    """Run Arelle with `args` (e.g. ["-f", path, "-v"]); return the JSON log entries."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "log.json"
        env = dict(os.environ, XDG_CONFIG_HOME=os.environ.get("XDG_CONFIG_HOME", tmp))
        cmd = ARELLE + ["--workOffline", "--disablePersistentConfig", "--logFile", str(log),
                        "--logFileMode", "w", *args]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
        if not log.exists():
            raise RuntimeError(f"Arelle wrote no log (exit {proc.returncode}): {proc.stderr[-2000:]}")
        return json.loads(log.read_text(encoding="utf-8") or '{"log": []}')["log"]


def problems(entries: list[dict], levels=("error", "critical", "inconsistency", "warning")) -> list[dict]:
    return [e for e in entries if e.get("level") in levels]


def summary(entries: list[dict]) -> str:
    return "\n".join(f"{e.get('level')} {e.get('code')}: {e.get('message', {}).get('text', '')[:300]}"
                     for e in entries)

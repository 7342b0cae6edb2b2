"""Optional: Arelle's iXBRL viewer (PyPI `ixbrl-viewer`) around an Inline XBRL report (`publish --viewer`).

The viewer's JavaScript ships inside the package and is copied next to the page, so nothing is fetched
at view time. Needs Arelle and the plugin installed (`pip install 'iij-xbrl[viewer]'`); `available()` says
whether they are, and `publish --viewer` refuses to start without them.
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from .. import atomic

PLUGIN = "iXBRLViewerPlugin"
PAGE = "xbrlviewer.html"


def available() -> bool:
    return importlib.util.find_spec("arelle") is not None and importlib.util.find_spec(PLUGIN) is not None


def write_viewer(report: Path, taxonomy_package: Path, out_dir: Path, page: str = PAGE) -> Path:
    """Writes `<out_dir>/<page>` (the report inside the viewer) and its `ixbrlviewer.js`; returns the page."""
    script = resources.files(PLUGIN).joinpath("viewer", "dist", "ixbrlviewer.js")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "viewer"
        work.mkdir()
        # Arelle keeps a config and web cache under XDG_CONFIG_HOME: keep them out of the user's home
        env = dict(os.environ, XDG_CONFIG_HOME=tmp, ARELLE_WORK_OFFLINE="1")
        cmd = [sys.executable, "-c", "from arelle.CntlrCmdLine import main; main()", "--workOffline",
               "--disablePersistentConfig", "--packages", str(taxonomy_package), "--plugins", PLUGIN,
               "-f", str(report), "--save-viewer", str(work), "--viewer-url", str(script)]
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0 or not (work / PAGE).exists():
            raise RuntimeError(f"iXBRL viewer for {report} failed (exit {proc.returncode}): {proc.stdout[-1500:]}"
                               f"{proc.stderr[-1500:]}")
        for path in sorted(work.iterdir()):
            atomic.write_bytes(Path(out_dir) / (page if path.name == PAGE else path.name), path.read_bytes())
    return Path(out_dir) / page

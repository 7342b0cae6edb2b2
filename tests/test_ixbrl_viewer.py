"""`publish --viewer`: each report inside Arelle's ixbrl-viewer, self-contained (its script copied beside the page,
nothing fetched at view time), outside the manifest and recognised as publish's own by the next publish."""
from __future__ import annotations

import io
import json
import os
import re

import pytest

from report_fixtures import sample_publication_with_findings
from iij_xbrl import publish as pub
from iij_xbrl.emit import viewer
from iij_xbrl.xbrl.errors import InputError

pytestmark = pytest.mark.arelle


def test_viewer_beside_each_report_with_its_local_script(tmp_path):
    if not viewer.available() and not os.environ.get("CI"):  # CI installs the extra: there it must run
        pytest.skip("ixbrl-viewer not installed (pip install 'iij-xbrl[viewer]') - no viewer offered")
    out = tmp_path / "out"
    published = sample_publication_with_findings()
    assert pub.publish(out, published, load_database=False, stream=io.StringIO(), with_viewer=True) == 0
    page = out / "fy2012h1" / "fy2012h1-viewer.html"
    html = page.read_text(encoding="utf-8")
    assert re.findall(r'<script src="([^"]+)"', html) == ["ixbrlviewer.js"]  # nothing fetched at view time
    assert not re.search(r'<(?:link|img|script)[^>]+(?:href|src)="https?:', html)
    assert (out / "fy2012h1" / "ixbrlviewer.js").stat().st_size > 100_000
    assert "f-Revenues-D2012-04-01_2012-09-30_JPY" in html and "Total revenues" in html
    listed = json.loads((out / "manifest.json").read_text())["files"]
    assert "fy2012h1/fy2012h1-viewer.html" not in listed  # Arelle's output: not the publication's bytes
    assert pub.publish(out, published, load_database=False, stream=io.StringIO()) == 0  # ours: replaced
    assert not page.exists()


def test_viewer_without_the_extra_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(viewer, "available", lambda: False)
    with pytest.raises(InputError, match=r"pip install 'iij-xbrl\[viewer\]'"):
        pub.publish(tmp_path / "out", sample_publication_with_findings(), stream=io.StringIO(), with_viewer=True)
    assert list(tmp_path.iterdir()) == []

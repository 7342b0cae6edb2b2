"""Optional Arelle iXBRL viewer around the Inline XBRL report: self-contained (script copied beside the page)."""
from __future__ import annotations

import re

import pytest

from report_fixtures import reports
from iij_xbrl.emit import viewer

pytestmark = pytest.mark.arelle


def test_viewer_is_written_next_to_its_local_script(tmp_path_factory):
    if not viewer.available():
        pytest.skip("ixbrl-viewer not installed (pip install iij-xbrl[viewer]) - no viewer offered")
    rep = reports(tmp_path_factory)
    out = tmp_path_factory.mktemp("viewer")
    page = viewer.write_viewer(rep.dir / "sample" / "sample.xhtml", rep.taxonomy_package, out)
    assert page == out / "xbrlviewer.html"
    html = page.read_text(encoding="utf-8")
    assert re.findall(r'<script src="([^"]+)"', html) == ["ixbrlviewer.js"]  # nothing fetched at view time
    assert (out / "ixbrlviewer.js").stat().st_size > 100_000
    assert "f-Revenues-D2012-04-01_2012-09-30_JPY" in html and "Total revenues" in html

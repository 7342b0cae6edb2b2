"""A drafted seed sheet is publishable, and the draft's xBRL-JSON report loads in Arelle without errors."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

import arelle_oracle
from emit_fixtures import project_copy
from iij_xbrl import publish as pub
from iij_xbrl.cli import main
from iij_xbrl.emit.registry import EMITTERS
from iij_xbrl.paths import Project, find
from iij_xbrl.publication import load
from iij_xbrl.taxonomy.names import PACKAGE_FILE

SOURCES, TAXONOMY = find().sources, find().taxonomy

DOCUMENT = "001_5ab34944f22f6fd1.txt"  # the press release: statements, segments, TSE summary tables


@pytest.mark.arelle
def test_json_report_loads_in_arelle_without_errors(tmp_path):
    report = tmp_path / "draft.json"
    result = CliRunner().invoke(main, ["draft", str(SOURCES / DOCUMENT), "-o", str(tmp_path / "draft.yaml"),
                                       "--json", str(report)])
    assert result.exit_code == 0, result.output
    entries = arelle_oracle.run(["-f", str(report), "--packages", str(TAXONOMY / PACKAGE_FILE), "-v"])
    assert not arelle_oracle.problems(entries), arelle_oracle.summary(arelle_oracle.problems(entries))
    assert any("validated" in e.get("message", {}).get("text", "") for e in entries)


def test_drafted_sheet_publishes_in_place_of_the_curated_one(tmp_path):
    root = project_copy(tmp_path / "project")
    sheet = root / "sources" / "facts" / (Path(DOCUMENT).stem + ".yaml")
    sheet.unlink()  # the drafter writes only over its own drafts
    result = CliRunner().invoke(main, ["--project", str(root), "draft", str(root / "sources" / DOCUMENT), "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "fy2012h1" in sheet.read_text(encoding="utf-8")  # the filing sources/filings.yaml lists it under
    publication = load(Project(root))  # the sheet loader, the duplicate policy and the IIJ rules
    emitters = [(name, EMITTERS[name]) for name in ("extension schemas", "XBRL XML", "xBRL-JSON", "findings")]
    assert pub.publish(tmp_path / "out", publication, emitters=emitters, load_database=False,
                       stream=io.StringIO()) == 0
    assert (tmp_path / "out" / "fy2012h1" / "fy2012h1.json").is_file()

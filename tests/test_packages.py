"""Report packages and the data package: layout per Report Package 1.0, deterministic bytes, sha256 manifest
(no Arelle here)."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from emit_fixtures import sample_publication
from iij_xbrl.emit import packages
from iij_xbrl.emit.registry import outputs
from iij_xbrl.zips import zip_bytes

TAXONOMY_CONTENT = {
    "META-INF/taxonomyPackage.xml": b"<tp:taxonomyPackage/>",
    "META-INF/catalog.xml": b"<catalog/>",
    "www.iij.ad.jp/xbrl/iij/2025/iij-2025.xsd": b"<xs:schema/>",
}


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_report_package_layout():
    data = packages.report_package_bytes({"fy2012h1.xbrl": b"<xbrli:xbrl/>"}, TAXONOMY_CONTENT, "iij-fy2012h1", ".xbr")
    entries = _entries(data)
    assert sorted(entries) == [
        "iij-fy2012h1/META-INF/catalog.xml",
        "iij-fy2012h1/META-INF/reportPackage.json",
        "iij-fy2012h1/META-INF/taxonomyPackage.xml",
        "iij-fy2012h1/reports/fy2012h1.xbrl",
        "iij-fy2012h1/www.iij.ad.jp/xbrl/iij/2025/iij-2025.xsd",
    ]
    info = json.loads(entries["iij-fy2012h1/META-INF/reportPackage.json"])
    assert info == {"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbr"}}
    assert entries["iij-fy2012h1/reports/fy2012h1.xbrl"] == b"<xbrli:xbrl/>"


def test_inline_report_package_type():
    data = packages.report_package_bytes({"fy2012h1.xhtml": b"<html/>"}, TAXONOMY_CONTENT, "iij-fy2012h1", ".xbri")
    info = json.loads(_entries(data)["iij-fy2012h1/META-INF/reportPackage.json"])
    assert info["documentInfo"]["documentType"] == "https://xbrl.org/report-package/2023/xbri"
    with pytest.raises(ValueError):
        packages.report_package_bytes({"x.xbrl": b""}, TAXONOMY_CONTENT, "x", ".tar")


def test_zips_are_deterministic():
    entries = {"b/2.txt": b"two", "a/1.txt": b"one"}
    once = zip_bytes(entries)
    assert once == zip_bytes(dict(reversed(entries.items())))
    with zipfile.ZipFile(io.BytesIO(once)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["a/1.txt", "b/2.txt"]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_data_package_has_every_other_output_a_readme_a_database_and_a_true_manifest():
    publication = sample_publication()
    (name, data), = packages.data_package(publication).items()
    entries = _entries(data)
    top = packages.DATA_PACKAGE_TOP
    others = outputs(publication, exclude=("data package", "manifest"))
    assert name == packages.DATA_PACKAGE
    assert sorted(entries) == sorted(f"{top}/{rel}" for rel in [*others, "README.md", "manifest.json", "iij.sqlite"])
    assert all(entries[f"{top}/{rel}"] == content for rel, content in others.items())
    assert {"findings.json", "facts.csv", "documents/001_5ab34944f22f6fd1.txt", "iij-taxonomy-2025.zip"} <= set(others)
    manifest = json.loads(entries[f"{top}/manifest.json"])
    assert set(manifest["files"]) == set(others) | {"README.md"}  # the database is loaded from what it lists
    for rel, meta in manifest["files"].items():
        content = entries[f"{top}/{rel}"]
        assert meta == {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
    readme = entries[f"{top}/README.md"].decode()
    described = {line.split("`")[1] for line in readme.splitlines() if line.startswith("| `")}
    assert described == {rel.removeprefix(f"{top}/") for rel in entries}  # every file, each with its description
    assert "1980-01-01 00:00:00" in readme and "Document 001_5ab34944f22f6fd1.txt" in readme
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert data == packages.data_package(sample_publication())[name]  # the same bytes again, database included


def test_a_file_nobody_described_stops_the_data_package():
    with pytest.raises(ValueError, match="no description"):
        packages.describe("fy2012h1/fy2012h1.parquet")


def test_the_data_package_stands_alone(tmp_path, tmp_path_factory):
    """Unzipped on its own: every document:line of the findings and facts resolves inside it, and `iij-xbrl
    export` loads it into a database with the same rows as the one it carries."""
    import csv
    import sqlite3

    from click.testing import CliRunner

    from report_fixtures import ROOT, reports
    from iij_xbrl.cli import main

    rep = reports(tmp_path_factory)
    with zipfile.ZipFile(rep.dir / packages.DATA_PACKAGE) as archive:
        archive.extractall(tmp_path)
    folder = tmp_path / packages.DATA_PACKAGE_TOP
    lines = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (folder / "documents").iterdir()}
    cited = [(s["document"], s["line"]) for f in json.loads((folder / "findings.json").read_text()) for s in f["sources"]]
    with (folder / "facts.csv").open(encoding="utf-8", newline="") as fh:
        cited += [(row["document"], int(row["line"])) for row in csv.DictReader(fh)]
    assert cited and all(1 <= line <= lines[document] for document, line in cited)
    url = f"sqlite:///{tmp_path / 'again.sqlite'}"
    result = CliRunner().invoke(main, ["--project", str(ROOT), "export", "--out", str(folder), "--db", url])
    assert result.exit_code == 0, result.output

    def rows(path) -> dict[str, list]:
        """Every table's rows and the facts view; of a load, what it loaded (its clock time aside)."""
        db = sqlite3.connect(path)
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found = {t: sorted(db.execute(f"SELECT * FROM {t}" if t != "loads" else "SELECT id, tool_version, "
                                      "publication_sha256, sources_sha256 FROM loads").fetchall(), key=repr)
                 for t in [*tables, "facts"]}
        found["loaded_at"] = db.execute("SELECT loaded_at FROM loads").fetchall()
        return found

    carried, again = rows(folder / packages.DATABASE), rows(tmp_path / "again.sqlite")
    assert carried.pop("loaded_at") == [(packages.EPOCH,)] and again.pop("loaded_at") != [(packages.EPOCH,)]
    assert carried["facts"] and carried == again

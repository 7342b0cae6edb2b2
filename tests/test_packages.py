"""Report packages and the data package: layout per Report Package 1.0, deterministic bytes, sha256 manifest
(no Arelle here)."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from iij_xbrl.emit import packages
from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.zips import zip_bytes

TAXONOMY_FILES = {
    "iij-taxonomy-2025/META-INF/taxonomyPackage.xml": b"<tp:taxonomyPackage/>",
    "iij-taxonomy-2025/META-INF/catalog.xml": b"<catalog/>",
    "iij-taxonomy-2025/www.iij.ad.jp/xbrl/iij/2025/iij-2025.xsd": b"<xs:schema/>",
}


@pytest.fixture
def taxonomy_package(tmp_path) -> Path:
    path = tmp_path / "iij-taxonomy-2025.zip"
    path.write_bytes(zip_bytes(TAXONOMY_FILES))
    return path


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_report_package_layout(tmp_path, taxonomy_package):
    report = tmp_path / "fy2012h1.xbrl"
    report.write_bytes(b"<xbrli:xbrl/>")
    path = packages.write_report_package([report], taxonomy_package, tmp_path / "iij-fy2012h1.xbr")
    entries = _entries(path.read_bytes())
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


def test_inline_report_package_type(tmp_path, taxonomy_package):
    report = tmp_path / "fy2012h1.xhtml"
    report.write_bytes(b"<html/>")
    data = packages.write_report_package([report], taxonomy_package, tmp_path / "iij-fy2012h1.xbri").read_bytes()
    info = json.loads(_entries(data)["iij-fy2012h1/META-INF/reportPackage.json"])
    assert info["documentInfo"]["documentType"] == "https://xbrl.org/report-package/2023/xbri"
    with pytest.raises(ValueError):
        packages.write_report_package([report], taxonomy_package, tmp_path / "x.tar")


def test_zips_are_deterministic():
    entries = {"b/2.txt": b"two", "a/1.txt": b"one"}
    once = zip_bytes(entries)
    assert once == zip_bytes(dict(reversed(entries.items())))
    with zipfile.ZipFile(io.BytesIO(once)) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == ["a/1.txt", "b/2.txt"]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_bad_taxonomy_package_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a zip"):
        packages.taxonomy_package_content(bad)
    flat = tmp_path / "flat.zip"
    flat.write_bytes(zip_bytes({"catalog.xml": b""}))
    with pytest.raises(InputError, match="top directory"):
        packages.taxonomy_package_content(flat)


def test_data_package_has_everything_and_a_true_manifest(tmp_path, taxonomy_package):
    root = tmp_path / "out"
    (root / "fy2012h1").mkdir(parents=True)
    (root / "fy2012h1" / "fy2012h1.xbrl").write_bytes(b"<xbrli:xbrl/>")
    (root / "fy2012h1" / "fy2012h1.xhtml").write_bytes(b"<html/>")
    (root / "iij-taxonomy-2025.zip").write_bytes(taxonomy_package.read_bytes())
    (root / ".fy2012h1.xbrl.tmp").write_bytes(b"half-written")  # atomic writes' temp files stay out
    (root / "iij.sqlite").write_bytes(b"db")  # excluded below
    findings = [{"rule": "iij:x", "severity": "warning", "message": "m", "concepts": [], "period": None,
                 "values": {}, "sources": []}]
    out = root / "iij-xbrl-data.zip"
    packages.write_data_package(root, out, findings, exclude=[root / "iij.sqlite"])
    entries = _entries(out.read_bytes())
    top = packages.DATA_PACKAGE_TOP
    assert sorted(entries) == [f"{top}/{name}" for name in (
        "findings.json", "fy2012h1/fy2012h1.xbrl", "fy2012h1/fy2012h1.xhtml", "iij-taxonomy-2025.zip", "manifest.json")]
    assert json.loads(entries[f"{top}/findings.json"]) == findings
    manifest = json.loads(entries[f"{top}/manifest.json"])
    assert set(manifest["files"]) == {n.removeprefix(top + "/") for n in entries} - {"manifest.json"}
    for name, meta in manifest["files"].items():
        data = entries[f"{top}/{name}"]
        assert meta == {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    again = packages.data_package_bytes(root, findings, exclude=[out, root / "iij.sqlite"])
    assert again == out.read_bytes()  # the package never packs itself, and the bytes repeat

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


def test_data_package_has_every_other_output_and_a_true_manifest():
    publication = sample_publication()
    (name, data), = packages.data_package(publication).items()
    entries = _entries(data)
    top = packages.DATA_PACKAGE_TOP
    others = outputs(publication, exclude=("data package", "manifest"))
    assert name == packages.DATA_PACKAGE
    assert sorted(entries) == sorted(f"{top}/{rel}" for rel in [*others, "manifest.json"])
    assert all(entries[f"{top}/{rel}"] == content for rel, content in others.items())
    assert {"findings.json", "facts.csv", "documents/001_5ab34944f22f6fd1.txt", "iij-taxonomy-2025.zip"} <= set(others)
    manifest = json.loads(entries[f"{top}/manifest.json"])
    assert set(manifest["files"]) == set(others)
    for rel, meta in manifest["files"].items():
        content = entries[f"{top}/{rel}"]
        assert meta == {"bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}

"""Report packages (Report Package 1.0) per filing and one data package of everything published.

A report package carries the taxonomy package's content (META-INF/taxonomyPackage.xml, catalog.xml and
the schema files) beside the report, so it opens offline: the catalog maps the published schema URL to
the copy inside. Zips are deterministic: entries sorted, fixed timestamps and permissions.
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any, Iterable

from .. import atomic
from ..xbrl.errors import InputError
from ..xbrl.findings import as_dict
from ..zips import zip_bytes

DOCUMENT_TYPES = {
    ".xbr": "https://xbrl.org/report-package/2023/xbr",
    ".xbri": "https://xbrl.org/report-package/2023/xbri",
    ".zip": "https://xbrl.org/report-package/2023",
}
DATA_PACKAGE_TOP = "iij-xbrl-data"


def taxonomy_package_content(package: Path) -> dict[str, bytes]:
    """The taxonomy package's files relative to its single top directory (META-INF/…, www.iij.ad.jp/…)."""
    try:
        with zipfile.ZipFile(package) as archive:
            content = {}
            for info in archive.infolist():
                if info.is_dir():
                    continue
                top, _, rest = info.filename.partition("/")
                if not rest:
                    raise InputError(str(package), f"entry {info.filename!r} is outside the package's top directory")
                content[rest] = archive.read(info)
    except zipfile.BadZipFile as exc:
        raise InputError(str(package), f"not a zip file: {exc}") from None
    if "META-INF/taxonomyPackage.xml" not in content:
        raise InputError(str(package), "no META-INF/taxonomyPackage.xml")
    return content


def report_package_bytes(reports: list[Path], taxonomy_package: Path, name: str, suffix: str) -> bytes:
    """Report package `name` + `suffix`: reports[0] is the report, further files (xBRL-CSV tables, the filing's
    extension schema and linkbase) sit beside it."""
    if suffix not in DOCUMENT_TYPES:
        raise ValueError(f"unknown report package extension {suffix!r}")
    entries = {f"{name}/{rel}": data for rel, data in taxonomy_package_content(taxonomy_package).items()}
    info = {"documentInfo": {"documentType": DOCUMENT_TYPES[suffix]}}
    entries[f"{name}/META-INF/reportPackage.json"] = (json.dumps(info, indent=1) + "\n").encode()
    for report in reports:
        entries[f"{name}/reports/{report.name}"] = report.read_bytes()
    return zip_bytes(entries)


def write_report_package(reports: list[Path], taxonomy_package: Path, out_path: Path) -> Path:
    """Writes the report package `out_path` (`iij-fy2012h1.xbr`: top directory `iij-fy2012h1/`).

    `.xbr` takes one `.xbrl` or `.json` report (an xBRL-CSV metadata file may bring its tables),
    `.xbri` one `.xhtml` report; the extension decides the package's documentType.
    """
    out_path = Path(out_path)
    atomic.write_bytes(out_path, report_package_bytes(list(reports), taxonomy_package, out_path.stem, out_path.suffix))
    return out_path


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def data_package_bytes(root: Path, findings: Iterable[Any] | None = None, exclude: Iterable[Path] = ()) -> bytes:
    """Every file under `root` (taxonomy package, instances, reports), `findings.json` and a sha256 manifest."""
    skip = {Path(p).resolve() for p in exclude}
    files: dict[str, bytes] = {}
    for path in sorted(Path(root).rglob("*")):
        if path.is_file() and path.resolve() not in skip and not path.name.startswith("."):
            files[path.relative_to(root).as_posix()] = path.read_bytes()
    if findings is not None:
        if "findings.json" in files:
            raise ValueError(f"{root}/findings.json exists and findings were given too")
        items = [as_dict(f) for f in findings]
        files["findings.json"] = (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode()
    if "manifest.json" in files:
        raise ValueError(f"{root}/manifest.json would be shadowed by the data package's manifest")
    manifest = {"package": DATA_PACKAGE_TOP,
                "files": {name: {"bytes": len(data), "sha256": _sha256(data)} for name, data in files.items()}}
    files["manifest.json"] = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    return zip_bytes({f"{DATA_PACKAGE_TOP}/{name}": data for name, data in files.items()})


def write_data_package(root: Path, out_path: Path, findings: Iterable[Any] | None = None,
                       exclude: Iterable[Path] = ()) -> Path:
    """Writes one zip of everything under `root` (less `exclude`, e.g. a database file) plus `findings.json`
    (when given, else root's own) and `manifest.json`. `out_path` may lie inside `root`; it never packs itself.
    """
    out_path = Path(out_path)
    atomic.write_bytes(out_path, data_package_bytes(Path(root), findings, exclude=[out_path, *exclude]))
    return out_path

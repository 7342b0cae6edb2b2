"""Packages: the taxonomy package, a report package (Report Package 1.0) per filing, one data package.

A report package carries the taxonomy package's content (META-INF/taxonomyPackage.xml, catalog.xml and
the schema files) beside the report, so it opens offline: the catalog maps the published schema URL to
the copy inside. Zips are deterministic: entries sorted, fixed timestamps and permissions.
"""
from __future__ import annotations

import hashlib
import json

from ..publication import Publication
from ..taxonomy import build, package
from ..taxonomy.names import PACKAGE_FILE
from ..zips import zip_bytes
from . import extension, naming, xbrl_xml

DOCUMENT_TYPES = {
    ".xbr": "https://xbrl.org/report-package/2023/xbr",
    ".xbri": "https://xbrl.org/report-package/2023/xbri",
    ".zip": "https://xbrl.org/report-package/2023",
}
DATA_PACKAGE = "iij-xbrl-data.zip"
DATA_PACKAGE_TOP = "iij-xbrl-data"


def taxonomy_package(publication: Publication) -> dict[str, bytes]:
    """The taxonomy package zip, rendered from the publication's taxonomy (taxonomy/ is not read or written)."""
    return {PACKAGE_FILE: package.package(build.render(publication.taxonomy))}


def report_package_bytes(reports: dict[str, bytes], taxonomy_content: dict[str, bytes], name: str, suffix: str) -> bytes:
    """Report package `name` + `suffix`: the first of `reports` (file name -> bytes) is the report, further files
    (xBRL-CSV tables, the filing's extension schema and linkbase) sit beside it. `.xbr` takes one `.xbrl` or
    `.json` report, `.xbri` one `.xhtml` report; the extension decides the package's documentType."""
    if suffix not in DOCUMENT_TYPES:
        raise ValueError(f"unknown report package extension {suffix!r}")
    entries = {f"{name}/{rel}": data for rel, data in taxonomy_content.items()}
    info = {"documentInfo": {"documentType": DOCUMENT_TYPES[suffix]}}
    entries[f"{name}/META-INF/reportPackage.json"] = (json.dumps(info, indent=1) + "\n").encode()
    for file, data in reports.items():
        entries[f"{name}/reports/{file}"] = data
    return zip_bytes(entries)


def report_packages(publication: Publication) -> dict[str, bytes]:
    """`<filing>/<filing>.xbr` per filing: the XML instance with its extension schema and linkbase."""
    content = package.content(build.render(publication.taxonomy))
    out = {}
    for f in publication.filings:
        reports = {f"{f.id}.xbrl": xbrl_xml.to_xml(f.instance, naming.extension_schema(f.id)),
                   **extension.extension(f.instance, publication.taxonomy)}
        out[f"{f.id}/{f.id}.xbr"] = report_package_bytes(reports, content, f.id, ".xbr")
    return out


def data_package(publication: Publication) -> dict[str, bytes]:
    """One zip of everything else published (less the manifest, which lists this zip) with its own sha256
    manifest; the outputs come from the other emitters, called as functions."""
    from .registry import outputs

    files = outputs(publication, exclude=("data package", "manifest"))
    manifest = {"package": DATA_PACKAGE_TOP,
                "files": {name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                          for name, data in sorted(files.items())}}
    files["manifest.json"] = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    return {DATA_PACKAGE: zip_bytes({f"{DATA_PACKAGE_TOP}/{name}": data for name, data in files.items()})}

"""Packages: the taxonomy package, a report package (Report Package 1.0) per filing, one data package.

A report package carries the taxonomy package's content (META-INF/taxonomyPackage.xml, catalog.xml and
the schema files) beside the report, so it opens offline: the catalog maps the published schema URL to
the copy inside. Zips are deterministic: entries sorted, fixed timestamps and permissions.
"""
from __future__ import annotations

import contextlib
import fnmatch
import json
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

from ..publication import Publication
from ..taxonomy import build, package
from ..taxonomy.names import PACKAGE_FILE
from ..zips import QUICK, zip_bytes
from . import extension, manifest, naming, tables, xbrl_xml
from .manifest import MANIFEST

DOCUMENT_TYPES = {
    ".xbr": "https://xbrl.org/report-package/2023/xbr",
    ".xbri": "https://xbrl.org/report-package/2023/xbri",
    ".zip": "https://xbrl.org/report-package/2023",
}
DATA_PACKAGE = "iij-xbrl-data.zip"
DATA_PACKAGE_TOP = "iij-xbrl-data"


@lru_cache(maxsize=1)  # one publication at a time; the taxonomy package and every report package carry these
def _taxonomy_files(publication: Publication) -> dict[str, bytes]:
    return build.render(publication.taxonomy)


def taxonomy_package(publication: Publication) -> dict[str, bytes]:
    """The taxonomy package zip, rendered from the publication's taxonomy (taxonomy/ is not read or written)."""
    return {PACKAGE_FILE: package.package(_taxonomy_files(publication))}


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
    return zip_bytes(entries, QUICK)


def report_packages(publication: Publication) -> dict[str, bytes]:
    """`<filing>/<filing>.xbr` per filing: the XML instance with its extension schema and linkbase."""
    content = package.content(_taxonomy_files(publication))
    out = {}
    for f in publication.filings:
        reports = {f"{f.id}.xbrl": xbrl_xml.to_xml(f.instance, naming.extension_schema(f.id)),
                   **extension.extension(f.instance, publication.taxonomy)}
        out[f"{f.id}/{f.id}.xbr"] = report_package_bytes(reports, content, f.id, ".xbr")
    return out


DATABASE = "iij.sqlite"
README = "README.md"
EPOCH = "1980-01-01 00:00:00"  # the zip entries' time (zips.zip_bytes), also the packaged database's load time
# What each file of the data package is, by name pattern (first match); every file must match one.
DESCRIPTIONS: tuple[tuple[str, str], ...] = (
    (README, "this file: what every file of the package is"),
    ("manifest.json", "every file of the package but the database, with its size and sha256; the entity, the filings "
                      "(period, release date, documents, counts), the documents' titles and release dates, and a sha256 "
                      "of the sources the publication was built from (the format of `out/manifest.json`)"),
    (DATABASE, "SQLite database loaded from this package's files by `iij-xbrl export` (tables and views: see the "
               "project's README, section Database); not in the manifest, as it is made from what the manifest lists; "
               f"its one load is dated {EPOCH} UTC, the package's fixed time, not the moment it was made"),
    ("facts.csv", "every printed figure, one row per print (long form): filing, concept, period, dimensions, unit, "
                  "exact value, decimals, document, line, printed text, print, fact and context ids, in_instance, "
                  "authoritative, split basis, release date"),
    ("facts.parquet", "the same rows as facts.csv in Parquet (exact decimals), for pandas, Polars or DuckDB"),
    ("findings.json", "the consistency findings (schemas/findings.schema.json), each naming its facts and source lines"),
    ("taxonomy.json", "the taxonomy's concepts (types, labels in English and Japanese, US-GAAP names) and calculation "
                      "arcs as plain JSON"),
    ("documents/*", "the text of a source document; `document:line` in facts.csv and findings.json points into it"),
    (PACKAGE_FILE, "the IIJ taxonomy package (resolves http://www.iij.ad.jp/xbrl/iij/2025/iij-2025.xsd offline)"),
    ("*/*.xhtml", "the filing's inline XBRL report: statements, charts, findings in words; open it in a browser "
                  "(its source links go to ../documents/)"),
    ("*/*.xbrl", "the filing's XBRL 2.1 instance"),
    ("*/*-metadata.json", "the filing's xBRL-CSV metadata (the tables beside it)"),
    ("*/*.json", "the filing's xBRL-JSON report (same facts and fact ids as the instance)"),
    ("*/*.csv", "a table of the filing's xBRL-CSV report"),
    ("*/*.xsd", "the filing's extension schema: imports the IIJ taxonomy, links its calculation linkbase"),
    ("*/*_cal.xml", "the filing's calculation linkbase: the summations it reports in full"),
    ("*/*.xbr", "the filing's XBRL report package (instance, extension and taxonomy in one zip)"),
)
ZIP_NOTE = (f"Zip entries are sorted by name and all carry the timestamp {EPOCH} (the earliest a zip can record) "
            "and mode 0644, and the database's load is dated the same, so the package's bytes depend on its content "
            "only: the same sources give the same zip.")


def describe(rel: str) -> str:
    for pattern, text in DESCRIPTIONS:
        if fnmatch.fnmatchcase(rel, pattern):
            return text
    raise ValueError(f"{rel} has no description in emit.packages.DESCRIPTIONS: the data package's README must "
                     "say what every file is")


def readme(publication: Publication, files: dict[str, bytes]) -> bytes:
    """README.md of the data package: what it is, how to use it, and every file with its description."""
    entity = publication.filings[0].spec.entity
    lines = [f"# {entity.name}: published figures ({DATA_PACKAGE_TOP})", "",
             "Everything `iij-xbrl publish` wrote, in one folder that stands alone: the XBRL reports of each filing, "
             "the source documents they cite, every printed figure as one long table, the findings and a database.",
             "", "Filings:", ""]
    for f in publication.filings:
        documents = ", ".join(f"{d.title} (`documents/{d.file}`, released {d.released.isoformat()})"
                              for d in f.spec.documents)
        lines.append(f"- `{f.id}`: {f.spec.title}; {documents}")
    lines += ["", "Load the database again, or into PostgreSQL: `iij-xbrl export --out <this folder> --db URL` "
              "(checked against manifest.json).", "", ZIP_NOTE, "", "| file | what it is |", "|---|---|"]
    lines += [f"| `{rel}` | {describe(rel)} |" for rel in sorted(files)]
    return ("\n".join(lines) + "\n").encode()


def database(files: dict[str, bytes]) -> bytes:
    """The SQLite database `iij-xbrl export` loads from these files (with their manifest), as bytes."""
    from ..export.load import load
    from ..export.published import of_files

    with tempfile.TemporaryDirectory() as tmp:
        documents = Path(tmp) / tables.DOCUMENTS
        documents.mkdir()
        for rel, data in files.items():  # the loader reads the documents' lines from files; the rest from memory
            if rel.startswith(f"{tables.DOCUMENTS}/"):
                (Path(tmp) / rel).write_bytes(data)
        path = Path(tmp) / DATABASE
        load(f"sqlite:///{path}", of_files(files, documents), scratch=True)
        # the one thing that would differ between two runs is the load's clock time: the package's fixed time
        # instead (said in the README), then VACUUM so the file's pages do not remember the update
        with contextlib.closing(sqlite3.connect(path)) as db:
            db.execute("PRAGMA synchronous = OFF")  # a scratch file, read back below
            with db:
                db.execute("UPDATE loads SET loaded_at = ?", (EPOCH,))
            db.execute("VACUUM")
        return path.read_bytes()


def data_package(publication: Publication) -> dict[str, bytes]:
    """One zip that stands alone: every other output (from the other emitters, called as functions), a README
    saying what each file is, a manifest of the package (out/'s format, so `iij-xbrl export` reads the unzipped
    folder) and the database loaded from them."""
    from .registry import outputs

    files = outputs(publication, exclude=("data package", "manifest"))
    files[README] = readme(publication, {**files, README: b"", MANIFEST: b"", DATABASE: b""})
    files.update(manifest.describe(publication, files))
    files[DATABASE] = database(files)
    return {DATA_PACKAGE: zip_bytes({f"{DATA_PACKAGE_TOP}/{name}": data for name, data in files.items()}, QUICK)}

"""What `publish` wrote to out/, read back for the database: never the sources.

The manifest says which files belong to the publication; `read` refuses an out/ where one is missing or differs
from its recorded sha256 (an interrupted copy, a hand edit) before anything is loaded. Facts come from
facts.csv (every print, with the instance's choice among duplicates, the value to use and the share basis), the
taxonomy from taxonomy.json, findings from findings.json, document lines from documents/, the entity, filings and
documents from the manifest.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from ..emit import longform, tables
from ..emit.manifest import MANIFEST
from ..model import Concept, Document, Entity, Fact, FilingSpec, Label, Period, Provenance
from ..publication import FilingFacts
from ..xbrl.errors import InputError
from ..xbrl.findings import from_json


@dataclass(frozen=True)
class Published:
    """An out/ folder's content, as the database loads it."""

    folder: Path
    sha256: str  # of manifest.json, which hashes every published file: names the publication
    sources_digest: str
    entity: Entity
    concepts: dict[str, Concept]
    taxonomy: dict  # taxonomy.json: roles with presentation trees, calculation arcs, axes
    facts: list[dict]  # facts.csv rows, typed (longform.rows)
    filings: tuple[FilingFacts, ...]  # the same prints as model facts, per filing, for `publication.restatements`
    findings: list[dict]
    documents: Path  # folder of the source documents' copies


def _manifest(path: Path, content: Callable[[str], bytes | None]) -> dict:
    """The manifest at `path`, with every file it lists present (`content`: a listed file's bytes, None when
    missing) and of its recorded sha256."""
    data = content(MANIFEST)
    if data is None:
        raise InputError(str(path), "no manifest: run `iij-xbrl publish` first")
    try:
        manifest = json.loads(data.decode("utf-8"))
        files = manifest["files"]
        missing = [key for key in ("filings", "documents", "entity", "sources") if key not in manifest]
        if missing:
            raise KeyError(missing[0])
        if not (isinstance(files, dict) and all(isinstance(entry, dict) for entry in files.values())):
            raise TypeError("files is not an object of objects")
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise InputError(str(path), f"not a publication manifest: {exc}") from None
    for rel, entry in files.items():
        if rel.startswith("/") or "\\" in rel or ".." in rel.split("/"):  # publish writes only below out/
            raise InputError(str(path), f"lists {rel[:80]!r}, outside out/: not a publication manifest")
        data = content(rel)
        if data is None:
            raise InputError(str(path), f"{rel} is listed but missing: out/ is incomplete, publish again")
        if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            raise InputError(str(path), f"{rel} differs from the published file (sha256): publish again")
    for required in (longform.CSV, tables.FINDINGS, tables.TAXONOMY):
        if required not in files:
            raise InputError(str(path), f"lists no {required}: written by an older iij-xbrl, publish again")
    return manifest


def _concepts(data: dict) -> dict[str, Concept]:
    return {c["name"]: Concept(name=c["name"], data_type=c["data_type"], period_type=c["period_type"],
                               balance=c["balance"], abstract=c["abstract"], usgaap=c["usgaap"],
                               labels={role: Label(**label) for role, label in c["labels"].items()})
            for c in data["concepts"]}


def _typed(row: dict[str, str]) -> dict:
    """A facts.csv row with Python values, as `longform.rows` yields them."""
    def opt(text: str, kind):
        return kind(text) if text else None
    return {**row, "period_start": opt(row["period_start"], date.fromisoformat),
            "period_end": date.fromisoformat(row["period_end"]), "unit": row["unit"] or None,
            "value": opt(row["value"], Decimal), "decimals": opt(row["decimals"], int), "line": int(row["line"]),
            "in_instance": row["in_instance"] == "1", "authoritative": row["authoritative"] == "1",
            "fiscal_year": opt(row["fiscal_year"], int), "fiscal_period": row["fiscal_period"] or None,
            "basis": row["basis"] or None, "released": date.fromisoformat(row["released"])}


def _fact(row: dict) -> Fact:
    dims = dict(pair.split("=", 1) for pair in row["dimensions"].split(";")) if row["dimensions"] else {}
    return Fact(concept=row["concept"], period=Period(start=row["period_start"], end=row["period_end"]),
                dimensions=dims, unit=row["unit"], value=row["value"], decimals=row["decimals"],
                provenance=Provenance(document=row["document"], line=row["line"], text=row["printed_text"]))


def _rows(facts_csv: str, path: Path) -> list[dict]:
    reader = csv.DictReader(io.StringIO(facts_csv))
    missing = [c for c in longform.COLUMNS if c not in (reader.fieldnames or ())]
    if missing:  # else a file of another shape would load as no facts at all
        raise InputError(str(path), f"not the published facts table: no column {missing[0]}", 1)
    rows = []
    for number, row in enumerate(reader, start=2):
        try:
            rows.append(_typed(row))
        except (KeyError, ValueError, InvalidOperation) as exc:
            why = "a number that is not a decimal" if isinstance(exc, InvalidOperation) else exc  # its str is a class list
            raise InputError(str(path), f"not a published fact row: {why}", number) from None
    return rows


class _Rows(list):
    """facts.csv's rows, with their model facts once asked for."""
    facts: tuple[Fact, ...] | None = None


# The last facts.csv read: publish loads two databases from the same bytes (the data package's and out/'s), and
# nothing changes the rows or their facts after they are read.
_PARSED: dict[bytes, _Rows] = {}


def _rows_of(data: bytes, path: Path) -> _Rows:
    rows = _PARSED.get(data)
    if rows is None:
        rows = _Rows(_rows(data.decode("utf-8"), path))
        _PARSED.clear()
        _PARSED[data] = rows
    return rows


def _filings(manifest: dict, entity: Entity, rows: _Rows) -> tuple[FilingFacts, ...]:
    documents = manifest["documents"]
    prints: dict[str, list[tuple[Fact, bool]]] = {fid: [] for fid in manifest["filings"]}
    if rows.facts is None:
        rows.facts = tuple(_fact(row) for row in rows)
    for row, fact in zip(rows, rows.facts):
        prints[row["filing"]].append((fact, row["in_instance"]))
    filings = []
    for fid, info in manifest["filings"].items():
        period = Period(start=info["period"]["start"], end=info["period"]["end"])
        spec = FilingSpec(id=fid, title=info["title"], period=period, released=info["released"], entity=entity,
                          documents=tuple(Document(file=file, **{k: v for k, v in documents[file].items()
                                                                 if k != "filing"}) for file in info["documents"]))
        pairs = prints[fid]
        # the instance's facts as publish chose them: the duplicate policy is not run again
        filings.append(FilingFacts(spec, tuple(f for f, _ in pairs), tuple(f for f, held in pairs if held), ()))
    return tuple(filings)


def read(folder: Path) -> Published:
    """The publication in `folder` (out/), checked against its manifest."""
    folder = Path(folder)

    def content(rel: str) -> bytes | None:
        path = folder / rel
        return path.read_bytes() if path.is_file() else None

    return _published(folder, content, folder / tables.DOCUMENTS)


def of_files(files: dict[str, bytes], documents: Path) -> Published:
    """The publication `files` (out/'s layout: relative path -> bytes, a manifest.json among them) as `read` would
    find it written to a folder, without writing it; `documents` holds copies of the source documents. What the
    data package's database is loaded from."""
    return _published(Path(MANIFEST).parent, files.get, documents)


def _published(folder: Path, content: Callable[[str], bytes | None], documents: Path) -> Published:
    manifest = _manifest(folder / MANIFEST, content)
    taxonomy_path = folder / tables.TAXONOMY
    try:
        taxonomy = json.loads(content(tables.TAXONOMY).decode("utf-8"))
        missing = sorted({"concepts", "roles", "calculations", "axes"} - taxonomy.keys())
        if missing:
            raise KeyError(missing[0])
        concepts = _concepts(taxonomy)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(str(taxonomy_path), f"not a published taxonomy: {type(exc).__name__} {exc}") from None
    findings_path = folder / tables.FINDINGS
    try:
        findings = [f.to_dict() for f in from_json(content(tables.FINDINGS).decode("utf-8"))]
    except (ValueError, TypeError) as exc:
        raise InputError(str(findings_path), f"not a findings list: {exc}") from None
    facts_path = folder / longform.CSV
    rows = _rows_of(content(longform.CSV), facts_path)
    try:  # the manifest's shape, and its filings against facts.csv's
        entity = Entity(**manifest["entity"])
        sources_digest = manifest["sources"]["sha256"]
        filings = _filings(manifest, entity, rows)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(str(folder / MANIFEST), f"not a publication manifest: {type(exc).__name__} {exc}") \
            from None
    return Published(folder, hashlib.sha256(content(MANIFEST)).hexdigest(), sources_digest, entity,
                     concepts, taxonomy, rows, filings, findings, documents)

"""What `publish` wrote to out/, read back for the database: never the sources.

The manifest says which files belong to the publication; `read` refuses an out/ where one is missing or differs
from its recorded sha256 (an interrupted copy, a hand edit) before anything is loaded. Facts come from
facts.csv (every print, with the instance's choice among duplicates), the taxonomy from taxonomy.json, findings
from findings.json, document lines from documents/.
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

from ..emit import tables
from ..emit.manifest import MANIFEST
from ..model import Concept, Document, Entity, Fact, FilingSpec, Label, Period, Provenance
from ..publication import FilingFacts
from ..xbrl.errors import InputError
from ..xbrl.findings import from_json
from .rows import CalcRelationship


@dataclass(frozen=True)
class Published:
    """An out/ folder's content, as the database loads it."""

    folder: Path
    sources_digest: str
    concepts: dict[str, Concept]
    calculations: list[CalcRelationship]
    filings: tuple[FilingFacts, ...]
    findings: list[dict]
    documents: Path  # folder of the source documents' copies


def _manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        raise InputError(str(path), "no manifest: run `iij-xbrl publish` first")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        files = manifest["files"]
        missing = [key for key in ("filings", "documents", "entity", "sources") if key not in manifest]
        if missing:
            raise KeyError(missing[0])
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not a publication manifest: {exc}") from None
    for rel, entry in files.items():
        data = folder / rel
        if not data.is_file():
            raise InputError(str(path), f"{rel} is listed but missing: out/ is incomplete, publish again")
        if hashlib.sha256(data.read_bytes()).hexdigest() != entry.get("sha256"):
            raise InputError(str(path), f"{rel} differs from the published file (sha256): publish again")
    for required in (tables.FACTS, tables.FINDINGS, tables.TAXONOMY):
        if required not in files:
            raise InputError(str(path), f"lists no {required}: written by an older iij-xbrl, publish again")
    return manifest


def _concepts(data: dict) -> dict[str, Concept]:
    return {c["name"]: Concept(name=c["name"], data_type=c["data_type"], period_type=c["period_type"],
                               balance=c["balance"], abstract=c["abstract"], usgaap=c["usgaap"],
                               labels={role: Label(**label) for role, label in c["labels"].items()})
            for c in data["concepts"]}


def _fact(row: dict[str, str]) -> Fact:
    dims = dict(pair.split("=", 1) for pair in row["dimensions"].split(";")) if row["dimensions"] else {}
    start = date.fromisoformat(row["period_start"]) if row["period_start"] else None
    return Fact(concept=row["concept"], period=Period(start=start, end=date.fromisoformat(row["period_end"])),
                dimensions=dims, unit=row["unit"] or None, value=Decimal(row["value"]) if row["value"] else None,
                decimals=int(row["decimals"]) if row["decimals"] else None,
                provenance=Provenance(document=row["document"], line=int(row["line"]), text=row["printed_text"]))


def _filings(manifest: dict, facts_csv: str, path: Path) -> tuple[FilingFacts, ...]:
    entity = Entity(**manifest["entity"])
    documents = manifest["documents"]
    prints: dict[str, list[tuple[Fact, bool]]] = {fid: [] for fid in manifest["filings"]}
    for number, row in enumerate(csv.DictReader(io.StringIO(facts_csv)), start=2):
        try:
            prints[row["filing"]].append((_fact(row), row["in_instance"] == "1"))
        except (KeyError, ValueError, InvalidOperation) as exc:
            raise InputError(str(path), f"not a published fact row: {exc}", number) from None
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
    manifest = _manifest(folder)
    taxonomy = json.loads((folder / tables.TAXONOMY).read_text(encoding="utf-8"))
    calculations = [CalcRelationship(a["elr"], a["from"], a["to"], Decimal(a["weight"]), Decimal(a["order"]))
                    for a in taxonomy["calculations"]]
    findings_path = folder / tables.FINDINGS
    try:
        findings = [f.to_dict() for f in from_json(findings_path.read_text(encoding="utf-8"))]
    except (ValueError, TypeError) as exc:
        raise InputError(str(findings_path), f"not a findings list: {exc}") from None
    facts_path = folder / tables.FACTS
    filings = _filings(manifest, facts_path.read_text(encoding="utf-8"), facts_path)
    return Published(folder, manifest["sources"]["sha256"], _concepts(taxonomy), calculations, filings, findings,
                     folder / tables.DOCUMENTS)


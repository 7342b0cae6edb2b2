"""manifest.json: every published file with its size and sha256, the filings and documents, and a digest of the
sources the publication was built from. `iij-xbrl export` trusts an out/ only when it matches its manifest."""
from __future__ import annotations

import hashlib
import json

from ..publication import Publication
from ..taxonomy.names import PACKAGE_FILE
from . import naming

MANIFEST = "manifest.json"


def _summary(filing) -> dict:
    facts = filing.facts
    return {"facts": len(facts), "contexts": len({naming.fact_context_id(f) for f in facts}),
            "units": len({f.unit for f in facts if f.unit is not None}), "warnings": len(filing.conflicts)}


def manifest(publication: Publication) -> dict[str, bytes]:
    from .registry import outputs

    return describe(publication, outputs(publication, exclude=("manifest",)))


def describe(publication: Publication, outputs: dict[str, bytes]) -> dict[str, bytes]:
    """The manifest of `outputs` (relative path -> bytes) published from `publication`."""
    files = {rel: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
             for rel, data in sorted(outputs.items())}
    filings = {}
    for f in publication.filings:
        spec = f.spec
        filings[f.id] = {
            "title": spec.title, "documents": spec.files, "released": spec.released.isoformat(),
            "period": {"start": spec.period.start and spec.period.start.isoformat(), "end": spec.period.end.isoformat()},
            **_summary(f),
            "files": sorted(rel for rel in files if rel.startswith(f"{f.id}/")),
        }
    documents = {d.file: {"filing": f.id, "title": d.title, "kind": d.kind, "released": d.released.isoformat()}
                 for f in publication.filings for d in f.spec.documents}
    document = {"taxonomy": {"package": PACKAGE_FILE, "entryPoint": naming.SCHEMA_URL},
                "entity": publication.filings[0].spec.entity.model_dump(mode="json"),
                "sources": {"sha256": publication.sources_digest},
                "filings": filings, "documents": documents, "files": files}
    return {MANIFEST: (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()}

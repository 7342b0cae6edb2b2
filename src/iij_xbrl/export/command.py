"""`iij-xbrl export`: load what `publish` wrote (out/) into SQLite or PostgreSQL.

Only out/ is read: the taxonomy (taxonomy.json), every print with its document, line and printed text
(facts.csv), the findings (findings.json), the documents' lines (documents/) and the entity, filings and
documents (manifest.json). An out/ that is incomplete or was built from other sources than the project's current
ones is refused: the database never mixes them.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..paths import Project
from ..xbrl.errors import InputError
from .db import redact
from .load import Loaded, load
from .published import read


def load_published(db_url: str, out_dir: Path) -> Loaded:
    """Load the publication in `out_dir` (checked against its manifest) as the database's next load."""
    return load(db_url, read(out_dir))


def run(db_url: str, out_dir: Path, project: Project) -> int:
    published = read(out_dir)
    if published.sources_digest != project.sources_digest():
        raise InputError(str(Path(out_dir) / "manifest.json"),
                         f"built from other sources than {project.root}'s current ones: publish again")
    loaded = load(db_url, published)
    if loaded.migration:
        print(loaded.migration, file=sys.stdout)
    counts = loaded.counts
    print(f"exported to {redact(db_url)}: load {loaded.load_id} ({loaded.added} prints added, {loaded.changed} "
          f"changed, {loaded.removed} removed); {counts['facts']} facts, {counts['findings']} findings, "
          f"{counts['concepts']} concepts, {counts['calculation_relationships']} calculation relationships",
          file=sys.stdout)
    return 0

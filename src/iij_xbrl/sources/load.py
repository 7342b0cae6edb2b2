"""The filings of sources/filings.yaml, each with every fact of its documents' sheets (before de-duplication)."""
from __future__ import annotations

from pathlib import Path

from iij_xbrl.model import Fact, Filing, FilingSpec
from iij_xbrl.sources.factsheet import load_sheet
from iij_xbrl.sources.filings import load_specs
from iij_xbrl.sources.mapping import LabelMap
from iij_xbrl.taxonomy.source import Taxonomy, load as load_taxonomy
from iij_xbrl.xbrl.errors import InputError


def sheet_paths(root: Path) -> list[Path]:
    return sorted((Path(root) / "facts").glob("*.yaml"))


def load_prints(root: Path, taxonomy: Taxonomy | None = None) -> list[tuple[FilingSpec, list[Fact]]]:
    """Every filing with all facts of its documents' sheets, in filing and document order. The taxonomy gives
    the concepts' sign conventions; by default the project's (`root` is its sources/ folder)."""
    root = Path(root)
    taxonomy = load_taxonomy(root.parent / "taxonomy") if taxonomy is None else taxonomy
    specs = load_specs(root)
    labels = LabelMap.load(root / "mapping.yaml")
    filing_of = {doc: spec.id for spec in specs for doc in spec.files}
    by_document = {}
    for path in sheet_paths(root):
        sheet = load_sheet(path, root, labels, taxonomy)
        if sheet.document not in filing_of:
            raise InputError(path, f"{sheet.document} is listed under no filing in {root / 'filings.yaml'}")
        if filing_of[sheet.document] != sheet.filing:
            raise InputError(path, f"{sheet.document} belongs to filing {filing_of[sheet.document]}, "
                                   f"not {sheet.filing}")
        by_document[sheet.document] = sheet.facts
    return [(spec, [fact for doc in spec.files for fact in by_document.get(doc, [])]) for spec in specs]


def load_filings(root: Path, taxonomy: Taxonomy | None = None) -> list[Filing]:
    """Every filing with all its prints as facts (not de-duplicated)."""
    return [spec.with_facts(facts) for spec, facts in load_prints(root, taxonomy)]

"""The four filings, each with the facts of its documents' sheets (before de-duplication)."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.model import Filing, Period
from iij_xbrl.paths import SOURCES
from iij_xbrl.sources import calendar
from iij_xbrl.sources.factsheet import load_sheet
from iij_xbrl.sources.mapping import LabelMap


class FilingSpec(NamedTuple):
    id: str
    title: str
    documents: tuple[str, ...]
    period: Period


FILINGS: tuple[FilingSpec, ...] = (
    FilingSpec("fy2008h1", "Internet Initiative Japan Inc. consolidated results, 1H FY2008 (six months ended 2008-09-30)",
               ("002_391ff04abc0b0380.txt",), calendar.parse("1H08")),
    FilingSpec("fy2010h1", "Internet Initiative Japan Inc. consolidated results, 1H FY2010 (six months ended 2010-09-30)",
               ("004_5e9b75ebd931438e.txt",), calendar.parse("1H10")),
    FilingSpec("fy2012h1", "Internet Initiative Japan Inc. consolidated results, 1H FY2012 (six months ended 2012-09-30)",
               ("000_1e0a72612b28a18d.txt", "001_5ab34944f22f6fd1.txt"), calendar.parse("1H12")),
    FilingSpec("fy2013q3", "Internet Initiative Japan Inc. consolidated results, 1Q-3Q FY2013 (nine months ended 2013-12-31)",
               ("003_aa7856c1736f7778.txt",), calendar.parse("9M13")),
)


def sheet_paths(root: Path = SOURCES) -> list[Path]:
    return sorted((root / "facts").glob("*.yaml"))


def load_filings(root: Path = SOURCES) -> list[Filing]:
    """Every filing of the contract, with all facts of its documents' sheets, in document/sheet order."""
    root = Path(root)
    labels = LabelMap.load(root / "mapping.yaml")
    filing_of = {doc: spec.id for spec in FILINGS for doc in spec.documents}
    by_document = {}
    for path in sheet_paths(root):
        sheet = load_sheet(path, root, labels)
        if filing_of.get(sheet.document) != sheet.filing:
            raise InputError(path, f"{sheet.document} belongs to filing {filing_of.get(sheet.document)}, "
                                   f"not {sheet.filing}")
        by_document[sheet.document] = sheet.facts
    return [
        Filing(id=spec.id, title=spec.title, documents=list(spec.documents), period=spec.period,
               facts=[fact for doc in spec.documents for fact in by_document.get(doc, [])])
        for spec in FILINGS
    ]

"""`iij-xbrl draft DOCUMENT -o SHEET [--filing ID] [--json REPORT] [--against CURATED]`."""
from __future__ import annotations

import json
from pathlib import Path

import click

from iij_xbrl import atomic
from iij_xbrl.model import Document, Filing
from iij_xbrl.paths import Project
from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.xbrl.xmlsafe import read_regular

from . import Draft, compare, draft
from .facts import fact
from .sheet import MARKER, render


# An IR document is tens of kilobytes and drafting takes ~0.1 ms a line: 4 MiB keeps a run under half a minute
MAX_DOCUMENT_BYTES = 4 << 20


def _readable(path: Path) -> None:
    # a FIFO or /dev/zero would block or never end: read_regular refuses them before reading a byte
    try:
        text = read_regular(path, MAX_DOCUMENT_BYTES).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise InputError(path, "empty document")


def _ours(path: Path, check) -> None:
    """Refuse to replace a file the drafter did not write: nothing is lost."""
    if path.exists() and not check(path):
        raise InputError(path, "exists and was not written by `iij-xbrl draft`: refusing to overwrite it")


def _write(path: Path, data: bytes) -> None:
    try:
        atomic.write_bytes(path, data)
    except OSError as exc:  # a folder that cannot hold files (/proc), a file where a folder should be
        raise InputError(path, f"cannot be written: {exc.strerror or exc}") from None


def _is_draft(path: Path) -> bool:
    try:
        return read_regular(path, head=len(MARKER.encode("utf-8"))).decode("utf-8").startswith(MARKER)
    except (InputError, UnicodeDecodeError):
        return False


def _is_report(path: Path) -> bool:
    try:
        data = json.loads(read_regular(path))
    except (InputError, ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return False
    info = data.get("documentInfo") if isinstance(data, dict) else None
    return isinstance(info, dict) and info.get("documentType") == "https://xbrl.org/2021/xbrl-json"


def report(result: Draft, project: Project) -> bytes:
    """xBRL-JSON of the drafted facts (duplicates folded as the publisher does) against the taxonomy entry
    point, for the entity sources/filings.yaml names."""
    from iij_xbrl.emit.oim_json import to_json
    from iij_xbrl.sources import dedupe
    from iij_xbrl.sources.filings import load_specs

    facts, _ = dedupe.dedupe([fact(p, result.document) for p in result.facts])
    entity = load_specs(project.sources)[0].entity
    released = result.period.end  # the report says nothing about a release: the period it covers
    document = Document(file=result.document, title=f"Draft of {result.document}", kind="presentation",
                        released=released)
    filing = Filing(id=result.filing, title=f"Draft of {result.document}", period=result.period,
                    released=released, entity=entity, documents=(document,), facts=facts)
    return to_json(filing)


def _listed_filing(document: Path, project: Project) -> str | None:
    """The filing sources/filings.yaml lists the document under, if it is one of the project's."""
    from iij_xbrl.sources.filings import load_specs

    if document.resolve().parent != project.sources.resolve():
        return None
    return next((s.id for s in load_specs(project.sources) if document.name in s.files), None)


def run(document: Path, output: Path, project: Project, filing: str | None = None, json_path: Path | None = None,
        against: Path | None = None) -> int:
    _readable(document)
    _ours(output, _is_draft)
    if json_path is not None:
        _ours(json_path, _is_report)
    result = draft(document, filing=filing or _listed_filing(document, project), project=project)
    if result.period is None:
        raise InputError(document, "no reporting period found (a title such as \"1H FY2012 ... Results\")")
    _write(output, render(result).encode("utf-8"))
    click.echo(f"{output}: {len(result.facts)} facts drafted, {len(result.review)} figures left for review")
    if json_path is not None:
        _write(json_path, report(result, project))
        click.echo(f"{json_path}: xBRL-JSON report of the drafted facts")
    if against is not None:
        from iij_xbrl.sources.factsheet import load_sheet
        from iij_xbrl.sources.mapping import LabelMap

        curated = load_sheet(against, document.parent, LabelMap.load(project.sources / "mapping.yaml")).facts
        click.echo(compare.report(compare.compare(curated, [fact(p, result.document) for p in result.facts])))
    return 0

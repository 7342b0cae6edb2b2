"""Curated fact sheets (sources/facts/<document stem>.yaml) -> `Fact`s with provenance.

A sheet is validated against schemas/factsheet.schema.json, then every entry is checked against the
document it cites: the printed text must occur on the cited line, and a table row must hold figures where
its columns expect them. Any problem is an InputError naming the sheet and the YAML line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.model import Fact, Provenance
from iij_xbrl.sources import calendar, figures, yamlines
from iij_xbrl.sources.mapping import LabelMap
from iij_xbrl.taxonomy import names

SCHEMA = "factsheet.schema.json"
_CELL_KEYS = ("period", "concept", "unit", "scenario", "segment", "decimals", "negate", "pick", "suffix")


@dataclass(frozen=True)
class Sheet:
    path: Path
    document: str
    filing: str
    facts: list[Fact]


def validate(path: Path, data: Any) -> None:
    yamlines.check(path, data, SCHEMA)


def document_lines(path: Path) -> list[str]:
    # Split on "\n" only: line numbers must match what `cat -n` and editors show.
    return [line.rstrip("\r") for line in path.read_text(encoding="utf-8").split("\n")]


class _Builder:
    def __init__(self, path: Path, document: str, lines: list[str]):
        self.path, self.document, self.lines = path, document, lines

    def error(self, message: str, yaml_line: int | None) -> InputError:
        return InputError(self.path, message, yaml_line)

    def line(self, number: int, yaml_line: int | None) -> str:
        if not 1 <= number <= len(self.lines):
            raise self.error(f"line {number} is outside {self.document} ({len(self.lines)} lines)", yaml_line)
        return self.lines[number - 1]

    def fact(self, attrs: dict[str, Any], number: int, text: str, yaml_line: int | None) -> Fact | None:
        if text not in self.line(number, yaml_line):
            raise self.error(f"{text!r} is not printed on {self.document} line {number}", yaml_line)
        missing = [key for key in ("concept", "period", "unit") if attrs.get(key) is None]
        if missing:
            raise self.error(f"line {number} {text!r}: no {', '.join(missing)}", yaml_line)
        try:
            figure = figures.parse(text, attrs["unit"])
            period = calendar.parse(attrs["period"])
        except ValueError as exc:
            raise self.error(f"line {number}: {exc}", yaml_line) from None
        if figure is None:
            return None
        dimensions = {}
        if attrs.get("segment", "Consolidated") != "Consolidated":
            dimensions[names.SEGMENT_AXIS] = attrs["segment"] + names.MEMBER_SUFFIX
        if attrs.get("scenario", "Actual") != "Actual":
            dimensions[names.SCENARIO_AXIS] = attrs["scenario"] + names.MEMBER_SUFFIX
        return Fact(
            concept=attrs["concept"],
            period=period,
            dimensions=dimensions,
            unit=figure.unit,
            value=-figure.value if attrs.get("negate") else figure.value,
            decimals=attrs.get("decimals", figure.decimals),
            provenance=Provenance(document=self.document, line=number, text=text),
        )

    def single(self, entry: dict[str, Any]) -> Fact:
        fact = self.fact(entry, entry["line"], entry["text"], entry.line)
        if fact is None:
            raise self.error(f"{entry['text']!r} prints nothing: not a fact", entry.line)
        return fact

    def table(self, table: dict[str, Any], labels: LabelMap) -> list[Fact]:
        first, last = table["lines"]
        if first > last:
            raise self.error(f"lines [{first}, {last}] run backwards", table.line)
        rows = table.get("rows") or {}
        rows_line = getattr(table.get("rows"), "key_lines", {})
        outside = [n for n in rows if not first <= n <= last]
        if outside:
            raise self.error(f"rows {outside} lie outside lines [{first}, {last}]", rows_line.get(outside[0]))
        map_unlisted = table.get("map_unlisted", "rows" not in table)
        columns = [_spec(c, "period") for c in table["columns"]]
        base = {k: table[k] for k in ("unit", "scenario", "segment", "negate") if k in table}
        facts: list[Fact] = []
        label = ""
        for number in range(first, last + 1):
            yaml_line = rows_line.get(number, table.line)
            cells = self.line(number, yaml_line).split("\t")
            label = cells[0].strip() or label  # a figure-only line continues the label above it
            values = [c.strip() for c in cells[1:]]
            if number in rows:
                if rows[number] is None:
                    continue
                row = _spec(rows[number], "concept")
            elif map_unlisted and any(values):
                try:
                    row = {"concept": labels.resolve(label)}
                except LookupError as exc:
                    raise self.error(f"line {number}: {exc}", table.line) from None
            else:
                continue
            extra = [v for v in values[len(columns):] if v]
            if extra:
                raise self.error(f"line {number} has figures {extra} beyond the {len(columns)} columns", yaml_line)
            found = 0
            for column, cell in zip(columns, values):
                if column is None or not cell:
                    continue
                attrs = {**base, **column, **row}
                if "suffix" in column and attrs.get("concept"):
                    attrs["concept"] = attrs["concept"] + column["suffix"]
                text = self.cell_text(cell, attrs.get("pick"), number, yaml_line)
                fact = self.fact(attrs, number, text, yaml_line)
                if fact is not None:
                    facts.append(fact)
                found += 1
            if found == 0 and number in rows:
                raise self.error(f"line {number} has no figure in any fact column", yaml_line)
        return facts

    def cell_text(self, cell: str, pick: str | None, number: int, yaml_line: int | None) -> str:
        if cell in figures.NOTHING:
            return cell
        tokens = figures.TOKEN.findall(cell)
        if not tokens:
            raise self.error(f"line {number}: cell {cell!r} holds no figure", yaml_line)
        if len(tokens) > 1 and pick is None:
            raise self.error(f"line {number}: cell {cell!r} holds {len(tokens)} figures: set `pick`", yaml_line)
        return tokens[-1] if pick == "last" else tokens[0]


def _spec(entry: Any, key: str) -> dict[str, Any] | None:
    """A column (bare period token) or row (bare concept) entry as a dict of cell attributes."""
    if entry is None:
        return None
    if isinstance(entry, str):
        return {key: entry}
    return {k: entry[k] for k in _CELL_KEYS if k in entry}


def load_sheet(path: Path, documents: Path, labels: LabelMap) -> Sheet:
    """Read, validate and expand one sheet; `documents` is the directory holding the source texts."""
    data = yamlines.load(path)
    validate(path, data)
    document = data["document"]
    if Path(document).stem != path.stem:
        raise InputError(path, f"sheet for {document} must be named {Path(document).stem}.yaml", data.line)
    source = documents / document
    if not source.is_file():
        raise InputError(path, f"document {document} not found in {documents}", data.line)
    builder = _Builder(path, document, document_lines(source))
    facts = [builder.single(entry) for entry in data.get("facts") or []]
    for table in data.get("tables") or []:
        facts.extend(builder.table(table, labels))
    return Sheet(path=path, document=document, filing=data["filing"], facts=facts)

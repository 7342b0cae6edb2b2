"""Curated fact sheets (sources/facts/<document stem>.yaml) -> `Fact`s with provenance.

A sheet is validated against schemas/factsheet.schema.json, then every entry is checked against the
document it cites: the printed text must occur on the cited line, and a table row must hold figures where
its columns expect them. Any problem is an InputError naming the sheet and the YAML line.

Values carry their concept's natural sign (taxonomy.signs), read from what the document prints, in this order:
1. the printed figure: "(1,866)", "△85", "-85" are negative;
2. a direction word the sheet names (`direction: down` for "down 5.5%"): the figure times +1 or -1 as the word
   says for the concept's convention; the word must be printed on the line;
3. otherwise a table that prints a taxonomy statement (`statement: CashFlowStatement`) prints a concept the
   statement shows with its negated label as a deduction: "Purchase of property and equipment (2,785)" is a
   payment of 2,785;
4. a curation that reads the figure against its caption (`negate: <reason>`) negates the value; the reason is
   kept in the fact's provenance so that it can be reported.

Every decision that departs from what a line literally prints carries its reason and becomes a `Curation` of the
fact's provenance (the consistency checks report each one): `negate`, `redate: <reason>` (a period other than the
line or its header prints; `{reason, line, printed, period}` names the header line, its text and the printed
period) and `relabel: <reason>` (a line item other than the caption names; `{reason, line, printed, concept}`). A
table, a column, a row and a single fact may each carry them; a cell collects all.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.model import Curation, Fact, Provenance
from iij_xbrl.sources import calendar, figures, yamlines
from iij_xbrl.sources.mapping import LabelMap
from iij_xbrl.taxonomy import names, signs
from iij_xbrl.taxonomy.source import PresNode, Taxonomy

SCHEMA = "factsheet.schema.json"
_CELL_KEYS = ("period", "concept", "unit", "scenario", "segment", "decimals", "negate", "direction", "pick", "suffix",
              "redate", "relabel")
_DEPARTURES = ("negate", "redate", "relabel")


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
    return [line.rstrip("\r") for line in yamlines.text(path).split("\n")]


class _Builder:
    def __init__(self, path: Path, document: str, lines: list[str], taxonomy: Taxonomy):
        self.path, self.document, self.lines, self.taxonomy = path, document, lines, taxonomy

    def error(self, message: str, yaml_line: int | None) -> InputError:
        return InputError(self.path, message, yaml_line)

    def line(self, number: int, yaml_line: int | None) -> str:
        if not 1 <= number <= len(self.lines):
            raise self.error(f"line {number} is outside {self.document} ({len(self.lines)} lines)", yaml_line)
        return self.lines[number - 1]

    def fact(self, attrs: dict[str, Any], number: int, text: str, yaml_line: int | None,
             deduction: bool = False, levels: tuple[dict[str, Any], ...] = ()) -> Fact | None:
        """The fact of one printed figure; `deduction`: its table's statement shows the concept negated; `levels`
        the table, column and row specs whose departures (redate, relabel) the cell collects besides its own."""
        printed = self.line(number, yaml_line)
        if text not in printed:
            raise self.error(f"{text!r} is not printed on {self.document} line {number}", yaml_line)
        missing = [key for key in ("concept", "period", "unit") if attrs.get(key) is None]
        if missing:
            raise self.error(f"line {number} {text!r}: no {', '.join(missing)}", yaml_line)
        concept = self.taxonomy.concepts.get(attrs["concept"])
        if concept is None or concept.abstract:
            raise self.error(f"line {number}: {attrs['concept']} is no concept of the taxonomy that takes facts",
                             yaml_line)
        try:
            figure = figures.parse(text, attrs["unit"])
            period = calendar.parse(attrs["period"])
        except ValueError as exc:
            raise self.error(f"line {number}: {exc}", yaml_line) from None
        if figure is None:
            return None
        dimensions = dict(names.SEGMENTS.get(attrs.get("segment", "Consolidated"), {}))
        if attrs.get("scenario", "Actual") != "Actual":
            dimensions[names.SCENARIO_AXIS] = attrs["scenario"] + names.MEMBER_SUFFIX
        curations = tuple(self.curation(kind, spec[kind], number, yaml_line)
                          for spec in (*levels, attrs) for kind in _DEPARTURES
                          if kind in spec and (kind != "negate" or spec is attrs))
        curations = tuple(dict.fromkeys(curations))  # a level's departure reaches the cell once
        value, word, reason = figure.value, attrs.get("direction"), attrs.get("negate")
        if word is not None:
            value *= self.polarity(concept.name, concept.sign, word, printed, dimensions, number, yaml_line)
        elif deduction:
            value = -value
        if reason is not None:
            value = -value
        return Fact(
            concept=concept.name,
            period=period,
            dimensions=dimensions,
            unit=figure.unit,
            value=value,
            decimals=attrs.get("decimals", figure.decimals),
            provenance=Provenance(document=self.document, line=number, text=text, direction=word, negated=reason,
                                  curations=curations),
        )

    def curation(self, kind: str, spec: str | dict[str, Any], number: int, yaml_line: int | None) -> Curation:
        """A departure from the literal line: its reason, the line it departs from (the figure's own unless named)
        and, when given, what that line prints (checked) and its literal reading (a period or a concept)."""
        if isinstance(spec, str):
            return Curation(kind=kind, reason=spec, line=number)
        line = spec.get("line", number)
        printed = spec.get("printed")
        if printed is not None and printed not in self.line(line, yaml_line):
            raise self.error(f"{kind}: {printed!r} is not printed on {self.document} line {line}", yaml_line)
        literal = spec.get("period") or spec.get("concept")
        if "period" in spec:
            try:
                calendar.parse(spec["period"])
            except ValueError as exc:
                raise self.error(f"{kind}: {exc}", yaml_line) from None
        if "concept" in spec and spec["concept"] not in self.taxonomy.concepts:
            raise self.error(f"{kind}: {spec['concept']} is no concept of the taxonomy", yaml_line)
        return Curation(kind=kind, reason=spec["reason"], line=line, printed=printed, literal=literal,
                        segment=spec.get("segment"))

    def polarity(self, name: str, convention: str | None, word: str, printed: str, dimensions: dict[str, str],
                 number: int, yaml_line: int | None) -> int:
        if not signs.printed_word(printed, word):
            raise self.error(f"direction {word!r} is not printed on {self.document} line {number}", yaml_line)
        found = signs.polarity(convention or "", word)
        if found is None and word.lower() in signs.DEDUCTIONS and names.ELIMINATION in dimensions.values():
            found = -1
        if found is None:
            raise self.error(f"line {number}: {word!r} gives no direction to {name} (sign convention {convention})",
                             yaml_line)
        return found

    def single(self, entry: dict[str, Any]) -> Fact:
        deduction = entry["concept"] in self.deductions(entry.get("statement"), entry.line)
        fact = self.fact(_spec(entry, "concept"), entry["line"], entry["text"], entry.line, deduction=deduction)
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
        base = {k: table[k] for k in ("unit", "scenario", "segment") if k in table}
        table_departures = {k: table[k] for k in _DEPARTURES[1:] if k in table}
        deductions = self.deductions(table.get("statement"), table.line)
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
                levels = (table_departures, _departures(column), _departures(row))
                attrs = {k: v for k, v in attrs.items() if k not in _DEPARTURES[1:]}
                if "negate" in column and "negate" in row:
                    raise self.error(f"line {number}: negated by both its column and its row", yaml_line)
                fact = self.fact(attrs, number, text, yaml_line, deduction=attrs.get("concept") in deductions,
                                 levels=levels)
                if fact is not None:
                    facts.append(fact)
                found += 1
            if found == 0 and number in rows:
                raise self.error(f"line {number} has no figure in any fact column", yaml_line)
        return facts

    def deductions(self, statement: str | None, yaml_line: int | None) -> frozenset[str]:
        """The concepts the statement shows with their negated label (none without a statement)."""
        if statement is None:
            return frozenset()
        nodes = self.taxonomy.presentation.get(statement)
        if nodes is None:
            raise self.error(f"statement {statement} is no presentation role of the taxonomy", yaml_line)
        return frozenset(n.concept for n in _walk(nodes) if n.preferred_label == "negated")

    def cell_text(self, cell: str, pick: str | None, number: int, yaml_line: int | None) -> str:
        if cell in figures.NOTHING:
            return cell
        tokens = figures.TOKEN.findall(cell)
        if not tokens:
            raise self.error(f"line {number}: cell {cell!r} holds no figure", yaml_line)
        if len(tokens) > 1 and pick is None:
            raise self.error(f"line {number}: cell {cell!r} holds {len(tokens)} figures: set `pick`", yaml_line)
        return tokens[-1] if pick == "last" else tokens[0]


def _walk(nodes: tuple[PresNode, ...]):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _departures(spec: dict[str, Any]) -> dict[str, Any]:
    return {k: spec[k] for k in _DEPARTURES[1:] if k in spec}


def _spec(entry: Any, key: str) -> dict[str, Any] | None:
    """A column (bare period token) or row (bare concept) entry as a dict of cell attributes."""
    if entry is None:
        return None
    if isinstance(entry, str):
        return {key: entry}
    return {k: entry[k] for k in _CELL_KEYS if k in entry}


def load_sheet(path: Path, documents: Path, labels: LabelMap, taxonomy: Taxonomy | None = None) -> Sheet:
    """Read, validate and expand one sheet; `documents` is the directory holding the source texts. The taxonomy
    gives the concepts' sign conventions; by default the project's (beside `documents`, the sources/ folder)."""
    if taxonomy is None:
        from iij_xbrl.taxonomy.source import load as load_taxonomy
        taxonomy = load_taxonomy(Path(documents).parent / "taxonomy")
    data = yamlines.load(path)
    validate(path, data)
    document = data["document"]
    if Path(document).stem != path.stem:
        raise InputError(path, f"sheet for {document} must be named {Path(document).stem}.yaml", data.line)
    source = documents / document
    if not source.is_file():
        raise InputError(path, f"document {document} in {documents} is not a regular file (a folder, a FIFO, a device)"
                         if source.exists() else f"document {document} not found in {documents}", data.line)
    builder = _Builder(path, document, document_lines(source), taxonomy)
    facts = [builder.single(entry) for entry in data.get("facts") or []]
    for table in data.get("tables") or []:
        facts.extend(builder.table(table, labels))
    return Sheet(path=path, document=document, filing=data["filing"], facts=facts)

"""The inline report's tables: each statement as the presentation linkbase orders it, then what no statement shows.

A statement is one presentation network: its lines in the tree's order and depth, abstract concepts as section
headings, each line's preferred label (a total, a negated figure, cash at the beginning or end of a period).
Its columns are the periods it prints figures for: a column needs figures on two lines or more, so the cash
balance a cash-flow statement prints at the start of a period does not open an empty column in the balance
sheet. Lines labelled periodStart / periodEnd take the instant at the start / end of each duration column.

A figure may appear in several tables (net income in the income and the cash-flow statement), but is tagged
once: in the first table that shows it, in the networks' order; elsewhere it is a plain copy pointing there.
Figures no statement shows land in tables of their own: quarterly figures, figures by dimension member
(segments, eliminations), targets, and the rest; so every fact of the filing is tagged exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import timedelta

from ..model import Fact, Label, Period
from ..sources.calendar import is_quarter
from ..taxonomy.names import SCENARIO_AXIS
from . import naming as n
from .layout import Line, Network

Dims = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Column:
    period: Period
    dimensions: Dims = ()  # fixed for the column, e.g. the scenario of a target

    @cached_property  # asked for every cell of the column
    def id(self) -> str:
        return n.context_id(self.period, dict(self.dimensions))


@dataclass
class Cell:
    fact: Fact
    tagged: bool  # the one cell of the report that tags this fact; False: a copy of a figure tagged elsewhere


@dataclass
class Row:
    line: Line
    group: Dims = ()  # the members every figure of the row has (a segment), shown as a heading above
    cells: dict[str, Cell] = field(default_factory=dict)  # column id -> cell


@dataclass
class Table:
    id: str  # HTML id
    title: Label
    columns: list[Column]
    rows: list[Row]  # headings included (no cells)

    def cells(self) -> list[Cell]:
        return [row.cells[c.id] for row in self.rows for c in self.columns if c.id in row.cells]


QUARTERLY = Label(en="Quarterly figures", ja="四半期の数値")
TARGETS = Label(en="Targets, initial and revised", ja="業績目標（期初・修正）")
OTHER = Label(en="Other figures", ja="その他の数値")


def has_role(role: str | None, kind: str) -> bool:
    """Whether a preferred label role is of a kind (`total` matches total, negatedTotal, …): generic over the
    roles a taxonomy uses."""
    return role is not None and kind.lower() in role.lower()


def _period_at(line: Line, column: Column) -> Period | None:
    """The instant a periodStart / periodEnd line shows in a duration column; None for other lines."""
    if column.period.start is None:
        return None
    if has_role(line.role, "periodStart"):
        return Period(end=column.period.start - timedelta(days=1))
    if has_role(line.role, "periodEnd"):
        return Period(end=column.period.end)
    return None


def _moved(line: Line) -> bool:
    return has_role(line.role, "periodStart") or has_role(line.role, "periodEnd")


def _figures_under(rows: list[Row], i: int) -> bool:
    """Whether the heading rows[i] has a line of figures under it (before the next line at its depth)."""
    for row in rows[i + 1:]:
        if row.line.depth <= rows[i].line.depth:
            return False
        if not row.line.heading:
            return True
    return False


def _kept_headings(rows: list[Row]) -> list[Row]:
    return [row for i, row in enumerate(rows) if not row.line.heading or _figures_under(rows, i)]


class Arrangement:
    """Builds the tables in reading order, tagging each fact in the first cell that shows it."""

    def __init__(self, networks: list[Network]):
        self.networks = networks
        self.tagged: set[str] = set()
        self.home: dict[str, Line] = {}  # concept -> its first line (its label role in tables of its own)
        for network in networks:
            for line in network.statement_lines():
                if not line.heading:
                    self.home.setdefault(line.concept, Line(line.concept, 0, None if _moved(line) else line.role,
                                                            False))

    def _cell(self, fact: Fact) -> Cell:
        fid = n.fact_id(fact)
        first = fid not in self.tagged
        self.tagged.add(fid)
        return Cell(fact, first)

    def statement(self, network: Network, facts: dict[str, dict[Period, Fact]]) -> Table | None:
        lines = network.statement_lines()
        per_period: dict[Period, set[int]] = {}  # period -> the lines with a figure of that period
        for i, line in enumerate(lines):
            # cash at the start or end of a period follows the columns: it opens none (a balance sheet date
            # seen from a cash-flow statement is no column of it)
            if not line.heading and not _moved(line):
                for period in facts.get(line.concept, {}):
                    per_period.setdefault(period, set()).add(i)
        # a period needs figures on two lines (one, where no period has more)
        needed = min(2, max(map(len, per_period.values()), default=0))
        periods = [p for p, shown in per_period.items() if len(shown) >= needed]
        columns = sorted((Column(p) for p in periods), key=lambda c: n.context_sort_key(c.period, {}))
        rows = []
        for line in lines:
            row = Row(line)
            if not line.heading:
                for column in columns:
                    period = _period_at(line, column) if _moved(line) else column.period
                    fact = facts.get(line.concept, {}).get(period) if period is not None else None
                    if fact is not None:
                        row.cells[column.id] = self._cell(fact)
            if line.heading or row.cells:
                rows.append(row)
        rows = _kept_headings(rows)
        table = Table(network.id, network.title, columns, rows)
        return table if any(c.tagged for c in table.cells()) else None

    def flat(self, table_id: str, title: Label, facts: list[Fact], column_axes: tuple[str, ...] = ()) -> Table | None:
        """One row per concept (and member group), in the networks' order; a column per period (and member of
        `column_axes`). Only facts not tagged yet."""
        order = {c: i for i, c in enumerate(self.home)}
        columns: dict[str, Column] = {}
        rows: dict[tuple, Row] = {}
        for fact in facts:
            if n.fact_id(fact) in self.tagged:
                continue
            dims = n.sorted_dimensions(fact.dimensions)
            column = Column(fact.period, tuple(d for d in dims if d[0] in column_axes))
            group = tuple(d for d in dims if d[0] not in column_axes)
            columns.setdefault(column.id, column)
            line = self.home.get(fact.concept, Line(fact.concept, 0, None, False))
            row = rows.setdefault((group, fact.concept), Row(line, group))
            row.cells[column.id] = self._cell(fact)
        if not rows:
            return None
        ordered = sorted(rows.values(), key=lambda r: (r.group, order.get(r.line.concept, len(order)), r.line.concept))
        return Table(table_id, title, sorted(columns.values(), key=lambda c: n.context_sort_key(
            c.period, dict(c.dimensions))), ordered)


def arrange(facts: list[Fact], networks: list[Network], axis_labels: dict[str, Label]) -> list[Table]:
    """The report's tables in reading order: statements, quarterly figures, figures by member, targets, the rest."""
    arrangement = Arrangement(networks)
    main: dict[str, dict[Period, Fact]] = {}
    quarterly, by_member, targets = [], {}, []
    for fact in sorted(facts, key=n.fact_sort_key):
        if SCENARIO_AXIS in fact.dimensions:
            targets.append(fact)
        elif fact.dimensions:
            by_member.setdefault(tuple(sorted(fact.dimensions)), []).append(fact)
        elif is_quarter(fact.period):
            quarterly.append(fact)
        else:
            main.setdefault(fact.concept, {})[fact.period] = fact
    tables = [arrangement.statement(network, main) for network in networks]
    tables.append(arrangement.flat("QuarterlyFigures", QUARTERLY, quarterly))
    for axes, group in sorted(by_member.items()):
        title = Label(en="By " + " and ".join(axis_labels[a].en.lower() if a in axis_labels else a for a in axes),
                      ja="・".join(axis_labels[a].ja if a in axis_labels else a for a in axes) + "別")
        tables.append(arrangement.flat("By" + "".join(a.removesuffix("Axis") for a in axes), title, group))
    tables.append(arrangement.flat("Targets", TARGETS, targets, (SCENARIO_AXIS,)))
    rest = [f for by_period in main.values() for f in by_period.values()]
    tables.append(arrangement.flat("OtherFigures", OTHER, sorted(rest, key=n.fact_sort_key)))
    return [t for t in tables if t is not None]

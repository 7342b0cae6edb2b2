"""Arranges a filing's facts into tables shaped like the documents' tables.

Shared by the xBRL-CSV and Inline XBRL emitters so both show the same tables: statements (one row per
concept, one column per period), segments (rows per segment and concept), quarterly series (columns per
quarter), targets (columns per period and scenario) and whatever is left. Every fact lands in exactly
one cell of exactly one table, so both outputs carry all facts of the filing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..model import Fact, Filing, Label, Period
from ..sources.calendar import is_quarter
from ..taxonomy.names import CONSOLIDATION_ITEMS_AXIS, SCENARIO_AXIS, SEGMENT_AXIS
from . import naming as n



@dataclass(frozen=True)
class Line:
    """One line of a presentation tree, as a statement prints it."""

    concept: str
    depth: int  # 0 for the children of the network's single root heading
    role: str | None  # preferred label role ("total", "periodStart", "negated", …); None: the standard label
    heading: bool  # an abstract concept: a section heading, no figures


@dataclass(frozen=True)
class Network:
    """An ordered list of concepts to show as one statement (from a presentation network)."""

    id: str  # identifier-like, e.g. "IncomeStatement"
    title: Label
    concepts: tuple[str, ...]
    label_roles: tuple[tuple[str, str], ...] = ()  # concept -> preferred label role ("total", "terse", …)
    lines: tuple[Line, ...] = ()  # the tree in document order; empty: one line per concept, standard labels

    def statement_lines(self) -> tuple[Line, ...]:
        if self.lines:
            return self.lines
        roles = dict(self.label_roles)
        return tuple(Line(c, 0, roles.get(c), False) for c in self.concepts)


@dataclass(frozen=True)
class Column:
    period: Period
    dimensions: tuple[tuple[str, str], ...]  # fixed for the whole column, e.g. the scenario of a target

    @cached_property  # asked for every cell of the column
    def id(self) -> str:
        # Context ids are unique per period and dimensions and identifier-like: reuse them as column names.
        return n.context_id(self.period, dict(self.dimensions))


@dataclass
class Row:
    concept: str
    dimensions: tuple[tuple[str, str], ...]  # fixed for the whole row, e.g. its segment
    cells: dict[str, Fact] = field(default_factory=dict)  # column id -> fact


@dataclass
class Table:
    id: str  # identifier-like, used in file names and HTML ids
    title: Label
    row_axes: tuple[str, ...]  # axes whose member each row states (CSV needs a column for each)
    columns: list[Column]
    rows: list[Row]
    label_roles: dict[str, str] = field(default_factory=dict)  # concept -> preferred label role

    def facts(self) -> list[Fact]:
        return [row.cells[c.id] for row in self.rows for c in self.columns if c.id in row.cells]


def row_label(table: Table, row: Row, concepts: dict) -> Label | None:
    """The row's label: the network's preferred label role (total, terse, …) if the concept has it."""
    concept = concepts.get(row.concept)
    if concept is None:
        return None
    return concept.labels.get(table.label_roles.get(row.concept, "label")) or concept.labels["label"]


# ---- grouping ----------------------------------------------------------------------------------------

def _column_key(column: Column) -> tuple:
    return n.context_sort_key(column.period, dict(column.dimensions))


def _table(table_id: str, title: Label, facts: list[Fact], row_axes: tuple[str, ...],
           concept_order: dict[str, int], label_roles: dict[str, str] | None = None) -> Table:
    columns: dict[str, Column] = {}
    rows: dict[tuple, Row] = {}
    for fact in facts:
        row_dims = tuple((a, m) for a, m in n.sorted_dimensions(fact.dimensions) if a in row_axes)
        col_dims = tuple((a, m) for a, m in n.sorted_dimensions(fact.dimensions) if a not in row_axes)
        column = Column(fact.period, col_dims)
        columns.setdefault(column.id, column)
        row = rows.setdefault((row_dims, fact.concept), Row(fact.concept, row_dims))
        if column.id in row.cells:  # same concept, period, dimensions: two units, or not de-duplicated
            raise ValueError(f"two facts for one cell: {n.fact_id(fact)} and {n.fact_id(row.cells[column.id])}")
        row.cells[column.id] = fact
    ordered_rows = sorted(rows.values(), key=lambda r: (r.dimensions, concept_order.get(r.concept, len(concept_order)),
                                                        r.concept))
    return Table(table_id, title, row_axes, sorted(columns.values(), key=_column_key), ordered_rows,
                 label_roles or {})


SEGMENT_ROWS = (SEGMENT_AXIS, CONSOLIDATION_ITEMS_AXIS)  # a segment, its operating-segments item, an elimination
TARGETS = Label(en="Targets", ja="業績目標")
SEGMENTS = Label(en="Segment information", ja="セグメント情報")
QUARTERLY = Label(en="Quarterly series", ja="四半期推移")
OTHER = Label(en="Other figures", ja="その他の数値")


def arrange(filing: Filing, networks: list[Network]) -> list[Table]:
    """The filing's tables in reading order; tables without facts are left out."""
    order: dict[str, int] = {}
    home: dict[str, int] = {}  # concept -> index of the first network showing it
    for i, network in enumerate(networks):
        for concept in network.concepts:
            order.setdefault(concept, len(order))
            home.setdefault(concept, i)
    statements: list[list[Fact]] = [[] for _ in networks]
    targets, segments, quarterly, other = [], [], [], []
    for fact in sorted(filing.facts, key=n.fact_sort_key):
        if SCENARIO_AXIS in fact.dimensions:
            targets.append(fact)
        elif SEGMENT_AXIS in fact.dimensions or CONSOLIDATION_ITEMS_AXIS in fact.dimensions:
            segments.append(fact)
        elif is_quarter(fact.period):
            quarterly.append(fact)
        elif fact.concept in home:
            statements[home[fact.concept]].append(fact)
        else:
            other.append(fact)
    tables = [_table(nw.id, nw.title, facts, (), order, dict(nw.label_roles)) for nw, facts in zip(networks, statements)]
    tables += [
        _table("Segments", SEGMENTS, segments, SEGMENT_ROWS, order),
        _table("QuarterlySeries", QUARTERLY, quarterly, (), order),
        _table("Targets", TARGETS, targets, SEGMENT_ROWS, order),
        _table("OtherFigures", OTHER, other, (), order),
    ]
    return [t for t in tables if t.rows]


# ---- from the taxonomy -------------------------------------------------------------------------------

def _walk(nodes, concepts: dict, out: dict[str, str | None]) -> None:
    for node in nodes:
        concept = concepts.get(node.concept)
        if concept is not None and not concept.abstract:
            out.setdefault(node.concept, node.preferred_label)
        _walk(node.children, concepts, out)


def _lines(nodes, concepts: dict, depth: int, out: list[Line]) -> None:
    for node in nodes:
        concept = concepts.get(node.concept)
        out.append(Line(node.concept, depth, node.preferred_label, concept is None or concept.abstract))
        _lines(node.children, concepts, depth + 1, out)


def _title(role, concepts: dict) -> Label:
    """The label of the ELR's single abstract root (bilingual); else its definition without the sort prefix."""
    roots = role.presentation
    if len(roots) == 1 and roots[0].concept in concepts:
        return concepts[roots[0].concept].labels["label"]
    text = role.definition.split(" - ")[-1]
    return Label(en=text, ja=text)


def networks(taxonomy) -> list[Network]:
    """One `Network` per presentation ELR of the taxonomy, in the taxonomy's order."""
    out = []
    for role in taxonomy.roles:
        if not role.presentation:
            continue
        shown: dict[str, str | None] = {}
        _walk(role.presentation, taxonomy.concepts, shown)
        lines: list[Line] = []
        roots = role.presentation
        single_root = len(roots) == 1 and taxonomy.concepts.get(roots[0].concept) is not None \
            and taxonomy.concepts[roots[0].concept].abstract
        # a single abstract root is the statement's title, not a line of it
        _lines(roots[0].children if single_root else roots, taxonomy.concepts, 0, lines)
        out.append(Network(role.id, _title(role, taxonomy.concepts), tuple(shown),
                           tuple((c, r) for c, r in shown.items() if r), tuple(lines)))
    return out


def member_labels(taxonomy) -> dict[str, Label]:
    """Axis and member name -> label, for headings of segment groups and target columns."""
    labels = {}
    for axis in taxonomy.dimensions.axes:
        labels[axis.axis.name] = axis.axis.label
        labels.update({m.name: m.label for m in axis.members})
    return labels

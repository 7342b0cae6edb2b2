"""`iij-xbrl draft`: propose a fact sheet for an IR document the publisher has never seen.

Data flows one way: document text -> layout (tables, captions, headings, reporting period) -> readers
(tables, prose) proposing facts with a confidence and the reason -> cross-check with the taxonomy's
calculations -> the sheet (sources/facts format) and the review list (every figure token not drafted,
with why), optionally an xBRL-JSON report. The drafter uses what a user keeps (sources/mapping.yaml, the
taxonomy), never a curated sheet of the document.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from iij_xbrl.model import Period
from iij_xbrl.paths import Project, find
from iij_xbrl.sources.factsheet import document_lines
from iij_xbrl.taxonomy.names import SEGMENT_AXIS

from . import crosscheck, review, sanity, series, signs
from .context import Context
from .layout import Document
from .prose import ProseReader
from .proposal import THRESHOLD, Pending, Proposal
from .tables import TableReader
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class Draft:
    document: str
    filing: str
    facts: list[Proposal]  # in document order
    review: list[Pending]  # every figure token not drafted, in document order
    period: Period | None  # the reporting period the document's title names


def context_for(path: Path, project: Project | None = None) -> Context:
    """What drafting `path` consults: the project's mapping file and taxonomy (never its fact sheets)."""
    from iij_xbrl.taxonomy.source import load

    project = project or find()
    mapping = project.sources / "mapping.yaml"
    taxonomy = load(project.taxonomy)
    segments = {m.label.en: m.name.removesuffix("Member")
                for axis in taxonomy.dimensions.axes if axis.axis.name == SEGMENT_AXIS for m in axis.members[1:]}
    segments["Elimination"] = segments["Intersegment elimination"] = signs.ELIMINATION  # ConsolidationItemsAxis
    vocabulary = Vocabulary.load(taxonomy.concepts, mapping, segments)
    children: dict[str, set[str]] = {}
    calculations, network_of = [], []
    for role in taxonomy.roles:
        by_total: dict[str, list[tuple[str, int]]] = {}
        for arc in role.calculation:
            by_total.setdefault(arc.total, []).append((arc.item, arc.weight))
            children.setdefault(arc.total, set()).add(arc.item)
        calculations.extend((total, tuple(items)) for total, items in by_total.items())
        network_of.extend(role.id for _ in by_total)
    negated_in: dict[str, set[str]] = {}
    statements: dict[str, set[str]] = {}
    for role in taxonomy.roles:
        for node in _nodes(role.presentation):
            statements.setdefault(role.id, set()).add(node.concept)
            if node.preferred_label == "negated":
                negated_in.setdefault(node.concept, set()).add(role.id)
    return Context(Document(path.name, document_lines(path)), vocabulary, children, calculations, network_of,
                   negated_in, statements)


def _nodes(nodes):
    for node in nodes:
        yield node
        yield from _nodes(node.children)


def draft(path: Path, filing: str | None = None, project: Project | None = None) -> Draft:
    ctx = context_for(path, project)
    tables = TableReader(ctx)
    found: list[Proposal | Pending] = []
    for block in ctx.doc.blocks:
        found.extend(tables.read(block))
    found.extend(ProseReader(ctx).read(set(ctx.doc.table_lines), tables.prose_rows))
    block_of = {row.number: i for i, block in enumerate(ctx.doc.blocks) for row in block.rows}
    found = signs.statement(found, ctx.negated_in, ctx.statements,
                            {name: c.sign for name, c in ctx.vocabulary.concepts.items()}, block_of)
    proposals, clashes = _clashes([f for f in found if isinstance(f, Proposal)])
    proposals = crosscheck.check(ctx, proposals)
    kept, insane = sanity.check(ctx, [p for p in proposals if p.confidence >= THRESHOLD])
    charted, covered = series.read(ctx, kept)  # charts without period labels, as the figures above confirm
    kept = [p for p in kept if (p.line, p.start) not in covered] + charted
    doubtful = [Pending(p.line, p.start, p.token, f"low confidence {p.confidence:.2f}: {p.why}",
                        (f"{p.concept} {p.period}",)) for p in proposals if p.confidence < THRESHOLD]
    pending = [f for f in found if isinstance(f, Pending)] + clashes + insane + doubtful
    kept.sort(key=lambda p: (p.line, p.start))
    return Draft(path.name, filing or default_filing(ctx), kept, review.build(ctx.doc, kept, pending),
                 ctx.doc.reporting_period)


def _clashes(proposals: list[Proposal]) -> tuple[list[Proposal], list[Pending]]:
    """Two different figures read as one fact of one line: neither is trusted."""
    from . import signs

    values: dict[tuple, set] = {}
    for p in proposals:
        values.setdefault((p.line, *p.key), set()).add(signs.value(p.text, p.unit, p.negate))
    clash = {k for k, v in values.items() if len(v) > 1}
    kept = [p for p in proposals if (p.line, *p.key) not in clash]
    left = [Pending(p.line, p.start, p.token, f"another figure on the line reads as the same fact ({p.concept} {p.period})",
                    (p.concept,)) for p in proposals if (p.line, *p.key) in clash]
    return kept, left


def default_filing(ctx: Context) -> str:
    """A filing id like the publisher's (fy2012h1, fy2013q3) from the reporting period."""
    period = ctx.doc.reporting_period
    if period is None or ctx.doc.fiscal_year is None:
        return "unknown"
    from . import periods

    name = periods.token(period) or ""
    suffix = {"1H": "h1", "9M": "q3", "1Q": "q1", "2Q": "q2", "3Q": "q3", "FY": "", "2H": "h2"}.get(name[:2], "")
    return f"fy{ctx.doc.fiscal_year}{suffix}"

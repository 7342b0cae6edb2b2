"""Charts whose period labels were lost in extraction: a run of bare amounts under a caption ("(Systems
construction)" over "3,592 3,960 ... 3,478", "Revenue 26.4 / (+6.4%) / 28.0 / ..."), read as consecutive quarters
only when the document's own figures confirm it.

A series of N amounts is tried as the N quarters ending with the reporting quarter, or with the last quarter of
the reporting fiscal year (bars of a year's plan), for every concept its caption may name (the caption's words
and the slide title's). A reading is kept when at least one drafted figure confirms it and none contradicts it:
a drafted flow of that concept over quarters of the series equals their sum within rounding (the quarters of a
nine-month revenue, of a revised full-year target), or a drafted percentage change of it from the prior year or
quarter equals the change between the series' bars ("Orders Received: increased by 12.1% YoY"). A reading no
figure confirms, or more than one reading, drafts nothing: an unlabelled series could be anything. A percentage
printed under each bar ("(+6.4%)") is that quarter's change from the prior year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from iij_xbrl.model import Fact, Period
from iij_xbrl.sources import calendar, figures

from . import periods, scenario
from .context import Context
from .facts import fact
from .layout import token_spans
from .proposal import Proposal

_PERCENT_LINE = re.compile(r"^\s*(?:\((?:YoY|QoQ)\)\s*)?\(?[+\-]?\d[\d.]*%\)?\s*$", re.I)
_SPAN_WORDS = re.compile(r"\b(?:by\s+|per\s+)?(?:quarters?|quarterly|months?|monthly|years?|yearly|annual|trends?)\b", re.I)
_VALUE = re.compile(r"^[+]?\d[\d,]*(?:\.\d+)?$")


@dataclass(frozen=True)
class Bar:
    line: int
    start: int
    token: str
    percent: tuple[int, int, str] | None = None  # (line, start, token) of the change printed under the bar


@dataclass(frozen=True)
class Series:
    bars: list[Bar]
    label: str  # what the series is captioned or its first line names
    scale: str | None  # the unit line above it


def find(ctx: Context) -> list[Series]:
    return [s for s in (*_rows(ctx), *_runs(ctx)) if len(s.bars) >= 3]


def _rows(ctx: Context) -> list[Series]:
    """One-row tables of bare amounts without a header or a label ("3,592<TAB>3,960<TAB>..." under a rule)."""
    out = []
    for block in ctx.doc.blocks:
        if len(block.rows) != 1:
            continue
        cells = [c for c in block.rows[0].cells if c]
        if len(cells) < 4 or not all(_VALUE.match(c) for c in cells):
            continue
        spans = token_spans(block.rows[0].text)
        caption = next(iter(ctx.doc.title_above(block.first)), "")
        out.append(Series([Bar(block.first, s, t) for s, _, t in spans], caption, ctx.doc.unit_above(block.first)))
    return out


def _runs(ctx: Context) -> list[Series]:
    """Lines of one bare amount each (the first may carry the series' label: "Revenue 26.4"), each optionally
    followed by its change ("(+6.4%)"), blank lines between; an amount followed by words is a figure of its own
    ("3.0" over "Difference between ...") and ends the run."""
    doc, out = ctx.doc, []
    number = 1
    while number <= len(doc.lines):
        bars, label, n = [], "", number
        while n is not None and n not in doc.table_lines:
            text = doc.text(n).strip()
            spans = token_spans(doc.text(n))
            if len(spans) != 1 or "%" in spans[0][2] or not text.endswith(spans[0][2]):
                break
            words = text[: -len(spans[0][2])].strip()
            if words and (bars or not re.fullmatch(r"[A-Za-z][A-Za-z ]*", words)):
                break
            following, percent = _next(doc, n), None
            if following and _PERCENT_LINE.match(doc.text(following)):
                start, _, token = token_spans(doc.text(following))[-1]
                percent, following = (following, start, token), _next(doc, following)
            elif following and not _bare(doc, following):
                break
            label = label or words
            bars.append(Bar(n, spans[0][0], spans[0][2], percent))
            n = following
        if len(bars) >= 3:
            label = label or next(iter(doc.title_above(bars[0].line)), "")
            out.append(Series(bars, label, doc.unit_above(bars[0].line)))
            number = bars[-1].line + 1
        else:
            number += 1
    return out


def _next(doc, n: int) -> int | None:
    m = n + 1
    while m <= len(doc.lines) and not doc.text(m).strip():
        m += 1
    return m if m <= len(doc.lines) else None


def _bare(doc, n: int) -> bool:
    spans = token_spans(doc.text(n))
    return len(spans) == 1 and doc.text(n).strip() == spans[0][2]


def read(ctx: Context, kept: list[Proposal]) -> tuple[list[Proposal], set[tuple[int, int]]]:
    """Proposals for every series one reading of which the drafted figures confirm, and the figure tokens they
    account for (drafted facts on them are replaced)."""
    facts = [(p, fact(p)) for p in kept]
    out, covered = [], set()
    for series in find(ctx):
        if series.scale is None or not series.scale.startswith("JPY "):
            continue
        readings = []
        for concept in _candidates(ctx, series):
            for end in _ends(ctx):
                verdict = _verify(ctx, series, concept, end, facts)
                if verdict is not None:
                    readings.append((concept, end, verdict))
        if len(readings) != 1:
            continue
        concept, end, (why, scenarios) = readings[0]
        quarters = _quarters(end, len(series.bars))
        change = ctx.vocabulary.derived(concept, "YoYChangeRatio")
        for bar, quarter in zip(series.bars, quarters):
            named = scenarios.get(quarter) or ctx.settle(quarter, None)
            note = (f"chart without period labels {series.label!r}: {len(series.bars)} bars read as the quarters "
                    f"{periods.token(quarters[0])}-{periods.token(quarters[-1])} of {concept}; {why}")
            found = [ctx.proposal(bar.line, bar.start, bar.token, concept, quarter, series.scale, False, 0.85, note,
                                  named, table=True)]
            if bar.percent and change:
                line, start, token = bar.percent
                found.append(ctx.proposal(line, start, token, change, quarter, "percent", token.strip("()").startswith("-"),
                                          0.85, note + "; the change printed under the bar", named, table=True))
            for p in found:
                if isinstance(p, Proposal):
                    out.append(p)
                    covered.add((p.line, p.start))
    return out, covered


def _candidates(ctx: Context, series: Series) -> set[str]:
    """Flows of money the caption names, with the slide title's words."""
    title = re.sub(r"^[\sIVXⅠ-Ⅻ.]*-?\s*\d+\s*\.\s*|\([^)]*\)", " ", ctx.doc.heading(series.bars[0].line))
    label = _SPAN_WORDS.sub(" ", re.sub(r"[()]", " ", series.label))  # "Revenue by quarter": revenues
    found = ctx.vocabulary.containing(label) | ctx.vocabulary.containing(f"{label} {title}")
    return {c for c in found if ctx.concept(c).data_type == "monetary" and not ctx.is_instant(c)
            and ctx.vocabulary.base_of(c) is None and c not in ctx.vocabulary.virtual}


def _ends(ctx: Context) -> list[Period]:
    reporting = ctx.doc.reporting_period
    if reporting is None or ctx.doc.fiscal_year is None:
        return []
    last = periods.quarter_ending(reporting.end)
    year_end = calendar.quarters(ctx.doc.fiscal_year, 4, 4)
    return [q for q in dict.fromkeys((last, year_end)) if q is not None]


def _quarters(end: Period, n: int) -> list[Period]:
    return [calendar.shift(end, -3 * (n - 1 - k)) for k in range(n)]


def _verify(ctx: Context, series: Series, concept: str, end: Period,
            facts: list[tuple[Proposal, Fact]]) -> tuple[str, dict[Period, str]] | None:
    """Why the reading holds (the figures that confirm it) and the scenario of the quarters a confirming target
    covers; None if nothing confirms it or anything contradicts it."""
    quarters = _quarters(end, len(series.bars))
    values = {}
    for bar, quarter in zip(series.bars, quarters):
        figure = figures.parse(bar.token, series.scale)
        values[quarter] = figure.value
    unit = Decimal(10) ** -(figures.parse(series.bars[0].token, series.scale).decimals or 0)
    confirmed, scenarios = [], {}
    yoy = ctx.vocabulary.derived(concept, "YoYChangeRatio")
    qoq = ctx.vocabulary.derived(concept, "QoQChangeRatio")
    for p, f in facts:
        if p.segment != "Consolidated" or f.period.start is None:
            continue
        if p.concept == concept:
            inside = [q for q in quarters if f.period.start <= q.start and q.end <= f.period.end]
            if not inside or inside[0].start != f.period.start or inside[-1].end != f.period.end:
                continue
            tolerance = unit / 2 * len(inside) + Decimal(10) ** -(f.decimals or 0) / 2
            if abs(sum(values[q] for q in inside) - f.value) > tolerance:
                if p.scenario == scenario.ACTUAL:
                    return None
                continue  # the initial target of a year whose bars show the revised one
            confirmed.append(f"{p.period} {p.scenario} = sum of its quarters (line {p.line})")
            if p.scenario != scenario.ACTUAL:
                scenarios.update({q: p.scenario for q in inside if ctx.settle(q, None) != scenario.ACTUAL})
        elif p.concept in (yoy, qoq) and f.period in values:
            back = calendar.shift(f.period, -12 if p.concept == yoy else -3)
            if back not in values or not values[back]:
                continue
            change = values[f.period] / values[back] - 1
            if abs(change - f.value) > Decimal("0.0015"):
                return None
            confirmed.append(f"{p.period} change {f.value:.1%} as printed (line {p.line})")
    if not confirmed:
        return None
    return "; ".join(confirmed), scenarios




"""SVG charts of quarterly series, assembled across every filing of the publication up to a report's filing.

A quarter's figure comes from the latest filing released by then that prints it (consolidated, actual), so the
fy2013q3 report charts quarters printed in 2008 beside its own. Revenues and gross margin (bars, stacked by
service line where a quarter prints every line), operating income (bars) and margin ratios (markers on a percent
axis; a ratio IIJ did not print for a quarter is computed from the printed figures and drawn hollow, and the
chart says so). Bars start at zero, every bar and point carries its value, quarters keep their place in time
(gaps stay gaps), and a chart with fewer than three quarters is not drawn.

The SVG is written here, element by element (bars, markers, lines, grid, labels: nothing a plotting library
is needed for, and drawing a publication's eleven charts takes milliseconds where matplotlib took a second).
Coordinates are floats printed to two decimals and labels come from the Decimals themselves (rounded half up
to one decimal), so the same figures give the same bytes; the SVG holds no words but numbers and period names:
titles, legends and units are the page's text, in the reader's language.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import escape as _escape

from ..model import Fact, Label, Period
from ..publication import FilingFacts, Publication
from ..sources import calendar

MIN_POINTS = 3
_COLORS = ("#1f4e9c", "#7fa7d9", "#e07b24", "#3a9b5c", "#9c9c9c")
_TOTAL_ONLY = "#b8c4d6"
_INK, _GRID, _AXIS = "#222222", "#dddddd", "#555555"
BILLION = Label(en="JPY billion", ja="十億円")
PERCENT = Label(en="% of revenues", ja="売上高比 %")


@dataclass(frozen=True)
class LegendEntry:
    label: Label
    color: str
    hollow: bool = False


@dataclass(frozen=True)
class Chart:
    id: str
    title: Label
    unit: Label
    svg: str  # a standalone <svg> document without XML declaration or DOCTYPE
    legend: tuple[LegendEntry, ...]
    note: Label | None = None


def series(publication: Publication, filing: FilingFacts) -> dict[str, dict[Period, Fact]]:
    """concept -> quarter -> the figure of the latest filing released by `filing`'s release that prints it,
    for quarters ending by the end of `filing`'s period (consolidated actual figures)."""
    found: dict[str, dict[Period, Fact]] = {}
    released = [f for f in publication.filings if f.spec.released <= filing.spec.released]
    for source in sorted(released, key=lambda f: (f.spec.released, f.id)):
        for fact in source.facts:
            if (not fact.dimensions and fact.value is not None and calendar.is_quarter(fact.period)
                    and fact.period.end <= filing.spec.period.end):
                found.setdefault(fact.concept, {})[fact.period] = fact
    return found


def _slot(period: Period) -> int:
    """Quarters in time order, consecutive quarters one apart."""
    year, span = calendar.fiscal_span(period)
    return year * 4 + int(span[0]) - 1


def _ticks(periods: list[Period]) -> list[tuple[str, str]]:
    """`2Q` under each bar, the fiscal year under the first quarter of each year shown: labels of consecutive
    quarters do not overlap."""
    ticks, year = [], None
    for period in periods:
        quarter, _, fiscal = calendar.label(period).partition(" ")
        ticks.append((quarter, "" if fiscal == year else fiscal))
        year = fiscal
    return ticks


def _label(value: Decimal) -> str:
    """One decimal, rounded half up, thousands separated: the figure as a reader would round it."""
    return f"{value.quantize(Decimal('0.1'), ROUND_HALF_UP):,}"


def _nice_step(span: float) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten giving four to eight grid lines over `span`."""
    raw = span / 5 if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


class _Plot:
    """One chart's SVG: quarters along x (one slot per quarter, gaps kept), values along y from `low` to `high`."""

    HEIGHT, TOP, BOTTOM, LEFT, RIGHT = 216.0, 14.0, 36.0, 48.0, 12.0

    def __init__(self, periods: list[Period], low: float, high: float, percent: bool = False) -> None:
        self.slots = [_slot(p) for p in periods]
        self.first = min(self.slots) - 0.7
        count = max(self.slots) + 0.7 - self.first
        self.width = min(792.0, max(432.0, 180.0 + 30.0 * count))
        self.per_slot = (self.width - self.LEFT - self.RIGHT) / count
        self.low, self.high = low, high
        self.parts: list[str] = []
        self._grid(percent)
        for slot, (quarter, year) in zip(self.slots, _ticks(periods)):
            self.text(self.x(slot), self.HEIGHT - self.BOTTOM + 14, quarter, size=10)
            if year:
                self.text(self.x(slot), self.HEIGHT - self.BOTTOM + 27, year, size=10)

    def x(self, slot: float) -> float:
        return self.LEFT + (slot - self.first) * self.per_slot

    def y(self, value: float) -> float:
        inner = self.HEIGHT - self.TOP - self.BOTTOM
        return self.TOP + (self.high - value) / (self.high - self.low) * inner

    def _grid(self, percent: bool) -> None:
        step = _nice_step(self.high - self.low)
        tick = math.ceil(self.low / step - 1e-9) * step
        right = self.width - self.RIGHT
        while tick <= self.high + 1e-9:
            y = self.y(tick)
            self.parts.append(f'<line x1="{self.LEFT:.2f}" y1="{y:.2f}" x2="{right:.2f}" y2="{y:.2f}" '
                              f'stroke="{_GRID}" stroke-width="0.6"/>')
            shown = f"{tick:,.{0 if step >= 1 else 1}f}".replace("-", "−") + ("%" if percent else "")
            self.text(self.LEFT - 5, y + 3.5, "0" + ("%" if percent else "") if abs(tick) < 1e-9 else shown,
                      size=10, anchor="end")
            tick += step
        bottom = self.HEIGHT - self.BOTTOM
        self.parts.append(f'<line x1="{self.LEFT:.2f}" y1="{self.TOP:.2f}" x2="{self.LEFT:.2f}" y2="{bottom:.2f}" '
                          f'stroke="{_AXIS}" stroke-width="0.8"/>')

    def zero_line(self) -> None:
        y = self.y(0.0)
        self.parts.append(f'<line x1="{self.LEFT:.2f}" y1="{y:.2f}" x2="{self.width - self.RIGHT:.2f}" y2="{y:.2f}" '
                          f'stroke="{_AXIS}" stroke-width="0.8"/>')

    def bar(self, slot: int, bottom: float, value: float, color: str) -> None:
        half = 0.3 * self.per_slot
        top, base = sorted((self.y(bottom + value), self.y(bottom)))
        self.parts.append(f'<rect x="{self.x(slot) - half:.2f}" y="{top:.2f}" width="{2 * half:.2f}" '
                          f'height="{base - top:.2f}" fill="{color}"/>')

    def marker(self, slot: int, value: float, color: str, hollow: bool) -> None:
        self.parts.append(f'<circle cx="{self.x(slot):.2f}" cy="{self.y(value):.2f}" r="3.5" '
                          f'fill="{"#ffffff" if hollow else color}" stroke="{color}" stroke-width="1.2"/>')

    def line(self, points: list[tuple[int, float]], color: str) -> None:
        if len(points) > 1:
            path = " ".join(f"{self.x(slot):.2f},{self.y(value):.2f}" for slot, value in points)
            self.parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="1.2"/>')

    def text(self, x: float, y: float, text: str, size: float = 10, color: str = _INK, anchor: str = "middle"
             ) -> None:
        self.parts.append(f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:g}" fill="{color}" '
                          f'text-anchor="{anchor}">{_escape(text, quote=False)}</text>')

    def svg(self) -> str:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width:.0f}" height="{self.HEIGHT:.0f}" '
                f'viewBox="0 0 {self.width:.2f} {self.HEIGHT:.2f}" font-family="DejaVu Sans, Arial, sans-serif">\n'
                + "\n".join(self.parts) + "\n</svg>\n")


_BILLION = Decimal(10) ** 9


def _bars(data: dict[str, dict[Period, Fact]], total: str, lines: tuple[str, ...], labels: dict[str, Label]
          ) -> tuple[str, tuple[LegendEntry, ...]] | None:
    """Bars of `total` per quarter, stacked by `lines` in the quarters that print every one of them."""
    totals = data.get(total, {})
    periods = sorted(totals, key=_slot)
    if len(periods) < MIN_POINTS:
        return None
    amounts = {p: totals[p].value / _BILLION for p in periods}
    heights = [float(v) for v in amounts.values()]
    low, high = min(0.0, *heights), max(0.0, *heights)
    plot = _Plot(periods, low * 1.15, high * 1.15 if high > 0 else 1.0)  # bars from zero, room for the labels
    stacked = [p for p in periods if lines and all(p in data.get(line, {}) for line in lines)]
    plain = [p for p in periods if p not in stacked]
    legend = []
    if plain:
        color = _TOTAL_ONLY if lines else _COLORS[0]
        for p in plain:
            plot.bar(_slot(p), 0.0, float(amounts[p]), color)
        legend.append(LegendEntry(Label(en=labels[total].en + (" (no breakdown printed)" if lines else ""),
                                        ja=labels[total].ja + ("（内訳の記載なし）" if lines else "")), color))
    if stacked:
        top = max(heights)
        bottom = {p: 0.0 for p in stacked}
        for line, color in zip(lines, _COLORS):
            for p in stacked:
                value = data[line][p].value / _BILLION
                plot.bar(_slot(p), bottom[p], float(value), color)
                if abs(float(value)) >= 0.07 * top:  # a label that fits inside its segment
                    plot.text(plot.x(_slot(p)), plot.y(bottom[p] + float(value) / 2) + 3.5, _label(value), size=9,
                              color="#ffffff")
                bottom[p] += float(value)
            legend.append(LegendEntry(labels[line], color))
    for p in periods:  # every bar's value above it (below a loss)
        h = float(amounts[p])
        plot.text(plot.x(_slot(p)), plot.y(h) - 4 if h >= 0 else plot.y(h) + 12, _label(amounts[p]), size=10)
    plot.zero_line()
    return plot.svg(), tuple(legend)


def _ratios(data: dict[str, dict[Period, Fact]], ratios: tuple[tuple[str, str, str], ...], labels: dict[str, Label]
            ) -> tuple[str, tuple[LegendEntry, ...], bool] | None:
    """Each ratio per quarter in percent: printed, else computed from its numerator and denominator (hollow)."""
    drawn = []
    for (ratio, numerator, denominator), color in zip(ratios, _COLORS):
        points: dict[Period, tuple[Decimal, bool]] = {p: (f.value * 100, False) for p, f in data.get(ratio, {}).items()}
        for p, top in data.get(numerator, {}).items():
            bottom = data.get(denominator, {}).get(p)
            if p not in points and bottom is not None and bottom.value:
                points[p] = (top.value / bottom.value * 100, True)
        if len(points) >= MIN_POINTS:
            drawn.append((ratio, color, points))
    if not drawn:
        return None
    periods = sorted({p for _, _, points in drawn for p in points}, key=_slot)
    values = [float(v) for _, _, points in drawn for v, _ in points.values()]
    # a percent axis from zero (below it only for a loss): changes at their true size
    low = min(0, math.floor(min(values) / 10) * 10)
    plot = _Plot(periods, low, max(10, (int(max(values)) // 10 + 1) * 10), percent=True)
    legend = []
    computed_any = False
    for ratio, color, points in drawn:
        ordered = sorted(points.items(), key=lambda item: _slot(item[0]))
        run: list[tuple[int, float]] = []
        for p, (value, computed) in ordered:  # lines join consecutive quarters only: a gap stays a gap
            if run and _slot(p) != run[-1][0] + 1:
                plot.line(run, color)
                run = []
            run.append((_slot(p), float(value)))
        plot.line(run, color)
        for p, (value, computed) in ordered:
            plot.marker(_slot(p), float(value), color, computed)
            plot.text(plot.x(_slot(p)), plot.y(float(value)) - 7, _label(value), size=10, color=color)
            computed_any = computed_any or computed
        legend.append(LegendEntry(labels[ratio], color))
    if low < 0:
        plot.zero_line()
    return plot.svg(), tuple(legend), computed_any


REVENUE_LINES = ("NetworkServicesRevenue", "SystemsIntegrationRevenue", "EquipmentSalesRevenue", "ATMOperationRevenue")
GROSS_MARGIN_LINES = ("GrossProfitNetworkServices", "GrossProfitSystemsIntegration", "GrossProfitEquipmentSales",
                      "GrossProfitATMOperation")
MARGINS = (("GrossMarginRatio", "GrossProfit", "Revenues"),
           ("OperatingIncomeLossToRevenuesRatio", "OperatingIncomeLoss", "Revenues"))
COMPUTED_NOTE = Label(en="Hollow markers: IIJ printed no ratio for that quarter; computed from its printed figures.",
                      ja="白抜きの点：その四半期の比率は記載がなく、記載された数値から計算したもの。")


def quarterly_charts(publication: Publication, filing: FilingFacts) -> list[Chart]:
    """The charts `filing`'s report carries (none where no series reaches three quarters)."""
    data = series(publication, filing)
    concepts = publication.taxonomy.concepts
    labels = {name: (c.labels.get("terse") or c.labels["label"]) for name, c in concepts.items()}
    charts = []
    for chart_id, title, total, lines in (
            ("RevenueChart", Label(en="Quarterly revenues by service line", ja="サービス別四半期売上高"),
             "Revenues", REVENUE_LINES),
            ("GrossMarginChart", Label(en="Quarterly gross margin by service line", ja="サービス別四半期売上総利益"),
             "GrossProfit", GROSS_MARGIN_LINES),
            ("OperatingIncomeChart", Label(en="Quarterly operating income", ja="四半期営業利益"),
             "OperatingIncomeLoss", ())):
        drawn = _bars(data, total, lines, labels)
        if drawn is not None:
            charts.append(Chart(chart_id, title, BILLION, drawn[0], drawn[1]))
    ratios = _ratios(data, MARGINS, labels)
    if ratios is not None:
        svg, legend, computed = ratios
        charts.append(Chart("MarginChart", Label(en="Quarterly margins", ja="四半期利益率"), PERCENT, svg,
                            legend, COMPUTED_NOTE if computed else None))
    return charts

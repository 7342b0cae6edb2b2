"""SVG charts of quarterly series, assembled across every filing of the publication up to a report's filing.

A quarter's figure comes from the latest filing released by then that prints it (consolidated, actual), so the
fy2013q3 report charts quarters printed in 2008 beside its own. Revenues and gross margin (bars, stacked by
service line where a quarter prints every line), operating income (bars) and margin ratios (markers on a percent
axis; a ratio IIJ did not print for a quarter is computed from the printed figures and drawn hollow, and the
chart says so). Bars start at zero, every bar and point carries its value, quarters keep their place in time
(gaps stay gaps), and a chart with fewer than three quarters is not drawn.

Drawn with matplotlib's object API (no pyplot state); the SVG is deterministic (fixed hash salt, no date
metadata) and holds no words but numbers and period names: titles, legends and units are the page's text, in
the reader's language. matplotlib is imported when a chart is drawn, and `draw_ahead` draws a publication's
charts in a forked process while the caller does other work (publish: about a second, half of its time).
"""
from __future__ import annotations

import io
import os
import pickle
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Fact, Label, Period
from ..publication import FilingFacts, Publication
from ..sources import calendar

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MIN_POINTS = 3
_COLORS = ("#1f4e9c", "#7fa7d9", "#e07b24", "#3a9b5c", "#9c9c9c")
_TOTAL_ONLY = "#b8c4d6"
_STYLE = {"svg.hashsalt": "iij-xbrl", "svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 8}
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


def _ticks(periods: list[Period]) -> list[str]:
    """`2Q` under each bar, the fiscal year under the first quarter of each year shown: labels of consecutive
    quarters do not overlap."""
    ticks, year = [], None
    for period in periods:
        quarter, _, fiscal = calendar.label(period).partition(" ")
        ticks.append(quarter if fiscal == year else f"{quarter}\n{fiscal}")
        year = fiscal
    return ticks


def _figure(periods: list[Period]):
    from matplotlib.figure import Figure

    slots = [_slot(p) for p in periods]
    width = min(11.0, max(6.0, 2.5 + 0.42 * (max(slots) - min(slots) + 1)))
    fig = Figure(figsize=(width, 3.0))
    ax = fig.add_subplot()
    ax.set_xticks(slots, _ticks(periods))
    ax.set_xlim(min(slots) - 0.7, max(slots) + 0.7)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def _render(fig: Figure) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg"):]


def _billions(value: Decimal) -> float:
    # Plotting is the one place floats are fine: pixels and rounded labels, not published figures.
    return float(value / Decimal(10) ** 9)


def _bars(data: dict[str, dict[Period, Fact]], total: str, lines: tuple[str, ...], labels: dict[str, Label]
          ) -> tuple[Figure, tuple[LegendEntry, ...]] | None:
    """Bars of `total` per quarter, stacked by `lines` in the quarters that print every one of them."""
    totals = data.get(total, {})
    periods = sorted(totals, key=_slot)
    if len(periods) < MIN_POINTS:
        return None
    fig, ax = _figure(periods)
    stacked = [p for p in periods if lines and all(p in data.get(line, {}) for line in lines)]
    plain = [p for p in periods if p not in stacked]
    legend = []
    heights = [_billions(totals[p].value) for p in periods]
    if plain:
        color = _TOTAL_ONLY if lines else _COLORS[0]
        ax.bar([_slot(p) for p in plain], [_billions(totals[p].value) for p in plain], width=0.6, color=color)
        legend.append(LegendEntry(Label(en=labels[total].en + (" (no breakdown printed)" if lines else ""),
                                        ja=labels[total].ja + ("（内訳の記載なし）" if lines else "")), color))
    if stacked:
        top = max(heights)
        bottom = [0.0] * len(stacked)
        for line, color in zip(lines, _COLORS):
            values = [_billions(data[line][p].value) for p in stacked]
            ax.bar([_slot(p) for p in stacked], values, bottom=bottom, width=0.6, color=color)
            for p, b, v in zip(stacked, bottom, values):
                if abs(v) >= 0.07 * top:
                    ax.text(_slot(p), b + v / 2, f"{v:,.1f}", ha="center", va="center", color="white", fontsize=7)
            bottom = [b + v for b, v in zip(bottom, values)]
            legend.append(LegendEntry(labels[line], color))
    low, high = min(0.0, *heights), max(0.0, *heights)
    for p, h in zip(periods, heights):
        ax.text(_slot(p), h, f"{h:,.1f}", ha="center", va="bottom" if h >= 0 else "top", fontsize=7.5)
    ax.set_ylim(low * 1.15, high * 1.15 if high > 0 else 1)  # bars from zero, room for the labels
    ax.axhline(0, color="#555555", linewidth=0.8)
    return fig, tuple(legend)


def _join(ax, run: list[tuple[int, float]], color: str) -> None:
    if len(run) > 1:
        ax.plot(*zip(*run), color=color, linewidth=1.2)


def _ratios(data: dict[str, dict[Period, Fact]], ratios: tuple[tuple[str, str, str], ...], labels: dict[str, Label]
            ) -> tuple[Figure, tuple[LegendEntry, ...], bool] | None:
    """Each ratio per quarter in percent: printed, else computed from its numerator and denominator (hollow)."""
    drawn = []
    for (ratio, numerator, denominator), color in zip(ratios, _COLORS):
        points: dict[Period, tuple[float, bool]] = {p: (float(f.value * 100), False) for p, f in data.get(ratio, {}).items()}
        for p, top in data.get(numerator, {}).items():
            bottom = data.get(denominator, {}).get(p)
            if p not in points and bottom is not None and bottom.value:
                points[p] = (float(top.value / bottom.value * 100), True)
        if len(points) >= MIN_POINTS:
            drawn.append((ratio, color, points))
    if not drawn:
        return None
    periods = sorted({p for _, _, points in drawn for p in points}, key=_slot)
    fig, ax = _figure(periods)
    legend = []
    computed_any = False
    for ratio, color, points in drawn:
        ordered = sorted(points.items(), key=lambda item: _slot(item[0]))
        run: list[tuple[int, float]] = []
        for p, (value, computed) in ordered:  # lines join consecutive quarters only: a gap stays a gap
            if run and _slot(p) != run[-1][0] + 1:
                _join(ax, run, color)
                run = []
            run.append((_slot(p), value))
            ax.plot([_slot(p)], [value], marker="o", markersize=5, color=color,
                    markerfacecolor="white" if computed else color)
            ax.annotate(f"{value:.1f}", (_slot(p), value), textcoords="offset points", xytext=(0, 6),
                        ha="center", fontsize=7.5, color=color)
            computed_any = computed_any or computed
        _join(ax, run, color)
        legend.append(LegendEntry(labels[ratio], color))
    top = max(v for _, _, points in drawn for v, _ in points.values())
    ax.set_ylim(0, max(10, (int(top) // 10 + 1) * 10))  # a percent axis from zero: changes at their true size
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:.0f}%"))
    return fig, tuple(legend), computed_any


REVENUE_LINES = ("NetworkServicesRevenue", "SystemsIntegrationRevenue", "EquipmentSalesRevenue", "ATMOperationRevenue")
GROSS_MARGIN_LINES = ("GrossProfitNetworkServices", "GrossProfitSystemsIntegration", "GrossProfitEquipmentSales",
                      "GrossProfitATMOperation")
MARGINS = (("GrossMarginRatio", "GrossProfit", "Revenues"),
           ("OperatingIncomeLossToRevenuesRatio", "OperatingIncomeLoss", "Revenues"))
COMPUTED_NOTE = Label(en="Hollow markers: IIJ printed no ratio for that quarter; computed from its printed figures.",
                      ja="白抜きの点：その四半期の比率は記載がなく、記載された数値から計算したもの。")


def quarterly_charts(publication: Publication, filing: FilingFacts) -> list[Chart]:
    """The charts `filing`'s report carries (none where no series reaches three quarters)."""
    drawn = _drawn_ahead(publication)
    if drawn is not None and filing.id in drawn:
        return drawn[filing.id]
    import matplotlib

    matplotlib.use("svg")  # never pick an interactive backend on a headless CI box
    data = series(publication, filing)
    concepts = publication.taxonomy.concepts
    labels = {name: (c.labels.get("terse") or c.labels["label"]) for name, c in concepts.items()}
    charts = []
    with matplotlib.rc_context(_STYLE):
        for chart_id, title, total, lines in (
                ("RevenueChart", Label(en="Quarterly revenues by service line", ja="サービス別四半期売上高"),
                 "Revenues", REVENUE_LINES),
                ("GrossMarginChart", Label(en="Quarterly gross margin by service line", ja="サービス別四半期売上総利益"),
                 "GrossProfit", GROSS_MARGIN_LINES),
                ("OperatingIncomeChart", Label(en="Quarterly operating income", ja="四半期営業利益"),
                 "OperatingIncomeLoss", ())):
            drawn = _bars(data, total, lines, labels)
            if drawn is not None:
                charts.append(Chart(chart_id, title, BILLION, _render(drawn[0]), drawn[1]))
        ratios = _ratios(data, MARGINS, labels)
        if ratios is not None:
            fig, legend, computed = ratios
            charts.append(Chart("MarginChart", Label(en="Quarterly margins", ja="四半期利益率"), PERCENT, _render(fig),
                                legend, COMPUTED_NOTE if computed else None))
    return charts


_ahead: dict[str, object] = {}  # "publication", "pid", "fd" of the process drawing ahead; "charts" once read


def draw_ahead(publication: Publication) -> None:
    """Start drawing every filing's charts of `publication` in a forked process; quarterly_charts takes them
    from there (the same charts: the same code on the same data). Where fork is missing or fails, or the process
    fails, quarterly_charts draws them itself."""
    _drawn_ahead(None)  # collect an earlier one
    if not hasattr(os, "fork"):
        return
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return
    if pid == 0:  # the child: draw, send, leave without running the parent's exit handlers
        status = 1
        try:
            os.close(read)
            data = pickle.dumps({f.id: quarterly_charts(publication, f) for f in publication.filings})
            with os.fdopen(write, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    _ahead.update(publication=publication, pid=pid, fd=read)


def _drawn_ahead(publication: Publication | None) -> dict[str, list[Chart]] | None:
    """The charts drawn ahead for `publication` (waiting for them), or None."""
    if "fd" in _ahead:
        with os.fdopen(_ahead.pop("fd"), "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(_ahead.pop("pid"), 0)
        try:
            _ahead["charts"] = pickle.loads(data) if os.waitstatus_to_exitcode(status) == 0 else None
        except (pickle.UnpicklingError, EOFError):
            _ahead["charts"] = None
    if publication is None or _ahead.get("publication") is not publication:
        if publication is None:
            _ahead.clear()
        return None
    return _ahead.get("charts")  # type: ignore[return-value]

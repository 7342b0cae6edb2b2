"""Static SVG charts of a filing's quarterly series, as the results presentations draw them.

Revenue by service line (stacked bars), gross margin by service line (grouped bars) and gross margin
ratios (lines). Drawn with matplotlib's object API (no pyplot global state); the SVG is deterministic:
fixed hash salt, no date metadata, text kept as text in a font every system has a fallback for.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

import matplotlib

matplotlib.use("svg")  # never pick an interactive backend on a headless CI box

from matplotlib.figure import Figure  # noqa: E402

from ..model import Fact, Filing, Label  # noqa: E402
from ..sources import calendar  # noqa: E402

REVENUE_LINES = ("NetworkServicesRevenue", "ConnectivityAndOutsourcingServicesRevenue", "SystemsIntegrationRevenue",
                 "EquipmentSalesRevenue", "ATMOperationRevenue")
GROSS_MARGIN_LINES = ("GrossProfitNetworkServices", "GrossProfitSystemsIntegration", "GrossProfitEquipmentSales",
                      "GrossProfitATMOperation")
GROSS_MARGIN_RATIO_LINES = ("GrossMarginRatio", "GrossMarginRatioNetworkServices",
                            "GrossMarginRatioSystemsIntegration", "GrossMarginRatioEquipmentSales",
                            "GrossMarginRatioATMOperation")
_COLORS = ("#1f4e9c", "#7fa7d9", "#e07b24", "#9c9c9c", "#3a9b5c")
_STYLE = {
    "svg.hashsalt": "iij-xbrl",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 8,
}


@dataclass(frozen=True)
class Chart:
    id: str
    title: Label
    svg: str  # a standalone <svg> document without XML declaration or DOCTYPE


def _series(facts: list[Fact], concepts: tuple[str, ...]) -> tuple[list, dict[str, dict]]:
    """Quarter periods in order and concept -> {period: value} for the consolidated actual quarterly facts."""
    by_concept: dict[str, dict] = {}
    for fact in facts:
        if fact.concept in concepts and not fact.dimensions and fact.value is not None and calendar.is_quarter(fact.period):
            by_concept.setdefault(fact.concept, {})[fact.period] = fact.value
    periods = sorted({p for values in by_concept.values() for p in values}, key=lambda p: p.start)
    return periods, {c: by_concept[c] for c in concepts if c in by_concept}


def _label(concepts: dict, name: str) -> str:
    concept = concepts.get(name)
    if concept is None:
        return name
    return (concept.labels.get("terse") or concept.labels["label"]).en


def _render(fig: Figure) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg"):]


def _figure(periods: list, ylabel: str):
    fig = Figure(figsize=(7.5, 3.2))
    ax = fig.add_subplot()
    ax.set_ylabel(ylabel)
    ax.set_xticks(range(len(periods)), [calendar.label(p).replace(" FY", "\nFY") for p in periods])
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def _billions(value: Decimal) -> float:
    # Plotting is the one place floats are fine: pixels, not published figures.
    return float(value / Decimal(10) ** 9)


def _stacked(periods, series, concepts) -> Figure:
    fig, ax = _figure(periods, "JPY billion")
    bottom = [0.0] * len(periods)
    for (name, values), color in zip(series.items(), _COLORS):
        heights = [_billions(values[p]) if p in values else 0.0 for p in periods]
        ax.bar(range(len(periods)), heights, bottom=bottom, color=color, label=_label(concepts, name), width=0.6)
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


def _grouped(periods, series, concepts) -> Figure:
    fig, ax = _figure(periods, "JPY billion")
    width = 0.8 / max(len(series), 1)
    for i, ((name, values), color) in enumerate(zip(series.items(), _COLORS)):
        xs = [j - 0.4 + width * (i + 0.5) for j, p in enumerate(periods) if p in values]
        ax.bar(xs, [_billions(values[p]) for p in periods if p in values], width=width, color=color,
               label=_label(concepts, name))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


def _lines(periods, series, concepts) -> Figure:
    fig, ax = _figure(periods, "%")
    for (name, values), color in zip(series.items(), _COLORS):
        points = [(j, float(values[p] * 100)) for j, p in enumerate(periods) if p in values]
        ax.plot([x for x, _ in points], [y for _, y in points], marker="o", color=color, label=_label(concepts, name))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return fig


_CHARTS = (
    ("RevenueByServiceLine", Label(en="Quarterly revenues by service line", ja="サービス別四半期売上高"),
     REVENUE_LINES, _stacked),
    ("GrossMarginByServiceLine", Label(en="Quarterly gross margin by service line", ja="サービス別四半期売上総利益"),
     GROSS_MARGIN_LINES, _grouped),
    ("GrossMarginRatioByServiceLine", Label(en="Quarterly gross margin ratio by service line",
                                            ja="サービス別四半期売上総利益率"), GROSS_MARGIN_RATIO_LINES, _lines),
)


def quarterly_charts(filing: Filing, concepts: dict) -> list[Chart]:
    """The charts this filing has quarterly data for (none when it reports no quarters)."""
    charts = []
    with matplotlib.rc_context(_STYLE):
        for chart_id, title, lines, draw in _CHARTS:
            periods, series = _series(filing.facts, lines)
            if len(periods) < 2:  # a single quarter is no series
                continue
            charts.append(Chart(chart_id, title, _render(draw(periods, series, concepts))))
    return charts

"""Cross-check drafted table figures with the taxonomy's calculations.

Within one table and one period (scenario, segment), a total whose items are all drafted must equal their
weighted sum within rounding. A total that foots raises the confidence of its figures; one that foots only
when a single item's sign is flipped (a payment printed positive in a reconciliation) gets that item's
sign flipped, and says so; one that does not foot is flagged in every figure's `why`.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from . import signs
from .context import Context
from .proposal import Proposal


def _value(p: Proposal) -> Decimal:
    return signs.value(p.text, p.unit, p.negate)


def _tolerance(group: list[Proposal]) -> Decimal:
    """Rounding of printed figures: one unit of the coarsest printed place per figure involved."""
    from iij_xbrl.sources import figures

    places = [figures.parse(p.text, p.unit).decimals for p in group]
    coarsest = min(places)
    return Decimal(len(group)) * Decimal(10) ** -coarsest


def check(ctx: Context, proposals: list[Proposal]) -> list[Proposal]:
    block_of = {row.number: i for i, block in enumerate(ctx.doc.blocks) for row in block.rows}
    groups: dict[tuple, dict[str, int]] = {}
    for i, p in enumerate(proposals):
        if p.line in block_of and p.unit.startswith("JPY"):
            key = (block_of[p.line], p.period, p.scenario, p.segment, p.unit)
            groups.setdefault(key, {}).setdefault(p.concept, i)
    out = list(proposals)
    for members in groups.values():
        for total, items in ctx.calculations:
            if total not in members or not all(item in members for item, _ in items):
                continue
            indexes = [members[item] for item, _ in items]
            group = [out[members[total]]] + [out[i] for i in indexes]
            tolerance = _tolerance(group)
            expected = _value(out[members[total]])

            def foots(flipped: int | None = None) -> bool:
                total_ = sum((-1 if n == flipped else 1) * weight * _value(out[i])
                             for n, (i, (_, weight)) in enumerate(zip(indexes, items)))
                return abs(total_ - (-expected if flipped == -1 else expected)) <= tolerance

            names = f"{total} = {' + '.join(item if w > 0 else '-' + item for item, w in items)}"
            if foots():
                for i in [members[total], *indexes]:
                    out[i] = replace(out[i], confidence=min(1.0, out[i].confidence + 0.05),
                                     why=out[i].why + f"; foots: {names}")
                continue
            flips = [n for n in [-1, *range(len(indexes))] if foots(n)]
            if len(flips) == 1:
                i = members[total] if flips[0] == -1 else indexes[flips[0]]
                flipped = not out[i].negate
                out[i] = replace(out[i], negate=flipped,
                                 basis=("negate", f"drafted: {names} foots only with this sign") if flipped else None,
                                 why=out[i].why + f"; sign flipped: {names} foots only so")
                continue
            for i in [members[total], *indexes]:
                out[i] = replace(out[i], confidence=out[i].confidence - 0.05,
                                 why=out[i].why + f"; does not foot: {names}")
    return out

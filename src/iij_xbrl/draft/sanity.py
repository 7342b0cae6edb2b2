"""Checks of the drafted figures against each other, before anything reaches the sheet.

- One fact printed twice must agree within rounding (the publisher's duplicate rule, `dedupe.agree`): when
  readings of one fact disagree, the reading the most trustworthy lines agree on stays (tables count more
  than prose) and the others go to review naming the line they contradict; with no clear winner all go.
- A flow of a quarter cannot be a small fraction of its half year, nor exceed it: "2Q12 revenue: JPY1.4
  billion" read as total revenues beside 1H12 revenues of JPY51.1 billion is a misread subject.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iij_xbrl.model import Fact
from iij_xbrl.sources import dedupe

from .context import Context
from .facts import fact as _fact
from .proposal import Pending, Proposal


@dataclass
class _Reading:
    proposal: Proposal
    fact: Fact
    weight: float


def check(ctx: Context, proposals: list[Proposal]) -> tuple[list[Proposal], list[Pending]]:
    table_lines = set(ctx.doc.table_lines)
    readings = [_Reading(p, _fact(p), p.confidence * (2 if p.line in table_lines else 1)) for p in proposals]
    rejected: dict[int, str] = dict(_implausible(ctx, readings, {}))
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(readings):
        if i not in rejected:
            groups.setdefault(r.proposal.key, []).append(i)
    for members in groups.values():
        clusters: list[list[int]] = []
        for i in members:
            for cluster in clusters:
                if all(dedupe.agree(readings[i].fact, readings[j].fact) for j in cluster):
                    cluster.append(i)
                    break
            else:
                clusters.append([i])
        if len(clusters) < 2:
            continue
        weights = sorted(((sum(readings[i].weight for i in c), c) for c in clusters), key=lambda w: -w[0])
        best_weight, best = weights[0]
        clear = best_weight >= 1.5 * weights[1][0]
        witness = readings[best[0]].proposal
        for weight, cluster in weights[0 if not clear else 1:]:
            for i in cluster:
                p = readings[i].proposal
                other = witness if i not in best else readings[weights[1][1][0]].proposal
                rejected[i] = (f"{p.concept} {p.period} reads {readings[i].fact.value}, line {other.line} prints "
                               f"{_fact(other).value}" + ("" if clear else ": no reading prevails"))
    kept = [r.proposal for i, r in enumerate(readings) if i not in rejected]
    left = [Pending(readings[i].proposal.line, readings[i].proposal.start, readings[i].proposal.token, reason,
                    (f"{readings[i].proposal.concept} {readings[i].proposal.period}",))
            for i, reason in sorted(rejected.items())]
    return kept, left


def _implausible(ctx: Context, readings: list[_Reading], rejected: dict[int, str]) -> dict[int, str]:
    """Flows of a sub-period far out of proportion with the enclosing period of the same concept."""
    found: dict[int, str] = {}
    by_concept: dict[tuple, list[int]] = {}
    for i, r in enumerate(readings):
        p = r.proposal
        if i in rejected or ctx.concept(p.concept).data_type != "monetary" or ctx.is_instant(p.concept):
            continue
        if ctx.concept(p.concept).balance is None:  # changes and movements may be any size
            continue
        by_concept.setdefault((p.concept, p.scenario, p.segment), []).append(i)
    for members in by_concept.values():
        for i in members:
            for j in members:
                a, b = readings[i].fact, readings[j].fact
                if not (b.period.start <= a.period.start and a.period.end <= b.period.end and a.period != b.period):
                    continue
                if a.value <= 0 or b.value <= 0:
                    continue
                share = Decimal((a.period.end - a.period.start).days + 1) / ((b.period.end - b.period.start).days + 1)
                ratio = a.value / b.value
                if share / 5 <= ratio <= Decimal("1.05"):
                    continue
                weaker = i if readings[i].weight <= readings[j].weight else j
                other = j if weaker == i else i
                found[weaker] = (f"{readings[weaker].proposal.concept} {readings[weaker].proposal.period} = "
                                 f"{readings[weaker].fact.value} is out of proportion with "
                                 f"{readings[other].proposal.period} = {readings[other].fact.value} (line {readings[other].proposal.line})")
    return found

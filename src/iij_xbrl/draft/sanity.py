"""Checks of the drafted figures against each other, before anything reaches the sheet.

- One fact printed twice must agree within rounding (the publisher's duplicate rule, `dedupe.agree`): when
  readings of one fact disagree, the reading the most trustworthy lines agree on stays (tables count more
  than prose) and the others go to review naming the line they contradict; with no clear winner all go.
- A flow of a quarter cannot be a small fraction of its half year, nor exceed it: "2Q12 revenue: JPY1.4
  billion" read as total revenues beside 1H12 revenues of JPY51.1 billion is a misread subject. Only amounts
  (the `positive` sign convention) are compared: a change, an income or a net cash flow may turn negative in
  one quarter. Only prose is judged: two table rows of one label are both right, however lumpy the item
  (refunds of deposits, repayments of borrowings).
- A slide that prints no period has its figures dated by the reporting period. When one of them is a movement
  of a balance ("Increase in accounts receivable of JPY1,185 million") running against the balance sheet's own
  change over that period (accounts receivable fell JPY2,274 million), the slide speaks of another period: every
  figure it dates only so goes to review.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from iij_xbrl.model import Fact
from iij_xbrl.sources import dedupe
from iij_xbrl.taxonomy import signs as conventions

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
    rejected.update(_refuted_default(ctx, readings, rejected))
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(readings):
        if i not in rejected:
            groups.setdefault(r.proposal.key, []).append(i)
    for members in groups.values():
        clusters: list[list[int]] = []
        for i in members:
            for cluster in clusters:
                if all(_agree(readings[i].fact, readings[j].fact) for j in cluster):
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
    """Prose flows of a sub-period far out of proportion with the enclosing period of the same concept."""
    table_lines = set(ctx.doc.table_lines)
    found: dict[int, str] = {}
    by_concept: dict[tuple, list[int]] = {}
    for i, r in enumerate(readings):
        p = r.proposal
        if i in rejected or ctx.concept(p.concept).data_type != "monetary" or ctx.is_instant(p.concept):
            continue
        if ctx.concept(p.concept).sign != conventions.POSITIVE:  # changes and movements may be any size
            continue
        by_concept.setdefault((p.concept, p.scenario, p.segment), []).append(i)
    for members in by_concept.values():
        alive = [i for i in members if readings[i].fact.value > 0]
        while True:
            # each reading against the readings of periods nested with its own: lines in proportion with it
            # and lines out of proportion; the reading most outvoted goes, until none is outvoted
            votes = {i: _votes(readings, i, alive, table_lines) for i in alive}
            score = {i: len(bad) - len(good) for i, (good, bad) in votes.items() if bad}
            if not score:
                break
            worst = max(score.values())
            losers = [i for i, v in score.items() if v == worst]
            for i in losers:
                other = next(j for j in alive if readings[j].proposal.line in votes[i][1] and j != i)
                found[i] = (f"{readings[i].proposal.concept} {readings[i].proposal.period} = {readings[i].fact.value}"
                            f" is out of proportion with {readings[other].proposal.period} = "
                            f"{readings[other].fact.value} (line {readings[other].proposal.line})"
                            + ("" if worst > 0 else ": no reading prevails"))
            alive = [i for i in alive if i not in losers]
    return found


# the movement of a balance concept is named after it (IncreaseDecreaseInAccountsReceivable: AccountsReceivable)
_MOVEMENT = "IncreaseDecreaseIn"
_DEFAULT_DATE = re.compile(r"\bperiod reporting period\b")


def _refuted_default(ctx: Context, readings: list[_Reading], rejected: dict[int, str]) -> dict[int, str]:
    """Prose figures dated only by the reporting period, on a slide where a movement of a balance contradicts
    the balance sheet's change over the reporting period (the opposite direction)."""
    balances = {(r.fact.concept, r.fact.period.end): r for i, r in enumerate(readings)
                if i not in rejected and r.fact.period.is_instant and not r.fact.dimensions}
    defaulted = [i for i, r in enumerate(readings)
                 if i not in rejected and not r.proposal.table and _DEFAULT_DATE.search(r.proposal.why)]
    found: dict[int, str] = {}
    for i in defaulted:
        r = readings[i]
        balance, period = r.fact.concept.removeprefix(_MOVEMENT), r.fact.period
        if balance == r.fact.concept or period.is_instant or r.fact.dimensions:
            continue
        opening = balances.get((balance, period.start - timedelta(days=1)))
        closing = balances.get((balance, period.end))
        if opening is None or closing is None or (closing.fact.value - opening.fact.value) * r.fact.value >= 0:
            continue
        section = ctx.doc.heading(r.proposal.line)
        reason = (f"the slide prints no period, and not {r.proposal.period}: {r.proposal.text!r} (line {r.proposal.line},"
                  f" {r.fact.concept}) runs against {balance} {opening.proposal.text!r} to {closing.proposal.text!r}"
                  f" over {r.proposal.period} (line {' and '.join(dict.fromkeys(str(x.proposal.line) for x in (opening, closing)))})")
        for j in defaulted:
            if j not in found and ctx.doc.heading(readings[j].proposal.line) == section:
                found[j] = reason
    return found


def _votes(readings: list[_Reading], i: int, alive: list[int], table_lines: set[int]) -> tuple[set[int], set[int]]:
    """Lines of the readings nested with reading i (one period inside the other) that are in proportion with
    it (a quarter between a fifth of and all of its half year, say), and those that are not. A table reading
    is not judged: a sentence's figure may well be a part or a subsidiary, and table rows of one label are
    that label's figures."""
    good, bad = set(), set()
    a = readings[i].fact
    if readings[i].proposal.line in table_lines:
        return good, bad
    for j in alive:
        b = readings[j].fact
        if j == i or a.period == b.period:
            continue
        inner, outer = (a, b) if b.period.start <= a.period.start and a.period.end <= b.period.end else (b, a)
        if not (outer.period.start <= inner.period.start and inner.period.end <= outer.period.end):
            continue
        share = Decimal((inner.period.end - inner.period.start).days + 1) / ((outer.period.end - outer.period.start).days + 1)
        (good if share / 5 <= inner.value / outer.value <= Decimal("1.05") else bad).add(readings[j].proposal.line)
    return good, bad


def _agree(a: Fact, b: Fact) -> bool:
    """The duplicate rule, or one unit of the coarser place apart: IIJ adjusts a rounded figure by one unit
    so that its rows add up (1,055,254 thousand printed 1,056 million); the publisher reports such prints."""
    if dedupe.agree(a, b) or a.decimals is None or b.decimals is None:
        return dedupe.agree(a, b)
    return abs(a.value - b.value) <= Decimal(1).scaleb(-min(a.decimals, b.decimals))

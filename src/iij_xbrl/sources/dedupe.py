"""Duplicate policy within a filing.

Facts with the same concept, period, dimensions and unit describe one figure. The most precise of them
(highest decimals, INF above all; ties: first by document, then line) is the one emitted. Every other fact
of the group either agrees with it within rounding and is dropped silently, or conflicts: then it stays
out of the instance and is returned as a `Conflict` naming both source lines, for the validators to report.

"Within rounding" means the two values differ by less than one unit in the last printed place of the
coarser one. IIJ's summary tables in millions are not plain roundings of the thousands in its statements:
they truncate some lines and adjust others by one unit so that the printed rows add up (641,780 thousand
is printed 641 million; 1,339,001 thousand 1,340 million), so a half-unit test would report these
presentation artefacts as conflicts. A difference of a whole unit or more (2,488 vs 2,448,207 thousand)
is a conflict.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from iij_xbrl.model import Fact


@dataclass(frozen=True)
class Conflict:
    kept: Fact
    dropped: Fact


def agree(a: Fact, b: Fact) -> bool:
    """Less than one unit of the coarser printed place apart (exact values must be equal)."""
    if a.value is None or b.value is None:
        return a.value is b.value
    coarse = [d for d in (a.decimals, b.decimals) if d is not None]
    if not coarse:
        return a.value == b.value
    return abs(a.value - b.value) < Decimal(1).scaleb(-min(coarse))


def _most_precise_first(fact: Fact) -> tuple:
    """Sort key: exact (INF) facts first, then by decimals descending; ties by document and line."""
    exact = fact.decimals is None
    return (not exact, 0 if exact else -fact.decimals, fact.provenance.document, fact.provenance.line)


def dedupe(facts: list[Fact]) -> tuple[list[Fact], list[Conflict]]:
    """One fact per key, in the order keys first appear; conflicts beyond rounding kept out and reported."""
    groups: dict[tuple, list[Fact]] = {}
    for fact in facts:
        groups.setdefault(fact.key, []).append(fact)
    kept: list[Fact] = []
    conflicts: list[Conflict] = []
    for group in groups.values():
        ordered = sorted(group, key=_most_precise_first)
        winner = ordered[0]
        kept.append(winner)
        conflicts.extend(Conflict(winner, other) for other in ordered[1:] if not agree(winner, other))
    return kept, conflicts

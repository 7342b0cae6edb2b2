"""`draft --against`: a draft beside a curated sheet of the same document.

A curated fact is matched by a drafted fact with the same line, concept, period, dimensions and value
(sign included); recall counts those; `located` counts those whose line, period and value are drafted
under any concept. A drafted fact is correct when a curated fact anywhere in the sheet
has the same concept, period, dimensions and value; precision counts those. Everything else is listed: a
different reading of the same printed figure (line and text equal), a curated fact the draft misses, a
drafted fact the curated sheet does not have.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from iij_xbrl.model import Fact


def _key(f: Fact) -> tuple:
    return (f.concept, f.period, tuple(sorted(f.dimensions.items())), f.value)


@dataclass
class Comparison:
    curated: int
    drafted: int
    reproduced: int
    correct: int
    located: int = 0  # curated facts whose printed figure is drafted with the same period and value (any concept)
    misses: list[Fact] = field(default_factory=list)
    wrong: list[Fact] = field(default_factory=list)
    differences: list[tuple[Fact, Fact]] = field(default_factory=list)  # (curated, drafted) same printed figure

    @property
    def recall(self) -> float:
        return self.reproduced / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.drafted if self.drafted else 1.0


def compare(curated: list[Fact], drafted: list[Fact]) -> Comparison:
    drafted_at = Counter((f.provenance.line,) + _key(f) for f in drafted)
    curated_keys = {_key(f) for f in curated}
    reproduced, misses = 0, []
    for f in curated:
        k = (f.provenance.line,) + _key(f)
        if drafted_at[k] > 0:
            drafted_at[k] -= 1
            reproduced += 1
        else:
            misses.append(f)
    wrong = [f for f in drafted if _key(f) not in curated_keys]
    placed = Counter((f.provenance.line, f.period, f.value) for f in drafted)
    located = 0
    for f in curated:
        k = (f.provenance.line, f.period, f.value)
        if placed[k] > 0:
            placed[k] -= 1
            located += 1
    by_place = {}
    for f in wrong:
        by_place.setdefault((f.provenance.line,), []).append(f)
    differences = []
    for m in misses:
        for w in by_place.get((m.provenance.line,), []):
            if w.value is not None and m.value is not None and abs(w.value) == abs(m.value):
                differences.append((m, w))
    return Comparison(len(curated), len(drafted), reproduced, len(drafted) - len(wrong), located, misses, wrong,
                      differences)


def _fact(f: Fact) -> str:
    dims = "".join(f" {m.removesuffix('Member')}" for _, m in sorted(f.dimensions.items()))
    return f"line {f.provenance.line} {f.provenance.text!r}: {f.concept} {f.period}{dims} = {f.value}"


def report(c: Comparison) -> str:
    lines = [f"recall {c.reproduced}/{c.curated} = {c.recall:.1%}; precision {c.correct}/{c.drafted} = {c.precision:.1%}; "
             f"period and amount right {c.located}/{c.curated} = {c.located / c.curated if c.curated else 1:.1%}"]
    paired = {id(m) for m, _ in c.differences} | {id(w) for _, w in c.differences}
    if c.differences:
        lines.append("differences (same printed figure, another reading):")
        lines.extend(f"  curated {_fact(m)}\n  drafted {_fact(w)}" for m, w in c.differences)
    lines.append("misses (curated, not drafted):")
    lines.extend(f"  {_fact(f)}" for f in c.misses if id(f) not in paired)
    lines.append("not in the curated sheet (drafted):")
    lines.extend(f"  {_fact(f)}" for f in c.wrong if id(f) not in paired)
    return "\n".join(lines)

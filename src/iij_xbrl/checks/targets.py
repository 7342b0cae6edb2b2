"""iij:target-revision — initial and revised targets told apart (info).

A target printed twice with the same scenario is one figure and falls under iij:duplicate. Where both an
initial and a revised target of one concept, period, dimensions and unit were printed (in any filing), one
info finding lists the revision, initial -> revised, citing both.
"""
from __future__ import annotations

from typing import Iterator

from iij_xbrl.publication import FilingFacts
from iij_xbrl.model import Fact
from iij_xbrl.taxonomy import names

from ..xbrl.findings import Finding
from .facts import SCENARIO, dims_of, finding, where, without
from ..xbrl.decimals import canonical as num

INITIAL, REVISED = names.INITIAL_TARGET, names.REVISED_TARGET


def check(filings: list[FilingFacts]) -> Iterator[Finding]:
    initial: dict[tuple, tuple[str, Fact]] = {}
    for ff in filings:
        for f in ff.facts:
            if f.dimensions.get(SCENARIO) == INITIAL and f.value is not None:
                initial.setdefault((f.concept, f.period, without(dims_of(f), SCENARIO), f.unit), (ff.id, f))
    for ff in filings:
        for new in ff.facts:
            if new.dimensions.get(SCENARIO) != REVISED or new.value is None:
                continue
            found = initial.get((new.concept, new.period, without(dims_of(new), SCENARIO), new.unit))
            if found is None:
                continue
            old = found[1]
            change = new.value - old.value
            yield finding("iij:target-revision", "info", ff,
                          f"{new.concept} target {new.period} revised from {num(old.value)} ({where(old)}) to "
                          f"{num(new.value)} ({where(new)})" + ("" if change else ", unchanged"),
                          [old, new], values={"initial": num(old.value), "revised": num(new.value),
                                              "change": num(change)}, accused=new)

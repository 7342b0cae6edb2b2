"""The publication: the project's sources loaded once, de-duplicated once and checked once.

    sources/ + taxonomy/src/  ->  Publication  ->  emitters (out/), checks (findings), export (database)

Per filing it holds every print (each fact of its documents' sheets, with provenance), the de-duplicated facts
its instance holds (the duplicate policy of `sources.dedupe`, applied here and nowhere else) and the prints
left out because they conflict. Everything downstream reads this object; nothing re-reads the sources.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, Sequence

from .model import Fact, Filing, FilingSpec, Period
from .paths import Project
from .sources import dedupe
from .taxonomy.source import Taxonomy
from .xbrl.findings import Finding
from .xbrl.xmlsafe import read_regular

Dims = tuple[tuple[str, str], ...]


@dataclass(frozen=True, eq=False)
class FilingFacts:
    """One filing: its spec, every print, the facts its instance holds, the conflicting prints left out."""

    spec: FilingSpec
    prints: tuple[Fact, ...]  # every fact of the filing's sheets, in document and sheet order
    facts: tuple[Fact, ...]  # one per figure (concept, period, dimensions, unit): the most precise print
    conflicts: tuple[dedupe.Conflict, ...]  # prints beyond rounding of the kept one, left out of the instance

    @classmethod
    def of(cls, spec: FilingSpec, prints: Sequence[Fact]) -> FilingFacts:
        kept, conflicts = dedupe.dedupe(list(prints))
        return cls(spec, tuple(prints), tuple(kept), tuple(conflicts))

    @property
    def id(self) -> str:
        return self.spec.id

    @cached_property
    def by_key(self) -> dict[tuple, Fact]:
        return {f.key: f for f in self.facts}

    @cached_property
    def _held(self) -> frozenset[int]:
        return frozenset(map(id, self.facts))

    def get(self, concept: str, period: Period, dims: Dims, unit: str | None) -> Fact | None:
        """The instance's fact of a figure, or None."""
        return self.by_key.get((concept, period, dims, unit))

    def holds(self, fact: Fact) -> bool:
        """Whether this very print is the one the instance holds (not an agreeing or conflicting duplicate)."""
        return id(fact) in self._held

    @cached_property
    def instance(self) -> Filing:
        """The spec with the instance's facts: what the per-filing emitters write."""
        return self.spec.with_facts(list(self.facts))


class Restatement(NamedTuple):
    earlier: FilingFacts
    old: Fact  # the earlier filing's instance fact
    later: FilingFacts
    new: Fact  # the later filing's instance fact of the same figure, beyond rounding of `old`


def restatements(filings: Sequence[FilingFacts]) -> list[Restatement]:
    """Figures a filing prints differently from the last filing released before it that printed them.

    Filings in release order (ties by id); compared are the facts the instances hold. "Differently" is the
    duplicate policy's test (`dedupe.agree`): a unit of the coarser printed place or more apart. The
    `iij:restated` rule and the database's restatement pairs both come from here.
    """
    last: dict[tuple, tuple[FilingFacts, Fact]] = {}
    found = []
    for filing in sorted(filings, key=lambda f: (f.spec.released, f.id)):
        for fact in filing.facts:
            previous = last.get(fact.key)
            if previous is not None and not dedupe.agree(previous[1], fact):
                found.append(Restatement(previous[0], previous[1], filing, fact))
            last[fact.key] = (filing, fact)
    return found


def authoritative(filings: Sequence[FilingFacts]) -> frozenset[int]:
    """`id()`s of the instance facts that are each figure's value to use: the latest filing's where it restates
    the figure (`restatements`), otherwise the most precise printing (ties: the later filing). A later reprint
    rounded to millions does not replace an earlier exact figure it agrees with."""
    restating = {id(r.new) for r in restatements(filings)}
    best: dict[tuple, Fact] = {}
    for filing in sorted(filings, key=lambda f: (f.spec.released, f.id)):
        for fact in filing.facts:
            current = best.get(fact.key)
            if current is None or id(fact) in restating or _places(fact) >= _places(current):
                best[fact.key] = fact
    return frozenset(map(id, best.values()))


def _places(fact: Fact) -> float:
    return math.inf if fact.decimals is None else fact.decimals


@dataclass(frozen=True, eq=False)
class Publication:
    """Everything published about the project: its taxonomy, filings and the findings the checks produce."""

    project: Project
    taxonomy: Taxonomy
    filings: tuple[FilingFacts, ...]
    findings: tuple[Finding, ...]
    documents: dict[str, bytes]  # source document file -> its bytes, as read when the publication was loaded
    sources_digest: str  # of the files it was built from (paths.Project.sources_digest)

    def findings_of(self, filing: str) -> list[Finding]:
        return [f for f in self.findings if f.filing == filing]


def load(project: Project) -> Publication:
    """Read and check the project's taxonomy and sources; bad input raises InputError (file:line)."""
    from .checks import check
    from .sources.load import load_prints
    from .taxonomy.source import load as load_taxonomy

    digest = project.sources_digest()
    taxonomy = load_taxonomy(project.taxonomy)
    filings = tuple(FilingFacts.of(spec, prints) for spec, prints in load_prints(project.sources, taxonomy))
    documents = {name: read_regular(project.sources / name) for f in filings for name in f.spec.files}
    return Publication(project, taxonomy, filings, tuple(check(filings, taxonomy)), documents, digest)

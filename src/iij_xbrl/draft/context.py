"""What every part of the drafter consults: the document, the vocabulary, the taxonomy's structure, targets."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from iij_xbrl.model import Concept, Period
from iij_xbrl.sources import figures

from . import periods, scenario
from .layout import Document
from .proposal import Pending, Proposal
from .vocabulary import Vocabulary

FIRST_YEAR_OF_SFAS_160 = 2009

# Sheet unit of each data type whose unit does not depend on the printed scale.
_FIXED_UNIT = {"perShare": "JPY", "shares": "shares", "integer": "count", "percent": "percent"}


@dataclass
class Context:
    doc: Document
    vocabulary: Vocabulary
    children: dict[str, set[str]]  # calculation total -> its items, over every network
    calculations: list[tuple[str, tuple[tuple[str, int], ...]]]  # (total, ((item, weight), ...)) per network
    network_of: list[str]  # the network (role id) of each entry of `calculations`
    negated_in: dict[str, set[str]] = field(default_factory=dict)  # concept -> statements showing it negated
    statements: dict[str, set[str]] = field(default_factory=dict)  # presentation role -> its concepts
    targets: scenario.Targets = field(init=False)
    networks: dict[str, set[str]] = field(init=False)  # concept -> calculation networks it takes part in

    def __post_init__(self) -> None:
        self.targets = scenario.Targets(self.doc.lines, self.doc.fiscal_year)
        self.networks = {}
        for index, (total, items) in enumerate(self.calculations):
            for name in (total, *(item for item, _ in items)):
                self.networks.setdefault(name, set()).add(self.network_of[index])
        if self.doc.fiscal_year is not None and self.doc.fiscal_year < FIRST_YEAR_OF_SFAS_160:
            # Before SFAS 160 (fiscal years from Dec. 15, 2008; IIJ's FY2009) "net income" was the bottom line
            # after minority interests: today's net income attributable to IIJ.
            self.vocabulary.alias("Net income", "NetIncomeAttributableToParent")
            self.vocabulary.alias("Minority interests", "NetIncomeLossAttributableToNoncontrollingInterests")

    def concept(self, name: str) -> Concept:
        return self.vocabulary.concepts[name]

    def is_instant(self, name: str) -> bool:
        return self.concept(name).period_type == "instant"

    def descendants(self, total: str | None, depth: int = 2) -> set[str]:
        found: set[str] = set()
        frontier = {total} if total else set()
        for _ in range(depth):
            frontier = {item for t in frontier for item in self.children.get(t, ())} - found
            found |= frontier
        return found

    def network_members(self, networks: set[str]) -> set[str]:
        return {name for name, found in self.networks.items() if found & networks}

    def siblings(self, concept: str | None) -> set[str]:
        """Items of every total `concept` is an item of, and those totals (the rows that may follow it)."""
        if concept is None:
            return set()
        return {item for total, items in self.children.items() if concept in items for item in (*items, total)}

    def unit_for(self, concept: str, scale: str | None, token: str) -> str | None:
        """Sheet unit of a figure of `concept`: fixed by the data type, else the printed scale (monetary)."""
        data_type = self.concept(concept).data_type
        if data_type in _FIXED_UNIT:
            return _FIXED_UNIT[data_type]
        if data_type == "decimal":
            return "Gbps" if "gbps" in token.lower() or "Gbps" in self.vocabulary.label(concept) else None
        if data_type == "monetary":
            return scale if scale and scale.startswith("JPY ") else None
        return None

    def settle(self, period: Period | None, found: str | None) -> str | None:
        """A scenario for a figure of `period`: as printed, a target when a duration ends after the reporting
        period (it cannot be an actual yet; a balance "as of" a later date can), a bare "target" resolved by
        what the document says was revised."""
        reporting = self.doc.reporting_period
        if found in (None, scenario.ACTUAL) and period is not None and not period.is_instant and reporting is not None \
                and period.end > reporting.end:
            if found == scenario.ACTUAL:
                return None  # an "actual" after the reporting period: the header is wrong or misread
            found = scenario.TARGET
        return self.targets.resolve(found or scenario.ACTUAL, period)

    def proposal(self, line: int, start: int, token: str, concept: str, period: Period, unit: str,
                 negative: bool, confidence: float, why: str, scenario_name: str = scenario.ACTUAL,
                 segment: str = "Consolidated", approximate: bool = False, table: bool = False,
                 word: str | None = None) -> Proposal | Pending:
        """A sheet entry for one figure, or the reason it cannot be one. `negative` is the reading of the
        printing and its words (`word`: the row label's word that read it otherwise); the value takes the
        concept's natural sign (signs.natural)."""
        from . import signs

        if concept in self.vocabulary.virtual:
            return Pending(line, start, token, f"{concept} is in the taxonomy only through its changes", (concept,))
        name = periods.token(period)
        if name is None:
            return Pending(line, start, token, f"no sheet period for {period}", (concept,))
        text = signs.citation(token, unit)
        if text is None:
            return Pending(line, start, token, f"not readable in {unit}", (concept,))
        decimals = _approximate_decimals(text, unit) if approximate else None
        negative, basis = signs.natural(negative, self.concept(concept).sign, self.doc.lines[line - 1], text, unit,
                                        table=table, elimination=segment == signs.ELIMINATION, word=word)
        return Proposal(line, start, token, text, concept, name, unit, scenario_name, segment,
                        signs.negate_for(text, unit, negative), decimals, round(confidence, 2), why, basis, table)


def _approximate_decimals(text: str, unit: str) -> int | None:
    """An "approx. 1,500" is known to its last non-zero digit: decimals -2."""
    figure = figures.parse(text, unit)
    if figure is None or "." in text:
        return None
    digits = str(abs(figure.value).quantize(Decimal(1)))
    zeros = len(digits) - len(digits.rstrip("0"))
    return -zeros if zeros and digits != "0" else None

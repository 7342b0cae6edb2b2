"""What the drafter proposes: a fact for the sheet, or a figure left for review (with its reason)."""
from __future__ import annotations

from dataclasses import dataclass

# Below this a proposal goes to the review list with its candidate instead of the sheet.
THRESHOLD = 0.8


@dataclass(frozen=True)
class Proposal:
    line: int
    start: int  # offset of the figure on its line: keeps the sheet in document order
    token: str  # the figure token (coverage tokenizer) this fact accounts for
    text: str  # what the sheet cites: a substring of the line that figures.parse reads in `unit`
    concept: str
    period: str  # sheet period token (FY12, 1H12, 3Q12, 9M13, ISO instant)
    unit: str  # sheet unit (JPY million, percent, count, ...)
    scenario: str = "Actual"
    segment: str = "Consolidated"
    negate: bool = False  # the value (the concept's natural sign) is the printed figure with the other sign
    decimals: int | None = None
    confidence: float = 1.0
    why: str = ""
    # what makes the loader read `negate`: ("direction", a word of the line), ("statement", a role that shows the
    # concept with its negated label) or ("negate", the reason to review); None for the drafter's default reason
    basis: tuple[str, str] | None = None
    table: bool = False  # read from a table row (else from prose)

    @property
    def key(self) -> tuple:
        return (self.concept, self.period, self.scenario, self.segment)


@dataclass(frozen=True)
class Pending:
    """A figure token that is not drafted, and why."""
    line: int
    start: int
    token: str
    reason: str
    candidates: tuple[str, ...] = ()

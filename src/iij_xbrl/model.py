"""The neutral fact model between every input and every output.

Sources produce these objects; emitters, validators and exporters consume them.
Values are `Decimal` end to end: a float anywhere would change printed figures.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Strict, model_validator

from .taxonomy.names import UnitId

PeriodType = Literal["duration", "instant"]
Balance = Literal["debit", "credit"]
DataType = Literal["monetary", "shares", "perShare", "percent", "integer", "decimal", "string"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Label(Frozen):
    en: str
    ja: str


class Concept(Frozen):
    name: str
    data_type: DataType
    period_type: PeriodType
    balance: Balance | None = None
    abstract: bool = False
    labels: dict[str, Label]  # label role short name ("label", "total", "terse", "negated", …) -> en/ja
    usgaap: str | None = None  # local name of the us-gaap element it is anchored to (taxonomy.names.USGAAP_VERSION)
    usgaap_relation: str | None = None  # equivalent | wider | narrower: the us-gaap element relative to this concept
    usgaap_negated: bool = False  # the us-gaap element carries this concept's value with the opposite sign
    usgaap_note: str | None = None  # how the two differ (scope, standard, sign)
    sign: str | None = None  # what a positive value means (taxonomy.signs): "positive", "income", "increase", …


class Period(Frozen):
    """XBRL 2.1 period with inclusive dates; `start is None` means an instant at the end of `end`."""

    start: date | None = None
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.start is not None and self.start > self.end:
            raise ValueError(f"period start {self.start} after end {self.end}")
        return self

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def __str__(self) -> str:
        return self.end.isoformat() if self.start is None else f"{self.start.isoformat()}..{self.end.isoformat()}"


class Curation(Frozen):
    """A fact-sheet decision that departs from what a line literally prints, with its reason (sources.factsheet):
    `negate` (the figure read against its caption's sense), `redate` (another period than the line or header
    prints), `relabel` (another line item than the caption names)."""

    kind: Literal["negate", "redate", "relabel"]
    reason: str
    line: int  # the line whose print the decision departs from: the figure's own, or a header or title above it
    printed: str | None = None  # what that line prints, verbatim ("March 31, 2009", "Gross Margin of Network Services")
    literal: str | None = None  # the print taken literally: a period token (redate) or the concept it names (relabel)
    segment: str | None = None  # relabel: the business segment the caption names (a key of taxonomy.names.SEGMENTS)


class Provenance(Frozen):
    document: str  # source file name, e.g. "001_5ab34944f22f6fd1.txt"
    line: int  # 1-based line number in that document
    text: str  # the figure exactly as printed on that line, e.g. "(1,866)" or "51.1"
    # How the value's sign was read, when not from the printed figure alone (see sources.factsheet):
    direction: str | None = None  # the printed word that gives the direction ("down", "loss", "used", …)
    negated: str | None = None  # why the sheet reads the figure against its caption's literal sense (a curation)
    curations: tuple[Curation, ...] = ()  # every departure from the literal line, the negate included




class Fact(Frozen):
    concept: str  # local name in the iij namespace
    period: Period
    dimensions: dict[str, str] = {}  # axis local name -> member local name; default members omitted
    unit: UnitId | None = None  # None for non-numeric facts
    # strict: a float (or int, or str) is refused, not converted; a float would change printed figures
    value: Annotated[Decimal, Strict()] | None  # None = nil
    decimals: int | None = None  # None = INF (exact); ignored when value is None
    provenance: Provenance

    @property
    def key(self) -> tuple:
        """Identity for duplicate detection: concept, period, dimensions, unit."""
        return (self.concept, self.period, tuple(sorted(self.dimensions.items())), self.unit)


class PrintRef(Frozen):
    """Prints of one source line: all of them, or those printed as `text`."""

    document: str
    line: int
    text: str | None = None

    def matches(self, provenance: Provenance) -> bool:
        return (provenance.document, provenance.line) == (self.document, self.line) and \
            self.text in (None, provenance.text)


class StockSplit(Frozen):
    """A stock split: `ratio` new shares for each old one from `effective` on. Per-share figures of documents
    released before it are on the old basis, later ones on the new basis except the prints listed."""

    effective: date
    ratio: int
    source: PrintRef  # where a document states the split
    old_basis: tuple[PrintRef, ...] = ()  # printed after the split, on the old basis (e.g. dividends paid before)
    mixed_basis: tuple[PrintRef, ...] = ()  # a total adding amounts of both bases


class Entity(Frozen):
    """The reporting entity, as sources/filings.yaml names it."""

    scheme: str  # identifier scheme URI
    identifier: str
    name: str
    prefix: str  # bound to `scheme` where OIM writes the entity as prefix:identifier
    stock_splits: tuple[StockSplit, ...] = ()


class Document(Frozen):
    file: str  # file name in sources/, e.g. "001_5ab34944f22f6fd1.txt"
    title: str
    kind: Literal["presentation", "press-release"]
    released: date


class FilingSpec(Frozen):
    """A filing as sources/filings.yaml lists it: what is published about which period, from which documents."""

    id: str  # names the filing's folder and files in out/, e.g. "fy2012h1"
    title: str
    period: Period  # the reporting period the filing is about
    released: date
    entity: Entity
    documents: tuple[Document, ...]

    @property
    def files(self) -> list[str]:
        """The documents' file names, in filing order."""
        return [d.file for d in self.documents]

    def with_facts(self, facts: list[Fact]) -> Filing:
        return Filing(**{name: getattr(self, name) for name in FilingSpec.model_fields}, facts=facts)


class Filing(FilingSpec):
    """What one filing's instance holds: the spec and its facts."""

    facts: list[Fact]

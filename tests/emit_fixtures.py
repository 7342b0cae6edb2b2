"""A small hand-built filing over core concepts: every unit, both axes, an instant, a nil."""
from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

from pathlib import Path

from iij_xbrl.sources.filings import load_specs
from iij_xbrl.model import Document, Entity, Fact, Filing, Period, Provenance

ROOT = Path(__file__).resolve().parents[1]
# The filings sources/filings.yaml lists: tests iterate over the data, they do not spell the ids.
FILINGS = tuple(s.id for s in load_specs(ROOT / "sources"))

H1_12 = Period(start=date(2012, 4, 1), end=date(2012, 9, 30))
H1_11 = Period(start=date(2011, 4, 1), end=date(2011, 9, 30))
SEP12 = Period(end=date(2012, 9, 30))
ENTITY = Entity(scheme="http://www.tse.or.jp/sicc", identifier="37740", name="Internet Initiative Japan Inc.", prefix="tse")


def spec(id: str, title: str, files: list[str], period: Period, released: date = date(2012, 11, 8)) -> dict:
    """The FilingSpec fields of a hand-built filing: `Filing(**spec(...), facts=[...])`."""
    return {"id": id, "title": title, "period": period, "released": released, "entity": ENTITY,
            "documents": tuple(Document(file=f, title=f"Document {f}", kind="presentation", released=released)
                               for f in files)}


def fact(concept, period, value, unit="JPY", decimals=-6, line=1, **dimensions) -> Fact:
    return Fact(concept=concept, period=period, dimensions=dimensions, unit=unit,
                value=None if value is None else Decimal(value), decimals=decimals,
                provenance=Provenance(document="001_5ab34944f22f6fd1.txt", line=line, text=str(value)))


def sample_filing() -> Filing:
    facts = [
        fact("Revenues", H1_12, "51109000000", line=10),
        fact("Revenues", H1_11, "47506000000", line=10),
        fact("CostOfRevenue", H1_12, "40882000000", line=11),
        fact("GrossProfit", H1_12, "10227000000", line=12),
        fact("Revenues", H1_12, "1082000000", line=20, BusinessSegmentsAxis="ATMOperationBusinessMember"),
        fact("OperatingIncomeLoss", H1_12, "2.7E+9", decimals=-8, line=30, ScenarioAxis="InitialTargetMember"),
        fact("Revenues", H1_12, "50000000000", decimals=-9, line=31, ScenarioAxis="InitialTargetMember",
             BusinessSegmentsAxis="NetworkServicesAndSystemsIntegrationBusinessMember"),
        fact("EarningsPerShareBasic", H1_12, "1421.75", unit="JPYPerShare", decimals=2, line=40),
        fact("WeightedAverageSharesBasic", H1_12, "204747", unit="shares", decimals=0, line=41),
        fact("GrossMarginRatio", H1_12, "0.200", unit="pure", decimals=3, line=42),
        fact("NumberOfEmployees", SEP12, "2345", unit="pure", decimals=0, line=43),
        fact("ContractedBandwidth", SEP12, "588.1", unit="Gbps", decimals=1, line=44),
        fact("Assets", SEP12, "-1866000000", line=50),
        fact("Goodwill", SEP12, None, line=51),
        fact("RetainedEarningsAccumulatedDeficit", SEP12, "-10990000", decimals=None, line=52),
    ]
    return Filing(**spec("fy2012h1", "1H FY2012 (sample)", ["001_5ab34944f22f6fd1.txt"], H1_12), facts=facts)


def project_copy(dest: Path) -> Path:
    """A project root whose taxonomy/ may be rebuilt and whose sources/ may be broken by a test."""
    shutil.copytree(ROOT / "taxonomy", dest / "taxonomy")
    shutil.copytree(ROOT / "sources", dest / "sources")
    return dest


def sample_publication(filing: Filing | None = None, findings=()):
    """A publication of one hand-built filing (default `sample_filing()`) over the real taxonomy."""
    from iij_xbrl.paths import Project
    from iij_xbrl.publication import FilingFacts, Publication
    from iij_xbrl.taxonomy.source import load

    filing = filing or sample_filing()
    documents = {name: (ROOT / "sources" / name).read_bytes() for name in filing.files}
    return Publication(Project(ROOT), load(ROOT / "taxonomy"), (FilingFacts.of(filing, filing.facts),),
                       tuple(findings), documents, "0" * 64)

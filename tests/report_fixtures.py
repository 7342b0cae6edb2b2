"""A hand-built filing for the report emitters: the emitters' sample plus quarterly series to chart,
and findings in the shape of schemas/findings.schema.json."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from emit_fixtures import FILINGS, ROOT, fact, sample_filing
from iij_xbrl.emit.layout import Network
from iij_xbrl.model import Concept, Filing, Label, Period

QUARTERS = [Period(start=date(2011, 4, 1), end=date(2011, 6, 30)), Period(start=date(2011, 7, 1), end=date(2011, 9, 30)),
            Period(start=date(2012, 4, 1), end=date(2012, 6, 30)), Period(start=date(2012, 7, 1), end=date(2012, 9, 30))]
H1_12 = "2012-04-01..2012-09-30"


def report_filing() -> Filing:
    sample = sample_filing()
    quarterly = []
    for i, q in enumerate(QUARTERS):
        quarterly += [
            fact("NetworkServicesRevenue", q, str(12000 + 300 * i) + "000000", line=60),
            fact("SystemsIntegrationRevenue", q, str(9000 + 250 * i) + "000000", line=61),
            fact("EquipmentSalesRevenue", q, str(400 + 10 * i) + "000000", line=62),
            fact("ATMOperationRevenue", q, str(500 + 5 * i) + "000000", line=63),
            fact("GrossProfitNetworkServices", q, str(3000 + 50 * i) + "000000", line=64),
            fact("GrossProfitSystemsIntegration", q, str(1000 + 40 * i) + "000000", line=65),
            fact("GrossMarginRatioNetworkServices", q, "0.2" + str(4 + i), unit="pure", decimals=3, line=66),
            fact("Revenues", q, str(21900 + 565 * i) + "000000", line=67),
        ]
    # operating income for three quarters (1Q FY2012 not printed: a gap), a gross margin ratio printed for two
    # quarters and computable for a third from its printed gross margin and revenues
    quarterly += [fact("OperatingIncomeLoss", q, value, line=68) for q, value in
                  zip((QUARTERS[0], QUARTERS[1], QUARTERS[3]), ("1100000000", "1500000000", "-300000000"))]
    quarterly += [fact("GrossMarginRatio", QUARTERS[0], "0.201", unit="pure", decimals=3, line=69),
                  fact("GrossMarginRatio", QUARTERS[1], "0.198", unit="pure", decimals=3, line=69),
                  fact("GrossProfit", QUARTERS[2], "4400000000", line=70)]
    return sample.model_copy(update={"facts": sample.facts + quarterly})


def findings(filing: str = "fy2012h1") -> list[dict]:
    return [
        {"rule": "calc11e:inconsistentCalculationUsingRounding", "severity": "error",
         "message": "Revenues minus cost of revenues differs from gross profit", "filing": filing,
         "concepts": ["iij:GrossProfit", "iij:Revenues", "iij:CostOfRevenue"], "period": H1_12,
         "values": {"reported": "10227000000", "computed": "10227000001"},
         "sources": [{"document": "001_5ab34944f22f6fd1.txt", "line": 12}],
         "facts": ["f-GrossProfit-D2012-04-01_2012-09-30_JPY", "f-Revenues-D2012-04-01_2012-09-30_JPY"]},
        {"rule": "iij:restated", "severity": "info", "message": "Total assets as restated later", "filing": filing,
         "concepts": ["Assets"], "period": "2012-09-30", "values": {}, "sources": []},
        {"rule": "iij:orphan", "severity": "warning", "message": "Concerns no figure of this report",
         "filing": filing, "concepts": ["iij:NoSuchConcept"], "period": None, "values": {}, "sources": []},
    ]


def concept(name: str, data_type: str, period_type: str, en: str, ja: str) -> Concept:
    return Concept(name=name, data_type=data_type, period_type=period_type, labels={"label": Label(en=en, ja=ja)})


def concepts() -> dict[str, Concept]:
    """Hand-built concepts with labels, standing in for the taxonomy where no Arelle run is involved."""
    rows = [("Revenues", "monetary", "duration", "Total revenues", "売上高"),
            ("CostOfRevenue", "monetary", "duration", "Total cost of revenues", "売上原価"),
            ("GrossProfit", "monetary", "duration", "Gross margin", "売上総利益"),
            ("EarningsPerShareBasic", "perShare", "duration", "Basic net income per share", "1株当たり当期純利益"),
            ("Assets", "monetary", "instant", "Total assets", "総資産"),
            ("Goodwill", "monetary", "instant", "Goodwill", "のれん"),
            ("RetainedEarningsAccumulatedDeficit", "monetary", "instant", "Accumulated deficit", "利益剰余金（欠損金）"),
            ("GrossMarginRatio", "percent", "duration", "Gross margin ratio", "売上総利益率"),
            ("GrossMarginRatioNetworkServices", "percent", "duration", "Gross margin ratio of network services",
             "ネットワークサービス売上総利益率"),
            ("NetworkServicesRevenue", "monetary", "duration", "Network services", "ネットワークサービス")]
    return {r[0]: concept(*r) for r in rows}


NETWORKS = [
    Network("IncomeStatement", Label(en="Consolidated statements of income", ja="連結損益計算書"),
            ("Revenues", "CostOfRevenue", "GrossProfit", "EarningsPerShareBasic")),
    Network("BalanceSheet", Label(en="Consolidated balance sheets", ja="連結貸借対照表"),
            ("Assets", "Goodwill", "RetainedEarningsAccumulatedDeficit")),
]


# ---- the real filings, published once per test session for the Arelle tests ----------------------------



@dataclass(frozen=True)
class Reports:
    taxonomy_package: Path
    dir: Path  # <filing>/ with .xsd/_cal.xml, .xbrl, .json, xBRL-CSV files and .xhtml; plus the hand-built "sample"
    filings: tuple[str, ...]


_REPORTS: list[Reports] = []  # built once per session, shared by the Arelle test modules


def reports(tmp_path_factory) -> Reports:
    """Taxonomy built from taxonomy/src, the real filings de-duplicated, every report emitter run on them."""
    if not _REPORTS:
        _REPORTS.append(_build_reports(tmp_path_factory))
    return _REPORTS[0]


def _build_reports(tmp_path_factory) -> Reports:
    """`publish` of the real project, plus every report of the hand-built sample (with its findings) beside it."""
    import io

    from iij_xbrl import publication
    from iij_xbrl.emit import extension, ixbrl, layout, naming, oim_csv, oim_json, xbrl_xml
    from iij_xbrl.paths import Project
    from iij_xbrl.publish import publish
    from iij_xbrl.taxonomy.names import PACKAGE_FILE

    out = tmp_path_factory.mktemp("reports") / "out"
    published = publication.load(Project(ROOT))
    publish(out, published, load_database=False, stream=io.StringIO())
    taxonomy = published.taxonomy
    sample = report_filing().model_copy(update={"id": "sample"})
    folder = out / "sample"
    schema = naming.extension_schema(sample.id)
    files = {**extension.extension(sample, taxonomy),  # every report cites it, as `iij-xbrl publish` writes them
             "sample.xbrl": xbrl_xml.to_xml(sample, schema), "sample.json": oim_json.to_json(sample, schema),
             **{name: text.encode() for name, text in oim_csv.to_csv(sample, taxonomy.concepts,
                                                                      layout.networks(taxonomy), schema).items()},
             "sample.xhtml": sample_report(sample)}
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return Reports(out / PACKAGE_FILE, out, tuple(f.id for f in published.filings) + ("sample",))


def sample_publication_with_findings(filing: Filing | None = None):
    """The hand-built filing (default `report_filing()`) as a publication over the real taxonomy, with findings."""
    from emit_fixtures import sample_publication
    from iij_xbrl.xbrl.findings import Finding

    filing = filing or report_filing()
    return sample_publication(filing, [Finding.from_dict(f) for f in findings(filing.id)])


def sample_report(filing: Filing | None = None) -> bytes:
    from iij_xbrl.emit import ixbrl

    published = sample_publication_with_findings(filing)
    return ixbrl.report(published, published.filings[0])


def _resolve(value: str, namespaces: dict[str, str]) -> str:
    prefix, _, local = value.partition(":")
    return f"{{{namespaces[prefix]}}}{local}" if prefix in namespaces and local else value


def oim_facts(path: Path) -> Counter:
    """The xBRL-JSON report's facts as a multiset of (aspects, unit, value, decimals), prefixes resolved.

    Fact ids are left out: xBRL-CSV facts get ids from their table, row and column.
    """
    doc = json.loads(path.read_text(encoding="utf-8"))
    ns = doc["documentInfo"]["namespaces"]
    facts = Counter()
    for item in doc["facts"].values():
        dims = {_resolve(k, ns): _resolve(v, ns) for k, v in item["dimensions"].items()}
        unit = "/".join(_resolve(part, ns) for part in dims.pop("unit", "").split("/") if part)
        value = None if item["value"] is None else Decimal(item["value"])
        facts[(tuple(sorted(dims.items())), unit, value, item.get("decimals"))] += 1
    return facts


def fact_differences(mine: Counter, theirs: Counter) -> dict:
    return {"only ours": list((mine - theirs).elements())[:10], "only Arelle's": list((theirs - mine).elements())[:10]}

"""The IIJ taxonomy: source checks, generated files in sync, Arelle validates entry point and package."""
from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from arelle_oracle import problems, run, summary

from iij_xbrl.emit import naming
from iij_xbrl.xbrl import xmlsafe
from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.taxonomy import names as n
from iij_xbrl.taxonomy.build import build, render
from iij_xbrl.taxonomy.package import package
from iij_xbrl.taxonomy.source import load

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT / "taxonomy"
GENERATED = TAXONOMY / n.OUTPUT_DIR
LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def tax():
    return load(TAXONOMY)


def _href_name(loc) -> str:
    return loc.get(f"{XLINK}href").split("#", 1)[1].removeprefix(f"{n.PREFIX}_")


def _locs(link) -> dict[str, str]:
    return {loc.get(f"{XLINK}label"): _href_name(loc) for loc in link.iter(f"{LINK}loc")}


# ---- generated files -----------------------------------------------------------------------------------

def test_committed_files_are_in_sync_with_the_source(tmp_path):
    written = build(TAXONOMY, out=tmp_path)
    assert len(written) == 9
    for path in written:
        committed = TAXONOMY / path.relative_to(tmp_path)
        assert committed.exists(), f"{committed} missing: run `iij-xbrl taxonomy build` and commit"
        assert committed.read_bytes() == path.read_bytes(), \
            f"{committed} is stale: run `iij-xbrl taxonomy build` and commit"


def test_build_is_deterministic(tax):
    first, second = render(tax), render(load(TAXONOMY))
    assert first == second
    assert package(first) == package(second)


def test_every_element_has_standard_labels_in_english_and_japanese(tax):
    expected = set(tax.concepts) | set(tax.dimensions.elements())
    assert {"SegmentsTable", "TargetsTable", "StatementsTable", "ScenarioDomain", "SegmentsLineItems"} <= expected
    for lang in ("en", "ja"):
        tree = xmlsafe.parse(GENERATED / f"iij-2025_lab-{lang}.xml")
        locs = _locs(tree.getroot())
        standard = {}
        for res in tree.getroot().iter(f"{LINK}label"):
            if res.get(f"{XLINK}role") == "http://www.xbrl.org/2003/role/label":
                assert res.get(XML_LANG) == lang
                standard[res.get(f"{XLINK}label")] = (res.text or "").strip()
        arcs = {a.get(f"{XLINK}from"): a.get(f"{XLINK}to") for a in tree.getroot().iter(f"{LINK}labelArc")}
        labelled = {locs[frm]: standard.get(to) for frm, to in arcs.items()}
        missing = sorted(name for name in expected if not labelled.get(name))
        assert not missing, f"{lang}: no standard label for {missing[:10]}"


def test_japanese_labels_are_japanese(tax):
    core = ["Revenues", "CostOfRevenue", "GrossProfit", "OperatingIncomeLoss", "IncomeBeforeIncomeTaxes",
            "IncomeTaxExpense", "NetIncome", "Assets", "Liabilities", "CashAndCashEquivalents",
            "NetCashProvidedByUsedInOperatingActivities"]
    assert [tax.concepts[c].labels["label"].ja for c in core] == [
        "売上高", "売上原価", "売上総利益", "営業利益（損失）", "税引前純利益", "法人税等", "純利益",
        "総資産", "負債", "現金及び現金同等物", "営業活動によるキャッシュ・フロー"]
    # totals as total labels, period-neutral (no 当期: quarterly and half-year facts carry these labels too)
    assert [tax.concepts[c].labels["total"].ja for c in ("Revenues", "Assets", "Liabilities")] == [
        "売上高合計", "資産合計", "負債合計"]


def test_calculation_weights_agree_with_balances(tax):
    """Every arc of the generated calculation linkbase: weight +1 iff balances agree (when both have one)."""
    tree = xmlsafe.parse(GENERATED / n.CALCULATION)
    generated = set()
    for link in tree.getroot().iter(f"{LINK}calculationLink"):
        locs = _locs(link)
        role = link.get(f"{XLINK}role").removeprefix(n.ROLE_BASE)
        for arc in link.iter(f"{LINK}calculationArc"):
            total, item = locs[arc.get(f"{XLINK}from")], locs[arc.get(f"{XLINK}to")]
            weight = float(arc.get("weight"))
            assert weight in (1.0, -1.0)
            source, target = tax.concepts[total].balance, tax.concepts[item].balance
            if source and target:
                assert (source == target) == (weight > 0), f"{role}: {total} ({source}) {weight:+} {item} ({target})"
            generated.add((role, total, item, int(weight)))
    expected = {(role, a.total, a.item, a.weight) for role, arcs in tax.calculations.items() for a in arcs}
    assert generated == expected
    assert len(expected) > 150


def test_core_structure(tax):
    dims = tax.dimensions
    assert dims.axis_members() == {  # domain first
        "BusinessSegmentsAxis": ("BusinessSegmentsDomain", "NetworkServicesAndSystemsIntegrationBusinessMember",
                                 "ATMOperationBusinessMember"),
        "ConsolidationItemsAxis": ("ConsolidationItemsDomain", "OperatingSegmentsMember", "IntersegmentEliminationMember"),
        "ScenarioAxis": ("ScenarioDomain", "ActualMember", "InitialTargetMember", "RevisedTargetMember")}
    # targets are siblings of the actual figures under the scenario domain, the actual ones the default
    assert dims.defaults() == {"BusinessSegmentsAxis": "BusinessSegmentsDomain",
                               "ConsolidationItemsAxis": "ConsolidationItemsDomain", "ScenarioAxis": n.ACTUAL}
    assert dims.container == "scenario"  # one container: representable in xBRL-JSON/CSV
    assert naming.AXIS_CONTAINER == {axis: dims.container for axis in dims.axis_members()}
    # one table per role: statements take no dimension, segments and targets their own axes
    assert {t.role_id: t.axes for t in dims.tables} == {
        "Statements": (), "SegmentInformation": (n.SEGMENT_AXIS, n.CONSOLIDATION_ITEMS_AXIS),
        "FinancialTargets": (n.SCENARIO_AXIS, n.SEGMENT_AXIS, n.CONSOLIDATION_ITEMS_AXIS)}
    tables = {t.role_id: set(t.concepts) for t in dims.tables}
    assert "GrossProfit" in tables["Statements"] and "GrossProfit" not in tables["FinancialTargets"] | tables["SegmentInformation"]
    assert "RevenuesTargetRevision" in tables["FinancialTargets"] and "RevenuesTargetRevision" not in tables["Statements"]
    # the names the code uses are the taxonomy's
    axes = dims.axis_members()
    for dimensions in n.SEGMENTS.values():
        assert all(member in axes[axis] for axis, member in dimensions.items())
    assert {n.INITIAL_TARGET, n.REVISED_TARGET, n.ACTUAL} <= set(axes[n.SCENARIO_AXIS])
    assert set(n.UNITS) == set(n.UnitId.__args__)
    income = {(a.total, a.item): a.weight for a in tax.calculations["IncomeStatement"]}
    assert income[("OperatingIncomeLoss", "CostsAndExpenses")] == -1
    summary_calc = {(a.total, a.item): a.weight for a in tax.calculations["OperatingResultsSummary"]}
    assert summary_calc[("GrossProfit", "CostOfRevenue")] == -1
    assert tax.concepts["Revenues"].usgaap == "Revenues"
    assert tax.concepts["CashAndCashEquivalents"].labels.keys() >= {"label", "periodStart", "periodEnd"}


# ---- loader errors -------------------------------------------------------------------------------------

def _copy_source(tmp_path: Path) -> Path:
    shutil.copytree(TAXONOMY / "src", tmp_path / "src")
    return tmp_path


def _replace_line(path: Path, old: str, new: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if old in line)
    lines[index] = lines[index].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def test_loader_reports_schema_error_with_file_and_line(tmp_path):
    root = _copy_source(tmp_path)
    line = _replace_line(root / "src/concepts-income.yaml", "name: GrossProfit, type: monetary",
                         "name: GrossProfit, type: money")
    with pytest.raises(InputError) as err:
        load(root)
    assert err.value.path.endswith("concepts-income.yaml") and err.value.line == line
    assert "money" in err.value.message


def test_loader_rejects_duplicate_concept_with_both_places(tmp_path):
    root = _copy_source(tmp_path)
    (root / "src/concepts-extra-test.yaml").write_text(
        "# test\n- {name: Revenues, type: monetary, period: duration, balance: credit, sign: positive, "
        "label: {en: Revenues, ja: 売上高}}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(root)
    assert err.value.path.endswith("concepts-income.yaml") or err.value.path.endswith("concepts-extra-test.yaml")
    assert "Revenues is already defined" in err.value.message and err.value.line is not None


def test_loader_rejects_weight_that_disagrees_with_balances(tmp_path):
    root = _copy_source(tmp_path)
    line = _replace_line(root / "src/networks.yaml", "OperatingIncomeLoss: [Revenues, -CostsAndExpenses]",
                         "OperatingIncomeLoss: [Revenues, CostsAndExpenses]")
    with pytest.raises(InputError) as err:
        load(root)
    assert err.value.path.endswith("networks.yaml") and err.value.line == line
    assert "weight disagrees" in err.value.message


def test_loader_rejects_unknown_concept_and_yaml_syntax(tmp_path):
    root = _copy_source(tmp_path)
    line = _replace_line(root / "src/networks.yaml", "SystemsIntegrationRevenue: [SystemsConstructionRevenue,",
                         "SystemsIntegrationRevenue: [SystemsConstructionRevenu,")
    with pytest.raises(InputError, match="unknown concept SystemsConstructionRevenu") as err:
        load(root)
    assert err.value.line == line
    (root / "src/networks.yaml").write_text("roles: [\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load(root)
    assert err.value.path.endswith("networks.yaml") and err.value.line is not None


def test_line_items_link_no_calculations_the_all_entry_point_links_them(tax):
    def linkbase_refs(name: str) -> dict[str, str]:
        root = xmlsafe.parse(GENERATED / name).getroot()
        return {el.get(f"{XLINK}href"): el.get(f"{XLINK}role") for el in root.iter(f"{LINK}linkbaseRef")}

    assert n.CALCULATION not in linkbase_refs(n.ENTRY_POINT)
    assert set(linkbase_refs(n.ENTRY_POINT)) == set(n.LINKBASES)
    assert linkbase_refs(n.ALL_ENTRY_POINT) == {n.CALCULATION: n.CALCULATION_ROLE}
    all_root = xmlsafe.parse(GENERATED / n.ALL_ENTRY_POINT).getroot()
    assert all_root.get("targetNamespace") == n.ALL_NAMESPACE
    assert not all_root.findall("{http://www.w3.org/2001/XMLSchema}element")
    imports = all_root.findall("{http://www.w3.org/2001/XMLSchema}import")
    assert [(i.get("namespace"), i.get("schemaLocation")) for i in imports] == [(n.NAMESPACE, n.ENTRY_POINT)]


# ---- Arelle ---------------------------------------------------------------------------------------------

_INSTANCE = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
 xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:iij="http://www.iij.ad.jp/xbrl/iij/2025">
 <link:schemaRef xlink:type="simple" xlink:href="{schema}"/>
 <xbrli:context id="D"><xbrli:entity><xbrli:identifier scheme="http://www.tse.or.jp/sicc">37740</xbrli:identifier>
  </xbrli:entity><xbrli:period><xbrli:startDate>2012-04-01</xbrli:startDate><xbrli:endDate>2012-09-30</xbrli:endDate>
  </xbrli:period></xbrli:context>
 <xbrli:context id="D_ATM_T"><xbrli:entity><xbrli:identifier scheme="http://www.tse.or.jp/sicc">37740</xbrli:identifier>
  </xbrli:entity><xbrli:period><xbrli:startDate>2012-04-01</xbrli:startDate>
  <xbrli:endDate>2012-09-30</xbrli:endDate></xbrli:period><xbrli:scenario><xbrldi:explicitMember
  dimension="iij:BusinessSegmentsAxis">iij:ATMOperationBusinessMember</xbrldi:explicitMember><xbrldi:explicitMember
  dimension="iij:ScenarioAxis">iij:InitialTargetMember</xbrldi:explicitMember></xbrli:scenario></xbrli:context>
 <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>
 <iij:Revenues contextRef="D" unitRef="JPY" decimals="-6">1000000000</iij:Revenues>
 <iij:CostOfRevenue contextRef="D" unitRef="JPY" decimals="-6">800000000</iij:CostOfRevenue>
 <iij:GrossProfit contextRef="D" unitRef="JPY" decimals="-6">{gross_profit}</iij:GrossProfit>
 <iij:Revenues contextRef="D_ATM_T" unitRef="JPY" decimals="-6">5000000</iij:Revenues>
</xbrli:xbrl>
"""


def _instance(path: Path, schema: str, gross_profit: str) -> str:
    path.write_text(_INSTANCE.format(schema=schema, gross_profit=gross_profit), encoding="utf-8")
    return str(path)


@pytest.mark.arelle
def test_arelle_validates_entry_points_package_and_instances(tmp_path):
    """0 errors/warnings for both entry points, the package and a dimensional instance; the all-networks entry
    point checks calculations (a wrong gross margin is inconsistent), the line items alone check none."""
    zip_path = TAXONOMY / n.PACKAGE_FILE
    clean = {
        "entry point": ["-f", str(GENERATED / n.ENTRY_POINT), "-v"],
        "all-networks entry point": ["-f", str(GENERATED / n.ALL_ENTRY_POINT), "-v"],
        "package": ["-f", str(zip_path), "-v"],
        "published URLs via package": ["--packages", str(zip_path), "-f", f"{n.ENTRY_URL}|{n.ALL_ENTRY_URL}", "-v"],
    }
    calc = ["--packages", str(zip_path), "-v", "--calc", "c11r", "-f"]
    clean["instance with both axes"] = calc + [_instance(tmp_path / "ok-all.xbrl", n.ALL_ENTRY_URL, "200000000")]
    # no calculation network in the line items: a wrong total goes unnoticed
    clean["wrong gross margin, line items only"] = calc + [
        _instance(tmp_path / "wrong-items.xbrl", n.ENTRY_URL, "300000000")]
    for what, args in clean.items():
        entries = run(args)
        assert not problems(entries), f"{what}:\n{summary(problems(entries))}"
        assert any(e.get("code") == "info" or e.get("level") == "info" for e in entries), f"{what}: nothing ran"
    wrong = run(calc + [_instance(tmp_path / "wrong-all.xbrl", n.ALL_ENTRY_URL, "300000000")])
    assert [(e["code"], e["level"]) for e in problems(wrong)] == [
        ("calc11e:inconsistentCalculationUsingRounding", "inconsistency")], summary(problems(wrong))


_CONTEXT = """ <xbrli:context id="{id}"><xbrli:entity><xbrli:identifier scheme="http://www.tse.or.jp/sicc">37740</xbrli:identifier>
  </xbrli:entity><xbrli:period><xbrli:startDate>2012-04-01</xbrli:startDate><xbrli:endDate>2012-09-30</xbrli:endDate>
  </xbrli:period><xbrli:scenario>{members}</xbrli:scenario></xbrli:context>
"""


def _members(**members: str) -> str:
    return "".join(f'<xbrldi:explicitMember dimension="iij:{axis}">iij:{member}</xbrldi:explicitMember>'
                   for axis, member in members.items())


@pytest.mark.arelle
def test_arelle_allows_a_concept_only_the_members_of_its_tables(tmp_path):
    """Segments and eliminations for the segment note's line items, targets for the targets table's; a target of
    gross profit (in no targets table), the scenario domain (not usable) or a segment of depreciation are invalid."""
    cases = {  # context id -> (concept, members, valid)
        "SEG": ("OperatingIncomeLoss", _members(BusinessSegmentsAxis="ATMOperationBusinessMember",
                                                ConsolidationItemsAxis="OperatingSegmentsMember"), True),
        "ELIM": ("Revenues", _members(ConsolidationItemsAxis="IntersegmentEliminationMember"), True),
        "TGT": ("RevenuesTargetRevision", _members(ScenarioAxis="RevisedTargetMember"), True),
        "TGTSEG": ("OperatingIncomeLossTargetRevision", _members(
            ScenarioAxis="RevisedTargetMember", BusinessSegmentsAxis="ATMOperationBusinessMember",
            ConsolidationItemsAxis="OperatingSegmentsMember"), True),
        "GPTGT": ("GrossProfit", _members(ScenarioAxis="InitialTargetMember"), False),
        "DOMAIN": ("Revenues", _members(ScenarioAxis="ScenarioDomain"), False),
        "DASEG": ("DepreciationAndAmortization", _members(BusinessSegmentsAxis="ATMOperationBusinessMember"), False),
    }
    head, _, _ = _INSTANCE.partition(' <xbrli:context id="D">')
    body = "".join(_CONTEXT.format(id=cid, members=members) for cid, (_, members, _) in cases.items())
    body += ' <xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>\n'
    body += "".join(f' <iij:{concept} contextRef="{cid}" unitRef="JPY" decimals="-6">1000000</iij:{concept}>\n'
                    for cid, (concept, _, _) in cases.items())
    path = tmp_path / "members.xbrl"
    path.write_text(head.format(schema=n.ENTRY_URL) + body + "</xbrli:xbrl>\n", encoding="utf-8")
    entries = run(["--packages", str(TAXONOMY / n.PACKAGE_FILE), "-f", str(path), "-v"])
    invalid = {e["message"]["text"].split("context ")[1].split()[0].strip(",") for e in problems(entries)
               if e["code"] == "xbrldie:PrimaryItemDimensionallyInvalidError"}
    assert invalid == {cid for cid, (_, _, valid) in cases.items() if not valid}, summary(problems(entries))
    assert all(e["code"] == "xbrldie:PrimaryItemDimensionallyInvalidError" for e in problems(entries)), \
        summary(problems(entries))


# ---- names, labels and completeness ---------------------------------------------------------------------

_DERIVED = (("PercentageChangeFromPriorYear", "percentage change from", "増減率）"),
            ("PercentageChangeFromPriorQuarter", "percentage change from", "増減率）"),
            ("PercentageChangeFromTwoYearsEarlier", "percentage change from two years earlier", "2年前同期末比増減率）"),
            ("ChangeFromPriorYear", "change from", "比増減"), ("ChangeFromPriorQuarter", "change from the prior quarter", "前四半期"),
            ("ChangeFromTwoYearsEarlier", "change from two years earlier", "2年前同期末比増減"),
            ("PeriodIncreaseDecrease", "increase (decrease) during the period", "期中増減"),
            ("TargetRevision", "revision of the forecast", "業績予想の修正額"))


def test_names_and_labels_a_filer_could_stand_behind(tax):
    concepts = [c for c in tax.concepts.values()]
    # no company, no abbreviation the documents do not print, no sign only
    bad_names = re.compile(r"IIJ|(?<![A-Z])SI(?![a-z])|SGA|SNS|ADS(?![a-z])|YoY|QoQ|LossIncome|DecreaseIncrease")
    assert [c.name for c in concepts if bad_names.search(c.name)] == []
    for c in concepts:
        for role, label in c.labels.items():
            for text in (label.en, label.ja):
                assert not re.search(r"\(negative\)|負値|^Less:|営業外|当期", text), (c.name, role, text)
        std = c.labels["label"]
        assert not std.en.startswith("Total") and not std.ja.endswith("合計"), (c.name, std)
        if "total" in c.labels:
            assert not c.labels["total"].ja.endswith("合計合計")
    # derived measures named one way, labelled with one template, their base's label first
    for c in concepts:
        for suffix, en, ja in _DERIVED:
            if c.name.endswith(suffix):
                assert en in c.labels["label"].en and ja in c.labels["label"].ja, (c.name, c.labels["label"])
                base = tax.concepts.get(c.name[: -len(suffix)])
                if base is not None:
                    assert c.labels["label"].en.startswith(base.labels["label"].en), c.name
                    assert c.labels["label"].ja.startswith(base.labels["label"].ja), c.name
                assert c.sign == "increase" and c.balance is None
                break
    # the change of a ratio is in points, of an amount or count in its unit: one name, the label says which
    assert tax.concepts["GrossMarginRatioChangeFromPriorYear"].labels["label"].en.endswith("(percentage points)")
    assert tax.concepts["GrossMarginRatioChangeFromPriorYear"].labels["label"].ja.endswith("増減ポイント）")


def test_every_concept_has_facts_and_a_place_in_a_statement(tax):
    from iij_xbrl.sources.load import load_filings

    with_facts = {f.concept for filing in load_filings(ROOT / "sources", tax) for f in filing.facts}
    shown = set()

    def walk(nodes):
        for node in nodes:
            shown.add(node.concept)
            walk(node.children)

    for nodes in tax.presentation.values():
        walk(nodes)
    concepts = {c.name for c in tax.concepts.values() if not c.abstract}
    assert concepts - with_facts == set()  # no concept without a reason to exist
    assert concepts - shown == set()
    abstract = {c.name for c in tax.concepts.values() if c.abstract}
    assert abstract - shown == set()


def test_us_gaap_anchors_name_the_release_the_element_and_how_they_differ(tax):
    """Every anchor is a reference naming the us-gaap release, the element in that release's schema and, by its
    role, the relation (the us-gaap element equivalent to, wider or narrower than the concept); a relation other
    than equivalent or a negated value comes with a note. The issue's wrong anchors stay fixed."""
    ref = etree.parse(str(GENERATED / "iij-2025_ref.xml"))
    ns = {"link": n.NS["link"], "ref": n.NS["ref"], "xlink": n.NS["xlink"]}
    roles = {n.role_uri(role_id): relation for relation, (role_id, _) in n.USGAAP_RELATIONS.items()}
    anchored = {c.name: c for c in tax.concepts.values() if c.usgaap}
    references = ref.findall(".//link:reference", ns)
    assert len(references) == len(anchored) >= 190
    for res in references:
        name = res.get(f"{{{n.NS['xlink']}}}label").removeprefix("ref_")
        c = anchored[name]
        assert roles[res.get(f"{{{n.NS['xlink']}}}role")] == c.usgaap_relation
        assert res.findtext("ref:Number", namespaces=ns) == n.USGAAP_VERSION == "2024"
        assert res.findtext("ref:URI", namespaces=ns) == f"{n.USGAAP_SCHEMA}#us-gaap_{c.usgaap}"
        if c.usgaap_relation != "equivalent" or c.usgaap_negated:
            assert c.usgaap_note and res.findtext("ref:Note", namespaces=ns)
    anchor = {name: (c.usgaap, c.usgaap_relation) for name, c in anchored.items()}
    assert anchor["SellingGeneralAdministrativeAndResearchExpense"] == ("OperatingExpenses", "equivalent")
    assert anchor["Licenses"] == ("FiniteLivedIntangibleAssetsNet", "wider")
    assert anchor["Borrowings"] == ("DebtLongtermAndShorttermCombinedAmount", "equivalent")
    assert anchor["IntersegmentRevenues"] == ("Revenues", "wider")
    assert anchor["PrincipalPaymentsUnderCapitalLeases"] == ("FinanceLeasePrincipalPayments", "equivalent")
    assert anchored["OtherInvestingActivities"].usgaap_negated
    # an equivalent anchor shares the meaning: concepts that are one another's parts do not share one
    equivalent = Counter(c.usgaap for c in anchored.values() if c.usgaap_relation == "equivalent")
    assert {el for el, count in equivalent.items() if count > 1} == set(), equivalent.most_common(3)
    # the statements' line items are anchored, but for the ADS figures and the non-GAAP measures
    statements = ("IncomeStatement", "ComprehensiveIncome", "BalanceSheet", "CashFlowStatement")

    def walk(nodes):
        for node in nodes:
            yield node.concept
            yield from walk(node.children)
    unanchored = {name for role in statements for name in walk(tax.presentation[role])
                  if not tax.concepts[name].abstract and not tax.concepts[name].usgaap}
    assert unanchored == {"WeightedAverageAmericanDepositarySharesBasic", "WeightedAverageAmericanDepositarySharesDiluted",
                          "EarningsPerAmericanDepositaryShareBasic", "EarningsPerAmericanDepositaryShareDiluted",
                          "BusinessAcquisitionNoncontrollingInterests"}


def test_package_metadata_is_complete():
    """Description, publisher, publication date, license and entry-point names in English and Japanese."""
    import zipfile
    from io import BytesIO
    with zipfile.ZipFile(BytesIO((TAXONOMY / n.PACKAGE_FILE).read_bytes())) as z:
        meta = etree.fromstring(z.read(f"{n.PACKAGE_NAME}/META-INF/taxonomyPackage.xml"))
    tp = {"tp": "http://xbrl.org/2016/taxonomy-package"}

    def langs(el, tag):
        return {x.get(XML_LANG) or "en": x.text for x in el.findall(f"tp:{tag}", tp)}
    assert set(langs(meta, "name")) == set(langs(meta, "description")) == set(langs(meta, "publisher")) == {"en", "ja"}
    assert meta.findtext("tp:publicationDate", namespaces=tp) == n.PUBLICATION_DATE
    assert meta.find("tp:license", tp).get("href") == n.LICENSE_URL
    entries = meta.findall("tp:entryPoints/tp:entryPoint", tp)
    assert len(entries) == 2
    assert all(set(langs(e, "name")) == set(langs(e, "description")) == {"en", "ja"} for e in entries)

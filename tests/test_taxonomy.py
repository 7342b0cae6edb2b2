"""The IIJ taxonomy: source checks, generated files in sync, Arelle validates entry point and package."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
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
    expected = set(tax.concepts) | {tax.dimensions.line_items.name}
    expected.add(tax.dimensions.hypercube.name)
    for axis in tax.dimensions.axes:
        expected |= {axis.axis.name, *(m.name for m in axis.members)}
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
            "NetCashProvidedByOperatingActivities"]
    assert [tax.concepts[c].labels["label"].ja for c in core] == [
        "売上高", "売上原価", "売上総利益", "営業利益（損失）", "税引前当期純利益", "法人税等", "当期純利益",
        "資産合計", "負債合計", "現金及び現金同等物", "営業活動によるキャッシュ・フロー"]


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
    assert tax.dimensions.axis_members() == {
        "SegmentAxis": ("ConsolidatedMember", "NetworkServicesAndSIBusinessMember", "ATMOperationBusinessMember",
                        "EliminationMember"),
        "ScenarioAxis": ("ActualMember", "InitialTargetMember", "RevisedTargetMember")}
    assert tax.dimensions.container == "scenario"  # one container: representable in xBRL-JSON/CSV
    assert naming.AXIS_CONTAINER == {axis: tax.dimensions.container for axis in tax.dimensions.axis_members()}
    # the names the code uses are the taxonomy's
    axes = tax.dimensions.axis_members()
    assert {n.NETWORK_SERVICES_AND_SI, n.ATM_OPERATION, n.ELIMINATION} <= set(axes[n.SEGMENT_AXIS])
    assert {n.INITIAL_TARGET, n.REVISED_TARGET} <= set(axes[n.SCENARIO_AXIS])
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
        "# test\n- {name: Revenues, type: monetary, period: duration, balance: credit, "
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
  dimension="iij:SegmentAxis">iij:ATMOperationBusinessMember</xbrldi:explicitMember><xbrldi:explicitMember
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

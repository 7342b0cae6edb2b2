"""Arelle as the oracle for the published filings: every XML and xBRL-JSON instance loads and validates with
0 errors, and Arelle's own xBRL-JSON conversion of our XML instance holds exactly the facts of our xBRL-JSON.

One publish into a temp project copy (the shared taxonomy/ is never rewritten by tests), one batched Arelle run.
"""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

import arelle_oracle
from emit_fixtures import FILINGS, sample_filing
from report_fixtures import reports
from iij_xbrl.taxonomy.names import PACKAGE_FILE
from iij_xbrl.emit.oim_json import to_json
from iij_xbrl.emit.xbrl_xml import to_xml
from iij_xbrl.xbrl.command import validate


pytestmark = pytest.mark.arelle


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    return reports(tmp_path_factory).dir  # the real project, published


@pytest.fixture(scope="module")
def arelle_run(published, tmp_path_factory) -> tuple[list[dict], Path]:
    """Validate all instances (plus the hand-built sample) in one Arelle process; save Arelle's OIM of each XML."""
    work = tmp_path_factory.mktemp("arelle")
    sample = sample_filing()
    (work / "sample_xml.xbrl").write_bytes(to_xml(sample))
    (work / "sample.json").write_bytes(to_json(sample))
    # XML copies get their own stem so the OIM Arelle saves for them cannot clash with the JSON inputs' names;
    # the extension schemas they cite come along
    xml = [shutil.copy(published / f / f"{f}.xbrl", work / f"{f}_xml.xbrl") for f in FILINGS]
    for f in FILINGS:
        for name in (f"{f}.xsd", f"{f}_cal.xml"):
            shutil.copy(published / f / name, work / name)
    inputs = [*xml, str(work / "sample_xml.xbrl"), *(str(published / f / f"{f}.json") for f in FILINGS),
              str(work / "sample.json")]
    entries = arelle_oracle.run(["--packages", str(published / PACKAGE_FILE), "-f", "|".join(map(str, inputs)),
                                 "-v", "--plugins", "saveLoadableOIM", "--saveLoadableOIMDirectory", str(work / "oim")])
    return entries, work / "oim"


def _by_file(entries: list[dict]) -> Counter:
    counts = Counter()
    for e in arelle_oracle.problems(entries):
        hrefs = {Path(r.get("href", "").split("#")[0]).name for r in e.get("refs", [])} or {"?"}
        for href in hrefs:
            counts[(href, e["level"])] += 1
    return counts


def _errors_in(entries: list[dict], xml: bool) -> list[dict]:
    """Errors of the XML inputs (`*_xml.xbrl`) or of the JSON ones (Arelle refers to those as `<stem>.xbrl`)."""
    errors = arelle_oracle.problems(entries, levels=("error", "critical", "inconsistency"))
    return [e for e in errors if not e.get("refs")
            or any(("_xml." in r.get("href", "")) == xml for r in e["refs"])]


def test_arelle_validates_every_xml_instance_without_errors(arelle_run):
    entries, _ = arelle_run
    loaded = [e for e in entries if "loaded in" in e.get("message", {}).get("text", "")]
    assert len(loaded) == 10, arelle_oracle.summary(entries)
    errors = _errors_in(entries, xml=True)
    assert not errors, arelle_oracle.summary(errors)
    print(f"Arelle warnings: {dict(_by_file(arelle_oracle.problems(entries, levels=('warning',))))}")


# xBRL-XML (OIM) allows one dimension container per report: Arelle's xBRL-JSON loader puts every taxonomy
# dimension where the DTS's hypercube expects it only if there is a single one, hence both axes in `scenario`.
def test_arelle_validates_every_json_instance_without_errors(arelle_run):
    entries, _ = arelle_run
    errors = _errors_in(entries, xml=False)
    assert not errors, arelle_oracle.summary(errors)


def _resolve(value: str, namespaces: dict[str, str]) -> str:
    prefix, _, local = value.partition(":")
    return f"{{{namespaces[prefix]}}}{local}" if prefix in namespaces and local else value


def oim_facts(path: Path) -> dict[str, tuple]:
    """Fact id -> (concept, entity, period, taxonomy dimensions), unit, value, decimals; prefixes resolved."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    ns = doc["documentInfo"]["namespaces"]
    facts = {}
    for fact_id, fact in doc["facts"].items():
        dims = {_resolve(k, ns): _resolve(v, ns) for k, v in fact["dimensions"].items()}
        unit = "/".join(_resolve(part, ns) for part in dims.pop("unit", "").split("/") if part)
        aspects = tuple(sorted((k, v) for k, v in dims.items()))
        value = None if fact["value"] is None else Decimal(fact["value"])
        facts[fact_id] = (aspects, unit, value, fact.get("decimals"))
    return facts


@pytest.mark.parametrize("filing", FILINGS + ("sample",))
def test_arelle_oim_of_our_xml_equals_our_json(arelle_run, published, filing):
    _, oim_dir = arelle_run
    ours = oim_dir.parent / "sample.json" if filing == "sample" else published / filing / f"{filing}.json"
    theirs = oim_dir / f"{filing}_xml.json"
    mine, arelle = oim_facts(ours), oim_facts(theirs)
    assert mine == arelle, {k: (mine.get(k), arelle.get(k)) for k in set(mine) | set(arelle)
                            if mine.get(k) != arelle.get(k)}
    assert mine


def _context(text: str) -> str:
    return re.search(r"context ([^,\s]+)", text)[1]


def test_arelle_calc11_inconsistencies_equal_ours(published):
    """Arelle `--calc c11r` on the published XML instances (each citing its extension schema) reports the same
    (filing, total, context) inconsistencies as `iij-xbrl validate`, and nothing else."""
    instances = [published / f / f"{f}.xbrl" for f in FILINGS]
    package = published / PACKAGE_FILE
    entries = arelle_oracle.run(["--packages", str(package), "-f", "|".join(map(str, instances)), "-v",
                                 "--calc", "c11r"])
    others = arelle_oracle.problems(entries, levels=("error", "critical", "warning"))
    assert not others, arelle_oracle.summary(others)
    theirs = set()
    for e in arelle_oracle.problems(entries, levels=("inconsistency",)):
        assert e["code"] == "calc11e:inconsistentCalculationUsingRounding", arelle_oracle.summary([e])
        text = e["message"]["text"]
        theirs.add((Path(e["refs"][0]["href"].split("#")[0]).stem, re.search(r"from (\S+)", text)[1], _context(text)))
    ours = {(Path(f.filing).stem, f.concepts[0], _context(f.message)) for f in validate(instances, [package])}
    assert theirs == ours and ours

"""Arelle loads every xBRL-CSV report and every Inline XBRL report (four real filings and the hand-built sample
with findings and charts) with 0 errors, and the facts it reads equal our xBRL-JSON's, fact by fact: concept,
entity, period, dimensions, unit, value, decimals. One batched Arelle run per format."""
from __future__ import annotations

import pytest

import arelle_oracle
from report_fixtures import fact_differences, oim_facts, reports

pytestmark = pytest.mark.arelle

# format -> (report file of a filing, the name saveLoadableOIM gives its xBRL-JSON)
FORMATS = {"csv": ("{}-metadata.json", "{}-metadata.json"), "ixbrl": ("{}.xhtml", "{}.json")}


@pytest.fixture(scope="module", params=sorted(FORMATS))
def arelle_run(request, tmp_path_factory):
    report, saved = FORMATS[request.param]
    rep = reports(tmp_path_factory)
    oim = tmp_path_factory.mktemp(f"{request.param}-oim")
    inputs = [str(rep.dir / f / report.format(f)) for f in rep.filings]
    entries = arelle_oracle.run(["--packages", str(rep.taxonomy_package), "-f", "|".join(inputs), "-v",
                                 "--plugins", "saveLoadableOIM", "--saveLoadableOIMDirectory", str(oim)])
    return rep, entries, oim, saved


def test_arelle_loads_every_report_without_errors(arelle_run):
    rep, entries, _, _ = arelle_run
    loaded = [e for e in entries if "loaded" in e.get("message", {}).get("text", "")]
    assert len(loaded) >= len(rep.filings), arelle_oracle.summary(entries[:20])
    errors = arelle_oracle.problems(entries, levels=("error", "critical", "warning"))
    assert not errors, arelle_oracle.summary(errors)


@pytest.mark.parametrize("filing", ["fy2008h1", "fy2010h1", "fy2012h1", "fy2013q3", "sample"])
def test_report_facts_equal_the_json_facts(arelle_run, filing):
    rep, _, oim, saved = arelle_run
    mine = oim_facts(rep.dir / filing / f"{filing}.json")
    arelle = oim_facts(oim / saved.format(filing))
    assert mine == arelle, fact_differences(mine, arelle)
    assert sum(mine.values()) > 10

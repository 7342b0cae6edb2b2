"""Arelle loads every xBRL-CSV report (four real filings and the hand-built sample) and its facts equal the
xBRL-JSON report's: concept, entity, period, dimensions, unit, value, decimals. One batched Arelle run."""
from __future__ import annotations

import pytest

import arelle_oracle
from report_fixtures import fact_differences, oim_facts, reports

pytestmark = pytest.mark.arelle


@pytest.fixture(scope="module")
def arelle_run(tmp_path_factory):
    rep = reports(tmp_path_factory)
    oim = tmp_path_factory.mktemp("csv-oim")
    inputs = [str(rep.dir / f / f"{f}-metadata.json") for f in rep.filings]
    entries = arelle_oracle.run(["--packages", str(rep.taxonomy_package), "-f", "|".join(inputs), "-v",
                                 "--plugins", "saveLoadableOIM", "--saveLoadableOIMDirectory", str(oim)])
    return rep, entries, oim


def test_arelle_loads_every_csv_report_without_errors(arelle_run):
    rep, entries, _ = arelle_run
    loaded = [e for e in entries if "loaded" in e.get("message", {}).get("text", "")]
    assert len(loaded) >= len(rep.filings), arelle_oracle.summary(entries[:20])
    errors = arelle_oracle.problems(entries, levels=("error", "critical"))
    assert not errors, arelle_oracle.summary(errors)


@pytest.mark.parametrize("filing", ["fy2008h1", "fy2010h1", "fy2012h1", "fy2013q3", "sample"])
def test_csv_facts_equal_the_json_facts(arelle_run, filing):
    rep, _, oim = arelle_run
    mine = oim_facts(rep.dir / filing / f"{filing}.json")
    arelle = oim_facts(oim / f"{filing}-metadata.json")
    assert mine == arelle, fact_differences(mine, arelle)
    assert sum(mine.values()) > 10

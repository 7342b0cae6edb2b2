"""Bulk validation: directories by content, `validate --jobs`, the picklable validate_file, Dask into PostgreSQL."""
from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pg import pg_url  # noqa: F401  (fixture)
from iij_xbrl.xbrl.command import Result, expand, validate_file, validate_files

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import shapes  # noqa: E402

REPORTS = ("xbrl", "json", "csv", "inline", "xbr")


@pytest.fixture(scope="module")
def filings(tmp_path_factory) -> Path:
    """Two shapes in every format, their taxonomy files, CSV tables and a taxonomy package beside them."""
    root = tmp_path_factory.mktemp("filings")
    for shape in ("deep-calc", "duplicate-heavy"):
        shapes.generate(shape, 600, shapes.FORMATS, root=root)
    with zipfile.ZipFile(root / "taxonomy.zip", "w") as zf:  # a taxonomy package is no report
        zf.writestr("t/META-INF/taxonomyPackage.xml", "<taxonomyPackage/>")
    (root / ".hidden.xbrl").write_text("<not-read/>")
    return root


def _key(r: Result) -> tuple:
    return (r.path, r.invalid, r.counts, sorted((f.rule, f.message, f.sources[0].line) for f in r.findings))


def test_a_directory_stands_for_the_reports_in_it(filings):
    found = [p.relative_to(filings).as_posix() for p in expand([filings])]
    assert found == [f"{d}/{d}{suffix}" for d in ("deep-calc-600", "duplicate-heavy-600")
                     for suffix in ("-metadata.json", ".json", ".xbr", ".xbrl", ".xhtml")]


def test_jobs_give_the_same_results_in_the_same_order(filings):
    one = validate_files([filings], [], jobs=1)
    two = validate_files([filings], [], jobs=2)
    assert [_key(r) for r in two] == [_key(r) for r in one] and len(one) == 10
    assert all(r.exit_code() == 1 and not r.invalid for r in one)  # planted inconsistencies, nothing invalid


def test_validate_file_is_a_picklable_pure_function(filings):
    path = filings / "deep-calc-600" / "deep-calc-600.xbrl"
    function = pickle.loads(pickle.dumps(validate_file))
    result = pickle.loads(pickle.dumps(function(path, [])))
    assert _key(result) == _key(validate_file(str(path)))
    assert {f.rule for f in result.findings} == {"calc11e:inconsistentCalculationUsingRounding"}


def test_cli_jobs_and_a_directory_without_reports(filings, tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "notes.txt").write_text("no XBRL here")
    proc = subprocess.run([sys.executable, "-c", "from iij_xbrl.cli import main; main()", "validate", "--jobs", "2",
                           "--format", "json", str(filings), str(empty)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"error: {empty}: IOerror: refused: a directory holding no XBRL report "
                                   "(instances, inline XBRL, xBRL-JSON, xBRL-CSV metadata and report packages are "
                                   "recognised by content)")
    found = json.loads(proc.stdout)
    assert {f["filing"].partition("!/")[0] for f in found if f["rule"].startswith("calc11e")} == {
        str(p) for p in expand([filings])}


def test_dask_cluster_validates_a_directory_into_postgresql(filings, pg_url, tmp_path):
    distributed = pytest.importorskip("distributed")
    import psycopg

    from iij_xbrl.fleet import validate_on

    copy = tmp_path / "fleet"
    shutil.copytree(filings / "deep-calc-600", copy)
    url = f"{pg_url}?schema=validation"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster, distributed.Client(cluster) as client:
        results = validate_on(client, [copy], db_url=url)
        assert [_key(r) for r in results] == [_key(r) for r in validate_files([copy], [])]
        again = validate_on(client, [copy], db_url=url)  # the same filings again: their findings replaced
    expected = sum(len(r.findings) for r in again)
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT filing, rule, count(*) FROM validation.findings GROUP BY 1, 2 ORDER BY 1").fetchall()
        lines = conn.execute("SELECT count(*) FROM validation.finding_sources WHERE line IS NOT NULL").fetchone()[0]
    assert sum(n for _, _, n in rows) == expected == 5 * len(REPORTS) * 2  # 10 inconsistencies per format
    assert {f.partition("!/")[0] for f, _, _ in rows} == {r.path for r in results}
    assert {rule for _, rule, _ in rows} == {"calc11e:inconsistentCalculationUsingRounding"} and lines > 0

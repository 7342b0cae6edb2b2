"""`iij-xbrl export` of the real publication (what `publish` wrote): SQLite and PostgreSQL hold identical rows, the
same rows as loading the publication object itself, a second export changes nothing, and the figures are the
printed ones."""
from __future__ import annotations

from decimal import Decimal

import pytest
from pg import pg_url  # noqa: F401  (fixture)
from report_fixtures import reports
from test_export import dump, query

from emit_fixtures import ROOT
from iij_xbrl import publication
from iij_xbrl.export import command
from iij_xbrl.export.load import export_to
from iij_xbrl.export.published import read
from iij_xbrl.paths import Project
from iij_xbrl.xbrl.errors import InputError

PROJECT = Project(ROOT)
D001 = "001_5ab34944f22f6fd1.txt"


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return reports(tmp_path_factory).dir  # the real project, published


@pytest.fixture(scope="module")
def reexport(out_dir):
    def run(url):
        command.load_published(url, out_dir)
    return run


def test_published_rows_are_the_publications_rows(out_dir, tmp_path):
    """Loading out/ gives exactly the rows of loading the in-memory publication from the sources."""
    published = publication.load(PROJECT)
    direct, loaded = f"sqlite:///{tmp_path}/direct.sqlite", f"sqlite:///{tmp_path}/loaded.sqlite"
    export_to(direct, published.taxonomy, published.filings, published.findings, read(out_dir).calculations,
              documents_dir=PROJECT.sources)
    command.load_published(loaded, out_dir)
    assert dump(loaded) == dump(direct)


def test_sqlite_and_postgresql_hold_identical_rows_and_reloading_changes_nothing(out_dir, tmp_path, pg_url,
                                                                                   reexport, capsys):
    sqlite_url = f"sqlite:///{tmp_path}/iij.sqlite"
    assert command.run(sqlite_url, out_dir, PROJECT) == 0
    assert "facts" in capsys.readouterr().out
    first = dump(sqlite_url)
    reexport(pg_url)
    assert dump(pg_url) == first
    reexport(sqlite_url)
    reexport(pg_url)
    assert dump(sqlite_url) == first
    assert dump(pg_url) == first


def test_real_figures_are_exact(out_dir, tmp_path):
    url = f"sqlite:///{tmp_path}/iij.sqlite"
    command.run(url, out_dir, PROJECT)
    # The press release's thousands (001) beat the presentation's millions and billions (000).
    revenue = query(url, "SELECT value, decimals, document FROM filing_facts WHERE concept = 'Revenues' "
                         "AND period_start = '2012-04-01' AND period_end = '2012-09-30' AND dimensions = '' "
                         f"AND filing = (SELECT filing FROM documents WHERE name = '{D001}')")
    assert [(Decimal(v), d, doc) for v, d, doc in revenue] == [(Decimal("51109001000"), -3, D001)]
    eps = query(url, "SELECT DISTINCT value FROM facts WHERE printed_text = '49.51' AND unit = 'JPYPerShare'")
    assert [Decimal(v) for v, in eps] == [Decimal("49.51")]
    labels = query(url, "SELECT label_en, label_ja, period_type, balance FROM concepts WHERE name = 'Revenues'")
    assert labels and labels[0][1] and labels[0][2:] == ("duration", "credit")
    assert query(url, "SELECT count(*) FROM calculation_relationships WHERE from_concept = 'Revenues'")[0][0] >= 2
    assert query(url, "SELECT l.text FROM finding_sources s JOIN document_lines l "
                      "ON l.document = s.document AND l.line = s.line")[0][0].strip()


def test_an_out_without_manifest_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="run `iij-xbrl publish` first"):
        command.run(f"sqlite:///{tmp_path}/iij.sqlite", tmp_path, PROJECT)

"""The long-form facts table (out/facts.parquet beside facts.csv) and the read API `iij_xbrl.data.facts`: same
bytes for the same publication, the same rows and exact values in every reader (pyarrow, pandas, Polars, DuckDB),
numeric values in a DataFrame, a tampered file refused."""
from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from report_fixtures import reports

from iij_xbrl import data
from iij_xbrl.emit import longform
from iij_xbrl.xbrl.errors import InputError


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return reports(tmp_path_factory).dir  # the real project, published


@pytest.fixture(scope="module")
def published_csv(out_dir):
    with open(out_dir / longform.CSV, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_parquet_file_has_the_same_bytes_for_the_same_publication(out_dir):
    from emit_fixtures import ROOT

    from iij_xbrl import publication
    from iij_xbrl.paths import Project

    again = longform.facts_parquet(publication.load(Project(ROOT)))[longform.PARQUET]
    assert again == (out_dir / longform.PARQUET).read_bytes()


def test_every_reader_gets_the_published_rows_with_exact_values(out_dir, published_csv):
    import duckdb
    import polars
    import pyarrow.parquet as pq

    path = out_dir / longform.PARQUET
    expected = [(r["print_id"], Decimal(r["value"]) if r["value"] else None) for r in published_csv]
    table = pq.read_table(path)
    assert table.schema.field("value").type.scale == longform.SCALE
    assert [(r["print_id"], r["value"]) for r in table.select(["print_id", "value"]).to_pylist()] == expected
    frame = polars.read_parquet(path)
    assert list(zip(frame["print_id"].to_list(), frame["value"].to_list())) == expected
    assert duckdb.sql(f"SELECT print_id, value FROM '{path}'").fetchall() == expected
    jpy = [v for (_, v), r in zip(expected, published_csv) if r["unit"] == "JPY" and v is not None]
    assert duckdb.sql(f"SELECT max(value), count(*) FILTER (WHERE value > 1000000000) FROM '{path}' "
                      "WHERE unit = 'JPY'").fetchall() == [(max(jpy), sum(v > 1000000000 for v in jpy))]
    assert table.column_names == list(longform.arrow_schema().names)
    assert set(longform.COLUMNS) <= set(table.column_names) and {"value_text"} <= set(table.column_names)


def test_facts_as_a_dataframe_has_numeric_values(out_dir, published_csv):
    import pandas  # a test extra (the product's optional extra `pandas`)

    df = data.facts(out_dir, unit="JPY")
    assert isinstance(df, pandas.DataFrame) and len(df) == sum(r["unit"] == "JPY" for r in published_csv)
    assert pandas.api.types.is_float_dtype(df["value"])
    top = df.sort_values("value", ascending=False).iloc[0]
    assert top["value_exact"] == max(Decimal(r["value"]) for r in published_csv if r["unit"] == "JPY" and r["value"])
    assert all(Decimal(repr(float(v))) == e for v, e in zip(df["value"].dropna(), df["value_exact"].dropna()))
    assert (df["value"] > 1e9).sum() == sum(1 for r in published_csv if r["unit"] == "JPY" and r["value"]
                                            and Decimal(r["value"]) > 1000000000)


def test_facts_as_rows_with_filters(out_dir):
    rows = data.facts(out_dir, frame=False, concept="Revenues", dimensions="", fiscal_period="1H",
                      authoritative=True)
    assert rows and all(isinstance(r["value"], Decimal) for r in rows)
    assert len({(r["period_start"], r["period_end"]) for r in rows}) == len(rows)  # one value per figure
    h1_12 = [r for r in rows if str(r["period_end"]) == "2012-09-30"]
    assert [(r["value"], r["document"]) for r in h1_12] == [(Decimal("51109001000"), "001_5ab34944f22f6fd1.txt")]
    with pytest.raises(TypeError, match="unknown filters"):
        data.facts(out_dir, colour="red")


def test_a_changed_parquet_file_is_refused(out_dir, tmp_path):
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(out_dir, copy, ignore=shutil.ignore_patterns("fy*", "documents", "*.zip"))
    (copy / longform.PARQUET).write_bytes((copy / longform.PARQUET).read_bytes()[:-10] + b"0" * 10)
    with pytest.raises(InputError, match="differs from the published file"):
        data.facts(copy)
    with pytest.raises(InputError, match="run `iij-xbrl publish` first"):
        data.facts(tmp_path / "nowhere")


def test_csv_and_parquet_hold_the_same_rows(out_dir, published_csv):
    import pyarrow.parquet as pq

    table = pq.read_table(out_dir / longform.PARQUET).to_pylist()
    assert len(table) == len(published_csv)
    for row, text in zip(table, published_csv):
        assert {k: longform._csv_cell(v) for k, v in row.items() if k not in ("value", "value_text")} \
            == {k: v for k, v in text.items() if k != "value"}
        assert row["value_text"] == (text["value"] or None)

"""Every print of every filing as one long table, facts.csv and facts.parquet: one row per print with all its
aspects, the exact value, where it is printed and the ids the reports use. `iij-xbrl export` loads facts.csv;
analysts read either file directly (pandas, Polars, DuckDB) or through `iij_xbrl.data.facts`.
"""
from __future__ import annotations

import contextlib
import csv
import io
import sys
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from ..model import Fact, StockSplit
from ..publication import FilingFacts, Publication, authoritative
from ..sources import calendar
from ..sources.filings import FILE as FILINGS_FILE
from ..taxonomy import names
from ..xbrl.decimals import plain
from ..xbrl.errors import InputError
from . import naming

CSV = "facts.csv"
PARQUET = "facts.parquet"
# One row per print: aspects, the value exactly as a decimal (empty = nil), decimals (empty = exact), where it is
# printed (document, line, the printed text, the document's release date), the print's id, the id of the
# instance fact and context of its figure, whether this print is the one the instance holds (1) or a duplicate
# that agrees or conflicts (0), whether it is the figure's value to use (`publication.authoritative`), and the
# share basis of a per-share amount relative to the latest stock split (pre-split, post-split, mixed).
COLUMNS = ("filing", "concept", "period_start", "period_end", "dimensions", "unit", "value", "decimals",
           "document", "line", "printed_text", "print_id", "fact_id", "in_instance", "context_id", "fiscal_year",
           "fiscal_period", "authoritative", "basis", "released")
# Parquet decimals: fixed precision and scale, so every reader gets one numeric type; a value with more
# fractional digits is refused, never rounded (the published figures have at most 3).
PRECISION, SCALE = 38, 6


def dimensions_key(dimensions: dict[str, str]) -> str:
    """'ScenarioAxis=InitialTargetMember;BusinessSegmentsAxis=…', sorted by axis; '' for none."""
    return ";".join(f"{axis}={member}" for axis, member in sorted(dimensions.items()))


def _per_share(fact: Fact) -> bool:
    return fact.unit is not None and "xbrli:shares" in names.UNITS[fact.unit][1]


def _basis(fact: Fact, released, split: StockSplit | None) -> str | None:
    if split is None or not _per_share(fact):
        return None
    if any(ref.matches(fact.provenance) for ref in split.mixed_basis):
        return "mixed"
    if released < split.effective or any(ref.matches(fact.provenance) for ref in split.old_basis):
        return "pre-split"
    return "post-split"


def _check_split(split: StockSplit | None, filings: tuple[FilingFacts, ...], where: str) -> None:
    """Every print the split lists must be a per-share print: a stale line number would mark nothing."""
    if split is None:
        return
    prints = [f for filing in filings for f in filing.prints if _per_share(f)]
    for ref in (*split.old_basis, *split.mixed_basis):
        if not any(ref.matches(f.provenance) for f in prints):
            raise InputError(where, f"stock split {split.effective}: {ref.document}:{ref.line}"
                                             f"{' ' + repr(ref.text) if ref.text else ''} prints no per-share figure")


def rows(publication: Publication) -> Iterator[dict]:
    """The table's rows as Python values (Decimal, date, int, bool, None), in filing, document and sheet order."""
    filings = publication.filings
    splits = filings[0].spec.entity.stock_splits if filings else ()
    split = max(splits, key=lambda s: s.effective) if splits else None
    _check_split(split, filings, str(publication.project.sources / FILINGS_FILE))
    chosen = authoritative(filings)
    seen: set[str] = set()
    for filing in filings:
        released = {d.file: d.released for d in filing.spec.documents}
        for f in filing.prints:
            print_id = naming.print_id(f)
            if print_id in seen:  # two prints of one figure on one line: the id would name neither
                raise ValueError(f"two prints with the id {print_id}")
            seen.add(print_id)
            p = f.provenance
            fiscal_year, fiscal_period = calendar.fiscal_span(f.period)
            yield {"filing": filing.id, "concept": f.concept, "period_start": f.period.start,
                   "period_end": f.period.end, "dimensions": dimensions_key(f.dimensions), "unit": f.unit,
                   "value": f.value, "decimals": None if f.value is None else f.decimals, "document": p.document,
                   "line": p.line, "printed_text": p.text, "print_id": print_id, "fact_id": naming.fact_id(f),
                   "in_instance": filing.holds(f), "context_id": naming.fact_context_id(f),
                   "fiscal_year": fiscal_year, "fiscal_period": fiscal_period, "authoritative": id(f) in chosen,
                   "basis": _basis(f, released[p.document], split), "released": released[p.document]}


@lru_cache(maxsize=1)  # one publication at a time: facts.csv and facts.parquet hold the same rows
def _table(publication: Publication) -> tuple[dict, ...]:
    return tuple(rows(publication))


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, Decimal):
        return plain(value)
    return str(value)


def facts_csv(publication: Publication) -> dict[str, bytes]:
    """facts.csv: every print, values exactly as decimals (trailing zeros kept: 17.50)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in _table(publication):
        writer.writerow([_csv_cell(row[c]) for c in COLUMNS])
    return {CSV: out.getvalue().encode("utf-8")}


def arrow_schema():
    import pyarrow as pa

    text, day = pa.string(), pa.date32()
    types = {"filing": text, "concept": text, "period_start": day, "period_end": day, "dimensions": text,
             "unit": text, "value": pa.decimal128(PRECISION, SCALE), "value_text": text, "decimals": pa.int16(),
             "document": text, "line": pa.int32(), "printed_text": text, "print_id": text, "fact_id": text,
             "in_instance": pa.bool_(), "context_id": text, "fiscal_year": pa.int16(), "fiscal_period": text,
             "authoritative": pa.bool_(), "basis": text, "released": day}
    order = [*COLUMNS[:7], "value_text", *COLUMNS[7:]]
    return pa.schema([pa.field(name, types[name], nullable=name not in _REQUIRED) for name in order])


_REQUIRED = {"filing", "concept", "period_end", "dimensions", "document", "line", "printed_text", "print_id",
             "fact_id", "in_instance", "context_id", "authoritative", "released"}


def _scaled(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    if value.as_tuple().exponent < -SCALE:
        raise ValueError(f"{value} has more than {SCALE} fractional digits: facts.parquet would round it")
    return value.quantize(Decimal(1).scaleb(-SCALE))


class _NoPandas:
    """A meta path finder refusing `import pandas` (see _without_pandas)."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not needed to build this table")
        return None


@contextlib.contextmanager
def _without_pandas() -> Iterator[None]:
    """pyarrow asks whether pandas is installed, importing it (a quarter of a second), before it converts any
    Python list; these lists are no pandas objects, so while the table is built `import pandas` fails, and then
    pyarrow's pandas shim is reset so that later callers find pandas as usual. Nothing changes where pandas is
    imported already or pyarrow has no such shim."""
    import pyarrow.lib

    shim = getattr(pyarrow.lib, "_pandas_api", None)
    if "pandas" in sys.modules or shim is None:
        yield
        return
    sys.meta_path.insert(0, _NoPandas)
    try:
        yield
    finally:
        sys.meta_path.remove(_NoPandas)
        shim.__init__()  # forget the failed import


def facts_parquet(publication: Publication) -> dict[str, bytes]:
    """facts.parquet: the same rows with `value` as decimal128(38, 6) and `value_text` the exact printed decimal.
    Same publication, same bytes (no timestamps; the writer's version is the only varying metadata)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    table_rows = _table(publication)
    columns = {name: [r.get(name) for r in table_rows] for name in schema.names}
    columns["value"] = [_scaled(v) for v in columns["value"]]
    columns["value_text"] = [None if r["value"] is None else plain(r["value"]) for r in table_rows]
    with _without_pandas():
        table = pa.table(columns, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", compression_level=9, write_statistics=True)
    return {PARQUET: sink.getvalue()}

"""Read the published facts from Python: `iij_xbrl.data.facts()`.

    from iij_xbrl import data
    df = data.facts("out", concept="Revenues", authoritative=True)   # pandas DataFrame when pandas is installed
    rows = data.facts("out", frame=False)                            # list of dicts, `value` a decimal.Decimal

Reads out/facts.parquet (one row per print, the columns of `emit.longform`), checked against out/manifest.json
first: a file that differs from what `publish` wrote is refused. In a DataFrame `value` is Float64, so pandas
arithmetic, plotting and statistics work (every published figure has at most 15 significant digits, so each
float converts back to the printed decimal), `value_exact` the exact `decimal.Decimal` and `value_text` its text;
dates are `datetime.date`, missing values `None`/NaN. Without pandas (`pip install 'iij-xbrl[pandas]'`), or
with `frame=False`, rows are dicts with `value` a Decimal.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from .emit.longform import PARQUET
from .emit.manifest import MANIFEST
from .xbrl.errors import InputError

_FILTERS = ("concept", "filing", "unit", "dimensions", "document", "fiscal_period", "fiscal_year")


def _checked(out: Path) -> Path:
    path = out / PARQUET
    manifest_path = out / MANIFEST
    try:
        entry = json.loads(manifest_path.read_text(encoding="utf-8"))["files"][PARQUET]
        data = path.read_bytes()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"no published facts table ({exc}): run `iij-xbrl publish` first") from None
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise InputError(str(path), "differs from the published file (sha256): publish again")
    return path


def _matches(value: Any, wanted: Any) -> bool:
    if isinstance(wanted, (list, tuple, set, frozenset)):
        return value in wanted
    return value == wanted


def facts(out: str | Path = "out", *, frame: bool | None = None, authoritative: bool | None = None,
          in_instance: bool | None = None, **filters: Any):
    """The published prints, optionally filtered: `concept`, `filing`, `unit`, `dimensions` ('' = consolidated
    actual), `document`, `fiscal_period`, `fiscal_year` (each a value or a collection of values), and
    `authoritative=True` (each figure's value to use) or `in_instance=True` (what each filing's instance holds).

    frame: True for a pandas DataFrame, False for a list of dicts; None (default) a DataFrame when pandas is
    installed."""
    import pyarrow.parquet as pq

    unknown = sorted(set(filters) - set(_FILTERS))
    if unknown:
        raise TypeError(f"facts() got unknown filters {unknown}; known: {', '.join(_FILTERS)}")
    wanted = {**filters, **({} if authoritative is None else {"authoritative": authoritative}),
              **({} if in_instance is None else {"in_instance": in_instance})}
    rows = [row for row in pq.read_table(_checked(Path(out))).to_pylist()
            if all(_matches(row[k], v) for k, v in wanted.items())]
    if frame is None:
        frame = _pandas() is not None
    return _frame(rows) if frame else [_exact(row) for row in rows]


def _exact(row: dict) -> dict:
    """The Parquet decimal (scale 6) as the published decimal: value_text's digits."""
    return {**row, "value": None if row["value_text"] is None else Decimal(row["value_text"])}


def _pandas():
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def _frame(rows: Iterable[dict]):
    from .emit.longform import arrow_schema

    pandas = _pandas()
    if pandas is None:
        raise ImportError("facts(frame=True) needs pandas: pip install 'iij-xbrl[pandas]'")
    rows = [_exact(row) for row in rows]
    columns = list(arrow_schema().names)
    df = pandas.DataFrame.from_records(rows, columns=columns)
    df.insert(columns.index("value") + 1, "value_exact", df["value"])
    df["value"] = pandas.array([None if v is None else float(v) for v in df["value_exact"]], dtype="Float64")
    for column in ("decimals", "line", "fiscal_year"):  # integers with gaps stay integers
        df[column] = df[column].astype("Int64")
    return df

"""xBRL-CSV 1.0 reader: the metadata JSON and its tables, turned into OIM facts for oim's reader.

Each non-empty cell of a fact column is a fact whose dimensions are resolved column -> template ->
report (`$name` reads the cell of column `name` in the same row, else a table or report parameter),
whose decimals come from a `d-3` suffix, else the column, template or report `decimals`. Periods in
xBRL-CSV's short forms (`2012-04-01..2012-09-30`, `2012-09-30@end`, `2013`, `2013Q1`, `2013H1`, a bare
date = one day) become the xBRL-JSON forms, so the facts then go through exactly the xBRL-JSON checks
and into the same fact table. Table files resolve against the metadata's URL: beside it on disk, or in
the same report package.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta
from urllib.parse import urljoin

from .dts import DtsLoader
from .errors import InputError
from .inputs import Input
from .instance import Report
from .oim import FactReader, info_problems, load_taxonomy

DOCUMENT_TYPES = ("https://xbrl.org/2021/xbrl-csv",)
_TOP = frozenset(("documentInfo", "tableTemplates", "tables", "parameters", "dimensions", "decimals", "links",
                  "final", "parameterURL"))
_INFO = frozenset(("documentType", "namespaces", "linkTypes", "linkGroups", "taxonomy", "features", "baseURL",
                   "final"))
_TEMPLATE = frozenset(("columns", "rowIdColumn", "dimensions", "decimals"))
_COLUMN = frozenset(("comment", "dimensions", "decimals", "propertyGroups", "propertiesFrom"))
_TABLE = frozenset(("url", "template", "optional", "parameters"))
_SUFFIX = re.compile(r"(.*?) ?d(-?[0-9]+|INF)")
_BAD_SUFFIX = re.compile(r".*[0-9.] ?d[+]?[0-9]*")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_\-.]*")
_DATE = re.compile(r"(-?[0-9]{4})-([0-9]{2})-([0-9]{2})")
_DATETIME = re.compile(r"-?[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})?")
_YEAR = re.compile(r"(-?[0-9]{4})(?:(?:-([0-9]{2}))|Q([1-4])|H([12]))?")
MAX_ROWS = 10_000_000


def read_csv(src: Input, loader: DtsLoader, doc: object) -> Report:
    """The xBRL-CSV report whose metadata `doc` (as oim.load returned it) was read from `src`."""
    shown = src.shown
    bad = _structure(doc)
    if bad:
        raise InputError(shown, "; ".join(bad[:3]) + (f" (and {len(bad) - 3} more)" if len(bad) > 3 else ""),
                         code="xbrlce:invalidJSONStructure")
    info = doc["documentInfo"]
    dts = load_taxonomy(src, loader, info)
    reader = FactReader(shown, dts, info.get("namespaces", {}), codes="xbrlce")
    facts: dict[str, dict] = {}
    templates = doc.get("tableTemplates", {})
    report_params = doc.get("parameters", {})
    for table_name, table in doc.get("tables", {}).items():
        template_name = table.get("template", table_name)
        template = templates.get(template_name)
        if template is None:
            raise InputError(shown, f"table {table_name!r}: no template {template_name!r}",
                             code="xbrlce:unknownTableTemplate")
        rows = _rows(src, loader, table_name, table)
        if rows is None:
            continue
        _facts(doc, table_name, template, {**report_params, **table.get("parameters", {})}, rows, reader, facts,
               shown)
    return reader.read(facts)


def _structure(doc: dict) -> list[str]:
    bad = [f"/{k}: unexpected member" for k in doc if k not in _TOP and ":" not in k]
    info = doc.get("documentInfo")
    if not isinstance(info, dict):
        return bad + ["/documentInfo: missing or not an object"]
    bad += [f"/documentInfo/{k}: unexpected member" for k in info if k not in _INFO and ":" not in k]
    bad += info_problems(info)
    for key in ("tableTemplates", "tables", "parameters", "dimensions"):
        if not isinstance(doc.get(key, {}), dict):
            bad.append(f"/{key}: not an object")
    if bad:
        return bad
    for name, template in doc.get("tableTemplates", {}).items():
        where = f"/tableTemplates/{name[:40]}"
        if not isinstance(template, dict) or not isinstance(template.get("columns"), dict):
            bad.append(f"{where}: not an object with columns")
            continue
        bad += [f"{where}/{k}: unexpected member" for k in template if k not in _TEMPLATE and ":" not in k]
        bad += _dimensions_problems(template.get("dimensions", {}), f"{where}/dimensions")
        for cname, column in template["columns"].items():
            if not isinstance(column, dict):
                bad.append(f"{where}/columns/{cname[:40]}: not an object")
                continue
            bad += [f"{where}/columns/{cname[:40]}/{k}: unexpected member" for k in column
                    if k not in _COLUMN and ":" not in k]
            bad += _dimensions_problems(column.get("dimensions", {}), f"{where}/columns/{cname[:40]}/dimensions")
    for name, table in doc.get("tables", {}).items():
        if not isinstance(table, dict) or not isinstance(table.get("url"), str):
            bad.append(f"/tables/{name[:40]}: not an object with a url")
        else:
            bad += [f"/tables/{name[:40]}/{k}: unexpected member" for k in table if k not in _TABLE and ":" not in k]
    bad += _dimensions_problems(doc.get("dimensions", {}), "/dimensions")
    for key, value in doc.get("parameters", {}).items():
        if not isinstance(value, str):
            bad.append(f"/parameters/{key[:40]}: not a string")
    return bad


def _dimensions_problems(dims: object, where: str) -> list[str]:
    if not isinstance(dims, dict):
        return [f"{where}: not an object"]
    return [f"{where}/{k[:40]}: not a string or null" for k, v in dims.items() if v is not None and not isinstance(v, str)]


def _rows(src: Input, loader: DtsLoader, name: str, table: dict) -> list[list[str]] | None:
    url = urljoin(src.base, table["url"])
    try:
        data = loader.resolver.read(url)
    except InputError as exc:
        if table.get("optional") is True:
            return None
        raise InputError(src.shown, f"table {name!r}: {table['url']}: {exc.message}",
                         code="xbrlce:missingRequiredCSVFile") from None
    if data is None:
        raise InputError(src.shown, f"table {name!r}: {table['url']} is not a local file",
                         code="xbrlce:missingRequiredCSVFile")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(src.shown, f"table {name!r}: not UTF-8 at byte {exc.start}",
                         code="xbrlce:invalidCSVFileFormat") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise InputError(src.shown, f"table {name!r}: not a CSV file ({exc})", code="xbrlce:invalidCSVFileFormat") \
            from None
    if not rows:
        raise InputError(src.shown, f"table {name!r}: no header row", code="xbrlce:invalidHeaderValue")
    if len(rows) > MAX_ROWS:
        raise InputError(src.shown, f"table {name!r}: refused: more than {MAX_ROWS:,} rows", code="IOerror")
    return rows


def _facts(doc: dict, table_name: str, template: dict, params: dict, rows: list[list[str]], reader: FactReader,
           facts: dict, shown: str) -> None:
    columns: dict = template["columns"]
    header = rows[0]
    for i, name in enumerate(header):
        if name not in columns:
            raise InputError(shown, f"table {table_name!r}: column {name[:40]!r} is not a column of its template",
                             code="xbrlce:unknownColumn")
        if name in header[:i]:
            reader.problems.add("xbrlce:repeatedColumnIdentifier", None, f"table {table_name!r}: column {name!r} "
                                "appears twice")
    index = {name: i for i, name in reversed(list(enumerate(header)))}
    fact_columns = [(name, col) for name, col in columns.items() if "dimensions" in col or "propertiesFrom" in col]
    for name, col in columns.items():
        if "decimals" in col and (name, col) not in fact_columns:
            reader.problems.add("xbrlce:misplacedDecimalsOnNonFactColumn", None, f"table {table_name!r}: column "
                                f"{name!r} has decimals but is no fact column")
        if "propertiesFrom" in col or "propertyGroups" in col:
            raise InputError(shown, f"table {table_name!r}: column {name!r}: property groups are not supported by "
                             "this validator", code="xbrlce:unsupportedFeature")
    row_id = template.get("rowIdColumn")
    base_dims = {**doc.get("dimensions", {}), **template.get("dimensions", {})}
    for n, row in enumerate(rows[1:], 2):
        if not any(row):
            continue

        def cell(name: str) -> str | None:
            i = index.get(name)
            return row[i] if i is not None and i < len(row) else None

        rid = cell(row_id) if row_id else str(n)
        if row_id and (rid is None or not _IDENTIFIER.fullmatch(rid)):
            reader.problems.add("xbrlce:invalidRowIdentifier", None, f"table {table_name!r} row {n}: row id "
                                f"{rid!r} is not an identifier")
        for name, col in fact_columns:
            raw = cell(name)
            if raw is None or raw == "":
                continue
            fid = f"{table_name}.{rid}.{name}"
            dims: dict[str, str] = {}
            for key, value in {**base_dims, **col.get("dimensions", {})}.items():
                value = _resolve(value, cell, params, columns, fid, key, reader, shown)
                if value is not None:
                    dims[key] = value
            value = _special(raw, fid, reader, shown, fact=True)
            decimals = col.get("decimals", template.get("decimals", doc.get("decimals")))
            if isinstance(decimals, str):
                decimals = _resolve(decimals, cell, params, columns, fid, "decimals", reader, shown)
                decimals = _int(decimals, fid, reader)
            if value is not None and _numeric(reader, dims.get("concept")):
                m = _SUFFIX.fullmatch(value)
                if m is not None:
                    value, suffix = m.group(1), m.group(2)
                    decimals = None if suffix == "INF" else _suffix_decimals(suffix)
                elif _BAD_SUFFIX.fullmatch(value):
                    reader.problems.add("xbrlce:invalidDecimalsSuffix", None, f"fact {fid}: {value[:40]!r}")
                    continue
            if "period" in dims:
                dims["period"] = period(dims["period"])
            fact: dict = {"value": value, "dimensions": dims}
            if decimals is not None:
                fact["decimals"] = decimals
            facts[fid] = fact


def _resolve(value: str | None, cell, params: dict, columns: dict, fid: str, key: str, reader: FactReader,
             shown: str) -> str | None:
    """A dimension or decimals value from the metadata: literal, or `$name` (a column of this row, a parameter)."""
    if value is None or not value.startswith("$"):
        return value
    if value.startswith("$$"):
        return value[1:]
    ref = value[1:]
    if ref in columns:
        text = cell(ref)
        return None if not text else _special(text, fid, reader, shown, fact=False)
    if ref in params:
        return params[ref]
    raise InputError(shown, f"fact {fid}: {key} refers to {value!r}: no column or parameter of that name",
                     code="xbrlce:invalidReferenceTarget")


def _special(text: str, fid: str, reader: FactReader, shown: str, fact: bool) -> str | None:
    if not text.startswith("#"):
        return text
    if text.startswith("##"):
        return text[1:]
    if text == "#nil" and fact:
        return None
    if text == "#empty":
        return ""
    if text == "#none" and not fact:
        return None
    raise InputError(shown, f"fact {fid}: special value {text[:20]!r} is not {'#nil or #empty' if fact else '#none or #empty'}",
                     code="xbrlce:unknownSpecialValue")


def _int(text: str | None, fid: str, reader: FactReader) -> int | None:
    if text is None:
        return None
    if re.fullmatch(r"-?[0-9]{1,18}", text):
        return int(text)
    if text != "INF":
        reader.problems.add("xbrlce:invalidDecimalsValue", None, f"fact {fid}: decimals {text[:20]!r} is not an "
                            "integer or INF")
    return None


def _suffix_decimals(text: str) -> int:
    """A `d` suffix as decimals; beyond 18 digits only its sign matters, as in xBRL-JSON (instance.FactTable
    bounds it), and int() would refuse 4,300 digits (leading zeros included)."""
    digits = text.lstrip("-").lstrip("0")
    if len(digits) > 18:
        return -10**18 if text.startswith("-") else 10**18
    return -int(digits or "0") if text.startswith("-") else int(digits or "0")


def _numeric(reader: FactReader, concept: str | None) -> bool:
    if not concept or ":" not in concept:
        return False
    prefix, _, local = concept.partition(":")
    ns = reader.ns.get(prefix)
    info = reader.dts.concepts.get(f"{{{ns}}}{local}") if ns else None
    return info is not None and info.is_numeric


def period(text: str) -> str:
    """An xBRL-CSV period as xBRL-JSON writes it; unrecognised text is passed on for oim to reject."""
    if "@" in text:
        span, _, at = text.rpartition("@")
        found = _span(span)
        if found is None or at not in ("start", "end"):
            return text
        return found[0] if at == "start" else found[1]
    if ".." in text:
        a, _, b = text.partition("..")
        first, last = _span(a), _span(b)
        return text if first is None or last is None else f"{first[0]}/{last[1]}"
    if _DATETIME.fullmatch(text):
        return text
    found = _span(text)
    return text if found is None else f"{found[0]}/{found[1]}"


def _span(text: str) -> tuple[str, str] | None:
    """(start, end) of a date, a dateTime (an instant), a year, month, quarter or half year."""
    if _DATETIME.fullmatch(text):
        return text, text
    m = _DATE.fullmatch(text)
    try:
        if m is not None:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return _midnight(day), _midnight(day + timedelta(days=1))
        m = _YEAR.fullmatch(text)
        if m is None:
            return None
        year = int(m.group(1))
        month, quarter, half = m.group(2), m.group(3), m.group(4)
        first, months = ((int(month), 1) if month else (3 * int(quarter) - 2, 3) if quarter
                         else (6 * int(half) - 5, 6) if half else (1, 12))
        start = date(year, first, 1)
        end_month = first + months
        end = date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        return _midnight(start), _midnight(end)
    except (ValueError, OverflowError):
        return None


def _midnight(day: date) -> str:
    return f"{day.isoformat()}T00:00:00"

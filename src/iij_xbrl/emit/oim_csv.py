"""xBRL-CSV (OIM, https://xbrl.org/2021/xbrl-csv) report of one filing: a metadata JSON plus one CSV per table.

Each CSV is one of the document-shaped tables from `layout`: a row states the concept, unit and row
dimensions (segment), each fact column fixes the period and column dimensions (scenario). Decimals
travel in the cell as a `d` suffix (`51109000000d-6`) because they differ from fact to fact.
"""
from __future__ import annotations

import csv
import io
import json
from ..model import Fact, Filing, Period
from ..publication import Publication
from . import layout
from ..xbrl.decimals import plain
from . import naming as n

DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-csv"
_FIXED = ("concept", "unit")


def csv_period(period: Period) -> str:
    """xBRL-CSV period: inclusive `2012-04-01..2012-09-30`; instants `2012-09-30@end` (a bare date is a day)."""
    return f"{period.end.isoformat()}@end" if period.start is None else str(period)


def _axis_column(axis: str) -> str:
    return axis.removesuffix("Axis").lower()


def _cell(fact: Fact) -> str:
    if fact.value is None:
        return "#nil"
    text = plain(fact.value)
    return text if fact.decimals is None else f"{text}d{fact.decimals}"


def _unit_cell(row: layout.Row) -> str:
    units = {f.unit for f in row.cells.values()}
    if len(units) != 1:  # cannot happen for one concept, but a wrong unit would be silently wrong data
        raise ValueError(f"row {row.concept} mixes units {sorted(map(str, units))}")
    unit = units.pop()
    oim = None if unit is None else n.oim_unit(unit)
    return "#none" if oim is None else oim


def _template(table: layout.Table) -> dict:
    dims = {"concept": "$concept", "unit": "$unit"}
    columns: dict[str, dict] = {"concept": {}, "unit": {}}
    for axis in table.row_axes:
        dims[n.qname(axis)] = "$" + _axis_column(axis)
        columns[_axis_column(axis)] = {}
    columns["label_en"] = {"comment": True}
    columns["label_ja"] = {"comment": True}
    for column in table.columns:
        col_dims = {"period": csv_period(column.period)}
        col_dims.update({n.qname(axis): n.qname(member) for axis, member in column.dimensions})
        columns[column.id] = {"dimensions": col_dims}
    return {"dimensions": dims, "columns": columns}


def _rows(table: layout.Table, concepts: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*_FIXED, *map(_axis_column, table.row_axes), "label_en", "label_ja",
                     *(c.id for c in table.columns)])
    for row in table.rows:
        row_dims = dict(row.dimensions)
        members = [n.qname(row_dims[a]) if a in row_dims else "#none" for a in table.row_axes]
        label = layout.row_label(table, row, concepts)
        writer.writerow([n.qname(row.concept), _unit_cell(row), *members,
                         label.en if label else "", label.ja if label else "",
                         *(_cell(row.cells[c.id]) if c.id in row.cells else "" for c in table.columns)])
    return out.getvalue()


def metadata_name(filing: Filing) -> str:
    return f"{filing.id}-metadata.json"


def to_csv(filing: Filing, concepts: dict, networks: list[layout.Network],
           schema: str = n.SCHEMA_URL) -> dict[str, str]:
    """File name -> text: the metadata JSON first, then one CSV per table; same filing -> same text.
    `schema` is the taxonomy entry point, as for `xbrl_xml.to_xml`."""
    n.check_unique_ids(filing.facts)
    tables = layout.arrange(filing, networks)
    files = {f"{filing.id}-{t.id}.csv": _rows(t, concepts) for t in tables}
    metadata = {
        "documentInfo": {
            "documentType": DOCUMENT_TYPE,
            "namespaces": n.oim_namespaces(filing.entity),
            "taxonomy": [schema],
        },
        "dimensions": {"entity": n.oim_entity(filing.entity)},
        "tableTemplates": {t.id: _template(t) for t in tables},
        "tables": {t.id: {"url": f"{filing.id}-{t.id}.csv"} for t in tables},
    }
    return {metadata_name(filing): json.dumps(metadata, ensure_ascii=False, indent=1) + "\n", **files}


def emit(publication: Publication) -> dict[str, bytes]:
    """Per filing its metadata JSON and tables, citing the filing's extension schema."""
    tax = publication.taxonomy
    networks = layout.networks(tax)
    return {f"{f.id}/{name}": text.encode("utf-8") for f in publication.filings
            for name, text in to_csv(f.instance, tax.concepts, networks, n.extension_schema(f.id)).items()}

"""Inline XBRL 1.1 report of one filing: a readable XHTML page whose tagged figures are the instance's facts.

Tables come from `layout` (every fact is shown in exactly one cell, so nothing needs ix:hidden); contexts
and units are taken from the XML instance's element tree so both documents cannot drift apart. Figures are shown
scaled as the documents print them (JPY millions or thousands, percentages) with `scale`, and negatives
in parentheses outside the tag with `sign="-"` (the tagged content must be unsigned).
Findings are shown under the rows of the facts they name (their `facts` ids) and listed at the end.
"""
from __future__ import annotations

import base64
from decimal import Decimal
from importlib import resources
from typing import Any, Iterable

from lxml import etree

from ..model import Concept, Fact, Filing, Label
from ..xbrl.findings import as_dict
from ..publication import Publication
from ..sources import calendar
from ..taxonomy import names as tn
from . import charts, layout, xbrl_xml
from . import naming as n

XHTML, IX, IXT = tn.NS["xhtml"], tn.NS["ix"], tn.NS["ixt"]
NSMAP = {None: XHTML, "ix": IX, "ixt": IXT, **n.XML_NAMESPACES}
_XSI_NIL = f"{{{n.XML_NAMESPACES['xsi']}}}nil"
_SEVERITIES = ("error", "warning", "info")
_JPY_SCALES = ((6, "JPY million", "百万円"), (3, "JPY thousand", "千円"), (0, "JPY", "円"))


def _el(parent, tag: str, text: str | None = None, ns: str = XHTML, **attrib: str):
    el = etree.SubElement(parent, f"{{{ns}}}{tag}", {k.rstrip("_"): v for k, v in attrib.items()})
    el.text = text
    return el


def _bilingual(parent, label, tag: str = "span") -> None:
    _el(parent, tag, label.en, class_="en")
    _el(parent, tag, label.ja, class_="ja", **{"{http://www.w3.org/XML/1998/namespace}lang": "ja"})


# ---- numbers -----------------------------------------------------------------------------------------

def _jpy_scale(table: layout.Table) -> int:
    """Largest of millions/thousands/units at which every yen figure of the table is a whole number."""
    values = [f.value for f in table.facts() if f.unit == tn.JPY and f.value is not None]
    for scale, _, _ in _JPY_SCALES:
        if all(v % (Decimal(10) ** scale) == 0 for v in values):
            return scale
    return 0


def _scale(fact: Fact, concept: Concept | None, jpy_scale: int) -> int:
    if fact.unit == tn.JPY:
        return jpy_scale
    if concept is not None and concept.data_type == "percent":
        return -2
    return 0


def _display(fact: Fact, scale: int) -> str:
    """The unsigned figure as printed: as many fraction digits as `decimals` claims, never fewer than exact."""
    shown = abs(fact.value).scaleb(-scale)  # exact: the tagged text times 10**scale is the value itself
    exact = max(0, -shown.normalize().as_tuple().exponent)
    claimed = 0 if fact.decimals is None else fact.decimals + scale
    return format(shown.quantize(Decimal(1).scaleb(-max(exact, claimed))), ",f")


_OTHER_UNITS = {"JPYPerShare": Label(en="JPY per share", ja="円"), "shares": Label(en="shares", ja="株"),
                "Gbps": Label(en="Gbps", ja="Gbps")}
_PERCENT = Label(en="%", ja="%")
_NO_UNIT = Label(en="", ja="")


def _unit_label(fact: Fact, concept: Concept | None, jpy_scale: int) -> Label:
    if fact.unit == tn.JPY:
        return next(Label(en=en, ja=ja) for scale, en, ja in _JPY_SCALES if scale == jpy_scale)
    if concept is not None and concept.data_type == "percent":
        return _PERCENT
    return _OTHER_UNITS.get(fact.unit or "", _NO_UNIT)


def _tag(cell, fact: Fact, concept: Concept | None, jpy_scale: int) -> None:
    attrs = {"name": n.qname(fact.concept), "contextRef": n.fact_context_id(fact), "id": n.fact_id(fact)}
    if fact.unit is not None:
        attrs["unitRef"] = n.unit_id(fact.unit)
    if fact.value is None:
        cell.text = "— "
        el = _el(cell, "nonFraction", ns=IX, **attrs)
        el.set(_XSI_NIL, "true")
        return
    scale = _scale(fact, concept, jpy_scale)
    attrs.update(decimals=n.decimals_attr(fact.decimals), scale=str(scale), format="ixt:num-dot-decimal")
    negative = fact.value < 0
    if negative:
        attrs["sign"] = "-"
        cell.text = "("
    el = _el(cell, "nonFraction", _display(fact, scale), ns=IX, **attrs)
    if negative:
        el.tail = ")"


# ---- findings ------------------------------------------------------------------------------------------

def _finding_line(parent, number: int, finding: dict, link: bool) -> None:
    div = _el(parent, "div", class_="finding")
    severity = finding.get("severity", "info")
    _el(div, "span", severity, class_=f"severity {severity}")
    anchor = _el(div, "a" if link else "span", f"#{number}", **({"href": f"#finding-{number}"} if link else {}))
    anchor.tail = " "
    rule = _el(div, "span", finding.get("rule", ""), class_="rule")
    rule.tail = " " + finding.get("message", "")
    values = finding.get("values") or {}
    if values:
        _el(div, "span", " (" + ", ".join(f"{k}: {v}" for k, v in sorted(values.items())) + ")", class_="values")


def _findings_section(body, findings: list[dict]) -> None:
    section = _el(body, "div", class_="section", id="findings")
    _el(section, "h2", "Findings ").append(_ja_span("検証結果"))
    if not findings:
        _el(section, "p", "No findings: every check passed.")
        return
    ol = _el(section, "ol", class_="all-findings")
    for number, finding in enumerate(findings, 1):
        li = _el(ol, "li", id=f"finding-{number}")
        _finding_line(li, number, finding, link=False)
        sources = finding.get("sources") or []
        if sources:
            _el(li, "div", "Sources: " + "; ".join(
                s["document"] + (f":{s['line']}" if s.get("line") else "") for s in sources), class_="meta")


def _ja_span(text: str):
    span = etree.Element(f"{{{XHTML}}}span", {"class": "ja", "{http://www.w3.org/XML/1998/namespace}lang": "ja"})
    span.text = text
    return span


# ---- tables --------------------------------------------------------------------------------------------

def _member_label(members: dict[str, Label], member: str) -> str:
    return members[member].en if member in members else member.removesuffix("Member")


def _table(body, table: layout.Table, concepts: dict[str, Concept], members: dict[str, Label],
           findings: list[dict], flagged: dict[str, list[int]]) -> None:
    section = _el(body, "div", class_="section", id=table.id)
    h2 = _el(section, "h2", table.title.en + " ")
    h2.append(_ja_span(table.title.ja))
    jpy_scale = _jpy_scale(table)
    grid = _el(section, "table", class_="figures")
    head = _el(_el(grid, "thead"), "tr")
    _el(head, "th", "Item / 科目", class_="item")
    _el(head, "th", "Unit / 単位", class_="item")
    for column in table.columns:
        th = _el(head, "th", " ".join([calendar.label(column.period),
                                        *(_member_label(members, m) for _, m in column.dimensions)]))
        _el(th, "span", str(column.period), class_="period")
    tbody = _el(grid, "tbody")
    width = str(2 + len(table.columns))
    group = None
    for row in table.rows:
        if row.dimensions != group:
            group = row.dimensions
            if group:
                heading = " / ".join(_member_label(members, m) for _, m in group)
                _el(_el(tbody, "tr", class_="group"), "th", heading, colspan=width)
        concept = concepts.get(row.concept)
        tr = _el(tbody, "tr")
        item = _el(tr, "td", class_="item")
        label = layout.row_label(table, row, concepts)
        if label:
            _bilingual(item, label)
        else:
            item.text = row.concept
        facts = [row.cells.get(c.id) for c in table.columns]
        shown = next(f for f in facts if f is not None)
        unit = _unit_label(shown, concept, jpy_scale)
        unit_cell = _el(tr, "td", class_="unit")
        if unit.en:
            _bilingual(unit_cell, unit)
        row_findings: list[int] = []
        for fact in facts:
            cell = _el(tr, "td", class_="num")
            if fact is None:
                continue
            _tag(cell, fact, concept, jpy_scale)
            hits = flagged.get(n.fact_id(fact), [])
            if hits:
                worst = min(_SEVERITIES.index(findings[i].get("severity", "info")) for i in hits)
                cell.set("class", f"num flagged-{_SEVERITIES[worst]}")
                row_findings += [i for i in hits if i not in row_findings]
        if row_findings:
            td = _el(_el(tbody, "tr", class_="findings"), "td", colspan=width)
            for i in row_findings:
                _finding_line(td, i + 1, findings[i], link=True)


def _charts(body, filing: Filing, concepts: dict[str, Concept]) -> None:
    drawn = charts.quarterly_charts(filing, concepts)
    if not drawn:
        return
    section = _el(body, "div", class_="section", id="charts")
    _el(section, "h2", "Quarterly charts ").append(_ja_span("四半期推移グラフ"))
    for chart in drawn:
        figure = _el(section, "div", class_="chart", id=chart.id)
        _el(figure, "h3", chart.title.en + " ").append(_ja_span(chart.title.ja))
        # The iXBRL schema (XHTML 1.1) forbids inline <svg>: embed it as a data URI, still nothing fetched.
        data = base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")
        _el(figure, "img", src=f"data:image/svg+xml;base64,{data}", alt=chart.title.en)


def _header(body, filing: Filing, schema: str) -> None:
    instance = xbrl_xml.instance(filing)  # the XML instance's own contexts and units, so the two cannot drift
    hidden_div = _el(body, "div", style="display:none")
    header = _el(hidden_div, "header", ns=IX)
    refs = _el(header, "references", ns=IX)
    _el(refs, "schemaRef", ns=n.XML_NAMESPACES["link"], **{
        f"{{{n.XML_NAMESPACES['xlink']}}}type": "simple", f"{{{n.XML_NAMESPACES['xlink']}}}href": schema})
    res = _el(header, "resources", ns=IX)
    xbrli = n.XML_NAMESPACES["xbrli"]
    for el in instance:
        if el.tag in (f"{{{xbrli}}}context", f"{{{xbrli}}}unit"):
            res.append(el)


def _style() -> str:
    return resources.files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def to_ixbrl(filing: Filing, concepts: dict[str, Concept], networks: list[layout.Network],
             findings: Iterable[Any] = (), members: dict[str, Label] | None = None,
             schema: str = n.SCHEMA_URL) -> bytes:
    """The XHTML document as UTF-8 bytes; same inputs -> same bytes. `schema` as for `xbrl_xml.to_xml`."""
    n.check_unique_ids(filing.facts)
    found = [as_dict(f) for f in findings]
    flagged: dict[str, list[int]] = {}  # fact id -> the findings naming it: exactly those cells are marked
    for i, finding in enumerate(found):
        for fact_id in dict.fromkeys(finding.get("facts") or ()):
            flagged.setdefault(fact_id, []).append(i)
    html = etree.Element(f"{{{XHTML}}}html", nsmap=NSMAP)
    html.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    head = _el(html, "head")
    _el(head, "meta", **{"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    _el(head, "title", filing.title)
    _el(head, "style", _style(), type="text/css")
    body = _el(html, "body")
    _header(body, filing, schema)
    _el(body, "h1", filing.title)
    _el(body, "p", f"Reporting period {calendar.label(filing.period)} ({filing.period}); "
                   f"U.S. GAAP, consolidated, unaudited.", class_="meta")
    _el(body, "p", "Sources: " + ", ".join(filing.files), class_="meta")
    _el(body, "p", f"{len(filing.facts)} tagged facts; {len(found)} findings.", class_="meta")
    for table in layout.arrange(filing, networks):
        _table(body, table, concepts, members or {}, found, flagged)
    _charts(body, filing, concepts)
    _findings_section(body, found)
    # QNames in element text (members, measures) use prefixes no tag does: keep every declaration.
    etree.cleanup_namespaces(html, top_nsmap=NSMAP, keep_ns_prefixes=[p for p in NSMAP if p])
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8") + b"\n"


def emit(publication: Publication) -> dict[str, bytes]:
    """`<filing>/<filing>.xhtml` per filing with its findings, citing the filing's extension schema."""
    tax = publication.taxonomy
    networks, members = layout.networks(tax), layout.member_labels(tax)
    return {f"{f.id}/{f.id}.xhtml": to_ixbrl(f.instance, tax.concepts, networks, publication.findings_of(f.id),
                                             members, n.extension_schema(f.id)) for f in publication.filings}

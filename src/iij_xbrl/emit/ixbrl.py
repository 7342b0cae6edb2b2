"""Inline XBRL 1.1 report of one filing: a page an analyst reads, whose tagged figures are the instance's facts.

First page: the filing's key figures and their changes, the findings by severity, the source documents (titles,
release dates, links to their text in documents/); then a table of contents, the statements as the
presentation linkbase lays them out (`statements`), the charts across filings (`charts`) and every finding in
words (`wording`), each next to the cells it names. One language at a time: two radio buttons and CSS switch
the labels between English and Japanese, offline, without a script; figures are not language text, so every
tagged figure is visible in either language. Each fact is tagged exactly once (`statements`); figures are shown
at their printed scale (`figures`), negatives outside the tag as the documents print them, with `sign="-"`.
Contexts and units are the XML instance's own elements, so both documents cannot drift apart.
"""
from __future__ import annotations

import base64
from collections import Counter
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources

from lxml import etree

from ..model import Concept, Fact, Filing, Label, Period
from ..publication import FilingFacts, Publication
from ..sources import calendar
from ..taxonomy import names as tn
from ..xbrl.findings import SEVERITIES, Finding
from . import charts, figures, layout, statements, xbrl_xml
from . import naming as n
from .tables import DOCUMENTS
from .wording import Wording, instant_text, period_text

XHTML, IX, IXT = tn.NS["xhtml"], tn.NS["ix"], tn.NS["ixt"]
NSMAP = {None: XHTML, "ix": IX, "ixt": IXT, **n.XML_NAMESPACES}
_XSI_NIL = f"{{{n.XML_NAMESPACES['xsi']}}}nil"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SEVERITY = {"error": Label(en="error", ja="エラー"), "warning": Label(en="warning", ja="警告"),
             "info": Label(en="info", ja="情報")}
_SEVERITIES_PLURAL = {"error": Label(en="Errors", ja="エラー"), "warning": Label(en="Warnings", ja="警告"),
                      "info": Label(en="Information", ja="情報")}

KEY_FLOWS = ("Revenues", "GrossProfit", "OperatingIncomeLoss", "IncomeBeforeIncomeTaxes", "NetIncomeAttributableToParent",
             "AdjustedEBITDA")
KEY_BALANCES = ("Assets", "ShareholdersEquityAttributableToParent", "CashAndCashEquivalents")


def _el(parent, tag: str, text: str | None = None, ns: str = XHTML, **attrib: str):
    el = etree.SubElement(parent, _clark(ns, tag), {_attribute(k): v for k, v in attrib.items()})
    el.text = text
    return el


@lru_cache(maxsize=None)  # a few dozen names, asked for some twenty thousand times a publication
def _clark(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


@lru_cache(maxsize=None)
def _attribute(keyword: str) -> str:
    return keyword.rstrip("_").replace("__", "-")


def _lang(parent, label: Label, tag: str = "span", **attrib: str) -> None:
    """Both languages of a label; the page shows one of them (CSS on the language switch)."""
    _el(parent, tag, label.en, class_=" ".join(["en", attrib.pop("class_", "")]).strip(), **attrib)
    ja = _el(parent, tag, label.ja, class_="ja", **attrib)
    ja.set(_XML_LANG, "ja")


def _instant_ja(period: Period) -> str:
    return f"{period.end.year}年{period.end.month}月{period.end.day}日"


def _period_label(period: Period) -> Label:
    if period.start is None:
        return Label(en=instant_text(period.end), ja=_instant_ja(period))
    text = calendar.label(period)
    return Label(en=text, ja=text)


# ---- figures --------------------------------------------------------------------------------------------

def _table_scale(table: statements.Table) -> int | None:
    """The yen scale a table's header states: the one most of its figures were printed at."""
    money = [c.fact for c in table.cells() if c.fact.unit == tn.JPY and c.fact.value is not None]
    if not money:
        return None
    printed = Counter(s for s in (figures.printed_scale(f.decimals) for f in money) if s is not None)
    if printed:
        return max(printed.items(), key=lambda item: (item[1], -item[0]))[0]
    return next(s for s in (6, 3, 0) if all(f.value % Decimal(10) ** s == 0 for f in money))


def _shown(fact: Fact, concept: Concept | None, negated: bool, table_scale: int | None):
    """(scale, digits, negative?) of a figure as the report shows it; a negated line shows value x -1."""
    scale = figures.scale_of(fact, concept, table_scale if table_scale is not None else 3)
    shown = -fact.value if negated else fact.value
    return scale, figures.digits(fact.value, fact.decimals, scale), shown < 0


def _suffix(cell, fact: Fact, concept: Concept | None, scale: int, table_scale: int | None) -> None:
    if figures.is_percent(fact, concept):
        _el(cell, "span", "%", class_="pct")
    elif fact.unit == tn.JPY and scale != table_scale:
        _lang(cell, figures.JPY_SHORT[scale], class_="scale")


def _figure(cell, fact: Fact, concept: Concept | None, negated: bool, table_scale: int | None, tag: bool) -> None:
    """The figure into `cell`: tagged (ix:nonFraction), or a plain copy linking to where it is tagged."""
    fid = n.fact_id(fact)
    if fact.value is None:
        cell.text = "—"
        if tag:
            el = _el(cell, "nonFraction", ns=IX, name=n.qname(fact.concept), contextRef=n.fact_context_id(fact),
                     unitRef=n.unit_id(fact.unit), id=fid)
            el.set(_XSI_NIL, "true")
        return
    scale, text, negative = _shown(fact, concept, negated, table_scale)
    before, after = figures.negative_marks(fact) if negative else ("", "")
    if tag:
        cell.text = before
        attrs = {"name": n.qname(fact.concept), "contextRef": n.fact_context_id(fact), "unitRef": n.unit_id(fact.unit),
                 "id": fid, "decimals": n.decimals_attr(fact.decimals), "scale": str(scale),
                 "format": "ixt:num-dot-decimal"}
        if fact.value < 0:
            attrs["sign"] = "-"  # the tagged content is unsigned; the marks around it are the document's
        el = _el(cell, "nonFraction", text, ns=IX, **attrs)
        el.tail = after
    else:
        _el(cell, "a", before + text + after, href=f"#{fid}", class_="copy")
    _suffix(cell, fact, concept, scale, table_scale)


# ---- findings ---------------------------------------------------------------------------------------------

class Findings:
    """The filing's findings numbered by severity, in words, and which tagged cells each one names."""

    def __init__(self, findings: list[Finding], wording: Wording, tagged: set[str]):
        ordered = sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
        self.items = [(i, f, f.text or wording.finding(f)) for i, f in enumerate(ordered, 1)]
        self.flags: dict[str, list[int]] = {}  # tagged fact id -> the numbers of the findings naming it
        self.anchor: dict[int, str] = {}  # finding number -> the tagged fact its note follows (the first named)
        for number, finding, _ in self.items:
            for fid in dict.fromkeys(finding.facts):
                if fid in tagged:
                    self.flags.setdefault(fid, []).append(number)
                    self.anchor.setdefault(number, fid)

    def severity_of(self, fid: str) -> str:
        return min((self.items[i - 1][1].severity for i in self.flags[fid]), key=SEVERITIES.index)

    def notes_after(self, fids: list[str]) -> list[int]:
        return [number for number, fid in self.anchor.items() if fid in fids]


def _severity(parent, severity: str) -> None:
    span = _el(parent, "span", class_=f"severity {severity}")
    _lang(span, _SEVERITY[severity])


def _note(tbody, width: int, number: int, finding: Finding, words: str, findings: Findings) -> None:
    """A finding in words right under the row of the first cell it names; links to its cells and to the list."""
    td = _el(_el(tbody, "tr", class_="note", id=f"note-{number}"), "td", colspan=str(width))
    _el(td, "a", f"#{number}", href=f"#finding-{number}", class_="number")
    _severity(td, finding.severity)
    _el(td, "span", words, class_="words")
    cells = [fid for fid in dict.fromkeys(finding.facts) if findings.flags.get(fid) and number in findings.flags[fid]]
    links = _el(td, "span", class_="cells")
    _lang(links, Label(en="cells:", ja="該当セル:"))
    for fid in cells:
        _el(links, "a", "↑", href=f"#{fid}", title=fid)


def _findings_list(parent, findings: Findings, severities: tuple[str, ...], ids: bool) -> None:
    for severity in severities:
        items = [item for item in findings.items if item[1].severity == severity]
        if not items:
            continue
        heading = _el(parent, "h3")
        _lang(heading, Label(en=f"{_SEVERITIES_PLURAL[severity].en} ({len(items)})",
                             ja=f"{_SEVERITIES_PLURAL[severity].ja}（{len(items)}件）"))
        ul = _el(parent, "ul", class_="findings")  # numbered by hand: XHTML 1.1 has no <li value>
        for number, finding, words in items:
            li = _el(ul, "li", **({"id": f"finding-{number}"} if ids else {}))
            if ids:
                _el(li, "span", f"#{number}", class_="number")
            else:
                _el(li, "a", f"#{number}", href=f"#finding-{number}", class_="number")
            _severity(li, finding.severity)
            _el(li, "span", words, class_="words")
            meta = _el(li, "span", class_="meta")
            if number in findings.anchor:
                _el(meta, "a", "↗", href=f"#note-{number}", class_="to-note", title="next to its figures")
            for source in finding.sources:
                if source.line is not None:
                    _el(meta, "a", f"{source.document.split('_', 1)[0]}:{source.line}",
                        href=f"../{DOCUMENTS}/{source.document}")
            _el(meta, "span", finding.rule, class_="rule")


# ---- tables ---------------------------------------------------------------------------------------------

def _row_label(row: statements.Row, concepts: dict[str, Concept]) -> Label:
    concept = concepts.get(row.line.concept)
    if concept is None:
        return Label(en=row.line.concept, ja=row.line.concept)
    return concept.labels.get(row.line.role or "label") or concept.labels["label"]


def _unit_note(row: statements.Row, concepts: dict[str, Concept]) -> Label | None:
    """Units other than yen and percent, said once on the row's label: (JPY), (shares), (Gbps)."""
    units = {c.fact.unit for c in row.cells.values()}
    concept = concepts.get(row.line.concept)
    if len(units) != 1 or (concept is not None and concept.data_type == "percent"):
        return None
    return figures.OTHER_UNITS.get(next(iter(units)) or "")


def _table(body, table: statements.Table, concepts: dict[str, Concept], members: dict[str, Label],
           findings: Findings) -> None:
    section = _el(body, "div", class_="section", id=table.id)
    _lang(_el(section, "h2"), table.title)
    scale = _table_scale(table)
    grid = _el(_el(section, "div", class_="wide"), "table", class_="figures")
    head = _el(_el(grid, "thead"), "tr")
    unit = _el(head, "th", class_="item")
    if scale is not None:
        _lang(unit, Label(en=f"In {figures.JPY_UNITS[scale].en}", ja=f"単位：{figures.JPY_UNITS[scale].ja}"))
    for column in table.columns:
        th = _el(head, "th")
        _lang(th, _period_label(column.period))
        for _, member in column.dimensions:
            _lang(th, members.get(member, Label(en=member, ja=member)), class_="member")
    tbody = _el(grid, "tbody")
    width = 1 + len(table.columns)
    group = None
    for row in table.rows:
        if row.group != group:
            group = row.group
            if group:
                th = _el(_el(tbody, "tr", class_="group"), "th", colspan=str(width))
                for _, member in group:
                    _lang(th, members.get(member, Label(en=member, ja=member)))
        depth = f"depth-{min(row.line.depth, 6)}"
        if row.line.heading:
            _lang(_el(_el(tbody, "tr", class_="heading"), "th", class_=depth, colspan=str(width)),
                  _row_label(row, concepts))
            continue
        total = statements.has_role(row.line.role, "total")
        tr = _el(tbody, "tr", **({"class": "total"} if total else {}))
        item = _el(tr, "td", class_=f"item {depth}")
        label, note = _row_label(row, concepts), _unit_note(row, concepts)
        if note is not None:
            label = Label(en=f"{label.en} ({note.en})", ja=f"{label.ja}（{note.ja}）")
        _lang(item, label)
        negated = statements.has_role(row.line.role, "negated")
        concept = concepts.get(row.line.concept)
        flagged_here = []
        for column in table.columns:
            cell = row.cells.get(column.id)
            td = _el(tr, "td", class_="num")
            if cell is None:
                continue
            _figure(td, cell.fact, concept, negated, scale, cell.tagged)
            fid = n.fact_id(cell.fact)
            if cell.tagged and fid in findings.flags:
                td.set("class", f"num flagged-{findings.severity_of(fid)}")
                for number in findings.flags[fid]:
                    _el(td, "a", str(number), href=f"#note-{number}" if number in findings.anchor
                        else f"#finding-{number}", class_="flag")
                flagged_here.append(fid)
        for number in findings.notes_after(flagged_here):
            _, finding, words = findings.items[number - 1]
            _note(tbody, width, number, finding, words, findings)


# ---- first page -------------------------------------------------------------------------------------------

def _amount(parent, fact: Fact, concept: Concept | None) -> None:
    """A key figure (plain text, linking to its tagged cell) with its own unit."""
    scale = figures.scale_of(fact, concept, 6)
    before, after = figures.negative_marks(fact) if fact.value < 0 else ("", "")
    _el(parent, "a", before + figures.digits(fact.value, fact.decimals, scale) + after, href=f"#{n.fact_id(fact)}")
    if figures.is_percent(fact, concept):
        _el(parent, "span", "%", class_="pct")
    elif fact.unit == tn.JPY:
        _lang(parent, figures.JPY_SHORT[scale], class_="scale")


def _change(parent, filing: Filing, concept: str, now: Fact, before: Fact | None, concepts) -> bool:
    """The change of a key figure: IIJ's printed ratio where it prints one, else computed and marked (*)."""
    printed = next((f for f in filing.facts if f.concept == f"{concept}PercentageChangeFromPriorYear" and not f.dimensions
                    and f.period == now.period), None)
    if printed is not None and printed.value is not None:
        _amount(parent, printed, concepts.get(printed.concept))
        return False
    if before is None or not before.value or now.value is None:
        return False
    change = ((now.value - before.value) / abs(before.value) * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    _el(parent, "span", f"{'+' if change > 0 else ''}{change}%*", class_="computed")
    return True


def _key_figures(page, filing: Filing, concepts: dict[str, Concept]) -> None:
    """The filing's period against the same period a year earlier; balances against the last fiscal year end."""
    facts = {(f.concept, f.period): f for f in filing.facts if not f.dimensions and f.value is not None}
    period = filing.period
    prior = calendar.shift(period, -12)
    end = Period(end=period.end)
    year_end = Period(end=calendar.quarters(calendar.fiscal_year_of(period.start), 1, 1).start - timedelta(days=1))
    groups = [(period, prior, [(c, facts[(c, period)], facts.get((c, prior))) for c in KEY_FLOWS
                               if (c, period) in facts]),
              (end, year_end, [(c, facts[(c, end)], facts.get((c, year_end))) for c in KEY_BALANCES
                               if (c, end) in facts])]
    if not any(rows for _, _, rows in groups):
        return
    section = _el(page, "div", class_="key-figures")
    _lang(_el(section, "h2"), Label(en="Key figures", ja="主要な数値"))
    grid = _el(section, "table", class_="figures key")
    computed = False
    for now_period, then_period, rows in groups:
        if not rows:
            continue
        tbody = _el(grid, "tbody")  # XHTML 1.1 allows one thead: each group's header is a row of its own
        head = _el(tbody, "tr", class_="subhead")
        _el(head, "th", class_="item")
        for label in (_period_label(now_period), _period_label(then_period), Label(en="Change", ja="増減率")):
            _lang(_el(head, "th"), label)
        for concept, now, before in rows:
            tr = _el(tbody, "tr")
            _lang(_el(tr, "td", class_="item"), concepts[concept].labels["label"])
            _amount(_el(tr, "td", class_="num"), now, concepts.get(concept))
            td = _el(tr, "td", class_="num")
            if before is not None:
                _amount(td, before, concepts.get(concept))
            computed |= _change(_el(tr, "td", class_="num"), filing, concept, now, before, concepts)
    if computed:
        _lang(_el(section, "p", class_="meta"), Label(
            en="* Computed from the two figures shown; IIJ printed no change ratio for it.",
            ja="* 表示した2つの数値から計算した増減率（資料に記載なし）。"))


def _sources(page, filing: Filing) -> None:
    section = _el(page, "div", class_="sources")
    _lang(_el(section, "h2"), Label(en="Sources", ja="出典"))
    grid = _el(section, "table", class_="figures sources")
    head = _el(_el(grid, "thead"), "tr")
    for label in (Label(en="Document", ja="資料"), Label(en="Released", ja="公表日"), Label(en="Text", ja="本文")):
        _lang(_el(head, "th", class_="item"), label)
    tbody = _el(grid, "tbody")
    for document in filing.documents:
        tr = _el(tbody, "tr")
        _el(tr, "td", document.title, class_="item")
        _el(tr, "td", document.released.isoformat(), class_="item")
        _el(_el(tr, "td", class_="item"), "a", document.file, href=f"../{DOCUMENTS}/{document.file}")


def _first_page(page, filing: Filing, concepts: dict[str, Concept], findings: Findings) -> None:
    summary = _el(page, "div", class_="section first-page", id="summary")
    _el(summary, "h1", filing.title)
    _lang(_el(summary, "p", class_="meta"), Label(
        en=f"{filing.entity.name} · reporting period {period_text(filing.period)} ({filing.period}) · released "
           f"{filing.released.isoformat()} · U.S. GAAP, consolidated, unaudited · {len(filing.facts)} tagged figures",
        ja=f"{filing.entity.name}・対象期間 {period_text(filing.period)}（{filing.period}）・公表日 "
           f"{filing.released.isoformat()}・米国会計基準、連結、未監査・タグ付き数値 {len(filing.facts)} 件"))
    _key_figures(summary, filing, concepts)
    box = _el(summary, "div", class_="findings-summary")
    _lang(_el(box, "h2"), Label(en="Findings", ja="検証結果"))
    counts = Counter(f.severity for _, f, _ in findings.items)
    line = _el(box, "p")
    if not findings.items:
        _lang(line, Label(en="No findings: every check passed.", ja="指摘事項なし：すべての検証に合格。"))
    for severity in SEVERITIES:
        _el(line, "a", None, href="#findings", class_=f"count {severity}")
        anchor = line[-1]
        _lang(anchor, Label(en=f"{counts[severity]} {_SEVERITIES_PLURAL[severity].en.lower()}",
                            ja=f"{_SEVERITIES_PLURAL[severity].ja} {counts[severity]}件"))
    _findings_list(box, findings, ("error", "warning"), ids=False)
    if findings.items:
        _lang(_el(box, "p", class_="meta"), Label(
            en="Findings are in English; each is listed in full under Findings and beside the figures it names.",
            ja="検証結果の文章は英語です。全件を「検証結果」と該当する数値の横に示します。"))
    _sources(summary, filing)


def _contents(page, entries: list[tuple[str, Label]]) -> None:
    section = _el(page, "div", class_="section contents", id="contents")
    _lang(_el(section, "h2"), Label(en="Contents", ja="目次"))
    ol = _el(section, "ol")
    for target, label in entries:
        _lang(_el(_el(ol, "li"), "a", href=f"#{target}"), label)


def _charts(page, drawn: list[charts.Chart]) -> None:
    section = _el(page, "div", class_="section", id="charts")
    _lang(_el(section, "h2"), Label(en="Quarterly charts", ja="四半期推移グラフ"))
    _lang(_el(section, "p", class_="meta"), Label(
        en="Quarters as printed by every filing released by this one (the latest printing of a quarter wins).",
        ja="本開示までに公表された全資料の四半期数値（同じ四半期は最新の記載）。"))
    for chart in drawn:
        figure = _el(section, "div", class_="chart", id=chart.id)
        _lang(_el(figure, "h3"), chart.title)
        _lang(_el(figure, "p", class_="unit"), chart.unit)
        # The iXBRL schema (XHTML 1.1) forbids inline <svg>: embed it as a data URI, still nothing fetched.
        data = base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")
        _el(figure, "img", src=f"data:image/svg+xml;base64,{data}", alt=chart.title.en)
        legend = _el(figure, "ul", class_="legend")
        for entry in chart.legend:
            li = _el(legend, "li")
            _el(li, "span", "■", class_="swatch", style=f"color:{entry.color}")
            _lang(li, entry.label)
        if chart.note is not None:
            _lang(_el(figure, "p", class_="meta"), chart.note)


def _header(body, filing: Filing, schema: str) -> None:
    instance = xbrl_xml.instance(filing)  # the XML instance's own contexts and units, so the two cannot drift
    header = _el(_el(body, "div", style="display:none"), "header", ns=IX)
    _el(_el(header, "references", ns=IX), "schemaRef", ns=n.XML_NAMESPACES["link"], **{
        f"{{{n.XML_NAMESPACES['xlink']}}}type": "simple", f"{{{n.XML_NAMESPACES['xlink']}}}href": schema})
    res = _el(header, "resources", ns=IX)
    xbrli = n.XML_NAMESPACES["xbrli"]
    for el in instance:
        if el.tag in (f"{{{xbrli}}}context", f"{{{xbrli}}}unit"):
            res.append(el)


def _style() -> str:
    return resources.files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def report(publication: Publication, filing: FilingFacts, wording: Wording | None = None) -> bytes:
    """The filing's XHTML document as UTF-8 bytes; the same publication gives the same bytes."""
    instance = filing.instance
    n.check_unique_ids(instance.facts)
    taxonomy = publication.taxonomy
    concepts, members = taxonomy.concepts, layout.member_labels(taxonomy)
    tables = statements.arrange(instance.facts, layout.networks(taxonomy), members)
    tagged = {n.fact_id(c.fact) for t in tables for c in t.cells() if c.tagged}
    findings = Findings(publication.findings_of(filing.id), wording or Wording(publication), tagged)
    drawn = charts.quarterly_charts(publication, filing)

    html = etree.Element(f"{{{XHTML}}}html", nsmap=NSMAP)
    html.set(_XML_LANG, "en")
    head = _el(html, "head")
    _el(head, "meta", **{"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    _el(head, "title", instance.title)
    _el(head, "style", _style(), type="text/css")
    body = _el(html, "body")
    _header(body, instance, n.extension_schema(filing.id))
    # the language switch: radio buttons before the page, so CSS can follow the checked one (`~`); in a div,
    # as XHTML 1.1 allows no form control directly in the body
    report_div = _el(body, "div", class_="report")
    _el(report_div, "input", type="radio", name="language", id="lang-en", class_="language", checked="checked")
    _el(report_div, "input", type="radio", name="language", id="lang-ja", class_="language")
    page = _el(report_div, "div", class_="page")
    bar = _el(page, "div", class_="bar")
    _el(bar, "a", instance.title, href="#summary", class_="home")
    _el(bar, "a", "Contents", href="#contents", class_="en")
    bar[-1].tail = " "
    _el(bar, "a", "目次", href="#contents", class_="ja")
    switch = _el(bar, "span", class_="switch")
    _el(switch, "label", "English", for_="lang-en", title="Show English labels")
    _el(switch, "label", "日本語", for_="lang-ja", title="日本語の表示に切り替え")
    _first_page(page, instance, concepts, findings)
    entries = [("summary", Label(en="Key figures, findings, sources", ja="主要な数値・検証結果・出典"))]
    entries += [(t.id, t.title) for t in tables]
    if drawn:
        entries.append(("charts", Label(en="Quarterly charts", ja="四半期推移グラフ")))
    entries.append(("findings", Label(en="All findings", ja="全検証結果")))
    _contents(page, entries)
    for table in tables:
        _table(page, table, concepts, members, findings)
    if drawn:
        _charts(page, drawn)
    section = _el(page, "div", class_="section", id="findings")
    _lang(_el(section, "h2"), Label(en="All findings", ja="全検証結果"))
    if not findings.items:
        _lang(_el(section, "p"), Label(en="No findings: every check passed.", ja="指摘事項なし：すべての検証に合格。"))
    _findings_list(section, findings, SEVERITIES, ids=True)
    # QNames in element text (members, measures) use prefixes no tag does: keep every declaration.
    etree.cleanup_namespaces(html, top_nsmap=NSMAP, keep_ns_prefixes=[p for p in NSMAP if p])
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8") + b"\n"


def emit(publication: Publication) -> dict[str, bytes]:
    """`<filing>/<filing>.xhtml` per filing with its findings, citing the filing's extension schema."""
    wording = Wording(publication)
    return {f"{f.id}/{f.id}.xhtml": report(publication, f, wording) for f in publication.filings}

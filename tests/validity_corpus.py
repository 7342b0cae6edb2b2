"""A corpus of invalid and hostile XBRL inputs, generated in code, with Arelle 2.47.3's verdict recorded.

`write_taxonomy(dir)` writes the test taxonomy `t` (http://example.com/t): `Total = A + B` (monetary,
duration, 2003 summation-item), `Inst` (instant), `Str` (string), `EPS` (xbrli:decimalItemType), `Shares`,
`Int` (integer), `Tok` (token), `Day` (date), `NonNil` (not nillable); a closed segment cube over Total/A/B
with `SegAxis` (domain and default `AllSeg`, members `MemA`, `MemB`), `OtherAxis` and non-member `MemX`
outside it; in link roles r2 and r3 closed segment cubes over Total/A/B and `Ratio` with typed `TypAxis`
(xs:integer), and over Total/A/B and `Tag` with typed `TokAxis` (xs:token).

`CASES` are (name, file name, content): an XML instance or an xBRL-JSON report over that taxonomy, each
breaking one rule, or a valid variant that a naive reader would reject, or a binding probe (`bind_*`:
Total 110 against A 30 + B 70 in another context, inconsistent only when the contexts are s-equal).
`ARELLE` records the error- and inconsistency-level codes Arelle printed for each; an empty set means
valid and consistent. tests/test_validate_corpus.py asserts our verdict and code families against it,
and (marked arelle) that Arelle still prints exactly the recorded codes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

NS = "http://example.com/t"
ROLE = "http://example.com/t/role/r"

_ITEM = 'substitutionGroup="xbrli:item" nillable="true"'
_ELEMENTS = [
    ("Total", "xbrli:monetaryItemType", "duration", _ITEM),
    ("A", "xbrli:monetaryItemType", "duration", _ITEM),
    ("B", "xbrli:monetaryItemType", "duration", _ITEM),
    ("Inst", "xbrli:monetaryItemType", "instant", _ITEM),
    ("Str", "xbrli:stringItemType", "duration", _ITEM),
    ("EPS", "xbrli:decimalItemType", "duration", _ITEM),
    ("Shares", "xbrli:sharesItemType", "duration", _ITEM),
    ("Int", "xbrli:integerItemType", "duration", _ITEM),
    ("Tok", "xbrli:tokenItemType", "duration", _ITEM),
    ("Day", "xbrli:dateItemType", "duration", _ITEM),
    ("Ratio", "xbrli:pureItemType", "duration", _ITEM),
    ("Tag", "xbrli:monetaryItemType", "duration", _ITEM),
    ("NonNil", "xbrli:monetaryItemType", "duration", 'substitutionGroup="xbrli:item"'),
    ("LineItems", "xbrli:stringItemType", "duration", _ITEM + ' abstract="true"'),
    ("LineItems2", "xbrli:stringItemType", "duration", _ITEM + ' abstract="true"'),
    ("LineItems3", "xbrli:stringItemType", "duration", _ITEM + ' abstract="true"'),
    ("Table", "xbrli:stringItemType", "duration", 'substitutionGroup="xbrldt:hypercubeItem" abstract="true"'),
    ("TypTable", "xbrli:stringItemType", "duration", 'substitutionGroup="xbrldt:hypercubeItem" abstract="true"'),
    ("TokTable", "xbrli:stringItemType", "duration", 'substitutionGroup="xbrldt:hypercubeItem" abstract="true"'),
    ("SegAxis", "xbrli:stringItemType", "duration", 'substitutionGroup="xbrldt:dimensionItem" abstract="true"'),
    ("OtherAxis", "xbrli:stringItemType", "duration", 'substitutionGroup="xbrldt:dimensionItem" abstract="true"'),
    ("TypAxis", "xbrli:stringItemType", "duration",
     'substitutionGroup="xbrldt:dimensionItem" abstract="true" xbrldt:typedDomainRef="#t_TypDom"'),
    ("TokAxis", "xbrli:stringItemType", "duration",
     'substitutionGroup="xbrldt:dimensionItem" abstract="true" xbrldt:typedDomainRef="#t_TokDom"'),
    ("AllSeg", "xbrli:stringItemType", "duration", _ITEM + ' abstract="true"'),
    ("MemA", "xbrli:stringItemType", "duration", _ITEM + ' abstract="true"'),
    ("MemB", "xbrli:stringItemType", "duration", _ITEM + ' abstract="true"'),
    ("MemX", "xbrli:stringItemType", "duration", _ITEM + ' abstract="true"'),
]


def write_taxonomy(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    elements = "\n".join(
        f' <xs:element id="t_{n}" name="{n}" type="{t}" xbrli:periodType="{p}" {extra}/>' for n, t, p, extra in _ELEMENTS)
    (root / "t.xsd").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
 xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:t="{NS}" targetNamespace="{NS}" elementFormDefault="qualified">
 <xs:annotation><xs:appinfo>
  <link:linkbaseRef xlink:type="simple" xlink:href="t-cal.xml" xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
  <link:linkbaseRef xlink:type="simple" xlink:href="t-def.xml" xlink:role="http://www.xbrl.org/2003/role/definitionLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
  <link:roleType roleURI="{ROLE}" id="r"><link:usedOn>link:calculationLink</link:usedOn><link:usedOn>link:definitionLink</link:usedOn></link:roleType>
  <link:roleType roleURI="{ROLE}2" id="r2"><link:usedOn>link:definitionLink</link:usedOn></link:roleType>
  <link:roleType roleURI="{ROLE}3" id="r3"><link:usedOn>link:definitionLink</link:usedOn></link:roleType>
 </xs:appinfo></xs:annotation>
 <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
 <xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
{elements}
 <xs:element id="t_TypDom" name="TypDom" type="xs:integer"/>
 <xs:element id="t_TokDom" name="TokDom" type="xs:token"/>
</xs:schema>
""", encoding="utf-8")
    head = f"""<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:xbrldt="http://xbrl.org/2005/xbrldt">
 <link:roleRef roleURI="{ROLE}" xlink:type="simple" xlink:href="t.xsd#r"/>
"""

    def locs(*names: str) -> str:
        return "".join(f'  <link:loc xlink:type="locator" xlink:href="t.xsd#t_{n}" xlink:label="{n}"/>\n' for n in names)

    (root / "t-cal.xml").write_text(head + f""" <link:calculationLink xlink:type="extended" xlink:role="{ROLE}">
{locs("Total", "A", "B")}  <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" xlink:from="Total" xlink:to="A" weight="1" order="1"/>
  <link:calculationArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/summation-item" xlink:from="Total" xlink:to="B" weight="1" order="2"/>
 </link:calculationLink>
</link:linkbase>
""", encoding="utf-8")
    dim = "http://xbrl.org/int/dim/arcrole/"

    def arc(role: str, frm: str, to: str, extra: str = "") -> str:
        return (f'  <link:definitionArc xlink:type="arc" xlink:arcrole="{dim}{role}" xlink:from="{frm}" '
                f'xlink:to="{to}"{extra}/>\n')

    cube = ' xbrldt:contextElement="segment" xbrldt:closed="true"'
    refs = "".join(f' <link:arcroleRef arcroleURI="{dim}{a}" xlink:type="simple" '
                   f'xlink:href="http://www.xbrl.org/2005/xbrldt-2005.xsd#{a}"/>\n'
                   for a in ("all", "hypercube-dimension", "dimension-domain", "dimension-default", "domain-member"))
    members = "".join(arc("domain-member", "Items", c) for c in ("Total", "A", "B"))
    (root / "t-def.xml").write_text(head + refs + "".join(f""" <link:roleRef roleURI="{ROLE}{n}" xlink:type="simple" xlink:href="t.xsd#r{n}"/>
""" for n in (2, 3)) + f""" <link:definitionLink xlink:type="extended" xlink:role="{ROLE}">
{locs("Table", "SegAxis", "AllSeg", "MemA", "MemB", "Total", "A", "B")}  <link:loc xlink:type="locator" xlink:href="t.xsd#t_LineItems" xlink:label="Items"/>
  <link:loc xlink:type="locator" xlink:href="t.xsd#t_AllSeg" xlink:label="AllSeg_dflt"/>
{arc("all", "Items", "Table", cube)}{arc("hypercube-dimension", "Table", "SegAxis")}{arc("dimension-domain", "SegAxis", "AllSeg")}{arc("dimension-default", "SegAxis", "AllSeg_dflt")}{arc("domain-member", "AllSeg", "MemA")}{arc("domain-member", "AllSeg", "MemB")}{members} </link:definitionLink>
 <link:definitionLink xlink:type="extended" xlink:role="{ROLE}2">
{locs("TypTable", "TypAxis", "Total", "A", "B", "Ratio")}  <link:loc xlink:type="locator" xlink:href="t.xsd#t_LineItems2" xlink:label="Items"/>
{arc("all", "Items", "TypTable", cube)}{arc("hypercube-dimension", "TypTable", "TypAxis")}{members}{arc("domain-member", "Items", "Ratio")} </link:definitionLink>
 <link:definitionLink xlink:type="extended" xlink:role="{ROLE}3">
{locs("TokTable", "TokAxis", "Total", "A", "B", "Tag")}  <link:loc xlink:type="locator" xlink:href="t.xsd#t_LineItems3" xlink:label="Items"/>
{arc("all", "Items", "TokTable", cube)}{arc("hypercube-dimension", "TokTable", "TokAxis")}{members}{arc("domain-member", "Items", "Tag")} </link:definitionLink>
</link:linkbase>
""", encoding="utf-8")
    return root / "t.xsd"


ENTITY = '<xbrli:entity><xbrli:identifier scheme="http://example.com/e">E1</xbrli:identifier>{seg}</xbrli:entity>'
DURATION = "<xbrli:period><xbrli:startDate>2012-04-01</xbrli:startDate><xbrli:endDate>2012-09-30</xbrli:endDate></xbrli:period>"
INSTANT = "<xbrli:period><xbrli:instant>2012-09-30</xbrli:instant></xbrli:period>"


def context(cid: str, period: str = DURATION, seg: str = "", entity: str | None = None, scenario: str = "") -> str:
    ent = entity if entity is not None else ENTITY.format(seg=f"<xbrli:segment>{seg}</xbrli:segment>" if seg else "")
    scen = f"<xbrli:scenario>{scenario}</xbrli:scenario>" if scenario else ""
    return f'<xbrli:context id="{cid}">{ent}{period}{scen}</xbrli:context>'


def explicit(dim: str, mem: str) -> str:
    return f'<xbrldi:explicitMember dimension="{dim}">{mem}</xbrldi:explicitMember>'


def typed(dim: str, body: str) -> str:
    return f'<xbrldi:typedMember dimension="{dim}">{body}</xbrldi:typedMember>'


CONTEXTS = [context("D"), context("I", INSTANT)]
UNITS = ['<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>',
         '<xbrli:unit id="pure"><xbrli:measure>xbrli:pure</xbrli:measure></xbrli:unit>',
         '<xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>']
FACTS = ['<t:Total contextRef="D" unitRef="JPY" decimals="0">100</t:Total>',
         '<t:A contextRef="D" unitRef="JPY" decimals="0">30</t:A>',
         '<t:B contextRef="D" unitRef="JPY" decimals="0">70</t:B>']


def instance(contexts=None, units=None, facts=None, extra_ns: str = "", prolog: str = "",
             schema_ref: str = '<link:schemaRef xlink:type="simple" xlink:href="t.xsd"/>') -> str:
    body = "\n".join([schema_ref] + (CONTEXTS if contexts is None else contexts) + (UNITS if units is None else units)
                     + (FACTS if facts is None else facts))
    return f"""<?xml version="1.0" encoding="UTF-8"?>{prolog}
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
 xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xmlns:t="{NS}"{extra_ns}>
{body}
</xbrli:xbrl>
"""


def with_fact(fact: str, contexts=None, units=None, **kw) -> str:
    """The valid base instance plus one more fact."""
    return instance(contexts, units, FACTS + [fact], **kw)


def b_as(fact_b: str, **kw) -> str:
    """The base instance with fact B replaced."""
    return instance(facts=FACTS[:2] + [fact_b], **kw)


# ---- xBRL-JSON -----------------------------------------------------------------------------------

JSON_NS = {"t": NS, "iso4217": "http://www.xbrl.org/2003/iso4217", "e": "http://example.com/e",
           "xbrli": "http://www.xbrl.org/2003/instance"}
PERIOD = "2012-04-01T00:00:00/2012-10-01T00:00:00"


def jfact(concept: str, value, decimals=0, unit="iso4217:JPY", period=PERIOD, **dims) -> dict:
    d = {"concept": f"t:{concept}", "entity": "e:E1", "period": period}
    if unit is not None:
        d["unit"] = unit
    d.update(dims)
    f = {"value": value, "dimensions": d}
    if decimals is not None:
        f["decimals"] = decimals
    return f


def json_report(facts: dict | None = None, info: dict | None = None, raw: str | None = None) -> str:
    if raw is not None:
        return raw
    base = {"tot": jfact("Total", "100"), "a": jfact("A", "30"), "b": jfact("B", "70")}
    doc = {"documentInfo": info or {"documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": JSON_NS,
                                    "taxonomy": ["t.xsd"]},
           "facts": base if facts is None else facts}
    return json.dumps(doc, indent=1)


def b_json(**changes) -> str:
    b = jfact("B", "70")
    for k, v in changes.items():
        if k == "dims":
            b["dimensions"].update(v)
        elif v is _DROP:
            b.pop(k, None)
        elif k == "drop":
            b["dimensions"].pop(v)
        else:
            b[k] = v
    return json_report({"tot": jfact("Total", "100"), "a": jfact("A", "30"), "b": b})


_DROP = object()


@dataclass(frozen=True)
class Case:
    name: str
    file: str  # file name in the corpus folder
    content: str | bytes


def _case(name: str, content: str | bytes, ext: str = "xbrl") -> Case:
    return Case(name, f"{name}.{ext}", content)


SEG_A = explicit("t:SegAxis", "t:MemA")
_B = '<t:B contextRef="D" unitRef="JPY" decimals="0">{}</t:B>'
_DIM_CONTEXT = [context("S", seg="{}")]


def _dim_case(name: str, seg: str, concept: str = "B", scenario: str = "") -> Case:
    ctx = CONTEXTS + [context("S", seg=seg, scenario=scenario)]
    return _case(name, with_fact(f'<t:{concept} contextRef="S" unitRef="JPY" decimals="0">1</t:{concept}>', ctx))


def _bind_case(name: str, total_ctx: str, item_ctx: str) -> Case:
    """Total 110 in one context, A 30 + B 70 in another: inconsistent only if the two contexts are s-equal."""
    ctx = CONTEXTS + [total_ctx.replace('id="X"', 'id="X1"'), item_ctx.replace('id="X"', 'id="X2"')]
    return _case(name, instance(ctx, facts=['<t:Total contextRef="X1" unitRef="JPY" decimals="0">110</t:Total>',
                                           '<t:A contextRef="X2" unitRef="JPY" decimals="0">30</t:A>',
                                           '<t:B contextRef="X2" unitRef="JPY" decimals="0">70</t:B>']))


CASES: list[Case] = [
    _case("valid", instance()),
    _case("inconsistent", instance(facts=FACTS[:2] + [_B.format("75")])),
    # -- facts
    _case("undeclared_concept", with_fact('<t:Nope contextRef="D" unitRef="JPY" decimals="0">1</t:Nope>')),
    _case("unknown_namespace", with_fact('<u:X xmlns:u="http://example.com/u" contextRef="D">1</u:X>')),
    _case("context_missing", b_as('<t:B contextRef="Nope" unitRef="JPY" decimals="0">70</t:B>')),
    _case("unit_missing", b_as('<t:B contextRef="D" unitRef="Nope" decimals="0">70</t:B>')),
    _case("no_unit_ref", b_as('<t:B contextRef="D" decimals="0">70</t:B>')),
    _case("duration_in_instant", b_as('<t:B contextRef="I" unitRef="JPY" decimals="0">70</t:B>')),
    _case("instant_in_duration", with_fact('<t:Inst contextRef="D" unitRef="JPY" decimals="0">1</t:Inst>')),
    _case("no_decimals", b_as('<t:B contextRef="D" unitRef="JPY">70</t:B>')),
    _case("decimals_and_precision", b_as('<t:B contextRef="D" unitRef="JPY" decimals="0" precision="2">70</t:B>')),
    _case("decimals_abc", b_as('<t:B contextRef="D" unitRef="JPY" decimals="abc">70</t:B>')),
    _case("decimals_spaces", b_as('<t:B contextRef="D" unitRef="JPY" decimals=" 0 ">70</t:B>')),
    _case("decimals_huge", b_as('<t:B contextRef="D" unitRef="JPY" decimals="99999999999999999999">70</t:B>')),
    _case("decimals_huge_negative",
          b_as('<t:B contextRef="D" unitRef="JPY" decimals="-99999999999999999999">70</t:B>')),
    _case("precision_zero", b_as('<t:B contextRef="D" unitRef="JPY" precision="0">70</t:B>')),
    _case("precision_huge", b_as('<t:B contextRef="D" unitRef="JPY" precision="99999999999999999999">70</t:B>')),
    _case("precision_abc", b_as('<t:B contextRef="D" unitRef="JPY" precision="abc">70</t:B>')),
    _case("precision_three", b_as('<t:B contextRef="D" unitRef="JPY" precision="3">69.9</t:B>')),
    _case("nil_with_value", b_as('<t:B contextRef="D" unitRef="JPY" xsi:nil="true">70</t:B>')),
    _case("nil_with_decimals", b_as('<t:B contextRef="D" unitRef="JPY" decimals="0" xsi:nil="true"/>')),
    _case("nil_not_nillable", with_fact('<t:NonNil contextRef="D" unitRef="JPY" xsi:nil="true"/>')),
    _case("nil_bad_boolean", b_as('<t:B contextRef="D" unitRef="JPY" xsi:nil="yes"/>')),
    _case("value_abc", b_as(_B.format("abc"))),
    _case("value_grouped", b_as(_B.format("7,0"))),
    _case("value_exponent", b_as(_B.format("7E1"))),
    _case("value_fullwidth", b_as(_B.format("\uff17\uff10"))),
    _case("value_arabic_indic", b_as(_B.format("\u0667\u0660"))),
    _case("value_nbsp_after", b_as(_B.format("70&#160;"))),
    _case("value_nbsp_before", b_as(_B.format("&#160;70"))),
    _case("value_empty", b_as(_B.format(""))),
    _case("value_whitespace_sign", b_as(_B.format(" +70.00\n "))),
    _case("value_giant", b_as(_B.format("7" * 5000))),
    _case("value_long_fraction", b_as(_B.format("70." + "0" * 5000))),
    _case("value_child_element", b_as(_B.format("<t:Str>70</t:Str>"))),
    _case("integer_fraction", with_fact('<t:Int contextRef="D" unitRef="pure" decimals="0">1.5</t:Int>')),
    _case("integer_ok", with_fact('<t:Int contextRef="D" unitRef="pure" decimals="0"> -15 </t:Int>')),
    _case("date_invalid", with_fact('<t:Day contextRef="D">2012-02-30</t:Day>')),
    _case("date_ok_timezone", with_fact('<t:Day contextRef="D">2012-02-29Z</t:Day>')),
    _case("string_with_decimals", with_fact('<t:Str contextRef="D" decimals="0">x</t:Str>')),
    _case("string_with_unit", with_fact('<t:Str contextRef="D" unitRef="JPY">x</t:Str>')),
    _case("string_no_context", with_fact('<t:Str>x</t:Str>')),
    _case("duplicate_fact_id", instance(facts=[FACTS[0].replace("<t:Total ", '<t:Total id="f1" '),
                                               FACTS[1].replace("<t:A ", '<t:A id="f1" '), FACTS[2]])),
    _case("abstract_fact", with_fact('<t:LineItems contextRef="D">x</t:LineItems>')),
    _case("dimension_as_fact", with_fact('<t:SegAxis contextRef="D">x</t:SegAxis>')),
    # -- contexts
    _case("duplicate_context_id", instance(CONTEXTS + [context("D", INSTANT)])),
    _case("start_after_end", instance([context("D", DURATION.replace("2012-04-01", "2012-10-01")), CONTEXTS[1]])),
    _case("start_equals_end", instance([context("D", DURATION.replace("2012-04-01", "2012-09-30")), CONTEXTS[1]])),
    _case("start_without_end",
          instance([context("D", "<xbrli:period><xbrli:startDate>2012-04-01</xbrli:startDate></xbrli:period>"),
                    CONTEXTS[1]])),
    _case("instant_and_end", instance([context("D", "<xbrli:period><xbrli:instant>2012-09-30</xbrli:instant>"
                                                    "<xbrli:endDate>2012-09-30</xbrli:endDate></xbrli:period>"),
                                       CONTEXTS[1]])),
    _case("end_day_out_of_range", instance([context("D", DURATION.replace("2012-09-30", "2012-09-31")),
                                            CONTEXTS[1]])),
    _case("end_garbage", instance([context("D", DURATION.replace("2012-09-30", "yesterday")), CONTEXTS[1]])),
    _case("end_datetime_ok", instance([context("D", DURATION.replace("2012-09-30", "2012-10-01T00:00:00")),
                                       CONTEXTS[1]])),
    _case("forever_ok", instance([context("D", "<xbrli:period><xbrli:forever/></xbrli:period>"), CONTEXTS[1]])),
    _case("no_period", instance([context("D", ""), CONTEXTS[1]])),
    _case("no_identifier", instance([context("D", entity="<xbrli:entity/>"), CONTEXTS[1]])),
    _case("no_scheme", instance([context("D", entity='<xbrli:entity><xbrli:identifier>E1</xbrli:identifier>'
                                                     '</xbrli:entity>'), CONTEXTS[1]])),
    _case("empty_segment", instance([context("D", entity=ENTITY.format(seg="<xbrli:segment/>")), CONTEXTS[1]])),
    _case("context_without_id", instance(CONTEXTS + ['<xbrli:context>' + ENTITY.format(seg="") + DURATION
                                                     + "</xbrli:context>"])),
    _case("xbrli_in_segment", _dim_case("x", "<xbrli:measure>iso4217:JPY</xbrli:measure>").content),
    # -- units
    _case("unit_undeclared_prefix", instance(units=['<xbrli:unit id="JPY"><xbrli:measure>foo:JPY</xbrli:measure>'
                                                    '</xbrli:unit>'] + UNITS[1:])),
    _case("unit_no_prefix", instance(units=['<xbrli:unit id="JPY"><xbrli:measure>JPY</xbrli:measure></xbrli:unit>']
                                     + UNITS[1:])),
    _case("unit_lowercase", instance(units=['<xbrli:unit id="JPY"><xbrli:measure>iso4217:jpy</xbrli:measure>'
                                            '</xbrli:unit>'] + UNITS[1:])),
    _case("unit_xbrli_jpy", instance(units=['<xbrli:unit id="JPY"><xbrli:measure>xbrli:JPY</xbrli:measure>'
                                            '</xbrli:unit>'] + UNITS[1:])),
    _case("monetary_shares", b_as('<t:B contextRef="D" unitRef="shares" decimals="0">70</t:B>')),
    _case("shares_jpy", with_fact('<t:Shares contextRef="D" unitRef="JPY" decimals="0">5</t:Shares>')),
    _case("monetary_two_measures", instance(units=['<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure>'
                                                   '<xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>']
                                            + UNITS[1:])),
    _case("divide_same", with_fact('<t:EPS contextRef="D" unitRef="q" decimals="2">1</t:EPS>', units=UNITS + [
        '<xbrli:unit id="q"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:JPY</xbrli:measure>'
        '</xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>iso4217:JPY</xbrli:measure>'
        '</xbrli:unitDenominator></xbrli:divide></xbrli:unit>'])),
    _case("divide_empty_denominator", with_fact('<t:EPS contextRef="D" unitRef="q" decimals="2">1</t:EPS>', units=UNITS + [
        '<xbrli:unit id="q"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:JPY</xbrli:measure>'
        '</xbrli:unitNumerator><xbrli:unitDenominator/></xbrli:divide></xbrli:unit>'])),
    _case("eps_ok", with_fact('<t:EPS contextRef="D" unitRef="q" decimals="2">1.25</t:EPS>', units=UNITS + [
        '<xbrli:unit id="q"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:JPY</xbrli:measure>'
        '</xbrli:unitNumerator><xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure>'
        '</xbrli:unitDenominator></xbrli:divide></xbrli:unit>'])),
    _case("duplicate_unit_id", instance(units=UNITS + ['<xbrli:unit id="JPY"><xbrli:measure>iso4217:USD'
                                                       '</xbrli:measure></xbrli:unit>'])),
    _case("unit_empty", instance(units=['<xbrli:unit id="JPY"/>'] + UNITS[1:])),
    # -- dimensions
    _dim_case("dim_ok", SEG_A),
    _dim_case("dim_other_axis", SEG_A + explicit("t:OtherAxis", "t:MemA")),
    _dim_case("dim_default_written", explicit("t:SegAxis", "t:AllSeg")),
    _dim_case("dim_non_member", explicit("t:SegAxis", "t:MemX")),
    _dim_case("dim_undeclared_member", explicit("t:SegAxis", "t:NoSuch")),
    _dim_case("dim_undeclared_prefix", explicit("t:SegAxis", "zz:MemA")),
    _dim_case("dim_undeclared_dimension", explicit("t:NoAxis", "t:MemA")),
    _dim_case("dim_not_a_dimension", explicit("t:Total", "t:MemA")),
    _dim_case("dim_explicit_on_typed", explicit("t:TypAxis", "t:MemA")),
    _dim_case("dim_typed_on_explicit", typed("t:SegAxis", "<t:TypDom>1</t:TypDom>")),
    _dim_case("dim_repeated", SEG_A + explicit("t:SegAxis", "t:MemB")),
    _dim_case("dim_repeated_scenario", SEG_A, scenario=explicit("t:SegAxis", "t:MemB")),
    _dim_case("dim_typed_ok", typed("t:TypAxis", "<t:TypDom> 42 </t:TypDom>")),
    _dim_case("dim_typed_invalid_value", typed("t:TypAxis", "<t:TypDom>abc</t:TypDom>")),
    _dim_case("dim_typed_wrong_element", typed("t:TypAxis", "<t:TokDom>1</t:TokDom>")),
    _dim_case("dim_typed_empty", typed("t:TypAxis", "")),
    _dim_case("dim_typed_omitted", "", concept="Ratio"),
    _dim_case("dim_in_scenario", "", scenario=SEG_A),
    _dim_case("dim_typed_in_scenario", "", concept="Ratio", scenario=typed("t:TypAxis", "<t:TypDom>1</t:TypDom>")),
    _dim_case("dim_item_in_segment", "<t:Str>x</t:Str>"),
    # -- s-equality: Total 101 binds with A 30 + B 70 only when the contexts are s-equal
    _bind_case("bind_same", context("X"), context("X")),
    _bind_case("bind_typed_by_value", context("X", seg=typed("t:TypAxis", "<t:TypDom>01</t:TypDom>")),
               context("X", seg=typed("t:TypAxis", "<t:TypDom>1</t:TypDom>"))),
    _bind_case("bind_typed_token", context("X", seg=typed("t:TokAxis", "<t:TokDom>a  b</t:TokDom>")),
               context("X", seg=typed("t:TokAxis", "<t:TokDom> a b</t:TokDom>"))),
    _bind_case("bind_identifier_token", context("X", entity=ENTITY.format(seg="").replace(">E1<", ">E  1<")),
               context("X", entity=ENTITY.format(seg="").replace(">E1<", "> E 1 <"))),
    _bind_case("bind_identifier_differs", context("X", entity=ENTITY.format(seg="").replace(">E1<", ">E2<")),
               context("X")),
    _bind_case("bind_timezone_differs", context("X", DURATION.replace("2012-09-30", "2012-09-30Z")), context("X")),
    _bind_case("bind_end_datetime", context("X", DURATION.replace("2012-09-30", "2012-10-01T00:00:00")),
               context("X")),
    _bind_case("bind_end_24h", context("X", DURATION.replace("2012-09-30", "2012-09-30T24:00:00")), context("X")),
    _bind_case("bind_member_prefix", context("X", seg=SEG_A),
               context("X", seg=explicit("u:SegAxis", "u:MemA").replace(
                   "<xbrldi:explicitMember", f'<xbrldi:explicitMember xmlns:u="{NS}"'))),
    _bind_case("bind_segment_order", context("X", seg=typed("t:TypAxis", "<t:TypDom>1</t:TypDom>")),
               context("X", seg=typed("t:TypAxis", "<t:TypDom>2</t:TypDom>"))),
    # -- duplicates and calculation probes
    _case("duplicates_consistent", instance(facts=FACTS + ['<t:B contextRef="D" unitRef="JPY" decimals="-1">70</t:B>'])),
    _case("duplicates_inconsistent", instance(facts=FACTS + ['<t:B contextRef="D" unitRef="JPY" decimals="-1">90</t:B>'])),
    _case("excess_digits", instance(facts=FACTS[:2] + ['<t:B contextRef="D" unitRef="JPY" decimals="-1">71</t:B>'])),
    _case("nil_item", instance(facts=FACTS[:2] + ['<t:B contextRef="D" unitRef="JPY" xsi:nil="true"/>'])),
    # -- document level
    _case("no_schema_ref", instance(schema_ref="")),
    _case("missing_schema", instance(schema_ref='<link:schemaRef xlink:type="simple" xlink:href="nope.xsd"/>')),
    _case("remote_schema", instance(
        schema_ref='<link:schemaRef xlink:type="simple" xlink:href="http://example.com/nowhere/t.xsd"/>')),
    _case("not_xbrl_root", "<html/>"),
    _case("not_well_formed", instance()[:-20]),
    _case("entity_declared", instance(prolog='\n<!DOCTYPE xbrli:xbrl [<!ENTITY x "70">]>').replace(
        ">70</t:B>", ">&x;</t:B>")),
    _case("external_entity", instance(
        prolog='\n<!DOCTYPE xbrli:xbrl [<!ENTITY x SYSTEM "file:///etc/hostname">]>').replace(">70</t:B>", ">&x;</t:B>")),
    _case("entity_bomb", instance(prolog="\n<!DOCTYPE xbrli:xbrl [<!ENTITY a0 \"lol\">" + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10)) + "]>").replace(
        "<t:Str", "<t:Str").replace(FACTS[2], FACTS[2] + '\n<t:Str contextRef="D">&a9;</t:Str>')),
    _case("doctype_no_entities", instance(prolog="\n<!DOCTYPE xbrli:xbrl>")),
    _case("latin1_declared_utf8", instance().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')),
    _case("broken_utf8", instance().encode().replace(b">70<", b">7\xff0<")),
    _case("utf16", instance().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")),
    _case("bom_utf8", b"\xef\xbb\xbf" + instance().encode()),
    # -- xBRL-JSON
    _case("json_valid", json_report(), ext="json"),
    _case("json_inconsistent", b_json(value="75"), ext="json"),
    _case("json_value_number", b_json(value=70), ext="json"),
    _case("json_value_nan", json_report(raw=b_json().replace('"70"', "NaN")), ext="json"),
    _case("json_value_infinity", json_report(raw=b_json().replace('"70"', "Infinity")), ext="json"),
    _case("json_decimals_string", b_json(decimals="0"), ext="json"),
    _case("json_decimals_abc", b_json(decimals="abc"), ext="json"),
    _case("json_decimals_float", b_json(decimals=0.0), ext="json"),
    _case("json_decimals_huge", json_report(raw=b_json().replace('"decimals": 0\n  }', '"decimals": 99999999999999999999\n  }')), ext="json"),
    _case("json_extra_member", b_json(foo=1), ext="json"),
    _case("json_syntax", b_json()[:-3], ext="json"),
    _case("json_duplicate_key", json_report(raw=b_json().replace('"b": {', '"a": {')), ext="json"),
    _case("json_facts_list", json_report(raw=json.dumps({"documentInfo": {
        "documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": JSON_NS, "taxonomy": ["t.xsd"]},
        "facts": [jfact("A", "1")]})), ext="json"),
    _case("json_period_date_only", b_json(dims={"period": "2012-04-01/2012-09-30"}), ext="json"),
    _case("json_period_24h", b_json(dims={"period": "2012-04-01T00:00:00/2012-09-30T24:00:00"}), ext="json"),
    _case("json_period_garbage", b_json(dims={"period": "soon"}), ext="json"),
    _case("json_unbound_prefix", b_json(dims={"concept": "zz:B"}), ext="json"),
    _case("json_unknown_concept", b_json(dims={"concept": "t:Nope"}), ext="json"),
    _case("json_value_fullwidth", b_json(value="\uff17\uff10"), ext="json"),
    _case("json_value_exponent", b_json(value="7E1"), ext="json"),
    _case("json_value_nan_string", b_json(value="NaN"), ext="json"),
    _case("json_value_giant", b_json(value="7" * 5000), ext="json"),
    _case("json_monetary_no_unit", b_json(drop="unit"), ext="json"),
    _case("json_pure_unit", b_json(dims={"unit": "xbrli:pure"}), ext="json"),
    _case("json_nil_with_decimals", b_json(value=None), ext="json"),
    _case("json_nil_ok", b_json(value=None, decimals=_DROP), ext="json"),
    _case("json_dimension_ok", b_json(dims={"t:SegAxis": "t:MemA"}), ext="json"),
    _case("json_dimension_default", b_json(dims={"t:SegAxis": "t:AllSeg"}), ext="json"),
    _case("json_typed_ok", json_report({"r": jfact("Ratio", "1", unit=None, **{"t:TypAxis": "42"})}), ext="json"),
    _case("json_typed_invalid", json_report({"r": jfact("Ratio", "1", unit=None, **{"t:TypAxis": "abc"})}),
          ext="json"),
    _case("json_typed_number", json_report({"r": jfact("Ratio", "1", unit=None, **{"t:TypAxis": 42})}), ext="json"),
    _case("json_dimension_number", b_json(dims={"t:SegAxis": 1}), ext="json"),
    _case("json_language_upper", json_report({"s": jfact("Str", "x", decimals=None, unit=None, language="EN")}),
          ext="json"),
    _case("json_no_document_type", json_report(info={"namespaces": JSON_NS, "taxonomy": ["t.xsd"]}), ext="json"),
    _case("json_deep", '{"documentInfo": ' + "[" * 100000 + "]" * 100000 + "}", ext="json"),
    _case("json_top_array", "[]", ext="json"),
    _case("json_missing_schema", json_report(info={"documentType": "https://xbrl.org/2021/xbrl-json",
                                                   "namespaces": JSON_NS, "taxonomy": ["nope.xsd"]}), ext="json"),
    _case("json_period_instant_on_duration", b_json(dims={"period": "2012-10-01T00:00:00"}), ext="json"),
    _case("json_entity_no_prefix", b_json(dims={"entity": "E1"}), ext="json"),
]


def write_corpus(root: Path, cases: list[Case] = CASES) -> dict[str, Path]:
    """The taxonomy and every case's file under `root`; name -> path."""
    write_taxonomy(root)
    paths = {}
    for case in cases:
        path = root / case.file
        if isinstance(case.content, bytes):
            path.write_bytes(case.content)
        else:
            path.write_text(case.content, encoding="utf-8")
        paths[case.name] = path
    return paths


# Arelle 2.47.3's error- and inconsistency-level codes per case (`--calc c11r`, offline), recorded by
# running it over write_corpus(); test_validate_corpus.py re-runs it (marked arelle) to keep this table true.
ARELLE: dict[str, frozenset[str]] = {
    'valid': frozenset(),
    'inconsistent': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'undeclared_concept': frozenset({'xbrl:schemaImportMissing', 'xmlSchema:elementUnexpected'}),
    'unknown_namespace': frozenset({'xbrl:schemaImportMissing', 'xmlSchema:elementUnexpected'}),
    'context_missing': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrl.4.6.1:itemContextRef'}),
    'unit_missing': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrl.4.6.2:numericUnit'}),
    'no_unit_ref': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrl.4.6.2:numericUnit', 'xmlSchema:attributesRequired'}),
    'duration_in_instant': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrl.4.7.2:contextPeriodType'}),
    'instant_in_duration': frozenset({'xbrl.4.7.2:contextPeriodType'}),
    'no_decimals': frozenset({'xbrl.4.6.3:missingPrecisionDecimals'}),
    'decimals_and_precision': frozenset({'xbrl.4.6.3:bothPrecisionAndDecimals'}),
    'decimals_abc': frozenset({'xbrl.4.6.5:decimals', 'xmlSchema:valueError'}),
    'decimals_spaces': frozenset({'xbrl.4.6.5:decimals'}),
    'decimals_huge': frozenset({'exception:InvalidOperation'}),
    'decimals_huge_negative': frozenset({'exception:Overflow'}),
    'precision_zero': frozenset(),
    'precision_huge': frozenset({'exception:InvalidOperation'}),
    'precision_abc': frozenset({'xbrl.4.6.4:precision', 'xmlSchema:valueError'}),
    'precision_three': frozenset(),
    'nil_with_value': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:nilElementHasContent'}),
    'nil_with_decimals': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrl.4.6.3:nilPrecisionDecimals'}),
    'nil_not_nillable': frozenset({'xmlSchema:nilNonNillableElement', 'xmlSchema:valueError'}),
    'nil_bad_boolean': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrl.4.6.3:missingPrecisionDecimals', 'xmlSchema:valueError'}),
    'value_abc': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_grouped': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_exponent': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_fullwidth': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_arabic_indic': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_nbsp_after': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_nbsp_before': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_empty': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'value_whitespace_sign': frozenset(),
    'value_giant': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'value_long_fraction': frozenset(),
    'value_child_element': frozenset({'xbrl.4.6.1:itemContextRef', 'xbrl.5.1.1:itemMixedContent', 'xmlSchema:elementUnexpected'}),
    'integer_fraction': frozenset({'xmlSchema:valueError'}),
    'integer_ok': frozenset(),
    'date_invalid': frozenset({'xmlSchema:valueError'}),
    'date_ok_timezone': frozenset(),
    'string_with_decimals': frozenset({'xbrl.4.6.3:extraneousPrecisionDecimals', 'xmlSchema:attributesExtraneous'}),
    'string_with_unit': frozenset({'xmlSchema:attributesExtraneous'}),
    'string_no_context': frozenset({'xbrl.4.6.1:itemContextRef', 'xmlSchema:attributesRequired'}),
    'duplicate_fact_id': frozenset({'xml.3.3.1:idMustBeUnique'}),
    'abstract_fact': frozenset({'xmlSchema:abstractElement'}),
    'dimension_as_fact': frozenset({'xmlSchema:abstractElement'}),
    'duplicate_context_id': frozenset({'xbrl.4.7.2:contextPeriodType', 'xml.3.3.1:idMustBeUnique'}),
    'start_after_end': frozenset({'xbrl.4.7.2:periodStartBeforeEnd'}),
    'start_equals_end': frozenset(),
    'start_without_end': frozenset({'xmlSchema:elementOccurrencesError'}),
    'instant_and_end': frozenset({'xmlSchema:elementUnexpected'}),
    'end_day_out_of_range': frozenset({'xmlSchema:valueError'}),
    'end_garbage': frozenset({'xmlSchema:valueError'}),
    'end_datetime_ok': frozenset(),
    'forever_ok': frozenset(),
    'no_period': frozenset({'xbrl.4.7.2:contextPeriodType', 'xmlSchema:elementOccurrencesError'}),
    'no_identifier': frozenset({'xmlSchema:elementOccurrencesError'}),
    'no_scheme': frozenset({'xmlSchema:attributesRequired'}),
    'empty_segment': frozenset({'xbrl.4.7.3.2:segmentEmpty', 'xmlSchema:elementOccurrencesError'}),
    'context_without_id': frozenset({'xmlSchema:attributesRequired'}),
    'xbrli_in_segment': frozenset({'xbrl.4.7.3.2:segmentXbrliElement', 'xbrldie:PrimaryItemDimensionallyInvalidError', 'xmlSchema:elementOccurrencesError'}),
    'unit_undeclared_prefix': frozenset({'xbrl.4.8.2:monetaryFactUnit-notSingleMeasure', 'xmlSchema:valueError'}),
    'unit_no_prefix': frozenset({'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'}),
    'unit_lowercase': frozenset({'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'}),
    'unit_xbrli_jpy': frozenset({'xbrl.4.8.2:measureElement', 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'}),
    'monetary_shares': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'}),
    'shares_jpy': frozenset({'xbrl.4.8.2:sharesFactUnit-notSharesMeasure'}),
    'monetary_two_measures': frozenset({'xbrl.4.8.2:monetaryFactUnit-notSingleMeasure'}),
    'divide_same': frozenset({'xbrl.4.8.4:measureBothNumDenom'}),
    'divide_empty_denominator': frozenset({'xmlSchema:elementOccurrencesError'}),
    'eps_ok': frozenset(),
    'duplicate_unit_id': frozenset({'xml.3.3.1:idMustBeUnique'}),
    'unit_empty': frozenset({'xbrl.4.8.2:monetaryFactUnit-notSingleMeasure', 'xmlSchema:elementOccurrencesError'}),
    'dim_ok': frozenset(),
    'dim_other_axis': frozenset({'xbrldie:PrimaryItemDimensionallyInvalidError'}),
    'dim_default_written': frozenset({'xbrldie:DefaultValueUsedInInstanceError'}),
    'dim_non_member': frozenset({'xbrldie:PrimaryItemDimensionallyInvalidError'}),
    'dim_undeclared_member': frozenset({'xbrldie:ExplicitMemberUndefinedQNameError', 'xbrldie:PrimaryItemDimensionallyInvalidError'}),
    'dim_undeclared_prefix': frozenset({'xbrldie:ExplicitMemberUndefinedQNameError', 'xbrldie:PrimaryItemDimensionallyInvalidError', 'xmlSchema:valueError'}),
    'dim_undeclared_dimension': frozenset({'xbrldie:ExplicitMemberNotExplicitDimensionError'}),
    'dim_not_a_dimension': frozenset({'xbrldie:ExplicitMemberNotExplicitDimensionError', 'xbrldie:PrimaryItemDimensionallyInvalidError'}),
    'dim_explicit_on_typed': frozenset({'xbrldie:ExplicitMemberNotExplicitDimensionError'}),
    'dim_typed_on_explicit': frozenset({'xbrldie:PrimaryItemDimensionallyInvalidError', 'xbrldie:TypedMemberNotTypedDimensionError'}),
    'dim_repeated': frozenset({'xbrldie:RepeatedDimensionInInstanceError'}),
    'dim_repeated_scenario': frozenset({'xbrldie:RepeatedDimensionInInstanceError'}),
    'dim_typed_ok': frozenset(),
    'dim_typed_invalid_value': frozenset({'xmlSchema:valueError'}),
    'dim_typed_wrong_element': frozenset({'xbrldie:IllegalTypedDimensionContentError'}),
    'dim_typed_empty': frozenset({'xbrldie:IllegalTypedDimensionContentError', 'xmlSchema:elementOccurrencesError'}),
    'dim_typed_omitted': frozenset({'xbrldie:PrimaryItemDimensionallyInvalidError'}),
    'dim_in_scenario': frozenset(),
    'dim_typed_in_scenario': frozenset({'xbrldie:PrimaryItemDimensionallyInvalidError'}),
    'dim_item_in_segment': frozenset({'xbrl.4.7.3.2:segmentItemOrTuple', 'xbrldie:PrimaryItemDimensionallyInvalidError', 'xmlSchema:attributesRequired'}),
    'bind_same': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'bind_typed_by_value': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'bind_typed_token': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'bind_identifier_token': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'bind_identifier_differs': frozenset(),
    'bind_timezone_differs': frozenset({'xbrl.4.7.2:contextDateError'}),
    'bind_end_datetime': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'bind_end_24h': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'bind_member_prefix': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'bind_segment_order': frozenset(),
    'duplicates_consistent': frozenset(),
    'duplicates_inconsistent': frozenset({'oime:disallowedDuplicateFacts'}),
    'excess_digits': frozenset({'calc11e:excessDigits'}),
    'nil_item': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'no_schema_ref': frozenset({'xbrl:schemaImportMissing'}),
    'missing_schema': frozenset({'IOerror', 'xbrl:schemaImportMissing'}),
    'remote_schema': frozenset({'IOerror', 'xbrl:schemaImportMissing'}),
    'not_xbrl_root': frozenset(),
    'not_well_formed': frozenset({'xmlSchema:syntax'}),
    'entity_declared': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'external_entity': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xmlSchema:valueError'}),
    'entity_bomb': frozenset({'xmlSchema:syntax'}),
    'doctype_no_entities': frozenset(),
    'latin1_declared_utf8': frozenset(),
    'broken_utf8': frozenset({'IOerror'}),
    'utf16': frozenset(),
    'bom_utf8': frozenset(),
    'json_valid': frozenset(),
    'json_inconsistent': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'json_value_number': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_value_nan': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_value_infinity': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_decimals_string': frozenset(),
    'json_decimals_abc': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_decimals_float': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_decimals_huge': frozenset({'exception:InvalidOperation'}),
    'json_extra_member': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_syntax': frozenset({'xbrlje:invalidJSON'}),
    'json_duplicate_key': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrlje:invalidJSON'}),
    'json_facts_list': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_period_date_only': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oimce:invalidPeriodRepresentation'}),
    'json_period_24h': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oimce:invalidPeriodRepresentation'}),
    'json_period_garbage': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oimce:invalidPeriodRepresentation'}),
    'json_unbound_prefix': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oimce:unboundPrefix'}),
    'json_unknown_concept': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oime:unknownConcept'}),
    'json_value_fullwidth': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrlje:invalidFactValue', 'xmlSchema:valueError'}),
    'json_value_exponent': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrlje:invalidFactValue', 'xmlSchema:valueError'}),
    'json_value_nan_string': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'xbrlje:invalidFactValue', 'xmlSchema:valueError'}),
    'json_value_giant': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'json_monetary_no_unit': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oime:invalidTaxonomy', 'xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure'}),
    'json_pure_unit': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oime:illegalPureUnit'}),
    'json_nil_with_decimals': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oime:misplacedDecimalsProperty'}),
    'json_nil_ok': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'json_dimension_ok': frozenset({'calc11e:inconsistentCalculationUsingRounding'}),
    'json_dimension_default': frozenset({'oime:invalidDimensionValue'}),
    'json_typed_ok': frozenset(),
    'json_typed_invalid': frozenset({'xbrlje:invalidDimensionValue', 'xmlSchema:valueError'}),
    'json_typed_number': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_dimension_number': frozenset({'xbrlje:invalidJSONStructure'}),
    'json_language_upper': frozenset({'xbrlje:invalidLanguageCodeCase'}),
    'json_no_document_type': frozenset({'oimce:unsupportedDocumentType'}),
    'json_deep': frozenset({'arelleOIMloader:error'}),
    'json_top_array': frozenset({'oimce:unsupportedDocumentType'}),
    'json_missing_schema': frozenset({'IOerror', 'oime:invalidTaxonomy', 'oime:unknownConcept'}),
    'json_period_instant_on_duration': frozenset({'calc11e:inconsistentCalculationUsingRounding', 'oime:invalidPeriodDimension'}),
    'json_entity_no_prefix': frozenset({'oimce:invalidSQName'}),
}

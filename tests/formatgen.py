"""One generated XBRL 2.1 instance (calcgen's shape) written again as xBRL-JSON, xBRL-CSV and inline XBRL.

The same facts, contexts and units in each format, so that every reader must give the same calculation
findings. Inline XBRL varies the presentation at random, as filers do: `scale` (the displayed number is
the value divided by 10^scale), `sign="-"` for negative values, the TR4 formats num-dot-decimal (with
grouping commas), num-comma-decimal (dots group, comma decimal) or none, fixed-zero for some zeros, and
nils. Comparison keys carry no source line (lines differ by format): code, concept, link role, intervals.
"""
from __future__ import annotations

import json
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from lxml import etree

import calcgen

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
FORMATS = ("json", "csv", "inline")
_NS = {"g": calcgen.NS, "iso4217": "http://www.xbrl.org/2003/iso4217", "xbrli": XBRLI, "e": "http://example.com"}


def _read(xml: Path) -> tuple[dict, dict, list]:
    root = etree.parse(str(xml)).getroot()
    contexts, units, facts = {}, {}, []
    for el in root:
        if not isinstance(el.tag, str):
            continue
        q = etree.QName(el)
        if el.tag == f"{{{XBRLI}}}context":
            ident = el.find(f".//{{{XBRLI}}}identifier")
            dims = {m.get("dimension"): m.text for m in el.iter(f"{{{XBRLDI}}}explicitMember")}
            instant = el.find(f".//{{{XBRLI}}}instant").text
            contexts[el.get("id")] = (ident.text, dims, instant, etree.tostring(el, encoding="unicode"))
        elif el.tag == f"{{{XBRLI}}}unit":
            units[el.get("id")] = (el.find(f"{{{XBRLI}}}measure").text, etree.tostring(el, encoding="unicode"))
        elif q.namespace == calcgen.NS:
            nil = el.get(XSI_NIL) == "true"
            facts.append((q.localname, el.get("contextRef"), el.get("unitRef"), None if nil else el.text,
                          el.get("decimals")))
    return contexts, units, facts


def _oim_period(instant: str) -> str:
    return f"{(date.fromisoformat(instant) + timedelta(days=1)).isoformat()}T00:00:00"


def write_json(xml: Path, out: Path) -> Path:
    contexts, units, facts = _read(xml)
    doc_facts = {}
    for n, (concept, cid, uid, value, dec) in enumerate(facts):
        ident, dims, instant, _ = contexts[cid]
        d = {"concept": f"g:{concept}", "entity": f"e:{ident}", "period": _oim_period(instant), **dims}
        if units[uid][0] != "xbrli:pure":
            d["unit"] = units[uid][0]
        fact = {"value": value, "dimensions": d}
        if value is not None and dec not in (None, "INF"):
            fact["decimals"] = int(dec)
        doc_facts[f"f{n}"] = fact
    doc = {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": _NS,
                            "taxonomy": ["calcgen.xsd"]}, "facts": doc_facts}
    out.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return out


def write_csv(xml: Path, out: Path) -> Path:
    """`out` is the metadata file; the one table goes beside it."""
    contexts, units, facts = _read(xml)
    table = out.with_name(out.name.replace("-metadata.json", ".csv"))
    rows = ["concept,entity,period,unit,axis,value"]
    for concept, cid, uid, value, dec in facts:
        ident, dims, instant, _ = contexts[cid]
        unit = "#none" if units[uid][0] == "xbrli:pure" else units[uid][0]
        cell = "#nil" if value is None else value + ("" if dec in (None, "INF") else f"d{dec}")
        rows.append(f"g:{concept},e:{ident},{instant}@end,{unit},{dims.get('g:Axis', '')},{cell}")
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    meta = {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-csv", "namespaces": _NS,
                             "taxonomy": ["calcgen.xsd"]},
            "tableTemplates": {"facts": {"dimensions": {"concept": "$concept", "entity": "$entity",
                                                        "period": "$period", "unit": "$unit", "g:Axis": "$axis"},
                                         "columns": {"concept": {}, "entity": {}, "period": {}, "unit": {},
                                                     "axis": {}, "value": {"dimensions": {}}}}},
            "tables": {"facts": {"template": "facts", "url": table.name}}}
    out.write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return out


def _display(value: Decimal, rng: random.Random) -> tuple[str, str]:
    """(attributes, displayed text) presenting the non-negative `value`."""
    if value == 0 and rng.random() < 0.5:
        return ' format="ixt:fixed-zero"', "-"
    scale = rng.choice((0, 0, 3, 6, -2))
    shown = value.scaleb(-scale)
    text = format(shown, "f")
    whole, _, fraction = text.partition(".")
    style = rng.random()
    attrs = f' scale="{scale}"' if scale else ""
    if style < 0.4:
        grouped = f"{int(whole):,}"
        return attrs + ' format="ixt:num-dot-decimal"', grouped + (f".{fraction}" if fraction else "")
    if style < 0.7:
        grouped = f"{int(whole):,}".replace(",", ".")
        return attrs + ' format="ixt:num-comma-decimal"', grouped + (f",{fraction}" if fraction else "")
    return attrs, text


def write_inline(xml: Path, out: Path, seed: int = 0) -> Path:
    contexts, units, facts = _read(xml)
    rng = random.Random(f"{seed}:{xml.name}")
    rows = []
    for concept, cid, uid, value, dec in facts:
        acc = f' decimals="{dec}"' if dec is not None else ""
        if value is None:
            rows.append(f'<tr><td>{concept}</td><td><ix:nonFraction name="g:{concept}" contextRef="{cid}" '
                        f'unitRef="{uid}" xsi:nil="true"/></td></tr>')
            continue
        v = Decimal(value)
        sign = ' sign="-"' if v < 0 or (v == 0 and value.startswith("-")) else ""
        attrs, text = _display(abs(v), rng)
        rows.append(f'<tr><td>{concept}</td><td>{"(" if sign else ""}<ix:nonFraction name="g:{concept}" '
                    f'contextRef="{cid}" unitRef="{uid}"{acc}{sign}{attrs}>{text}</ix:nonFraction>'
                    f'{")" if sign else ""}</td></tr>')
    resources = "\n".join([c[3] for c in contexts.values()] + [u[1] for u in units.values()])
    out.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
 xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:xbrli="{XBRLI}"
 xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="{XBRLDI}"
 xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
 xmlns:g="{calcgen.NS}" xml:lang="en">
<head><title>{xml.stem}</title></head><body>
<div style="display:none"><ix:header><ix:references><link:schemaRef xlink:type="simple" xlink:href="calcgen.xsd"/>
</ix:references><ix:resources>
{resources}
</ix:resources></ix:header></div>
<table>
{chr(10).join(rows)}
</table></body></html>
""", encoding="utf-8")
    return out


def write_formats(xml: Path, seed: int = 0) -> dict[str, Path]:
    """The instance at `xml` in every other format, beside it."""
    return {"json": write_json(xml, xml.with_suffix(".json")),
            "csv": write_csv(xml, xml.with_name(f"{xml.stem}-metadata.json")),
            "inline": write_inline(xml, xml.with_suffix(".xhtml"), seed)}


def our_keys(findings) -> set[tuple]:
    keys: set[tuple] = set()
    for f in findings:
        if f.rule == calcgen.CODES[3]:
            keys.add((f.rule,))
        elif f.rule in calcgen.CODES:
            keys.add((f.rule, _local(f.concepts[0] if f.concepts else None), f.values.get("linkrole"),
                      calcgen._range(f.values.get("reported")), calcgen._range(f.values.get("computed"))))
    return keys


def arelle_keys(entries: list[dict]) -> set[tuple]:
    """As calcgen.arelle_keys, less the source line; a set, as Arelle repeats a finding per network."""
    keys: set[tuple] = set()
    for e in entries:
        code = e.get("code")
        if code not in calcgen.CODES:
            continue
        if code == calcgen.CODES[3]:
            keys.add((code,))
            continue
        args = e.get("message", {}).get("args", {})
        keys.add((code, _local(args.get("concept") or args.get("element")), args.get("linkrole"),
                  calcgen._range(args.get("reportedSum")), calcgen._range(args.get("computedSum"))))
    return keys


def _local(name: str | None) -> str | None:
    return name.rpartition(":")[2] if name else None


# calcgen's taxonomy repeats one calculation arc on purpose (calc11e:duplicateCalculationRelationships); Arelle
# also reports that as xlink:dupArcs, and OIM reports then add oime:invalidTaxonomy.
_TAXONOMY_CODES = frozenset(("xlink:dupArcs", "oime:invalidTaxonomy"))


def arelle_errors(entries: list[dict]) -> list[str]:
    """Arelle's error codes beyond the calculation ones and the taxonomy's: a converted file must have none."""
    return sorted({e.get("code") for e in entries if e.get("level") in ("error", "critical")
                   and e.get("code") not in calcgen.CODES and e.get("code") not in _TAXONOMY_CODES})

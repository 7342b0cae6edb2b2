"""Benchmark instances of several shapes, each with its own generated taxonomy, in every input format.

    python benchmarks/shapes.py --shape context-heavy --facts 100000 [--formats xbrl json csv inline xbr]

| shape | what it stresses |
|---|---|
| fact-heavy | 10 contexts, one unit, facts/10 concepts in calculations of 1 total + 9 items: per-fact reading |
| context-heavy | facts/14 contexts (7,143 at 100k) over 7 periods and two explicit dimensions (20 x 50 members, open hypercube, defaults), 5 units (JPY, USD, EUR, shares, pure), 14 facts per context in 2 calculations |
| duplicate-heavy | every fact written three times (decimals -3, -6 and -3 again, consistent), some inconsistent duplicate sets planted: duplicate grouping and intersection |
| deep-calc | a binary calculation tree of depth 8 (255 concepts, 127 totals) per context: many bindings per fact |

Every shape plants a few inconsistent totals (and duplicate-heavy a few inconsistent duplicates), so both
tools have findings to agree on. Files go to benchmarks/data/<shape>-<facts>/ (git-ignored): `<name>.xbrl`,
`.json` (xBRL-JSON), `-metadata.json` + `.csv` (xBRL-CSV), `.xhtml` (inline XBRL) and `.xbr` (a report package
holding the XML instance and the taxonomy). The values are written in plain notation in every format, so every
reader sees the same numbers.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import zipfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
NS = "http://example.com/shape"
ROLE = "http://example.com/shape/role/calc"
DIM_ROLE = "http://example.com/shape/role/dims"
SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"
XDT = "http://xbrl.org/int/dim/arcrole/"
SHAPES = ("fact-heavy", "context-heavy", "duplicate-heavy", "deep-calc")
FORMATS = ("xbrl", "json", "csv", "inline", "xbr")
PLANTED = 5
MEASURES = {"JPY": "iso4217:JPY", "USD": "iso4217:USD", "EUR": "iso4217:EUR", "shares": "xbrli:shares",
            "pure": "xbrli:pure"}
_TYPES = {"JPY": "xbrli:monetaryItemType", "USD": "xbrli:monetaryItemType", "EUR": "xbrli:monetaryItemType",
          "shares": "xbrli:sharesItemType", "pure": "xbrli:decimalItemType"}
_NSMAP = {"s": NS, "iso4217": "http://www.xbrl.org/2003/iso4217", "xbrli": "http://www.xbrl.org/2003/instance",
          "e": "http://example.com/entity"}


@dataclass
class Instance:
    """What one benchmark instance says, independent of its syntax."""

    name: str
    concepts: dict[str, str] = field(default_factory=dict)  # concept -> unit id its facts use
    calcs: list[tuple[str, list[str]]] = field(default_factory=list)  # (total, items), weight 1
    axes: dict[str, list[str]] = field(default_factory=dict)  # explicit dimension -> members (first: default)
    contexts: list[tuple[str, str, str, dict[str, str]]] = field(default_factory=list)  # id, entity, instant, dims
    facts: list[tuple[str, str, str, int]] = field(default_factory=list)  # concept, context, value, decimals


def _values(rng: random.Random, calcs: list[tuple[str, list[str]]], leaves: list[str]) -> dict[str, int]:
    """Consistent values (multiples of 1,000) for `leaves`, totals summed bottom-up (calcs listed leaves-first)."""
    v = {c: rng.randint(1, 10**9) * 1000 for c in leaves}
    for total, items in calcs:
        v[total] = sum(v[i] for i in items)
    return v


def _plant(inst: Instance, rng: random.Random, totals: set[str], n: int = PLANTED) -> None:
    """Put `n` totals off by 1,000,000: inconsistencies both tools must find."""
    candidates = [i for i, f in enumerate(inst.facts) if f[0] in totals]
    for i in rng.sample(candidates, min(n, len(candidates))):
        c, ctx, v, d = inst.facts[i]
        inst.facts[i] = (c, ctx, v + 1_000_000, d)


def fact_heavy(facts: int, rng: random.Random) -> Instance:
    inst = Instance("fact-heavy")
    contexts = 10
    groups = max(1, facts // contexts // 10)
    for g in range(groups):
        items = [f"F{g}_{i}" for i in range(1, 10)]
        inst.calcs.append((f"F{g}_T", items))
        for c in [f"F{g}_T", *items]:
            inst.concepts[c] = "JPY"
    for n in range(contexts):
        cid = f"c{n}"
        inst.contexts.append((cid, "E1", f"{2015 + n}-03-31", {}))
        v = _values(rng, inst.calcs, [c for c in inst.concepts if not c.endswith("_T")])
        inst.facts += [(c, cid, v[c], -3) for c in inst.concepts]
    _plant(inst, rng, {t for t, _ in inst.calcs})
    return inst


def context_heavy(facts: int, rng: random.Random) -> Instance:
    inst = Instance("context-heavy")
    blocks = (("A", "JPY"), ("B", "USD"))  # two calculations of 1 total + 4 items, in two currencies
    for block, unit in blocks:
        items = [f"{block}{i}" for i in range(1, 5)]
        inst.calcs.append((f"{block}T", items))
        for c in [f"{block}T", *items]:
            inst.concepts[c] = unit
    for c, unit in (("C1", "EUR"), ("C2", "EUR"), ("S1", "shares"), ("R1", "pure")):
        inst.concepts[c] = unit
    inst.axes = {"Region": [f"Region{i}" for i in range(20)], "Product": [f"Product{i}" for i in range(50)]}
    per = len(inst.concepts)
    contexts = max(1, facts // per)
    combos = [{"Region": r, "Product": p} for r in inst.axes["Region"] for p in inst.axes["Product"]]
    leaves = [c for c in inst.concepts if not c.endswith("T")]
    for n in range(contexts):
        period, combo = divmod(n, len(combos))
        dims = {axis: m for axis, m in combos[combo].items() if m != inst.axes[axis][0]}  # defaults left out
        cid = f"c{n}"
        inst.contexts.append((cid, f"E{n % 3}", f"{2010 + period}-03-31", dims))
        v = _values(rng, inst.calcs, leaves)
        inst.facts += [(c, cid, v[c], -3) for c in inst.concepts]
    _plant(inst, rng, {t for t, _ in inst.calcs})
    return inst


def duplicate_heavy(facts: int, rng: random.Random) -> Instance:
    inst = Instance("duplicate-heavy")
    items = [f"D{i}" for i in range(1, 15)]
    inst.calcs.append(("DT", items))
    for c in ["DT", *items]:
        inst.concepts[c] = "JPY"
    contexts = max(1, facts // (3 * len(inst.concepts)))
    planted = set(rng.sample(range(contexts), min(PLANTED, contexts)))
    for n in range(contexts):
        cid = f"c{n}"
        inst.contexts.append((cid, "E1", (date(2000, 1, 1) + timedelta(days=n)).isoformat(), {}))
        v = _values(rng, inst.calcs, items)
        v["DT"] += 1_000_000 if n in planted else 0
        for c in inst.concepts:  # -3, -6 (rounded half up, within the -3 value's interval) and -3 again
            inst.facts += [(c, cid, v[c], -3), (c, cid, (v[c] + 500_000) // 1_000_000 * 1_000_000, -6),
                           (c, cid, v[c], -3)]
    for i in rng.sample(range(0, len(inst.facts), 3), PLANTED):  # the third copy disagrees with the first
        c, ctx, v, d = inst.facts[i + 2]
        inst.facts[i + 2] = (c, ctx, v + 5000, d)
    return inst


def deep_calc(facts: int, rng: random.Random, depth: int = 8) -> Instance:
    inst = Instance("deep-calc")
    nodes = 2 ** depth - 1  # heap order: node k has children 2k+1, 2k+2
    for k in reversed(range(nodes // 2)):
        inst.calcs.append((f"N{k}", [f"N{2 * k + 1}", f"N{2 * k + 2}"]))
    for k in range(nodes):
        inst.concepts[f"N{k}"] = "JPY"
    leaves = [f"N{k}" for k in range(nodes // 2, nodes)]
    for n in range(max(1, facts // nodes)):
        cid = f"c{n}"
        inst.contexts.append((cid, "E1", (date(2000, 1, 1) + timedelta(days=n)).isoformat(), {}))
        v = _values(rng, inst.calcs, leaves)
        inst.facts += [(c, cid, v[c], -3) for c in inst.concepts]
    _plant(inst, rng, {t for t, _ in inst.calcs})
    return inst


BUILDERS = {"fact-heavy": fact_heavy, "context-heavy": context_heavy, "duplicate-heavy": duplicate_heavy,
            "deep-calc": deep_calc}


# ---- taxonomy ---------------------------------------------------------------------------------------------

def write_taxonomy(inst: Instance, out: Path) -> dict[str, bytes]:
    """shape.xsd, shape_cal.xml and (with dimensions) shape_def.xml, written to `out` and returned."""
    files: dict[str, bytes] = {}
    els = [f'<xs:element id="s_{c}" name="{c}" type="{_TYPES[u]}" substitutionGroup="xbrli:item" nillable="true" '
           f'xbrli:periodType="instant"/>' for c, u in inst.concepts.items()]
    refs = ['<link:linkbaseRef xlink:type="simple" xlink:href="shape_cal.xml" xlink:arcrole='
            '"http://www.w3.org/1999/xlink/properties/linkbase" xlink:role='
            '"http://www.xbrl.org/2003/role/calculationLinkbaseRef"/>']
    roles = [f'<link:roleType roleURI="{ROLE}" id="calc"><link:usedOn>link:calculationLink</link:usedOn>'
             '</link:roleType>']
    if inst.axes:
        refs.append('<link:linkbaseRef xlink:type="simple" xlink:href="shape_def.xml" xlink:arcrole='
                    '"http://www.w3.org/1999/xlink/properties/linkbase" xlink:role='
                    '"http://www.xbrl.org/2003/role/definitionLinkbaseRef"/>')
        roles.append(f'<link:roleType roleURI="{DIM_ROLE}" id="dims"><link:usedOn>link:definitionLink'
                     '</link:usedOn></link:roleType>')
        abstract = 'abstract="true" nillable="true" xbrli:periodType="duration"'
        els.append(f'<xs:element id="s_Table" name="Table" type="xbrli:stringItemType" '
                   f'substitutionGroup="xbrldt:hypercubeItem" {abstract}/>')
        els.append(f'<xs:element id="s_LineItems" name="LineItems" type="xbrli:stringItemType" '
                   f'substitutionGroup="xbrli:item" {abstract}/>')
        for axis, members in inst.axes.items():
            els.append(f'<xs:element id="s_{axis}" name="{axis}" type="xbrli:stringItemType" '
                       f'substitutionGroup="xbrldt:dimensionItem" {abstract}/>')
            els += [f'<xs:element id="s_{m}" name="{m}" type="xbrli:stringItemType" substitutionGroup="xbrli:item" '
                    f'{abstract}/>' for m in members]
    files["shape.xsd"] = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
 xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:s="{NS}" targetNamespace="{NS}" elementFormDefault="qualified">
<xs:annotation><xs:appinfo>
{chr(10).join(refs)}
{chr(10).join(roles)}
</xs:appinfo></xs:annotation>
<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
<xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
{chr(10).join(els)}
</xs:schema>
""".encode()
    used = sorted({c for t, items in inst.calcs for c in [t, *items]})
    locs = [f'<link:loc xlink:type="locator" xlink:href="shape.xsd#s_{c}" xlink:label="{c}"/>' for c in used]
    arcs = [f'<link:calculationArc xlink:type="arc" xlink:arcrole="{SUMMATION}" xlink:from="{t}" xlink:to="{i}" '
            f'weight="1" order="{n}"/>' for t, items in inst.calcs for n, i in enumerate(items, 1)]
    files["shape_cal.xml"] = _linkbase(f'<link:roleRef roleURI="{ROLE}" xlink:type="simple" xlink:href="shape.xsd#calc"/>',
                                       f'<link:calculationLink xlink:type="extended" xlink:role="{ROLE}">',
                                       locs + arcs, "</link:calculationLink>")
    if inst.axes:
        names = ["Table", "LineItems", *inst.concepts, *inst.axes, *(m for ms in inst.axes.values() for m in ms)]
        locs = [f'<link:loc xlink:type="locator" xlink:href="shape.xsd#s_{c}" xlink:label="{c}"/>' for c in names]
        arcs = [_arc("all", "LineItems", "Table", 1, ' xbrldt:closed="false" xbrldt:contextElement="segment"')]
        arcs += [_arc("domain-member", "LineItems", c, n) for n, c in enumerate(inst.concepts, 1)]
        defaults = []  # in a link of their own: two arcs between the same locators are xlink:dupArcs
        for n, (axis, members) in enumerate(inst.axes.items(), 1):
            arcs.append(_arc("hypercube-dimension", "Table", axis, n))
            arcs.append(_arc("dimension-domain", axis, members[0], 1))
            defaults.append(_arc("dimension-default", axis, members[0], 1))
            arcs += [_arc("domain-member", members[0], m, k) for k, m in enumerate(members[1:], 1)]
        used = ("all", "hypercube-dimension", "dimension-domain", "dimension-default", "domain-member")
        refs = [f'<link:roleRef roleURI="{DIM_ROLE}" xlink:type="simple" xlink:href="shape.xsd#dims"/>']
        refs += [f'<link:arcroleRef arcroleURI="{XDT}{a}" xlink:type="simple" '
                 f'xlink:href="http://www.xbrl.org/2005/xbrldt-2005.xsd#{a}"/>' for a in used]
        default_locs = [loc for loc in locs if any(f'label="{x}"' in loc for x in inst.axes)
                        or any(f'label="{m[0]}"' in loc for m in inst.axes.values())]
        files["shape_def.xml"] = _linkbase(
            "\n".join(refs), f'<link:definitionLink xlink:type="extended" xlink:role="{DIM_ROLE}">',
            locs + arcs + ["</link:definitionLink>",
                           f'<link:definitionLink xlink:type="extended" xlink:role="{DIM_ROLE}">',
                           *default_locs, *defaults], "</link:definitionLink>")
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return files


def _arc(arcrole: str, source: str, target: str, order: int, extra: str = "") -> str:
    return (f'<link:definitionArc xlink:type="arc" xlink:arcrole="{XDT}{arcrole}" xlink:from="{source}" '
            f'xlink:to="{target}" order="{order}"{extra}/>')


def _linkbase(role_ref: str, start: str, body: list[str], end: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:xbrldt="http://xbrl.org/2005/xbrldt">
{role_ref}
{start}
{chr(10).join(body)}
{end}
</link:linkbase>
""".encode()


# ---- the instance in each format ------------------------------------------------------------------------

_XML_NS = ('xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
           'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
           f'xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:s="{NS}"')


def _context_xml(cid: str, entity: str, instant: str, dims: dict[str, str]) -> str:
    seg = ("<xbrli:segment>" + "".join(f'<xbrldi:explicitMember dimension="s:{a}">s:{m}</xbrldi:explicitMember>'
                                       for a, m in dims.items()) + "</xbrli:segment>") if dims else ""
    return (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://example.com/entity">{entity}'
            f'</xbrli:identifier>{seg}</xbrli:entity><xbrli:period><xbrli:instant>{instant}</xbrli:instant>'
            '</xbrli:period></xbrli:context>')


def _unit_xml(uid: str) -> str:
    return f'<xbrli:unit id="{uid}"><xbrli:measure>{MEASURES[uid]}</xbrli:measure></xbrli:unit>'


def write_xml(inst: Instance, path: Path) -> None:
    units = sorted(set(inst.concepts.values()))
    with path.open("w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<xbrli:xbrl {_XML_NS}>\n'
                  '<link:schemaRef xlink:type="simple" xlink:href="shape.xsd"/>\n')
        out.writelines(_unit_xml(u) + "\n" for u in units)
        out.writelines(_context_xml(*c) + "\n" for c in inst.contexts)
        out.writelines(f'<s:{c} contextRef="{ctx}" unitRef="{inst.concepts[c]}" decimals="{d}">{v}</s:{c}>\n'
                       for c, ctx, v, d in inst.facts)
        out.write("</xbrli:xbrl>\n")


def _oim_period(instant: str) -> str:
    return f"{(date.fromisoformat(instant) + timedelta(days=1)).isoformat()}T00:00:00"


def write_json(inst: Instance, path: Path) -> None:
    contexts = {cid: (entity, _oim_period(instant), {f"s:{a}": f"s:{m}" for a, m in dims.items()})
                for cid, entity, instant, dims in inst.contexts}
    facts = {}
    for n, (c, ctx, v, d) in enumerate(inst.facts):
        entity, period, dims = contexts[ctx]
        unit = inst.concepts[c]
        aspects = {"concept": f"s:{c}", "entity": f"e:{entity}", "period": period, **dims}
        if unit != "pure":
            aspects["unit"] = MEASURES[unit]
        facts[f"f{n}"] = {"value": str(v), "decimals": d, "dimensions": aspects}
    doc = {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "namespaces": _NSMAP,
                            "taxonomy": ["shape.xsd"]}, "facts": facts}
    path.write_text(json.dumps(doc), encoding="utf-8")


def write_csv(inst: Instance, metadata: Path) -> None:
    """One table: concept, entity, period, unit, the two axes, value with its decimals suffix."""
    table = metadata.with_name(metadata.name.replace("-metadata.json", ".csv"))
    contexts = {cid: (entity, instant, dims) for cid, entity, instant, dims in inst.contexts}
    axes = list(inst.axes)
    rows = [",".join(["concept", "entity", "period", "unit", *[a.lower() for a in axes], "value"])]
    for c, ctx, v, d in inst.facts:
        entity, instant, dims = contexts[ctx]
        unit = inst.concepts[c]
        cells = [f"s:{c}", f"e:{entity}", f"{instant}@end", "#none" if unit == "pure" else MEASURES[unit]]
        cells += [f"s:{dims[a]}" if a in dims else "#none" for a in axes]
        rows.append(",".join([*cells, f"{v}d{d}"]))
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    dimensions = {"concept": "$concept", "entity": "$entity", "period": "$period", "unit": "$unit",
                  **{f"s:{a}": f"${a.lower()}" for a in axes}}
    columns = {name: {} for name in ["concept", "entity", "period", "unit", *[a.lower() for a in axes]]}
    columns["value"] = {"dimensions": {}}
    meta = {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-csv", "namespaces": _NSMAP,
                             "taxonomy": ["shape.xsd"]},
            "tableTemplates": {"facts": {"dimensions": dimensions, "columns": columns}},
            "tables": {"facts": {"template": "facts", "url": table.name}}}
    metadata.write_text(json.dumps(meta, indent=1), encoding="utf-8")


def write_inline(inst: Instance, path: Path) -> None:
    units = sorted(set(inst.concepts.values()))
    resources = [_context_xml(*c) for c in inst.contexts] + [_unit_xml(u) for u in units]
    with path.open("w", encoding="utf-8") as out:
        out.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" {_XML_NS} xml:lang="en">
<head><title>{inst.name}</title></head><body>
<div style="display:none"><ix:header><ix:references><link:schemaRef xlink:type="simple" xlink:href="shape.xsd"/>
</ix:references><ix:resources>
""")
        out.writelines(r + "\n" for r in resources)
        out.write("</ix:resources></ix:header></div>\n<table>\n")
        out.writelines(f'<tr><td>{c}</td><td><ix:nonFraction name="s:{c}" contextRef="{ctx}" '
                       f'unitRef="{inst.concepts[c]}" decimals="{d}">{v}</ix:nonFraction></td></tr>\n'
                       for c, ctx, v, d in inst.facts)
        out.write("</table></body></html>\n")


def write_package(xml: Path, taxonomy: dict[str, bytes], path: Path) -> None:
    """A report package (.xbr): the XML instance with the taxonomy beside it in reports/."""
    top = path.stem
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{top}/META-INF/reportPackage.json",
                    json.dumps({"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbr"}}))
        zf.write(xml, f"{top}/reports/{xml.name}")
        for name, data in taxonomy.items():
            zf.writestr(f"{top}/reports/{name}", data)
    path.write_bytes(buffer.getvalue())


def generate(shape: str, facts: int, formats: tuple[str, ...] = FORMATS, seed: int = 1,
             root: Path = DATA) -> dict[str, Path]:
    """The instance of `shape` with about `facts` facts in each of `formats`: format -> file to validate."""
    inst = BUILDERS[shape](facts, random.Random(f"{shape}:{facts}:{seed}"))
    out = root / f"{shape}-{facts}"
    taxonomy = write_taxonomy(inst, out)
    name = f"{shape}-{facts}"
    paths: dict[str, Path] = {"xbrl": out / f"{name}.xbrl"}
    write_xml(inst, paths["xbrl"])
    writers = {"json": (".json", write_json), "csv": ("-metadata.json", write_csv), "inline": (".xhtml", write_inline)}
    for fmt, (suffix, write) in writers.items():
        if fmt in formats:
            paths[fmt] = out / f"{name}{suffix}"
            write(inst, paths[fmt])
    if "xbr" in formats:
        paths["xbr"] = out / f"{name}.xbr"
        write_package(paths["xbrl"], taxonomy, paths["xbr"])
    return {f: p for f, p in paths.items() if f in formats}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shape", choices=SHAPES, nargs="+", default=list(SHAPES))
    ap.add_argument("--facts", type=int, nargs="+", default=[10000])
    ap.add_argument("--formats", choices=FORMATS, nargs="+", default=list(FORMATS))
    args = ap.parse_args()
    for shape in args.shape:
        for n in args.facts:
            for fmt, path in generate(shape, n, tuple(args.formats)).items():
                print(f"{shape} {n} {fmt}: {path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

"""A GAAP-sized taxonomy and a 2,000-fact instance over it: DTS discovery and reading at scale.

    python benchmarks/gaap.py [--modules 20] [--concepts 1000] [--facts 2000]

An entry schema imports `--modules` module schemas of `--concepts` concepts each; every module has its own
calculation, presentation, definition and label linkbase (defaults: 20,000 concepts in 101 files, 78,000
relationships: 18,000 calculation, 20,000 presentation, 20,000 definition (domain-member) and 20,000 label
arcs with their 20,000 labels). Calculations are trees of one total and nine items. The instance reports the
concepts of the first calculation trees in one context (`--facts` facts), five totals off by 1,000,000.
Written to benchmarks/data/gaap-dts/ (git-ignored).
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
NS = "http://example.com/gaap/{m}"
ROLE = "http://example.com/gaap/role/{m}"
LINK_NS = ('xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink" '
           'xmlns:xbrldt="http://xbrl.org/2005/xbrldt"')
SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
DOMAIN_MEMBER = "http://xbrl.org/int/dim/arcrole/domain-member"
CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
LINKBASES = {"cal": ("calculation", "calculationLink", "calculationArc"),
             "pre": ("presentation", "presentationLink", "presentationArc"),
             "def": ("definition", "definitionLink", "definitionArc"),
             "lab": ("label", "labelLink", "labelArc")}


def _name(m: int, k: int) -> str:
    return f"M{m}C{k}"


def _schema(m: int, concepts: int) -> str:
    refs = "\n".join(f'<link:linkbaseRef xlink:type="simple" xlink:href="m{m}_{kind}.xml" xlink:arcrole='
                     f'"http://www.w3.org/1999/xlink/properties/linkbase" xlink:role='
                     f'"http://www.xbrl.org/2003/role/{LINKBASES[kind][0]}LinkbaseRef"/>' for kind in LINKBASES)
    els = "\n".join(f'<xs:element id="m{m}_{_name(m, k)}" name="{_name(m, k)}" type="xbrli:monetaryItemType" '
                    f'substitutionGroup="xbrli:item" nillable="true" xbrli:periodType="instant"/>'
                    for k in range(concepts))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
 {LINK_NS} targetNamespace="{NS.format(m=m)}" elementFormDefault="qualified">
<xs:annotation><xs:appinfo>
{refs}
<link:roleType roleURI="{ROLE.format(m=m)}" id="role{m}"><link:definition>Module {m}</link:definition>
<link:usedOn>link:calculationLink</link:usedOn><link:usedOn>link:presentationLink</link:usedOn>
<link:usedOn>link:definitionLink</link:usedOn></link:roleType>
</xs:appinfo></xs:annotation>
<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
{els}
</xs:schema>
"""


def _linkbase(m: int, kind: str, concepts: int) -> str:
    _, link, arc = LINKBASES[kind]
    role = "http://www.xbrl.org/2003/role/link" if kind == "lab" else ROLE.format(m=m)
    locs = [f'<link:loc xlink:type="locator" xlink:href="m{m}.xsd#m{m}_{_name(m, k)}" xlink:label="c{k}"/>'
            for k in range(concepts)]
    body = []
    if kind == "lab":
        for k in range(concepts):
            body.append(f'<link:label xlink:type="resource" xlink:label="l{k}" xlink:role='
                        f'"http://www.xbrl.org/2003/role/label" xml:lang="en">Concept {k} of module {m}</link:label>')
            body.append(f'<link:labelArc xlink:type="arc" xlink:arcrole="{CONCEPT_LABEL}" xlink:from="c{k}" '
                        f'xlink:to="l{k}"/>')
    elif kind == "cal":
        for total in range(0, concepts - concepts % 10, 10):
            body += [f'<link:calculationArc xlink:type="arc" xlink:arcrole="{SUMMATION}" xlink:from="c{total}" '
                     f'xlink:to="c{total + i}" weight="1" order="{i}"/>' for i in range(1, 10)]
    else:  # presentation and definition: every concept under the previous one, a chain of trees of ten
        arcrole = PARENT_CHILD if kind == "pre" else DOMAIN_MEMBER
        body += [f'<link:{arc} xlink:type="arc" xlink:arcrole="{arcrole}" xlink:from="c{k - 1 if k % 10 else 0}" '
                 f'xlink:to="c{k}" order="{k}"/>' for k in range(1, concepts)]
        body.append(f'<link:{arc} xlink:type="arc" xlink:arcrole="{arcrole}" xlink:from="c0" xlink:to="c{concepts - 1}" '
                    f'order="{concepts + 1}"/>')  # one more, so each linkbase has as many arcs as concepts
    refs = "" if kind == "lab" else f'<link:roleRef roleURI="{role}" xlink:type="simple" xlink:href="m{m}.xsd#role{m}"/>'
    if kind == "def":
        refs += (f'\n<link:arcroleRef arcroleURI="{DOMAIN_MEMBER}" xlink:type="simple" '
                 'xlink:href="http://www.xbrl.org/2005/xbrldt-2005.xsd#domain-member"/>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<link:linkbase {LINK_NS}>\n{refs}\n'
            f'<link:{link} xlink:type="extended" xlink:role="{role}">\n' + "\n".join(locs + body)
            + f"\n</link:{link}>\n</link:linkbase>\n")


def generate(modules: int = 20, concepts: int = 1000, facts: int = 2000, seed: int = 1, root: Path = DATA) -> Path:
    """Write the taxonomy and the instance; return the instance's path."""
    out = root / "gaap-dts"
    out.mkdir(parents=True, exist_ok=True)
    imports = "\n".join(f'<xs:import namespace="{NS.format(m=m)}" schemaLocation="m{m}.xsd"/>' for m in range(modules))
    (out / "entry.xsd").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/gaap/entry"
 elementFormDefault="qualified">
<xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
<xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
{imports}
</xs:schema>
""", encoding="utf-8")
    for m in range(modules):
        (out / f"m{m}.xsd").write_text(_schema(m, concepts), encoding="utf-8")
        for kind in LINKBASES:
            (out / f"m{m}_{kind}.xml").write_text(_linkbase(m, kind, concepts), encoding="utf-8")
    rng = random.Random(seed)
    values, lines = {}, []
    trees = facts // 10
    for t in range(trees):  # trees spread over the modules, every tree complete
        m, total = t % modules, (t // modules) * 10
        items = {_name(m, total + i): rng.randint(1, 10**9) * 1000 for i in range(1, 10)}
        values[(m, _name(m, total))] = sum(items.values())
        values.update({(m, c): v for c, v in items.items()})
    planted = set(rng.sample(range(trees), min(5, trees)))
    for t in planted:
        m, total = t % modules, (t // modules) * 10
        values[(m, _name(m, total))] += 1_000_000
    prefixes = " ".join(f'xmlns:m{m}="{NS.format(m=m)}"' for m in range(modules))
    lines = [f'<m{m}:{c} contextRef="c" unitRef="USD" decimals="-3">{v}</m{m}:{c}>' for (m, c), v in values.items()]
    instance = out / "gaap-dts.xbrl"
    instance.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" {LINK_NS} xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
 {prefixes}>
<link:schemaRef xlink:type="simple" xlink:href="entry.xsd"/>
<xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier></xbrli:entity>
<xbrli:period><xbrli:instant>2024-12-31</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
{chr(10).join(lines)}
</xbrli:xbrl>
""", encoding="utf-8")
    return instance


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--modules", type=int, default=20)
    ap.add_argument("--concepts", type=int, default=1000)
    ap.add_argument("--facts", type=int, default=2000)
    args = ap.parse_args()
    path = generate(args.modules, args.concepts, args.facts)
    files = sorted(path.parent.glob("*.x*"))
    print(f"{path} ({len(files) - 1} taxonomy files, {sum(f.stat().st_size for f in files):,} bytes)")


if __name__ == "__main__":
    main()

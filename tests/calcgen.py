"""Random instances over a small generated taxonomy, to compare our Calculations 1.1 with Arelle's.

`write_taxonomy(dir)` writes one schema and one calculation linkbase: several link roles,
both summation-item arcroles, a weight of 0.5, a duplicated relationship, monetary,
decimal and integer totals. `random_instance(rng)` makes an instance of independent
blocks (context x unit) with random values and decimals -9..2, INF, missing decimals,
precision, excess digits, consistent and inconsistent duplicates, nils, s-equal contexts
under different ids, dimensions, several units, and totals perturbed by one unit or
placed exactly on the rounding tolerance. `arelle_batch(paths)` runs Arelle in-process
over many files in ONE subprocess (start-up is the expensive part) and returns its logs.

Comparison key: code, source line of the first fact cited (Arelle lists the summation facts
first, then the items, each in document order; so do we), link role, and the reported and
computed intervals as numbers.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

NS = "http://example.com/calcgen"
ROLE = "http://example.com/calcgen/role/"
ARC2003 = "http://www.xbrl.org/2003/arcrole/summation-item"
ARC2023 = "https://xbrl.org/2023/arcrole/summation-item"
CODES = ("calc11e:inconsistentCalculationUsingRounding", "oime:disallowedDuplicateFacts", "calc11e:excessDigits",
         "calc11e:duplicateCalculationRelationships", "calc11e:inconsistentCalculationUsingTruncation",
         "calc11e:disallowedDuplicateFactsUsingTruncation")  # the last two: truncation mode (c11t)

# concept -> (type, family); family chooses the unit set
CONCEPTS = {**{c: ("xbrli:monetaryItemType", "money") for c in ("A", "B", "C", "D", "E", "T1", "T2", "T3", "T4")},
            **{c: ("xbrli:decimalItemType", "ratio") for c in ("X", "Y", "Z")},
            **{c: ("xbrli:integerItemType", "count") for c in ("K", "L", "M")}}
# (role, arcrole, total, [(item, weight, order)])
NETWORKS = [
    ("r1", ARC2003, "T1", [("A", "1", 1), ("B", "1", 2), ("C", "-1", 3)]),
    ("r1", ARC2003, "T2", [("T1", "1", 1), ("D", "1", 2)]),
    ("r2", ARC2003, "T1", [("A", "1", 1), ("E", "1", 2)]),
    ("r1", ARC2023, "T3", [("A", "0.5", 1), ("B", "1", 2)]),
    ("r2", ARC2003, "T4", [("D", "1", 1), ("D", "1", 2), ("E", "1", 3)]),
    ("r3", ARC2003, "X", [("Y", "1", 1), ("Z", "1", 2)]),
    ("r3", ARC2003, "K", [("L", "1", 1), ("M", "-1", 2)]),
]
UNITS = {"money": ["JPY", "USD", "JPY2"], "ratio": ["pure", "shares"], "count": ["shares", "pure"]}
UNIT_XML = {"JPY": "iso4217:JPY", "JPY2": "iso4217:JPY", "USD": "iso4217:USD", "pure": "xbrli:pure",
            "shares": "xbrli:shares"}


def write_taxonomy(root: Path, networks=NETWORKS, concepts=CONCEPTS) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    roles = sorted({n[0] for n in networks})
    elements = "\n".join(
        f'  <xs:element id="g_{c}" name="{c}" type="{t}" substitutionGroup="xbrli:item" nillable="true" '
        f'xbrli:periodType="instant"/>'
        for c, (t, _) in concepts.items())
    role_types = "\n".join(
        f'   <link:roleType roleURI="{ROLE}{r}" id="{r}"><link:usedOn>link:calculationLink</link:usedOn></link:roleType>'
        for r in roles)
    (root / "calcgen.xsd").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:g="{NS}" targetNamespace="{NS}" elementFormDefault="qualified">
 <xs:annotation><xs:appinfo>
   <link:linkbaseRef xlink:type="simple" xlink:href="calcgen_cal.xml" xlink:role="http://www.xbrl.org/2003/role/calculationLinkbaseRef" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
{role_types}
 </xs:appinfo></xs:annotation>
 <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
 <xs:import namespace="http://xbrl.org/2005/xbrldt" schemaLocation="http://www.xbrl.org/2005/xbrldt-2005.xsd"/>
{elements}
  <xs:element id="g_Axis" name="Axis" type="xbrli:stringItemType" substitutionGroup="xbrldt:dimensionItem" abstract="true" nillable="true" xbrli:periodType="duration"/>
  <xs:element id="g_M1" name="M1" type="xbrli:stringItemType" substitutionGroup="xbrli:item" abstract="true" nillable="true" xbrli:periodType="duration"/>
</xs:schema>
""", encoding="utf-8")
    links = []
    for role in roles:
        for arcrole in (ARC2003, ARC2023):
            nets = [n for n in networks if n[0] == role and n[1] == arcrole]
            if not nets:
                continue
            used = sorted({n[2] for n in nets} | {i for n in nets for i, _, _ in n[3]})
            locs = "\n".join(f'  <link:loc xlink:type="locator" xlink:href="calcgen.xsd#g_{c}" xlink:label="{c}"/>'
                             for c in used)
            arcs = "\n".join(
                f'  <link:calculationArc xlink:type="arc" xlink:arcrole="{arcrole}" xlink:from="{n[2]}" '
                f'xlink:to="{i}" weight="{w}" order="{o}"/>' for n in nets for i, w, o in n[3])
            links.append(f' <link:calculationLink xlink:type="extended" xlink:role="{ROLE}{role}">\n{locs}\n{arcs}\n'
                         f' </link:calculationLink>')
    role_refs = "\n".join(f' <link:roleRef roleURI="{ROLE}{r}" xlink:type="simple" xlink:href="calcgen.xsd#{r}"/>'
                          for r in roles)
    (root / "calcgen_cal.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink">
{role_refs}
 <link:arcroleRef arcroleURI="{ARC2023}" xlink:type="simple" xlink:href="https://www.xbrl.org/2023/calculation-1.1.xsd#summation-item"/>
{chr(10).join(links)}
</link:linkbase>
""", encoding="utf-8")
    return root / "calcgen.xsd"


def _round(v: Decimal, d: int) -> Decimal:
    return v.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_EVEN)


class _Block:
    """Facts of one binding: a context (maybe under two s-equal ids) and a unit per family."""

    def __init__(self, rng: random.Random, index: int, out: list[str], oim: bool = False):
        self.rng, self.out, self.oim = rng, out, oim
        self.ctx_ids = [f"c{index}"] + ([f"c{index}dup"] if rng.random() < 0.2 else [])
        self.units = {fam: rng.choice(us) for fam, us in UNITS.items()}
        self.block_d = rng.randint(-9, 2)

    def decimals(self) -> str | None:
        r = self.rng.random()
        if r < 0.08:
            return "INF"
        if r < 0.11:
            return "INF" if self.oim else None  # no decimals attribute at all (OIM cannot write that)
        if r < 0.55:
            return str(self.block_d)
        return str(self.rng.randint(-9, 2))

    def fact(self, concept: str, value: Decimal | None, dec: str | None, precision: str | None = None) -> None:
        ctx = self.rng.choice(self.ctx_ids)
        unit = self.units[CONCEPTS[concept][1]]
        if value is None:
            self.out.append(f'<g:{concept} contextRef="{ctx}" unitRef="{unit}" xsi:nil="true"/>')
            return
        if self.oim and CONCEPTS[concept][0] == "xbrli:integerItemType" and value == value.to_integral_value():
            value = value.quantize(Decimal(1))  # "12.00" is no xs:integer; inline XBRL's scaling would make it one
        acc = f' precision="{precision}"' if precision else (f' decimals="{dec}"' if dec is not None else "")
        self.out.append(f'<g:{concept} contextRef="{ctx}" unitRef="{unit}"{acc}>{format(value, "f")}</g:{concept}>')

    def reported(self, true: Decimal, dec: str | None) -> Decimal:
        if dec is None or dec == "INF" or self.rng.random() < 0.03:
            return true  # exact, or (with finite decimals) probably excess digits
        return _round(true, int(dec))

    def emit(self, concept: str, true: Decimal) -> None:
        rng = self.rng
        if rng.random() < 0.12:
            return
        if rng.random() < 0.04:
            self.fact(concept, None, None)
        elif rng.random() < 0.03 and not self.oim:  # OIM has no precision
            self.fact(concept, true, None, precision=str(rng.randint(0, 9)))
        else:
            dec = self.decimals()
            self.fact(concept, self.reported(true, dec), dec)
        if rng.random() < 0.18:
            self.duplicate(concept, true)

    def duplicate(self, concept: str, true: Decimal) -> None:
        rng, kind = self.rng, self.rng.random()
        dec = self.decimals()
        value = self.reported(true, dec)
        if kind < 0.15:
            self.fact(concept, None, None)
            return
        if kind < 0.5 and dec not in (None, "INF"):
            value += Decimal(rng.choice((-2, -1, 1, 3))).scaleb(-int(dec))  # inconsistent, or equal-decimals clash
        self.fact(concept, value, dec)


def _boundary_block(rng: random.Random, block: _Block, true: dict[str, Decimal]) -> None:
    """Totals placed exactly on (or one unit beyond) the rounding tolerance of their items.

    With n items at decimals d the tolerance is (n + 1) half-units: T1 (3 items) touches at
    2 units and fails at 3; X (2 items) passes at 1 unit and fails at 2.
    """
    d = block.block_d
    unit = Decimal(1).scaleb(-d)
    for total, items, ks in (("T1", (("A", 1), ("B", 1), ("C", -1)), (-3, -2, 2, 3)),
                             ("X", (("Y", 1), ("Z", 1)), (-2, -1, 1, 2))):
        reported = {c: _round(true[c], d) for c, _ in items}
        for c, _ in items:
            block.fact(c, reported[c], str(d))
        block.fact(total, sum(w * reported[c] for c, w in items) + rng.choice(ks) * unit, str(d))


def _true_values(rng: random.Random) -> dict[str, Decimal]:
    def leaf() -> Decimal:
        return Decimal(rng.randint(-10**5, 10**7)).scaleb(rng.randint(-2, 4))

    v = {c: leaf() for c in ("A", "B", "C", "D", "Y", "Z")}
    v["E"] = v["B"] - v["C"]
    v["T1"] = v["A"] + v["B"] - v["C"]
    v["T2"] = v["T1"] + v["D"]
    v["T3"] = v["A"] * Decimal("0.5") + v["B"]
    v["T4"] = 2 * v["D"] + v["E"]
    v["X"] = v["Y"] + v["Z"]
    v["L"], v["M"] = Decimal(rng.randint(0, 10**9)), Decimal(rng.randint(0, 10**8))
    v["K"] = v["L"] - v["M"]
    return v


def _perturb(rng: random.Random, true: dict[str, Decimal], block: _Block) -> None:
    for total in ("T1", "T2", "T3", "T4", "X", "K"):
        r = rng.random()
        if r < 0.2:
            true[total] += Decimal(rng.choice((-1, 1))).scaleb(-block.block_d)  # one unit of the usual decimals
        elif r < 0.4:
            # just inside or outside the tolerance: n half-units of the block's decimals
            true[total] += Decimal(rng.choice((-1, 1)) * rng.randint(1, 8)).scaleb(-block.block_d) / 2
        elif r < 0.45:
            true[total] += Decimal(rng.randint(-10**6, 10**6)).scaleb(rng.randint(-2, 3))
    if CONCEPTS["K"][0].endswith("integerItemType"):
        true["K"] = true["K"].to_integral_value()


def random_instance(rng: random.Random, blocks: int = 8, oim: bool = False) -> str:
    """An instance; with `oim`, only what every format can say (no precision, no fact without decimals)."""
    contexts, units, facts = [], [], []
    for i in range(blocks):
        block = _Block(rng, i, facts, oim)
        dims = '<xbrli:segment><xbrldi:explicitMember dimension="g:Axis">g:M1</xbrldi:explicitMember></xbrli:segment>' \
            if rng.random() < 0.25 else ""
        for cid in block.ctx_ids:
            contexts.append(f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://example.com">'
                            f'E{i % 2}</xbrli:identifier>{dims}</xbrli:entity><xbrli:period><xbrli:instant>'
                            f'{2000 + i // 2}-12-31</xbrli:instant></xbrli:period></xbrli:context>')
        true = _true_values(rng)
        if rng.random() < 0.3:
            _boundary_block(rng, block, true)
            continue
        _perturb(rng, true, block)
        for concept in CONCEPTS:
            if CONCEPTS[concept][0].endswith("integerItemType"):
                true[concept] = true[concept].to_integral_value()
            block.emit(concept, true[concept])
    for uid, measure in UNIT_XML.items():
        units.append(f'<xbrli:unit id="{uid}"><xbrli:measure>{measure}</xbrli:measure></xbrli:unit>')
    return document(contexts + units + facts)


def document(parts: list[str]) -> str:
    body = "\n".join(parts)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
 xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:g="{NS}">
<link:schemaRef xlink:type="simple" xlink:href="calcgen.xsd"/>
{body}
</xbrli:xbrl>
"""


def simple_instance(facts: list[tuple], contexts: tuple[str, ...] = ("c0",)) -> str:
    """An instance of (concept, value or None, decimals or None, context id[, unit id]) facts;
    every context in `contexts` is an s-equal instant, unit default JPY."""
    ctx = [f'<xbrli:context id="{c}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E</xbrli:identifier>'
           f'</xbrli:entity><xbrli:period><xbrli:instant>2020-12-31</xbrli:instant></xbrli:period></xbrli:context>'
           for c in contexts]
    units = [f'<xbrli:unit id="{u}"><xbrli:measure>{m}</xbrli:measure></xbrli:unit>' for u, m in UNIT_XML.items()]
    body = []
    for concept, value, dec, cid, *unit in facts:
        uid = unit[0] if unit else "JPY"
        if value is None:
            body.append(f'<g:{concept} contextRef="{cid}" unitRef="{uid}" xsi:nil="true"/>')
        else:
            acc = f' decimals="{dec}"' if dec is not None else ""
            body.append(f'<g:{concept} contextRef="{cid}" unitRef="{uid}"{acc}>{value}</g:{concept}>')
    return document(ctx + units + body)


def write_instances(root: Path, seed: int, count: int, blocks: int = 8, oim: bool = False) -> list[Path]:
    write_taxonomy(root)
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        path = root / f"inst{n:04d}.xbrl"
        path.write_text(random_instance(rng, blocks, oim), encoding="utf-8")
        paths.append(path)
    return paths


_ARELLE_LOOP = r"""
import json, sys
from arelle.api.Session import Session
from arelle.RuntimeOptions import RuntimeOptions
out = {}
with Session() as s:
    for path in json.load(sys.stdin):
        s.run(RuntimeOptions(entrypointFile=path, validate=True, calcs=sys.argv[1], workOffline=True,
                             disablePersistentConfig=True, logFile="logToBuffer", keepOpen=False))
        out[path] = json.loads(s.get_logs("json", clear_logs=True))["log"]
json.dump(out, sys.stdout)
"""


def arelle_batch(paths: list[Path], calcs: str = "c11r") -> dict[str, list[dict]]:
    """Arelle's JSON log entries per file, from one in-process Arelle session in a subprocess; `calcs` is
    Arelle's --calc mode: c11r round-to-nearest, c11t truncation."""
    env = dict(os.environ, ARELLE_WORK_OFFLINE="1")
    proc = subprocess.run([sys.executable, "-c", _ARELLE_LOOP, calcs], input=json.dumps([str(p) for p in paths]),
                          capture_output=True, text=True, env=env, timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(f"Arelle batch failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout[proc.stdout.index("{"):])


def arelle_keys(entries: list[dict]) -> set[tuple]:
    keys = set()
    for e in entries:
        code = e.get("code")
        if code not in CODES:
            continue
        if code == CODES[3]:
            keys.add((code,))
            continue
        args = e.get("message", {}).get("args", {})
        line = (e.get("refs") or [{}])[0].get("sourceLine")
        keys.add((code, int(line) if line is not None else None, args.get("linkrole"),
                  _range(args.get("reportedSum")), _range(args.get("computedSum"))))
    return keys


def our_keys(findings) -> set[tuple]:
    keys = set()
    for f in findings:
        if f.rule == CODES[3]:
            keys.add((f.rule,))
        elif f.rule in CODES:
            keys.add((f.rule, f.sources[0].line, f.values.get("linkrole"), _range(f.values.get("reported")),
                      _range(f.values.get("computed"))))
    return keys


def _range(text: str | None) -> tuple | None:
    """'[668.5, 669.5]' as comparable numbers (formatting differs: 666.0 vs 666)."""
    if not text:
        return None
    lo, hi = text[1:-1].split(",")
    return text[0], Decimal(lo).normalize(), Decimal(hi).normalize(), text[-1]

"""The compiled per-fact loop (xbrl/_factscan.c) reads exactly what the pure-Python reader reads.

One instance holds every kind of top-level child the compiled path must take or hand over: plain facts, ids,
nils, precision, values with spaces, fractions, CDATA, character references, too many digits, unusual
decimals, a comment inside a value, foreign attributes, facts before their context, a context id defined
twice, undefined units, unknown elements, elements in no namespace, and lines beyond 65,535 (where libxml2
stops counting in the node itself). Both readers must give the same fact table, field by field, the same
problems in the same order and the same counts. The Arelle-equivalence tests run over both paths too
(test_calc11.py, test_validate_corpus.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

import calcgen
from iij_xbrl.xbrl.dts import DtsLoader, Resolver
from iij_xbrl.xbrl.instance import PURE_PYTHON, compiled_core, read


def test_the_compiled_core_is_built_here() -> None:
    # pip install -e . builds it on this kind of machine; without it the two-path tests would compare one path
    assert compiled_core() is not None


def _context(cid: str, member: str | None = None, day: str = "31") -> str:
    segment = (f'<xbrli:segment><xbrldi:explicitMember dimension="g:Axis">{member}</xbrldi:explicitMember>'
               '</xbrli:segment>') if member else ""
    return (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E'
            f'</xbrli:identifier>{segment}</xbrli:entity><xbrli:period><xbrli:instant>2020-12-{day}</xbrli:instant>'
            '</xbrli:period></xbrli:context>')


def _instance() -> str:
    units = [f'<xbrli:unit id="{u}"><xbrli:measure>{m}</xbrli:measure></xbrli:unit>'
             for u, m in calcgen.UNIT_XML.items()]
    facts = [
        '<g:A contextRef="late" unitRef="JPY" decimals="-3" id="p1">5000</g:A>',  # before its context: pending
        _context("c0"), _context("c1", day="30"), *units,
        '<g:A contextRef="c0" unitRef="JPY" decimals="-3">1000</g:A>',
        '<g:A contextRef="c0" unitRef="JPY" decimals="-3">1000</g:A>',  # a duplicate
        '<g:B contextRef="c0" unitRef="JPY" decimals="-3" id="f1">2000</g:B>',
        '<g:B contextRef="c1" unitRef="JPY" decimals="-3" id="f1">2000</g:B>',  # id used again
        '<g:C contextRef="c0" unitRef="JPY" xsi:nil="true"/>',
        '<g:C contextRef="c1" unitRef="JPY" xsi:nil="false" decimals="0">7</g:C>',
        '<g:D contextRef="c0" unitRef="JPY" precision="4">12345</g:D>',
        '<g:D contextRef="c1" unitRef="JPY" decimals="INF"> 300 </g:D>',
        '<g:E contextRef="c0" unitRef="USD" decimals="2">10.50</g:E>',
        '<g:E contextRef="c1" unitRef="USD" decimals="-2"><![CDATA[400]]></g:E>',
        '<g:T1 contextRef="c0" unitRef="JPY" decimals="-3">&#51;000</g:T1>',
        '<g:T1 contextRef="c1" unitRef="JPY" decimals="-3">1234567890123456789012345</g:T1>',
        '<g:T2 contextRef="c0" unitRef="JPY" decimals="-3">123456789012345678</g:T2>',
        '<g:T2 contextRef="c1" unitRef="JPY" decimals="-3">1234567890123456789</g:T2>',
        '<g:T3 contextRef="c0" unitRef="JPY" decimals=" -3 ">1000</g:T3>',
        '<g:T3 contextRef="c1" unitRef="JPY" decimals="x">1000</g:T3>',
        '<g:T4 contextRef="c0" unitRef="JPY" decimals="-3">10<!-- a comment -->00</g:T4>',
        '<g:T4 contextRef="c1" unitRef="JPY" decimals="-3" xmlns:o="http://example.com/o" o:note="n">9</g:T4>',
        '<g:T4 contextRef="c1" unitRef="JPY" xmlns:o="http://example.com/o" o:decimals="-3">9</g:T4>',
        '<g:X contextRef="c0" unitRef="pure" decimals="2">0.25</g:X>',
        '<g:X contextRef="c1" unitRef="pure" decimals="2"></g:X>',
        '<g:Y contextRef="c0" unitRef="nowhere" decimals="2">1</g:Y>',
        '<g:Y contextRef="c0" decimals="2">1</g:Y>',
        '<g:Z contextRef="c0" unitRef="pure" decimals="2">-1</g:Z>',
        '<g:Z contextRef="c1" unitRef="pure" decimals="2">+1</g:Z>',
        '<g:K contextRef="c0" unitRef="shares" decimals="0">12</g:K>',
        '<g:K contextRef="c1" unitRef="shares" decimals="0">1.5</g:K>',
        '<g:L contextRef="c0" unitRef="shares" decimals="0">٧</g:L>',
        '<h:L xmlns:h="http://example.com/calcgen" contextRef="c1" unitRef="shares" decimals="0">3</h:L>',
        '<g:F contextRef="c0" unitRef="pure" decimals="0">12</g:F>',  # digits, but a float: a Decimal
        '<g:P contextRef="c0" unitRef="pure" decimals="0">0</g:P>',  # digits, but not a positiveInteger
        '<g:Nothing contextRef="c0" unitRef="JPY" decimals="0">1</g:Nothing>',
        '<A contextRef="c0" unitRef="JPY" decimals="0">1</A>',
        '<!-- a comment between facts --><?pi at the top level?>',
        '<g:M contextRef="c0" unitRef="pure" decimals="0">4</g:M>',
        _context("c0", day="29"),  # c0 again: the facts below use this one (the last of an id)
        '<g:M contextRef="c0" unitRef="pure" decimals="0">4</g:M>',
        _context("late"),
    ]
    # beyond line 65,535 libxml2 keeps the line elsewhere; and enough facts for several parser chunks
    facts.append("\n" * 70000)
    for i in range(6000):
        facts.append(_context(f"n{i}", day=f"{i % 28 + 1:02d}"))
        facts += [f'<g:{c} contextRef="n{i}" unitRef="{u}" decimals="{d}">{v}</g:{c}>'
                  for c, u, d, v in (("A", "JPY", "-3", i * 1000), ("K", "pure", "INF", i),
                                     ("X", "pure", "2", f"{i}.5"), ("A", "JPY", "-6", i * 1000))]
        facts.append(f'<g:B contextRef="n{i}" unitRef="USD" decimals="0" id="b{i}">{i}</g:B>')
    facts += ['<g:A contextRef="n1" unitRef="JPY" decimals="-3">1</g:A>',
              '<g:A contextRef="n2" unitRef="JPY" decimals="-3" id="b7">1</g:A>',  # ids used before
              '<g:A contextRef="n3" unitRef="JPY" decimals="-3" id="p1">1</g:A>',
              '<g:A contextRef="n4" unitRef="JPY" decimals="-3" id="new">1.5</g:A>']
    return calcgen.document(facts)


def _read(path: Path, pure: bool, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(PURE_PYTHON, "1" if pure else "")
    return read(path, DtsLoader(Resolver([])))


def test_both_readers_give_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calcgen.write_taxonomy(tmp_path, concepts={**calcgen.CONCEPTS, "F": ("xbrli:floatItemType", "ratio"),
                                                "P": ("xbrli:positiveIntegerItemType", "ratio")})
    path = tmp_path / "i.xbrl"
    path.write_text(_instance(), encoding="utf-8")
    assert path.stat().st_size > 3 << 18  # several chunks
    compiled, pure = _read(path, False, monkeypatch), _read(path, True, monkeypatch)

    def table(report) -> dict:
        return {c: {k: [tuple(f) for f in facts] for k, facts in sets.items()} for c, sets in report.groups.items()}

    assert table(compiled) == table(pure)
    assert [type(f.value) for s in compiled.groups.values() for fs in s.values() for f in fs] == \
        [type(f.value) for s in pure.groups.values() for fs in s.values() for f in fs]
    assert list(compiled.problems) == list(pure.problems)
    assert (compiled.counts, compiled.periods, compiled.scale) == (pure.counts, pure.periods, pure.scale)
    lines = [f.line for s in pure.groups.values() for fs in s.values() for f in fs]
    assert max(lines) > 70000 and len(list(pure.problems)) > 10  # the far lines and the odd facts were read


def test_scope_finds_what_nsmap_finds() -> None:
    from lxml import etree

    root = etree.fromstring(
        b'<r xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b"><x xmlns:a="urn:a2"><y xmlns="" xmlns:c="urn:c"><z/></y>'
        b'</x><w xmlns:b="urn:b"/><!-- c --></r>')
    scope = compiled_core().Scope
    for el in root.iter(etree.Element):
        for prefix in (None, "a", "b", "c", "d", "xml", ""):
            assert scope(el).get(prefix) == el.nsmap.get(prefix), (el.tag, prefix)
        assert scope(el).get("d", "none") == "none"

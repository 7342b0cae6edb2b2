"""iij:curation — every fact-sheet decision that departs from what a line literally prints, with its reason.

A sheet says why it reads a figure other than its line literally says (`sources.factsheet`: `negate`, `redate`,
`relabel`); each decision becomes one finding citing the line it departs from first (a header, a title or the
figure's own line), then the figures it applies to. The ordinary readings (a figure in parentheses, a statement's
deduction, a printed direction word) are no departure and give nothing.
Severity:
- relabel (a figure published as another line item than its caption names): warning, a caption that names the
  wrong line item misleads; error when the caption names a concept whose own figure of that period (printed or
  implied, `implied`) the printed one cannot be ("Gross Margin of Network Services: JPY3,816 million" where the
  network services gross margin is 2,226);
- redate with the period the line or its header prints (`printed`): warning, a header whose date does not match
  the figures under it; without one (a period the line does not print, read from its slide): info;
- negate: info, unless the caption's own words contradict the sign (then `iij:caption` reports it with the
  reason, and this rule adds nothing).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from iij_xbrl.model import Curation, Fact
from iij_xbrl.publication import FilingFacts
from iij_xbrl.taxonomy import names, signs
from iij_xbrl.taxonomy.source import Taxonomy

from ..xbrl import intervals as iv
from ..xbrl.findings import Finding, Source
from .captions import caption, words
from .facts import dims_of, finding
from .implied import Implied
from .tolerance import amount_text, interval


def check(filings: list[FilingFacts], taxonomy: Taxonomy, lines: dict[str, list[str]],
          values: dict[str, Implied]) -> Iterator[Finding]:
    for ff in filings:
        decisions: dict[tuple, list[tuple[Curation, Fact]]] = defaultdict(list)
        for f in ff.prints:
            for c in f.provenance.curations:  # one decision: one reason, wherever on the slide it applies
                decisions[(f.provenance.document, c.kind, c.reason, c.printed, c.literal, c.segment)].append((c, f))
        for (document, *_), applied in decisions.items():
            c = min((c for c, _ in applied), key=lambda c: c.line)
            facts = list({id(f): f for _, f in applied}.values())
            if c.kind == "negate" and (_caption_says(taxonomy, lines, facts[0])
                                       or any(o.kind == "relabel" for o in facts[0].provenance.curations)):
                continue  # iij:caption reports it with the reason, or the relabel's finding says why
            severity, against = _severity(c, facts, values[ff.id])
            yield _finding(ff, document, c, facts, severity, against)


def _caption_says(taxonomy: Taxonomy, lines: dict[str, list[str]], fact: Fact) -> bool:
    concept = taxonomy.concepts.get(fact.concept)
    doc = lines.get(fact.provenance.document)
    if concept is None or concept.sign not in signs.ORIENTATIONS or doc is None:
        return False
    return bool(words(caption(doc[fact.provenance.line - 1], fact.provenance.text)[0], concept.sign)) or \
        fact.provenance.direction is not None


def _severity(c: Curation, facts: list[Fact], values: Implied) -> tuple[str, list[tuple[Fact, object]]]:
    """The finding's severity and, for a relabel, the figures the caption's own concept contradicts."""
    if c.kind == "negate":
        return "info", []
    if c.kind == "redate":
        return ("warning" if c.printed else "info"), []
    against = []
    if c.literal is not None:
        for f in facts:
            dims = dims_of(f) if c.segment is None else tuple(sorted({**dict(f.dimensions),
                                                                      **names.SEGMENTS[c.segment]}.items()))
            own = values.get(c.literal, f.period, dims, frozenset([id(f)]) | values.suspect)
            literal = f if f.provenance.negated is None else f.model_copy(update={"value": -f.value})
            if own is not None and f.value is not None and not iv.meets(interval(literal, True), own.lenient):
                against.append((f, own))
    return ("error" if against else "warning"), against


def _finding(ff: FilingFacts, document: str, c: Curation, facts: list[Fact], severity: str,
             against: list[tuple[Fact, object]]) -> Finding:
    what = {"negate": "read with the other sign than its caption says",
            "redate": "dated other than printed", "relabel": "published as another line item than its caption names"}
    message = (f"{facts[0].concept} {what[c.kind]} at {document[:3]}:{c.line}"
               + (f" (printed {c.printed!r})" if c.printed else "")
               + (f", the caption naming {c.literal}" if c.kind == "relabel" and c.literal else "")
               + f": {c.reason}")
    cited = [f for f, _ in against] + [f for f in facts if all(f is not g for g, _ in against)]
    found = {"kind": c.kind, "reason": c.reason}
    if c.printed:
        found["printed"] = c.printed
    if c.literal:
        found["literal"] = c.literal
    if against:
        own = against[0][1]
        found["computed"] = amount_text(own.lenient)  # one-sided where an item is known from one side
        cited += [g for g in own.facts if all(g is not h for h in cited)]
    made = finding("iij:curation", severity, ff, message, cited, concepts=list(dict.fromkeys(
        [f.concept for f in facts] + ([c.literal] if c.literal and c.kind == "relabel" else []))), values=found)
    line = Source(document=document, line=c.line)
    if c.kind == "relabel":  # the figure is what is accused; the caption's line is what it is read against
        sources = made.sources + ([line] if all((s.document, s.line) != (document, c.line) for s in made.sources)
                                  else [])
    else:  # a header or title that dates the figures otherwise, or the figure's own line
        sources = [line] + [s for s in made.sources if (s.document, s.line) != (document, c.line)]
    return Finding(rule=made.rule, severity=made.severity, message=made.message, filing=made.filing,
                   concepts=made.concepts, period=made.period, values=made.values, sources=sources,
                   facts=made.facts)

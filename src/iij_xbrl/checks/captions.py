"""iij:caption — a caption whose words contradict the sign of the figure it prints.

The words of direction a concept's sign convention knows (`taxonomy.signs`: income/loss, gain/loss,
provided/used, increase/decrease, expense/benefit, proceeds/repayment) are read from the caption: a table row's
label, or in prose the words between the previous figure and this one. The figure's value is in the concept's
natural sign (`sources.factsheet`), so the caption contradicts it when:
- the caption names one direction and the value goes the other way ("Net gains on sales of other investments"
  for a loss, "Net cash provided by investing activities" for cash used, "Net decrease in short-term borrowings"
  for an increase);
- the caption names both, the first for the printed figure ("Equity in net loss (income)": a printed figure is a
  loss, one in parentheses an income), and the value is read the other way; a row whose cells follow the caption
  in some columns and not in others changes its sign convention without saying so;
- a fact sheet negates the figure against the word (`negate`, with or without `direction`): that reason is cited.
A figure whose direction word the sheet names (`direction`) is read by that word: no contradiction. Concepts that
are never negative (`positive`) carry no direction.
A row that prints an amount its table subtracts, named by its word ("Elimination 248" in a segment table whose
other rows add up) changes the table's sign convention for that row and says so: info.
Severity: warning (a caption that misleads about the sign; a table row's figures show the convention the caption
does not say). In prose the caption is a statement: an error when its literal reading (the printed amount in the
caption's direction) cannot be true given the filing's other figures (`implied`), e.g. "Equity in net income of
equity method investees: JPY17 million" where the table and the net income show a loss.
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Iterator

from iij_xbrl.model import Fact
from iij_xbrl.publication import FilingFacts
from iij_xbrl.sources import figures
from iij_xbrl.taxonomy import signs
from iij_xbrl.taxonomy.source import Taxonomy

from ..xbrl.findings import Finding
from ..xbrl import intervals as iv
from .facts import dims_of, finding
from .implied import Implied
from .tolerance import interval

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")  # "Short-term" is no "short"
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def caption(line: str, text: str) -> tuple[str, bool]:
    """(the caption of a figure printed as `text` on `line`, whether the line is a table row)."""
    if "\t" in line or "|" in line:
        cells = [c.strip() for c in re.split(r"\t|\|", line)]
        return next((c for c in cells if c), ""), True
    at = line.find(text)
    before = line[:at] if at >= 0 else line
    numbers = list(_NUMBER.finditer(before))
    return before[numbers[-1].end():] if numbers else before, False


def words(text: str, convention: str) -> list[int]:
    """The polarities (+1 / -1) of the convention's direction words in `text`, in order."""
    found = []
    for w in _WORD.findall(text):
        p = signs.polarity(convention, w)
        if p is not None:
            found.append(p)
    return found


class Cell:
    """One figure of a row judged against its caption: `against` the caption's sign, and the caption's literal
    reading of the printed figure (`literal`, in the concept's natural sign)."""

    def __init__(self, fact: Fact, said: list[int]):
        self.fact = fact
        printed = abs(fact.value) * (-1 if figures.parse(fact.provenance.text, "count").value < 0 else 1)
        p = fact.provenance
        self.cue = printed < 0  # the printing's own sign (parentheses) shows the direction the caption omits
        self.convention = len(set(said)) == 2 or p.direction is not None
        if p.direction is not None or p.negated is not None:  # read against the caption's word only when negated
            self.against, self.literal = p.negated is not None, (-fact.value if p.negated else fact.value)
            self.cue = False
        elif len(set(said)) == 2:  # "loss (income)": the first word is what a printed figure is
            self.literal = printed * said[0]
            self.against = self.literal * fact.value < 0
        else:  # one word: the nature the caption claims, with the printed amount
            self.literal = abs(printed) * said[0]
            self.against = said[0] * fact.value < 0


def check(filings: list[FilingFacts], taxonomy: Taxonomy, lines: dict[str, list[str]],
          values: dict[str, Implied]) -> Iterator[Finding]:
    for ff in filings:
        rows: dict[tuple, list[tuple[Fact, list[int], bool]]] = defaultdict(list)
        subtracted: dict[tuple, list[Fact]] = defaultdict(list)
        for f in ff.prints:
            concept = taxonomy.concepts.get(f.concept)
            word = (f.provenance.direction or "").lower()
            if word in signs.DEDUCTIONS and f.value is not None and f.value * figures.parse(f.provenance.text,
                                                                                             "count").value < 0:
                subtracted[(f.provenance.document, f.provenance.line, f.concept)].append(f)
            if f.value is None or not f.value or concept is None or concept.sign not in signs.ORIENTATIONS:
                continue
            if concept.sign == "increase" and f.provenance.negated and f.provenance.direction is None:
                continue  # "Increase in costs" lowering a target: the word names the driver (iij:curation says why)
            doc = lines.get(f.provenance.document)
            if doc is None:
                continue
            text, table = caption(doc[f.provenance.line - 1], f.provenance.text)
            said = words(text, concept.sign)
            if not said:
                continue
            rows[(f.provenance.document, f.provenance.line, f.concept, tuple(sorted(f.dimensions.items())))].append(
                (f, said, table))
        for (document, line, concept, _), cells in rows.items():
            judged = [Cell(f, said) for f, said, _ in cells]
            wrong = [c for c in judged if c.against]
            if not wrong:
                continue
            table = cells[0][2]
            text = caption(lines[document][line - 1], cells[0][0].provenance.text)[0]
            mixed = len(wrong) < len(judged)
            convention = mixed and any(c.convention for c in judged)
            if table and all(c.cue for c in wrong):
                severity = "info"  # "Net gains ... (170)": the parentheses print the loss the caption does not name
            else:
                severity = "warning" if table else _prose_severity(ff, values[ff.id], wrong)
            reasons = list(dict.fromkeys(c.fact.provenance.negated for c in wrong if c.fact.provenance.negated))
            facts = [c.fact for c in wrong] + [c.fact for c in judged if not c.against]
            message = (f"{concept}: caption {text.strip()!r} says the other sign of "
                       + ", ".join(f"{c.fact.period} {c.fact.provenance.text!r} (read as {c.fact.value})" for c in wrong)
                       + ("; the row's other cells follow the caption: it changes sign convention" if convention
                          else "; the caption fits the row's other cells only" if mixed else "")
                       + (f"; read so because {reasons[0]}" if reasons else ""))
            found = {"caption": text.strip(), "reported": ", ".join(str(c.literal) for c in wrong),
                     "read": ", ".join(str(c.fact.value) for c in wrong)}
            if convention:
                found["convention"] = "changes within the row"
            if reasons:
                found["reason"] = reasons[0]
            yield finding("iij:caption", severity, ff, message, facts, values=found)
        for (_, _, concept), facts in subtracted.items():
            word = facts[0].provenance.direction
            yield finding("iij:caption", "info", ff,
                          f"{concept}: {word!r} prints " + ", ".join(repr(f.provenance.text) for f in facts)
                          + " as amounts the table subtracts (the other rows add)", facts,
                          values={"caption": word, "subtracted": ", ".join(str(f.value) for f in facts)})


def _prose_severity(ff: FilingFacts, values: Implied, wrong: list[Cell]) -> str:
    """error when a cell's literal reading lies outside what the other figures imply, else warning."""
    for c in wrong:
        f = c.fact
        implied = values.get(f.concept, f.period, dims_of(f), frozenset([id(f)]) | values.suspect)
        if implied is None:
            continue
        literal = f.model_copy(update={"value": Decimal(c.literal)})
        if not iv.meets(interval(literal, True), implied.lenient):
            return "error"
    return "warning"

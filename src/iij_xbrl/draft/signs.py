"""The sign of a drafted value: what the printing and its words say, then the concept's natural sign.

The readers first say whether a figure reads negative: tables keep the printed sign ("(1,866)" is negative)
unless the row label states the opposite polarity of its concept ("Equity in net loss (income)" for equity in
net income) or the calculation cross-check shows the printed amount is subtracted; prose figures are printed
without sign: "down 7.3%", "decreased by JPY1,866 million", "a loss of", "an expense of" and cash payments
("payments for", "repayment of", "used in") make them negative. `natural` then gives the value the concept's
sign convention (taxonomy.signs, issue 10): an amount (`positive`) is never negative, a table of a statement
that shows the concept negated prints it as a deduction, an intersegment elimination is taken out of the total.
The sheet says `negate` (the loader's reading) through the word (`direction`), the statement (`statement`) or,
failing both, a reason to review.
"""
from __future__ import annotations

import re
from decimal import Decimal

from iij_xbrl.sources import figures
from iij_xbrl.taxonomy import signs as conventions

ELIMINATION = "IntersegmentElimination"  # the sheet's segment for the consolidation items axis' elimination

DOWN = re.compile(r"\b(?:down|decreas(?:e|ed|es|ing)|declin(?:e|ed|ing)|fell|minus|lower|reduc(?:ed|tion)"
                  r"|short(?:fall)? of|downward)\b", re.I)
# "a loss of", "an expense of": negative amounts of an income (credit) concept, plain amounts of an expense
NET_DOWN = re.compile(r"\b(?:(?:gross |net |operating )?loss(?:es)? of|(?:an )?expenses? of)\b", re.I)
UP = re.compile(r"\b(?:up|increas(?:e|ed|es|ing)|rose|grew|plus|higher|gains? of|income of)\b", re.I)
OUTFLOW = re.compile(r"\b(?:payments?|paid|purchases?|repayments?|used in|principle payments?)\b", re.I)

_POSITIVE = {"income", "gain", "gains", "profit", "increase", "proceeds"}
_NEGATIVE = {"loss", "losses", "expense", "expenses", "decrease", "deficit"}
_NOT_POLARITY = re.compile(r"\bincome tax(?:es)?\b|\bincome before\b|\bexpense \(benefit\)", re.I)


def printed_negative(token: str) -> bool:
    t = token.strip()
    return t.startswith(("(", "-", "△", "▲", "\u2212")) and not t.startswith("(+")  # "(+6.4%)": a note, signed


def citation(token: str, unit: str) -> str | None:
    """The part of a figure token the sheet cites: readable by `figures.parse` in `unit`, sign aside if needed.

    "(JPY11,539)" and "+JPY 8.86" are not readable as they stand: the sheet then cites "11,539" / "8.86".
    """
    for candidate in (token, _core(token)):
        if candidate is None:
            continue
        try:
            if figures.parse(candidate, unit) is not None:
                return candidate
        except ValueError:
            continue
    return None


def _core(token: str) -> str | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?\s?%?", token)
    return None if m is None else m.group().strip()


def negate_for(text: str, unit: str, negative: bool) -> bool:
    """`negate` for a sheet entry citing `text` whose value should be negative (or not)."""
    value = figures.parse(text, unit).value
    if value == 0:
        return False
    return (value < 0) != negative


def polarity(text: str) -> int:
    """+1 / -1 for the first polarity word of a label ("net loss (income)" is -1), 0 if none."""
    for word in re.findall(r"[a-z]+", _NOT_POLARITY.sub(" ", text.lower())):
        if word in _POSITIVE:
            return 1
        if word in _NEGATIVE:
            return -1
    return 0


def inverted(printed: str, phrase: str) -> bool:
    """The printed label states the opposite order of the matched phrase: "net loss (income)" against
    "net income (loss)". A plain "Operating Loss" row prints losses in parentheses: no inversion."""
    if not _PAIR.search(printed):
        return False
    a, b = polarity(printed), polarity(phrase)
    return a != 0 and b != 0 and a != b


def inverted_subject(subject: str, concept_label: str) -> bool:
    """A prose subject naming the other side of a concept whose label states both ("Increase in accounts
    receivable" of "Decrease (increase) in accounts receivable", "Other expenses" of "Other income (expense)")."""
    if not _PAIR.search(concept_label):
        return False
    a, b = polarity(subject), polarity(concept_label)
    return a != 0 and b != 0 and a != b


_PAIR = re.compile(r"\w+\s*\((?:income|loss|losses|gains?|expenses?|increase|decrease)\)", re.I)


def has_direction(before: str, token: str) -> bool:
    """A change states its direction: a sign, "up", "down", "increased", "decreased", "plus", "minus"."""
    return printed_negative(token) or token.lstrip("(").startswith("+") or bool(DOWN.search(before) or UP.search(before))


_ADJACENT = re.compile(r"\b(?:(?P<down>down|decreased(?:\s+by)?|decrease(?:\s+of)?|minus|fell(?:\s+by)?|declined(?:\s+by)?)"
                       r"|(?P<up>up|increased(?:\s+by)?|increase(?:\s+of)?|plus|rose(?:\s+by)?|grew(?:\s+by)?))\s*"
                       r"(?:approx(?:imately|\.)?\s*)?(?:JPY\s*)?$", re.I)


def prose_negative(wording: str, before: str, token: str, outflow_concept: bool, credit_concept: bool = False) -> bool:
    """Sign of a prose figure: its printed sign; else the direction word right before it ("down JPY6
    million"), else the last direction word of its clause (`wording`, the subject taken out), unless it
    leads to a level ("decreased to JPY1,990 million", "decreased from JPY212 million"); "a loss of" an
    income; a payment of a cash outflow."""
    if printed_negative(token):
        return True
    adjacent = _ADJACENT.search(before)
    if adjacent:
        return adjacent["down"] is not None
    if credit_concept and NET_DOWN.search(before[-40:]):
        return True
    if not re.search(r"\b(?:increased|decreased|rose|fell)\s+(?:to|from)\s*(?:approx\.?\s*)?(?:JPY\s*)?$", before, re.I):
        down, up = _last(DOWN, wording), _last(UP, wording)
        if down != up:
            return down > up
    return outflow_concept and bool(OUTFLOW.search(before))


def _last(pattern: re.Pattern[str], text: str) -> int:
    """Position just after the last match of `pattern` in `text`, -1 if none."""
    end = -1
    for m in pattern.finditer(text):
        end = m.end()
    return end


def value(text: str, unit: str, negate: bool) -> Decimal:
    parsed = figures.parse(text, unit).value
    return -parsed if negate else parsed


def natural(negative: bool, convention: str | None, line: str, text: str, unit: str, *, table: bool,
            elimination: bool, word: str | None = None) -> tuple[bool, tuple[str, str] | None]:
    """Whether the value is negative in the concept's natural sign, and what tells the sheet loader so when the
    printed figure reads the other way: ("direction", word), ("statement", role) or None (a reason to review).

    `negative` is the reading of the printing and its words (above); `elimination`: the figure is an
    intersegment elimination; `word`: the word that reads the printed figure as the concept's negative side,
    when the reader found it (a row label's "Net loss attributable to ...", a revision factor's "short of the
    plan"). A table printing a statement's deductions is settled per table (`statement`)."""
    printed = figures.parse(text, unit).value < 0
    if elimination:
        value = not printed  # printed as the amount taken out (the loader: direction "Elimination")
    elif convention == conventions.POSITIVE:
        value = False  # an amount: a deduction printed in parentheses is still the amount
    else:
        value = negative
        if word is None and not table and convention in conventions.ORIENTATIONS:
            # the direction word nearest before the figure ("Repayment for borrowings: JPY1,010 million",
            # "Increase in prepaid expenses: (JPY1,462 million)", "net cash used in ...")
            window = _NOT_DIRECTION.sub(" ", line[max(line.find(text) - 60, 0):max(line.find(text), 0)])
            nearest = _word(window, lambda w: conventions.polarity(convention, w) is not None)
            if nearest:
                value = conventions.polarity(convention, nearest) == -1
    if value == printed:
        return value, None
    if elimination:
        deduction = _word(line, lambda w: w.lower() in conventions.DEDUCTIONS)
        return value, ("direction", deduction) if deduction else None
    if word and conventions.polarity(convention or "", word) == -1:
        return value, ("direction", word)
    if not table and convention in conventions.ORIENTATIONS:
        before = _word(_NOT_DIRECTION.sub(" ", line[:max(line.find(text), 0)]) or line,
                       lambda w: conventions.polarity(convention, w) == -1)
        if before:
            return value, ("direction", before)
    return value, None


def side_word(label: str, convention: str | None) -> str | None:
    """The first word of a row label naming the negative side of the concept's convention ("loss" of "Net loss
    (income) attributable to ..."), as printed."""
    return next((w for w in re.findall(r"[A-Za-z]+", label) if conventions.polarity(convention or "", w) == -1), None)


def statement(proposals: list, negated_in: dict[str, set[str]], statements: dict[str, set[str]],
              conventions_of: dict[str, str | None], block_of: dict[int, int]) -> list:
    """Table figures of a concept that a statement shows with its negated label, in a table that prints that
    statement (two or more of its other line items), are that statement's deductions: their value is the
    printed figure negated (the sheet says `statement`). An amount (never negative) is settled before; printed
    in parentheses there, the statement is why ("Purchase of property and equipment (2,785,190)"). Eliminations
    and rows whose label already states the opposite polarity are settled before too."""
    from dataclasses import replace

    by_block: dict[int, set[str]] = {}
    for p in proposals:
        if getattr(p, "table", False) and p.line in block_of:
            by_block.setdefault(block_of[p.line], set()).add(p.concept)
    out = []
    for p in proposals:
        roles = negated_in.get(getattr(p, "concept", None), set())
        amount = conventions_of.get(getattr(p, "concept", None)) == conventions.POSITIVE
        if getattr(p, "table", False) and p.line in block_of and roles and (not amount or p.negate) \
                and p.segment != ELIMINATION and "label states the opposite polarity" not in p.why:
            shown = by_block[block_of[p.line]] - {p.concept}
            found = sorted(r for r in roles if len(shown & statements[r]) >= 2)
            if found:
                negate = p.negate if amount else not p.negate
                p = replace(p, negate=negate, basis=("statement", found[0]) if negate else None,
                            why=p.why + f"; {found[0]} prints it negated")
        out.append(p)
    return out


# words that name a line rather than a direction: "income before income tax expense", "other income (expenses)"
_NOT_DIRECTION = re.compile(r"\bincome tax(?:es)?(?: expenses?)?\b|\btax income expenses?\b|\bincome before\b|\bexpense \(benefit\)"
                            r"|\b\w+\s*\((?:income|loss|losses|gains?|expenses?|increase|decrease|used in)\)", re.I)


def _word(text: str, wanted) -> str | None:
    """The last word of `text` that is `wanted`, as printed."""
    found = [w for w in re.findall(r"[A-Za-z]+", text) if wanted(w)]
    return found[-1] if found else None

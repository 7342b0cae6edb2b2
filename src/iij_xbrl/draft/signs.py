"""The sign of a drafted value, with the conventions the curated sheets use today.

Tables keep the printed sign ("(1,866)" is negative) unless the row label states the opposite polarity of
its concept ("Equity in net loss (income)" for equity in net income) or the calculation cross-check shows
the printed amount is subtracted (a purchase printed positive in a CAPEX reconciliation). Prose figures are
printed without sign: "down 7.3%", "decreased by JPY1,866 million", "a loss of", "an expense of" and cash
payments ("payments for", "repayment of", "used in") make them negative. The sheet says `negate: true`
whenever the value differs from what `figures.parse` reads in the cited text.

Kept in one module so it can follow the move to natural XBRL signs (issue 10).
"""
from __future__ import annotations

import re
from decimal import Decimal

from iij_xbrl.sources import figures

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
    return t.startswith(("(", "-", "△", "▲", "\u2212"))


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

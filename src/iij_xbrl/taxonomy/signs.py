"""Sign conventions of the IIJ taxonomy: what a positive value of a concept means, and the words that say so.

Every numeric concept states its convention (`sign` in taxonomy/src):
- `positive`: never negative — an amount of revenue, cost, expense, payment, proceeds, an asset, a liability, a
  count. A document that prints one in parentheses prints it as a deduction (the concept's negated label).
- an orientation, named by the word of its positive direction: the value is positive in that direction and
  negative in the other, e.g. `income` (income or gain positive, loss or expense negative), `increase`
  (increase positive: every change, growth rate and target revision), `provided` (net cash provided positive,
  used negative), `expense` (tax expense positive, benefit negative), `proceeds` (net proceeds positive,
  repayments negative).
A document that prints a magnitude and says its direction in words ("down 5.5%", "a loss of 453",
"repayment of 589") has its value signed by the word: the fact sheet names the word (`direction`), and the word
must belong to the concept's orientation. The consistency rules use the same words to judge prose.
"""
from __future__ import annotations

import re

POSITIVE = "positive"

# orientation -> (words of the positive direction, words of the negative direction), lower case
ORIENTATIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "increase": (frozenset({"increase", "increased", "increases", "up", "rose", "grew", "higher", "upward", "plus"}),
                 frozenset({"decrease", "decreased", "decreases", "down", "fell", "decline", "declined", "lower",
                            "downward", "minus", "short", "shortfall"})),
    "income": (frozenset({"income", "profit", "gain", "gains"}), frozenset({"loss", "losses", "expense", "expenses"})),
    "expense": (frozenset({"expense", "expenses"}), frozenset({"benefit"})),
    "provided": (frozenset({"provided"}), frozenset({"used"})),
    # a borrowing's net change: "Net increase (decrease) in short-term borrowings" is net proceeds (repayments)
    "proceeds": (frozenset({"proceeds", "increase"}), frozenset({"repayment", "repayments", "decrease"})),
}
CONVENTIONS = frozenset({POSITIVE, *ORIENTATIONS})
# A consolidation line that takes an amount out of the total: printed as the amount eliminated.
DEDUCTIONS = frozenset({"elimination", "eliminations"})


def polarity(convention: str, word: str) -> int | None:
    """+1 or -1 for a direction word of a concept with this convention; None if the word says nothing about it."""
    word = word.lower()
    if convention not in ORIENTATIONS:
        return None
    up, down = ORIENTATIONS[convention]
    return 1 if word in up else -1 if word in down else None


def printed_word(line: str, word: str) -> bool:
    """Whether `word` is printed on `line` as a word of its own (any case)."""
    return re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", line, re.IGNORECASE) is not None

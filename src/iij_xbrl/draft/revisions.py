"""Target revisions and their factors: "Systems construction revenue fell short of our budget: Approx. JPY0.9
billion", "ATM operation business: to be approx. JPY0.1 billion short of the full year plan", "Downward revision
to Connectivity Service Revenue: Approx. JPY0.3 billion" under "Operating Income" on a slide revising a target.

A factor's concept is one of the taxonomy's revisions (`...TargetRevision...`): a revision of the subject the
factor names ("Connectivity services revenues, revision of the forecast"), or a factor of the revision of the
subject it is listed under ("Operating income (loss), revision of the forecast: connectivity services revenues"),
the latter first; a factor naming a segment under its parent is the parent's revision of that segment. Its sign
is the direction word of the clause ("short", "down", "Decrease"), else the direction of the revision it
explains ("change from previous target: down JPY0.9 billion" after the factors, a title's "Downward Revision").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from iij_xbrl.taxonomy import signs as conventions

from .layout import Document
from .vocabulary import Vocabulary, norm

SUFFIX = "TargetRevision"
# a figure a plan or budget is short of: a revision of that plan
SHORTFALL = re.compile(r"\b(?:fell|falls?|be|is|was)?\s*short\s+of\s+(?:the\s+|our\s+)?(?:full[- ]year\s+)?"
                       r"(?:plan|budget|target|forecast)s?\b", re.I)
# "3.0" over "Difference between the full year revised target and the initial target"
DIFFERENCE = re.compile(r"\bdifference\b.*\b(?:revised|new)\b.*\b(?:target|plan|forecast)\b", re.I)
_CHANGE = re.compile(r"\bchange\s+from\s+(?:the\s+)?(?:previous|initial|original)\s+(?:target|plan|forecast)s?\b\W*"
                     r"(?P<word>[A-Za-z]+)", re.I)
_TITLED = re.compile(r"\b(?P<word>downward|upward)\s+revision\b.*\b(?:target|plan|forecast)", re.I)
_REVISION_WORDS = re.compile(r",\s*revision of the forecast(?::\s*(?P<factor>.+))?$", re.I)


@dataclass(frozen=True)
class Factor:
    concept: str
    segment: str  # "Consolidated" or a segment member (without "Member")
    why: str


def directions(doc: Document) -> list[tuple[int, str]]:
    """(line, word) of every line stating which way a target was revised, in document order."""
    out = []
    for number, text in enumerate(doc.lines, start=1):
        m = _CHANGE.search(text) or _TITLED.search(text)
        if m and conventions.polarity("increase", m["word"]) is not None:
            out.append((number, m["word"]))
    return out


def direction(found: list[tuple[int, str]], doc: Document, number: int) -> tuple[int, str] | None:
    """The revision a factor on line `number` explains: the first statement of a direction after it on its slide,
    else the last one before it (a summary slide's title)."""
    heading = doc.heading(number)
    after = [f for f in found if f[0] > number and doc.heading(f[0]) == heading]
    if after:
        return after[0]
    before = [f for f in found if f[0] < number]
    return before[-1] if before else None


def factor(vocabulary: Vocabulary, text: str, parent: str | None) -> Factor | None:
    """The revision concept for a factor printed as `text` under the revised subject `parent` (a concept)."""
    words = set(norm(text).split()) | set(re.findall(r"[a-z]+", text.lower()))
    family = parent + SUFFIX if parent else None
    scored = []
    for name, concept in vocabulary.concepts.items():
        if SUFFIX not in name or name == family or concept.abstract:
            continue
        m = _REVISION_WORDS.search(concept.labels["label"].en)
        if m is None:
            continue
        label = concept.labels["label"].en
        member = bool(family and m["factor"] and name.startswith(family))
        if m["factor"] and not member:
            continue  # a factor of another subject's revision
        own = norm(m["factor"] if member else label[: m.start()]).split()
        explained = words | (set(norm(vocabulary.label(parent)).split()) if parent and not member else set())
        found = [w for w in own if any(_same(w, x) for x in explained)]
        coverage = len(found) / len(own) if own else 0.0
        scored.append((coverage, member, fuzz.token_set_ratio(text.lower(), (m["factor"] or label).lower()), name))
    scored.sort(reverse=True)
    if scored and scored[0][0] == 1.0:
        return Factor(scored[0][3], "Consolidated", f"factor {text!r} names {scored[0][3]}")
    segment = vocabulary.segment_in(text)
    if segment and family in vocabulary.concepts:
        return Factor(family, segment[0], f"factor {text!r} names segment {segment[0]} of the {parent} revision")
    if scored and scored[0][0] >= 2 / 3 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return Factor(scored[0][3], "Consolidated", f"factor {text!r} ~ {scored[0][3]} ({scored[0][0]:.0%} of its words)")
    return None


def _same(a: str, b: str) -> bool:
    return a == b or a.rstrip("s") == b.rstrip("s")

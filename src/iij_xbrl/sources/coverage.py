"""Completeness audit: every figure a document prints is either cited by a fact or a listed exclusion.

A figure token is a number as printed, with its sign ("(1,866)", "△85", "-0.3"), currency prefix
("JPY 98.68") and unit ("8.3%", "820.7 Gbps"). Numbers glued to letters ("1H12", "FY2012", "IIJ4U"),
month-name, dotted or slashed dates ("Sep. 30, 2012", "2012.11.8", "12/4~12/9") are not figures.
A token is covered by a fact citing its line with the same printed figure; a line that prints the same
figure n times needs n citations of it (several facts citing one printing is fine).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.model import Filing
from iij_xbrl.sources import yamlines
from iij_xbrl.sources.factsheet import document_lines
from iij_xbrl.sources.load import load_filings

EXCLUSIONS = "uncovered.yaml"  # in sources/

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UNIT = r"(?:\s?%|\s?Gbps)?"
TOKEN = re.compile(
    r"(?<![\w,/~])(?<!\d\.)"               # not the tail of a word, number, date or section "II-2.1"
    rf"(?:\([+]?(?:JPY\s?)?{_NUMBER}{_UNIT}\)"  # "(1,866)", "(44.6%)", "(+6.4%)"
    rf"|(?:[+△▲]\s?|-(?=\d))?(?:JPY\s?)?{_NUMBER}{_UNIT})"
    r"(?!(?!million|billion)[\w/~]|\.\d|,\d)"  # not the head of a word, date or longer number ("37million" is one)
)
_DECORATION = re.compile(r"[^\d.,]")
# "Sep. 30, 2012", "March 31, 2012", "Oct. 2012", "November 8": calendar dates name periods, they are not figures.
DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|Sept|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b\.?\s?"
    r"(?:\d{1,2},?\s?\d{4}|\d{4}|\d{1,2})(?!\d|[.,]\d|\s?%)"
)


def tokens(line: str) -> list[str]:
    """The figures printed on one document line, in order."""
    return [m.group() for m in TOKEN.finditer(DATE.sub(lambda m: " " * len(m.group()), line))]


def key(text: str) -> str:
    """The printed number without sign, currency and unit: sheets cite "(16.5%)" as "16.5" with `negate`."""
    return _DECORATION.sub("", text)


@dataclass(frozen=True)
class Token:
    document: str
    line: int
    text: str


@dataclass
class DocumentCount:
    tokens: int = 0
    covered: int = 0
    excluded: Counter[str] = field(default_factory=Counter)  # reason -> tokens


@dataclass(frozen=True)
class Audit:
    counts: dict[str, DocumentCount]
    unlisted: list[Token]  # printed, not cited, not excluded
    stale: list[Token]     # excluded, but no uncited token on its line prints it

    def summary(self) -> str:
        rows = [f"{'document':<26}{'tokens':>7}{'covered':>8}{'excluded':>9}  by reason"]
        for doc, c in self.counts.items():
            reasons = ", ".join(f"{r} {n}" for r, n in sorted(c.excluded.items(), key=lambda i: (-i[1], i[0])))
            rows.append(f"{doc:<26}{c.tokens:>7}{c.covered:>8}{sum(c.excluded.values()):>9}  {reasons}")
        return "\n".join(rows)


def _scan(filings: list[Filing], root: Path) -> tuple[dict[str, DocumentCount], list[Token]]:
    """Token counts per document and the tokens no fact cites, in document and line order."""
    cited: dict[tuple[str, int], Counter[str]] = {}
    for fact in (f for filing in filings for f in filing.facts):
        p = fact.provenance
        cited.setdefault((p.document, p.line), Counter())[key(p.text)] += 1
    counts: dict[str, DocumentCount] = {}
    uncited: list[Token] = []
    for document in sorted(doc for filing in filings for doc in filing.files):
        count = counts[document] = DocumentCount()
        for number, line in enumerate(document_lines(root / document), start=1):
            left = Counter(cited.get((document, number), Counter()))
            for text in tokens(line):
                count.tokens += 1
                if left[key(text)] > 0:
                    left[key(text)] -= 1
                    count.covered += 1
                else:
                    uncited.append(Token(document, number, text))
    return counts, uncited


def load_exclusions(path: Path) -> dict[Token, tuple[str, int]]:
    """sources/uncovered.yaml, schema-checked: each excluded token -> (reason, YAML line)."""
    data = yamlines.load_checked(path, "uncovered.schema.json")
    excluded: dict[Token, tuple[str, int]] = {}
    for document, entries in data["documents"].items():
        for entry in entries:
            token = Token(document, entry["line"], entry["text"])
            if token in excluded:
                raise InputError(path, f"{document} line {entry['line']} {entry['text']!r} is listed twice", entry.line)
            excluded[token] = (entry["reason"], entry.line)
    return excluded


def audit(root: Path, filings: list[Filing] | None = None) -> Audit:
    """Compare the documents' figure tokens with the facts citing them and the listed exclusions.

    A line printing the same uncited figure twice needs it listed once: exclusions name figures, not positions.
    """
    counts, uncited = _scan(load_filings(root) if filings is None else filings, root)
    excluded = load_exclusions(Path(root) / EXCLUSIONS)
    unlisted = [t for t in uncited if t not in excluded]
    uncited_set = set(uncited)
    stale = [t for t in excluded if t not in uncited_set]
    for token in uncited:
        if token in excluded:
            counts[token.document].excluded[excluded[token][0]] += 1
    return Audit(counts, unlisted, stale)

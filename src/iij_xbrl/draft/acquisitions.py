"""Companies the document says were acquired, and where it speaks of them.

"IIJ completed the acquisition of IIJ Global Solutions Inc. ("IIJ-GS") on Sep. 1, 2010" names a company (and its
abbreviation) and the acquisition date. Wherever the text then names that company ("Revenue and operating income
related to IIJ-GS", a caption "IJ-GS (1month)"), its figures are an acquired company's: the taxonomy's newly
consolidated subsidiaries and business acquisition concepts. A balance of the acquired company is at the
acquisition date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import periods
from .vocabulary import norm

# how the taxonomy names an acquired company (labels of NewSubsidiaries* and BusinessAcquisition* concepts)
WORDS = "newly consolidated subsidiaries acquired company business acquisition"
_OWN = re.compile(r"\bnewly consolidated subsidiar|\bacquired (?:company|business)\b|\b(?:customers|employees) acquired$", re.I)
_NAME = r"(?P<name>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)*?)"
_LEGAL = r"\s+(?:Inc|Co|Ltd|Corp)\b\.?"
# "the acquisition of IIJ Global Solutions Inc. ("IIJ-GS")", "IJ Exlayer (acquired in Apr. 2012)": a company is
# named with its abbreviation or its legal form, or qualified as acquired
_ACQUISITIONS = (re.compile(r"\b[Aa]cqui(?:sition|red)\s+(?:the\s+)?(?:of\s+)?(?:the\s+)?" + _NAME +
                            r"(?:(?:" + _LEGAL + r")?\s*\(\s*[\"“](?P<abbr>[A-Za-z][\w&.\-]*)[\"”]\s*\)|" + _LEGAL + ")"),
                 re.compile(_NAME + r"\s*\(\s*acquired\b"))


# an acquired company's own balance sheet ("Current assets of an acquired company"): at the acquisition date
AT_ACQUISITION = re.compile(r"\bof an acquired company\b", re.I)
_ADDED = {"additional", "month", "1"}


@dataclass
class Acquired:
    names: set[tuple[str, ...]] = field(default_factory=set)  # normal-form words of each name and abbreviation
    day: date | None = None  # the acquisition date, if the document states one

    @classmethod
    def of(cls, lines: list[str], fiscal_year: int | None) -> "Acquired":
        found = cls()
        for text in lines:
            for pattern in _ACQUISITIONS:
                for m in pattern.finditer(text):
                    for name in (m["name"], m.groupdict().get("abbr")):
                        words = tuple(norm(name or "").split())
                        if words and any(len(w) > 1 for w in words):
                            found.names.add(words)
                    dates = [f.period.end for f in periods.find(text[m.start():], fiscal_year) if f.period.is_instant]
                    if dates and found.day is None:
                        found.day = dates[0]
        return found

    def mentions(self, text: str) -> bool:
        words = norm(text).split()
        return any(_within(name, words) is not None for name in self.names)

    def words(self) -> str:
        """What names the company's figures: the taxonomy's words for an acquired company, and its names
        ("Goodwill related to the acquired business (IIJ Global Solutions)")."""
        return " ".join([WORDS, *(" ".join(name) for name in self.names)])

    def without(self, text: str) -> str:
        """`text` in the normal form, the company's names taken out, and what says its figures add to the
        group's ("additional revenue of 1 month ... related to IJ-GS")."""
        words = [w for w in norm(text).split() if w not in _ADDED]
        for name in sorted(self.names, key=len, reverse=True):
            at = _within(name, words)
            while at is not None:
                words[at:at + len(name)] = []
                at = _within(name, words)
        return " ".join(words)


def own(label: str) -> bool:
    """A concept of the acquired company's own figures (not IIJ's costs of acquiring it)."""
    return bool(_OWN.search(label))


def _within(name: tuple[str, ...], words: list[str]) -> int | None:
    for i in range(len(words) - len(name) + 1):
        if tuple(words[i:i + len(name)]) == name:
            return i
    return None

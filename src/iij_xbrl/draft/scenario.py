"""Scenario (actual, initial or revised target) and segment from headers and wording.

"Target", "Plan", "Forecast", "Estimate" name a target. "Original", "Initial", "Previous" (or an arrow's
left side) make it the initial target, "Revised", "New" the revised one. A bare "Target" is the revised
target when the document says the target for that period was revised, else the initial one.
"""
from __future__ import annotations

import re

from iij_xbrl.model import Period
from iij_xbrl.sources import calendar

from . import periods

ACTUAL, INITIAL, REVISED, TARGET = "Actual", "InitialTarget", "RevisedTarget", "Target"

_TARGET = re.compile(r"\b(?:targets?|plans?|planned|planning|forecasts?|estimates?|outlook|budget)\b", re.I)
_INITIAL = re.compile(r"\b(?:original|initial|previous|previously announced)\b", re.I)
_REVISED = re.compile(r"\b(?:revised|new)\b", re.I)
_ACTUAL = re.compile(r"\bactual\b", re.I)
_REVISION = re.compile(r"\brevis(?:ed|ion|es)\b|\bnew target\b", re.I)
_FULL_YEAR = re.compile(r"\bfull[- ]year\b", re.I)


def of_text(text: str) -> str | None:
    """Scenario a header or phrase names; TARGET when it does not say which target; None if it names none."""
    text = re.sub(r"\bas planned\b", " ", text, flags=re.I)  # "as planned": it happened
    if _TARGET.search(text):
        if _INITIAL.search(text):
            return INITIAL
        if _REVISED.search(text):
            return REVISED
        return TARGET
    if _ACTUAL.search(text):
        return ACTUAL
    return None


def without(text: str) -> str:
    """`text` without the words that name a scenario ("FY2010 Target Cash Dividend" -> "FY2010 Cash Dividend")."""
    for pattern in (_TARGET, _INITIAL, _REVISED, _ACTUAL):
        text = pattern.sub(" ", text)
    return text


class Targets:
    """Which periods the document says were revised, to resolve a bare "Target"."""

    def __init__(self, lines: list[str], fiscal_year: int | None):
        self.revised: set[Period] = set()
        for text in lines:
            if not _REVISION.search(text) or re.search(r"\bunchanged\b", text, re.I):
                continue
            found = [f.period for f in periods.find(text, fiscal_year) if f.period.start is not None]
            if not found and _FULL_YEAR.search(text) and fiscal_year is not None:
                found = [calendar.quarters(fiscal_year, 1, 4)]
            self.revised.update(found)

    def resolve(self, scenario: str, period: Period | None) -> str:
        if scenario != TARGET:
            return scenario
        return REVISED if period in self.revised else INITIAL

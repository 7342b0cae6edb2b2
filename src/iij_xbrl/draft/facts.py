"""Drafted entries as the publisher's `Fact`s (what the sheet loader makes of them), for the checks, the
comparison and the xBRL-JSON report."""
from __future__ import annotations

from iij_xbrl.model import Fact, Provenance
from iij_xbrl.sources import calendar, figures
from iij_xbrl.taxonomy import names

from . import signs
from .proposal import Proposal


def fact(p: Proposal, document: str = "draft") -> Fact:
    figure = figures.parse(p.text, p.unit)
    dimensions = dict(names.SEGMENTS.get(p.segment, {}))
    if p.scenario != "Actual":
        dimensions[names.SCENARIO_AXIS] = p.scenario + names.MEMBER_SUFFIX
    return Fact(concept=p.concept, period=calendar.parse(p.period), dimensions=dimensions, unit=figure.unit,
                value=signs.value(p.text, p.unit, p.negate),
                decimals=p.decimals if p.decimals is not None else figure.decimals,
                provenance=Provenance(document=document, line=p.line, text=p.text))

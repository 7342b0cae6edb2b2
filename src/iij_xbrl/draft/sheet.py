"""The drafted fact sheet as YAML in the sources/facts format, with the review list as trailing comments.

Every fact is one entry citing its line and printed text (what `load_sheet` checks), in document order,
with a note saying how sure the drafter is and why ("confidence 0.97; row 'Total Revenues' = ...").
"""
from __future__ import annotations

import json

from . import Draft
from .proposal import Pending, Proposal

MARKER = "# Drafted by `iij-xbrl draft`"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _entry(p: Proposal) -> str:
    parts = [f"line: {p.line}", f"concept: {p.concept}", f"period: {_q(p.period)}", f"text: {_q(p.text)}",
             f"unit: {p.unit}"]
    if p.scenario != "Actual":
        parts.append(f"scenario: {p.scenario}")
    if p.segment != "Consolidated":
        parts.append(f"segment: {p.segment}")
    if p.negate:  # the value is the printed figure with the other sign: say why, as the loader reads it
        kind, said = p.basis or ("negate", "drafted: the printed sign is read the other way; review")
        parts.append(f"{kind}: {_q(said)}")
    if p.decimals is not None:
        parts.append(f"decimals: {p.decimals}")
    parts.append(f"note: {_q(f'confidence {p.confidence:.2f}; {p.why}')}")
    return "  - {" + ", ".join(parts) + "}"


def _pending(p: Pending) -> str:
    candidates = f" [candidates: {', '.join(p.candidates)}]" if p.candidates else ""
    return f"#   line {p.line}: {p.token!r}: {p.reason}{candidates}".replace("\n", " ")


def render(draft: Draft) -> str:
    lines = [f"{MARKER} from {draft.document}: review every entry before publishing.",
             f"# {len(draft.facts)} facts drafted; {len(draft.review)} figure tokens left for review (listed at the end).",
             f"document: {draft.document}", f"filing: {draft.filing}"]
    if draft.facts:
        lines.append("facts:")
        lines.extend(_entry(p) for p in draft.facts)
    lines.append("# Review list: figure tokens not drafted, with the reason.")
    lines.extend(_pending(p) for p in draft.review)
    return "\n".join(lines) + "\n"

"""The review list: every figure token of the document the draft does not cite, with the reason."""
from __future__ import annotations

import re

from .layout import Document, token_spans
from .proposal import Pending, Proposal

_CONTACT = re.compile(r"\bTEL\b|\bFAX\b|E-?mail|https?:|URL|www\.|Bldg\.|Tokyo,? \d|\d{3}-\d{4}\b", re.I)
_SECTION = re.compile(r"^\s*(?:[IVXⅠ-Ⅻ]+\s*\.?\s*)?-?\s*\d+\s*\.|^\s*[IVXⅠ-Ⅻ]+\s*-\s*\d+|^\s*\(\d+\)|^\s*\d+\)")


def build(doc: Document, facts: list[Proposal], pending: list[Pending]) -> list[Pending]:
    cited = {(f.line, f.start) for f in facts}
    reasons: dict[tuple[int, int], Pending] = {}
    for p in pending:
        reasons.setdefault((p.line, p.start), p)
    out: list[Pending] = []
    for number, text in enumerate(doc.lines, start=1):
        for start, _, token in token_spans(text):
            if (number, start) in cited:
                continue
            known = reasons.get((number, start))
            out.append(known or Pending(number, start, token, _default_reason(text, start)))
    return out


def _default_reason(text: str, start: int) -> str:
    if _CONTACT.search(text):
        return "contact"
    if _SECTION.match(text) and start < 12:
        return "page-or-section-number"
    return "no figure statement recognised"

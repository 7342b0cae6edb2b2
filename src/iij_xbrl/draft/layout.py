"""The structure of a plain-text IR document: table blocks, captions, section headings, the reporting period.

Tables come as tab-separated rows or as `|` rows (with `|---|` rules); everything else is prose. A section
heading is a numbered slide title ("II -2. Revenues", "III-1. Developments of ...") or, in press releases,
a short line standing alone between blank lines ("Cash Flows"). Nothing here knows a particular document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from iij_xbrl.model import Period
from iij_xbrl.sources import calendar, coverage

from . import periods

_RULE_CELL = re.compile(r"^[-=_:\s]*$")
_NUMBERED = re.compile(r"^\s*(?:[IVXⅠ-Ⅻ]+\s*\.?\s*)?(?:-\s*\d+\s*\.(?!\d)|\d+\s*\.\s+[A-Z]|[IVXⅠ-Ⅻ]+\s*[-–]\s*\d+\s*\.?)\s*\S"
                       r"|^\s*[IVXⅠ-Ⅻ]+\s*\.\s+[A-Z]|^\s*\d{1,2}\.\d{1,2}\.?\s+[A-Z][A-Za-z]")  # "2.6 Revenues"
_BULLET = re.compile(r"^[\s\-–•·▪●◆◇■□➤➢>▶✓※*]+")


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text).strip().strip("*").strip()


def token_spans(line: str) -> list[tuple[int, int, str]]:
    """Every figure token of a line (the coverage audit's tokenizer) with its character span."""
    masked = coverage.DATE.sub(lambda m: " " * len(m.group()), line)
    return [(m.start(), m.end(), m.group()) for m in coverage.TOKEN.finditer(masked)]


def cells_of(text: str) -> list[str] | None:
    """Cells of a table row, or None if the line is prose."""
    if "\t" in text:
        return [c.strip() for c in text.split("\t")]
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return [c.strip() for c in inner.split("|")]
    return None


@dataclass
class Row:
    number: int  # 1-based document line
    text: str
    cells: list[str]

    @property
    def is_rule(self) -> bool:
        return all(_RULE_CELL.match(c) for c in self.cells) and any("-" in c or "=" in c for c in self.cells)


@dataclass
class Block:
    """Consecutive table rows (rules dropped)."""
    rows: list[Row] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.rows[0].number

    @property
    def last(self) -> int:
        return self.rows[-1].number


class Document:
    def __init__(self, name: str, lines: list[str]):
        self.name = name
        self.lines = lines  # lines[0] is line 1

    def text(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    @cached_property
    def blocks(self) -> list[Block]:
        blocks: list[Block] = []
        current: Block | None = None
        for number, text in enumerate(self.lines, start=1):
            cells = cells_of(text)
            if cells is None:
                current = None
                continue
            row = Row(number, text, cells)
            if row.is_rule:
                continue
            if current is None:
                current = Block()
                blocks.append(current)
            current.rows.append(row)
        return blocks

    @cached_property
    def table_lines(self) -> set[int]:
        return {row.number for block in self.blocks for row in block.rows}

    def is_heading(self, number: int) -> bool:
        """A numbered slide title, or a short stand-alone title line (press releases)."""
        text = self.text(number).strip()
        if not text or number in self.table_lines or token_spans(text) and not _NUMBERED.match(text):
            return False
        if _NUMBERED.match(text):
            return True
        words = text.strip("*").split()
        return (len(words) <= 8 and not _BULLET.match(text) and text[-1] not in ".:,;)" and text[0].isupper()
                and not self.text(number - 1).strip() and not self.text(number + 1).strip())

    @cached_property
    def headings(self) -> list[str]:
        """For every line (index 0 = line 1), the section heading it falls under ("" before the first)."""
        out, current = [], ""
        for number in range(1, len(self.lines) + 1):
            if self.is_heading(number) and _NUMBERED.match(self.text(number).strip()):
                current = self.text(number).strip()
            out.append(current)
        return out

    def heading(self, number: int) -> str:
        return self.headings[number - 1] if 1 <= number <= len(self.headings) else ""

    def title_above(self, number: int, stop: int = 0, limit: int = 12) -> list[str]:
        """Short text lines just above `number` (captions of a table or a bullet list), nearest first."""
        found = []
        for n in range(number - 1, max(stop, number - limit), -1):
            text = self.text(n).strip()
            if not text or n in self.table_lines:
                if n in self.table_lines:
                    break
                continue
            if token_spans(re.sub(r"^\(\d+\)\s*", "", text)) and not _NUMBERED.match(text):
                break  # a line of figures ends the caption ("(1) ..." is a list number)
            if _BULLET.match(text) and not text.rstrip("*").endswith(":") or len(text.split()) > 14:
                break  # a point of the slide's prose, not a caption
            found.append(text)
            if _NUMBERED.match(text) or len(found) == 3:
                break
        return found

    def topic_above(self, number: int, limit: int = 15) -> str:
        """The nearest marked line without figures above `number` on its slide ("◆ ATM Network Operation
        Business"); a slide title or heading in between ends the search."""
        from . import scale

        for n in range(number - 1, max(0, number - limit), -1):
            text = self.text(n).strip()
            if n in self.table_lines:
                break  # another table's rows: its topic, not ours
            if not text or token_spans(text) or scale.unit_line(text):
                continue
            if self.is_heading(n):
                break
            if re.match(r"^[◆■●]", text):
                return text
        return ""

    def unit_above(self, number: int) -> str | None:
        """The scale of the nearest unit line above `number` ("Unit: JPY million"), however far."""
        from . import scale

        for n in range(number - 1, 0, -1):
            found = scale.unit_line(self.text(n))
            if found:
                return found
        return None

    @cached_property
    def reporting_period(self) -> Period | None:
        """The period the document reports on: the shortest duration named on its first line about results."""
        for text in self.lines[:400]:
            if re.search(r"results|summary", text, re.I) and not self._is_toc(text):
                found = [f.period for f in periods.find(text) if f.period.start is not None]
                if found:
                    return min(found, key=lambda p: (p.end - p.start, -p.end.toordinal()))
        return None

    @staticmethod
    def _is_toc(text: str) -> bool:
        return bool(re.search(r"\bagenda\b", text, re.I))

    @cached_property
    def fiscal_year(self) -> int | None:
        period = self.reporting_period
        return None if period is None else calendar.fiscal_year_of(period.start)

"""Table blocks -> facts: header rows give each column a period, scenario and role, unit rows and unit lines
give the scale, row labels give concepts, and each figure of a cell becomes one fact.

Column roles: a value column (its figures are the row's concept; in a "% of Revenues" column a percent is
the row's share of revenues), "YoY"/"QoQ" columns (changes: a percent is the change ratio, an amount the
change amount), a "Changes" column between two balance dates (the movement over the period between
them), "Actual against Target in %". A column without a header continues the one on its left.
Tables whose rows are periods and whose columns are concepts (TSE summaries) are read transposed.
Rows of prose that happen to contain tabs ("▪ Revenues<TAB>JPY51,109 million (up 8.3% YoY)") are
returned to the prose reader.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterator

from iij_xbrl.model import Period
from iij_xbrl.sources import calendar

from . import periods, scale, scenario, signs, wording
from .context import Context
from .layout import Block, Row, strip_bullet, token_spans
from .proposal import Pending, Proposal
from .vocabulary import NO_MATCH, Match, norm

_YOY = re.compile(wording.YOY + r"|change in %|% change", re.I)
_QOQ = re.compile(wording.QOQ, re.I)
_CHANGE = re.compile(r"\bchanges?\b|\bincrease\s*\(decrease\)", re.I)
_AGAINST = re.compile(r"against\s+target|achievement", re.I)
_SHARE = re.compile(r"%\s*of\s*(?:total\s+)?revenues?", re.I)
_DECORATION = re.compile(r"^[\s()+\-–—_/~]*(?:JPY|yen)?[\s()]*(?:(?:million|billion|thousand)s?(?:\s+yen)?)?[\s()]*"
                         r"(?:\((?:annual|approx\.?)\))?[\s()]*$", re.I)
_NOTHING = re.compile(r"^[-—–―_－‐]$")
_SHARE_BAR = re.compile(r"^[\d,]+(?:\.\d+)?\s*\(\d+(?:\.\d+)?%\)$")
_PLAN_ROW = re.compile(r"(?:original|initial|previous|revised|new|current)?\s*(?:plan|planned|target|forecast|actual)s?", re.I)
_NET_OF = re.compile(r"^(?P<item>[^,]+),\s*net of (?P<what>.+?) of JPY", re.I)
_WHOLE = re.compile(r"\b(?:total|full[- ]year|annual)\b", re.I)  # a column of the whole period
_AMOUNT_WORDS = re.compile(r"\b(?:up|down|YoY|QoQ|increased|decreased)\b|%\s*\(|\bJPY\s?[\d,.]+\s*(?:million|billion)", re.I)


@dataclass
class Column:
    index: int
    text: str = ""
    period: Period | None = None
    scenario: str | None = None
    role: str = "value"  # value | yoy | qoq | change | against | usd
    unit: str | None = None  # from a unit row: a scale, "percent", "JPY" or scale.USD
    share: bool = False  # "% of revenues": a percent figure is the row's share of revenues
    inherited: bool = False
    doubt: str = ""  # why this column's period is not trusted
    corrected: str = ""  # how the printed header was read otherwise, and why


@dataclass
class Cell:
    index: int
    text: str
    start: int  # offset of the cell on its line
    tokens: list[tuple[int, int, str]]  # figure tokens, offsets on the line

    @property
    def kind(self) -> str:
        if not self.text or _NOTHING.match(self.text):
            return "empty"
        if not self.tokens:
            return "text"
        if self.index == 0 and len(re.findall(r"[A-Za-z]{3,}", self.text)) >= 2 and not _AMOUNT_WORDS.search(self.text):
            return "text"  # a row label that prints figures of its own ("net of allowance of JPY 107,919 thousand")
        rest = self.text
        for _, _, token in sorted(self.tokens, key=lambda t: -len(t[2])):
            rest = rest.replace(token, " ", 1)
        if _DECORATION.match(rest):
            return "figure"
        head = rest.strip()
        if head.endswith(":") and periods.find(head) and len(head) <= len(periods.find(head)[0].text) + 3:
            return "labelled"  # "FY12: 239": a figure with its own period
        return "prose"

    @property
    def scale(self) -> str | None:
        """A scale printed in the cell itself ("JPY3.6 billion")."""
        return scale.of_words(self.text)


def cells(row: Row) -> list[Cell]:
    spans = token_spans(row.text)
    out, offset = [], 0
    pipe = "\t" not in row.text
    raw = row.text.split("\t") if not pipe else row.text.split("|")
    for piece in raw:
        start = offset + len(piece) - len(piece.lstrip())
        end = offset + len(piece.rstrip())
        tokens = [t for t in spans if start <= t[0] and t[1] <= end]
        out.append(Cell(len(out), piece.strip(), start, tokens))
        offset += len(piece) + 1
    if pipe:  # a `|` row: drop the empty cells outside the first and last bar
        out = out[1:-1] if row.text.strip().endswith("|") else out[1:]
        out = [replace(c, index=i) for i, c in enumerate(out)]
    return out


class TableReader:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        # rows handed back to the prose reader: line -> (offset the prose starts at, the table's caption)
        self.prose_rows: dict[int, tuple[int, str]] = {}

    # ---- headers -------------------------------------------------------------------------------
    def _columns(self, header_rows: list[list[Cell]], unit_rows: list[list[Cell]], caption: str) -> dict[int, Column]:
        width = max((len(r) for r in header_rows + unit_rows), default=0)
        columns: dict[int, Column] = {}
        spanned = [_spanning(r, self.ctx.doc.fiscal_year) for r in header_rows]
        for texts in spanned:  # "Major Breakdown of 3Q13 CAPEX" alone on the header row: the title of every column
            if len(texts) > 1 and texts[0] and not any(texts[1:]):
                texts[1:] = [texts[0]] * (width - 1)
        for j in range(width):
            text = " ".join(r[j] for r in spanned if j < len(r) and r[j]).strip()
            column = Column(j, text)
            found = periods.find(text, self.ctx.doc.fiscal_year)
            if found:
                column.period = found[0].period
            column.scenario = scenario.of_text(_before_to(text))
            if scale.of_words(text) == scale.USD:
                column.role = "usd"
            elif _AGAINST.search(text):
                column.role = "against"
            elif _YOY.search(text):
                column.role = "yoy"
            elif _QOQ.search(text):
                column.role = "qoq"
            elif _CHANGE.search(text):
                column.role = "change"
            column.share = bool(_SHARE.search(text))
            if column.role in ("yoy", "qoq", "against") and "%" in text:
                column.unit = "percent"
            for r in unit_rows:
                if j < len(r) and r[j].text:
                    column.unit = scale.of_cell(r[j].text)
                    if column.unit == scale.USD:
                        column.role = "usd"
            columns[j] = column
        # a column without a header continues the one on its left (spanning headers, "% of" pairs)
        for j in range(1, width):
            column, left = columns[j], columns[j - 1]
            if column.text or not (left.text or left.inherited):
                continue
            role = "usd" if column.unit == scale.USD else ("value" if left.role == "usd" else left.role)
            columns[j] = replace(left, index=j, unit=column.unit or left.unit, role=role, inherited=True)
        self._complete(columns, caption)
        return columns

    def _complete(self, columns: dict[int, Column], caption: str) -> None:
        """Periods of YoY / Changes / target / against-target columns from the value columns they refer to."""
        values = [c for c in columns.values() if c.role == "value" and c.period is not None]
        actual = [c for c in values if c.scenario in (None, scenario.ACTUAL)]
        main = max(actual, key=lambda c: c.period.end, default=None)
        for j in sorted(columns):
            column = columns[j]
            if column.inherited:
                left = columns[j - 1]
                column.period, column.scenario = left.period, left.scenario
            elif column.role in ("yoy", "qoq") and column.period is None:
                since = max((c.index for c in columns.values() if c.role in ("yoy", "qoq") and c.index < j
                             and not c.inherited), default=-1)
                left = [c for c in values if c.index < j]
                group = [c for c in left if c.index > since] or left
                if group:  # the later of the compared columns (of equal periods, the rightmost: revised target)
                    latest = max(c.period.end for c in group)
                    pick = [c for c in group if c.period.end == latest][-1]
                    column.period, column.scenario = pick.period, pick.scenario
            elif column.role == "change" and column.period is None:
                instants = sorted((c for c in values if c.period.is_instant), key=lambda c: c.period.end)
                if len(instants) >= 2:
                    column.period = periods.between(instants[0].period, instants[-1].period)
                    if periods.token(column.period) is None:  # "March 31, 2009" beside "September 30, 2010"
                        self._misprinted(column, instants[0], instants[-1])
            elif column.role == "against" and main is not None:
                column.period, column.scenario = main.period, scenario.ACTUAL
            elif column.role == "value" and column.period is None and column.scenario and main is not None:
                column.period = main.period  # "New Target" beside "1H08": the target for the same period
        if caption and _YOY.search(caption):  # "(% shown is YoY change)": percent columns are YoY changes
            for column in columns.values():
                if column.unit == "percent" and column.role == "value":
                    column.role = "yoy"

    def _misprinted(self, change: Column, earlier: Column, later: Column) -> None:
        """A changes column spanning no fiscal period: when the later date closes the reporting period and the
        earlier one is the fiscal year-end with another year, the header misprints the year of the year-end
        the interim balance sheet compares with (the opening of the reporting fiscal year); otherwise doubt it."""
        reporting = self.ctx.doc.reporting_period
        opening = periods.opening(calendar.quarters(calendar.fiscal_year_of(later.period.end), 1, 4))
        if reporting is not None and later.period.end == reporting.end and earlier.period.end != opening.end \
                and (earlier.period.end.month, earlier.period.end.day) == (opening.end.month, opening.end.day):
            earlier.period = opening
            change.period = periods.between(opening, later.period)
            note = (f"header {earlier.text!r} read as {opening.end}: a changes column to {later.period.end} runs from "
                    f"the fiscal year-end before it, the printed year is not that one's")
            earlier.corrected = change.corrected = note
            return
        doubt = f"the changes column would span {change.period}, no fiscal period: header {earlier.text!r} doubtful"
        for c in (change, earlier):
            c.doubt = doubt

    # ---- rows ----------------------------------------------------------------------------------
    def read(self, block: Block) -> Iterator[Proposal | Pending]:
        ctx = self.ctx
        series = self._share_series(block)
        if series is not None:
            yield from series
            return
        caption_lines = ctx.doc.title_above(block.first)
        caption = " ".join(caption_lines[:3])
        heading = ctx.doc.heading(block.first)
        header_rows: list[list[Cell]] = []
        unit_rows: list[list[Cell]] = []
        columns: dict[int, Column] = {}
        state = _RowState()
        table_scale = self._table_scale(block)
        rows = [(row, cells(row)) for row in block.rows]
        state.named_segment = ctx.vocabulary.segment_in(" ".join(caption_lines[:2])) or ctx.vocabulary.segment_in(
            ctx.doc.topic_above(block.first))
        segment_mode = bool(re.search(r"\bsegments?\b", caption + " " + heading, re.I)) or any(
            c and c[0].text.strip().lower() == "elimination" for _, c in rows)
        previous_kind = None
        for line in caption_lines[:2]:  # "Revenues:" above a segment table: the total its rows belong to
            if not scale.unit_line(line):
                state.caption(line, self)
                state.run_on = ""
                if state.parent:
                    break
        for row, row_cells in rows:
            kinds = [c.kind for c in row_cells]
            if "prose" in kinds:
                first = kinds.index("prose")
                if "figure" not in kinds[:first]:  # "▪ Revenues<TAB>JPY51,109 million (up 8.3% YoY)": prose
                    self.prose_rows[row.number] = (0, state.run_on or caption)
                    previous_kind = "prose"
                    continue
                # figures, then a comment ("➤ Nonmarketable equity securities: JPY1,796 million"): the
                # figures stay in the table, the comment goes to the prose reader
                self.prose_rows[row.number] = (row_cells[first].start, "")
                row_cells = row_cells[:first]
                kinds = kinds[:first]
            nonempty = [c for c in row_cells if c.kind != "empty"]
            if not nonempty:
                continue
            if all(scale.is_unit_cell(c.text) for c in nonempty) and not any(k == "figure" for k in kinds):
                unit_rows.append(row_cells)
                columns = self._columns(header_rows, unit_rows, caption)
                previous_kind = "unit"
                continue
            figures_ = [c for c in row_cells if c.kind in ("figure", "labelled")]
            texts = [c for c in row_cells if c.kind == "text"]
            if not figures_:
                titled = periods.find(row_cells[0].text, ctx.doc.fiscal_year) if row_cells[0].kind == "text" else []
                if len(texts) == 1 and len(row_cells) > 1 and len(titled) == 1 and previous_kind is None:
                    header_rows, unit_rows = [row_cells], []  # "Major Breakdown of 3Q13 CAPEX": the columns' title
                    columns = self._columns(header_rows, unit_rows, caption)
                    previous_kind = "header"
                    continue
                if len(texts) == 1 and row_cells[0].kind == "text" and texts[0].index == 0:
                    state.caption(row_cells[0].text, self)  # "REVENUES:", "Network services:", a label run on
                    previous_kind = "caption"
                    continue
                if previous_kind != "header":
                    header_rows, unit_rows = [], []
                header_rows.append(row_cells)
                columns = self._columns(header_rows, unit_rows, caption)
                previous_kind = "header"
                continue
            previous_kind = "body"
            yield from self._body(row, row_cells, columns, state, table_scale, caption_lines, heading, segment_mode)

    def _share_series(self, block: Block) -> list[Proposal | Pending] | None:
        """A chart flattened to one row of "3,627 (15.5%)" bars without period labels, captioned (just above or
        below) "Personnel related costs and expenses (% of revenue)": IIJ's quarterly trend charts end with the
        reporting quarter, so the bars are the quarters up to it, oldest first. Anything else: not a series."""
        ctx, doc = self.ctx, self.ctx.doc
        row_cells = cells(block.rows[0])
        if len(block.rows) != 1 or len(row_cells) < 3 or not all(_SHARE_BAR.match(c.text) for c in row_cells):
            return None
        reporting = doc.reporting_period
        last = reporting and periods.quarter_ending(reporting.end)
        numbers = [n for n in (*range(block.first - 4, block.first), *range(block.last + 1, block.last + 5))
                   if _SHARE.search(doc.text(n)) and not token_spans(doc.text(n))]
        if last is None or len(numbers) != 1:
            return None
        label = re.sub(r"\(?%\s*of\s+(?:total\s+)?revenues?\)?", " ", doc.text(numbers[0]), flags=re.I)
        match = ctx.vocabulary.match(_clean_label(label), accept=lambda n: ctx.vocabulary.base_of(n) is None
                                     and ctx.concept(n).data_type == "monetary" and not ctx.is_instant(n))
        share = match.concept and ctx.vocabulary.derived(match.concept, "ToRevenuesRatio")
        if not share or _confidence(match) < 0.9:
            return None
        out: list[Proposal | Pending] = []
        scale_ = self._table_scale(block)
        for k, cell in enumerate(row_cells):
            period = calendar.shift(last, -3 * (len(row_cells) - 1 - k))
            column = Column(k, f"bar {k + 1} of {len(row_cells)}", period)
            why = (f"chart without period labels, caption {label.strip()!r} {match.why()}: bar {k + 1} of "
                   f"{len(row_cells)} read as the quarters up to the reporting quarter")
            for start, _, token in cell.tokens:
                percent = "%" in token
                out.append(self._cell(block.rows[0], label, share if percent else match.concept, None,  # "(15.5%)":
                                      replace(column, unit="percent" if percent else None),  # a share, not negative
                                      token.strip("()"), start, scale_, 0.85, why, None))
        return out

    def _table_scale(self, block: Block) -> str | None:
        """The unit line above a table (up to the previous table), or just below it ("(JPY in millions)")."""
        doc = self.ctx.doc
        for n in range(block.first - 1, max(0, block.first - 25), -1):
            if n in doc.table_lines:
                break
            found = scale.unit_line(doc.text(n))
            if found:
                return found
        for n in range(block.last + 1, block.last + 4):
            found = scale.unit_line(doc.text(n))
            if found:
                return found
        return doc.unit_above(block.first)  # the slide states none: the document's last unit line

    def _body(self, row: Row, row_cells: list[Cell], columns: dict[int, Column], state: "_RowState",
              table_scale: str | None, caption_lines: list[str], heading: str,
              segment_mode: bool) -> Iterator[Proposal | Pending]:
        ctx = self.ctx
        caption = " ".join(caption_lines[:3])
        texts = [c for c in row_cells if c.kind == "text"]
        label_cell = texts[0] if texts else None
        if label_cell is not None and label_cell.tokens:
            yield from self._in_label(row, label_cell)
        label = label_cell.text if label_cell else state.run_on
        state.run_on = ""
        figure_cells = [c for c in row_cells if c.kind in ("figure", "labelled")]
        row_period = None
        if label:
            found = periods.find(re.sub(r"\(?announced on [^)]*\)?", " ", label, flags=re.I), ctx.doc.fiscal_year)
            if found and len(re.sub(r"\(.*?\)", "", label).strip()) <= len(found[0].text) + 12:
                row_period = found[0].period
        if row_period is None and label and columns and _PLAN_ROW.fullmatch(re.sub(r"\(.*?\)", "", label).strip()):
            # "Original Plan", "Revised Plan (announced on May 14, 2010)": a scenario of the caption's period
            found = [f for line in caption_lines for f in periods.find(line, ctx.doc.fiscal_year)]
            row_period = found[0].period if found else None
        if row_period is not None and columns:
            yield from self._transposed(row, label, row_period, figure_cells, columns, table_scale, caption_lines,
                                        heading)
            return
        if row_period is not None and state.parent and state.by_caption:
            # "1H12<TAB>JPY1.6 billion" under "Domestic IIJ GIO related CAPEX": the caption's concept for that period
            column = Column(1, label, row_period, scenario.of_text(label))
            for cell in figure_cells:
                for start, _, token in cell.tokens:
                    yield self._cell(row, label, state.parent, None, column, token, start, cell.scale or table_scale,
                                     0.9, f"caption {state.parent_label!r} = {state.parent}; row {label!r}", None)
            return
        if not label:
            label = next((t for t in self.ctx.doc.title_above(row.number if row.number == 1 else _first(row, self))
                          if not scale.unit_line(t)), "")
            if not label:
                for cell in figure_cells:
                    for start, _, token in cell.tokens:
                        yield Pending(row.number, start, token, "no row label")
                return
        segment = ctx.vocabulary.segment(label) if segment_mode else None
        match = None
        if segment is not None:
            concept, why, confidence = state.segment_parent, f"segment row {label!r} under {state.segment_parent}", 0.95
            state.segment = segment
            if concept is None:
                yield from _left(row, figure_cells, f"segment row {label!r} without a total above it")
                return
        elif segment_mode and state.segment_parent and re.fullmatch(r"(?:consolidated\s+)?total", label.strip().lower()):
            concept, why, confidence, state.segment = state.segment_parent, f"row {label!r}: consolidated", 0.95, None
        else:
            match = self._match_row(label, state, caption, heading, columns)
            named_in_label = None
            if match.concept is None or _confidence(match) < 0.8:
                # "◆ ATM operation segment operating income:", or "Percentage" under its caption
                split = ctx.vocabulary.without_segment(label)
                fallback = self._match_row(split[1], state, caption, heading, columns) if split else None
                if fallback is not None and fallback.concept and _confidence(fallback) >= 0.8:
                    match, named_in_label = fallback, split[0]
                else:
                    fallback = next((m for m in (self._match_row(line, state, "", heading, columns)
                                                 for line in caption_lines if not scale.unit_line(line))
                                     if m.concept and _confidence(m) >= 0.8), None)
                    match = fallback or match
            if match.concept is None or _confidence(match) < 0.8:
                match = self._by_structure(label, state) or match
            concept, confidence = match.concept, _confidence(match)
            why = f"row {label!r} {match.why()}"
            if concept is None or confidence < 0.5:
                yield from _left(row, figure_cells, f"no concept for row label {label!r}",
                                 tuple(c for c, _ in match.candidates[:3]))
                return
            if named_in_label:
                segment = named_in_label
                why += f"; segment {segment} named in the label"
            elif segment_mode and state.segment and concept in ctx.children.get(state.segment_parent or "", ()):
                segment = state.segment  # "Customers" under a segment row: that segment's figure
            elif state.named_segment and not state.named_segment[1] <= set(norm(match.phrase).split()):
                named = self._segment_concept(label, state, columns)
                if named is not None:  # "Revenue" under "ATM Operation Business:": ATM operation business revenues
                    concept, confidence, why = named.concept, _confidence(named), f"row {label!r} {named.why()}"
                else:  # "Operating Loss" under "ATM Operation Business:": the segment's operating income
                    segment = state.named_segment[0]
                    why += f"; segment {segment} from the caption"
            else:
                state.segment, state.segment_parent = None, concept
            state.after(concept, label, self)
        units = _row_units(label)
        for cell in figure_cells:
            column = columns.get(cell.index)
            if cell.kind == "labelled":
                found = periods.find(cell.text.split(":")[0], ctx.doc.fiscal_year)
                column = Column(cell.index, cell.text, found[0].period if found else None, scenario.of_text(cell.text))
            cell_scale = cell.scale or table_scale
            if units and len(units) == len(figure_cells):
                unit = units[figure_cells.index(cell)]
                if unit == scale.USD:
                    yield from _left(row, [cell], "usd-translation", (concept,))
                    continue
            for start, _, token in cell.tokens:
                yield self._cell(row, label, concept, match, column, token, start, cell_scale, confidence, why,
                                 segment)

    def _in_label(self, row: Row, cell: Cell) -> Iterator[Proposal | Pending]:
        """Figures a balance sheet prints in a row label, at the label's dates: "Accounts receivable, net of
        allowance for doubtful accounts of JPY 107,919 thousand and JPY 105,762 thousand at March 31, 2012 and
        September 30, 2012, respectively" (one amount per date, in order), "Common-stock—authorized, 75,520,000
        shares; issued and outstanding, 41,295,600 shares at March 31, 2012 and September 30, 2012" (a count at
        every date). Anything else in a label stays for review."""
        ctx, text = self.ctx, cell.text
        dates = [f.period for f in periods.find(text, ctx.doc.fiscal_year) if f.period.is_instant]
        net = _NET_OF.match(text)
        amounts = [t for t in cell.tokens if re.match(r"^\s*(?:thousand|million|billion)\b", row.text[t[1]:])]
        if net and dates and len(amounts) == len(dates) and len(amounts) == len(cell.tokens):
            item, what = net["item"], net["what"]
            matches = [ctx.vocabulary.match(f"{what} {link} {item}", accept=ctx.is_instant) for link in ("on", "of")]
            match = max(matches, key=lambda m: m.score)
            if match.concept and match.score >= 90 and match.decisive:
                for (start, end, token), date in zip(amounts, dates):
                    unit = scale.after_figure(row.text[end:])
                    yield ctx.proposal(row.number, start, token, match.concept, date, unit, False, 0.9,
                                       f"label {what!r} of {item!r} {match.why()}; the label's dates in order", table=True)
                return
        counts = [t for t in cell.tokens if re.match(r"^\s*shares\b", row.text[t[1]:])]
        if dates and counts and len(counts) == len(cell.tokens):
            for start, _, token in counts:
                clause = [c for c in re.split(r"[;,—–]", row.text[cell.start:start]) if c.strip()][-1]
                named = re.sub(r"\b(?:common[- ])?stock\b|\band outstanding\b", " ", clause, flags=re.I)
                match = ctx.vocabulary.match(f"{named} shares", accept=lambda n: ctx.concept(n).data_type == "shares")
                if not (match.concept and match.score >= 90 and match.decisive):
                    yield Pending(row.number, start, token, f"no concept for {clause.strip()!r} shares in the label")
                    continue
                for date in dates:
                    yield ctx.proposal(row.number, start, token, match.concept, date, "shares", False, 0.9,
                                       f"label {clause.strip()!r} shares {match.why()}; at {date.end}", table=True)

    def _match_row(self, label: str, state: "_RowState", caption: str, heading: str, columns: dict[int, Column]):
        ctx = self.ctx
        instant_only = bool(columns) and all(c.period is None or c.period.is_instant or c.role != "value"
                                             for c in columns.values()) and any(
            c.period is not None and c.role == "value" for c in columns.values())

        def accept(name: str) -> bool:
            if ctx.vocabulary.base_of(name) is not None:
                return False
            return not instant_only or ctx.is_instant(name)

        context = [caption, heading]
        if re.fullmatch(r"total:?", label.strip().lower()):
            # the total of the group above; once that total is printed, the total enclosing it
            group = state.parent if state.parent and state.by_caption else state.previous
            wanted = {group} if state.parent and state.by_caption else {t for t, items in ctx.children.items()
                                                                          if group in items}
            return ctx.vocabulary.match(_clean_label(label), context=context, accept=lambda n: n in wanted,
                                        structure=[state.parent_label])
        dominant = {n for n, c in state.votes.items() if c == max(state.votes.values())} if state.votes else set()
        family = ctx.network_members(dominant)
        return ctx.vocabulary.match(_clean_label(label), context=context, accept=accept,
                                    structure=[state.parent_label], prefer=ctx.descendants(state.parent),
                                    near=ctx.siblings(state.previous) & family if family else ctx.siblings(state.previous),
                                    family=family)

    def _by_structure(self, label: str, state: "_RowState") -> Match | None:
        """A generic row label the rows above explain: "Sum" (or "Total") under rows that are all the items of
        one total is that total; "Expenses" under "Cost" is the other item, with that word in its label, of the
        smallest total holding "Cost". In a segment's table a segment's line item ("Cost of ATM operation
        business") stands for the total of such items (cost of revenues) too. One answer or none."""
        ctx = self.ctx
        words = norm(_clean_label(label)).split()
        if state.previous is None or len(words) != 1:
            return None
        seen = {a for c in state.seen for a in self._standing_for(c, state)}
        holding = [(total, {i for i, _ in items}) for total, items in ctx.calculations
                   if self._standing_for(state.previous, state) & {i for i, _ in items}]
        if words[0] in ("total", "sum", "subtotal"):
            found = {total for total, items in holding if items <= seen}
            why = "the total of the rows above"
        else:
            smallest = min((len(items) for _, items in holding), default=0)
            found = {i for _, items in holding if len(items) == smallest for i in items - seen
                     if words[0] in map(_singular, re.findall(r"[a-z]+", ctx.vocabulary.label(i).lower()))
                     and not re.match(r"total\b", ctx.vocabulary.label(i), re.I)}  # a total is "Sum" or "Total"
            why = f"the item beside {state.previous} in its smallest total"
        if len(found) != 1:
            return None
        concept = found.pop()
        return Match(concept, 85.0, "structure", why, ((concept, 85.0),))

    def _standing_for(self, concept: str, state: "_RowState") -> set[str]:
        """`concept`, and in a table of a named segment the totals it is that segment's item of."""
        if state.named_segment is None or not state.named_segment[1] <= set(norm(self.ctx.vocabulary.label(concept)).split()):
            return {concept}
        return {concept} | {total for total, items in self.ctx.calculations if concept in {i for i, _ in items}}

    def _segment_concept(self, label: str, state: "_RowState", columns: dict[int, Column]):
        """The concept a segment's own line item has ("ATM operation business revenues"), if any."""
        words = " ".join(sorted(state.named_segment[1]))
        match = self._match_row(f"{words} {label}", state, "", "", columns)
        return match if match.concept and match.score >= 95 and match.decisive else None

    def _cell(self, row: Row, label: str, concept: str, match, column: Column | None, token: str, start: int,
              table_scale: str | None, confidence: float, why: str, segment: str | None) -> Proposal | Pending:
        ctx = self.ctx
        if column is None or column.role == "usd":
            reason = "usd-translation" if column is not None else "no column header"
            return Pending(row.number, start, token, reason, (concept,))
        if column.doubt:
            return Pending(row.number, start, token, column.doubt, (concept,))
        percent = "%" in token or column.unit == "percent"
        role = column.role
        target = concept
        if role == "value":
            if percent and ctx.concept(concept).data_type != "percent":
                if not column.share:
                    return Pending(row.number, start, token, f"percent figure in a value column of {concept}")
                target = ctx.vocabulary.derived(concept, "ToRevenuesRatio")
        elif role in ("yoy", "qoq"):
            prefix = "YoY" if role == "yoy" else "QoQ"
            if ctx.is_instant(concept) or ctx.concept(concept).data_type in ("integer", "decimal"):
                target = ctx.vocabulary.derived(concept, prefix + "Change")
            elif ctx.concept(concept).data_type == "percent":
                target = ctx.vocabulary.derived(concept, prefix + "Change")
            else:
                target = ctx.vocabulary.derived(concept, prefix + ("ChangeRatio" if percent else "ChangeAmount"))
        elif role == "change":
            target = ctx.vocabulary.derived(concept, "IncreaseDecrease") if ctx.is_instant(concept) else None
        elif role == "against":
            target = ctx.vocabulary.derived(concept, "ToTargetRatio")
        if target is None:
            return Pending(row.number, start, token, f"no concept for the {role} column of {concept}", (concept,))
        period = column.period
        if period is None:
            return Pending(row.number, start, token, "no period in the column header", (target,))
        if ctx.is_instant(target) and not period.is_instant:
            if match is not None and match.role == "periodStart":
                period = periods.opening(period)
            else:
                period = periods.closing(period)
        elif not ctx.is_instant(target) and period.is_instant:
            return Pending(row.number, start, token, f"{target} is a flow, the column an instant", (target,))
        unit = "percent" if percent and ctx.concept(target).data_type == "percent" else ctx.unit_for(
            target, column.unit if column.unit and column.unit.startswith("JPY ") else table_scale, token)
        if unit is None:
            return Pending(row.number, start, token, f"no unit for {target}", (target,))
        scen = ctx.settle(period, column.scenario)
        if scen is None:
            return Pending(row.number, start, token, f"an actual for {periods.token(period)}, after the reporting period")
        negative = signs.printed_negative(token)
        # "Equity in net loss (income)" for equity in net income (loss); "Net loss attributable to ..." for net
        # income (loss) attributable to ...: the row's amounts are of the other side, unless the row prints that
        # side in parentheses itself ("Operating Loss (233)")
        flip = match is not None and (signs.inverted(label, match.phrase) or signs.inverted_subject(
            label, ctx.vocabulary.label(concept)) and not any(signs.printed_negative(t) for _, _, t in token_spans(row.text)))
        word = None
        if flip and ctx.concept(concept).data_type != "percent":
            negative = not negative
            why += "; sign: label states the opposite polarity"
            word = signs.side_word(label, ctx.concept(target).sign)
        col_why = f"column {column.text!r}" if column.text else "column (continued)"
        if column.corrected:
            col_why, confidence = f"{col_why}, {column.corrected}", confidence - 0.05
        return ctx.proposal(row.number, start, token, target, period, unit, negative, confidence,
                            f"{why}; {col_why}", scen, segment or "Consolidated", table=True, word=word)

    def _transposed(self, row: Row, label: str, row_period: Period, figure_cells: list[Cell],
                    columns: dict[int, Column], table_scale: str | None, caption_lines: list[str],
                    heading: str) -> Iterator[Proposal | Pending]:
        """A row naming a period in a table whose columns name concepts. A column of a quarter end ("2Q-end",
        "interim", "Year-end") holds the dividend of that quarter; a column naming nothing else ("interim",
        "Full year") holds what the caption names ("FY2010 Target Cash Dividend")."""
        ctx = self.ctx
        caption = " ".join(caption_lines[:3])
        row_scenario = scenario.of_text(label) or scenario.of_text(caption + " " + heading)
        for cell in figure_cells:
            column = columns.get(cell.index)
            for start, _, token in cell.tokens:
                if column is None or not column.text or column.role == "usd":
                    yield Pending(row.number, start, token, "no column header" if column is None or not column.text
                                  else "usd-translation")
                    continue
                text = _clean_label(_strip_units(column.text))
                marker = periods.quarter_end(text)
                if marker:
                    text = text[: marker.start()] + " " + text[marker.end():]
                accept = lambda n: ctx.vocabulary.base_of(n) is None
                if norm(_WHOLE.sub(" ", text)):
                    match = ctx.vocabulary.match(text, context=[caption], accept=accept)
                    named = f"column {column.text!r}"
                else:
                    match = next((m for m in (ctx.vocabulary.match(_clean_label(self._naming(line)), accept=accept)
                                              for line in caption_lines) if _confidence(m) >= 0.8), NO_MATCH)
                    named = f"column {column.text!r} of the caption"
                confidence = _confidence(match)
                if match.concept is None or confidence < 0.5:
                    yield Pending(row.number, start, token, f"no concept for column {column.text!r}",
                                  tuple(c for c, _ in match.candidates[:3]))
                    continue
                period = row_period
                if marker and not period.is_instant and ctx.concept(match.concept).data_type == "perShare" \
                        and not ctx.is_instant(match.concept):
                    period = periods.dividend_quarter(marker, row_period)
                col = replace(column, period=period, scenario=row_scenario)
                yield self._cell(row, column.text, match.concept, match, col, token, start, table_scale,
                                 confidence, f"{named} {match.why()}; row {label!r}", None)


    def _naming(self, caption: str) -> str:
        """The words of a caption that may name a concept: its periods and scenario words taken out."""
        for found in reversed(periods.find(caption, self.ctx.doc.fiscal_year)):
            caption = caption[: found.start] + " " + caption[found.end:]
        return scenario.without(caption)


def _first(row: Row, reader: TableReader) -> int:
    """First line of the block holding `row` (its caption sits above it)."""
    for block in reader.ctx.doc.blocks:
        if block.first <= row.number <= block.last:
            return block.first
    return row.number


class _RowState:
    """The rows above: the caption or total a row may belong to, the segment, a label running on."""

    def __init__(self) -> None:
        self.parent: str | None = None
        self.parent_label = ""
        self.segment_parent: str | None = None
        self.segment: str | None = None
        self.previous: str | None = None
        self.by_caption = False
        self.named_segment: tuple[str, set[str]] | None = None
        self.votes: Counter[str] = Counter()  # calculation networks of the rows above: the table's statement
        self.run_on = ""
        self.seen: set[str] = set()  # concepts of the rows above

    def caption(self, text: str, reader: TableReader) -> None:
        self.run_on = text
        match = reader.ctx.vocabulary.match(_clean_label(text), accept=lambda n: reader.ctx.vocabulary.base_of(n) is None)
        if match.concept and _confidence(match) >= 0.8:
            self.parent, self.parent_label, self.by_caption = match.concept, text, True
            self.segment_parent, self.segment = match.concept, None

    def after(self, concept: str, label: str, reader: TableReader) -> None:
        """A row with items of its own becomes the parent, unless it is itself an item of the parent."""
        self.previous = concept
        self.seen.add(concept)
        self.votes.update(reader.ctx.networks.get(concept, ()))
        if concept == self.parent:
            if self.by_caption:  # "Total" under "Network services:" closes the group
                self.parent, self.parent_label = None, ""
            return
        if concept not in reader.ctx.descendants(self.parent):  # the group above has ended
            self.parent, self.parent_label = None, ""
            if reader.ctx.children.get(concept):
                self.parent, self.parent_label, self.by_caption = concept, label, False


def _spanning(cells_: list[Cell], fiscal_year: int | None) -> list[str]:
    """A header row's texts, a group header ("% of Revenues") repeated over the empty cells it spans; a
    period is not repeated (its column's neighbour may be a change column)."""
    texts, carry = [], ""
    for i, cell in enumerate(cells_):
        if cell.text:
            carry = "" if i == 0 or periods.find(cell.text, fiscal_year) else cell.text
            texts.append(cell.text)
        else:
            texts.append(carry)
    return texts


def _left(row: Row, figure_cells: list[Cell], reason: str, candidates: tuple[str, ...] = ()) -> Iterator[Pending]:
    for cell in figure_cells:
        for start, _, token in cell.tokens:
            yield Pending(row.number, start, token, reason, candidates)


def _row_units(label: str) -> list[str | None]:
    """Units a row label lists for its columns: "(JPY / U.S. Dollars / JPY)"."""
    m = re.search(r"\(([^()]*/[^()]*)\)", label)
    if m is None:
        return []
    return [scale.of_cell(part) or ("JPY" if re.search(r"\bJPY\b", part) else None) for part in m.group(1).split("/")]


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _confidence(match) -> float:
    """Confidence of a row or column label match: its score, much less when another concept tied with it."""
    if match.concept is None:
        return 0.0
    base = match.score / 100
    if not match.decisive:
        base -= 0.25
    elif match.score - match.runner_up < 15:
        base -= 0.03
    return max(0.0, min(1.0, base))


def _clean_label(label: str) -> str:
    label = strip_bullet(label)
    return re.sub(r"\((?:shares|ADSs|JPY[^)]*)\)", " ", label)


def _strip_units(text: str) -> str:
    return re.sub(r"\bJPY\s+millions?\b|\bJPY\b|%|\bthousands of JPY\b", " ", text, flags=re.I)


def _before_to(text: str) -> str:
    """"YoY (Revised FY10 to FY09 Actual)": the scenario of the later side."""
    return re.split(r"\bto\b", text, maxsplit=1)[0]

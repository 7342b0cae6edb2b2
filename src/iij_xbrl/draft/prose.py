"""Prose -> facts: bullets and sentences such as "Revenues JPY51,109 million (up 8.3% YoY)",
"Gross margin ratio: 18.8% (down 1.5 pt. YoY)", "cash and cash equivalents decreased by JPY1,866 million",
"Income tax expense was JPY1,251 million (JPY1,055 million for 1H11)", "Over 1Gbps contracts as of Dec. 31,
2013: 263 (Sep. 30, 2013: 255)".

For every figure: its subject (the phrase before "was", ":", a tab or "increased by", else the subject of
the figure before it, of the bullet's head line or of the sub-heading), its measure (amount with the scale
word after it, percent, percentage points, a count of something), its role (a level, a change against the
previous year or quarter or a balance date, a share of revenues) and its period (printed next to it, else
in the sentence, the bullet, the slide's "YoY = 2Q12 compared to 2Q11", the caption, the reporting period).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

from iij_xbrl.model import Period

from iij_xbrl.taxonomy import signs as conventions

from . import acquisitions, periods, revisions, scale, scenario, signs, wording
from .context import Context
from .layout import _BULLET, strip_bullet, token_spans
from .proposal import Pending, Proposal
from .vocabulary import SUFFIXES as vocabulary_suffixes, norm

_SKIP = [
    (re.compile(r"forward[- ]looking|statements made in this", re.I), "outlook"),
    (re.compile(r"\bTEL\b|\bFAX\b|E-?mail\s*:|@\w|https?:|\bURL\b|Bldg\.|Chiyoda-ku", re.I), "contact"),
    (re.compile(r"copyright", re.I), "page-or-section-number"),
    (re.compile(r"\b1\s*:\s*200\b|stock split", re.I), "split-ratio"),
    (re.compile(r"translated from yen|per U\.?S\.?\$|noon buying rate", re.I), "usd-translation"),
]
_SENTENCE = re.compile(r"(?<=[A-Za-z0-9)%\]])(?<!\b[A-Z])(?<!\bInc)(?<!\bCo)(?<!\bNo)(?<!approx)(?<!Approx)(?<!\bvs)(?<!i\.e)(?<!e\.g)\.\s+(?=[A-Z\"“(])|;\s+")
_LINK = re.compile(r"(?::|\t|\b(?:was|were|is|are|reach(?:es|ed|ing)?|totaled|totaling|amounted to|stood at|of)\b)\s*"
                   r"(?:(?:approx(?:imately|\.)?|about|around|almost|over|an?)\s*)*(?:JPY\s*)?$", re.I)
_DIRECTION = re.compile(r"(?:\b(?:up|down|increased|decreased|increase|decrease|increasing|decreasing|rose|fell|grew"
                        r"|declined|plus|minus)\b"
                        r"(?:\s+by)?)[\s:]*(?:(?:approx(?:imately|\.)?|about|around)\s*)?(?:JPY\s*)?$", re.I)
_MOVED_IN = re.compile(r"\b(?:increase|decrease|growth|rise|decline|fall)s?\s+(?:in|of)\b", re.I)
_APPROX = re.compile(r"\b(?:approx(?:imately|\.)?|about|around|almost|nearly)\s*(?:JPY\s*)?$", re.I)
_COUNT_NOUN = re.compile(r"^\s*\**\s*(?:(?:new(?:ly)?|corporate|blue-chip)\s+)?(?P<noun>contracts?|personnel|employees?"
                         r"|ATMs?|clients?|customers?|projects?|lines|graduates?|newly graduates"
                         r"|services?(?:\s*(?:&|and)\s*solutions?)?|shares|companies|users|subscribers)\b",
                         re.I)
_POINTS = re.compile(r"^\s*(?:percentage\s+)?(?:points?|pts?\.?|pt\.?)(?!\w)", re.I)
_YOY = re.compile(wording.YOY + r"|from the same (?:time )?period", re.I)
_QOQ = re.compile(wording.QOQ + r"|from the previous quarter|from \dQ\d\d", re.I)
_SHARE = re.compile(r"^\s*(?:%\s*)?of\s+(?:\S+\s+){0,4}?(?:total\s+)?(?:revenues?|sales)\b", re.I)
_SHARE_BEFORE = re.compile(r"%\s*of\s+(?:total\s+)?revenues?\s+(?:was|were|is)\s*$", re.I)
_FILLER = re.compile(r"(?:the|a|an|its|our|balance|amount|mainly|respectively|also|as|for|in|of|and|while|at"
                     r"|compared|to|with|from|which|were|was|is|are|by|due|that|etc\.?|million|billion|thousand|yen"
                     r"|JPY|YoY|QoQ|up|down|approx\.?|approximately|about|around|points?|pts?\.?|respective"
                     r"|increased|decreased|increasing|decreasing|constantly|steadily|resulted|resulting|each"
                     r"|slightly|further|recognized|there|were|this|these|those|be|been|has|have|had|all|both|forecasts?|targets?"
                     r"|plans?|planned|estimates?|financial|full|but|breakdown)", re.I)
_ARROW = re.compile(r"(?:->|→|⇒)\s*$")
_SECTION_PERIOD = re.compile(r"\b(?:YoY|QoQ)\s*=\s*(?P<text>.+?)\s+compared\s+to\b", re.I)
_HEAD = re.compile(r"(?::|\b(?:was|were))\s*\**\s*$")
# "(4 months)" right after a figure and its period: the months the figure covers
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11}
_MONTHS_COVERED = re.compile(r"^\s*(?:million|billion|thousand)?\s*(?:(?:in|for)\s+[\w\s.]{2,12}?\s*)?"
                             r"(?P<months>\(\s*(?P<n>\d{1,2}|" + "|".join(_COUNT_WORDS) + r")\s+months?\s*\))", re.I)
_QUARTER_END_WORDS = r"[1-4]Q[- ]?end|year[- ]end|interim"
# what happened to what a count counts ("785 ATMs were placed", "acquisition of 1,600 corporate clients")
_DONE_WORDS = r"placed|hired|hire|acquired|acquire|acquisition|introduced|opened"
_DONE = re.compile(r"\b(?:" + _DONE_WORDS + r"|successfully|completed)\b", re.I)
_DONE_AS = {"hire": "hired", "acquire": "acquired", "acquisition": "acquired"}
# two subjects sharing a qualifier ("Revenue and OP related to IIJ-GS"); "order backlog for systems
# construction and equipment sales" shares none
_SHARED = re.compile(r"^(?P<a>[A-Za-z&/\- ]+?)\s+and\s+(?P<b>[A-Za-z&/\-]+(?:\s+[A-Za-z&/\-]+)?)"
                     r"(?P<tail>\s+(?:related\s+to|of|for|from)\s+.+)$")
_BREAKDOWN = re.compile(r"\bbreakdown\b", re.I)
_MOVED = re.compile(r"\b(?:increased|decreased|rose|fell|grew|declined|up|down)\b", re.I)
_CAUSE = re.compile(r"\b(?:mainly\s+|largely\s+)?(?:due to|along with|resulting from|because of|affected by)\b", re.I)
_PAST = re.compile(r"\b(?:hired|placed|acquired|completed|recorded|as planned)\b", re.I)  # done: not a plan
# Data types a figure can have, by (measure, role): an amount is money, a count an integer, ...
_TYPES = {
    ("amount", ""): {"monetary", "perShare"},
    ("bare", ""): {"monetary", "perShare", "integer"},
    ("count", ""): {"integer", "shares", "decimal"},
    ("percent", "level"): {"percent"},
    ("percent", "share"): {"monetary", "percent"},
    ("percent", "change"): {"monetary", "perShare", "integer", "decimal"},
    ("points", ""): {"percent"},
}
_PLANNED = re.compile(r"\b(?:planning|plans?|expect(?:ing)?)\s+to\s+hire\s*$", re.I)  # "Planning to hire 130 ..."
_BOLD_TOPIC = re.compile(r"^[\s\-–•·▪●◆◇■□➤➢>▶✓※]*\*\*(?P<topic>[^*\d]+?)\*\*(?=\s+\S)")
_LIST_NUMBER = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}\))\s+(?=[A-Za-z])")
_TARGET_CHANGE = re.compile(r"\bchange\s+from\s+(?:the\s+)?(?:previous|initial|original)\s+(?:target|plan|forecast)s?\b", re.I)
_REVISION_TITLE = re.compile(r"\brevis(?:ed|ion)\b.*\b(?:target|plan|forecast)|\b(?:target|plan|forecast)s?\b.*\brevis", re.I)
_CHANGE_LABEL = re.compile(r"\b(?:change|revision|shortfall)\b|increase \(decrease\)", re.I)
_COMPARED = re.compile(r"\b(?:compared\s+(?:to|with)|from|than|against|vs\.?)\b[^,.;()]{0,45}$", re.I)
# what follows the previous figure belongs to it ("192 personnel YoY", "JPY521 million YoY")
_LEAD = re.compile(r"^\s*(?:million|billion|thousand|yen|%|points?|pts?\.?|pt\.?|contracts?|personnel|employees?|ATMs?"
                   r"|(?:(?:corporate|blue-chip)\s+)?(?:clients?|customers?)|projects?|lines|new(?:ly)? graduates)\b(?:\s+in\s+[a-z][^,.;()]*?(?=,|\band\b|$))?",
                   re.I)


@dataclass
class _State:
    section: str = ""
    section_period: Period | None = None  # "YoY = 2Q12 compared to 2Q11"
    section_qoq: bool = False
    section_chart: Period | None = None  # the last quarter of a chart's axis on the slide ("1Q07 ... 2Q08")
    caption_period: Period | None = None  # "< 1H FY2012 Financial Results >", "1H12 Operating Activities:"
    head: str = ""  # subject of the bullet a continuation line belongs to ("◆ SG&A Expenses were:")
    head_period: Period | None = None
    head_indent: int = -1  # indentation of the head's bullet (-2: a colon head, for every bullet below it)
    head_line: int = 0  # the line of a colon head
    acquisition: bool = False  # the text speaks of an acquired company (acquisitions module) since its last mention
    mentioned: bool = False  # the line names an acquired company
    head_basis: str = ""  # "QoQ" / "YoY" the head states: its sub-bullets' changes compare the same way
    caption_scenario: str | None = None  # "(Previous Target)", "<Original Target>"
    caption_scenario_used: bool = False
    subheading: str = ""  # "Systems Construction", "<Systems construction>"
    carry: str = ""  # subject of the last figure of the line above, for a line opening with "("
    carry_period: Period | None = None  # and its period
    carry_amount: bool = False  # whether that figure was an amount (a "(14.0%)" under it is its share)
    table_caption: str = ""  # caption of the table a handed-over row comes from
    anchor: tuple | None = None  # (tab cell, period, why, scenario) of the last level figure of the line
    last_period: Period | None = None  # period and measure of the last figure drafted on the line
    last_amount: bool = False
    last_role: tuple = ()  # role and basis of the last figure of the line
    sentence_subjects: str = ""  # the subjects before, in the sentence ("Gross margin for network services ...")
    topic: str = ""  # the first subject of a paragraph ("Cost of Equipment Sales revenues was ... Gross margin was")
    revised: set = field(default_factory=set)  # concepts whose previous target a revision slide printed
    used_periods: tuple = ()  # spans of periods that belong to figures before ("JPY3,234 million for 1H11")


class ProseReader:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._section_periods = self._section_defaults()

    def _listed_labels(self, table_lines: set[int]) -> dict[int, str]:
        """A slide flattened to text: k label lines in a row (no figures), then k lines holding one bare amount
        each ("- New subsidiaries related:" ... "JPY585 million"): the amounts in the labels' order."""
        doc, out = self.ctx.doc, {}
        number, last = 1, len(doc.lines)
        while number <= last:
            run = []
            while number <= last and number not in table_lines and doc.text(number).strip() \
                    and not token_spans(doc.text(number)) and not doc.is_heading(number):
                run.append(number)
                number += 1
            amounts = []
            n = number
            while n <= last and n not in table_lines and len(amounts) < len(run):
                text = doc.text(n)
                spans = token_spans(text)
                if not text.strip():
                    n += 1
                    continue
                bare = len(spans) == 1 and not _content(text[:spans[0][0]] + text[spans[0][1]:]) \
                    and re.match(r"^\s*(?:million|billion|thousand)\b", text[spans[0][1]:])
                if not bare:
                    break
                amounts.append(n)
                n += 1
            if len(run) >= 2 and len(amounts) == len(run):
                out.update((a, strip_bullet(doc.text(r))) for r, a in zip(run, amounts))
            number = max(number + 1, n if len(amounts) == len(run) and run else number + 1)
        return out

    def _section_defaults(self) -> dict[str, tuple[Period | None, bool, Period | None]]:
        """Per section heading: the period its "YoY = 2Q12 compared to 2Q11" names, whether it compares QoQ, and
        the last quarter of a chart axis it prints (a line of three or more quarter labels and nothing else)."""
        found: dict[str, tuple[Period | None, bool, Period | None]] = {}
        doc = self.ctx.doc
        for number, text in enumerate(doc.lines, start=1):
            section = doc.heading(number)
            period, qoq, chart = found.get(section, (None, False, None))
            m = _SECTION_PERIOD.search(text)
            if m and period is None:
                hits = periods.find(m["text"], doc.fiscal_year)
                period = hits[0].period if hits else None
            axis = periods.find(text, doc.fiscal_year) if number not in doc.table_lines else []
            if len(axis) >= 3 and not re.sub(r"\s+", "", "".join(text[a.end:b.start] for a, b in zip(axis, axis[1:]))) \
                    and not (text[:axis[0].start] + text[axis[-1].end:]).strip() \
                    and all(periods.quarter_ending(f.period.end) == f.period for f in axis):
                chart = axis[-1].period
            found[section] = (period, qoq or bool(re.search(r"\bQoQ\b", text)), chart)
        return found

    def read(self, table_lines: Iterable[int], from_offset: dict[int, tuple[int, str]]) -> Iterator[Proposal | Pending]:
        """Every line outside tables, and the table rows (from an offset) the table reader handed over."""
        skip = set(table_lines) - set(from_offset)
        doc = self.ctx.doc
        state = _State()
        self._listed = self._listed_labels(set(table_lines))
        self._acquired = acquisitions.Acquired.of(doc.lines, doc.fiscal_year)
        self._directions = revisions.directions(doc)
        for number, text in enumerate(doc.lines, start=1):
            section = doc.heading(number)
            if section != state.section:
                state = _State(section, *self._section_periods.get(section, (None, False)))
            if self._acquired.names:
                state.mentioned = self._acquired.mentions(text)
                state.acquisition = state.mentioned or state.acquisition and not self._new_topic(text)
            if number in skip:
                continue
            spans = token_spans(text)
            stripped = strip_bullet(text)
            if not spans:
                if not stripped and state.caption_scenario_used:
                    state.caption_scenario, state.caption_scenario_used = None, False
                self._note(number, text, stripped, state)
                continue
            reason = self._skipped(number, text)
            if reason:
                for start, _, token in spans:
                    yield Pending(number, start, token, reason)
                continue
            listed = _LIST_NUMBER.match(text)
            if listed and spans[0][0] < listed.end():  # "1) The number of treasury stock:": a list number
                yield Pending(number, spans[0][0], spans[0][2], "page-or-section-number")
                spans = spans[1:]
                if not spans:
                    self._note(number, text[listed.end():], text[listed.end():].strip(), state)
                    continue
            offset, state.table_caption = from_offset.get(number, (0, ""))
            yield from self._line(number, text, [t for t in spans if t[0] >= offset], state, offset)

    @staticmethod
    def _new_topic(text: str) -> bool:
        """A line that opens another topic: a marked point ("◆ ..."), a title of its own (not a bracketed
        sub-caption such as "<Outline of acquisition>" or "(B/S)")."""
        stripped = text.strip()
        if re.match(r"^[\s\-–•]*[◆●■]", text):
            return True
        return bool(stripped) and not token_spans(stripped) and not _BULLET.match(text) and stripped[0] not in "<([" \
            and len(stripped.split()) <= 8 and not stripped.endswith(":")

    def _skipped(self, number: int, text: str) -> str | None:
        if self.ctx.doc.is_heading(number) or re.match(r"^\s*(?:[IVXⅠ-Ⅻ]+\s*)?[-.]?\s*\d+\s*\.\s", text):
            if len(token_spans(text)) <= 2:
                return "page-or-section-number"
        for pattern, reason in _SKIP:
            if pattern.search(text):
                return reason
        return None

    def _note(self, number: int, text: str, stripped: str, state: _State) -> None:
        """A line without figures: a caption with a period, a bullet head ("Cost of SI revenue were:"), a sub-heading."""
        if not stripped or scale.unit_line(stripped) or _SECTION_PERIOD.search(stripped):
            return
        found = periods.find(stripped, self.ctx.doc.fiscal_year)
        subject = _subject(_remove_periods(stripped, found))
        named = scenario.of_text(stripped)
        if named not in (None, scenario.ACTUAL) and len(stripped.split()) <= 4:
            state.caption_scenario = named  # "(Previous Target)" above the figures it heads
            return
        if _HEAD.search(stripped) or re.match(r"^\s*[◆■●]", text) and len(stripped.split()) <= 8:
            # "FY12 Operating Income: 7,753 / Net income attributable to IIJ: 5,301": a colon head without a
            # period continues the period of the colon head before it
            continued = state.head_period if state.head and state.head_indent == -2 and _HEAD.search(stripped) else None
            state.head, state.head_indent = subject, -2  # a colon head or a marked topic heads every bullet below
            state.head_basis, state.head_line = _basis_of(stripped), number
            state.caption_scenario = None
            state.head_period = found[0].period if len(found) == 1 else None if found else continued
            if len(found) == 1 and not subject:
                state.caption_period = found[0].period
            return
        bare = re.sub(r"[<>«»()\[\]:]", " ", stripped).strip()
        if stripped == found[0].text if found else False:
            return  # "1Q07" alone: a chart's axis label
        if len(found) == 1 and (len(stripped.split()) <= 10 and not _BULLET.match(text) or bare == found[0].text):
            state.caption_period = found[0].period
            state.head, state.head_period, state.head_indent = "", None, -1
            return
        if (len(stripped.split()) <= 6 and not _BULLET.match(text) and not stripped.endswith(".")
                and not re.search(r"\b(?:was|were|is|are|has|have|will|to)\b", stripped, re.I)):
            state.subheading = subject
            state.head, state.head_period, state.head_indent = "", None, -1

    # ---- one line --------------------------------------------------------------------------------
    def _line(self, number: int, text: str, spans: list[tuple[int, int, str]], state: _State,
              offset: int = 0) -> Iterator[Proposal | Pending]:
        ctx = self.ctx
        spans = self._names(text, spans)
        if not spans:  # "- Revision to 4 new subsidiaries revenue:": a line without figures of its own
            self._note(number, text, strip_bullet(text), state)
            return
        line_periods = periods.find(text, ctx.doc.fiscal_year)
        indent = _indent(text)
        if _BULLET.match(text) and 0 <= state.head_indent and indent <= state.head_indent:
            state.head, state.head_period, state.head_indent = "", None, -1  # a sibling: the head above is not ours
        sentence_starts = [offset] + [m.end() for m in _SENTENCE.finditer(text) if m.end() > offset]
        subject, subject_from = "", ""
        line_subject = ""
        previous_end = offset
        state.anchor, state.used_periods, state.sentence_subjects, state.topic = None, (), "", ""
        bold = _BOLD_TOPIC.match(text)
        if bold:  # "- **Strong systems construction** 1Q-3Q FY13 revenue +19.8% YoY": the topic of the line
            state.topic = bold["topic"]
        continuing = text.lstrip().startswith("(")
        state.last_period = state.carry_period if continuing else None
        state.last_amount = state.carry_amount if continuing else False
        state.last_role = ()
        pairs = ""  # the second subject of "A and B ...: a, b"
        for index, (start, end, token) in enumerate(spans):
            sentence = max(s for s in sentence_starts if s <= start)
            if sentence > previous_end:
                subject, previous_end, state.sentence_subjects = "", sentence, ""
            before_all = text[sentence:start]
            local = _LEAD.sub(" ", text[previous_end:start]) if previous_end > sentence else text[previous_end:start]
            after = text[end: spans[index + 1][0] if index + 1 < len(spans) else len(text)]
            previous_end = end
            # subject: the phrase before the link word, else the figure before it, else the bullet head
            found, own = self._subject_before(local, token.startswith(("JPY", "+")))
            if found and not _content(_DONE.sub(" ", found)):
                found = ""  # "Successfully completed the acquisition of 1,600 corporate clients": what was done
            if found and self._acquired.names and not self._acquired.without(found) and subject:
                found = f"{subject} {found}"  # "Goodwill: JPY3,397 million (IIJ-GS JPY857 million)": its part
            shared = _SHARED.match(found) if found else None
            if number in self._listed:
                subject, subject_from = _subject(self._listed[number]), "listed label"
            elif shared and index + 1 < len(spans) and not _content(after):
                # "Revenue and OP related to IIJ-GS: JPY2.2 billion, JPY0.3 billion": one subject each, in order
                subject, subject_from, pairs = shared["a"] + shared["tail"], "sentence", shared["b"] + shared["tail"]
            elif pairs and not found:
                subject, subject_from, pairs = pairs, "sentence", ""
            elif found:
                subject, subject_from = found, "sentence"
            elif not subject and state.head and state.head_indent == -2 and not _content(
                    _blank_periods(before_all, ctx.doc.fiscal_year)) and [f for f in line_periods if f.end <= start]:
                subject, subject_from = state.head, "bullet head"  # "As of March 31, 2012: 758,800 shares" under its head
            elif (not subject or subject_from == "counted") and len(_content(_DONE.sub(" ", _PLANNED.sub(
                    " ", _blank_periods(local, ctx.doc.fiscal_year))))) <= 1:
                counted = _COUNT_NOUN.match(after)
                if counted:  # "785 ATMs were placed", "Hired 75 newly graduates": what is counted, what happened
                    done = re.match(r"^\s*(?:were|was)?\s*(" + _DONE_WORDS + r")\b", after[counted.end():], re.I) \
                        or re.search(r"\b(" + _DONE_WORDS + r")\b", before_all, re.I) or re.search(
                        r"\b(?:planning|plans?|expect(?:ing)?)\s+to\s+(hire)\s*$", before_all, re.I)
                    happened = _DONE_AS.get(done[1].lower(), done[1].lower()) if done else ""
                    subject, subject_from = counted.group().strip() + " " + happened, "counted"
                    # a count acquired with a company the text speaks of: at the acquisition
                    acquired = happened == "acquired" and (state.acquisition or state.mentioned)
                    dated = [f for f in line_periods if f.start > start or start - len(local) <= f.start]
                    if not dated and not periods.months(text[start:]) and not periods.months(local) \
                            and not acquired:  # "(Apr. 2011: 44 newly graduates)", "FY2008: 92 newly graduates"
                        yield Pending(number, start, token, "a count with no date of its own")
                        continue
                elif _content(_blank_periods(before_all, ctx.doc.fiscal_year)):
                    pass  # "Increased 186 employees ...": a word of its own, not a continuation
                elif state.carry and text.lstrip().startswith("("):
                    subject, subject_from = state.carry, "line above"
                elif state.table_caption and not _content(_blank_periods(text[:start], ctx.doc.fiscal_year)):
                    subject, subject_from = state.table_caption, "table caption"
                elif state.head and state.head_line == self._above(number) and _REVISION_TITLE.search(state.section):
                    subject, subject_from = state.head, "bullet head"  # a factor printed under its colon head
                elif state.subheading and not _BULLET.match(text) and _REVISION_TITLE.search(state.section):
                    subject, subject_from = state.subheading, "sub-heading"  # a revision slide's bare amounts
                elif state.head:
                    subject, subject_from = state.head, "bullet head"
                elif state.subheading:
                    subject, subject_from = state.subheading, "sub-heading"
                elif _heading_words(state.section):
                    subject, subject_from = _heading_words(state.section), "section heading"
            if not subject:
                yield Pending(number, start, token, "no subject for the figure")
                continue
            if subject_from == "sentence" and index == 0 or not line_subject:
                line_subject = subject
            if found and found not in state.sentence_subjects:
                state.sentence_subjects += " " + found
            if found and not state.topic and sentence > offset:
                state.topic = line_subject  # a second sentence: the paragraph's first subject is its topic
            figure = self._figure(number, text, start, token, before_all, local, after, subject, subject_from,
                                  line_periods, state, text[end:])
            yield figure
            if isinstance(figure, Proposal):
                yield from self._months_of(figure, after)
        state.carry = subject
        state.carry_period, state.carry_amount = state.last_period, state.last_amount
        if line_subject and _BULLET.match(text) and state.head_indent == -1:
            state.head, state.head_indent, state.head_basis = line_subject, indent, _basis_of(text)
            leading = [f for f in line_periods if spans and f.end <= spans[0][0]]
            state.head_period = leading[0].period if len(leading) == 1 else None

    def _names(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop tokens that are part of a name ("over 1Gbps contracts", "4 new subsidiaries"): they are
        no figures of their own, and the name must stay whole for the figure after it."""
        kept = []
        for start, end, token in spans:
            before, after = text[:start], text[end:]
            if re.search(r"(?:over|for)\s*$", before, re.I) and re.search(r"gb?ps", token + after[:4], re.I):
                continue
            if re.fullmatch(r"\d{1,2}", token) and re.search(r"\(\s*$", before) and re.match(r"^\s*months?\)", after):
                continue  # "(3 months)": the span a figure covers
            if re.fullmatch(r"\d", token) and re.match(r"^\s+(?:new|large|certain)?\s*[a-z]+", after) and \
                    re.search(r"(?:\b(?:from|of|for|by|with|in|to)|\()\s*$", before, re.I):
                continue
            kept.append((start, end, token))
        return kept

    def _match(self, subject: str, subject_from: str, state: _State, measure: str = "", role: str = "",
               unit: str | None = None):
        """The concept a subject names, among those a figure of this measure and role can belong to."""
        ctx = self.ctx
        vocabulary = ctx.vocabulary
        allowed = _TYPES.get((measure, role)) or _TYPES.get((measure, ""))
        if measure == "amount" and unit and unit.startswith("JPY "):
            allowed = {"monetary"}  # "JPY355 million": not a per-share amount

        def accept(name: str) -> bool:
            if vocabulary.base_of(name) is not None:
                return False
            return allowed is None or ctx.concept(name).data_type in allowed or (
                name.endswith(vocabulary_suffixes) and measure != "count")

        if self._acquired.names and self._acquired.mentions(subject):
            # "Revenue and operating income related to IIJ-GS": the acquired company's own figures
            subject, company = self._acquired.without(subject), [self._acquired.words()]
        else:
            company = []
        # the sentence's earlier subjects and the paragraph's topic complete a subject before the bullet head,
        # the sub-heading and the table caption do ("Gross margin of SI: ..., Gross margin ratio: down 2.0
        # points" under a head about network services)
        context = [state.sentence_subjects, state.topic, *company]
        structure = [state.head if subject_from in ("sentence", "line above") else "", state.subheading,
                     state.table_caption, acquisitions.WORDS if state.acquisition and not company else ""]
        alone = vocabulary.match(subject, accept=accept, outright=False)
        if alone.concept and alone.score >= 100 and alone.decisive:
            context[0] = _related(state.sentence_subjects, subject)  # named outright: no parallel subject completes it
        # a bare counted noun ("Approx. 119,000 contracts") may be what the line above counts
        background = [_heading_words(state.section), state.carry if subject_from == "counted" else ""]
        match = vocabulary.match(subject, context=context, structure=structure, background=background, accept=accept,
                                 outright=False)
        moved = re.match(r"^\s*(?:increase|decrease|change)s?\s+in\s+(?P<rest>.+)$", subject, re.I)
        if (match.concept is None or match.score < 80) and moved and role == "change":
            # "Increase in depreciation and amortization: plus JPY961 million": a change of what follows
            second = self._match(moved["rest"], subject_from, state, measure, role, unit)
            if second.concept and second.score > match.score:
                return second
        bare = re.sub(r"\([^()]*\)?", " ", subject)
        if (match.concept is None or match.score < 80) and bare.strip() and bare != subject:
            # "Cloud related (Matsue Container DC)": the parenthesis qualifies, the words before name it
            second = vocabulary.match(bare, context=context, structure=structure,
                                      background=[_heading_words(state.section)], accept=accept, outright=False)
            if second.concept and second.score > match.score:
                return second
        return match

    def _link_at(self, local: str) -> int:
        """Where the words after the subject start: its link (":", "was", "increased by")."""
        text = re.sub(r"\([^()]*\d[^()]*\)", lambda m: " " * len(m.group()), local)
        m = _LINK.search(text) or _DIRECTION.search(text)
        return m.start() if m else 0

    def _subject_before(self, local: str, jpy: bool = False) -> tuple[str, bool]:
        """The subject of the clause leading to a figure: the words before its link (":", "was", "of JPY",
        "increased by", a tab, or the "JPY" itself), and whether the clause has words of its own."""
        text = re.sub(r"\([^()]*\d[^()]*\)", " ", local)  # closed parentheses with figures: other figures' notes
        text = _BOLD_TOPIC.sub(lambda m: m.group()[: m.start("topic") - m.start() - 2] + " " * (len(m["topic"]) + 4),
                               text)  # a bold topic heads the line; it is context, not the subject
        if text.count("(") > text.count(")"):
            outside, inside = text.rsplit("(", 1)  # the figure sits in an open parenthesis: "(up 8.3% YoY",
            # "(Gross margin ratio: 21.2%)" names its own subject; "(Full Year Target of JPY2,000" does not
            text = inside if _content(_DIRECTION.sub(" ", _blank_periods(inside, self.ctx.doc.fiscal_year))) else outside
            moved = _MOVED_IN.split(text)
            if text == outside and len(moved) > 1 and _content(moved[-1]) and not _LINK.search(text):
                # "the increase in over 1Gbps connectivity (up 15 contracts YoY)": what increased, by how much
                return _subject(moved[-1]), True
        text = _blank_periods(text, self.ctx.doc.fiscal_year)
        text = re.sub(r"(?:the\s+)?%\s*of\s+(?:total\s+)?revenues?", " ", text, flags=re.I)  # a share's words
        m = _LINK.search(text) or _DIRECTION.search(text) or (re.search(r"\s$", text) if jpy else None)
        own = bool(_content(text))
        if m is None:
            return "", own
        head = _DIRECTION.sub(" ", text[: m.start()])
        pieces = [p for p in re.split(r",|:|\bmainly due to\b|\bcompared to\b|\bwhile\b|\bwhich\b", head) if p.strip()]
        while len(pieces) > 1 and re.match(r"^\s*an?\s", pieces[-1] + " "):
            pieces.pop()  # an apposition ("Systems construction revenue, a one-time revenue, was")
        if not pieces:
            return "", own
        cause = _CAUSE.search(pieces[-1])
        if cause:  # "cost increased due to business expansion YoY of 13.7%": the cause is not the subject,
            before = pieces[-1][: cause.start()]  # unless nothing else is ("mainly due to payments for ... of")
            pieces[-1] = before if _content(before) else pieces[-1][cause.end():]
        last = _subject(pieces[-1])
        while not last and len(pieces) > 1 and (re.fullmatch(r"[\s•·▪\-–]*(?:(?:end|as)\s+of\b)?\s*", pieces[-1])
                                                or not _content(pieces[-1])):
            # "Equity ratio: • end of Sep 2010: 42.1%": a date between the subject and its figure
            pieces.pop()
            last = _subject(pieces[-1])
        if len(pieces) > 1 and last:
            # "Proceeds from issuance of common stock, net of issuance cost", "Connectivity services for
            # corporate use: Revenues": the piece before may complete the name
            joined = _subject(" ".join(pieces[-2:]))
            if joined != last and self.ctx.vocabulary.match(joined).score >= max(80.0, self.ctx.vocabulary.match(last).score):
                return joined, own
        return last, own

    def _figure(self, number: int, text: str, start: int, token: str, before_all: str, local: str, after: str,
                subject: str, subject_from: str, line_periods: list, state: _State, rest: str) -> Proposal | Pending:
        ctx = self.ctx
        if re.search(r"(?:\$|US\$|U\.S\.\s*dollars?)\s*$", local, re.I):
            return Pending(number, start, token, "usd-translation")
        if re.match(r"^\s*(?:million|billion|thousand)?\s*(?:per|a)\s+month\b", after, re.I):
            return Pending(number, start, token, "month-period: a monthly figure")
        measure, unit = self._measure(token, local, after, subject, rest)
        if measure is None:
            return Pending(number, start, token, f"no unit or measure for the figure (subject {subject!r})")
        role, basis = self._role(token, local, after, before_all, measure)
        if basis == "other":  # "up JPY1,324 million compared to 2Q06" in a 2Q08 document: a two-year change
            since = re.search(r"\bcompared\s+(?:to|with)\s+(.{0,24})", after[:40] + " " + local[-40:], re.I)
            found = periods.find(since[1], ctx.doc.fiscal_year) if since else []
            reporting = ctx.doc.reporting_period
            if found and reporting and periods.calendar.shift(found[0].period, 24).end == reporting.end:
                basis = "TwoYear"
            elif found and reporting and not reporting.is_instant and found[0].period.end == periods.opening(reporting).end:
                # "Increased 186 employees compared to FY2007" in a 1H08 document: a balance's movement since
                # that year's end, over the reporting period
                basis = "since"
        revision = bool(_TARGET_CHANGE.search(local))
        if revision:  # "change from previous target: down JPY1.3 billion" under "Revenues"
            subject, subject_from = (state.subheading, "sub-heading") if state.subheading else (state.head, "bullet head")
            role, basis = "change", "target"
            if not subject:
                return Pending(number, start, token, "no subject for a target revision")
        if measure in ("amount", "bare") and not revision:
            factor = self._factor(number, text, start, token, local, before_all, after, subject, subject_from,
                                  line_periods, state, measure, unit)
            if factor is not None:
                return factor
        listed = periods.find(local, ctx.doc.fiscal_year)
        if role == "level" and state.last_role and state.last_role[0] == "change" and subject_from == "sentence" \
                and listed and re.fullmatch(r"[\s,;]*(?:and\s+)?:?\s*(?:approx(?:imately|\.)?\s*)?",
                                            _blank_periods(local, ctx.doc.fiscal_year).replace(":", " ")):
            role, basis = state.last_role  # "increasing by 4Q11: approx. 6,500, 1Q12: approx. 13,800": a list
        # a change listed after another change of the sentence ("increased by 67.1% YoY and 3.4% QoQ") has its
        # direction word
        listing = bool(state.last_role) and state.last_role[0] == "change" == role
        state.last_role = (role, basis)
        if measure == "percent" and role == "level" and subject_from == "line above" and state.carry_amount \
                and (re.fullmatch(r"\s*\(\s*", local) and re.match(r"^\s*\)", after)
                     or token.startswith("(") and token.endswith(")") and not local.strip()):
            role = "share"  # "FY11: 13,635" then "(14.0%)": its share of revenues, as the slides print it
        if role == "change" and not basis and subject_from != "sentence" or role == "change" and not basis and state.head_basis:
            basis = state.head_basis
        marker = periods.quarter_end(subject)  # "interim period cash dividend", "year-end cash dividend"
        if marker:
            subject = (subject[: marker.start()] + " " + subject[marker.end():]).strip()
        match = self._match(subject, subject_from, state, measure, role, unit)
        post = re.match(r"^\s*(?:million|billion|thousand)?\s+in\s+(?P<noun>[a-z][^,.;()]*?)\s*(?=,|\band\b|\.|$)", after)
        if post:  # "The breakdown of other investments were JPY2,060 million in nonmarketable equity securities"
            part = self._match(f"{subject} {post['noun']}", subject_from, state, measure, role, unit)
            if (part.concept is None or part.score < 90) and _BREAKDOWN.search(before_all):
                part = self._match(post["noun"], subject_from, state, measure, role, unit)  # "... in goodwill"
            if part.concept and part.score >= 90 and part.decisive:
                match = part
        if re.match(r"^\s*per\s+share\b", after, re.I) and (match.concept is None or match.score < 90):
            better = self._match(f"{subject} per share", subject_from, state, measure, role, unit)
            if better.concept and better.score > match.score:  # "interim period cash dividend: JPY1,250 per share"
                match = better
        noun = _COUNT_NOUN.match(after)
        if measure == "count" and noun and (match.concept is None or match.score < 90):
            # "Hired 60 newly graduates": the counted noun completes the subject
            better = self._match(f"{noun.group().strip()} {subject}", subject_from, state, measure, role, unit)
            if better.concept and better.score > match.score:
                match = better
        segment = "Consolidated"
        if match.concept is None or match.score < 80:
            split = ctx.vocabulary.without_segment(subject)  # "SG&A related to the ATM operation business"
            if split:
                part = self._match(split[1], subject_from, state, measure, role, unit)
                if part.concept and part.score >= 90 and part.decisive:
                    match, segment = part, split[0]
        if match.concept is None or match.score < 70:
            return Pending(number, start, token, f"no concept for {subject!r}",
                           tuple(c for c, _ in match.candidates[:3]))
        concept = self._derive(match.concept, role, basis, measure)
        if concept is None:
            return Pending(number, start, token, f"no concept for the {role} ({basis}) of {match.concept}",
                           (match.concept,))
        period, period_why = self._period(text, start, token, after, before_all, line_periods, state, concept, role, basis)
        if basis == "since":
            period, period_why = ctx.doc.reporting_period, "from the year-end it is compared to (to the reporting period's end)"
        period_printed = "after the figure" in period_why or "in the sentence" in period_why
        if state.acquisition and acquisitions.own(ctx.vocabulary.label(concept)) and not period_printed:
            # the acquired company's balances at the acquisition, its flows since then within the reporting period
            # (balances of the group related to it, such as its goodwill, are the group's at the period's end)
            if ctx.is_instant(concept) and self._acquired.day and acquisitions.AT_ACQUISITION.search(
                    ctx.vocabulary.label(concept)):
                period, period_why = Period(end=self._acquired.day), "the acquisition date"
            elif not ctx.is_instant(concept) and ctx.doc.reporting_period:
                period, period_why = ctx.doc.reporting_period, "reporting period (the acquired company's since its acquisition)"
        if period is None:
            return Pending(number, start, token, f"no period for {concept}" + (f": {period_why}" if period_why else ""),
                           (concept,))
        if marker and ctx.concept(concept).data_type == "perShare" and not period.is_instant:
            period = periods.dividend_quarter(marker, period)
            period_why += f", {marker.group()!r}: that quarter's dividend"
        if measure == "bare":
            unit = ctx.unit_for(concept, ctx.doc.unit_above(number), token)
        elif unit is None or unit == "amount":
            unit = ctx.unit_for(concept, None, token)
        if unit is None:
            return Pending(number, start, token, f"no unit for {concept}", (concept,))
        if measure == "count" and ctx.concept(concept).data_type not in ("integer", "shares", "decimal"):
            return Pending(number, start, token, f"a count is not {concept}", (concept,))
        if measure == "amount" and ctx.concept(concept).data_type not in ("monetary", "perShare"):
            return Pending(number, start, token, f"an amount is not {concept}", (concept,))
        if measure in ("percent", "points") and ctx.concept(concept).data_type != "percent":
            return Pending(number, start, token, f"a percentage is not {concept}", (concept,))
        outflow = bool(re.search(r"^(?:Purchase|Payments?|Repayments?|PrincipalPayments|Dividends?Paid|NetCashUsed"
                                 r"|NetRepayments|Acquisition)", concept))
        credit = ctx.concept(concept).balance == "credit" or "IncomeExpense" in concept
        printed = signs.printed_negative(token) or bool(  # "(JPY1,493 million)": printed in parentheses
            re.search(r"\(\s*$", local) and re.match(r"^\s*(?:million|billion|thousand)?\s*\)", after))
        wording = local[self._link_at(local):] if subject_from == "sentence" else local
        negative = printed or signs.prose_negative(wording, local, token, outflow or concept.startswith("NetCashUsed"),
                                                   credit)
        if role == "share" and token.startswith("("):
            printed = negative = False  # "(14.0%)" under an amount: its share, in parentheses as slides print it
        if (role == "change" or _CHANGE_LABEL.search(ctx.vocabulary.label(concept))) \
                and not signs.has_direction(before_all if listing else local, token):
            return Pending(number, start, token, f"a change without a direction word ({concept})", (concept,))
        if not printed and signs.inverted_subject(subject, ctx.vocabulary.label(match.concept)):
            negative = not negative  # "Increase in accounts receivable" of "Decrease (increase) in ..."
        elif ctx.vocabulary.label(concept).endswith("(negative)") and role == "level" and not printed:
            negative = True  # "losses on write-down of other investments of JPY54 million": a negative amount
        in_cell = text[:start].count("\t")
        named = self._scenario(before_all, after, state, in_cell)
        if revision:
            named = scenario.REVISED
        elif measure == "amount" and subject_from in ("sub-heading", "bullet head") \
                and _REVISION_TITLE.search(state.section) and scenario.of_text(before_all + after[:30]) in (None, scenario.ACTUAL):
            # a slide revising a target: under each subject the first bare amount is the previous target, the
            # next one (once the factors are listed) the new one; a factor has words of its own
            if role != "level" or _content(_blank_periods(before_all, ctx.doc.fiscal_year)):
                return Pending(number, start, token, f"a factor of the revision of the {subject!r} target", (concept,))
            named = scenario.INITIAL if concept not in state.revised else scenario.REVISED
            state.revised.add(concept)
        anchor = state.anchor
        if role == "change" and not period_why.startswith("'") and anchor and anchor[0] == in_cell and \
                re.search(r"\(\s*(?:up|down)\s*$", local, re.I):
            period, period_why, named = anchor[1], anchor[2] + " (the figure it qualifies)", anchor[3]
            if not ctx.is_instant(concept) and period.is_instant:  # "42,000 lines (up 2,000 lines QoQ)"
                period = periods.quarter_ending(period.end) if basis == "QoQ" else None
                if period is None:
                    return Pending(number, start, token, f"no period for {concept}", (concept,))
        if (_ARROW.search(before_all) or re.match(r"^\s*(?:->|→)", after)) and not period_why.startswith("'") \
                and ctx.doc.fiscal_year is not None:
            period = periods.calendar.quarters(ctx.doc.fiscal_year, 1, 4)  # "JPY117-> 114 billion": a revised
            period_why = "the fiscal year (a target revised)"            # full-year target
        past = "(past)" in period_why or (named is None and _PAST.search(before_all + " " + after[:40]))
        scen = scenario.ACTUAL if past and named in (None, scenario.ACTUAL) else ctx.settle(period, named)
        if scen is None:
            return Pending(number, start, token, "an actual printed for a period after the reporting period", (concept,))
        confidence = match.score / 100 - (0 if match.decisive else 0.25) - (0.05 if subject_from != "sentence" else 0)
        confidence -= 0.05 if measure == "bare" else 0
        if period_why.startswith("reporting") or period_why.startswith("section"):
            confidence -= 0.03
        approximate = bool(_APPROX.search(local))
        why = (f"subject {subject!r} ({subject_from}) {match.why()}; {role}{' ' + basis if basis else ''}; "
               f"period {period_why}")
        if segment != "Consolidated":
            why += f"; segment {segment} named in the subject"
        if role == "level":
            state.anchor = (in_cell, period, period_why, scen)
        state.last_period, state.last_amount = period, measure in ("amount", "bare")
        if role == "share" and token.startswith("(") and token.endswith(")"):
            token = token[1:-1]  # "(14.0%)" under an amount: the sheet cites the share, not a negative figure
        return ctx.proposal(number, start, token, concept, period, unit, negative, confidence, why, scen,
                            segment, approximate=approximate)

    def _months_of(self, figure: Proposal, after: str) -> Iterator[Proposal]:
        """"JPY1,419 million in 1H07 (4 months)": a flow of a period it covers only the last months of (a company
        consolidated since) is also the flow of those months."""
        m = _MONTHS_COVERED.match(after)
        if m is None or self.ctx.is_instant(figure.concept):
            return
        period = periods.calendar.parse(figure.period)
        n = int(m["n"]) if m["n"].isdigit() else _COUNT_WORDS[m["n"].lower()]
        first = periods.first_day_of_months(period.end, n)
        if period.start is not None and period.start < first:
            yield replace(figure, period=f"{first.isoformat()}..{period.end.isoformat()}",
                          why=figure.why + f"; {m['months']!r}: the last {n} months of it")

    def _above(self, number: int) -> int:
        """The nearest non-blank line above `number`."""
        n = number - 1
        while n > 0 and not self.ctx.doc.text(n).strip():
            n -= 1
        return n

    def _factor(self, number: int, text: str, start: int, token: str, local: str, before_all: str, after: str,
                subject: str, subject_from: str, line_periods: list, state: _State, measure: str,
                unit: str | None) -> Proposal | Pending | None:
        """A factor of a target revision (revisions module), or None when the figure is none: an amount a plan
        falls short of, an amount with words of its own (or under its colon head) on a slide revising a
        target, an amount over "Difference between the full year revised target and the initial target"."""
        ctx = self.ctx
        sentence_rest = re.split(r"(?<=[a-z0-9)])\.\s|;", after, maxsplit=1)[0]
        short = revisions.SHORTFALL.search(before_all + " " + sentence_rest)
        below = ctx.doc.text(self._after(number))
        difference = not _content(_blank_periods(text[:start] + text[start + len(token):], ctx.doc.fiscal_year)) \
            and revisions.DIFFERENCE.search(below)
        slide = _REVISION_TITLE.search(state.section) and (
            subject_from == "sentence" and _content(_blank_periods(before_all, ctx.doc.fiscal_year))
            or subject_from == "bullet head" and state.head_line == self._above(number))
        if not (difference or (short or slide) and measure == "amount"):
            return None
        parent_text = re.sub(r"\([^()]*\)", " ", state.subheading or _heading_words(state.section))
        parent = ctx.vocabulary.match(scenario.without(parent_text),
                                      accept=lambda n: ctx.vocabulary.base_of(n) is None and not ctx.is_instant(n))
        parent_concept = parent.concept if parent.concept and parent.score >= 90 and parent.decisive else None
        if difference:
            found = revisions.Factor(parent_concept + revisions.SUFFIX, "Consolidated",
                                     f"the revision of {parent_concept}: {below.strip()!r}") \
                if parent_concept and parent_concept + revisions.SUFFIX in ctx.vocabulary.concepts else None
            wording = below
        else:
            found = revisions.factor(ctx.vocabulary, subject, parent_concept)
            wording = before_all + " " + sentence_rest
        if found is None:
            return Pending(number, start, token, f"a factor of the revision of the {parent_text.strip()!r} target: "
                           f"no revision concept for {subject!r}", (parent_concept or "",))
        period, period_why = self._period(text, start, token, after, before_all, line_periods, state, found.concept,
                                          "level", "")
        named = periods.find(below if difference else short.group() if short else "", ctx.doc.fiscal_year)
        if named:  # "short of the full year plan", "Difference between the full year revised target and ..."
            period, period_why = named[0].period, f"{named[0].text!r} of the {'line below' if difference else 'plan'}"
        if period is None:
            return Pending(number, start, token, f"no period for {found.concept}", (found.concept,))
        convention = ctx.concept(found.concept).sign
        word = next((w for w in reversed(re.findall(r"[A-Za-z]+", wording))
                     if conventions.polarity(convention or "", w) == -1), None)
        stated = None if word else revisions.direction(self._directions, ctx.doc, number)
        if word is None and (stated is None or conventions.polarity(convention or "", stated[1]) != -1):
            return Pending(number, start, token, f"a factor of a revision ({found.concept}) without a direction",
                           (found.concept,))
        scale_ = unit if unit and unit.startswith("JPY ") else ctx.doc.unit_above(number) if measure == "bare" else None
        unit = ctx.unit_for(found.concept, scale_, token)
        if unit is None:
            return Pending(number, start, token, f"no unit for {found.concept}", (found.concept,))
        why = f"{found.why}; period {period_why}" + (f"; {stated[1]!r} revision (line {stated[0]})" if stated else "")
        proposal = ctx.proposal(number, start, token, found.concept, period, unit, True, 0.85, why, scenario.REVISED,
                                found.segment, approximate=bool(_APPROX.search(local)), word=word)
        if isinstance(proposal, Proposal) and word is None:  # the revision's direction, whatever the factor's words
            proposal = replace(proposal, negate=signs.negate_for(proposal.text, proposal.unit, True),
                               basis=("negate", f"a factor of the {stated[1].lower()} revision stated on line "
                                                f"{stated[0]}: {ctx.doc.text(stated[0]).strip()!r}"))
        return proposal

    def _after(self, number: int) -> int:
        """The nearest non-blank line below `number`."""
        n = number + 1
        while n <= len(self.ctx.doc.lines) and not self.ctx.doc.text(n).strip():
            n += 1
        return n

    # ---- pieces of a figure statement -------------------------------------------------------------
    def _measure(self, token: str, local: str, after: str, subject: str, rest: str) -> tuple[str | None, str | None]:
        if token.rstrip(")").endswith("%"):
            return "percent", "percent"
        if _POINTS.match(after):
            return "points", "percent"
        scale_word = scale.after_figure(after)
        arrow = re.match(r"^\s*(?:->|→)\s*[\d.,]+\s*", rest)
        if arrow and scale_word is None:  # "JPY117-> 114 billion": the scale after the revised figure
            scale_word = scale.after_figure(rest[arrow.end():])
        if "JPY" in token or re.search(r"JPY\s*$", local) or (scale_word and re.match(r"^\s*\w+\s+yen\b", after)):
            if scale_word:
                return "amount", scale_word
            if re.search(r"per\s+share", after + " " + subject, re.I) or re.match(r"^\s*\(annual\)", after, re.I):
                return "amount", "JPY"
            return "amount", "amount"
        if scale_word:
            return "amount", scale_word
        if _COUNT_NOUN.match(after) or re.match(r"^\s*\(", after) and _COUNT_NOUN.match(after.lstrip(" (")):
            return "count", "shares" if re.match(r"^\s*shares", after, re.I) else "count"
        if re.search(r"\b(?:number of|contracts|employees|personnel|ATMs|clients|projects)\b", subject, re.I):
            return "count", "count"
        if not _content(_blank_periods(local + " " + after.split("(")[0], self.ctx.doc.fiscal_year)):
            return "bare", None  # "1Q-3Q FY12: 10,482" on a chart: in the slide's unit
        return None, None

    def _role(self, token: str, local: str, after: str, before_all: str, measure: str) -> tuple[str, str]:
        """("level" | "change" | "share", basis "YoY" / "QoQ" / "" )."""
        window = re.split(r"[,;)]", after[:40], maxsplit=1)[0]  # "up 140 personnel, QoQ: ...": not ours
        if measure == "percent" and (_SHARE.match(after) or _SHARE_BEFORE.search(local)):
            return "share", ""
        changed = bool(_DIRECTION.search(_blank_periods(local, self.ctx.doc.fiscal_year))) or token.lstrip("(").startswith("+")
        # "(YoY: up 140", "increased due to business expansion YoY of 13.7%"
        label = re.search(r"\b(YoY|QoQ)\s*(?::\s*(?:up|down|plus|minus)?|\bof)\s*$", local, re.I)
        basis = label[1] if label else "QoQ" if _QOQ.search(window) else "YoY" if _YOY.search(window) else ""
        basis = {"yoy": "YoY", "qoq": "QoQ"}.get(basis.lower(), basis)
        if not basis and re.search(r"\bcompared\s+(?:to|with)\s+\S*\d", window + " " + local[-40:], re.I):
            basis = "other"  # "up JPY1,324 million compared to 2Q06": no concept for that comparison
        if not basis and changed:
            tail = local[-40:]
            basis = "QoQ" if _QOQ.search(tail) else "YoY" if _YOY.search(tail) else ""
        if measure == "percent" and basis in ("YoY", "QoQ") and _MOVED.search(before_all):
            changed = True  # "costs increased by 67.1% YoY and 3.4% QoQ": a percentage against a period moved
        if changed or (measure == "points"):
            return "change", basis
        return "level", ""

    def _derive(self, base: str, role: str, basis: str, measure: str) -> str | None:
        ctx = self.ctx
        vocabulary = ctx.vocabulary
        data_type = ctx.concept(base).data_type
        if role == "level":
            if measure in ("percent",) and data_type != "percent":
                return None
            return base
        if role == "share":
            return base if data_type == "percent" else vocabulary.derived(base, "ToRevenuesRatio")
        # changes
        if basis == "target":
            return vocabulary.derived(base, "TargetRevision")
        if basis == "other":
            return None
        if basis == "since":
            return vocabulary.derived(base, "IncreaseDecrease") if ctx.is_instant(base) else None
        if data_type == "percent":  # a ratio's change is in points
            return vocabulary.derived(base, (basis or "YoY") + "Change")
        if basis == "" and (ctx.is_instant(base)):
            return vocabulary.derived(base, "IncreaseDecrease")
        if measure == "percent" and ctx.is_instant(base) and data_type == "monetary":
            return vocabulary.derived(base, (basis or "YoY") + "ChangeRatio")  # order backlog, up 16.7% QoQ
        if ctx.is_instant(base) or data_type in ("integer", "decimal"):
            if basis == "QoQ":  # "LTE services' contracts increasing by 4Q11: approx. 6,500": net additions
                return vocabulary.derived(base, "IncreaseDecrease") or vocabulary.derived(base, "QoQChange") or (
                    vocabulary.derived(base, "NetAdditions") if not ctx.is_instant(base) or data_type == "integer" else None)
            return vocabulary.derived(base, (basis or "YoY") + "Change") or (
                vocabulary.derived(base, (basis or "YoY") + "ChangeRatio" if measure == "percent" else
                                   (basis or "YoY") + "ChangeAmount"))
        suffix = "ChangeRatio" if measure == "percent" else "ChangeAmount"
        return vocabulary.derived(base, (basis or "YoY") + suffix)

    def _period(self, text: str, start: int, token: str, after: str, before_all: str, line_periods: list,
                state: _State, concept: str, role: str, basis: str) -> tuple[Period | None, str]:
        ctx = self.ctx
        instant = ctx.is_instant(concept)
        per_share = ctx.concept(concept).data_type == "perShare"  # "FY2011 year-end dividends" paid: not in FY2011
        period, why = None, ""
        # printed right after the figure: "JPY1,055 million for 1H11", "28,000(3Q13)", "JPY 1.2 billion)"
        tail = re.split(r",(?!\s*\d{4})|;|\band\b|\bcompared\b", after, maxsplit=1)[0]
        post = [f for f in periods.find(tail, ctx.doc.fiscal_year)]
        if post and not re.match(r"^\s*:", tail[post[0].end:]) and re.match(
                r"^\s*(?:[A-Za-z%]+\s*){0,3}\)?\s*(?:\(|for|in|as of|at|of|:)?\s*$", tail[: post[0].start]):
            period, why = post[0].period, f"{post[0].text!r} after the figure"
            state.used_periods += ((text.find(post[0].text, start), ),)
        if period is None:
            used = {u[0] for u in state.used_periods}
            before = [f for f in line_periods if f.end <= start and f.start >= start - len(before_all)
                      and not _COMPARED.search(text[:f.start])
                      and (per_share or not re.match(r"\s*(?:" + _QUARTER_END_WORDS + ")", text[f.end:], re.I))]
            before = [f for f in before if f.start not in used] or before
            if before:
                period, why = before[-1].period, f"{before[-1].text!r} in the sentence"
        if period is None and not instant:  # "Hired 136 newly graduates in Apr. 2013": that fiscal year
            month = [f for f in periods.months(tail)] or [f for f in periods.months(before_all) if f.end <= len(before_all)][-1:]
            if month:
                period, why = month[0].period, f"{month[0].text!r}: its fiscal year (past)"
        if period is None and state.last_period is not None and text.lstrip().startswith("("):
            period, why = state.last_period, "of the line above"
        if period is None and state.head_period is not None:
            period, why = state.head_period, "of the bullet head"
        if period is None and state.caption_period is not None:
            period, why = state.caption_period, "of the caption"
        if period is None and state.section_period is not None:
            period, why = state.section_period, "section's YoY/QoQ line"
        if period is None and state.section_qoq and ctx.doc.reporting_period is not None:
            last = ctx.doc.reporting_period.end
            period = next((f.period for f in periods.find(f"{_quarter_of(last)}", None)), None)
            why = "section compares quarters: the reporting period's last quarter"
        titled = periods.find(_heading_words(state.section), ctx.doc.fiscal_year)
        if period is None and len(titled) == 1:  # "-9. Revised Target for Full FY2008 Financial Results"
            period, why = titled[0].period, f"{titled[0].text!r} of the slide title"
        reporting = ctx.doc.reporting_period
        if period is None and reporting is not None and state.section_chart is not None and not instant \
                and state.section_chart.end == reporting.end and state.section_chart != reporting:
            # a slide charting quarters up to the reporting period's last one (CAPEX by quarter) that prints a
            # figure without a period: that quarter's or the reporting period's, the words do not say
            return None, (f"the slide prints no period for it and charts quarters up to "
                          f"{periods.token(state.section_chart)}: that quarter or {periods.token(reporting)}?")
        if period is None and reporting is not None:
            period, why = reporting, "reporting period"
        if period is None:
            return None, ""
        if role == "change" and basis == "" and period.is_instant:
            # "increased by JPY2,230 million from the balance as of March 31, 2012": the change between the dates
            since = [f for f in periods.find(before_all + " " + after, ctx.doc.fiscal_year)
                     if f.period.is_instant and f.period.end < period.end]
            if since and not instant:
                change = periods.between(since[0].period, period)
                return change, f"from {since[0].text!r} to {period.end}"
            if instant:
                return None, ""
        if instant and not period.is_instant:
            return periods.closing(period), why + " (its end)"
        if not instant and period.is_instant:
            if role == "change" and basis == "QoQ":  # "up 228 personnel QoQ" as of Sep. 30: over that quarter
                quarter = periods.quarter_ending(period.end)
                return (quarter, why + " (the quarter ending then)") if quarter else (None, "")
            return None, ""
        return period, why

    def _scenario(self, before_all: str, after: str, state: _State, in_cell: int) -> str | None:
        if _ARROW.search(before_all):
            return scenario.REVISED
        if re.match(r"^\s*(?:->|→)", after):
            return scenario.INITIAL
        words = before_all[-60:] + " " + after[:30]
        found = scenario.of_text(words)
        if found in (None, scenario.ACTUAL):
            # a caption such as "<Original Target>" heads the figures of a second column, or all of a plain text
            if state.caption_scenario and in_cell != 1:
                state.caption_scenario_used = True
                return state.caption_scenario
            return None
        return found


def _related(earlier: str, subject: str) -> str:
    """Subjects earlier in the sentence qualify this one when they share a word with it ("gross margin for
    network services ..., gross margin ratio"); a parallel subject ("prepaid expenses ... and inventories")
    does not."""
    earlier = earlier.replace(subject, " ")
    return earlier if set(norm(subject).split()) & set(norm(earlier).split()) else ""


def _indent(text: str) -> int:
    """Depth of a bullet: leading spaces, then one more per bullet mark ("- ◆" is deeper than "◆")."""
    m = _BULLET.match(text)
    marks = len(re.findall(r"[-–•·▪●◆◇■➤➢>▶✓※]", m.group())) if m else 0
    return 10 * (len(text) - len(text.lstrip(" "))) + marks


def _basis_of(text: str) -> str:
    return "QoQ" if _QOQ.search(text) else "YoY" if _YOY.search(text) else ""


def _heading_words(section: str) -> str:
    """A slide title without its number: "II - 11. SG&A Expenses/R&D" -> "SG&A Expenses/R&D"."""
    return re.sub(r"^[\sIVXⅠ-Ⅻ.]*-?\s*\d+\s*\.(?:\d+\.?)?\s*|\(\d\)", " ", section).strip()


def _quarter_of(day) -> str:
    fy = day.year if day.month >= 4 else day.year - 1
    quarter = {6: 1, 9: 2, 12: 3, 3: 4}.get(day.month)
    return f"{quarter}Q{fy % 100:02d}" if quarter else ""


def _remove_periods(text: str, found: list) -> str:
    for f in sorted(found, key=lambda f: -f.start):
        text = text[: f.start] + " " + text[f.end:]
    return text


def _blank_periods(text: str, fiscal_year: int | None) -> str:
    """Period expressions replaced by spaces of the same length (offsets stay)."""
    for f in [*periods.find(text, fiscal_year), *periods.months(text)]:  # "1H12", "Apr. 2011"
        text = text[: f.start] + " " * (f.end - f.start) + text[f.end:]
    return text


def _content(text: str) -> list[str]:
    """Words of a text that could name something (not bullets, linking, direction or unit words, not figures)."""
    words = re.findall(r"[A-Za-z][A-Za-z&'’/\-]*", strip_bullet(text))
    return [w for w in words if not _FILLER.fullmatch(w)]


def _subject(text: str) -> str:
    """The noun phrase of a subject: bullets, linking and filler words at its edges, punctuation removed."""
    text = re.sub(r"\(note\s*\d*\)", " ", strip_bullet(text), flags=re.I)
    text = re.sub(r"[<>«»\[\]\"“”*:]|\bas of\b|\bend of\b|\bfor the (?:three|six|nine) months\b", " ", text, flags=re.I)
    text = re.sub(r"\b(?:was|were|is|are|reached|totaled|has|have|been)\b.*$", " ", text, flags=re.I)
    text = text.replace("#", " number of ")
    text = re.sub(r"^\W*no\s+changes?\s+(?:in|to)\s+", " ", text, flags=re.I)  # "No changes in per share cash dividends"
    words = [w for w in re.split(r"\s+", text.strip(" ,:;-–()")) if w and not re.fullmatch(r"[\d,.%()+-]+", w)]
    while words and _FILLER.fullmatch(words[0].strip("(),")):
        words.pop(0)
    while words and _FILLER.fullmatch(words[-1].strip("(),")):
        words.pop()
    return " ".join(words).strip(" ,()") if _content(" ".join(words)) else ""

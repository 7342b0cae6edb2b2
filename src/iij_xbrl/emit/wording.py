"""Findings in words for a reader: labels instead of concept names, periods and amounts as the documents print
them (2,488 JPY million, 49.8%, 1H FY2011, Sep. 30, 2012), which document prints each figure and where
(document:line), the reason a fact sheet gives for reading a line otherwise.

Built from a finding's fields (rule, severity, concepts, period, values, facts) and the publication's prints,
never from its `message` (written for developers: concept names, raw yen). English. The one place a finding
becomes words: the checks store `Wording(taxonomy, filings).finding(f)` as each finding's `text`
(out/findings.json, the database), the inline report shows it; `Wording(publication)` serves anything else that
shows findings to people.
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from ..model import Fact, Period
from typing import Sequence

from ..publication import FilingFacts, Publication
from ..taxonomy.source import Taxonomy
from ..sources import calendar
from ..taxonomy import names as tn
from ..xbrl.findings import Finding
from . import figures
from . import naming as n


def period_text(period: Period) -> str:
    """`1H FY2012`, `2Q FY2012`, `FY2012`, `1Q-3Q FY2013`; instants as printed: `Sep. 30, 2012`."""
    if period.start is None:
        return instant_text(period.end)
    return calendar.label(period)


def instant_text(day: date) -> str:
    month = day.strftime("%b") + ("." if day.month != 5 else "")
    return f"{month} {day.day}, {day.year}"


def location(fact: Fact) -> str:
    """`001:751`: the document's number and the line, as the findings and the database cite prints."""
    return f"{fact.provenance.document.split('_', 1)[0]}:{fact.provenance.line}"


_VERDICT_INFO = " (within one unit of the printed place: a rounding artefact, not an error)"


class Wording:
    """Words for the findings of one publication (its prints resolve the facts a finding names): built from the
    publication, or from its taxonomy and filings while the checks run."""

    def __init__(self, publication: Publication | Taxonomy, filings: Sequence[FilingFacts] | None = None):
        taxonomy = publication if filings is not None else publication.taxonomy
        filings = filings if filings is not None else publication.filings
        self.concepts = taxonomy.concepts
        self.members = {m.name: m.label for axis in taxonomy.dimensions.axes for m in axis.members}
        self.filings = {f.id: f for f in filings}
        self.facts: dict[str, Fact] = {}  # instance fact ids (per filing) and print ids -> the fact
        self._held: dict[tuple[str, str], Fact] = {}
        for filing in filings:
            for fact in filing.facts:
                self._held[(filing.id, n.fact_id(fact))] = fact
            for fact in filing.prints:
                self.facts[n.print_id(fact)] = fact

    def fact(self, finding: Finding, fact_id: str) -> Fact | None:
        """The fact an id of `finding.facts` names: the finding's filing's instance fact, or a print."""
        return self._held.get((finding.filing or "", fact_id)) or self.facts.get(fact_id)

    # ---- pieces -------------------------------------------------------------------------------------------

    def label(self, concept: str) -> str:
        concept = concept.split(":", 1)[-1]
        found = self.concepts.get(concept)
        return found.labels["label"].en if found is not None else concept

    def subject(self, fact: Fact) -> str:
        """`Operating income, 1H FY2011` (with its segment or scenario: `…, ATM operation business`)."""
        parts = [self.label(fact.concept), period_text(fact.period)]
        parts += [self.members[m].en if m in self.members else m for _, m in n.sorted_dimensions(fact.dimensions)]
        return ", ".join(parts)

    def amount(self, value: Decimal, like: Fact, scale: int | None = None) -> str:
        """`value` in the unit `like` was printed in: `2,488 JPY million`, `49.8%`, `JPY 16.25`, `2,345`."""
        concept = self.concepts.get(like.concept)
        if figures.is_percent(like, concept):
            shown = figures.digits(value, None if like.decimals is None else like.decimals, figures.PERCENT)
            return f"{'−' if value < 0 else ''}{shown}%"
        if like.unit == tn.JPY:
            scale = figures.jpy_scale(like, 3) if scale is None else scale
            decimals = like.decimals if like.decimals is not None and like.decimals >= -scale else None
            text = figures.digits(value, decimals, scale)
            return f"{'−' if value < 0 else ''}{text} {figures.JPY_UNITS[scale].en}"
        unit = figures.OTHER_UNITS.get(like.unit or "")
        text = ("−" if value < 0 else "") + figures.digits(value, like.decimals, 0)
        return f"{text} {unit.en}" if unit is not None else text

    def printed(self, fact: Fact) -> str:
        """`2,488 JPY million (001:751)`: the figure at its printed precision, and where it is printed."""
        if fact.value is None:
            return f"nil ({location(fact)})"
        return f"{self.amount(fact.value, fact)} ({location(fact)})"

    def value(self, text: str, like: Fact, scale: int | None) -> str:
        """A finding's value: one number or an interval `[a, b]`, in the unit of `like`."""
        try:
            if text.startswith("["):
                low, high = (Decimal(part) for part in text.strip("[]").split(","))
            else:
                low = high = Decimal(text)
        except (InvalidOperation, ValueError):
            return text
        low, high = self._outward(low, like, scale, ROUND_FLOOR), self._outward(high, like, scale, ROUND_CEILING)
        if not high.is_finite():
            return f"at least {self.amount(low, like, scale)}"
        if not low.is_finite():
            return f"at most {self.amount(high, like, scale)}"
        first, last = self.amount(low, like, scale), self.amount(high, like, scale)
        return first if first == last else f"between {first} and {last}"

    def _outward(self, value: Decimal, like: Fact, scale: int | None, rounding: str) -> Decimal:
        """A computed bound rounded away from the interval's inside: a ratio to one digit more than printed, an
        amount to a whole unit of the scale it is shown at."""
        if not value.is_finite():
            return value
        if figures.is_percent(like, self.concepts.get(like.concept)):
            places = (like.decimals if like.decimals is not None else 3) + 1
        elif like.unit == tn.JPY:
            places = -(figures.jpy_scale(like, 3) if scale is None else scale)
        else:
            places = like.decimals if like.decimals is not None else 0
        return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)

    def where(self, fact: Fact) -> str:
        """`the press release prints 2,488 JPY million (001:751)`: which document prints the figure."""
        filing = next((f for f in self.filings.values() if fact.provenance.document in f.spec.files), None)
        kind = next((d.kind for d in filing.spec.documents if d.file == fact.provenance.document), None) \
            if filing is not None else None
        name = {"presentation": "the presentation", "press-release": "the press release"}.get(kind, "the document")
        return f"{name} prints {self.as_printed(fact)}"

    def as_printed(self, fact: Fact) -> str:
        """`1,210 JPY million (002:431)`: the figure with the sign its line prints (a curation may read it otherwise)."""
        if fact.value is None:
            return f"nil ({location(fact)})"
        negative = fact.provenance.text.lstrip().startswith(("(", "-", "△", "▲", "\u2212"))
        return f"{self.amount(abs(fact.value) * (-1 if negative else 1), fact)} ({location(fact)})"

    def lines(self, facts: list[Fact], limit: int = 4) -> str:
        """`001:413, 001:415`: where figures are printed (the first few)."""
        at = list(dict.fromkeys(location(f) for f in facts))
        return ", ".join(at[:limit]) + (f" and {len(at) - limit} more" if len(at) > limit else "")

    # ---- a finding ----------------------------------------------------------------------------------------

    def finding(self, finding: Finding) -> str:
        """One or two sentences saying what was found, in the documents' own terms."""
        named = [f for f in (self.fact(finding, i) for i in dict.fromkeys(finding.facts)) if f is not None]
        if not named:
            return finding.message
        accused = named[0]
        # computed amounts in the finest unit any named figure was printed in, so no digit of a sum is hidden
        money = [f for f in named if f.unit == tn.JPY and f.value is not None]
        fine = min((figures.jpy_scale(f, 3) for f in money), default=None)
        values = finding.values

        def said(key: str, scale: int | None = fine) -> str:
            return self.value(values[key], accused, scale)

        rule = finding.rule
        info = finding.severity == "info"
        subject = self.subject(accused)
        if rule == "iij:duplicate" and len(named) >= 2 and "rounded" in values:
            return self._precision(finding, subject, named)
        if rule == "iij:caption":
            return self._caption(finding, named)
        if rule == "iij:curation":
            return self._curation(finding, subject, named, fine)
        if rule == "iij:basis":
            basis = {"old": "on the basis before IIJ's 1:200 stock split of 2012-10-01",
                     "mixed": "a total adding an amount before and one after IIJ's 1:200 stock split of 2012-10-01"}
            return (f"{subject}: {self.where(accused)}, {basis.get(values.get('basis'), 'on another basis')}, in a "
                    f"document released after the split; the document does not say so beside the figure.")
        if rule == "iij:implied":
            return (f"{subject}: {self.where(accused)}, but the filing's other figures imply {said('computed')} "
                    f"({self.lines(named[1:])}).")
        if rule == "iij:duplicate" and len(named) >= 2:
            kept = named[1]
            head = f"{subject} is printed twice: {self.printed(accused)} and {self.printed(kept)}."
            if info:
                return head + " They are one unit of the printed place apart: rounding, not a conflict."
            if accused.value is not None and kept.value and accused.value / kept.value in (200, Decimal("0.005")):
                return head + (" They differ by a factor of 200, IIJ's 1:200 stock split of 2012-10-01: a different"
                               " basis, not a different figure.")
            if finding.severity == "warning":
                return head + " They differ in basis, not in figure."
            if None in (accused.value, kept.value):
                return head + f" One prints no figure where the other prints one; the report keeps {self.printed(kept)}."
            return head + f" They differ by {self.amount(abs(accused.value - kept.value), kept, fine)}; the report " \
                          f"keeps {self.printed(kept)}."
        if rule == "iij:restated" and len(named) >= 2:
            earlier = named[1]
            filing = self.filings.get(finding.filing or "")
            when = f"the {calendar.label(filing.spec.period)} filing" if filing is not None else "a later filing"
            return (f"{subject}: an earlier filing printed {self.printed(earlier)}, {when} prints "
                    f"{self.printed(accused)}.")
        if rule == "iij:target-revision" and len(named) >= 2:
            change = f" (a change of {said('change')})" if "change" in values else ""
            return (f"{self.label(accused.concept)} target for {period_text(accused.period)} revised from "
                    f"{self.printed(named[1])} to {self.printed(accused)}{change}.")
        if "reported" in values and "computed" in values:
            what = {"iij:period-sum": "its quarters add up to",
                    "iij:segment-sum": "the segments less eliminations give",
                    "iij:cash-rollforward": "cash at the beginning plus the period's change gives",
                    "iij:ratio": "the printed figures give",
                    }.get(rule, "its items add up to")
            if rule == "iij:ratio" or rule.startswith("calc11e:") or rule == "iij:calculation":
                items = [self.label(c) for c in finding.concepts[1:]]
                if items and rule != "iij:ratio":
                    what = f"{_joined(items)} add up to" if len(items) <= 4 else f"its {len(items)} items add up to"
            sentence = f"{subject} is printed as {self.printed(accused)}; {what} {said('computed')}."
            return sentence[:-1] + _VERDICT_INFO + "." if info else sentence
        return f"{subject}: {finding.message}"

    def _precision(self, finding: Finding, subject: str, named: list[Fact]) -> str:
        coarse, fine = named[0], named[1]
        values = finding.values
        rounded = self.value(values["rounded"], coarse, None)
        head = f"{subject}: {self.where(coarse)}, but {self.where(fine)}, which rounds to {rounded}."
        if "foots" in values:
            quoted = f" It repeats the figure the table prints at {values['quotes']}." if "quotes" in values else ""
            size = ("within one unit of the printed place" if finding.severity == "info"
                    else "by more than one unit of the printed place")
            return (f"{head} The printed figure is adjusted, {size}, so that {self.label(values['foots'])} adds up "
                    f"in the printed table.{quoted}")
        if "other" in values and len(named) >= 3:
            return f"{head} The printed figure is {self.label(named[2].concept)}: {self.printed(named[2])}."
        return f"{head} It is neither that figure rounded nor truncated."

    def _caption(self, finding: Finding, named: list[Fact]) -> str:
        values = finding.values
        if "subtracted" in values:
            cells = ", ".join(f"{period_text(f.period)} {f.provenance.text}" for f in named)
            member = ", ".join(self.members[m].en if m in self.members else m
                               for _, m in n.sorted_dimensions(named[0].dimensions))
            subject = ", ".join(x for x in (self.label(named[0].concept), member) if x)
            return (f"{subject}: the row '{values['caption']}' ({location(named[0])}) prints {cells} as "
                    f"positive amounts the table subtracts while its other rows add; the row's word says so.")
        wrong = [f for f in named if f.provenance.line == named[0].provenance.line][:len(values["read"].split(", "))]
        cells = "; ".join(f"{period_text(f.period)} {f.provenance.text} is {self._direction(f)}" for f in wrong)
        text = (f"{self.label(named[0].concept)}: the caption '{values['caption'].rstrip(': JPY').strip()}' "
                f"({location(named[0])}) names the other direction: {cells}.")
        if "convention" in values:
            text += " The row's other columns follow the caption: it changes its sign convention without saying so."
        if "reason" in values:
            text += f" The figures are read so because {values['reason']}."
        return text

    def _direction(self, fact: Fact) -> str:
        """`a loss of 170 JPY thousand`, `cash used of ...`: a value with the word of its direction."""
        concept = self.concepts.get(fact.concept)
        words = _DIRECTION_WORDS.get(concept.sign if concept is not None else "", ("a positive", "a negative"))
        word = words[0] if fact.value >= 0 else words[1]
        return f"{word} of {self.amount(abs(fact.value), fact)}"

    def _curation(self, finding: Finding, subject: str, named: list[Fact], fine: int | None) -> str:
        values = finding.values
        accused = named[0]
        kind = values.get("kind")
        at = finding.sources[0].line if finding.sources else accused.provenance.line
        where = f"{accused.provenance.document.split('_', 1)[0]}:{at}"
        printed = f" '{values['printed']}'" if "printed" in values else ""
        if kind == "relabel":
            caption = self.label(values["literal"]) if "literal" in values else None
            head = (f"{subject}: {self.where(accused)} under the caption{printed}"
                    + (f" ({where})" if at != accused.provenance.line else "")
                    + (f", which names {caption}" if caption and caption != values.get("printed") else "")
                    + f"; the publication reads it as {self.label(accused.concept)} because {values['reason']}.")
            if "computed" in values:
                head += f" {caption} itself is {self.value(values['computed'], accused, fine)}."
            return head
        if kind == "redate":
            others = len({f.provenance.line for f in named}) - 1
            more = f" (and {others} more lines)" if others > 0 else ""
            if printed:
                return (f"{subject}: {self.where(accused)}{more} under the header{printed} ({where}); the publication "
                        f"dates it {period_text(accused.period)} because {values['reason']}.")
            return (f"{subject}: {self.where(accused)}{more}, for a period the line does not print; the publication "
                    f"dates it {period_text(accused.period)} because {values['reason']}.")
        return (f"{subject}: {self.where(accused)}; the publication reads it as {self._direction(accused)} because "
                f"{values['reason']}.")


_DIRECTION_WORDS = {"income": ("an income", "a loss"), "increase": ("an increase", "a decrease"),
                    "provided": ("cash provided", "cash used"), "expense": ("an expense", "a benefit"),
                    "proceeds": ("net proceeds", "a net repayment")}


def _joined(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]

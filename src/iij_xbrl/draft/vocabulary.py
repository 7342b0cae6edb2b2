"""Printed labels -> concepts: sources/mapping.yaml, the taxonomy's labels and a few synonyms, matched fuzzily.

Every phrase is compared in a normal form (case, footnote markers, punctuation, plurals, filler words and
IIJ's abbreviations such as "SI", "SG&A/R&D" or the extraction's "IJ" for "IIJ" do not matter); rapidfuzz
scores the rest. A match says which phrase it came through (mapping, a label role), its score and the
runner-up, so an ambiguous label is left for review with its candidates instead of being guessed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from rapidfuzz import fuzz, process

from iij_xbrl.model import Concept, Label
from iij_xbrl.sources import yamlines

# Derived concepts are named <base><suffix> (taxonomy/src/concepts-changes.yaml and the extra files).
SUFFIXES = ("PercentageChangeFromPriorYear", "PercentageChangeFromPriorQuarter", "PercentageChangeFromTwoYearsEarlier",
            "ChangeFromPriorYear", "ChangeFromPriorQuarter", "ChangeFromTwoYearsEarlier", "PeriodIncreaseDecrease",
            "ToRevenuesRatio", "ToTargetRatio", "TargetRevision")
# The drafter's kinds of change (basis + kind, as the readers compose them) -> the taxonomy's suffix.
_KINDS = {"YoYChangeRatio": "PercentageChangeFromPriorYear", "QoQChangeRatio": "PercentageChangeFromPriorQuarter",
          "TwoYearChangeRatio": "PercentageChangeFromTwoYearsEarlier", "YoYChangeAmount": "ChangeFromPriorYear",
          "YoYChange": "ChangeFromPriorYear", "QoQChangeAmount": "ChangeFromPriorQuarter",
          "QoQChange": "ChangeFromPriorQuarter", "TwoYearChangeAmount": "ChangeFromTwoYearsEarlier",
          "TwoYearChange": "ChangeFromTwoYearsEarlier", "IncreaseDecrease": "PeriodIncreaseDecrease"}

# Abbreviations and wording variants of IIJ's documents, applied to the lower-cased text in order.
_SYNONYMS: tuple[tuple[str, str], ...] = (
    (r"\bsg&a\b(?:\s*expenses?)?(?:\s*(?:/|and)\s*r&d)?(?:\s*expenses?)?", " sga rnd "),
    (r"\br&d\b", " research and development "),
    (r"\bm\s*&\s*a\b", " business acquisition "),
    (r"\bop\b", " operating income "),
    (r"\binternet initiative japan inc\.?", " iij "),
    (r"\bij\b", " iij "),
    (r"\bnon[- ](?=[a-z])", "non"),  # "non-amortized" is no kind of "amortized"
    (r"\bsuch as\b.*$", " "),
    # before SFAS 160: "Minority interest in losses (income) of subsidiaries", the minority's share
    (r"\bminority interests?\s+in\s+(?:the\s+)?(?:net\s+)?(loss|losses|income|earnings)\s+of\s+(?:consolidated\s+)?"
     r"subsidiar(?:y|ies)\b", r"net \1 attributable to noncontrolling interests"),
    # "Loss from 4 new subsidiaries": the income (loss) of the newly consolidated subsidiaries; which income the
    # context says (a slide on operating income)
    (r"\b(?:losses|loss|profits?)\s+(?:from|of)\s+(?=(?:\d+\s+)?new(?:ly)?\s+(?:consolidated\s+)?subsidiar)", "income of "),
    (r"\bminority interests?\b", "noncontrolling interests"),
    (r"^\W*(?:revenue\s+)?contributions?\s+(?:from|of)\b", "revenues of"),  # "contribution from hi-ho was JPY2,425 million"
    (r"\bnet revenues?\b", "total revenues"),
    (r"\bsi\b", " systems integration "),
    (r"\bnw\b", " network services "),
    (r"\bhq\b", " headquarters "),
    (r"\batm(?: operation)?(?: business)?\b", " atm operation business "),
    (r"\b(?:internet )?connectivity services? for (corporate|home) use\b", r"internet connectivity services (\1 use)"),
    (r"\b(corporate|home) connectivity(?: services?)?\b", r"internet connectivity services (\1 use)"),
    (r"\bover 1\s?gb?ps\b(?:\s+connectivity)?", "ip service 1gbps"),
    (r"\biij\s+gio\b(?!\s+cloud)", "iij gio cloud services"),
    (r"\bcloud\b(?!\s+(?:services?|computing)\b)", "cloud services"),  # "total cloud revenue"
    (r"\boverseas\s+(?!business\b)", "overseas business "),  # "overseas revenues" of the overseas business
    (r"\bsystems construction and equipment sales?\b", "systems construction"),
    (r"\bpersonnel[- ]related costs and expenses\b", "personnel related costs"),
    (r"\bpersonnel\b(?![- ]related)", "employees"),
    (r"\bnewly\b", "new"),
    (r"\bavailable[- ]for[- ]sale (?:equity )?securities\b", "available for sale securities"),
    (r"\bservices? (?:&|and) solutions?\b", "services"),
    (r"\bclients?\b", "customers"),
    (r"\bfull[- ]time\b", " "),
    (r"\bfull[- ]year\b", " "),
    (r"#", " number "),
    (r"\bcapex\b", " capex including capital leases "),
    (r"\bincome tax expenses?\s*\(benefit\)", "income tax expense"),
    (r"\bincome tax expenses? excluding deferred tax(?:es)?\b", "current income tax expense"),
    (r"\bbefore income tax benefit\b", "before income tax expense"),
    (r"\bcost of revenues?\b(?! to)", "cost"),
    (r"\bcost of (.+?) revenues?\b", r"cost of \1"),
    (r"\bproceeds from \(repayments of\)", "repayments of"),
    (r"\bpayments?\s+for\s+(?:[\w-]+\s+)?dividends?\b", "dividends paid"),
    (r"\bdeferred tax\b", "deferred income tax"),
    (r"\bbank borrowings?\b", "borrowings"),
    (r"\bshareholder(?:s'?|'s)? equity ratio\b", "shareholders equity to total assets"),
    (r"\boperating (?:loss|income \(loss\)|profit)\b", "operating income"),
    (r"(?<!diluted )(?<!basic )\bnet income\s+(?:attributable\s+to\s+iij\s+)?per\s+share\b",
     "basic net income attributable to iij per share"),
    (r"\([^()]*\band\b[^()]*\)", " "),
    (r"\((?:gbps|shares|adss?|%|jpy[^)]*|yen[^)]*|u\.?s\.? dollars[^)]*)\)", " "),
    (r"[\s,]*[-\u2010-\u2015]\s*net\b|,\s*net\b", " "),
    (r"\bincome taxes?\b(?! payable| paid)", "income tax"),
    (r"\bsegment profit or loss\b", "operating income"),
    (r"\bcash dividends?\b", "dividends"),
    (r"\bdividends?(?: per shares?)?\b", "dividends per share"),
    (r"\b(?:losses|loss)\s*\((income|gains?)\)", r"\1"),
    (r"\b(?:increase\s*\(decrease\)|decrease\s*\(increase\)|fluctuations? of)", "change in"),
    (r"^\W*(?:increase|decrease)s?\s+in\b", "change in"),
    (r"\bpayments?\s+for\s+(?:the\s+)?(purchases?|repayments?)\b", r"\1"),
    (r"\((?:loss|losses|benefit|decrease|deficit)\)", " "),
    (r"\bprinciple\b", "principal"),
    (r"\bequipments\b", "equipment"),
)
# The taxonomy's label templates of derived measures (taxonomy/CHANGES.md §4): "<base label>, change from ..."
_DERIVED_WORDS = re.compile(r",\s*(?:(?:percentage\s+)?change\s+from\b.*|revision of the forecast|increase \(decrease\) during"
                            r" the period)$", re.I)
_DERIVED_WORDS_JA = re.compile(r"（[^（）]*）$")
# "loss (income)": a label naming both sides of an amount; its first side alone is a label too
_ONE_SIDE = re.compile(r"\b(income|loss|losses|gains?|expenses?)\s*\((income|loss|losses|gains?|expenses?)\)", re.I)
# "Non-amortized intangible assets including goodwill (excluding telephone rights)": "including ..." and
# "(excluding ...)" qualify what the first words name
_QUALIFIERS = re.compile(r"\((?:excluding|including|inclusive of|except)\b[^()]*\)|\s(?:including|excluding)\s[^()]*$", re.I)
_PRODUCT = re.compile(r"\s*\([A-Z][A-Z0-9 /\-]+\)")
_SYNONYM_PATTERNS = tuple((re.compile(p), r) for p, r in _SYNONYMS)
_FOOTNOTE = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079*※]+")
_STOP = frozenset("the of for a an in to from on at by its our was were is are and or as with less that which consolidated"
                  " related number iij placed period".split())
_WORD = re.compile(r"[a-z0-9&]+")


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("xes"):  # "taxes"
        return word[:-2]
    if len(word) > 5 and word.endswith("sses"):  # "losses", "businesses"
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def norm(text: str) -> str:
    """The form phrases are compared in: lower case, synonyms applied, filler words gone, words singular."""
    text = unicodedata.normalize("NFKC", _FOOTNOTE.sub(" ", text)).lower().replace("’", "'")
    for pattern, replacement in _SYNONYM_PATTERNS:
        text = pattern.sub(replacement, text)
    words = [_stem(w) for w in _WORD.findall(text.replace("'s", "")) if w not in _STOP]
    return " ".join(words)


@dataclass(frozen=True)
class Match:
    concept: str | None
    score: float  # 0..100: share of the label's words found, times share of the phrase's words explained
    role: str  # where the phrase came from: "mapping", a label role ("label", "terse", "negated", …)
    phrase: str  # the vocabulary phrase that matched
    candidates: tuple[tuple[str, float], ...]  # distinct concepts, best first
    context_used: int = 0  # phrase words explained by the context, not by the label itself
    decisive: bool = True  # the runner-up lost on score or on structure (preferred, exact, context), not a tie

    @property
    def runner_up(self) -> float:
        return self.candidates[1][1] if len(self.candidates) > 1 else 0.0

    def why(self) -> str:
        how = "=" if self.score >= 100 and not self.context_used else f"~{self.score:.0f}"
        return f"{how} {self.phrase!r} ({self.role})"


NO_MATCH = Match(None, 0.0, "", "", ())


@dataclass(frozen=True)
class _Entry:
    concept: str
    role: str
    phrase: str
    words: tuple[str, ...]


class Vocabulary:
    """Phrases of the mapping file and the taxonomy, each naming a concept."""

    def __init__(self, concepts: dict[str, Concept], mapping: dict[str, tuple[str, ...]],
                 segments: dict[str, str]):
        # bases the taxonomy names only through their changes ("Rent expenses, change from ..."): a printed
        # label names the base, the column or the wording the change; the base itself is never a fact
        self.virtual = _virtual_bases(concepts)
        self.concepts = {**concepts, **self.virtual}
        self.segments = segments  # normal form of a segment label -> BusinessSegmentsAxis member name (no "Member")
        self._entries: list[_Entry] = []
        seen: set[tuple[str, str, str]] = set()
        for label, names in mapping.items():
            for name in names:
                if name in concepts:
                    self._add(label, name, "mapping", seen)
        for name, concept in self.concepts.items():
            if not concept.abstract:
                for role, label in concept.labels.items():
                    self._add(label.en, name, role, seen)
                item = re.match(r"^[^:]+:\s*(?P<item>\S.*)$", concept.labels["label"].en)
                if item and concept.period_type == "instant" and len(item["item"].split()) >= 2:
                    self._add(item["item"], name, "core", seen)  # "Other investments: available-for-sale securities"
                core = _QUALIFIERS.sub(" ", _QUALIFIERS.sub(" ", concept.labels["label"].en)).strip()
                core = _PRODUCT.sub("", core)  # "Cloud services (IIJ GIO) revenues": the product name may go
                if core != concept.labels["label"].en and len(core.split()) >= 2:  # qualifiers a text may leave out
                    self._add(core, name, "core", seen)
                one_sided = _ONE_SIDE.sub(r"\1", concept.labels["label"].en)
                if one_sided != concept.labels["label"].en:  # "Net loss attributable to ..." of "Net loss (income) ..."
                    self._add(one_sided, name, "label", seen)
                    # and its other side ("Net loss attributable to ..." of "Net income (loss) ..."): a row so
                    # labelled may print the other side's amounts (tables.TableReader._cell)
                    self._add(_ONE_SIDE.sub(r"\2", concept.labels["label"].en), name, "label", seen)
        self._exact: dict[str, list[_Entry]] = {}
        self._index: dict[str, list[int]] = {}
        self._reindex()
        self._same_cache: dict[tuple[str, str], bool] = {}

    @classmethod
    def load(cls, concepts: dict[str, Concept], mapping_path: Path, segment_labels: dict[str, str]) -> "Vocabulary":
        data = yamlines.load(mapping_path)
        mapping = {str(label): tuple(v) if isinstance(v, list) else (v,) for label, v in (data.get("labels") or {}).items()}
        segments = {norm(label): member for label, member in segment_labels.items()}
        return cls(concepts, mapping, segments)

    def alias(self, phrase: str, concept: str) -> None:
        """`phrase` names `concept` only (the wording of another era: "net income" before SFAS 160)."""
        words = tuple(norm(phrase).split())
        self._entries = [e for e in self._entries if e.words != words]
        self._entries.append(_Entry(concept, "mapping", phrase, words))
        self._reindex()

    def _reindex(self) -> None:
        self._exact = {}
        for entry in self._entries:
            self._exact.setdefault(" ".join(entry.words), []).append(entry)
        self._index = {}
        for i, entry in enumerate(self._entries):
            for word in set(entry.words):
                self._index.setdefault(word, []).append(i)

    def _add(self, phrase: str, concept: str, role: str, seen: set) -> None:
        words = tuple(norm(phrase).split())
        if words and (concept, role, words) not in seen:
            seen.add((concept, role, words))
            self._entries.append(_Entry(concept, role, phrase, words))

    def _same(self, a: str, b: str) -> bool:
        """Word equality that forgives the extraction's typos ("INVESTEEES", "INVESTES")."""
        if a == b:
            return True
        if min(len(a), len(b)) < 6:
            return False
        key = (a, b)
        if key not in self._same_cache:
            self._same_cache[key] = fuzz.ratio(a, b) >= 85
        return self._same_cache[key]

    def _near(self, word: str) -> list[str]:
        if word in self._index:
            return [word]
        if len(word) < 6:
            return []
        return [w for w, _, _ in process.extract(word, list(self._index), scorer=fuzz.ratio, score_cutoff=85, limit=3)]

    def match(self, label: str, context: Iterable[str] = (), accept: Callable[[str], bool] | None = None,
              prefer: Iterable[str] = (), near: Iterable[str] = (), outright: bool = True,
              background: Iterable[str] = (), family: Iterable[str] = (), structure: Iterable[str] = ()) -> Match:
        """Best concept for a printed label.

        Score: the share of the label's words a phrase holds, times the share of the phrase's words that the
        label or the `context` (caption, parent row, section) explain. `accept` filters the concepts that
        may answer. Of equal scores wins: the phrase the `context` (caption, heading, bullet head) completes
        more, an exact standard label (unless `outright` is off), `prefer` (the items of the total above), the
        phrase the `structure` (the label of that total) completes, a concept over a base known only through its
        changes, an exact mapping-file phrase, `near`
        (siblings of the row above), `family` (the table's statement), the phrase `background` completes.
        """
        words = norm(label).split()
        if not words:
            return NO_MATCH
        label_words = list(dict.fromkeys(words))
        # "total" and "expenses" may be dropped ("Sales and marketing expenses" of "Sales and marketing")
        required = [w for w in label_words if w not in ("total", "expense")] or label_words
        context_words = [w for w in dict.fromkeys(norm(" ".join(context)).split()) if w not in label_words]
        structure_words = [w for w in dict.fromkeys(norm(" ".join(structure)).split())
                           if w not in label_words and w not in context_words]
        background_words = [w for w in dict.fromkeys(norm(" ".join(background)).split())
                            if w not in label_words and w not in context_words and w not in structure_words]
        preferred, nearby, kin = set(prefer), set(near), set(family)
        listed = {c for e in self._exact.get(" ".join(words), ()) if e.role == "mapping" for c in [e.concept]}
        if len(listed) > 1:  # the mapping file lists the label as ambiguous: one of its concepts, by structure
            accept_ = accept
            accept = lambda name: name in listed and (accept_ is None or accept_(name))
        ids = {i for w in required for near in self._near(w) for i in self._index[near]}
        best: dict[str, tuple] = {}
        for i in ids:
            entry = self._entries[i]
            if accept is not None and not accept(entry.concept):
                continue
            if not all(any(self._same(l, w) for w in entry.words) for l in required):
                continue
            by_label = [w for w in entry.words if any(self._same(w, l) for l in label_words)]
            by_context = [w for w in entry.words if w not in by_label and any(self._same(w, c) for c in context_words)]
            by_structure = [w for w in entry.words if w not in by_label and w not in by_context
                            and any(self._same(w, c) for c in structure_words)]
            by_background = [w for w in entry.words if w not in by_label and w not in by_context
                             and w not in by_structure and any(self._same(w, c) for c in background_words)]
            explained = len(by_label) + len(by_context) + len(by_structure) + len(by_background)
            score = 100.0 * explained / len(entry.words)
            # an optional word of the label the phrase lacks ("Interest expense" is not "Interest income")
            score -= 5 * sum(not any(self._same(l, w) for w in entry.words) for l in label_words if l not in required)
            exact = sorted(entry.words) == sorted(words)
            # an exact standard or total label names its concept outright; a terse or mapping phrase
            # ("Equipment sales") may be a fragment that the total above ("Total Costs") completes
            named = outright and exact and entry.role in ("label", "total") and len(words) > 1 and len(listed) < 2
            rank = (score, len(by_context), named, entry.concept in preferred, len(by_structure),
                    entry.concept not in self.virtual, exact and entry.role == "mapping" and len(listed) < 2, entry.concept in nearby,
                    entry.concept in kin, exact, -len(by_background),
                    entry.role == "mapping", self.concepts[entry.concept].balance is not None,
                    entry.role in ("label", "terse", "total"),
                    fuzz.token_sort_ratio(" ".join(words), " ".join(entry.words)))
            if entry.concept not in best or rank > best[entry.concept][0]:
                best[entry.concept] = (rank, entry, len(by_context) + len(by_structure) + len(by_background))
        if not best:
            return NO_MATCH
        # of two concepts tied so far, the one the background (the section heading) names wins
        backed = {c: max(len(self._explained(e, background_words)) for e in self._entries_of(c, required, ids))
                  for c in best} if background_words else {}
        key = lambda v: v[0][:11] + (backed.get(v[1].concept, 0),) + v[0][11:]
        ordered = sorted(best.values(), key=key, reverse=True)
        rank, entry, used = ordered[0]
        # a statement line item over an adjustment decides only between concepts the mapping file lists
        depth = 14 if len(listed) > 1 else 12
        decisive = len(ordered) == 1 or rank[0] - ordered[1][0][0] >= 5 or key(ordered[0])[1:depth] > key(ordered[1])[1:depth]
        return Match(entry.concept, rank[0], entry.role, entry.phrase,
                     tuple((e.concept, r[0]) for r, e, _ in ordered[:4]), used, decisive)

    def _entries_of(self, concept: str, required: list[str], ids: set[int]) -> list[_Entry]:
        return [e for i in ids for e in [self._entries[i]] if e.concept == concept
                and all(any(self._same(l, w) for w in e.words) for l in required)]

    def _explained(self, entry: _Entry, words: list[str]) -> list[str]:
        return [w for w in entry.words if any(self._same(w, c) for c in words)]

    def containing(self, text: str) -> set[str]:
        """Concepts with a phrase holding every word of `text` (in the normal form)."""
        words = norm(text).split()
        if not words or any(w not in self._index for w in words):
            return set()
        ids = set.intersection(*(set(self._index[w]) for w in words))
        return {self._entries[i].concept for i in ids}

    def segment_in(self, text: str) -> tuple[str, set[str]] | None:
        """A segment a caption names ("ATM Operation Business:"): member and the words that name it."""
        words = set(norm(text).split())
        for key, member in self.segments.items():
            named = set(key.split()) - {"business"}
            if member != "Elimination" and named <= words:
                return member, named
        return None

    def without_segment(self, text: str) -> tuple[str, str] | None:
        """"ATM operation segment operating income" -> ("ATMOperationBusiness", "operating income")."""
        named = self.segment_in(text)
        if named is None:
            return None
        words = [w for w in norm(text).split() if w not in named[1] and w not in ("segment", "business")]
        return (named[0], " ".join(words)) if words else None

    def segment(self, text: str) -> str | None:
        """BusinessSegmentsAxis member (without "Member") a row label names, e.g. "ATM operation business"."""
        query = norm(text)
        hit = process.extractOne(query, list(self.segments), scorer=fuzz.token_sort_ratio, score_cutoff=88)
        return None if hit is None else self.segments[hit[0]]

    def derived(self, base: str, suffix: str) -> str | None:
        """The concept for a change or ratio of `base` ("Revenues" + "YoYChangeRatio": RevenuesPercentageChangeFromPriorYear),
        if the taxonomy has one."""
        suffix = _KINDS.get(suffix, suffix)
        for stem in dict.fromkeys((base, base.removesuffix("Loss"), base.removesuffix("Revenue"))):
            if stem + suffix in self.concepts:
                return stem + suffix
        label = self.concepts[base].labels["label"].en.lower()
        if suffix == "ToRevenuesRatio":  # "% of revenues" of a margin is its ratio ("Gross margin ratio")
            return self._by_label(label + " ratio")
        if suffix == "PeriodIncreaseDecrease":  # cash: "Net increase (decrease) in cash and cash equivalents"
            for name, concept in self.concepts.items():
                text = concept.labels["label"].en.lower()
                if concept.period_type == "duration" and label in text and "increase (decrease)" in text:
                    return name
        return None

    def _by_label(self, label: str) -> str | None:
        hits = {e.concept for e in self._entries if e.role == "label" and e.phrase.lower() == label}
        return hits.pop() if len(hits) == 1 else None

    def base_of(self, concept: str) -> tuple[str, str] | None:
        """(base, suffix) of a derived concept name, when the base exists."""
        for suffix in SUFFIXES:
            if concept.endswith(suffix) and concept[: -len(suffix)] in self.concepts:
                return concept[: -len(suffix)], suffix
        return None

    def label(self, concept: str) -> str:
        return self.concepts[concept].labels["label"].en


def _virtual_bases(concepts: dict[str, Concept]) -> dict[str, Concept]:
    """A base for every derived concept whose base the taxonomy lacks, labelled as the derived label's template
    leaves it: an amount (the type of its non-percentage changes, if any), of the period type of its changes
    (a period increase is the movement of a balance)."""
    found: dict[str, list[tuple[str, Concept]]] = {}
    for name, concept in concepts.items():
        suffix = next((s for s in SUFFIXES if name.endswith(s)), None)
        if suffix and name[: -len(suffix)] not in concepts and not concept.abstract:
            found.setdefault(name[: -len(suffix)], []).append((suffix, concept))
    out = {}
    for stem, derived in found.items():
        suffix, model = derived[0]
        amounts = [c for s, c in derived if "Percentage" not in s and not s.endswith("Ratio")]
        periods = [c for s, c in derived if s != "PeriodIncreaseDecrease"]
        label = Label(en=_DERIVED_WORDS.sub("", model.labels["label"].en),
                      ja=_DERIVED_WORDS_JA.sub("", model.labels["label"].ja))
        out[stem] = Concept(name=stem, data_type=amounts[0].data_type if amounts else "monetary",
                            period_type=periods[0].period_type if periods else "instant", labels={"label": label},
                            sign="positive")
    return out

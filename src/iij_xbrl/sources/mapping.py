"""The one table from printed row labels to concepts (sources/mapping.yaml).

Labels are compared normalised (case, footnote markers, dash styles, spacing, trailing colon). A label
that means different concepts in different tables ("Network Services" under revenues or under costs) is
listed with all its concepts and must be resolved by the table's explicit `rows`.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.sources import yamlines

_FOOTNOTE = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079*]+")
_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212]\s*")


def normalise(label: str) -> str:
    label = unicodedata.normalize("NFKC", _FOOTNOTE.sub(" ", label))
    label = _DASH.sub("-", label).lower().strip().rstrip(":").strip()
    return " ".join(label.split())


class LabelMap:
    def __init__(self, entries: dict[str, tuple[str, ...]]):
        self._entries = entries

    @classmethod
    def load(cls, path: Path) -> "LabelMap":
        data = yamlines.load(path)
        if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
            raise InputError(path, "expected a mapping with key `labels`")
        entries: dict[str, tuple[str, ...]] = {}
        for label, concepts in data["labels"].items():
            key = normalise(str(label))
            names = tuple(concepts) if isinstance(concepts, list) else (concepts,)
            line = data["labels"].key_lines.get(label)
            if key in entries:
                raise InputError(path, f"label {label!r} repeats an earlier label (labels match normalised)", line)
            if not names or not all(isinstance(n, str) for n in names):
                raise InputError(path, f"label {label!r}: expected a concept name or a list of them", line)
            entries[key] = names
        return cls(entries)

    def concepts(self) -> set[str]:
        return {name for names in self._entries.values() for name in names}

    def resolve(self, label: str) -> str:
        """Concept of a printed label; LookupError says why when there is no single one."""
        names = self._entries.get(normalise(label))
        if names is None:
            raise LookupError(f"label {label!r} is not in sources/mapping.yaml")
        if len(names) > 1:
            raise LookupError(f"label {label!r} is ambiguous ({', '.join(names)}): list the line in `rows`")
        return names[0]

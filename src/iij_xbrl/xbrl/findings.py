"""Findings: what every validator reports, as data (schemas/findings.schema.json).

One model for the Calculations 1.1 engine and the IIJ consistency rules alike, so
`out/findings.json` is a single list. Plain frozen dataclasses checked on construction,
not pydantic: importing pydantic and building models costs `iij-xbrl validate` about
0.2 s, a sixth of a 100k-fact run. `to_dict` / `from_dict` convert to and from the JSON object.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES = ("error", "warning", "info")


def _require(ok: bool, what: str) -> None:
    if not ok:
        raise ValueError(f"invalid finding: {what}")


def _optional_str(value: object) -> bool:
    return value is None or isinstance(value, str)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    document: str  # source file name (IIJ rules) or instance path (calculation checks)
    line: int | None = None  # 1-based; None when the reader cannot know it

    def __post_init__(self) -> None:
        _require(isinstance(self.document, str), f"source document {self.document!r}")
        _require(self.line is None or (type(self.line) is int and self.line >= 1), f"source line {self.line!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "line": self.line}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    rule: str  # stable id, e.g. "calc11e:inconsistentCalculationUsingRounding" or "iij:duplicate-mismatch"
    severity: Severity
    message: str
    filing: str | None = None  # IIJ filing id (fy2012h1 …) or the instance file for foreign reports
    concepts: list[str] = field(default_factory=list)  # prefixed or local names, total first
    period: str | None = None  # "2012-04-01..2012-09-30" or "2012-09-30"
    values: dict[str, str] = field(default_factory=dict)  # e.g. {"reported": "[668.5, 669.5]", "computed": …}
    sources: list[Source] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)  # ids of the facts concerned, the accused one first

    def __post_init__(self) -> None:
        _require(isinstance(self.rule, str) and bool(self.rule), f"rule {self.rule!r}")
        _require(self.severity in SEVERITIES, f"severity {self.severity!r}")
        _require(isinstance(self.message, str), f"message {self.message!r}")
        _require(_optional_str(self.filing) and _optional_str(self.period), "filing and period are strings or None")
        _require(all(isinstance(c, str) for c in self.concepts), f"concepts {self.concepts!r}")
        _require(all(isinstance(k, str) and isinstance(v, str) for k, v in self.values.items()),
                 f"values {self.values!r}")
        _require(all(isinstance(i, str) and i for i in self.facts), f"facts {self.facts!r}")
        # own copies (the fields are frozen, the caller's lists are not); dicts become Sources
        sources = [s if isinstance(s, Source) else Source(**s) for s in self.sources]
        object.__setattr__(self, "concepts", list(self.concepts))
        object.__setattr__(self, "values", dict(self.values))
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "facts", list(self.facts))

    def text(self) -> str:
        """One line: severity, rule, where, message."""
        where = self.sources[0] if self.sources else None
        loc = "" if where is None else (f"{where.document}:{where.line}: " if where.line else f"{where.document}: ")
        return f"{loc}{self.severity} {self.rule}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of schemas/findings.schema.json (fields in schema order)."""
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "filing": self.filing,
                "concepts": list(self.concepts), "period": self.period, "values": dict(self.values),
                "sources": [s.to_dict() for s in self.sources], "facts": list(self.facts)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """A finding from its JSON object; unknown keys and wrong types raise TypeError / ValueError."""
        return cls(**data)


def sort_key(f: Finding) -> tuple:
    # Deterministic output independent of dict/set iteration order.
    first = f.sources[0] if f.sources else Source(document="")
    return (first.document, first.line or 0, f.rule, f.concepts, f.period or "", sorted(f.values.items()))


def as_dict(finding: Finding | dict[str, Any]) -> dict[str, Any]:
    """The JSON object of a finding; writers also take findings already read back from findings.json."""
    return finding.to_dict() if isinstance(finding, Finding) else dict(finding)


def to_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1) + "\n"


def from_json(text: str) -> list[Finding]:
    """Findings from a findings.json text; ValueError or TypeError when it is not a list of findings."""
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError(f"a JSON {type(data).__name__}, not a list")
    return [Finding.from_dict(item) for item in data]

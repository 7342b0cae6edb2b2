"""Findings: what every validator reports, as data (schemas/findings.schema.json).

One model for the Calculations 1.1 engine and the IIJ consistency rules alike, so
`out/findings.json` is a single list. The calculation engine builds findings only
for problems found, never per fact, so pydantic stays out of the hot path.
"""
from __future__ import annotations

import json
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]


class Source(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str  # source file name (IIJ rules) or instance path (calculation checks)
    line: int | None = None  # 1-based; None when the reader cannot know it


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str  # stable id, e.g. "calc11e:inconsistentCalculationUsingRounding" or "iij:duplicate-mismatch"
    severity: Severity
    message: str
    filing: str | None = None  # IIJ filing id (fy2012h1 …) or the instance file for foreign reports
    concepts: list[str] = Field(default_factory=list)  # prefixed or local names, total first
    period: str | None = None  # "2012-04-01..2012-09-30" or "2012-09-30"
    values: dict[str, str] = Field(default_factory=dict)  # e.g. {"reported": "[668.5, 669.5]", "computed": …}
    sources: list[Source] = Field(default_factory=list)

    def text(self) -> str:
        """One line: severity, rule, where, message."""
        where = self.sources[0] if self.sources else None
        loc = "" if where is None else (f"{where.document}:{where.line}: " if where.line else f"{where.document}: ")
        return f"{loc}{self.severity} {self.rule}: {self.message}"


def sort_key(f: Finding) -> tuple:
    # Deterministic output independent of dict/set iteration order.
    first = f.sources[0] if f.sources else Source(document="")
    return (first.document, first.line or 0, f.rule, f.concepts, f.period or "", sorted(f.values.items()))


def to_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False, indent=1) + "\n"


def from_json(text: str) -> list[Finding]:
    return [Finding.model_validate(item) for item in json.loads(text)]

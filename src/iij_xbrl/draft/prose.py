"""Prose -> facts (placeholder while the table reader is measured)."""
from __future__ import annotations

from typing import Iterable, Iterator

from .context import Context
from .proposal import Pending, Proposal


class ProseReader:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def read(self, skip: Iterable[int]) -> Iterator[Proposal | Pending]:
        return iter(())

"""Errors the CLI turns into one-line messages instead of tracebacks."""
from __future__ import annotations


class InputError(Exception):
    """Bad input: names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"

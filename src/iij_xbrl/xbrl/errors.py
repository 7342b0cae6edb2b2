"""Errors the CLI turns into one-line messages instead of tracebacks."""
from __future__ import annotations


_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(32), 127)}  # a newline in a file name would split the line


def shown(path: object) -> str:
    """A path as text that can always be printed on one line: undecodable bytes and control characters of a
    file name appear as \\xNN."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.translate(_CONTROLS)


class InputError(Exception):
    """Bad input: names the file and, where known, the line and the specification's error code."""

    def __init__(self, path: str, message: str, line: int | None = None, code: str | None = None):
        self.path = shown(path)
        self.line = line or None  # libxml2 reports line 0 when it knows none (e.g. an empty file)
        # one line whatever the source: libxml2 ends some messages mid-sentence with a newline ("Char 0x0 out of
        # allowed range\n, line 12")
        self.message = " ".join(message.splitlines())
        self.code = code
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.code + ': ' if self.code else ''}{self.message}"

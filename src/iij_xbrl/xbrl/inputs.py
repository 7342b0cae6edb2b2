"""What the validator is given: a file, standard input, or a member of a report package, and its format.

The format is recognised from the content, never from the name: a zip is a report package, JSON is
xBRL-JSON or xBRL-CSV metadata (by its documentType), XML is an XBRL 2.1 instance or, with an XHTML
root, an inline XBRL document. HTML that is not XHTML is named as such instead of "not well-formed".
A file on disk is streamed where the reader can (XML instances); everything else is read whole, bounded.
"""
from __future__ import annotations

import io
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree

from . import xmlsafe
from .dts import file_url
from .errors import InputError

STDIN = "-"
STDIN_SHOWN = "<stdin>"
XHTML = "http://www.w3.org/1999/xhtml"
_BLANK = b"\xef\xbb\xbf \t\r\n"
_HTML = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]",
                   re.IGNORECASE | re.DOTALL)
_HEAD = 64 << 10  # enough for any root start tag with its namespace declarations


@dataclass(frozen=True)
class Input:
    """One document to read: `shown` names it in messages, `base` is the URL its references resolve against."""

    shown: str
    base: str
    path: Path | None = None  # a regular file on disk, or
    data: bytes | None = None  # its bytes in memory (standard input, a package member)

    @classmethod
    def file(cls, path: Path, shown: str) -> Input:
        return cls(shown, file_url(path), path=path)

    @classmethod
    def stdin(cls, limit: int = xmlsafe.MAX_DOCUMENT_BYTES) -> Input:
        """Standard input, read whole up to `limit` bytes; relative references resolve against the working
        directory."""
        if sys.stdin is None:  # started without one (pythonw, a closed descriptor 0)
            raise InputError(STDIN_SHOWN, "cannot read: there is no standard input", code="IOerror")
        stream = sys.stdin.buffer
        try:
            if os.isatty(stream.fileno()):
                raise InputError(STDIN_SHOWN, "refused: standard input is a terminal, not a document", code="IOerror")
            mode = os.fstat(stream.fileno()).st_mode
        except (OSError, ValueError, io.UnsupportedOperation):
            mode = None  # not a real descriptor (tests): read it as a stream
        if mode is not None and stat.S_ISDIR(mode):
            raise InputError(STDIN_SHOWN, "refused: standard input is a directory", code="IOerror")
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise InputError(STDIN_SHOWN, f"cannot read: {exc.strerror or exc}", code="IOerror") from None
        if len(data) > limit:
            raise InputError(STDIN_SHOWN, f"refused: more than the limit of {limit:,} bytes", code="IOerror")
        return cls(STDIN_SHOWN, Path.cwd().as_uri() + "/-", data=data)

    def head(self, size: int = _HEAD) -> bytes:
        if self.data is not None:
            return self.data[:size]
        return xmlsafe.read_regular(self.path, xmlsafe.MAX_XML_BYTES, head=size)

    def bytes(self, limit: int = xmlsafe.MAX_DOCUMENT_BYTES) -> bytes:
        if self.data is not None:
            if len(self.data) > limit:
                raise InputError(self.shown, f"refused: {len(self.data):,} bytes, more than the limit of {limit:,}",
                                 code="IOerror")
            return self.data
        return xmlsafe.read_regular(self.path, limit)

    def chunks(self, size: int) -> Iterator[bytes]:
        """The bytes in pieces of `size` (an XML instance up to xmlsafe.MAX_XML_BYTES), for a pull parser."""
        if self.data is not None:
            for start in range(0, len(self.data), size):
                yield self.data[start:start + size]
            return
        xmlsafe.regular_size(self.path, xmlsafe.MAX_XML_BYTES)
        with open(self.path, "rb") as fh:
            while piece := fh.read(size):
                yield piece

    def stream(self):
        """What lxml's iterparse reads: the file name (fastest) or the bytes."""
        if self.data is not None:
            return io.BytesIO(self.data)
        xmlsafe.regular_size(self.path, xmlsafe.MAX_XML_BYTES)
        return os.fsencode(self.path)


def kind(src: Input) -> str:
    """"zip", "json", "xbrl" (an XBRL 2.1 instance or other XML), "inline" (XHTML) or "html" (HTML, not XHTML)."""
    head = src.head()
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    text = head.lstrip(_BLANK)
    if text[:1] in (b"{", b"[") or _utf16_json(head):
        return "json"
    root = _root_tag(head)
    if root == f"{{{XHTML}}}html":
        return "inline"
    if root == "html" or (root is None and _HTML.match(text)):
        return "html"
    return "xbrl"


def _utf16_json(head: bytes) -> bool:
    """JSON in UTF-16 (a byte-order mark, then "{" or "["): still JSON, so the JSON reader says why it is refused
    (xBRL-JSON and xBRL-CSV metadata are UTF-8), not the XML parser."""
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:64].decode(encoding, "ignore").lstrip()[:1] in ("{", "[")
    return False


_INLINE_NS = b"http://www.xbrl.org/2013/inlineXBRL"
_XBRLI_ROOT = "{http://www.xbrl.org/2003/instance}xbrl"
_OIM_TYPES = (b"https://xbrl.org/2021/xbrl-json", b"https://xbrl.org/2021/xbrl-csv")


def is_report(path: Path) -> bool:
    """Whether the file at `path` is a report the validator reads, by content (for a directory's files): an XBRL
    instance (root xbrli:xbrl), an inline XBRL document (XHTML declaring the Inline XBRL namespace), xBRL-JSON or
    xBRL-CSV metadata (their documentType in the first 64 KiB), or a zip with a reports/ folder or
    META-INF/reportPackage.json (a report package, not a taxonomy package). Unreadable files are not reports."""
    src = Input.file(path, str(path))
    try:
        head = src.head()
    except InputError:
        return False
    found = kind(src)
    if found == "xbrl":
        return _root_tag(head) == _XBRLI_ROOT
    if found == "inline":
        return _INLINE_NS in head
    if found == "json":
        return any(t in head for t in _OIM_TYPES)
    if found == "zip":
        import zipfile

        try:
            with zipfile.ZipFile(path) as zf:
                return any(n.endswith("META-INF/reportPackage.json") or "/reports/" in n for n in zf.namelist())
        except (OSError, zipfile.BadZipFile):
            return True  # a broken zip: let the validator say what is wrong with it
    return False


def _root_tag(head: bytes) -> str | None:
    """The root element's Clark name from the first bytes (events before a syntax error still count), or None."""
    parser = etree.XMLPullParser(events=("start",), resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=True)
    try:
        parser.feed(head)
    except etree.XMLSyntaxError:
        pass
    for _, el in parser.read_events():
        return el.tag
    return None

"""Safe reading of untrusted files: regular files only, bounded sizes, no entities, no DTDs, no network.

A FIFO or a device would block or never end (`/dev/zero`), so every path is opened without blocking and
checked with fstat before a byte is read. An XML document whose DTD declares entities is refused: expanding
them could read local files (XXE) or explode in size, and silently dropping them would change fact values.
libxml2 bounds nesting depth (2048 levels with huge_tree) and entity amplification; its messages are
reworded so the user learns which limit was hit.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from lxml import etree

from .errors import InputError

MAX_XML_BYTES = 4 << 30  # an XML instance is streamed: 4 GiB is ~30 million facts
MAX_DOCUMENT_BYTES = 512 << 20  # taxonomy documents, JSON reports and zip members are read whole


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           remove_blank_text=False, huge_tree=True)


def regular_size(path: str | Path, limit: int) -> int:
    """Size of `path` if it is a regular file within `limit`; InputError otherwise. Opens nothing for reading
    that could block: the check uses a non-blocking open and fstat."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}", code="IOerror") from None
    try:
        return _checked_size(fd, path, limit)
    finally:
        os.close(fd)


def _checked_size(fd: int, path: str | Path, limit: int) -> int:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        kind = ("a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO" if stat.S_ISFIFO(info.st_mode)
                else "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                else "a socket" if stat.S_ISSOCK(info.st_mode) else "not a regular file")
        raise InputError(str(path), f"refused: {kind}, not a regular file", code="IOerror")
    if info.st_size > limit:
        raise InputError(str(path), f"refused: {info.st_size:,} bytes, more than the limit of {limit:,}",
                         code="IOerror")
    return info.st_size


def read_regular(path: str | Path, limit: int = MAX_DOCUMENT_BYTES, head: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (only its first `head` bytes, if given)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}", code="IOerror") from None
    try:
        size = _checked_size(fd, path, limit)
    except InputError:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as f:
        try:
            # read(n) allocates n bytes first: ask for the size fstat gave, then for what it grew by, if anything
            data = f.read(size + 1 if head is None else head)
            if head is None and len(data) > size:
                data += f.read(limit + 1 - len(data))
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}", code="IOerror") from None
    if len(data) > limit:  # grew while we read
        raise InputError(str(path), f"refused: more than the limit of {limit:,} bytes", code="IOerror")
    return data


def syntax_error(path: str, exc: etree.XMLSyntaxError) -> InputError:
    """The one-line error for an XML syntax error, naming the limit when libxml2 stopped at one."""
    msg = exc.msg or str(exc)
    if "amplification" in msg or "entity" in msg.lower() and "loop" in msg.lower():
        msg = f"refused: entity expansion ({msg})"
    elif "Excessive depth" in msg:
        msg = "refused: elements nested deeper than 2048 levels"
    elif "encoding" in msg.lower() or "Document labelled" in msg:
        return InputError(path, f"not decodable: {msg}", exc.lineno, code="IOerror")
    else:
        msg = f"not well-formed XML: {msg}"
    return InputError(path, msg, exc.lineno, code="xmlSchema:syntax")


def refuse_entities(root: etree._Element, path: str) -> None:
    """InputError when the document's DTD declares entities (checked before anything is read from it)."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        raise InputError(path, "refused: the DTD declares entities (never expanded)", 1, code="xmlSchema:syntax")


def parse(path: str | Path) -> etree._ElementTree:
    """A whole document from a file, with the same refusals."""
    return parse_bytes(read_regular(path), str(path)).getroottree()


def parse_bytes(data: bytes, url: str) -> etree._Element:
    """The root of a whole document (taxonomy schemas and linkbases), with the same refusals."""
    try:
        root = etree.fromstring(data, parser(), base_url=url)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(url, exc) from None
    refuse_entities(root, url)
    return root


def pull_parser(tag: str) -> etree.XMLPullParser:
    """A parser fed bytes a chunk at a time, with the same safety settings; only `tag` elements' start events."""
    return etree.XMLPullParser(events=("start",), tag=tag, resolve_entities=False, no_network=True, load_dtd=False,
                               dtd_validation=False, remove_blank_text=False, huge_tree=True)


def iterparse(path: str | Path, events: tuple[str, ...] = ("end",), tag=None):
    """Streaming parse with the same safety settings, for documents too large to keep as a tree.

    Syntax errors surface as etree.XMLSyntaxError while iterating; the caller names the file (syntax_error).
    The caller checks the file first (regular_size) and the DTD at the first event (refuse_entities).
    """
    return etree.iterparse(path, events=events, tag=tag, resolve_entities=False, no_network=True,
                           load_dtd=False, dtd_validation=False, remove_blank_text=False, huge_tree=True)

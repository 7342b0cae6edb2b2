"""The one XML parser configuration used for every input: no entities, no DTDs, no network."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from .errors import InputError


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           remove_blank_text=False, huge_tree=True)


def parse(path: str | Path) -> etree._ElementTree:
    try:
        return etree.parse(str(path), parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"not well-formed XML: {exc.msg}", exc.lineno) from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def iterparse(path: str | Path, events: tuple[str, ...] = ("end",), tag=None):
    """Streaming parse with the same safety settings, for documents too large to keep as a tree.

    Syntax errors surface as etree.XMLSyntaxError while iterating; the caller names the file.
    """
    return etree.iterparse(str(path), events=events, tag=tag, resolve_entities=False, no_network=True,
                           load_dtd=False, dtd_validation=False, remove_blank_text=False, huge_tree=True)

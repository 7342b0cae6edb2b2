"""Small lxml helpers shared by the schema and linkbase writers."""
from __future__ import annotations

from lxml import etree

from . import names as n


def q(prefix: str, local: str) -> str:
    """Clark name of `prefix:local` in the taxonomy's namespace map."""
    return f"{{{n.NS[prefix]}}}{local}"


def attrs(**xlink: str) -> dict[str, str]:
    """xlink:* attributes (type, href, role, arcrole, label, from, to) by short name."""
    return {q("xlink", "from" if k == "from_" else k): v for k, v in xlink.items()}


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

"""Builds the Taxonomy Packages 1.0 zip deterministically (sorted entries, fixed time and permissions)."""
from __future__ import annotations

from lxml import etree

from ..zips import zip_bytes
from . import names as n
from .xml import serialize

TP = "http://xbrl.org/2016/taxonomy-package"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_HOST_PATH = n.BASE_URL.removeprefix("http://")  # www.iij.ad.jp/xbrl/iij/2025/


def _metadata() -> bytes:
    root = etree.Element(f"{{{TP}}}taxonomyPackage", nsmap={"tp": TP})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")

    def sub(parent, tag, text=None, **attrs):
        el = etree.SubElement(parent, f"{{{TP}}}{tag}", **attrs)
        el.text = text
        return el

    sub(root, "identifier", n.BASE_URL + "package")
    sub(root, "name", "IIJ financial line items")
    sub(root, "name", "IIJ 財務項目タクソノミ", **{"{http://www.w3.org/XML/1998/namespace}lang": "ja"})
    sub(root, "version", "2025-01")
    sub(root, "publisher", "Internet Initiative Japan Inc.")
    sub(root, "publisherURL", "http://www.iij.ad.jp/")
    sub(root, "publisherCountry", "JP")
    entry_points = sub(root, "entryPoints")
    for name, url in (("IIJ 2025 line items (calculations per filing)", n.ENTRY_URL),
                      ("IIJ 2025 with all calculation networks", n.ALL_ENTRY_URL)):
        entry = sub(entry_points, "entryPoint")
        sub(entry, "name", name)
        sub(entry, "entryPointDocument", href=url)
    return serialize(root)


def _catalog() -> bytes:
    root = etree.Element(f"{{{CATALOG}}}catalog", nsmap={None: CATALOG})
    etree.SubElement(root, f"{{{CATALOG}}}rewriteURI", uriStartString=n.BASE_URL, rewritePrefix=f"../{_HOST_PATH}")
    return serialize(root)


def content(files: dict[str, bytes]) -> dict[str, bytes]:
    """The package's files below its top directory: META-INF and the taxonomy files (name -> bytes) under the
    published URL's path. Report packages carry the same content beside their reports."""
    entries = {"META-INF/taxonomyPackage.xml": _metadata(), "META-INF/catalog.xml": _catalog()}
    entries.update((f"{_HOST_PATH}{name}", data) for name, data in files.items())
    return entries


def package(files: dict[str, bytes]) -> bytes:
    """Zip of `content(files)` under the package's top directory."""
    return zip_bytes({f"{n.PACKAGE_NAME}/{rel}": data for rel, data in content(files).items()})

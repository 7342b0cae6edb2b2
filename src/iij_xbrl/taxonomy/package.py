"""Builds the Taxonomy Packages 1.0 zip deterministically (sorted entries, fixed time and permissions)."""
from __future__ import annotations

from lxml import etree

from ..zips import zip_bytes
from . import names as n
from .xml import serialize

TP = "http://xbrl.org/2016/taxonomy-package"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_HOST_PATH = n.BASE_URL.removeprefix("http://")  # www.iij.ad.jp/xbrl/iij/2025/
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _metadata() -> bytes:
    root = etree.Element(f"{{{TP}}}taxonomyPackage", nsmap={"tp": TP})
    root.set(XML_LANG, "en")

    def sub(parent, tag, text=None, **attrs):
        el = etree.SubElement(parent, f"{{{TP}}}{tag}", **attrs)
        el.text = text
        return el

    ja = {XML_LANG: "ja"}
    sub(root, "identifier", n.BASE_URL + "package")
    sub(root, "name", "IIJ financial line items")
    sub(root, "name", "IIJ 財務項目タクソノミ", **ja)
    sub(root, "description", "Line items, labels (English and Japanese), presentation, calculation and dimensions of "
        "the earnings releases (決算短信) and financial presentations of Internet Initiative Japan Inc., a US GAAP filer: "
        f"values carry their natural sign, concepts are anchored to us-gaap {n.USGAAP_VERSION} by references.")
    sub(root, "description", "株式会社インターネットイニシアティブ（米国会計基準）の決算短信・決算説明資料の財務項目、"
        "ラベル（英語・日本語）、表示・計算・ディメンション。値は自然な符号を持ち、各項目は参照により "
        f"us-gaap {n.USGAAP_VERSION} に対応付けられている。", **ja)
    sub(root, "version", n.PACKAGE_VERSION)
    sub(root, "license", href=n.LICENSE_URL, name=n.LICENSE_NAME)
    sub(root, "publisher", "Internet Initiative Japan Inc.")
    sub(root, "publisher", "株式会社インターネットイニシアティブ", **ja)
    sub(root, "publisherURL", "http://www.iij.ad.jp/")
    sub(root, "publisherCountry", "JP")
    sub(root, "publicationDate", n.PUBLICATION_DATE)
    entry_points = sub(root, "entryPoints")
    for url, (en, ja_name), (en_text, ja_text) in (
            (n.ENTRY_URL, ("IIJ 2025 line items", "IIJ 2025 財務項目"),
             ("Every line item with labels, presentation and dimensions; a filing adds the calculations it reports "
              "in full.", "全項目のラベル・表示・ディメンション。計算は各提出書類が完全に開示するものだけを加える。")),
            (n.ALL_ENTRY_URL, ("IIJ 2025 with all calculation networks", "IIJ 2025 全計算関係付き"),
             ("The line items with every calculation network.", "全項目と全ての計算関係。"))):
        entry = sub(entry_points, "entryPoint")
        sub(entry, "name", en)
        sub(entry, "name", ja_name, **ja)
        sub(entry, "description", en_text)
        sub(entry, "description", ja_text, **ja)
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

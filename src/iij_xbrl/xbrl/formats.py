"""Every input format to the one fact table: the reader is chosen by the content (inputs.kind), not the name.

| content | reader |
|---|---|
| XML, root xbrli:xbrl | instance.read_xml (XBRL 2.1, streamed) |
| XHTML | ixbrl.read_inline (Inline XBRL 1.1) |
| JSON, documentType …/xbrl-json | oim.read_json (xBRL-JSON 1.0) |
| JSON, documentType …/xbrl-csv | oim_csv.read_csv (xBRL-CSV 1.0: metadata and its tables) |
| zip | packages.read_package (Report Package 1.0: each report by the rows above) |

All of them fill instance.FactTable and validity.FactChecks, so validity and Calculations 1.1 are one code.
"""
from __future__ import annotations

from pathlib import Path

from . import xmlsafe
from .dts import DtsLoader
from .errors import InputError
from .inputs import STDIN, Input, kind
from .instance import Report, read_xml

FORMATS = ("XBRL 2.1 XML instance", "Inline XBRL 1.1 (XHTML)", "xBRL-JSON 1.0", "xBRL-CSV 1.0 (metadata JSON)",
           "Report Package 1.0 (.xbr, .xbri, .zip)")


def reports(path: Path | str, loader: DtsLoader, shown: str | None = None) -> list[Report]:
    """The reports at `path` ("-": standard input): one, or each report of a report package."""
    src = Input.stdin() if str(path) == STDIN else Input.file(Path(path), shown or str(path))
    return read(src, loader)


def read(src: Input, loader: DtsLoader, in_package: bool = False) -> list[Report]:
    found = kind(src)
    if found == "zip":
        if in_package:
            raise InputError(src.shown, "a zip inside a report package is not a report", code="rpe:incorrectReportType")
        from .packages import read_package

        return read_package(src, loader)
    if found == "json":
        from . import oim, oim_csv  # imported for JSON only: an XML instance's validation starts sooner

        doc = oim.load(src.bytes(), src.shown)
        if oim.document_type(doc) in oim_csv.DOCUMENT_TYPES:
            return [oim_csv.read_csv(src, loader, doc)]
        return [oim.read_json(src, loader, doc)]
    if found == "inline":
        from .ixbrl import read_inline

        return [read_inline([src], loader)]
    if found == "html":
        raise _not_xhtml(src)
    return [read_xml(src, loader)]


def _not_xhtml(src: Input) -> InputError:
    """HTML that is not XHTML: Inline XBRL is XML, so say where it stops being well-formed, if it does."""
    try:
        xmlsafe.parse_bytes(src.bytes(), src.shown)
    except InputError as exc:
        return InputError(src.shown, f"HTML, not XHTML: inline XBRL must be well-formed XML ({exc.message})",
                          exc.line, code="xmlSchema:syntax")
    return InputError(src.shown, "HTML, not XHTML: the root html element is not in the XHTML namespace "
                      "(http://www.w3.org/1999/xhtml)", 1, code="xbrl:notAnInstance")

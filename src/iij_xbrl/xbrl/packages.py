"""Report Package 1.0 (`.xbr`, `.xbri`, `.zip`): open the zip safely, find its reports, read each one.

Nothing is extracted to disk: members are read into memory when a reader or the DTS asks for them. A
package is refused (one line, exit 2) when its entries are too many, its uncompressed size too large
(zip bombs: the sizes declared in the directory are summed, and zipfile stops each member at its declared
size and checks its CRC), or an entry name is absolute or climbs out with `..` (path traversal).
The package rules are Report Package 1.0's, with Arelle's `rpe:` codes; as in Arelle, a defect that
leaves the reports findable is reported and the reports are still validated, the others stop here.
Relative references of a report resolve inside the package; the package's own taxonomy is used through
its META-INF/catalog.xml when META-INF/taxonomyPackage.xml is there (Taxonomy Packages 1.0).
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from pathlib import PurePosixPath

from . import xmlsafe
from .dts import DtsLoader, catalog_rewrites
from .errors import InputError
from .inputs import Input
from .instance import Report
from .validity import Problems

MAX_PACKAGE_BYTES = 1 << 30  # the zip file itself
MAX_UNCOMPRESSED = 2 << 30  # every member together, as declared
MAX_ENTRIES = 20_000
_TYPES = {"https://xbrl.org/report-package/2023/xbri": ".xbri", "https://xbrl.org/report-package/2023/xbr": ".xbr",
          "https://xbrl.org/report-package/2023": ".zip"}
_VERSIONED = re.compile(r"https?://xbrl\.org/report-package/")
_INLINE = frozenset((".xhtml", ".html", ".htm"))
_REPORTS = frozenset((".xbrl", ".json")) | _INLINE
_FATAL = frozenset(("rpe:missingReportsDirectory", "rpe:missingReport", "rpe:incorrectReportType",
                    "rpe:unsupportedFileExtension", "rpe:invalidDirectoryStructure"))


class Package:
    """An opened zip: its entries checked, members read on demand within the size budget."""

    def __init__(self, src: Input):
        self.shown = src.shown
        data = src.bytes(MAX_PACKAGE_BYTES)
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise InputError(self.shown, f"not a readable zip: {exc}", code="rpe:invalidArchiveFormat") from None
        if len(infos) > MAX_ENTRIES:
            raise InputError(self.shown, f"refused: {len(infos):,} zip entries, more than the limit of "
                             f"{MAX_ENTRIES:,}", code="IOerror")
        total = 0
        for info in infos:
            _check_name(info.filename, self.shown)
            total += info.file_size
        if total > MAX_UNCOMPRESSED:
            raise InputError(self.shown, f"refused: {total:,} bytes uncompressed, more than the limit of "
                             f"{MAX_UNCOMPRESSED:,} (zip bomb?)", code="IOerror")
        self.names = [i.filename for i in infos]
        self.files = frozenset(n for n in self.names if not n.endswith("/"))
        self.base = src.base + "!/"  # URLs of members: the package's URL, "!/", the member's name

    def read(self, name: str) -> bytes:
        info = self.zf.getinfo(name)
        if info.file_size > xmlsafe.MAX_DOCUMENT_BYTES:
            raise InputError(self.member_shown(name), f"refused: {info.file_size:,} bytes uncompressed, more than "
                             f"the limit of {xmlsafe.MAX_DOCUMENT_BYTES:,}", code="IOerror")
        try:
            with self.zf.open(info) as f:
                data = f.read(xmlsafe.MAX_DOCUMENT_BYTES + 1)
        except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error) as exc:
            raise InputError(self.member_shown(name), f"cannot read: {exc}", code="IOerror") from None
        return data

    def member_shown(self, name: str) -> str:
        return f"{self.shown}!/{name}"

    def input(self, name: str) -> Input:
        return Input(self.member_shown(name), self.base + name, data=self.read(name))


def _check_name(name: str, shown: str) -> None:
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in parts or "\0" in name:
        raise InputError(shown, f"refused: zip entry {name[:80]!r} is an absolute path or climbs out of the "
                         "package (path traversal)", code="IOerror")


class _Resolver:
    """The package's members by URL (and, through its catalog, the taxonomy it ships); the rest as before."""

    def __init__(self, package: Package, outer) -> None:
        self.package, self.outer = package, outer
        self.rewrites: list[tuple[str, str]] = []

    def read(self, url: str) -> bytes | None:
        pkg = self.package
        if url.startswith(pkg.base):
            name = posixpath.normpath(url[len(pkg.base):])
            if name not in pkg.files:
                raise InputError(url, f"not in the package (looked for {name})", code="IOerror")
            return pkg.read(name)
        for start, target in self.rewrites:
            if url.startswith(start):
                name = posixpath.normpath(target + url[len(start):])
                if name in pkg.files:
                    return pkg.read(name)
        return self.outer.read(url)


def read_package(src: Input, loader: DtsLoader) -> list[Report]:
    from .formats import read

    package = Package(src)
    problems = Problems()
    top, entries = _layout(package, src, problems)
    resolver = _Resolver(package, loader.resolver)
    if f"{top}/META-INF/taxonomyPackage.xml" in package.files and f"{top}/META-INF/catalog.xml" in package.files:
        name = f"{top}/META-INF/catalog.xml"
        resolver.rewrites = sorted(catalog_rewrites(package.read(name), name, package.member_shown(name)),
                                   key=lambda r: -len(r[0]))
    own = DtsLoader(resolver)  # a DTS of its own: the package's taxonomy may differ from --packages
    found: list[Report] = []
    for files in entries:
        inputs = [package.input(f) for f in files]
        if len(inputs) > 1:  # an inline XBRL document set
            from .ixbrl import read_inline

            found.append(read_inline(inputs, own))
        else:
            found.extend(read(inputs[0], own, in_package=True))
    if problems:
        ahead = Problems()
        for item in problems:
            ahead.add(*item)
        for item in found[0].problems:
            ahead.add(*item)
        found[0].problems = ahead
    return found


def _layout(package: Package, src: Input, problems: Problems) -> tuple[str, list[list[str]]]:
    """The top directory and the reports (each a list of files: one, or the documents of an inline set)."""
    ext = PurePosixPath(src.shown).suffix.lower() if src.path is not None else None
    if ext is not None and ext not in (".xbr", ".xbri", ".zip"):
        _fatal(src, "rpe:unsupportedFileExtension", f"a report package is .xbr, .xbri or .zip, not {ext or 'no extension'}")
    tops = {n.split("/", 1)[0] for n in package.names}
    if len(tops) != 1 or any("/" not in n for n in package.names if not n.endswith("/")):
        _fatal(src, "rpe:invalidDirectoryStructure", "a report package holds exactly one top-level directory and "
               f"nothing beside it (found {len(tops)} top-level entries)")
    top = tops.pop()
    declared = _package_type(package, top, problems)
    if ext is None:  # standard input: the package says what it is
        ext = declared or ".zip"
    elif declared is not None and declared != ext or declared is None and ext != ".zip":
        problems.add("rpe:documentTypeFileExtensionMismatch", None, f"a {ext} package "
                     + (f"declares {declared}" if declared else "needs META-INF/reportPackage.json"))
    if not any(n.startswith(f"{top}/reports/") for n in package.names):
        _fatal(src, "rpe:missingReportsDirectory", f"no {top}/reports/ directory")
    direct, by_dir = [], {}
    for name in sorted(package.files):
        path = PurePosixPath(name)
        if path.suffix.lower() not in _REPORTS or path.parts[1:2] != ("reports",) or not 3 <= len(path.parts) <= 4:
            continue
        if len(path.parts) == 3:
            direct.append([name])
        else:
            by_dir.setdefault(path.parts[2], []).append(name)
    reports = list(direct)
    for files in by_dir.values():
        if len(files) == 1 or all(PurePosixPath(f).suffix.lower() in _INLINE for f in files):
            reports.append(files)
        else:
            problems.add("rpe:multipleReportsInSubdirectory", None, f"{package.member_shown(files[0])}: "
                         f"{len(files)} reports in one subdirectory of reports/")
            reports.extend([f] for f in files)
    if not reports:
        _fatal(src, "rpe:missingReport", f"nothing to read in {top}/reports/ (.xbrl, .json, .xhtml, .html, .htm, "
               "directly or one directory down)")
    if ext in (".xbr", ".xbri") and len(reports) > 1:
        problems.add("rpe:multipleReports", None, f"a {ext} package holds one report, not {len(reports)}")
    inline = [PurePosixPath(r[0]).suffix.lower() in _INLINE for r in reports]
    if ext == ".xbri" and not all(inline) or ext == ".xbr" and any(inline):
        _fatal(src, "rpe:incorrectReportType", f"a {ext} package holds "
               + ("inline XBRL reports only" if ext == ".xbri" else "no inline XBRL report"))
    return top, reports


def _package_type(package: Package, top: str, problems: Problems) -> str | None:
    """The extension META-INF/reportPackage.json declares; None when there is none or it is unusable."""
    name = f"{top}/META-INF/reportPackage.json"
    if name not in package.files:
        return None
    from .oim import load

    try:
        doc = load(package.read(name), package.member_shown(name), code="rpe:invalidJSON")
    except InputError as exc:
        problems.add("rpe:invalidJSON", None, f"{package.member_shown(name)}: {exc.message}")
        return None
    info = doc.get("documentInfo") if isinstance(doc, dict) else None
    kind = info.get("documentType") if isinstance(info, dict) else None
    if not isinstance(kind, str):
        problems.add("rpe:invalidJSONStructure", None, f"{package.member_shown(name)}: documentInfo.documentType "
                     "is missing or not a string")
        return None
    if kind not in _TYPES:
        problems.add("rpe:unsupportedReportPackageVersion", None, f"{package.member_shown(name)}: documentType "
                     f"{kind[:80]!r} is not a Report Package 1.0 type"
                     + ("" if _VERSIONED.match(kind) else " (not a report package type at all)"))
        return None
    return _TYPES[kind]


def _fatal(src: Input, code: str, message: str) -> None:
    raise InputError(src.shown, message, code=code)


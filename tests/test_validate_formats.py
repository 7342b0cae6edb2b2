"""`validate` in every input format: inline XBRL, xBRL-CSV, report packages, standard input; one fact table.

The expected error codes are those Arelle 2.47.3 prints for the same inputs (shared notes §14–16, checked
against it); the published filings must give the same verdict and calculation findings in all five formats.
"""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import validity_corpus as corpus

from iij_xbrl.xbrl import packages
from iij_xbrl.xbrl.command import validate_files

CLI = [sys.executable, "-c", "from iij_xbrl.cli import main; main()", "validate"]
IX_NS = ('xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" '
         'xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" '
         'xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" '
         'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" '
         'xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
         f'xmlns:t="{corpus.NS}"')
TOTAL = '<ix:nonFraction name="t:Total" contextRef="D" unitRef="JPY" decimals="-3" scale="3" ' \
        'format="ixt:num-dot-decimal">1,234</ix:nonFraction>'
A = '<ix:nonFraction name="t:A" contextRef="D" unitRef="JPY" decimals="-3" scale="3" ' \
    'format="ixt:num-comma-decimal">1.334</ix:nonFraction>'
B = '(<ix:nonFraction name="t:B" contextRef="D" unitRef="JPY" decimals="-3" scale="3" sign="-" ' \
    'format="ixt:num-dot-decimal">100</ix:nonFraction>)'
STR = '<ix:nonNumeric name="t:Str" contextRef="D" continuedAt="c1">Internet <ix:exclude>[p. 3]</ix:exclude>' \
      'access, </ix:nonNumeric>'
CONT = '<ix:continuation id="c1">outsourcing.</ix:continuation>'


def inline(body: list[str] | None = None, hidden: str = "", refs: str | None = None, header: bool = True) -> str:
    """Notes §15's valid inline report over the corpus taxonomy: Total 1234000 = A 1334000 + B -100000."""
    refs = '<link:schemaRef xlink:type="simple" xlink:href="t.xsd"/>' if refs is None else refs
    resources = "".join(corpus.CONTEXTS + corpus.UNITS)
    hidden = f"<ix:hidden>{hidden}</ix:hidden>" if hidden else ""  # an empty ix:hidden is schema-invalid
    head = (f'<div style="display:none"><ix:header>{hidden}<ix:references>{refs}'
            f'</ix:references><ix:resources>{resources}</ix:resources></ix:header></div>') if header else ""
    parts = [TOTAL, A, B, STR, CONT] if body is None else body
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<html {IX_NS} xml:lang="en"><head><title>t</title></head>'
            f'<body>{head}\n' + "\n".join(f"<p>{p}</p>" for p in parts) + "\n</body></html>\n")


def _codes(path: Path) -> tuple[int, set[str]]:
    [result] = validate_files([path], [])
    return result.exit_code(), {f.rule for f in result.findings if f.severity == "error"}


@pytest.fixture()
def tax(tmp_path: Path) -> Path:
    corpus.write_taxonomy(tmp_path)
    return tmp_path


def _write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- inline XBRL ------------------------------------------------------------------------------------

def test_inline_values_formats_scale_sign_continuations(tax: Path) -> None:
    eps = '<ix:nonFraction name="t:EPS" contextRef="D" unitRef="pure" decimals="INF" format="ixt:fixed-zero">-' \
          '</ix:nonFraction>'
    assert _codes(_write(tax, "ok.xhtml", inline(hidden=eps))) == (0, set())
    off = inline([TOTAL.replace("1,234", "1,236"), A, B, STR, CONT])  # 1236000 vs [1233000, 1235000]: not ±1500
    [result] = validate_files([_write(tax, "off.xhtml", off)], [])
    assert result.exit_code() == 1
    [f] = [f for f in result.findings if f.severity == "error"]
    assert f.rule == "calc11e:inconsistentCalculationUsingRounding"
    assert f.values["reported"] == "[1235500, 1236500]" and f.values["computed"] == "[1233000, 1235000]"


def test_inline_text_deeper_than_the_recursion_limit(tax: Path) -> None:
    deep = ('<ix:nonNumeric name="t:Str" contextRef="D">' + "<span>" * 1500 + "x<!-- c -->y" + "</span>" * 1500
            + "<ix:exclude>[p. 3]</ix:exclude>z</ix:nonNumeric>")
    assert _codes(_write(tax, "deep.xhtml", inline([TOTAL, A, B, deep]))) == (0, set())


INLINE_ERRORS = [  # (name, report, Arelle's codes: notes §15)
    ("transform-value", inline([TOTAL.replace("1,234", "-1,234"), A, B]), {"ix11.10.1.1:transformValueError"}),
    ("tr3-name-under-tr4", inline([TOTAL.replace("num-dot-decimal", "numdotdecimal"), A, B]),
     {"ix11.10.1.2:invalidTransformation"}),
    ("no-format-grouped", inline([TOTAL.replace(' format="ixt:num-dot-decimal"', ""), A, B]), {"xmlSchema:valueError"}),
    ("continuation-missing", inline([TOTAL, A, B, STR]), {"ix11.11.1.2:continuationMissing"}),
    ("continuation-unreferenced", inline([TOTAL, A, B, STR, CONT, '<ix:continuation id="c2">x</ix:continuation>']),
     {"ix11.4.1.2:continuationNotReferenced"}),
    ("exclude-misplaced", inline([TOTAL, A, B, STR, CONT, "<ix:exclude>x</ix:exclude>"]),
     {"ix11.5.1.1:excludeMisplaced"}),
    ("context-reference", inline([TOTAL.replace('contextRef="D"', 'contextRef="X"'), A, B]),
     {"ix11.10.1.2:contextReference", "xbrl.4.6.1:itemContextRef"}),
    ("unit-reference", inline([TOTAL.replace('unitRef="JPY"', 'unitRef="X"'), A, B]),
     {"ix11.10.1.2:unitReference", "xbrl.4.6.2:numericUnit"}),
    ("non-fraction-children", inline([TOTAL.replace(">1,234<", "><b>1,234</b><"), A, B]),
     {"ix11.10.1.2:nonFractionChildren"}),
    ("sign-plus", inline([TOTAL.replace("scale=", 'sign="+" scale='), A, B]), {"lxml.SCHEMAV_CVC_PATTERN_VALID"}),
    ("undeclared-item", inline([TOTAL, A, B.replace("t:B", "t:Nope")]), {"ix11.12.1.2:missingReferences"}),
    ("undeclared-tuple", inline([TOTAL, A, B, '<ix:tuple name="t:T" tupleRef="t1"/>']),
     {"ix11.12.1.2:missingReferences"}),
    ("item-named-as-tuple", inline([TOTAL, A, B, '<ix:tuple name="t:A" tupleID="t1"/>']), {"xmlSchema:valueError"}),
    ("duplicate-id", inline([TOTAL.replace("<ix:nonFraction", '<ix:nonFraction id="x"'),
                             A.replace("<ix:nonFraction", '<ix:nonFraction id="x"'), B]), {"xml.3.3.1:idMustBeUnique"}),
]


@pytest.mark.parametrize("name, text, codes", INLINE_ERRORS, ids=[c[0] for c in INLINE_ERRORS])
def test_inline_errors_have_arelles_codes(tax: Path, name: str, text: str, codes: set[str]) -> None:
    code, found = _codes(_write(tax, f"{name}.xhtml", text))
    assert code == 2 and codes <= found, found
    assert not {c for c in found - codes if c.startswith("ix11.")}, found


def test_inline_header_and_references_are_required(tax: Path) -> None:
    assert _codes(_write(tax, "nohead.xhtml", inline(header=False))) == (2, {"ix11.8.1.3:missingHeader"})
    assert _codes(_write(tax, "norefs.xhtml", inline(refs=""))) == (2, {"ix11.12.1.2:missingReferences"})


# ---- xBRL-CSV ---------------------------------------------------------------------------------------

def csv_report(root: Path, rows: str = "t:MemA,100000d-3,30000d-3,70000d-3\nt:MemB,5,2,3\n",
               header: str = "segment,total,a,b", **changes) -> Path:
    """Notes §14's dimensional template over the corpus taxonomy."""
    meta = {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-csv", "taxonomy": ["t.xsd"],
                             "namespaces": corpus.JSON_NS},
            "dimensions": {"entity": "e:E", "unit": "iso4217:JPY", "period": "2012-04-01..2012-09-30"},
            "tableTemplates": {"seg": {"dimensions": {"t:SegAxis": "$segment"},
                                       "columns": {"segment": {}, "total": {"dimensions": {"concept": "t:Total"}},
                                                   "a": {"dimensions": {"concept": "t:A"}},
                                                   "b": {"dimensions": {"concept": "t:B"}}}}},
            "tables": {"seg": {"template": "seg", "url": "seg.csv"}}}
    for key, value in changes.items():
        meta = json.loads(json.dumps(meta).replace(key, value))
    (root / "seg.csv").write_text(f"{header}\n{rows}", encoding="utf-8")
    return _write(root, "r-metadata.json", json.dumps(meta))


def test_csv_reads_templates_dimensions_and_decimals_suffixes(tax: Path) -> None:
    assert _codes(csv_report(tax)) == (0, set())
    [result] = validate_files([csv_report(tax, rows="t:MemA,100000d-3,30000d-3,75000d-3\nt:MemB,5,2,4\n")], [])
    assert [(f.values["reported"], f.values["computed"]) for f in result.findings if f.severity == "error"] == \
        [("[99500, 100500]", "[104000, 106000]"), ("[5, 5]", "[6, 6]")]  # notes §14



def test_attributes_of_thousands_of_digits_are_read_not_an_internal_error(tax: Path) -> None:
    # int() refuses strings of 4,300+ digits, leading zeros included: each of these was "internalError"
    zeros = "0" * 5000
    padded = inline([TOTAL.replace('scale="3"', f'scale="{zeros}3"'), A, B, STR, CONT])
    assert _codes(_write(tax, "padded.xhtml", padded)) == (0, set())  # scale 0…03 is 3
    giant = inline([TOTAL.replace('scale="3"', f'scale="{"9" * 5000}"'), A, B, STR, CONT])
    code, rules = _codes(_write(tax, "giant.xhtml", giant))
    assert code == 2 and rules == {"xmlSchema:valueError"}
    assert _codes(csv_report(tax, rows=f"t:MemA,100000d-{zeros}3,30000d-3,70000d-3\nt:MemB,5,2,3\n")) == (0, set())
    for giant in ("9" * 5000, "-" + "9" * 5000):  # decimals far beyond any digit: exact, or the whole line
        assert _codes(csv_report(tax, rows=f"t:MemA,100000d{giant},30000d-3,70000d-3\n")) == (0, set())
    xml = _write(tax, "padded.xbrl", corpus.instance().replace('decimals="0"', f'decimals="{zeros}"'))
    assert _codes(xml) == (0, set())


CSV_ERRORS = [
    ("unknown-column", {"header": "segment,total,a,c"}, {"xbrlce:unknownColumn"}),
    ("bad-suffix", {"rows": "t:MemA,100000d-3,30000d-3,70000d\n"}, {"xbrlce:invalidDecimalsSuffix"}),
    ("special-value", {"rows": "t:MemA,100000d-3,30000d-3,#foo\n"}, {"xbrlce:unknownSpecialValue"}),
    ("reference-target", {"$segment": "$segmnt"}, {"xbrlce:invalidReferenceTarget"}),
    ("unknown-template", {'"template": "seg"': '"template": "nope"'}, {"xbrlce:unknownTableTemplate"}),
    ("missing-file", {'"url": "seg.csv"': '"url": "nope.csv"'}, {"xbrlce:missingRequiredCSVFile"}),
    ("grouped-number", {"rows": 't:MemA,100000d-3,30000d-3,"70,000"\n'}, {"xbrlce:invalidFactValue"}),
]


@pytest.mark.parametrize("name, change, codes", CSV_ERRORS, ids=[c[0] for c in CSV_ERRORS])
def test_csv_errors_have_arelles_codes(tax: Path, name: str, change: dict, codes: set[str]) -> None:
    code, found = _codes(_csv_case(tax, change))
    assert code == 2 and codes <= found, found


# ---- report packages --------------------------------------------------------------------------------

def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _taxonomy_members(tax: Path, where: str) -> dict[str, bytes]:
    return {f"{where}/{p.name}": p.read_bytes() for p in tax.iterdir() if p.suffix in (".xsd", ".xml")}


def _package_json(kind: str) -> str:
    return json.dumps({"documentInfo": {"documentType": f"https://xbrl.org/report-package/2023{kind}"}})


def test_packages_open_each_kind(tax: Path) -> None:
    xbrl = corpus.instance()
    base = _taxonomy_members(tax, "p/reports")
    xbr = _zip(tax / "a.xbr", {"p/META-INF/reportPackage.json": _package_json("/xbr"), "p/reports/r.xbrl": xbrl,
                               **base})
    xbri = _zip(tax / "a.xbri", {"p/META-INF/reportPackage.json": _package_json("/xbri"),
                                 "p/reports/r.xhtml": inline(), **base})
    two = _zip(tax / "two.zip", {"p/reports/a/r.xbrl": xbrl, "p/reports/b/r.xbrl": xbrl,
                                 **_taxonomy_members(tax, "p/reports/a"), **_taxonomy_members(tax, "p/reports/b")})
    for path in (xbr, xbri, two):
        assert _codes(path) == (0, set()), path.name
    [result] = validate_files([two], [])
    assert result.counts["facts"] == 6  # both reports read


def test_inline_document_set_in_a_package_is_one_report(tax: Path) -> None:
    """Two documents of one report directory: the second has no header and uses the first's contexts."""
    first, second = inline([TOTAL, A, STR]), inline([B, CONT], header=False)
    pkg_tax = {n.replace("p/reports/", "p/reports/a/"): d for n, d in _taxonomy_members(tax, "p/reports").items()}
    pkg = _zip(tax / "set.xbri", {"p/META-INF/reportPackage.json": _package_json("/xbri"),
                                  "p/reports/a/1.xhtml": first, "p/reports/a/2.xhtml": second, **pkg_tax})
    [result] = validate_files([pkg], [])
    assert result.exit_code() == 0 and result.counts["facts"] == 4, [f.rule for f in result.findings]
    off = _zip(tax / "off.xbri", {"p/META-INF/reportPackage.json": _package_json("/xbri"), "p/reports/a/1.xhtml": first,
                                  "p/reports/a/2.xhtml": second.replace(">100<", ">200<"), **pkg_tax})
    [result] = validate_files([off], [])
    assert [f.rule for f in result.findings] == ["calc11e:inconsistentCalculationUsingRounding"]


PACKAGE_ERRORS = [  # (name, extension, members beyond the taxonomy, Arelle's code: notes §16)
    ("mismatch", ".xbr", {"p/META-INF/reportPackage.json": _package_json("/xbri"), "p/reports/r.xbrl": "X"},
     "rpe:documentTypeFileExtensionMismatch"),
    ("no-json", ".xbr", {"p/reports/r.xbrl": "X"}, "rpe:documentTypeFileExtensionMismatch"),
    ("version", ".zip", {"p/META-INF/reportPackage.json": _package_json("/2099/xbr").replace("2023/2099", "2099"),
                         "p/reports/r.xbrl": "X"}, "rpe:unsupportedReportPackageVersion"),
    ("bad-json", ".zip", {"p/META-INF/reportPackage.json": "{", "p/reports/r.xbrl": "X"}, "rpe:invalidJSON"),
    ("no-reports", ".zip", {"p/META-INF/reportPackage.json": _package_json(""), "p/other/r.xbrl": "X"},
     "rpe:missingReportsDirectory"),
    ("too-deep", ".zip", {"p/META-INF/reportPackage.json": _package_json(""), "p/reports/a/b/r.xbrl": "X"},
     "rpe:missingReport"),
    ("two-in-xbr", ".xbr", {"p/META-INF/reportPackage.json": _package_json("/xbr"), "p/reports/r.xbrl": "X",
                            "p/reports/s.xbrl": "X"}, "rpe:multipleReports"),
    ("xbrl-in-xbri", ".xbri", {"p/META-INF/reportPackage.json": _package_json("/xbri"), "p/reports/r.xbrl": "X"},
     "rpe:incorrectReportType"),
    ("two-in-subdir", ".zip", {"p/META-INF/reportPackage.json": _package_json(""), "p/reports/a/r.xbrl": "X",
                               "p/reports/a/s.json": "J"},
     "rpe:multipleReportsInSubdirectory"),
    ("two-tops", ".zip", {"p/META-INF/reportPackage.json": _package_json(""), "p/reports/r.xbrl": "X",
                          "q/reports/r.xbrl": "X"}, "rpe:invalidDirectoryStructure"),
    ("extension", ".rpk", {"p/reports/r.xbrl": "X"}, "rpe:unsupportedFileExtension"),
]


# Where our code is not Arelle's: with two top-level directories Arelle does not report
# rpe:invalidDirectoryStructure (Report Package 1.0 §3.2) but fails to find the schema (IOerror); exit 2 both.
NOT_ARELLES = {"two-tops"}


def _package(tax: Path, name: str, ext: str, members: dict) -> Path:
    report = corpus.instance().replace('xlink:href="t.xsd"', 'xlink:href="../t.xsd"')
    json_report = corpus.json_report().replace('"t.xsd"', '"../t.xsd"')
    filled = {n: {"X": report, "J": json_report}.get(v, v) for n, v in members.items()}
    taxonomy = _taxonomy_members(tax, "p")
    if any(n.startswith("p/reports/") for n in members):  # ../t.xsd from reports/a/ too
        taxonomy.update(_taxonomy_members(tax, "p/reports"))
    return _zip(tax / f"{name}{ext}", {**filled, **taxonomy})


@pytest.mark.parametrize("name, ext, members, code", PACKAGE_ERRORS, ids=[c[0] for c in PACKAGE_ERRORS])
def test_package_errors_have_arelles_codes(tax: Path, name: str, ext: str, members: dict, code: str) -> None:
    exit_code, found = _codes(_package(tax, name, ext, members))
    assert exit_code == 2 and code in found, found


def _csv_case(root: Path, change: dict) -> Path:
    kw = {k: v for k, v in change.items() if k in ("rows", "header")}
    return csv_report(root, **kw, **{k: v for k, v in change.items() if k not in kw})


@pytest.mark.arelle
def test_arelle_prints_the_expected_codes(tmp_path: Path) -> None:
    """The expectations above, run through Arelle 2.47.3 in one process: each expected code is among Arelle's,
    the valid reports are valid for Arelle too, and every case is invalid for both."""
    import calcgen

    corpus.write_taxonomy(tmp_path)
    cases: dict[str, tuple[Path, set[str]]] = {"ok-inline": (_write(tmp_path, "ok.xhtml", inline()), set())}
    for name, text, codes in INLINE_ERRORS:
        cases[name] = (_write(tmp_path, f"{name}.xhtml", text), codes)
    for name, change, codes in CSV_ERRORS:
        folder = tmp_path / name
        folder.mkdir()
        corpus.write_taxonomy(folder)
        cases[name] = (_csv_case(folder, change), codes)
    cases["ok-csv"] = (csv_report(tmp_path), set())
    for name, ext, members, code in PACKAGE_ERRORS:
        cases[name] = (_package(tmp_path, name, ext, members), {code})
    logs = calcgen.arelle_batch([p for p, _ in cases.values()])
    for name, (path, codes) in cases.items():
        arelle = {e["code"] for e in logs[str(path)] if e.get("level") in ("error", "critical", "inconsistency")}
        assert bool(arelle) == bool(codes) == (_codes(path)[0] != 0), (name, arelle)
        if name not in NOT_ARELLES:
            assert codes <= arelle, (name, arelle)


# ---- hostile inputs: exit 2 and one line -------------------------------------------------------------

def _one_line(args: list, stdin: bytes | None = None) -> str:
    proc = subprocess.run(CLI + [str(a) for a in args], input=stdin, capture_output=True, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err, err
    [line] = err.splitlines()
    assert line.startswith("error: ")
    return line


def test_hostile_packages_and_html_are_one_line(tax: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    traversal = _zip(tax / "up.zip", {"p/reports/../../evil.xbrl": "x"})
    assert "path traversal" in _one_line([traversal])
    absolute = _zip(tax / "abs.zip", {"/etc/evil.xbrl": "x"})
    assert "path traversal" in _one_line([absolute])
    html = _write(tax, "page.xhtml", "<!DOCTYPE html><html><body><p>1<br></p></body></html>")
    assert "HTML, not XHTML" in _one_line([html])
    no_ns = _write(tax, "plain.html", "<html><body><p>1</p></body></html>")
    assert "not in the XHTML namespace" in _one_line([no_ns])
    # a zip bomb: 64 MiB of zeros in 64 KiB, refused by the uncompressed budget before anything is inflated
    bomb = tax / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("p/reports/r.xbrl", b"\0" * (64 << 20))
    monkeypatch.setattr(packages, "MAX_UNCOMPRESSED", 32 << 20)
    [result] = validate_files([bomb], [])
    assert result.invalid and "zip bomb" in result.first_error
    monkeypatch.setattr(packages, "MAX_ENTRIES", 3)
    many = _zip(tax / "many.zip", {f"p/reports/{i}.xbrl": "x" for i in range(5)})
    [result] = validate_files([many], [])
    assert result.invalid and "zip entries" in result.first_error


def test_a_member_larger_than_it_declares_is_refused(tax: Path) -> None:
    path = _zip(tax / "liar.xbr", {"p/META-INF/reportPackage.json": _package_json("/xbr"),
                                   "p/reports/r.xbrl": corpus.instance(), **_taxonomy_members(tax, "p/reports")})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("p/reports/r.xbrl")
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + int.from_bytes(data[central + 28:central + 30], "little")] != \
            b"p/reports/r.xbrl":
        central = data.find(b"PK\x01\x02", central + 4)
    for at in (info.header_offset + 22, central + 24):  # uncompressed size, local header and central directory
        data[at:at + 4] = (100).to_bytes(4, "little")  # declared: 100 bytes
    path.write_bytes(bytes(data))
    [result] = validate_files([path], [])
    assert result.invalid and result.exit_code() == 2


def test_standard_input_is_recognised_by_content(tax: Path) -> None:
    cases = {"xbrl": corpus.instance(), "json": corpus.json_report(), "inline": inline()}
    for name, text in cases.items():
        proc = subprocess.run(CLI + ["-"], input=text.encode(), capture_output=True, timeout=60, cwd=tax)
        assert proc.returncode == 0, (name, proc.stderr.decode())
        assert proc.stdout.decode().startswith("<stdin>: ") and "consistent" in proc.stdout.decode(), name
    package = _zip(tax / "s.zip", {"p/reports/r.xbrl": corpus.instance(), **_taxonomy_members(tax, "p/reports")})
    proc = subprocess.run(CLI + ["-"], input=package.read_bytes(), capture_output=True, timeout=60, cwd=tax)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "<stdin>" in _one_line(["-"], stdin=b"<!DOCTYPE html><html><body><br></body></html>")


def test_help_lists_the_formats() -> None:
    out = subprocess.run(CLI + ["--help"], capture_output=True, text=True, timeout=60).stdout
    for name in ("Inline XBRL", "xBRL-JSON", "xBRL-CSV", "Report Package", "standard input"):
        assert name in " ".join(out.split()), name


# ---- the published filings: five formats, one verdict ---------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `iij-xbrl publish` writes for the project's filings."""
    out = tmp_path_factory.mktemp("published") / "out"
    proc = subprocess.run([sys.executable, "-c", "from iij_xbrl.cli import main; main()", "--project", str(ROOT),
                           "publish", "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


def _calc_findings(result) -> list[tuple]:
    return sorted((f.rule, tuple(f.concepts), f.period, tuple(sorted(f.values.items()))) for f in result.findings
                  if f.rule.startswith(("calc11", "oime:disallowedDuplicate")))


def test_every_published_format_gives_the_same_verdict(published: Path) -> None:
    from iij_xbrl.taxonomy.names import PACKAGE_FILE

    listed = json.loads((published / "manifest.json").read_text(encoding="utf-8"))["filings"]
    filings = sorted(published / name for name in listed)
    assert len(filings) >= 4
    seen_findings = 0
    for folder in filings:
        name = folder.name
        paths = [folder / f"{name}{suffix}" for suffix in (".xbrl", ".json", "-metadata.json", ".xhtml", ".xbr")]
        results = validate_files(paths, [ROOT / "taxonomy" / PACKAGE_FILE])
        assert len({r.exit_code() for r in results}) == 1, [(r.path, r.exit_code(), r.first_error) for r in results]
        assert not any(r.invalid for r in results), [r.first_error for r in results]
        reference = _calc_findings(results[0])
        for r in results[1:]:
            assert _calc_findings(r) == reference, r.path
        assert len({r.counts["facts"] for r in results}) == 1
        seen_findings += len(reference)
    assert seen_findings > 0  # the filings do carry calculation findings, so the comparison can fail
    proc = subprocess.run(CLI + [str(p) for p in paths], capture_output=True, timeout=120)
    assert proc.returncode == results[0].exit_code() and "Traceback" not in proc.stderr.decode()

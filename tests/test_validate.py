"""`iij-xbrl validate`: exit codes, text/JSON output, xBRL-JSON input, taxonomy packages."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import calcgen
from iij_xbrl.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
GP = [("r1", calcgen.ARC2003, "T1", [("A", "1", 1), ("C", "-1", 2)])]
CONSISTENT = [("A", "1000", "0", "c0"), ("C", "333", "0", "c0"), ("T1", "668", "0", "c0")]
INCONSISTENT = [("A", "1000", "0", "c0"), ("C", "333", "0", "c0"), ("T1", "669", "0", "c0")]


def _instance(tmp_path: Path, facts, name="i.xbrl") -> Path:
    calcgen.write_taxonomy(tmp_path, GP)
    path = tmp_path / name
    path.write_text(calcgen.simple_instance(facts), encoding="utf-8")
    return path


def _run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def test_exit_codes_and_text_output(tmp_path: Path) -> None:
    ok = _run(str(_instance(tmp_path, CONSISTENT, "ok.xbrl")))
    assert (ok.exit_code, ok.stdout) == (0, f"{tmp_path / 'ok.xbrl'}: 3 facts, 1 contexts, 5 units, 1 calculation "
                                            "networks checked: valid, calculations consistent\n")
    bad = _run(str(_instance(tmp_path, INCONSISTENT, "bad.xbrl")))
    assert bad.exit_code == 1
    line, summary = bad.stdout.splitlines()
    assert summary.endswith("checked: valid, 1 calculation error")
    assert line.startswith(f"{tmp_path / 'bad.xbrl'}:14: error calc11e:inconsistentCalculationUsingRounding: g:T1")
    assert "reported sum [668.5, 669.5] computed sum [666, 668]" in line


def test_json_output_matches_schema(tmp_path: Path) -> None:
    result = _run("--format", "json", str(_instance(tmp_path, INCONSISTENT)))
    findings = json.loads(result.stdout)
    jsonschema.validate(findings, SCHEMA)
    assert [(f["rule"], f["severity"], f["period"]) for f in findings] == \
        [("calc11e:inconsistentCalculationUsingRounding", "error", "2020-12-31")]
    assert findings[0]["values"]["computed"] == "[666, 668]"


@pytest.mark.parametrize("content, message", [
    (None, "No such file"),
    ("<a/>", "not an XBRL instance"),
    ("<a>", "not well-formed XML"),
])
def test_bad_input_is_one_line_exit_2(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "x.xbrl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def _json_report(tmp_path: Path, total: str) -> Path:
    calcgen.write_taxonomy(tmp_path, GP)
    facts = {f"f{i}": {"value": v, "decimals": 0, "dimensions": {
        "concept": f"g:{c}", "entity": "ex:E", "period": "2021-01-01T00:00:00", "unit": "iso4217:JPY"}}
        for i, (c, v) in enumerate((("A", "1000"), ("C", "333"), ("T1", total)))}
    doc = {"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-json", "taxonomy": ["calcgen.xsd"],
                            "namespaces": {"g": calcgen.NS, "ex": "http://example.com",
                                           "iso4217": "http://www.xbrl.org/2003/iso4217"}},
           "facts": facts}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_xbrl_json_same_as_xml(tmp_path: Path) -> None:
    assert _run(str(_json_report(tmp_path, "668"))).exit_code == 0
    result = _run("--format", "json", str(_json_report(tmp_path, "669")))
    [finding] = json.loads(result.stdout)
    assert (result.exit_code, finding["period"], finding["values"]["reported"]) == (1, "2020-12-31", "[668.5, 669.5]")


def _package(tmp_path: Path) -> Path:
    tax = calcgen.write_taxonomy(tmp_path / "tax", GP).parent
    pkg = tmp_path / "calcgen-pkg.zip"
    with zipfile.ZipFile(pkg, "w") as zf:
        zf.writestr("calcgen-pkg/META-INF/taxonomyPackage.xml",
                    '<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">'
                    '<tp:identifier>http://example.com/calcgen/package</tp:identifier><tp:name>calcgen</tp:name>'
                    '<tp:version>1</tp:version><tp:entryPoints><tp:entryPoint><tp:name>calcgen</tp:name>'
                    '<tp:entryPointDocument href="http://example.com/calcgen/calcgen.xsd"/></tp:entryPoint>'
                    '</tp:entryPoints></tp:taxonomyPackage>')
        zf.writestr("calcgen-pkg/META-INF/catalog.xml",
                    '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><rewriteURI '
                    'uriStartString="http://example.com/calcgen/" rewritePrefix="../example.com/calcgen/"/></catalog>')
        for f in tax.iterdir():
            zf.write(f, f"calcgen-pkg/example.com/calcgen/{f.name}")
    return pkg


def test_published_url_resolves_through_package_catalog(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    inst = tmp_path / "p.xbrl"
    inst.write_text(calcgen.simple_instance(INCONSISTENT).replace(
        'xlink:href="calcgen.xsd"', 'xlink:href="http://example.com/calcgen/calcgen.xsd"'), encoding="utf-8")
    assert _run("--packages", str(pkg), str(inst)).exit_code == 1
    offline = _run(str(inst))
    assert offline.exit_code == 2 and "cannot resolve offline" in offline.stderr


@pytest.mark.arelle
def test_json_and_package_agree_with_arelle(tmp_path: Path) -> None:
    from arelle_oracle import problems, run

    report = _json_report(tmp_path, "669")
    codes = {e["code"] for e in problems(run(["-f", str(report), "-v", "--calc", "c11r"]))}
    assert "calc11e:inconsistentCalculationUsingRounding" in codes
    pkg = _package(tmp_path)
    inst = tmp_path / "p.xbrl"
    inst.write_text(calcgen.simple_instance(CONSISTENT).replace(
        'xlink:href="calcgen.xsd"', 'xlink:href="http://example.com/calcgen/calcgen.xsd"'), encoding="utf-8")
    entries = run(["--packages", str(pkg), "-f", str(inst), "-v", "--calc", "c11r"])
    assert not [e for e in problems(entries) if e["code"].startswith(("calc11e", "IOerror"))]
    assert _run("--packages", str(pkg), str(inst)).exit_code == 0

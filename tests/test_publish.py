"""publish(): atomic replacement of out/, manifest, summary; stages run on a hand-built filing."""
from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from emit_fixtures import FILINGS, ROOT, project_copy, sample_filing
from iij_xbrl import publish as pub
from iij_xbrl.xbrl import xmlsafe
from iij_xbrl.cli import main
from iij_xbrl.paths import Project
from iij_xbrl.emit import naming
from iij_xbrl.taxonomy.names import ALL_ENTRY_URL, ROLE_BASE
from iij_xbrl.taxonomy.source import load as load_taxonomy
from iij_xbrl.xbrl.command import validate


def _load_sample(ctx: pub.PublishContext) -> None:
    ctx.filings = [sample_filing()]


STAGES = [_load_sample, pub.emit_instances, pub.write_manifest]
PROJECT = Project(ROOT)


LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_publish_writes_instances_and_manifest(tmp_path):
    out = tmp_path / "out"
    stream = io.StringIO()
    assert pub.publish(out, PROJECT, stages=STAGES, stream=stream) == 0
    files = _snapshot(out)
    assert set(files) == {"fy2012h1/fy2012h1.xbrl", "fy2012h1/fy2012h1.json", "fy2012h1/fy2012h1.xsd",
                          "fy2012h1/fy2012h1_cal.xml", "manifest.json"}
    manifest = json.loads(files["manifest.json"])
    for rel, entry in manifest["files"].items():
        assert entry["sha256"] == hashlib.sha256(files[rel]).hexdigest()
    assert manifest["filings"]["fy2012h1"]["facts"] == len(sample_filing().facts)
    assert manifest["filings"]["fy2012h1"]["files"] == ["fy2012h1/fy2012h1.json", "fy2012h1/fy2012h1.xbrl",
                                                        "fy2012h1/fy2012h1.xsd", "fy2012h1/fy2012h1_cal.xml"]
    instance = files["fy2012h1/fy2012h1.xbrl"].decode()
    assert '<link:schemaRef xlink:type="simple" xlink:href="fy2012h1.xsd"/>' in instance
    assert json.loads(files["fy2012h1/fy2012h1.json"])["documentInfo"]["taxonomy"] == ["fy2012h1.xsd"]
    table = stream.getvalue().splitlines()
    assert table[0].split() == ["filing", "documents", "facts", "contexts", "units", "warnings"]
    assert table[1].split() == ["fy2012h1", "1", "15", "6", "5", "0"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging leftovers


def test_publish_is_byte_deterministic(tmp_path):
    pub.publish(tmp_path / "a", PROJECT, stages=STAGES, stream=io.StringIO())
    pub.publish(tmp_path / "b", PROJECT, stages=STAGES, stream=io.StringIO())
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


class Boom(Exception):
    pass


def _fail(ctx: pub.PublishContext) -> None:
    raise Boom("injected failure")


@pytest.mark.parametrize("failing", [
    [_load_sample, pub.emit_instances, _fail, pub.write_manifest],  # after instances, before the manifest
    [_load_sample, _fail],  # before anything was written
])
def test_failure_mid_publish_keeps_previous_output(tmp_path, failing):
    out = tmp_path / "out"
    pub.publish(out, PROJECT, stages=STAGES, stream=io.StringIO())
    (out / "marker").write_text("previous run")
    before = _snapshot(out)
    with pytest.raises(Boom):
        pub.publish(out, PROJECT, stages=failing, stream=io.StringIO())
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_republish_replaces_output_as_a_whole(tmp_path):
    out = tmp_path / "out"
    pub.publish(out, PROJECT, stages=STAGES, stream=io.StringIO())
    (out / "stale.txt").write_text("from an older run")
    pub.publish(out, PROJECT, stages=STAGES, stream=io.StringIO())
    assert not (out / "stale.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_swap_without_exchange_keeps_a_complete_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(pub, "_exchange", lambda a, b: False)  # platforms without renameat2
    out = tmp_path / "out"
    pub.publish(out, PROJECT, stages=STAGES, stream=io.StringIO())
    pub.publish(out, PROJECT, stages=STAGES, stream=io.StringIO())
    assert set(_snapshot(out)) == {"fy2012h1/fy2012h1.xbrl", "fy2012h1/fy2012h1.json", "fy2012h1/fy2012h1.xsd",
                                "fy2012h1/fy2012h1_cal.xml", "manifest.json"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# ---- the real pipeline: taxonomy build + fact sheets of sources/, in a temp copy of the project ----------



@pytest.fixture(scope="module")
def real(tmp_path_factory) -> tuple[Path, Path, Path]:
    """Project copy and two publishes of it."""
    work = tmp_path_factory.mktemp("real")
    root = project_copy(work / "project")
    for name in ("a", "b"):
        assert pub.publish(work / name, Project(root), stream=io.StringIO()) == 0
    return root, work / "a", work / "b"


def test_real_publish_is_byte_deterministic(real):
    root, a, b = real
    first, second = _snapshot(a), _snapshot(b)
    assert first == second
    assert {f"{f}/{f}{ext}" for f in FILINGS for ext in (".xbrl", ".json", ".xsd", "_cal.xml")} <= set(first)
    assert first[pub.TAXONOMY_PACKAGE] == (root / "taxonomy" / pub.TAXONOMY_PACKAGE).read_bytes()


def _binding(finding) -> tuple:
    return (Path(finding.filing).stem, finding.values["linkrole"].removeprefix(ROLE_BASE),
            finding.concepts[0].removeprefix("iij:"), finding.period)


def _checked_totals(cal: Path) -> set[tuple[str, str]]:
    """(role id, total) of every summation in a published extension linkbase."""
    totals = set()
    for link in xmlsafe.parse(cal).getroot().iter(f"{LINK}calculationLink"):
        locs = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href").split("#iij_")[1] for loc in link.iter(f"{LINK}loc")}
        role = link.get(f"{XLINK}role").removeprefix(ROLE_BASE)
        totals |= {(role, locs[arc.get(f"{XLINK}from")]) for arc in link.iter(f"{LINK}calculationArc")}
    return totals


def test_published_calculations_flag_only_complete_bindings(real, tmp_path):
    """`iij-xbrl validate` on the published instances reports only inconsistencies whose bindings hold every item
    of their total under the taxonomy's complete networks; a complete binding goes unchecked only when the
    filing prints the same total elsewhere with part of its items (the extension keeps or drops whole totals)."""
    root, out, _ = real
    package = out / pub.TAXONOMY_PACKAGE
    published = [out / f / f"{f}.xbrl" for f in FILINGS]
    ours = validate(published, [package])
    assert {f.rule for f in ours} == {"calc11e:inconsistentCalculationUsingRounding"}
    assert sorted(map(_binding, ours)) == [
        ("fy2012h1", "NonGAAPMeasures", "AdjustedEBITDA", "2011-04-01..2011-09-30"),
        ("fy2012h1", "OperatingResultsSummary", "SellingGeneralAdministrativeAndResearchExpense",
         "2011-04-01..2011-09-30"),
        ("fy2012h1", "SegmentInformation", "CostsAndExpenses", "2011-04-01..2011-09-30")]
    # the same instances against every network of the taxonomy (line items + iij-2025-all.xsd)
    items: dict[tuple[str, str], set[str]] = {}
    for role, arcs in load_taxonomy(root / "taxonomy").calculations.items():
        for a in arcs:
            items.setdefault((role, a.total), set()).add(naming.qname(a.item))
    everything = []
    for path in published:
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes().replace(f'xlink:href="{path.stem}.xsd"'.encode(),
                                                   f'xlink:href="{ALL_ENTRY_URL}"'.encode()))
        everything.append(copy)
    complete = {_binding(f) for f in validate(everything, [package])
                if set(f.concepts[1:]) == items[_binding(f)[1:3]]}
    assert set(map(_binding, ours)) <= complete
    for filing, role, total, period in complete - set(map(_binding, ours)):
        assert (role, total) not in _checked_totals(out / filing / f"{filing}_cal.xml"), (filing, role, total, period)


BROKEN_SHEET = """document: 000_1e0a72612b28a18d.txt
filing: fy2012h1
facts:
  - {line: 25, concept: Revenues, period: 1H12, text: "51,109", unit: JPY zillion}
"""


def test_bad_fact_sheet_is_one_line_exit_2_and_keeps_out(tmp_path, monkeypatch):
    root = project_copy(tmp_path / "project")
    out = tmp_path / "out"
    assert pub.publish(out, Project(root), stream=io.StringIO()) == 0
    before = _snapshot(out)
    sheet = root / "sources" / "facts" / "000_1e0a72612b28a18d.yaml"
    sheet.parent.mkdir(exist_ok=True)
    sheet.write_text(BROKEN_SHEET, encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(root), "publish", "--out", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.match(rf"error: \S*{sheet.name}:4: ", lines[0]), lines
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "project"]

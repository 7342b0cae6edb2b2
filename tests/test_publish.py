"""publish(): atomic replacement of out/, manifest, summary; stages run on a hand-built filing."""
from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from emit_fixtures import FILINGS, ROOT, project_copy, sample_filing, sample_publication
from iij_xbrl import publication
from iij_xbrl import publish as pub
from iij_xbrl.emit.registry import EMITTERS
from iij_xbrl.xbrl import xmlsafe
from iij_xbrl.cli import main
from iij_xbrl.paths import Project
from iij_xbrl.emit import naming
from iij_xbrl.taxonomy.names import ALL_ENTRY_URL, PACKAGE_FILE, ROLE_BASE
from iij_xbrl.taxonomy.source import load as load_taxonomy
from iij_xbrl.xbrl.command import validate


LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sample():
    return sample_publication()


def test_publish_writes_every_output_and_a_true_manifest(tmp_path, sample):
    out = tmp_path / "out"
    stream = io.StringIO()
    assert pub.publish(out, sample, stream=stream) == 0
    files = _snapshot(out)
    assert {"fy2012h1/fy2012h1.xbrl", "fy2012h1/fy2012h1.json", "fy2012h1/fy2012h1.xsd", "fy2012h1/fy2012h1_cal.xml",
            "fy2012h1/fy2012h1.xhtml", "fy2012h1/fy2012h1.xbr", "fy2012h1/fy2012h1-metadata.json", "facts.csv",
            "findings.json", "taxonomy.json", "documents/001_5ab34944f22f6fd1.txt", "iij-taxonomy-2025.zip",
            "iij-xbrl-data.zip", "manifest.json", "iij.sqlite"} <= set(files)
    manifest = json.loads(files["manifest.json"])
    assert set(manifest["files"]) == set(files) - {"manifest.json", "iij.sqlite"}  # the database is loaded from it
    for rel, entry in manifest["files"].items():
        assert entry["sha256"] == hashlib.sha256(files[rel]).hexdigest()
    assert manifest["filings"]["fy2012h1"]["facts"] == len(sample_filing().facts)
    assert manifest["sources"] == {"sha256": sample.sources_digest}
    instance = files["fy2012h1/fy2012h1.xbrl"].decode()
    assert '<link:schemaRef xlink:type="simple" xlink:href="fy2012h1.xsd"/>' in instance
    assert json.loads(files["fy2012h1/fy2012h1.json"])["documentInfo"]["taxonomy"] == ["fy2012h1.xsd"]
    table = stream.getvalue().splitlines()
    assert table[0].split() == ["filing", "documents", "facts", "contexts", "units", "warnings"]
    assert table[1].split() == ["fy2012h1", "1", "15", "6", "5", "0"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging leftovers


def test_publish_is_byte_deterministic(tmp_path, sample):
    pub.publish(tmp_path / "a", sample, load_database=False, stream=io.StringIO())
    pub.publish(tmp_path / "b", sample_publication(), load_database=False, stream=io.StringIO())
    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")


def test_every_emitter_returns_files_under_relative_paths(sample):
    for name, emit in EMITTERS.items():
        files = emit(sample)
        assert files and all(isinstance(data, bytes) for data in files.values()), name
        assert all(not rel.startswith("/") and ".." not in rel.split("/") for rel in files), name


class Boom(Exception):
    pass


def _fail(publication) -> dict[str, bytes]:
    raise Boom("injected failure")


@pytest.mark.parametrize("failing", [
    [*list(EMITTERS.items())[:3], ("boom", _fail)],  # after some outputs were written
    [("boom", _fail)],  # before anything was written
])
def test_failure_mid_publish_keeps_previous_output(tmp_path, failing, sample):
    out = tmp_path / "out"
    pub.publish(out, sample, load_database=False, stream=io.StringIO())
    before = _snapshot(out)
    with pytest.raises(Boom):
        pub.publish(out, sample, emitters=failing, stream=io.StringIO())
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_republish_replaces_an_earlier_publication_as_a_whole(tmp_path, sample):
    out = tmp_path / "out"
    pub.publish(out, sample, stream=io.StringIO())
    (out / "fy2012h1" / "fy2012h1.json").unlink()  # a file the manifest lists may be missing
    pub.publish(out, sample, stream=io.StringIO())
    assert (out / "fy2012h1" / "fy2012h1.json").is_file() and (out / pub.DATABASE).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_empty_folder_is_accepted(tmp_path, sample):
    (tmp_path / "out").mkdir()
    assert pub.publish(tmp_path / "out", sample, load_database=False, stream=io.StringIO()) == 0
    assert (tmp_path / "out" / "manifest.json").is_file()


def _refused(args: list[str]) -> str:
    result = CliRunner().invoke(main, ["publish", *args])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    return lines[0]


@pytest.mark.parametrize("foreign", ["notes.txt", "fy2012h1/notes.txt", "empty-folder/"])
def test_a_foreign_file_in_an_earlier_publication_is_refused_and_kept(tmp_path, sample, foreign):
    out = tmp_path / "out"
    pub.publish(out, sample, load_database=False, stream=io.StringIO())
    if foreign.endswith("/"):
        (out / foreign).mkdir()
    else:
        (out / foreign).write_text("mine")
    before = _tree(out)
    line = _refused(["--out", str(out)])
    assert "which publish did not write" in line and foreign.rstrip("/") in line
    assert _tree(out) == before  # nothing touched, not even the manifest's files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_that_is_no_publication_is_refused(tmp_path):
    (tmp_path / "thesis").mkdir()
    (tmp_path / "thesis" / "chapter1.tex").write_text("years of work")
    line = _refused(["--out", str(tmp_path / "thesis")])
    assert "no readable manifest.json" in line
    assert (tmp_path / "thesis" / "chapter1.tex").read_text() == "years of work"
    (tmp_path / "file").write_text("x")
    assert "is not a folder" in _refused(["--out", str(tmp_path / "file")])


def test_out_dot_in_a_checkout_is_refused_and_git_status_stays_clean_after_publish(tmp_path, monkeypatch):
    """`--out .` would replace the checkout itself; the default out/ is ignored by git."""
    import subprocess

    root = project_copy(tmp_path / "checkout")
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-C", str(root)]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "checkout"]):
        subprocess.run(git + args, check=True, capture_output=True)
    monkeypatch.chdir(root)  # the project is found in the current directory, as a user in a checkout runs it
    before = _tree(root)
    assert "no readable manifest.json" in _refused(["--out", "."])
    assert _tree(root) == before
    result = CliRunner().invoke(main, ["publish"])
    assert result.exit_code == 0, result.output
    status = subprocess.run(git + ["status", "--porcelain", "--ignored=no"], check=True, capture_output=True,
                            text=True).stdout
    assert status == "" and (root / "out" / "manifest.json").is_file()


def test_swap_without_exchange_keeps_a_complete_directory(tmp_path, monkeypatch, sample):
    monkeypatch.setattr(pub, "_exchange", lambda a, b: False)  # platforms without renameat2
    out = tmp_path / "out"
    pub.publish(out, sample, load_database=False, stream=io.StringIO())
    first = _snapshot(out)
    pub.publish(out, sample, load_database=False, stream=io.StringIO())
    assert _snapshot(out) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


# ---- the real pipeline: taxonomy build + fact sheets of sources/, in a temp copy of the project ----------



@pytest.fixture(scope="module")
def real(tmp_path_factory) -> tuple[Path, Path, Path]:
    """Project copy and two publishes of it."""
    work = tmp_path_factory.mktemp("real")
    root = project_copy(work / "project")
    for name in ("a", "b"):
        assert pub.publish(work / name, publication.load(Project(root)), stream=io.StringIO()) == 0
    return root, work / "a", work / "b"


def _database_rows(path: Path) -> dict[str, list]:
    """Every table's rows but the load times (a database records when it was loaded)."""
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: conn.execute(f"SELECT * FROM {name}" if name != "loads" else
                                   "SELECT id, tool_version, publication_sha256, sources_sha256 FROM loads").fetchall()
                for name in names}


def test_real_publish_is_byte_deterministic(real):
    root, a, b = real
    first, second = _snapshot(a), _snapshot(b)
    del first["iij.sqlite"], second["iij.sqlite"]
    assert first == second
    assert _database_rows(a / "iij.sqlite") == _database_rows(b / "iij.sqlite")
    assert {f"{f}/{f}{ext}" for f in FILINGS for ext in (".xbrl", ".json", ".xsd", "_cal.xml")} <= set(first)
    assert first[PACKAGE_FILE] == (root / "taxonomy" / PACKAGE_FILE).read_bytes()  # as `taxonomy build` wrote it


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
    package = out / PACKAGE_FILE
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
    assert pub.publish(out, publication.load(Project(root)), stream=io.StringIO()) == 0
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


def _tree(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_publish_writes_only_its_output_folder(real):
    """Nothing in the project changes (in a checkout: `git status` stays clean): the taxonomy is rendered in
    memory, only `iij-xbrl taxonomy build` writes taxonomy/."""
    root, _, _ = real
    before = _tree(root)
    result = CliRunner().invoke(main, ["--project", str(root), "publish", "--out", str(root / "out")])
    assert result.exit_code == 0, result.output
    after = _tree(root)
    assert {k: v for k, v in after.items() if not k.startswith("out/")} == before


def test_export_loads_what_was_published_and_refuses_a_stale_or_incomplete_out(real, tmp_path):
    root, out, _ = real
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    url = f"sqlite:///{tmp_path / 'export.sqlite'}"
    result = CliRunner().invoke(main, ["--project", str(root), "export", "--out", str(copy), "--db", url])
    assert result.exit_code == 0, result.output
    dump = sqlite3.connect(tmp_path / "export.sqlite").execute("SELECT count(*), sum(in_instance) FROM facts").fetchone()
    assert dump == (sum(1 for _ in (copy / "facts.csv").open()) - 1, sum(json.loads(
        (copy / "manifest.json").read_text())["filings"][f]["facts"] for f in FILINGS))

    def refused(message: str) -> None:
        result = CliRunner().invoke(main, ["--project", str(root), "export", "--out", str(copy), "--db", url])
        assert result.exit_code == 2 and message in result.stderr, result.output
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: ")

    (copy / "findings.json").write_text("[]\n", encoding="utf-8")
    refused("findings.json differs from the published file")
    shutil.copy(out / "findings.json", copy / "findings.json")
    (copy / "facts.csv").unlink()
    refused("facts.csv is listed but missing")
    shutil.copy(out / "facts.csv", copy / "facts.csv")
    changed = tmp_path / "project"
    shutil.copytree(root / "sources", changed / "sources")
    shutil.copytree(root / "taxonomy" / "src", changed / "taxonomy" / "src")
    (changed / "sources" / "README.md").write_text("edited\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(changed), "export", "--out", str(copy), "--db", url])
    assert result.exit_code == 2 and "built from other sources" in result.stderr, result.output


SYNTHETIC_DOCUMENT = """Example Corp. results, 1H FY2020
Revenues\t1,234\t1,100
Operating income\t120\t110
"""
SYNTHETIC_SHEET = """document: 900_synthetic.txt
filing: fy2020h1
tables:
  - lines: [2, 3]
    unit: JPY million
    columns: [1H20, 1H19]
    rows:
      2: Revenues
      3: OperatingIncomeLoss
"""
SYNTHETIC_FILINGS = """entity: {scheme: "http://example.com/ids", identifier: "E1", name: Example Corp., prefix: ex}
filings:
  - id: fy2020h1
    title: Example Corp. results, 1H FY2020
    period: 1H20
    released: 2020-11-10
    documents:
      - {file: 900_synthetic.txt, title: Results, kind: presentation, released: 2020-11-10}
"""


def test_a_new_filing_needs_only_sources(tmp_path):
    """A filing of its own (document, sheet, filings.yaml entry) over the real taxonomy: published without a
    line of Python."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "taxonomy" / "src", root / "taxonomy" / "src")
    (root / "sources" / "facts").mkdir(parents=True)
    shutil.copy(ROOT / "sources" / "mapping.yaml", root / "sources" / "mapping.yaml")
    (root / "sources" / "900_synthetic.txt").write_text(SYNTHETIC_DOCUMENT, encoding="utf-8")
    (root / "sources" / "facts" / "900_synthetic.yaml").write_text(SYNTHETIC_SHEET, encoding="utf-8")
    (root / "sources" / "filings.yaml").write_text(SYNTHETIC_FILINGS, encoding="utf-8")
    published = publication.load(Project(root))
    (filing,) = published.filings
    assert (filing.id, len(filing.prints), len(filing.facts)) == ("fy2020h1", 4, 4)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--project", str(root), "publish", "--out", str(out)])
    assert result.exit_code == 0, result.output
    instance = (out / "fy2020h1" / "fy2020h1.xbrl").read_text(encoding="utf-8")
    assert '<xbrli:identifier scheme="http://example.com/ids">E1</xbrli:identifier>' in instance
    assert '<iij:Revenues id="f-Revenues-D2020-04-01_2020-09-30_JPY"' in instance and ">1234000000<" in instance
    assert json.loads((out / "fy2020h1" / "fy2020h1.json").read_text())["facts"][
        "f-Revenues-D2020-04-01_2020-09-30_JPY"]["dimensions"]["entity"] == "ex:E1"
    assert (out / "documents" / "900_synthetic.txt").read_text(encoding="utf-8") == SYNTHETIC_DOCUMENT

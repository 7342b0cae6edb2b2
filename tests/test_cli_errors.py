"""Every error path of the command line, run through the CLI: one `error: <what the user gave>[:<line>]: ...` line
on stderr, exit 2, no traceback, and the user's data untouched (project files, an earlier out/, a database).

Paths that could hang (FIFOs) run in a subprocess with a timeout; everything else through click's runner.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from report_fixtures import reports
from iij_xbrl.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHEET = "sources/facts/000_1e0a72612b28a18d.yaml"
CLI = [sys.executable, "-c", "from iij_xbrl.cli import main; main()"]


def cli(*args) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def one_error_line(result: Result | subprocess.CompletedProcess, names: str, *words: str) -> str:
    """Exit 2 and exactly one stderr line, `error: <names>...`, holding `words`; no traceback anywhere."""
    code = result.exit_code if isinstance(result, Result) else result.returncode
    stderr, stdout = result.stderr, result.stdout
    exception = getattr(result, "exception", None)
    assert not (exception and not isinstance(exception, SystemExit)), f"{exception!r}\n{stderr}"
    assert code == 2, f"exit {code}\nstderr: {stderr}\nstdout: {stdout[-2000:]}"
    assert "Traceback" not in stderr + stdout
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {names}"), lines
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def tree(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under `folder` with its mtime and digest: what "untouched" compares."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "taxonomy" / "src", root / "taxonomy" / "src")
    return root


# -- publish and taxonomy build: bad project files --------------------------------------------------------------

BAD_FILES = [  # (project file, content, the line the error names or None)
    (SHEET, "document: 000_1e0a72612b28a18d.txt\nfiling: fy2012h1\nfacts: [\n", 4),  # YAML syntax
    (SHEET, b"\xff\xfe not UTF-8", None),
    (SHEET, "document: 000_1e0a72612b28a18d.txt\nfiling: fy2012h1\nfacts:\n  - {line: 1, concept: Nope}\n", None),
    ("sources/filings.yaml", "entity: [\n", 2),
    ("sources/filings.yaml", "entity: {scheme: x}\nfilings: []\n", None),  # schema
    ("sources/mapping.yaml", "{{{\n", 2),
    ("taxonomy/src/concepts-income.yaml", "- {name: [unclosed\n", 2),
    ("taxonomy/src/concepts-income.yaml", "- {name: Revenues, type: monetary, period: duration}\n", None),
    # "billion laughs": nine aliases of nine aliases... expanded on every walk of the data and hung publish
    (SHEET, "document: 000_1e0a72612b28a18d.txt\nfiling: fy2012h1\nfacts: []\na: &a [x, x, x, x, x, x, x, x, x]\n"
     + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")), 4),
    ("sources/filings.yaml", "entity: {scheme: x}\nfilings: " + "9" * 5000 + "\n", 2),  # int()'s 4,300-digit limit
    ("taxonomy/src/concepts-income.yaml", "- &c {name: Revenues}\n- *c\n", 1),
]


CASES = [(("publish",), *bad) for bad in BAD_FILES] + [  # taxonomy build reads taxonomy/src only
    (("taxonomy", "build"), *bad) for bad in BAD_FILES if bad[0].startswith("taxonomy/")]


@pytest.mark.parametrize("command, file, content, line", CASES,
                         ids=[f"{' '.join(c)}-{f}-{i}" for i, (c, f, _, _) in enumerate(CASES)])
def test_bad_project_file(tmp_path, command, file, content, line):
    root = project(tmp_path)
    path = root / file
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    before = tree(root)
    out = tmp_path / "out"
    args = ["--project", root, *command] + (["--out", out] if command == ("publish",) else [])
    one_error_line(cli(*args), f"{path}:{line}: " if line else str(path))
    assert tree(root) == before and not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]  # no stage or scratch folder left behind


def test_unknown_project_folder(tmp_path):
    one_error_line(cli("--project", tmp_path / "nowhere", "publish", "--out", tmp_path / "out"),
                   str(tmp_path / "nowhere"), "not an iij-xbrl project folder")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("file", [SHEET, "sources/filings.yaml", "sources/mapping.yaml",
                                  "taxonomy/src/concepts-income.yaml"])
def test_a_fifo_among_the_project_files_is_refused_not_waited_for(tmp_path, file):
    root = project(tmp_path)
    (root / file).unlink()
    os.mkfifo(root / file)
    proc = subprocess.run([*CLI, "--project", str(root), "publish", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    one_error_line(proc, str(root / file), "FIFO")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["folder", "FIFO"])
def test_a_document_that_is_no_regular_file_is_named_so(tmp_path, kind):
    root = project(tmp_path)
    document = root / "sources" / "000_1e0a72612b28a18d.txt"
    document.unlink()
    document.mkdir() if kind == "folder" else os.mkfifo(document)  # was "not found"
    one_error_line(cli("--project", root, "publish", "--out", tmp_path / "out"), f"{root / 'sources'}/filings.yaml:",
                   "000_1e0a72612b28a18d.txt in", "is not a regular file")
    assert not (tmp_path / "out").exists()


def test_publish_with_a_bad_database_url_writes_nothing(tmp_path):
    one_error_line(cli("--project", ROOT, "publish", "--out", tmp_path / "out", "--db", "mysql://x"), "mysql://x")
    assert list(tmp_path.iterdir()) == []


def test_publish_out_naming_a_file(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("mine\n")
    one_error_line(cli("--project", ROOT, "publish", "--out", mine), str(mine), "not a folder")
    assert mine.read_text() == "mine\n" and sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_publish_out_on_a_foreign_folder_is_refused(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes\n")
    before = tree(folder)
    one_error_line(cli("--project", ROOT, "publish", "--out", folder), str(folder))
    assert tree(folder) == before


@pytest.mark.parametrize("manifest", ['{"files": [5], "filings": []}', '{"files": {}, "filings": [7]}', None])
def test_publish_out_with_a_malformed_or_fifo_manifest_is_refused(tmp_path, manifest):
    folder = tmp_path / "mine"
    folder.mkdir()
    if manifest is None:
        os.mkfifo(folder / "manifest.json")  # read without blocking: refused, not waited for
    else:
        (folder / "manifest.json").write_text(manifest)
    before = sorted(folder.iterdir())
    proc = subprocess.run([*CLI, "--project", str(ROOT), "publish", "--out", str(folder)], capture_output=True,
                          text=True, timeout=60)
    one_error_line(proc, str(folder), "holds no publication")
    assert sorted(folder.iterdir()) == before


def test_publish_out_on_a_foreign_tree_is_refused_without_walking_it(tmp_path, monkeypatch):
    # --out / or a home folder: refused on its missing manifest, not after listing every file below it
    from iij_xbrl import publish

    def walk(*_):
        raise AssertionError("walked the foreign tree")

    monkeypatch.setattr(Path, "rglob", walk)
    (tmp_path / "notes.txt").write_text("mine\n")
    with pytest.raises(publish.InputError, match="holds no publication"):
        publish.check_out(tmp_path)


def test_publish_out_under_a_file_is_refused(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("mine\n")
    one_error_line(cli("--project", ROOT, "publish", "--out", mine / "out"), str(mine / "out"))
    assert mine.read_text() == "mine\n"


# -- export: a malformed out/, bad databases -------------------------------------------------------------------

@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    return reports(tmp_path_factory).dir  # the real project, published (read only here: tests copy it)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, published) -> Path:
    """A database the user already loaded: a failed export must leave its bytes as they are."""
    db = tmp_path_factory.mktemp("db") / "iij.sqlite"
    result = cli("--project", ROOT, "export", "--out", published, "--db", f"sqlite:///{db}")
    assert result.exit_code == 0, result.output
    return db


def _out(tmp_path: Path, published: Path, edits: dict[str, str | bytes], rehash: bool = True) -> Path:
    """A copy of out/ with files replaced; with `rehash` the manifest vouches for them (as a buggy or foreign
    writer's would), so the reader itself must judge their content."""
    out = tmp_path / "out"
    shutil.copytree(published, out, ignore=shutil.ignore_patterns("sample"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for rel, content in edits.items():
        (out / rel).write_bytes(content if isinstance(content, bytes) else content.encode())
        if rehash and rel in manifest["files"]:
            manifest["files"][rel]["sha256"] = hashlib.sha256((out / rel).read_bytes()).hexdigest()
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


def _export_fails(tmp_path, loaded, out: Path, names: str, *words: str) -> None:
    db = tmp_path / "iij.sqlite"
    shutil.copy2(loaded, db)
    before = tree(tmp_path / "iij.sqlite")  # a file: the tree of one
    one_error_line(cli("--project", ROOT, "export", "--out", out, "--db", f"sqlite:///{db}"), names, *words)
    assert hashlib.sha256(db.read_bytes()).digest() == hashlib.sha256(loaded.read_bytes()).digest()
    assert tree(db) == before


MALFORMED = [
    ("findings.json", "not json", "not a findings list"),
    ("findings.json", "{}", "not a list"),  # an object is not an empty list of findings
    ("findings.json", "[1]", "not a findings list"),
    ("findings.json", '[{"rule": "iij:duplicate"}]', "not a findings list"),
    ("taxonomy.json", "not json", "not a published taxonomy"),
    ("taxonomy.json", "[]", "not a published taxonomy"),
    ("taxonomy.json", '{"concepts": [{}], "roles": [], "calculations": [], "axes": []}', "not a published taxonomy"),
    ("facts.csv", "garbage\n", "no column filing"),  # another table: not silently zero facts
    ("facts.csv", "", "no column filing"),
]


@pytest.mark.parametrize("file, content, words", MALFORMED, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(MALFORMED)])
def test_export_of_a_malformed_publication(tmp_path, published, loaded, file, content, words):
    out = _out(tmp_path, published, {file: content})
    _export_fails(tmp_path, loaded, out, f"{out / file}", words)


def test_export_names_the_line_of_a_bad_fact_row(tmp_path, published, loaded):
    lines = (published / "facts.csv").read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    row = lines[10].split(",")  # line 11 of the file
    row[header.index("value")] = "5x1"
    lines[10] = ",".join(row)
    out = _out(tmp_path, published, {"facts.csv": "\n".join(lines)})
    _export_fails(tmp_path, loaded, out, f"{out / 'facts.csv'}:11: ", "not a decimal")


@pytest.mark.parametrize("manifest, words", [(None, "no manifest"), ("[]", "not a publication manifest"),
                                              ('{"files": {}}', "not a publication manifest")])
def test_export_of_an_out_without_a_true_manifest(tmp_path, published, loaded, manifest, words):
    out = _out(tmp_path, published, {})
    if manifest is None:
        (out / "manifest.json").unlink()
    else:
        (out / "manifest.json").write_text(manifest)
    _export_fails(tmp_path, loaded, out, f"{out / 'manifest.json'}", words)


@pytest.mark.parametrize("edit, words", [
    (lambda m: {**m, "files": list(m["files"])}, "files is not an object of objects"),
    (lambda m: {**m, "files": {**m["files"], "facts.csv": None}}, "files is not an object of objects"),
    (lambda m: {**m, "files": {"/etc/passwd": {"sha256": "0"}, **m["files"]}}, "'/etc/passwd', outside out/"),
    (lambda m: {**m, "files": {"../x": {"sha256": "0"}, **m["files"]}}, "'../x', outside out/"),
    (lambda m: {**m, "filings": {}}, "not a publication manifest: KeyError"),  # facts.csv's filings unlisted
    (lambda m: {**m, "entity": None}, "not a publication manifest: TypeError"),
    (lambda m: "[" * 100_000, "not a publication manifest: maximum recursion depth"),
])
def test_export_of_a_manifest_of_the_wrong_shape(tmp_path, published, loaded, edit, words):
    # each was a traceback (AttributeError, KeyError, RecursionError), or read a file outside out/
    out = _out(tmp_path, published, {})
    edited = edit(json.loads((out / "manifest.json").read_text(encoding="utf-8")))
    (out / "manifest.json").write_text(edited if isinstance(edited, str) else json.dumps(edited))
    _export_fails(tmp_path, loaded, out, f"{out / 'manifest.json'}", words)

def test_export_of_an_edited_file(tmp_path, published, loaded):
    out = _out(tmp_path, published, {"findings.json": "[]\n"}, rehash=False)
    _export_fails(tmp_path, loaded, out, f"{out / 'manifest.json'}", "findings.json differs")


@pytest.mark.parametrize("url, words", [
    ("mysql://x", "must start with sqlite:/// or postgresql://"),
    ("sqlite:///", "names no file"),
    ("postgresql://[bad", "not a database URL"),
    ("postgresql://u@127.0.0.1:1/db?schema=Bad-Name", "not a lower-case SQL identifier"),
])
def test_export_to_a_bad_database_url(tmp_path, published, url, words):
    one_error_line(cli("--project", ROOT, "export", "--out", published, "--db", url), url, words)


@pytest.mark.parametrize("url", ["postgresql://u:s3cret@127.0.0.1:1/db", "postgresql://u@127.0.0.1:1/db?password=s3cret"])
def test_export_to_an_unreachable_server_hides_the_password(published, url):
    line = one_error_line(cli("--project", ROOT, "export", "--out", published, "--db", url), "postgresql://u",
                          "cannot connect to PostgreSQL")
    assert "s3cret" not in line and "***" in line


def test_export_into_a_file_that_is_no_database(tmp_path, published):
    path = tmp_path / "notes.sqlite"
    path.write_text("my notes, not a database\n")
    one_error_line(cli("--project", ROOT, "export", "--out", published, "--db", f"sqlite:///{path}"),
                   f"sqlite:///{path}", "not a database")
    assert path.read_text() == "my notes, not a database\n"


@pytest.mark.parametrize("where", ["folder", "under a file"])
def test_export_to_a_path_that_cannot_be_a_database(tmp_path, published, where):
    mine = tmp_path / "mine.txt"
    mine.write_text("mine\n")
    url = f"sqlite:///{tmp_path}" if where == "folder" else f"sqlite:///{mine}/iij.sqlite"
    one_error_line(cli("--project", ROOT, "export", "--out", published, "--db", url), url, "cannot open")
    assert mine.read_text() == "mine\n" and sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_export_into_a_database_holding_a_same_named_user_table(tmp_path, published):
    db = tmp_path / "mine.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE documents (title TEXT)")
        conn.execute("INSERT INTO documents VALUES ('my own row')")
    before = db.read_bytes()
    one_error_line(cli("--project", ROOT, "export", "--out", published, "--db", f"sqlite:///{db}"),
                   f"sqlite:///{db}", "documents")
    assert db.read_bytes() == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title FROM documents").fetchall() == [("my own row",)]


def test_export_of_a_missing_out(tmp_path):
    one_error_line(cli("--project", ROOT, "export", "--out", tmp_path / "nowhere", "--db",
                       f"sqlite:///{tmp_path}/iij.sqlite"), str(tmp_path / "nowhere"), "run `iij-xbrl publish` first")
    assert list(tmp_path.iterdir()) == []


# -- validate -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "not XML", "device"])
def test_validate_unreadable_input(tmp_path, kind):
    path = {"missing": tmp_path / "missing.xbrl", "directory": tmp_path, "empty": tmp_path / "empty.xbrl",
            "not XML": tmp_path / "bad.xbrl", "device": Path("/dev/zero")}[kind]
    if kind == "empty":
        path.write_text("")
    if kind == "not XML":
        path.write_text("<x")
    result = cli("validate", path)
    one_error_line(result, str(path))


def test_validate_on_fifos_does_not_wait(tmp_path):
    fifo = tmp_path / "report.xbrl"
    os.mkfifo(fifo)
    proc = subprocess.run([*CLI, "validate", str(fifo)], capture_output=True, text=True, timeout=60)
    one_error_line(proc, str(fifo), "a FIFO")
    package = tmp_path / "package.zip"
    os.mkfifo(package)
    instance = tmp_path / "i.xbrl"
    instance.write_text("<x")
    proc = subprocess.run([*CLI, "validate", "--packages", str(package), str(instance)], capture_output=True,
                          text=True, timeout=60)
    one_error_line(proc, str(package), "a FIFO")


def test_validate_with_a_package_that_is_not_a_zip(tmp_path):
    package = tmp_path / "package.zip"
    package.write_text("not a zip\n")
    instance = tmp_path / "i.xbrl"
    instance.write_text("<x")
    one_error_line(cli("validate", "--packages", package, instance), str(package), "not a taxonomy package zip")


# -- draft ---------------------------------------------------------------------------------------------------------

def test_draft_refuses_fifos_devices_and_giant_documents_without_reading_them(tmp_path):
    fifo = tmp_path / "doc.txt"
    os.mkfifo(fifo)
    proc = subprocess.run([*CLI, "--project", str(ROOT), "draft", str(fifo), "-o", str(tmp_path / "a.yaml")],
                          capture_output=True, text=True, timeout=60)
    one_error_line(proc, str(fifo), "a FIFO")
    proc = subprocess.run([*CLI, "--project", str(ROOT), "draft", "/dev/zero", "-o", str(tmp_path / "b.yaml")],
                          capture_output=True, text=True, timeout=60)
    one_error_line(proc, "/dev/zero", "a device")
    giant = tmp_path / "giant.txt"
    with giant.open("wb") as f:
        f.truncate(50 << 20)  # sparse: 50 MB in no time
    one_error_line(cli("--project", ROOT, "draft", giant, "-o", tmp_path / "c.yaml"), str(giant),
                   "52,428,800 bytes", "more than the limit")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt", "giant.txt"]


def test_draft_output_that_is_a_fifo_or_foreign_json_is_refused_not_read(tmp_path):
    document = ROOT / "sources" / "000_1e0a72612b28a18d.txt"
    out_fifo = tmp_path / "sheet.yaml"
    os.mkfifo(out_fifo)
    proc = subprocess.run([*CLI, "--project", str(ROOT), "draft", str(document), "-o", str(out_fifo)],
                          capture_output=True, text=True, timeout=60)
    one_error_line(proc, str(out_fifo), "refusing to overwrite")
    foreign = tmp_path / "report.json"
    foreign.write_text('{"documentInfo": 1}')  # JSON, but documentInfo is no object
    one_error_line(cli("--project", ROOT, "draft", document, "-o", tmp_path / "new.yaml", "--json", foreign),
                   str(foreign), "refusing to overwrite")
    assert foreign.read_text() == '{"documentInfo": 1}' and not (tmp_path / "new.yaml").exists()


def test_draft_output_that_cannot_be_written(tmp_path):
    document = ROOT / "sources" / "000_1e0a72612b28a18d.txt"
    mine = tmp_path / "mine.txt"
    mine.write_text("mine\n")
    one_error_line(cli("--project", ROOT, "draft", document, "-o", mine / "sheet.yaml"), str(mine / "sheet.yaml"),
                   "cannot be written")  # was an OSError traceback from the atomic write
    one_error_line(cli("--project", ROOT, "draft", document, "-o", tmp_path / "sheet.yaml", "--json",
                       mine / "r.json"), str(mine / "r.json"), "cannot be written")
    assert mine.read_text() == "mine\n"


# -- click's usage errors: one line too --------------------------------------------------------------------------

@pytest.mark.parametrize("args, names, words", [
    (["validate", "--bogus", "x.xbrl"], "No such option '--bogus'", ["iij-xbrl validate --help"]),
    (["nosuch"], "No such command 'nosuch'", ["iij-xbrl --help"]),
    (["validate"], "Missing argument 'PATHS...'", []),
    (["validate", "--jobs", "x", "x.xbrl"], "Invalid value for '--jobs'", ["'x'"]),
])
def test_usage_errors_are_one_line(args, names, words):
    one_error_line(cli(*args), names, *words)

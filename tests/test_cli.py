from click.testing import CliRunner

from iij_xbrl.cli import main


def test_help_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("taxonomy", "publish", "validate", "export"):
        assert command in result.output


def test_the_project_folder_is_found_or_named_in_one_error_line(tmp_path, monkeypatch):
    from iij_xbrl import paths

    root = tmp_path / "project"
    (root / "sources").mkdir(parents=True)
    (root / "taxonomy" / "src").mkdir(parents=True)
    monkeypatch.delenv(paths.ENV, raising=False)
    monkeypatch.chdir(root)
    assert paths.find().root == root  # the current directory
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "_checkout", lambda: tmp_path / "elsewhere")  # as an installed (non-editable) copy
    monkeypatch.setenv(paths.ENV, str(root))
    assert paths.find().root == root
    monkeypatch.delenv(paths.ENV)
    result = CliRunner().invoke(main, ["publish", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and result.stderr.startswith("error: ") and "--project" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "export"])
    assert result.exit_code == 2 and "not an iij-xbrl project folder" in result.stderr
    assert not (tmp_path / "out").exists()

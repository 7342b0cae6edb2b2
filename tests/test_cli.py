from click.testing import CliRunner

from iij_xbrl.cli import main


def test_help_lists_the_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("taxonomy", "publish", "validate", "export"):
        assert command in result.output

"""The oracle itself must be able to fail: a broken instance yields errors."""
from arelle_oracle import problems, run


def test_oracle_reports_errors_for_a_broken_instance(tmp_path):
    bad = tmp_path / "bad.xbrl"
    bad.write_text('<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance">'
                   '<xbrli:context id="c"></xbrli:xbrl>', encoding="utf-8")
    entries = run(["-f", str(bad), "-v"])
    assert problems(entries), entries

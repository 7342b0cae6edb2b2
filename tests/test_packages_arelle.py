"""Arelle opens every report package offline with 0 errors, the taxonomy travelling inside: `.xbr` with the
XML instance of each real filing, and an `.xbri` with one Inline XBRL report; each beside its extension schema."""
from __future__ import annotations

import zipfile

import pytest

import arelle_oracle
from report_fixtures import FILINGS, ROOT, reports
from iij_xbrl.emit import packages
from iij_xbrl.taxonomy import build, package
from iij_xbrl.taxonomy.source import load

pytestmark = pytest.mark.arelle


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    rep = reports(tmp_path_factory)
    out = tmp_path_factory.mktemp("packages")

    made = {f: rep.dir / f / f"{f}.xbr" for f in FILINGS}  # as publish wrote them
    f = FILINGS[-1]
    inline = {name: (rep.dir / f / name).read_bytes() for name in (f"{f}.xhtml", f"{f}.xsd", f"{f}_cal.xml")}
    made["inline"] = out / f"{f}.xbri"
    made["inline"].write_bytes(packages.report_package_bytes(inline, package.content(build.render(
        load(ROOT / "taxonomy"))), f, ".xbri"))
    return rep, made


@pytest.fixture(scope="module")
def arelle_entries(built):
    _, made = built
    # one run per package: Arelle 2.47.3 fails on a second report package in the same run (IOerror);
    # no --packages: each package must resolve the published schema URL by itself
    return {name: arelle_oracle.run(["-f", str(path), "-v"]) for name, path in made.items()}


def test_arelle_opens_every_report_package_without_errors(arelle_entries):
    for name, entries in arelle_entries.items():
        errors = arelle_oracle.problems(entries, levels=("error", "critical", "warning"))
        assert not errors, (name, arelle_oracle.summary(errors))
        loaded = [e for e in entries if "loaded" in e.get("message", {}).get("text", "")]
        assert loaded and "/reports/" in loaded[0]["refs"][0]["href"], (name, arelle_oracle.summary(entries))


def test_packaged_report_is_the_published_report(built):
    rep, made = built
    for f in FILINGS:
        with zipfile.ZipFile(made[f]) as archive:
            for name in (f"{f}.xbrl", f"{f}.xsd", f"{f}_cal.xml"):
                assert archive.read(f"{f}/reports/{name}") == (rep.dir / f / name).read_bytes()

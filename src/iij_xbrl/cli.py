"""Command line: `iij-xbrl [--project DIR] taxonomy build | publish | validate | export | draft`.

Commands only parse options and call into the modules that do the work, so each
stage stays usable as a library. Bad input becomes one line on stderr and exit 2.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

import click

from .paths import ENV, Project, find
from .xbrl.errors import InputError


class _Group(click.Group):
    def main(self, *args, **kwargs):
        # click's own usage errors print three lines (usage, a hint, the error); ours are one, like bad input
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "iij-xbrl"
            click.echo(f"error: {exc.format_message()} (try '{where} --help')", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


_own_process = False  # main() runs as the iij-xbrl program, not inside another program (a test's CliRunner)


def entry() -> None:
    """The `iij-xbrl` program: main() in a process of its own, which may end as soon as its output is written."""
    global _own_process
    _own_process = True
    main()


def _project() -> Project:
    """The project folder: --project, else IIJ_XBRL_PROJECT, else the current directory or the checkout."""
    return find(click.get_current_context().find_root().params.get("project"))


@click.group(cls=_Group, name="iij-xbrl")
@click.version_option(package_name="iij-xbrl")
@click.option("--project", type=click.Path(file_okay=False, path_type=Path), envvar=ENV, default=None,
              help=f"Project folder holding sources/ and taxonomy/src/ [default: ${ENV}, else the current "
                   "directory or the checkout this program runs from].")
def main(project: Path | None) -> None:
    """Publish IIJ's investor-relations figures as XBRL, validate and export them."""


@main.group()
def taxonomy() -> None:
    """The IIJ extension taxonomy."""


@taxonomy.command("build")
def taxonomy_build() -> None:
    """Generate schema, linkbases and the taxonomy package from the project's taxonomy/src into taxonomy/."""
    from .taxonomy.build import build

    for path in build(_project().taxonomy):
        click.echo(str(path))


@main.command()
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("out"), show_default=True,
              help="A new or empty folder, or an earlier publication (anything else is refused, nothing touched).")
@click.option("--strict", is_flag=True, help="Exit non-zero when findings include errors.")
@click.option("--db", "db_url", default=None, help="Database URL (default: sqlite:///<out>/iij.sqlite).")
@click.option("--viewer", "with_viewer", is_flag=True,
              help="Also write each report inside Arelle's ixbrl-viewer (<filing>/<filing>-viewer.html, offline; "
                   "needs pip install 'iij-xbrl[viewer]').")
@click.option("--verbose", "-v", is_flag=True, help="Print the wall and CPU time of each stage on stderr.")
def publish(out_dir: Path, strict: bool, db_url: str | None, with_viewer: bool, verbose: bool) -> None:
    """Publish every filing (instances, reports, packages, findings) and load the database."""
    from .publish import Stages, publish as run

    stages = Stages()
    stages.times.append(("start-up (CPU so far)", time.process_time(), time.process_time()))
    # What start-up and loading build lives to the end of the command: frozen, the collector's full passes skip it
    # (they cost a publish about 0.08 s); unfrozen after, so a caller that goes on collects as before.
    gc.freeze()
    try:
        with stages("load sources and check"):
            from .publication import load

            publication = load(_project())
        gc.freeze()
        code = run(out_dir, publication, strict=strict, db_url=db_url, with_viewer=with_viewer, stages=stages)
    finally:
        gc.unfreeze()
    if verbose:
        stages.print(sys.stderr)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per finding, then one summary line per file; json: every finding "
                   "(validity errors included) as in schemas/findings.schema.json.")
@click.option("--strict", is_flag=True, help="Treat warnings as failures (exit 1).")
@click.option("--packages", "packages", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Taxonomy package zip(s) to resolve URLs offline (repeatable) [default: the project's "
                   "taxonomy/iij-taxonomy-2025.zip, when there is one].")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
              help="Validate the inputs on this many processes (0: one per CPU).")
def validate(paths: tuple[Path, ...], fmt: str, strict: bool, packages: tuple[Path, ...], jobs: int) -> None:
    """Validate XBRL reports: XBRL 2.1, Dimensions, Inline XBRL and OIM validity, then XBRL Calculations
    1.1 (round-to-nearest). Each PATH is judged on its own; a summary line per file tells what was checked.

    \b
    A directory stands for the reports below it, recognised by content.

    \b
    Formats, recognised from the content, not the name:
      XBRL 2.1 XML instance (.xbrl)
      Inline XBRL 1.1 (.xhtml; a document set inside a report package)
      xBRL-JSON 1.0 (.json)
      xBRL-CSV 1.0 (its metadata .json; the tables beside it)
      Report Package 1.0 (.xbr, .xbri, .zip: each report in it)
      - reads standard input (any of the above; relative references from the working directory)

    Exit 0 valid and consistent, 1 valid with error findings (calculation inconsistencies, disallowed
    duplicates), 2 not valid XBRL or not readable (the last line on stderr names the file, the line and
    the first error code). Non-regular files (FIFOs, devices), DTDs declaring entities and oversized
    inputs are refused; nothing is fetched from the network."""
    from .taxonomy.names import PACKAGE_FILE
    from .xbrl.command import run

    if not packages:
        try:  # our own instances cite the published URL of the IIJ taxonomy; any other report needs no project
            own = _project().taxonomy / PACKAGE_FILE
        except InputError:
            own = None
        if own is not None and own.exists():
            packages = (own,)
    sys.exit(run(list(paths), fmt=fmt, strict=strict, packages=list(packages), jobs=jobs or os.cpu_count() or 1,
                 exit_after=_own_process))


@main.command()
@click.option("--db", "db_url", default="sqlite:///out/iij.sqlite", show_default=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder `publish` wrote.")
def export(db_url: str, out_dir: Path) -> None:
    """Load concepts, facts, calculation trees and findings into SQLite or PostgreSQL."""
    from .export.command import run

    sys.exit(run(db_url=db_url, out_dir=out_dir, project=_project()))


@main.command("draft")
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Fact sheet to write (sources/facts format, review list at its end).")
@click.option("--filing", default=None, help="Filing id (default: from the reporting period, e.g. fy2012h1).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write an xBRL-JSON report of the drafted facts.")
@click.option("--against", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Compare the draft with a curated sheet of the document: matches, differences, misses.")
def draft_command(document: Path, output: Path, filing: str | None, json_path: Path | None,
                  against: Path | None) -> None:
    """Propose a fact sheet for an IR document the publisher has never seen."""
    from .draft.command import run

    sys.exit(run(document, output, _project(), filing=filing, json_path=json_path, against=against))

"""Where the project's data lives: a folder holding `sources/` and `taxonomy/src/` (the checkout).

The program's own resources (JSON schemas, the report's CSS) ship inside the package; the data it publishes
belongs to a project folder, found in this order:
1. `--project DIR` on the command line, else the environment variable IIJ_XBRL_PROJECT;
2. the current directory, when it holds `sources/` and `taxonomy/src/`;
3. the checkout an editable install runs from (the folder holding src/iij_xbrl).
Anything else is one `error:` line (exit 2), never a guess.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .xbrl.errors import InputError

ENV = "IIJ_XBRL_PROJECT"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def taxonomy(self) -> Path:
        """Holds src/ (the taxonomy's source of truth) and what `iij-xbrl taxonomy build` writes from it."""
        return self.root / "taxonomy"

    def inputs(self) -> list[Path]:
        """Every file a publication is built from: sources/ and taxonomy/src/, in a fixed order."""
        return sorted(p for folder in (self.sources, self.taxonomy / "src") for p in folder.rglob("*") if p.is_file())

    def sources_digest(self) -> str:
        """sha256 over the inputs' relative paths and contents: changes whenever any input does."""
        digest = hashlib.sha256()
        for path in self.inputs():
            digest.update(path.relative_to(self.root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()


def is_project(folder: Path) -> bool:
    return (folder / "sources").is_dir() and (folder / "taxonomy" / "src").is_dir()


def _checkout() -> Path:
    # An editable install imports the package from <checkout>/src/iij_xbrl; an installed copy lives in
    # site-packages, whose parent folders are no project.
    return Path(__file__).resolve().parents[2]


def find(explicit: Path | str | None = None) -> Project:
    """The project folder: `explicit` (or IIJ_XBRL_PROJECT), else the current directory, else the checkout."""
    given = explicit if explicit is not None else os.environ.get(ENV) or None
    if given is not None:
        folder = Path(given).absolute()
        if not is_project(folder):
            raise InputError(str(given), "not an iij-xbrl project folder (it needs sources/ and taxonomy/src/)")
        return Project(folder)
    for folder in (Path.cwd(), _checkout()):
        if is_project(folder):
            return Project(folder)
    raise InputError(str(Path.cwd()), f"no iij-xbrl project here (sources/ and taxonomy/src/): pass --project DIR "
                                      f"or set {ENV}")

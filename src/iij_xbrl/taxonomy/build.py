"""`iij-xbrl taxonomy build`: taxonomy/src/*.yaml -> taxonomy/iij-2025/* and taxonomy/iij-taxonomy-2025.zip."""
from __future__ import annotations

from pathlib import Path

from .. import atomic
from . import linkbases, names as n
from .package import package
from .schema import calculation_schema, schema
from .source import Taxonomy, load


def render(tax: Taxonomy) -> dict[str, bytes]:
    """File name -> content of every taxonomy file, in a fixed order."""
    return {
        n.ENTRY_POINT: schema(tax),
        "iij-2025_lab-en.xml": linkbases.labels(tax, "en"),
        "iij-2025_lab-ja.xml": linkbases.labels(tax, "ja"),
        "iij-2025_pre.xml": linkbases.presentation(tax),
        n.CALCULATION: linkbases.calculation(tax),
        "iij-2025_def.xml": linkbases.definition(tax),
        "iij-2025_ref.xml": linkbases.references(tax),
        n.ALL_ENTRY_POINT: calculation_schema(n.ALL_NAMESPACE, n.ALL_PREFIX, n.ENTRY_POINT, n.CALCULATION),
    }


def build(root: Path, out: Path | None = None, taxonomy: Taxonomy | None = None) -> list[Path]:
    """Read `root/src`, write the files into `out` (default `root`); return the written paths.
    A caller that has already loaded `root/src` passes it as `taxonomy` rather than have it read twice."""
    out = Path(root) if out is None else Path(out)
    files = render(load(root) if taxonomy is None else taxonomy)
    written = []
    for name, data in files.items():
        path = out / n.OUTPUT_DIR / name
        atomic.write_bytes(path, data)
        written.append(path)
    zip_path = out / n.PACKAGE_FILE
    atomic.write_bytes(zip_path, package(files))
    written.append(zip_path)
    return written

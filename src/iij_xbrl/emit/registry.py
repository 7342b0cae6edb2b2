"""Every output `publish` writes: one emitter per format, each a function (publication) -> {relative path: bytes}.

Adding a format is a module with such a function plus a line here. Emitters may call others as functions
(a package embeds the reports' bytes); each runs once per publication, its result kept for the next caller.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

from ..publication import Publication
from . import extension, ixbrl, longform, manifest, oim_csv, oim_json, packages, tables, xbrl_xml

Emitter = Callable[[Publication], dict[str, bytes]]


def _once(emit: Emitter) -> Emitter:
    # one publication at a time: the last one's outputs are kept, so nothing accumulates across publications
    return lru_cache(maxsize=1)(emit)


EMITTERS: dict[str, Emitter] = {name: _once(emit) for name, emit in (
    ("taxonomy package", packages.taxonomy_package),
    ("extension schemas", extension.emit),
    ("XBRL XML", xbrl_xml.emit),
    ("xBRL-JSON", oim_json.emit),
    ("xBRL-CSV", oim_csv.emit),
    ("inline XBRL", ixbrl.emit),
    ("report packages", packages.report_packages),
    ("findings", tables.findings_json),
    ("taxonomy data", tables.taxonomy_json),
    ("facts table", longform.facts_csv),
    ("facts parquet", longform.facts_parquet),
    ("documents", tables.document_copies),
    ("data package", packages.data_package),
    ("manifest", manifest.manifest),  # lists every other output: keep it last
)}


def outputs(publication: Publication, exclude: Iterable[str] = ()) -> dict[str, bytes]:
    """Every emitter's files but those of `exclude`; a path two emitters claim is a programming error."""
    files: dict[str, bytes] = {}
    for name, emit in EMITTERS.items():
        if name in exclude:
            continue
        for rel, data in emit(publication).items():
            if rel in files:
                raise ValueError(f"{rel} is written by two emitters")
            files[rel] = data
    return files

"""Deterministic zip archives: the bytes depend on nothing but the entries.

Shared by the taxonomy package and the report/data packages, whose checksums are published.
"""
from __future__ import annotations

import io
import zipfile
from typing import Mapping

_EPOCH = (1980, 1, 1, 0, 0, 0)  # earliest zip timestamp


def zip_bytes(entries: Mapping[str, bytes]) -> bytes:
    """A zip of `entries` (archive path -> content): sorted, fixed time, regular files with mode 0644."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so the permission bits below mean the same everywhere
            info.external_attr = 0o100644 << 16
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()

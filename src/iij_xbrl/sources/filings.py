"""sources/filings.yaml -> the reporting entity and the filings to publish (`FilingSpec`), checked with file:line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from iij_xbrl.model import Document, Entity, FilingSpec
from iij_xbrl.sources import calendar, yamlines
from iij_xbrl.xbrl.errors import InputError

FILE = "filings.yaml"


def _date(path: Path, text: str, line: int | None) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(path, f"not a date: {text!r}", line) from None


def load_specs(root: Path) -> tuple[FilingSpec, ...]:
    """The filings listed in `root/filings.yaml`, in file order; every document must exist in `root`."""
    path = Path(root) / FILE
    data = yamlines.load_checked(path, "filings.schema.json")
    entity = Entity(**data["entity"])
    specs: list[FilingSpec] = []
    owner: dict[str, str] = {}  # document file -> filing id
    for raw in data["filings"]:
        if any(s.id == raw["id"] for s in specs):
            raise InputError(path, f"filing {raw['id']} is listed twice", raw.line)
        documents = []
        for doc in raw["documents"]:
            if doc["file"] in owner:
                raise InputError(path, f"{doc['file']} already belongs to filing {owner[doc['file']]}", doc.line)
            source = Path(root) / doc["file"]
            if not source.is_file():
                raise InputError(path, f"document {doc['file']} in {root} is not a regular file (a folder, a FIFO, "
                                 "a device)" if source.exists() else f"document {doc['file']} not found in {root}",
                                 doc.line)
            owner[doc["file"]] = raw["id"]
            documents.append(Document(file=doc["file"], title=doc["title"], kind=doc["kind"],
                                      released=_date(path, doc["released"], doc.line)))
        try:
            period = calendar.parse(raw["period"])
        except ValueError as exc:
            raise InputError(path, str(exc), raw.line) from None
        specs.append(FilingSpec(id=raw["id"], title=raw["title"], period=period,
                                released=_date(path, raw["released"], raw.line), entity=entity,
                                documents=tuple(documents)))
    return tuple(specs)

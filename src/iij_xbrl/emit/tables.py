"""Plain-data outputs beside the XBRL reports: findings, the taxonomy as JSON, copies of the source documents
(every print as one long table: `longform`). `iij-xbrl export` loads the database from these (and the manifest)."""
from __future__ import annotations

import json

from ..publication import Publication
from ..taxonomy.names import role_uri
from ..xbrl.findings import to_json

FINDINGS = "findings.json"
TAXONOMY = "taxonomy.json"
DOCUMENTS = "documents"


def findings_json(publication: Publication) -> dict[str, bytes]:
    """The consistency findings (schemas/findings.schema.json)."""
    return {FINDINGS: to_json(publication.findings).encode()}


def _presentation(nodes, parent: str | None = None, depth: int = 0):
    """The tree in reading order: (parent, concept, order among its siblings, depth, preferred label role)."""
    for order, node in enumerate(nodes, start=1):
        yield {"parent": parent, "concept": node.concept, "order": order, "depth": depth,
               "preferred_label": node.preferred_label}
        yield from _presentation(node.children, node.concept, depth + 1)


def taxonomy_json(publication: Publication) -> dict[str, bytes]:
    """The concepts (types, labels, US-GAAP counterparts), the extended link roles with their presentation trees
    in reading order, the calculation arcs and the axes with their members (the default first), for loading
    without an XBRL processor."""
    tax = publication.taxonomy
    concepts = [{"name": c.name, "data_type": c.data_type, "period_type": c.period_type, "balance": c.balance,
                 "abstract": c.abstract, "usgaap": c.usgaap,
                 "labels": {role: {"en": label.en, "ja": label.ja} for role, label in sorted(c.labels.items())}}
                for c in tax.concepts.values()]
    # the tables, axes, members and line items the presentation trees show (abstract elements of the schema)
    concepts += [{"name": name, "data_type": "string", "period_type": "duration", "balance": None, "abstract": True,
                  "usgaap": None, "labels": {"label": {"en": element.label.en, "ja": element.label.ja}}}
                 for name, (_, element) in sorted(tax.dimensions.elements().items())]
    roles = [{"elr": role_uri(r.id), "id": r.id, "definition": r.definition,
              "presentation": list(_presentation(r.presentation))} for r in tax.roles]
    arcs = [{"elr": role_uri(role), "from": a.total, "to": a.item, "weight": a.weight, "order": a.order}
            for role, arcs in tax.calculations.items() for a in arcs]
    axes = [{"name": a.axis.name, "labels": {"en": a.axis.label.en, "ja": a.axis.label.ja},
             "default": a.default.name,
             "members": [{"name": m.name, "labels": {"en": m.label.en, "ja": m.label.ja}} for m in a.members]}
            for a in tax.dimensions.axes]
    text = json.dumps({"concepts": concepts, "roles": roles, "calculations": arcs, "axes": axes},
                      ensure_ascii=False, indent=1)
    return {TAXONOMY: (text + "\n").encode()}


def document_copies(publication: Publication) -> dict[str, bytes]:
    """documents/<file>: the source documents as read, so facts' and findings' lines resolve from out/ alone."""
    return {f"{DOCUMENTS}/{name}": data for name, data in sorted(publication.documents.items())}

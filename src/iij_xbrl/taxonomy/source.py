"""Loads the taxonomy's source of truth, `taxonomy/src/*.yaml`, into plain immutable structures.

`concepts-*.yaml` files each hold a list of concepts (several engineers add their own files); every other
YAML file holds `roles` (presentation and calculation per extended link role) and/or `dimensions` (the axes with
their domains, defaults and members; the tables: a hypercube per extended link role and the concepts it allows).
Everything is checked here, with file:line, so the writers can trust their input.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..xbrl.errors import InputError
from ..model import Concept, Label
from ..sources import yamlines

NUMERIC_TYPES = frozenset({"monetary", "shares", "perShare", "percent", "integer", "decimal"})


@dataclass(frozen=True)
class CalcArc:
    total: str
    item: str
    weight: int  # +1 or -1
    order: int  # 1-based position among the total's items


@dataclass(frozen=True)
class PresNode:
    concept: str
    preferred_label: str | None  # label role short name ("total", "periodStart", …) or None for the standard label
    children: tuple["PresNode", ...]


@dataclass(frozen=True)
class Role:
    id: str  # e.g. "IncomeStatement"; the role URI is ROLE_BASE + id (see taxonomy.names)
    definition: str
    presentation: tuple[PresNode, ...]
    calculation: tuple[CalcArc, ...]


@dataclass(frozen=True)
class Member:
    name: str
    label: Label


@dataclass(frozen=True)
class Axis:
    axis: Member
    domain: Member  # the root of the members; not usable as a member when it is not the default
    default_name: str  # the domain (the total of all members) or a member (ScenarioAxis: Actual)
    members: tuple[Member, ...]  # domain first, then the usable members in order

    @property
    def default(self) -> Member:
        return next(m for m in self.members if m.name == self.default_name)


@dataclass(frozen=True)
class Table:
    """A hypercube and the line items it constrains, in an extended link role of its own or of a statement."""

    role_id: str
    definition: str | None  # the role's definition when the table has a role of its own, else None
    table: Member  # the hypercube
    line_items: Member
    axes: tuple[str, ...]  # axis names; none: the line items take no dimension at all
    concepts: tuple[str, ...]


@dataclass(frozen=True)
class Dimensions:
    container: str  # "segment" | "scenario": where instances put every dimension
    axes: tuple[Axis, ...]
    tables: tuple[Table, ...]

    def axis_members(self) -> dict[str, tuple[str, ...]]:
        """Axis name -> member names, the domain first."""
        return {a.axis.name: tuple(m.name for m in a.members) for a in self.axes}

    def defaults(self) -> dict[str, str]:
        return {a.axis.name: a.default_name for a in self.axes}

    def elements(self) -> dict[str, tuple[str, Member]]:
        """Every dimensional element: name -> (kind, member); kinds "table", "lineItems", "axis", "member"."""
        found: dict[str, tuple[str, Member]] = {}
        for a in self.axes:
            found[a.axis.name] = ("axis", a.axis)
            found.update((m.name, ("member", m)) for m in a.members)
        for t in self.tables:
            found[t.table.name] = ("table", t.table)
            found[t.line_items.name] = ("lineItems", t.line_items)
        return found


@dataclass(frozen=True)
class Taxonomy:
    concepts: dict[str, Concept]  # name -> concept, sorted by name
    roles: tuple[Role, ...]  # in source order
    dimensions: Dimensions

    @property
    def calculations(self) -> dict[str, tuple[CalcArc, ...]]:
        """Role id -> summation-item arcs of that ELR (roles without calculations omitted)."""
        return {r.id: r.calculation for r in self.roles if r.calculation}

    @property
    def presentation(self) -> dict[str, tuple[PresNode, ...]]:
        """Role id -> presentation tree roots of that ELR."""
        return {r.id: r.presentation for r in self.roles if r.presentation}


def _label(raw: dict) -> Label:
    return Label(en=raw["en"], ja=raw["ja"])


def _concept(raw: dict) -> Concept:
    labels = {"label": _label(raw["label"])}
    labels.update((role, _label(lab)) for role, lab in sorted(raw.get("labels", {}).items()))
    balance = raw.get("balance")
    anchor = raw.get("usgaap")
    if isinstance(anchor, str):
        anchor = {"element": anchor, "relation": "equivalent"}
    anchor = anchor or {}
    return Concept(name=raw["name"], data_type=raw["type"], period_type=raw["period"],
                   balance=None if balance == "none" else balance, abstract=raw.get("abstract", False),
                   labels=labels, sign=raw.get("sign"), usgaap=anchor.get("element"),
                   usgaap_relation=anchor.get("relation"), usgaap_negated=anchor.get("negated", False),
                   usgaap_note=anchor.get("note"))


class _Builder:
    """Collects all files, then resolves names across them."""

    def __init__(self) -> None:
        self.concepts: dict[str, Concept] = {}
        self.origin: dict[str, tuple[Path, int | None]] = {}  # element name -> where it is defined
        self.roles: list[tuple[Path, Any]] = []
        self.dimensions: tuple[Path, Any] | None = None

    def _define(self, path: Path, name: str, line: int | None) -> None:
        if name in self.origin:
            first, first_line = self.origin[name]
            raise InputError(path, f"{name} is already defined at {first.name}:{first_line}", line)
        self.origin[name] = (path, line)

    def add_file(self, path: Path) -> None:
        data = yamlines.load(path)
        if data is None:
            return  # an empty file contributes nothing
        # one branch of the schema per kind of file: its errors say what is wrong, not "matches no branch"
        branch = "conceptFile" if path.name.startswith("concepts-") else "structureFile"
        yamlines.check(path, data, "taxonomy.schema.json", f"#/$defs/{branch}")
        if path.name.startswith("concepts-"):
            for raw in data:
                self._define(path, raw["name"], raw.line)
                self.concepts[raw["name"]] = _concept(raw)
            return
        self.roles.extend((path, r) for r in data.get("roles", []))
        if "dimensions" in data:
            if self.dimensions is not None:
                raise InputError(path, f"dimensions are already defined in {self.dimensions[0].name}",
                                 data["dimensions"].line)
            self.dimensions = (path, data["dimensions"])

    def _known(self, path: Path, name: str, line: int | None, numeric: bool = False) -> Concept:
        concept = self.concepts.get(name)
        if concept is None:
            raise InputError(path, f"unknown concept {name}", line)
        if numeric and (concept.abstract or concept.data_type not in NUMERIC_TYPES):
            raise InputError(path, f"{name} is not numeric and cannot be in a calculation", line)
        return concept

    def _node(self, path: Path, raw: Any, line: int | None, dimensional: dict[str, Any]) -> PresNode:
        key, children = (next(iter(raw.items())) if isinstance(raw, dict) else (raw, []))
        line = getattr(raw, "line", line)
        name, _, role = key.partition("|")
        if name not in dimensional or role:  # else a table, its axes, members or line items, as US-GAAP shows them
            concept = self._known(path, name, line)
            if role and role not in concept.labels:
                raise InputError(path, f"{name} has no {role} label for this preferred label", line)
        return PresNode(name, role or None, tuple(self._node(path, c, getattr(children, "line", line), dimensional)
                                                  for c in children))

    def _calculation(self, path: Path, raw: Any) -> tuple[CalcArc, ...]:
        arcs = []
        for total, items in raw.items():
            line = raw.key_lines.get(total, raw.line)
            source = self._known(path, total, line, numeric=True)
            seen = set()
            for order, item in enumerate(items, start=1):
                weight, name = (-1, item[1:]) if item.startswith("-") else (1, item)
                target = self._known(path, name, line, numeric=True)
                if name in seen or name == total:
                    raise InputError(path, f"{total}: {name} is listed twice or sums into itself", line)
                seen.add(name)
                if source.balance and target.balance and (source.balance == target.balance) != (weight > 0):
                    raise InputError(path, f"{total} ({source.balance}) = … {'+' if weight > 0 else '-'}{name} "
                                           f"({target.balance}): weight disagrees with the balances", line)
                if source.period_type != target.period_type:
                    raise InputError(path, f"{total} and {name} differ in period type", line)
                arcs.append(CalcArc(total, name, weight, order))
        return tuple(arcs)

    def _member(self, path: Path, raw: Any) -> Member:
        self._define(path, raw["name"], raw.line)
        return Member(raw["name"], _label(raw["label"]))

    def _dimensions(self, src: Path, role_ids: dict[str, Path]) -> Dimensions:
        if self.dimensions is None:
            raise InputError(src, "no file defines the dimensions")
        path, raw = self.dimensions
        axes = []
        for a in raw["axes"]:
            axis, domain = self._member(path, a["axis"]), self._member(path, a["domain"])
            members = (domain, *(self._member(path, m) for m in a["members"]))
            default = a.get("default", domain.name)
            if default not in {m.name for m in members}:
                raise InputError(path, f"{axis.name}: default {default} is none of its members", a.line)
            axes.append(Axis(axis, domain, default, members))
        axis_names = {a.axis.name for a in axes}
        tables = []
        for t in raw["tables"]:
            role = t["role"]
            own = "definition" in role
            if own == (role["id"] in role_ids):
                raise InputError(path, f"table role {role['id']}: a role of its own needs a definition, a statement's "
                                       "role none", t.line)
            for name in t["axes"]:
                if name not in axis_names:
                    raise InputError(path, f"unknown axis {name}", t.line)
            if t["concepts"] == "all":
                excluded = set(t.get("exclude", []))
                for name in excluded:
                    self._known(path, name, t.line)
                concepts = tuple(n for n, c in self.concepts.items() if not c.abstract and n not in excluded)
            else:
                concepts = tuple(self._known(path, n, t.line).name for n in t["concepts"])
            tables.append(Table(role["id"], role.get("definition"), self._member(path, t["table"]),
                                self._member(path, t["line_items"]), tuple(t["axes"]), concepts))
        return Dimensions(raw["container"], tuple(axes), tuple(tables))

    def build(self, src: Path) -> Taxonomy:
        role_ids: dict[str, Path] = {}
        for path, raw in self.roles:
            if raw["id"] in role_ids:
                raise InputError(path, f"role {raw['id']} is already defined in {role_ids[raw['id']].name}", raw.line)
            role_ids[raw["id"]] = path
        self.concepts = dict(sorted(self.concepts.items()))
        dims = self._dimensions(src, role_ids)
        dimensional = dims.elements()
        roles = []
        for path, raw in self.roles:
            nodes = raw.get("presentation", [])
            roles.append(Role(raw["id"], raw["definition"],
                              tuple(self._node(path, n, getattr(nodes, "line", raw.line), dimensional) for n in nodes),
                              self._calculation(path, raw.get("calculation", {}))))
        return Taxonomy(self.concepts, tuple(roles), dims)


def load(root: Path) -> Taxonomy:
    """Read and check every `root/src/*.yaml`; raise InputError(file, message, line) on bad input."""
    src = Path(root) / "src"
    files = sorted(src.glob("*.yaml"))
    if not files:
        raise InputError(src, "no taxonomy source files (*.yaml)")
    builder = _Builder()
    for path in files:
        builder.add_file(path)
    return builder.build(src)

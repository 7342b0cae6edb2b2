"""XBRL Dimensions 1.0: dimensional validity of contexts and of facts (the `xbrldie:` errors).

Built once per DTS from its effective definition relationships (dts.DimensionArc). A primary item
inherits the hypercubes of the items above it through domain-member relationships; a fact is valid when,
in at least one link role that has hypercubes for its concept, every `all` cube is met and no `notAll`
cube is (XDT §2.3, as Arelle's ValidateXbrlDimensions applies it). Results are cached per (hypercubes,
context id) and computed once per (hypercubes, dimensional content): the per-fact cost is one dictionary lookup.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .dts import DimensionArc, Dts

if TYPE_CHECKING:
    from .validity import Context, Problems


class Dimensions:
    def __init__(self, dts: Dts):
        self.dts = dts
        self.defaults: dict[str, str] = {}
        self._from: dict[tuple[str, str, str], list[DimensionArc]] = defaultdict(list)  # (arcrole, source, elr)
        self._has_hc: dict[str, list[DimensionArc]] = defaultdict(list)  # primary item -> all/notAll, any ELR
        self._members_to: dict[str, list[DimensionArc]] = defaultdict(list)  # target -> domain-member arcs
        for arc in dts.dimension_arcs:
            if arc.arcrole == "dimension-default":
                self.defaults.setdefault(arc.source, arc.target)
            elif arc.arcrole in ("all", "notAll"):
                self._has_hc[arc.source].append(arc)
            else:
                self._from[(arc.arcrole, arc.source, arc.elr)].append(arc)
                if arc.arcrole == "domain-member":
                    self._members_to[arc.target].append(arc)
        self._cubes: dict[str, dict[str, list[DimensionArc]]] = {}
        self._usable: dict[tuple[str, str], frozenset[str]] = {}
        self._class_of: dict[str, int | None] = {}  # concept -> cube class
        self._classes: dict[tuple, int] = {}
        self._class_cubes: dict[int, dict[str, list[DimensionArc]]] = {}
        self._valid: dict[int, dict[str | None, bool]] = {}  # cube class -> context id -> verdict
        self._by_content: dict[tuple, bool] = {}

    # -- the hypercubes of a primary item -------------------------------------------------------------------

    def has_cubes(self, concept: str) -> bool:
        return bool(self.cubes(concept))

    def cubes(self, concept: str) -> dict[str, list[DimensionArc]]:
        """Link role -> has-hypercube relationships that apply to `concept` (own and inherited)."""
        found = self._cubes.get(concept)
        if found is None:
            found = self._cubes[concept] = {}
            self._collect(concept, None, found, set())
        return found

    def cube_class(self, concept: str) -> int | None:
        """A number shared by every concept with the same hypercubes (None: no hypercubes): a fact's validity
        depends only on it and the context, so primary items of one table are judged once per context."""
        if concept in self._class_of:
            return self._class_of[concept]
        cubes = self.cubes(concept)
        cls = None
        if cubes:
            key = tuple((elr, tuple(arcs)) for elr, arcs in cubes.items())
            cls = self._classes.setdefault(key, len(self._classes))
            self._class_cubes[cls] = cubes
        self._class_of[concept] = cls
        return cls

    def _collect(self, item: str, elr: str | None, found: dict[str, list[DimensionArc]], seen: set) -> None:
        if (elr, item) in seen:
            return
        seen.add((elr, item))
        for arc in self._has_hc.get(item, ()):
            if elr is None or arc.elr == elr:
                found.setdefault(arc.elr, []).append(arc)
        for arc in self._members_to.get(item, ()):
            if elr is None or elr == (arc.target_role or arc.elr):
                self._collect(arc.source, arc.elr, found, seen)

    def _usable_members(self, dim: str, elr: str) -> frozenset[str]:
        key = (dim, elr)
        members = self._usable.get(key)
        if members is None:
            usable: set[str] = set()
            unusable: set[str] = set()
            self._walk(self._from.get(("dimension-domain", dim, elr), ()), elr, usable, unusable, set())
            members = self._usable[key] = frozenset(usable - unusable)
        return members

    def _walk(self, arcs, elr: str, usable: set, unusable: set, path: set) -> None:
        for arc in arcs:
            (usable if arc.usable else unusable).add(arc.target)
            to_elr = arc.target_role or elr
            if (arc.target, to_elr) not in path:
                path.add((arc.target, to_elr))
                self._walk(self._from.get(("domain-member", arc.target, to_elr), ()), to_elr, usable, unusable, path)
                path.discard((arc.target, to_elr))

    # -- facts ---------------------------------------------------------------------------------------------

    def valid(self, concept: str, ctx: Context) -> bool:
        cls = self.cube_class(concept)
        return True if cls is None else self.valid_in(cls, ctx)

    def verdicts(self, cls: int) -> dict[str | None, bool]:
        """Context id -> verdict for the concepts of cube class `cls`, as far as computed (valid_in fills it)."""
        return self._valid.setdefault(cls, {})

    def valid_in(self, cls: int, ctx: Context) -> bool:
        by_context = self.verdicts(cls)
        result = by_context.get(ctx.id)
        if result is None:
            # contexts that differ only in entity or period share their dimensional content: judged once
            sig = (cls, tuple(ctx.segment.items()), tuple(ctx.scenario.items()), ctx.seg_other, ctx.scen_other)
            result = self._by_content.get(sig)
            if result is None:
                cubes = self._class_cubes[cls]
                result = any(all(self._meets(arc, ctx) for arc in arcs) for arcs in cubes.values())
                self._by_content[sig] = result
            by_context[ctx.id] = result
        return result

    def _meets(self, has_hc: DimensionArc, ctx: Context) -> bool:
        segment = has_hc.context_element == "segment"
        values = ctx.segment if segment else ctx.scenario
        other = ctx.seg_other if segment else ctx.scen_other
        ok = True
        if has_hc.closed and other:
            ok = False
        else:
            left = set(values)
            dim_elr = has_hc.target_role or has_hc.elr
            for hc_dim in self._from.get(("hypercube-dimension", has_hc.target, dim_elr), ()):
                dim = hc_dim.target
                if dim in values:
                    left.discard(dim)
                    value = values[dim]
                    member = value[1] if value[0] == "e" else None
                elif dim in self.defaults:
                    member = self.defaults[dim]
                else:
                    ok = False
                    continue
                info = self.dts.concepts.get(dim)
                if info is None or info.typed_domain is None:  # explicit: the member must be usable in the domain
                    if member not in self._usable_members(dim, hc_dim.target_role or dim_elr):
                        ok = False
            if has_hc.closed and left:
                ok = False
        return ok if has_hc.arcrole == "all" else not ok

    # -- contexts ------------------------------------------------------------------------------------------

    @staticmethod
    def check_context(dts: Dts, model: Dimensions | None, ctx: Context, problems: Problems) -> None:
        """The context-level xbrldie errors (XDT §3.1.4.2, 3.1.4.4, 3.1.4.5)."""
        defaults = model.defaults if model is not None else {}
        where = f"context {ctx.id}"
        for dim, value in list(ctx.segment.items()) + list(ctx.scenario.items()) + ctx.undefined:
            info = dts.concepts.get(dim)
            typed = value[0] == "t"
            if info is None or info.kind != "dimension" or (info.typed_domain is not None) != typed:
                code = "TypedMemberNotTypedDimensionError" if typed else "ExplicitMemberNotExplicitDimensionError"
                problems.add(f"xbrldie:{code}", ctx.line, f"{where}: {dim} is not {'a typed' if typed else 'an explicit'}"
                             " dimension")
            elif typed:
                element = value[1]
                if element is None:
                    problems.add("xbrldie:IllegalTypedDimensionContentError", ctx.line,
                                 f"{where}: typed dimension {dim} needs exactly one value element")
                elif element != info.typed_domain[0]:
                    problems.add("xbrldie:IllegalTypedDimensionContentError", ctx.line,
                                 f"{where}: typed dimension {dim} holds {element}, not {info.typed_domain[0]}")
            if not typed:
                member = value[1]
                if member not in dts.elements:
                    problems.add("xbrldie:ExplicitMemberUndefinedQNameError", ctx.line,
                                 f"{where}: member {member.lstrip('?')} of {dim} is not a declared element")
                elif defaults.get(dim) == member:
                    problems.add("xbrldie:DefaultValueUsedInInstanceError", ctx.line,
                                 f"{where}: {member} is the default of {dim} and must be left out")
        for dim in ctx.repeated:
            problems.add("xbrldie:RepeatedDimensionInInstanceError", ctx.line, f"{where}: dimension {dim} is given "
                         "more than once")

"""The fast schema check (fastjsonschema on the schemas translated to draft 7) never accepts what jsonschema, the
reference, rejects, and accepts every real source file.

The documents the loaders check are collected from a real load of the project, shrunk (lists cut to two items
so jsonschema stays quick), and mutated a few thousand times at random places: values of other types, empty,
with a trailing newline or a space, keys removed, keys of any schema added with values of every type, lists
emptied or doubled, values moved elsewhere.
Wherever fastjsonschema accepts a mutant, jsonschema must accept it too (the other way round, check asks
jsonschema again, so a stricter fast path costs time, not a verdict).
"""
from __future__ import annotations

import copy
import random

import fastjsonschema
import pytest

from iij_xbrl.sources import yamlines

REPLACEMENTS = (None, 0, 1, -1, 1.5, True, False, "", "x", "Consolidated", "2012-09-30", "2012-09-30\n", [], {},
                ["x"], {"x": 1})


@pytest.fixture(scope="module")
def checked(monkeypatch_module) -> list[tuple[str, str | None, object]]:
    from iij_xbrl import paths, publication

    seen: list[tuple[str, str | None, object]] = []
    real = yamlines.check

    def record(path, data, schema, ref=None):
        seen.append((schema, ref, yamlines._jsonable(data)))
        return real(path, data, schema, ref)

    monkeypatch_module.setattr(yamlines, "check", record)
    publication.load(paths.find(None))
    return seen


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def _property_names() -> list[str]:
    """Every property name the schemas declare: mutants add them with values of every type."""
    import json

    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for schema in yamlines.SCHEMAS.iterdir():
        if schema.name.endswith(".schema.json"):
            walk(json.loads(schema.read_text(encoding="utf-8")))
    return sorted(names)


NAMES = _property_names()


def _shrunk(node):
    if isinstance(node, dict):
        return {k: _shrunk(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_shrunk(v) for v in node[:2]]
    return node


def _places(node, path=()):
    yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from _places(child, (*path, key))


def _mutant(doc, rng: random.Random):
    doc = copy.deepcopy(doc)
    places = list(_places(doc))
    path = rng.choice(places[1:] or places)
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    if not path:
        return rng.choice(REPLACEMENTS)
    key, value = path[-1], parent[path[-1]]
    kind = rng.randrange(6)
    if kind == 0 and isinstance(parent, dict):
        del parent[key]
    elif kind == 1 and isinstance(value, dict):
        value[rng.choice(NAMES + ["zz"])] = rng.choice(REPLACEMENTS)
    elif kind == 2 and isinstance(value, str):
        parent[key] = rng.choice([value + "\n", " " + value, value.upper(), value[:-1], value + "x"])
    elif kind == 3 and isinstance(value, list):
        parent[key] = rng.choice([[], value + value, value[:1]])
    elif kind == 4:
        other = doc
        for step in rng.choice(places):
            other = other[step]
        parent[key] = copy.deepcopy(other) if other is not doc else rng.choice(REPLACEMENTS)
    else:
        parent[key] = rng.choice(REPLACEMENTS)
    return doc


def test_every_schema_has_a_fast_validator():
    for name in ("factsheet", "filings", "findings", "taxonomy", "uncovered"):
        assert yamlines.fast_validator(f"{name}.schema.json") is not None


def test_fast_path_accepts_the_sources_and_never_what_jsonschema_rejects(checked):
    assert {(schema, ref) for schema, ref, _ in checked} >= {
        ("factsheet.schema.json", None), ("filings.schema.json", None),
        ("taxonomy.schema.json", "#/$defs/conceptFile"), ("taxonomy.schema.json", "#/$defs/structureFile")}
    rng = random.Random(20251205)
    verdicts = {True: 0, False: 0}
    for schema, ref, doc in checked:
        fast, reference = yamlines.fast_validator(schema, ref), yamlines.validator(schema, ref)
        fast(doc)  # the real file passes the fast path
        small = _shrunk(doc)
        for _ in range(400):
            mutant = _mutant(small, rng)
            try:
                fast(mutant)
                accepted = True
            except fastjsonschema.JsonSchemaException:
                accepted = False
            if accepted:
                assert reference.is_valid(mutant), (schema, ref, mutant)
            verdicts[accepted] += 1
    assert verdicts[True] > 500 and verdicts[False] > 1000  # both verdicts really exercised


@pytest.mark.parametrize("schema, values", [
    ({"const": True}, [True, 1, 1.0, False, 0, "true"]),
    ({"enum": ["a", 1, True]}, ["a", 1, 1.0, True, False, 0, "1"]),
    ({"properties": {"a": {"const": False}}}, [{"a": False}, {"a": 0}, {"a": None}, {}]),
    ({"$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/s", "minLength": 3}}},
     [{"a": "abc"}, {"a": "ab"}, {"a": 123}]),
    ({"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
     [["a", 1, 2], ["a", "b"], [1], [], ["a"]]),
    ({"type": "array", "prefixItems": [{"type": "string"}]}, [["a", 1], [1, "a"]]),
    ({"properties": {"items": {"type": "string"}, "prefixItems": {"type": "integer"}}},
     [{"items": "x", "prefixItems": 1}, {"items": 1}, {"prefixItems": "x"}]),
    ({"type": "string", "pattern": "^[a-z]+$"}, ["abc", "abc\n", "ab1"]),
])
def test_translated_constructs_judge_as_jsonschema(schema, values):
    import jsonschema

    fast = fastjsonschema.compile({**yamlines._draft7(schema), "$schema": "http://json-schema.org/draft-07/schema#"})
    reference = jsonschema.Draft202012Validator(schema)
    for value in values:
        try:
            fast(value)
            accepted = True
        except fastjsonschema.JsonSchemaException:
            accepted = False
        # the fast path may be stricter than the reference (check asks jsonschema again), never more lenient;
        # here, where nothing is ambiguous, they agree except on a pattern's "$" before a final newline
        assert accepted == reference.is_valid(value) or (not accepted and value == "abc\n"), (schema, value)


def test_what_draft7_cannot_say_is_left_to_jsonschema():
    for schema in ({"uniqueItems": True}, {"properties": {"a": {"unevaluatedProperties": False}}},
                   {"items": {"format": "date"}}):
        with pytest.raises(yamlines._Untranslatable):
            yamlines._draft7(schema)

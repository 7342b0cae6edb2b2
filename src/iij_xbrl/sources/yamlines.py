"""The one YAML loader: line numbers on every mapping and sequence, JSON-schema checks, `file:line: message`.

Every YAML file of the project (fact sheets, mapping, exclusions, filings, taxonomy sources) goes through
`load` or `load_checked`, so a user sees one error format: `<file>:<line>: <message>`, schema errors as
`schema: <what> (at <where in the file>)`. Parsing uses libyaml (`yaml.CSafeLoader`) when PyYAML was built
with it, about eight times faster than the pure-Python parser; only construction runs in Python.

Every document is checked against its schema each time it is loaded, by fastjsonschema, which compiles a schema
to Python once per process (ten times faster than jsonschema interpreting it: 0.02 s instead of 0.2 s for all
sources). It knows JSON Schema up to draft 7, so the 2020-12 schemas are translated (`_draft7`) into the same
constraints in draft-7 terms; where fastjsonschema rejects a document, jsonschema (the reference) judges it again
and words the error, so a verdict or message never depends on the fast path.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import yaml

from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.xbrl.xmlsafe import read_regular

# The JSON schemas ship inside the package (iij_xbrl/schemas links to the checkout's schemas/).
SCHEMAS = resources.files("iij_xbrl") / "schemas"


class LineDict(dict):
    line: int = 0
    key_lines: dict  # key -> line of the key, for errors about one entry of a mapping


class LineList(list):
    line: int = 0


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node met again is an alias: nine aliases of nine aliases... ("billion laughs") load as shared objects
        # but expand on every walk (schema check, publication) and hung publish. The sources use none: refused.
        if node in self.constructed_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "refused: an alias (*name) of the node anchored here; aliases are not allowed",
                node.start_mark)
        return super().construct_object(node, deep)


def _int(loader: _Loader, node: yaml.ScalarNode) -> int:
    # int() raises ValueError beyond 4,300 digits: a line, not a traceback
    if len(node.value) > _INT_CHARS:
        raise yaml.constructor.ConstructorError(
            None, None, f"refused: an integer of {len(node.value):,} characters", node.start_mark)
    return loader.construct_yaml_int(node)


_INT_CHARS = 1000


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)
# Dates stay strings: period tokens such as 2012-09-30 are parsed by the calendar, not by YAML.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> Any:
    """Parse YAML at `path`; syntax errors become InputError with the YAML line."""
    try:
        return yaml.load(text(path), Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(path, f"YAML: {exc.problem or exc}", mark.line + 1 if mark else None) from None


def text(path: Path) -> str:
    """A project file's UTF-8 text. A FIFO or a device would block the read or never end: only regular files are
    read (a non-blocking open and fstat first)."""
    try:
        return read_regular(path).decode("utf-8")
    except InputError as exc:
        raise InputError(path, exc.message) from None  # the reading error's text, without validate's IOerror code
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8: {exc.reason}") from None


@cache
def validator(schema: str, ref: str | None = None):
    """The jsonschema validator of `schemas/<schema>`, or of its definition `ref` (e.g. "#/$defs/conceptFile")."""
    import jsonschema  # only to word an error (check) or where a schema cannot be translated

    return jsonschema.Draft202012Validator(_schema(schema, ref))


def _schema(schema: str, ref: str | None) -> dict:
    document = json.loads(SCHEMAS.joinpath(schema).read_text(encoding="utf-8"))
    return document if ref is None else {"$ref": ref, "$defs": document["$defs"]}


class _Untranslatable(Exception):
    """A schema construct _draft7 does not translate."""


_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions")  # name -> subschema
_SUBSCHEMA = ("items", "additionalProperties", "not", "if", "then", "else", "propertyNames")
_SUBSCHEMAS = ("allOf", "anyOf", "oneOf", "prefixItems")
_UNSUPPORTED = {"$dynamicRef", "$dynamicAnchor", "$anchor", "$recursiveRef", "unevaluatedItems", "unevaluatedProperties",
                "dependentSchemas", "dependentRequired", "contains", "minContains", "maxContains", "uniqueItems",
                "format", "additionalItems", "dependencies"}


def _draft7(node: Any) -> Any:
    """A 2020-12 schema as draft 7 with the same constraints, for what our schemas use: `prefixItems`/`items`
    become `items`/`additionalItems`; `$ref` beside other keywords goes into an `allOf` (draft 7 ignores a
    `$ref`'s siblings). (fastjsonschema compares `const` and `enum` values by JSON type: 1 is not true.)
    _Untranslatable for a keyword whose draft-7 meaning differs in a way not handled here."""
    if isinstance(node, bool):
        return node
    if not isinstance(node, dict) or node.keys() & _UNSUPPORTED:
        raise _Untranslatable(node)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_MAPS:
            out[key] = {name: _draft7(sub) for name, sub in value.items()}
        elif key in _SUBSCHEMA:
            out[key] = _draft7(value)
        elif key in _SUBSCHEMAS:
            out[key] = [_draft7(sub) for sub in value]
        elif key not in ("$schema", "$id"):
            out[key] = value  # annotations, and constraints by literal values (type, required, pattern, enum…)
    if "prefixItems" in out:
        tuple_items = out.pop("prefixItems")
        if "items" in out:
            out["additionalItems"] = out.pop("items")
        out["items"] = tuple_items
    if "$ref" in out and len(out) > 1:
        out["allOf"] = [{"$ref": out.pop("$ref")}, *out.get("allOf", [])]
    return out


@cache
def fast_validator(schema: str, ref: str | None = None):
    """fastjsonschema's validator of `schemas/<schema>` (or of its definition `ref`), None where the schema cannot
    be translated to draft 7 (check then uses jsonschema alone)."""
    try:
        document = {**_draft7(_schema(schema, ref)), "$schema": "http://json-schema.org/draft-07/schema#"}
    except _Untranslatable:
        return None
    return fastjsonschema.compile(document)


def _jsonable(data: Any) -> Any:
    """YAML integer mapping keys (table rows) become strings, as JSON would have them."""
    if isinstance(data, dict):
        return {str(k): _jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_jsonable(v) for v in data]
    return data


def check(path: Path, data: Any, schema: str, ref: str | None = None) -> None:
    """InputError at the line of the first schema violation (in document order), if any."""
    document = _jsonable(data)
    fast = fast_validator(schema, ref)
    if fast is not None:
        try:
            fast(document)
            return
        except fastjsonschema.JsonSchemaException:
            pass  # jsonschema judges it again and says where
    errors = sorted(validator(schema, ref).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        where = "/".join(map(str, err.absolute_path)) or "top level"
        raise InputError(path, f"schema: {err.message} (at {where})", line_of(data, list(err.absolute_path)))


def load_checked(path: Path, schema: str, ref: str | None = None) -> Any:
    """`load` then `check` against `schemas/<schema>`."""
    data = load(path)
    check(path, data, schema, ref)
    return data


def line_of(data: Any, path: list[Any]) -> int | None:
    """Line of what `path` (a jsonschema error path) names inside `data`: a mapping or sequence where it starts,
    a scalar value at its key; else the innermost enclosing one's."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        try:
            key = step if not isinstance(node, dict) or step in node else int(step)
            node, parent = node[key], node
        except (KeyError, IndexError, TypeError, ValueError):
            break
        line = getattr(node, "line", None) or getattr(parent, "key_lines", {}).get(key, line)
    return line

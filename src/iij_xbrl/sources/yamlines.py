"""The one YAML loader: line numbers on every mapping and sequence, JSON-schema checks, `file:line: message`.

Every YAML file of the project (fact sheets, mapping, exclusions, filings, taxonomy sources) goes through
`load` or `load_checked`, so a user sees one error format: `<file>:<line>: <message>`, schema errors as
`schema: <what> (at <where in the file>)`. Parsing uses libyaml (`yaml.CSafeLoader`) when PyYAML was built
with it, about eight times faster than the pure-Python parser; only construction runs in Python.
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from iij_xbrl.xbrl.errors import InputError

# The JSON schemas ship inside the package (iij_xbrl/schemas links to the checkout's schemas/).
SCHEMAS = resources.files("iij_xbrl") / "schemas"


class LineDict(dict):
    line: int = 0
    key_lines: dict  # key -> line of the key, for errors about one entry of a mapping


class LineList(list):
    line: int = 0


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


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
# Dates stay strings: period tokens such as 2012-09-30 are parsed by the calendar, not by YAML.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path: Path) -> Any:
    """Parse YAML at `path`; syntax errors become InputError with the YAML line."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(path, f"YAML: {exc.problem or exc}", mark.line + 1 if mark else None) from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8: {exc.reason}") from None


@cache
def validator(schema: str, ref: str | None = None) -> jsonschema.Draft202012Validator:
    """The validator of `schemas/<schema>`, or of its definition `ref` (e.g. "#/$defs/conceptFile")."""
    document = json.loads(SCHEMAS.joinpath(schema).read_text(encoding="utf-8"))
    if ref is not None:
        document = {"$ref": ref, "$defs": document["$defs"]}
    return jsonschema.Draft202012Validator(document)


def _jsonable(data: Any) -> Any:
    """YAML integer mapping keys (table rows) become strings, as JSON would have them."""
    if isinstance(data, dict):
        return {str(k): _jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_jsonable(v) for v in data]
    return data


def check(path: Path, data: Any, schema: str, ref: str | None = None) -> None:
    """InputError at the line of the first schema violation (in document order), if any."""
    errors = sorted(validator(schema, ref).iter_errors(_jsonable(data)), key=lambda e: list(map(str, e.absolute_path)))
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

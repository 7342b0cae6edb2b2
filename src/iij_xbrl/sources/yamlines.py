"""YAML loading that remembers the line of every mapping and sequence, for error messages."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from iij_xbrl.xbrl.errors import InputError


class LineDict(dict):
    line: int = 0
    key_lines: dict  # key -> line of the key, for errors about one entry of a mapping


class LineList(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
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


def line_of(data: Any, path: list[Any]) -> int | None:
    """Line of the innermost mapping/sequence on `path` (a jsonschema error path) inside `data`."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        try:
            node = node[step] if not isinstance(node, dict) or step in node else node[int(step)]
        except (KeyError, IndexError, TypeError, ValueError):
            break
        line = getattr(node, "line", line)
    return line

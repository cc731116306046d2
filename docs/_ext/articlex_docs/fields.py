"""``articlex-fields``: the keys of a value's ``to_dict()``, their JSON types from the code.

The directive's content says what each key means, one ``key: meaning`` a line
(a meaning may go on over indented lines). Keys come from ``to_dict()`` and
types from the dataclass annotations, so a key added to the code and not
explained here, or explained here and gone from the code, fails the build.
"""

from __future__ import annotations

import dataclasses
import importlib
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from articlex_docs.markdown import cell, code, render, table

# Stand-in values for required fields, so that ``to_dict()`` can be called to list the keys.
PLACEHOLDERS: Mapping[type, object] = {str: "", int: 0, float: 0.0, bool: False}
JSON_SCALARS: Mapping[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}


class FieldsError(ValueError):
    """The explained keys and the keys ``to_dict()`` gives differ."""


def import_object(dotted: str) -> Any:
    """The object a dotted path names, e.g. ``articlex.Article``."""
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def json_type(annotation: Any) -> str:
    """How a Python annotation appears in JSON, in words."""
    composite = _composite_type(annotation)
    if composite is not None:
        return composite
    if dataclasses.is_dataclass(annotation):
        return f"object ({annotation.__name__})"
    if isinstance(annotation, type) and annotation in JSON_SCALARS:
        return JSON_SCALARS[annotation]
    return str(getattr(annotation, "__name__", annotation))


def _composite_type(annotation: Any) -> str | None:
    """Words for a union, a Literal, a sequence or a mapping; None for anything else."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        shown = " or ".join(json_type(a) for a in inner)
        return f"{shown} or null" if len(inner) < len(args) else shown
    if origin is typing.Literal:
        return "string: " + ", ".join(code(str(a)) for a in args)
    if origin is tuple or origin is list:
        return f"array of {_plural(args[0])}"
    if isinstance(origin, type) and issubclass(origin, Mapping):
        return f"object of {_plural(args[1])}"
    return None


def _plural(annotation: Any) -> str:
    if typing.get_origin(annotation) in (tuple, list):
        return f"arrays of {_plural(typing.get_args(annotation)[0])}"
    if dataclasses.is_dataclass(annotation):
        return f"objects ({annotation.__name__})"
    if annotation in JSON_SCALARS:
        return JSON_SCALARS[annotation] + "s"
    return json_type(annotation)


def _hints(cls: type) -> dict[str, Any]:
    hints = dict(typing.get_type_hints(cls))
    for name in dir(cls):
        attribute = getattr(cls, name)
        if isinstance(attribute, property) and attribute.fget is not None:
            returned = typing.get_type_hints(attribute.fget).get("return")
            if returned is not None:
                hints[name] = returned
    return hints


def _placeholder(annotation: Any) -> object:
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)[0]
    return PLACEHOLDERS.get(annotation)


def instances(cls: type) -> list[Any]:
    """Instances of a dataclass with its required fields filled in: one per value of a Literal ``type``."""
    hints = typing.get_type_hints(cls)
    required = {
        f.name: _placeholder(hints[f.name])
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    kinds = typing.get_args(hints["type"]) if typing.get_origin(hints.get("type")) is typing.Literal else ()
    if kinds:
        return [cls(**{**required, "type": kind}) for kind in kinds]
    return [cls(**required)]


def keys_by_kind(cls: type) -> dict[str, list[str]]:
    """Each ``to_dict()`` key in order, with the ``type`` values it appears for (empty: always)."""
    seen: dict[str, list[str]] = {}
    made = instances(cls)
    for value in made:
        for key in value.to_dict():
            seen.setdefault(key, []).append(str(getattr(value, "type", "")))
    return {key: [] if len(kinds) == len(made) else kinds for key, kinds in seen.items()}


def parse_meanings(lines: Iterable[str]) -> dict[str, str]:
    """``key: meaning`` lines (continued on indented lines) as a dict."""
    meanings: dict[str, str] = {}
    key = None
    for line in lines:
        if not line.strip():
            continue
        if line[:1].isspace() and key is not None:
            meanings[key] += " " + line.strip()
            continue
        key, sep, meaning = line.partition(":")
        if not sep:
            raise FieldsError(f"expected 'key: meaning', got {line!r}")
        key = key.strip()
        meanings[key] = meaning.strip()
    return meanings


def field_rows(cls: type, meanings: Mapping[str, str]) -> list[list[str]]:
    """One row per ``to_dict()`` key: key, JSON type, meaning (with the block types it belongs to)."""
    keys = keys_by_kind(cls)
    missing = [k for k in keys if k not in meanings]
    unknown = [k for k in meanings if k not in keys]
    if missing or unknown:
        raise FieldsError(
            f"{cls.__name__}.to_dict() keys not explained: {missing or 'none'}; "
            f"explained but not in to_dict(): {unknown or 'none'}"
        )
    hints = _hints(cls)
    rows = []
    for key, kinds in keys.items():
        only = f" (only in {', '.join(code(k) for k in kinds)} blocks)" if kinds else ""
        rows.append([code(key), cell(json_type(hints[key])), cell(meanings[key] + only)])
    return rows


class FieldTable(SphinxDirective):
    """Render a table of a dataclass's ``to_dict()`` keys; the argument is its dotted path."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        cls = import_object(self.arguments[0])
        try:
            rows = field_rows(cls, parse_meanings(self.content))
        except FieldsError as error:
            raise self.error(str(error)) from error
        return render(self, table(["key", "JSON type", "meaning"], rows))

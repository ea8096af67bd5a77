"""Typed, versioned snapshots: the exact content a reviewer approved.

Each reviewed kind owns one frozen dataclass that subclasses ``Snapshot``. A stored
version keeps its JSON and the schema version it was written with; ``load`` brings
any earlier schema up to date through the kind's ``UPGRADES`` and builds the typed
object, so public pages only ever render the current type. Stored JSON is never
rewritten: an approval stays what the reviewer saw.
"""

import dataclasses
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, ClassVar


class SnapshotError(ValueError):
    """Stored data does not fit the snapshot type (a bug, never user input)."""


@dataclasses.dataclass(frozen=True)
class Snapshot:
    SCHEMA_VERSION: ClassVar[int] = 1
    # ``UPGRADES[n]`` turns the JSON of schema ``n`` into the JSON of ``n + 1``.
    UPGRADES: ClassVar[dict[int, Callable[[dict], dict]]] = {}

    @classmethod
    def load(cls, data: dict, schema_version: int):
        if not 1 <= schema_version <= cls.SCHEMA_VERSION:
            raise SnapshotError(
                f"{cls.__name__} has no schema version {schema_version}."
            )
        for version in range(schema_version, cls.SCHEMA_VERSION):
            data = cls.UPGRADES[version](dict(data))
        return _build(cls, data)

    def dump(self) -> dict:
        """Plain JSON data (tuples become lists when stored)."""
        return dataclasses.asdict(self)


@functools.cache
def _converters(cls) -> dict[str, Callable[[Any], Any]]:
    # Worked out once per snapshot class: reading the type hints for every value
    # of every page cost more than building the objects.
    hints = typing.get_type_hints(cls)
    return {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}


def _build(cls, data):
    if not isinstance(data, dict):
        raise SnapshotError(f"{cls.__name__} expects an object, not {data!r}.")
    converters = _converters(cls)
    unknown = data.keys() - converters.keys()
    if unknown:
        raise SnapshotError(f"{cls.__name__} has no fields {sorted(unknown)}.")
    values = {name: converters[name](value) for name, value in data.items()}
    try:
        return cls(**values)
    except TypeError as error:  # a required field is missing
        raise SnapshotError(f"{cls.__name__}: {error}") from error


@functools.cache
def _converter(hint) -> Callable[[Any], Any]:
    """A function that checks a JSON value against ``hint`` and converts it."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        convert_inner = _converter(inner)
        return lambda value: None if value is None else convert_inner(value)
    if origin is tuple:
        convert_item = _converter(typing.get_args(hint)[0])

        def convert_tuple(value):
            if not isinstance(value, list | tuple):
                raise SnapshotError(f"Expected a list, not {value!r}.")
            return tuple(convert_item(item) for item in value)

        return convert_tuple
    if dataclasses.is_dataclass(hint):
        return functools.partial(_build, hint)

    def convert_plain(value):
        # bool is an int in Python: refuse it where an int is meant, and the
        # reverse.
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise SnapshotError(f"Expected {hint.__name__}, not {value!r}.")
        return value

    return convert_plain

"""Facts an error carries, read with their types checked, and the words made from them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kariersosial.core.errors import Fact


@dataclass(frozen=True)
class Words:
    """What a person reads about an error: the message, and what to do next."""

    message: str
    hint: str | None = None


Facts = Mapping[str, Fact]


def text(facts: Facts, key: str) -> str:
    value = facts[key]
    if not isinstance(value, str):
        raise TypeError(f"{key}: {value!r} is not text")
    return value


def optional_text(facts: Facts, key: str) -> str | None:
    value = facts.get(key)
    return value if isinstance(value, str) else None


def texts(facts: Facts, key: str) -> tuple[str, ...]:
    value = facts[key]
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{key}: {value!r} is not a tuple of texts")
    return tuple(str(v) for v in value)


def number(facts: Facts, key: str) -> int:
    value = facts[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{key}: {value!r} is not a whole number")
    return value


def roles(facts: Facts, key: str) -> tuple[tuple[str, str], ...]:
    """(name, id) pairs."""
    return tuple((name, str(role_id)) for name, role_id in pairs(facts, key))


def pairs(facts: Facts, key: str) -> tuple[tuple[str, Fact], ...]:
    """(name, value) pairs: another error's facts, carried along."""
    value = facts[key]
    if not isinstance(value, tuple):
        raise TypeError(f"{key}: {value!r} is not a tuple")
    found = []
    for pair in value:
        if not (isinstance(pair, tuple) and len(pair) == 2 and isinstance(pair[0], str)):
            raise TypeError(f"{key}: {pair!r} is not a (name, value) pair")
        found.append((pair[0], pair[1]))
    return tuple(found)


def errno_number(facts: Facts) -> int | None:
    value = facts.get("errno")
    return value if isinstance(value, int) and not isinstance(value, bool) else None

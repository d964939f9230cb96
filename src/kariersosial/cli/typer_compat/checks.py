"""A patch runs only where typer is what it was written against: the version and each attribute."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import typer


class Patch(NamedTuple):  # not a dataclass: defining one costs ~1 ms of every start
    name: str
    versions: tuple[tuple[int, int], ...]  # typer minor versions the patch was checked on
    needs: tuple[str, ...]  # dotted attributes below the `typer` package
    apply: Callable[[], None]


def typer_version(text: str | None = None) -> tuple[int, int] | None:
    """(major, minor) of the installed typer; None when it cannot be read."""
    raw = getattr(typer, "__version__", "") if text is None else text
    parts = str(raw).split(".")
    try:
        return int(parts[0]), int(parts[1])
    except (IndexError, ValueError):
        return None


def has(dotted: str) -> bool:
    """Whether `typer.<dotted>` exists, without importing anything new."""
    found: Any = typer
    for part in dotted.split("."):
        if not hasattr(found, part):
            return False
        found = getattr(found, part)
    return True


def usable(patch: Patch) -> bool:
    return typer_version() in patch.versions and all(has(n) for n in patch.needs)


def apply(patches: tuple[Patch, ...]) -> list[str]:
    """Apply every usable patch; the names of those left out (typer then behaves as shipped)."""
    left_out = []
    for patch in patches:
        if usable(patch):
            patch.apply()
        else:
            left_out.append(patch.name)
    return left_out

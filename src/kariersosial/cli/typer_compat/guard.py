"""All the typer patches, each applied only where its checks pass (see checks.py)."""

from __future__ import annotations

from kariersosial.cli.typer_compat.checks import Patch, apply


def patches() -> tuple[Patch, ...]:
    from kariersosial.cli.typer_compat import i18n, speedups

    return (*speedups.PATCHES, *i18n.PATCHES)


def apply_all() -> list[str]:
    """Apply what can be; the names of the patches left out (typer then behaves as shipped)."""
    return apply(patches())

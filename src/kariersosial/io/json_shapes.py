"""The `--json` documents of the commands that have no richer shape elsewhere, in one vocabulary.

The words are those of docs/json.md: `catalog_version` for the catalogue a document comes
from, `number` for a result's number in the history, `deleted` always a list of numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kariersosial.core.models import Catalog


def roles(catalog: Catalog) -> dict[str, Any]:
    from kariersosial.io.serialize import role_summary

    return {
        "catalog_version": catalog.version,
        "roles": [role_summary(r) for r in catalog.roles],
    }


def questions(catalog: Catalog) -> dict[str, Any]:
    from kariersosial.io.answers import SCALE_LABELS
    from kariersosial.io.serialize import question

    return {
        "catalog_version": catalog.version,
        "scale": {str(k): v for k, v in SCALE_LABELS.items()},
        "questions": [question(catalog, q) for q in catalog.questions],
    }


def validation(file: str, problems: Sequence[str]) -> dict[str, Any]:
    return {"file": file, "valid": not problems, "problems": list(problems)}


def deleted(numbers: Sequence[int]) -> dict[str, Any]:
    return {"deleted": list(numbers)}


def quiz_result(result: dict[str, Any], number: int | None) -> dict[str, Any]:
    """A finished quiz: the result document plus its number in the history (null: not saved)."""
    return {**result, "number": number}

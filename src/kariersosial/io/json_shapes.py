"""The `--json` documents of the commands that have no richer shape elsewhere, in one vocabulary.

The words are those of docs/json.md: `catalog_version` for the catalogue a document comes
from, `number` for a result's number in the history, `deleted` always a list of numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from kariersosial.core.models import Catalog, Role

if TYPE_CHECKING:
    from kariersosial.core.compare import Comparison


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


def comparison(catalog: Catalog, comp: Comparison) -> dict[str, Any]:
    """Two roles side by side: each section one flat list of quotes, in the order of the
    role's text, the differences as in `show`, and the dimensions where they differ most."""
    from kariersosial.io.serialize import differences

    def side(role: Role, pick: Literal["left", "right"]) -> dict[str, Any]:
        sections = {
            pair.section: [
                q for p in (pair.left if pick == "left" else pair.right) for q in p.quotes
            ]
            for pair in comp.sections
        }
        return {
            "id": role.id,
            "name": role.name,
            "summary": role.summary,
            "sections": sections,
            "differences": differences(catalog, role),
        }

    return {
        "roles": [side(comp.left, "left"), side(comp.right, "right")],
        "dimensions": [
            {
                "id": g.dimension.id,
                "name": g.dimension.name,
                "weights": {comp.left.id: g.left, comp.right.id: g.right},
                "difference": round(g.difference, 3),
                "needs_more": comp.needs_more(g).id,
            }
            for g in comp.gaps
        ],
        "catalog_version": catalog.version,
    }

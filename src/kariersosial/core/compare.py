"""Two roles side by side: their quoted sections and the dimensions where they differ most.

Pure data: no I/O and no rendering. `kariersosial compare` draws it with rich or prints
`io.json_shapes.comparison` as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kariersosial.core.errors import UsageError
from kariersosial.core.models import Catalog, Dimension, Role, mid_sentence

CompareSection = Literal["tugas", "cocok", "tidak_cocok", "realita", "perbedaan"]
COMPARED_SECTIONS: tuple[CompareSection, ...] = (
    "tugas",
    "cocok",
    "tidak_cocok",
    "realita",
    "perbedaan",
)
TOP_GAPS = 5


@dataclass(frozen=True, slots=True)
class Passage:
    """Verbatim quotes from a role's text, with an optional label ("Dibandingkan …")."""

    quotes: tuple[str, ...]
    label: str | None = None
    about: str | None = None  # the profession id a "perbedaan" passage is about


@dataclass(frozen=True, slots=True)
class SectionPair:
    section: CompareSection
    left: tuple[Passage, ...]
    right: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Gap:
    """One dimension and how much each role needs it (weights 0..1, 0 when not named)."""

    dimension: Dimension
    left: float
    right: float

    @property
    def difference(self) -> float:
        return abs(self.left - self.right)

    @property
    def favours(self) -> Literal["left", "right"]:
        return "left" if self.left > self.right else "right"


@dataclass(frozen=True, slots=True)
class Comparison:
    left: Role
    right: Role
    sections: tuple[SectionPair, ...]
    gaps: tuple[Gap, ...]  # largest difference first, at most TOP_GAPS, never a tie at 0

    def needs_more(self, gap: Gap) -> Role:
        return self.left if gap.favours == "left" else self.right


def passages(catalog: Catalog, role: Role, section: CompareSection) -> tuple[Passage, ...]:
    """What a role's text says in one section, as quoted passages."""
    if section == "realita":  # the reality quotes that set each misconception straight
        return tuple(Passage(tuple(q.text for q in m.reality)) for m in role.misconceptions)
    if section == "perbedaan":
        return tuple(
            Passage(
                tuple(q.text for q in d.quotes),
                f"Dibandingkan dengan {mid_sentence(catalog.profession(d.profession).name)}:",
                d.profession,
            )
            for d in role.differences
        )
    sentences = role.section(section)
    return (Passage(tuple(s.text for s in sentences)),) if sentences else ()


def gaps(catalog: Catalog, left: Role, right: Role, limit: int = TOP_GAPS) -> tuple[Gap, ...]:
    """The dimensions the two roles weigh most differently; catalogue order breaks ties."""
    found = [
        Gap(d, left.weight_of(d.id), right.weight_of(d.id))
        for d in catalog.dimensions
        if round(abs(left.weight_of(d.id) - right.weight_of(d.id)), 9) > 0
    ]
    found.sort(key=lambda g: -round(g.difference, 9))  # stable: catalogue order on ties
    return tuple(found[:limit])


def compare_roles(catalog: Catalog, left: Role, right: Role) -> Comparison:
    if left.id == right.id:
        other = _other(catalog, left).id
        raise UsageError("same_roles", name=left.name, role=left.id, other=other)
    sections = tuple(
        SectionPair(s, passages(catalog, left, s), passages(catalog, right, s))
        for s in COMPARED_SECTIONS
    )
    return Comparison(left, right, sections, gaps(catalog, left, right))


def _other(catalog: Catalog, role: Role) -> Role:
    return next((r for r in catalog.roles if r.id != role.id), role)

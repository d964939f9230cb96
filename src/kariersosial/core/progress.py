"""An unfinished quiz as data, and the order the full quiz asks its statements in."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from kariersosial.core.models import Catalog

# Given the answers so far and the order asked, the next statement to ask (None: done).
NextQuestion = Callable[[Mapping[str, int | None], Sequence[str]], str | None]


@dataclass(frozen=True)
class Progress:
    """An unfinished quiz: statement id -> answer (None = skipped), in the order asked."""

    catalog_version: str
    mode: str = "full"
    answers: dict[str, int | None] = field(default_factory=dict)
    asked: tuple[str, ...] = ()
    updated: str = ""


def in_order(catalog: Catalog) -> NextQuestion:
    """The full quiz: every statement, in the catalogue's order."""
    ids = [q.id for q in catalog.questions]

    def next_question(answers: Mapping[str, int | None], asked: Sequence[str]) -> str | None:
        return next((i for i in ids if i not in answers), None)

    return next_question

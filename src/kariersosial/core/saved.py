"""A saved result as data: what the history lists and what a report is built from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fit:
    rank: int
    role_id: str
    role_name: str
    fit: float


@dataclass(frozen=True)
class Answer:
    question_id: str
    statement: str  # the statement's text when it was answered
    value: int | None  # None: skipped


@dataclass(frozen=True)
class Entry:
    """One saved result, as `history` lists it."""

    id: int
    created: str  # ISO 8601 with the local UTC offset
    mode: str
    catalog_version: str
    status: str
    top: Fit | None  # None when there were too few answers to rank


@dataclass(frozen=True)
class Record(Entry):
    """One saved result in full: the answers, the ranking and the explanation as data."""

    ranking: tuple[Fit, ...] = ()
    answers: tuple[Answer, ...] = ()
    detail: Mapping[str, Any] = field(default_factory=dict)  # serialize.result() at the time

    def answer_map(self) -> dict[str, int | None]:
        return {a.question_id: a.value for a in self.answers}

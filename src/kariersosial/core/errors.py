"""The package's own errors, as data: a kind and the facts; `words.messages` gives the words."""

from __future__ import annotations

from typing import TypeAlias

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# What an error may carry: plain values the words are made from, never sentences.
Fact: TypeAlias = str | int | float | bool | tuple["Fact", ...] | None


class KarierError(Exception):
    """A problem the user can act on: `kind` names it, `facts` fill in its words."""

    exit_code = EXIT_FAILURE

    def __init__(self, kind: str, /, **facts: Fact) -> None:
        super().__init__(kind, facts)
        self.kind = kind
        self.facts: dict[str, Fact] = facts

    def __str__(self) -> str:  # for a developer's traceback; people read `words.messages`
        return f"{self.kind} {self.facts}"


class UsageError(KarierError):
    """The user asked for something that cannot be (unknown role, bad answers file)."""

    exit_code = EXIT_USAGE


class CatalogError(KarierError):
    """A catalogue that cannot be used; lists every problem found, each with its JSON path."""

    def __init__(
        self, source: str, problems: list[str], *, user_file: bool = False, env: str | None = None
    ) -> None:
        """`env`: the environment variable that chose this catalogue, if one did."""
        kind = "catalog_unusable" if user_file else "bundled_catalog_broken"
        super().__init__(kind, source=source, problems=tuple(problems), env=env)
        self.source = source
        self.problems = problems
        if user_file:
            self.exit_code = EXIT_USAGE


class StateError(KarierError):
    """Saved state (progress, history) that cannot be read or written."""


class QuizInterrupted(KarierError):
    """Ctrl-C during the quiz; progress has been saved already."""

    exit_code = EXIT_INTERRUPTED

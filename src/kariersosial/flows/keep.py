"""What happens to a finished result besides showing it: saved, reported, exported.

The result is never lost: a history that cannot be used is reported on stderr and the person
is offered an export instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kariersosial.core.errors import QuizInterrupted, StateError, UsageError
from kariersosial.flows.export import (
    build_report,
    check_target,
    offer_export,
    resolve_format,
    write_report,
)
from kariersosial.words.texts import (
    export_saved,
    kept_text,
    moved_into_history,
    not_kept,
    saved_as,
)

if TYPE_CHECKING:
    from kariersosial.core.models import Catalog
    from kariersosial.core.scoring import Result
    from kariersosial.flows.screen import KeepScreen
    from kariersosial.io.writing import Source
    from kariersosial.state.pending import Finished


@dataclass(frozen=True)
class Keep:
    """What `quiz` does with a finished result besides showing it."""

    save: bool = True
    export: Path | None = None
    fmt: str = "md"
    force: bool = False
    reads: tuple[Source, ...] = ()  # files the quiz read, which the report must not replace
    catalog_file: Path | None = None  # the --data catalogue in use, never to be replaced


def keep_options(
    *,
    save: bool,
    export: str | None,
    fmt: str | None,
    force: bool,
    catalog_file: Path | None,
    answers: str | None = None,
) -> Keep:
    """Check --export/--format/--force before the quiz starts, so a typo costs no answers."""
    if export is None:
        if fmt is not None or force:
            raise UsageError("export_options_alone")
        return Keep(save=save, catalog_file=catalog_file)
    if export == "-":
        raise UsageError("export_needs_file")
    kind = resolve_format(fmt, export)
    from kariersosial.io.writing import Source

    reads = () if answers is None else (Source(answers, "berkas jawaban", "jawabannya"),)
    check_target(Path(export), force, reads, catalog_file=catalog_file)
    return Keep(
        save=save,
        export=Path(export),
        fmt=kind,
        force=force,
        reads=reads,
        catalog_file=catalog_file,
    )


def keep_result(
    cat: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    keep: Keep,
    show: Callable[[int | None], None],
    screen: KeepScreen,
    *,
    as_json: bool,
    settled: Callable[[], None] = lambda: None,
) -> None:
    """Show the result, save it to the history, and export it if asked.

    The result is never lost: a history that cannot be used is reported on stderr, the result
    is kept in a file of its own (pending.py) until the history can take it, and the person is
    offered an export (a prompt in a terminal, a hint naming --export otherwise). `settled` is
    called once the result is safe on disk (the quiz then deletes its progress file, not
    before). The save comes before the result is shown: a screen that cannot be written (a
    full disk behind `>`) must not cost the result, and the JSON carries the number.
    """
    from kariersosial.state.store import now

    created = now()
    finished = _finished(cat, res, answers, mode, created)
    try:
        number, problem, kept = _save(finished) if keep.save else (None, None, None)
    except _Stopped as stop:
        if stop.kept is not None:
            settled()
        raise interrupted(stop.kept) from None
    if number is not None or kept is not None or not keep.save:
        settled()
    show(number)
    if number is not None:
        if not as_json:
            screen.say(saved_as(number), style="dim")
        store_waiting(screen, as_json)
    if problem is not None:
        screen.say(not_kept(problem.reason), err=True, style="yellow")
        if problem.hint:
            screen.say(problem.hint, err=True, style="yellow")
        screen.say(
            kept_text(kept) if kept is not None else problem.kept_failure, err=True, style="yellow"
        )
    try:
        if keep.export is not None:
            text = build_report(cat, res, answers, mode, created, number, keep.fmt)
            write_report(keep.export, text, keep.force, keep.reads, catalog_file=keep.catalog_file)
            screen.say(export_saved(keep.export), err=as_json)
        elif problem is not None:
            offer_export(cat, res, answers, mode, created, as_json, screen, keep.catalog_file)
    except KeyboardInterrupt:
        raise interrupted(kept) from None


@dataclass(frozen=True)
class _Problem:
    reason: str
    hint: str | None
    kept_failure: str = ""  # why the result could not be kept in a file either


def interrupted(kept: Path | None) -> QuizInterrupted:
    """Ctrl-C after the quiz: say where the result is, if it is anywhere."""
    return QuizInterrupted("stopped_after_quiz", kept=None if kept is None else str(kept))


def store_waiting(screen: KeepScreen, as_json: bool, *, quiet: bool = True) -> None:
    """Results kept earlier go into the history now that it works; `quiet`: a history that
    fails now is not this command's business (the quiz has just saved)."""
    from kariersosial.state import pending

    try:
        numbers, notes = pending.store_all()
    except StateError:
        if not quiet:
            raise
        return
    for note in notes:
        screen.say(note, err=True, style="yellow")
    if numbers:
        screen.say(moved_into_history(numbers), err=as_json, style="dim")


def _finished(
    cat: Catalog, res: Result, answers: Mapping[str, int | None], mode: str, created: str
) -> Finished:
    from kariersosial.io.serialize import result
    from kariersosial.state.pending import Finished

    known = {q.id for q in cat.questions}
    return Finished(
        created=created,
        mode=mode,
        catalog_version=cat.version,
        detail={k: v for k, v in result(cat, res, answers, mode).items() if k != "answers"},
        answers=tuple((q, cat.question(q).text, v) for q, v in answers.items() if q in known),
        ranking=tuple((f.rank, f.role.id, f.role.name, f.fit) for f in res.ranking),
    )


def _save(finished: Finished) -> tuple[int | None, _Problem | None, Path | None]:
    """(number, None, None) when stored; else the problem and the file the result is kept in.

    An interruption while the history is being waited for (it may be locked for seconds)
    keeps the result in a file first, then stops with a message saying where it is.
    """
    from kariersosial.state import history, pending
    from kariersosial.words.history_words import history_reason
    from kariersosial.words.messages import words

    try:
        return pending.save(finished), None, None
    except history.HistoryError as exc:
        problem = _Problem(history_reason(exc), words(exc).hint)
    except StateError as exc:  # e.g. a broken file that could not be moved aside
        said = words(exc)
        problem = _Problem(said.message.rstrip("."), said.hint)
    except KeyboardInterrupt:
        raise _Stopped(_keep_quietly(finished)) from None
    try:
        return None, problem, pending.keep(finished)
    except StateError as exc:
        return None, _Problem(problem.reason, problem.hint, words(exc).message), None


class _Stopped(Exception):
    """Ctrl-C during the save; `kept` is where the result went (None: nowhere)."""

    def __init__(self, kept: Path | None) -> None:
        super().__init__()
        self.kept = kept


def _keep_quietly(finished: Finished) -> Path | None:
    from kariersosial.state import pending

    try:
        return pending.keep(finished)
    except StateError:
        return None

"""What happens to a finished result besides showing it: saved, reported, exported.

The result is never lost: a history that cannot be used is reported on stderr and the person
is offered an export instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kariersosial.core.errors import QuizInterrupted, StateError, UsageError

if TYPE_CHECKING:
    from kariersosial.core.models import Catalog
    from kariersosial.core.scoring import Result
    from kariersosial.flows.screen import KeepScreen
    from kariersosial.io.report import Report
    from kariersosial.io.writing import Source
    from kariersosial.state.pending import Finished


def resolve_format(fmt: str | None, output: str | None) -> str:
    from kariersosial.io.report_formats import FORMATS, format_for

    if fmt is not None:
        wanted = {"markdown": "md", "htm": "html"}.get(fmt.strip().casefold(), fmt.casefold())
        if wanted not in FORMATS:
            raise UsageError("report_format_unknown", format=fmt)
        return wanted
    if output is None or output == "-":
        return "md"
    found = format_for(output)
    if found is None:
        raise UsageError("report_format_unguessable", output=output)
    return found


def check_target(
    path: Path, force: bool, sources: Sequence[Source] = (), *, catalog_file: Path | None
) -> None:
    """Refuse a target that cannot be written early: before the quiz, before the history."""
    from kariersosial.io.writing import check_target as check

    check(path, force=force, sources=[*sources, *own_files(catalog_file)])


def write_report(
    path: Path, text: str, force: bool, sources: Sequence[Source] = (), *, catalog_file: Path | None
) -> None:
    """Whole or not at all, through the one writer; an existing file needs `force`."""
    from kariersosial.io.writing import write_text

    write_text(path, text, force=force, sources=[*sources, *own_files(catalog_file)])


def own_files(catalog_file: Path | None) -> list[Source]:
    """What a report must never replace: the catalogue in use (None: the built-in one) and the
    history database."""
    from kariersosial.io.writing import Source
    from kariersosial.state import store

    files = [Source(str(store.data_dir() / "riwayat.sqlite3"), "riwayat hasil", "riwayatnya")]
    if catalog_file is not None:
        files.append(Source(str(catalog_file), "katalog peran", "katalognya"))
    return files


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
            screen.say(
                f"Hasil disimpan sebagai nomor {number}; lihat lagi dengan "
                f"`kariersosial history show {number}`.",
                style="dim",
            )
        store_waiting(screen, as_json)
    if problem is not None:
        screen.say(
            f"Hasilmu tidak disimpan ke riwayat: {problem.reason}.", err=True, style="yellow"
        )
        if problem.hint:
            screen.say(problem.hint, err=True, style="yellow")
        screen.say(
            kept_text(kept) if kept is not None else problem.kept_failure, err=True, style="yellow"
        )
    try:
        if keep.export is not None:
            text = _report(cat, res, answers, mode, created, number, keep.fmt)
            write_report(keep.export, text, keep.force, keep.reads, catalog_file=keep.catalog_file)
            screen.say(f"Laporan disimpan di {keep.export}.", err=as_json)
        elif problem is not None:
            _offer_export(cat, res, answers, mode, created, as_json, screen, keep.catalog_file)
    except KeyboardInterrupt:
        raise interrupted(kept) from None


@dataclass(frozen=True)
class _Problem:
    reason: str
    hint: str | None
    kept_failure: str = ""  # why the result could not be kept in a file either


def kept_text(path: Path) -> str:
    return (
        f"Hasilmu disimpan sementara di {path}; `kariersosial history` memasukkannya ke "
        "riwayat begitu riwayat bisa dipakai lagi."
    )


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
        listed = ", ".join(str(n) for n in numbers)
        screen.say(
            f"{len(numbers)} hasil yang sebelumnya belum tersimpan kini masuk riwayat "
            f"(nomor {listed}).",
            err=as_json,
            style="dim",
        )


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


def _report(
    cat: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    created: str,
    number: int | None,
    fmt: str,
) -> str:
    from kariersosial.io import report, report_formats

    rep: Report = report.from_result(cat, res, answers, mode, created, number)
    return report_formats.build(rep, fmt)


EXPORT_HINT = (
    "Agar hasil ini tidak hilang, simpan sebagai berkas: jalankan lagi perintah yang sama "
    "ditambah `--export BERKAS` (misalnya `--export hasil.html`)."
)


def _offer_export(
    cat: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    created: str,
    as_json: bool,
    screen: KeepScreen,
    catalog_file: Path | None,
) -> None:
    if as_json or not screen.interactive():
        screen.say(EXPORT_HINT, err=True, style="yellow")
        return
    if not screen.ask_yes_no("Simpan hasil ini sebagai berkas laporan?", default=True):
        return
    while True:
        name = screen.ask_path(
            "Nama berkasnya (.html, .md, atau .json; kosongkan untuk batal):",
            "kariersosial-hasil.html",
            usable_name,
        )
        if not name:
            return
        from kariersosial.io.report_formats import format_for

        path = Path(name).expanduser()
        try:
            write_report(
                path,
                _report(cat, res, answers, mode, created, None, format_for(name) or "html"),
                False,
                catalog_file=catalog_file,
            )
        except (UsageError, StateError) as exc:
            from kariersosial.words.messages import words

            screen.say(words(exc).message, err=True, style="yellow")
            continue
        screen.say(f"Laporan disimpan di {path}.")
        return


def usable_name(text: str) -> bool | str:
    """True for a report file name that can be used (or none: cancel), else why not."""
    from kariersosial.io.report_formats import format_for

    name = text.strip()
    if not name:
        return True
    if format_for(name) is None:
        return "Pakai akhiran .html, .md, atau .json."
    if os.path.lexists(Path(name).expanduser()):  # a name too long is refused later
        return "Berkas itu sudah ada; pilih nama lain."
    return True

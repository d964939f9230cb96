"""Writing a result to a report file: the format, the target check, and the offer to export
when the history cannot keep the result."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kariersosial.core.errors import StateError, UsageError
from kariersosial.words.texts import (
    EXPORT_DEFAULT_NAME,
    EXPORT_HINT,
    EXPORT_NAME_NEEDS_SUFFIX,
    EXPORT_NAME_PROMPT,
    EXPORT_NAME_TAKEN,
    EXPORT_QUESTION,
    export_saved,
)

if TYPE_CHECKING:
    from kariersosial.core.models import Catalog
    from kariersosial.core.scoring import Result
    from kariersosial.flows.screen import KeepScreen
    from kariersosial.io.report import Report
    from kariersosial.io.writing import Source


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


def build_report(
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


def offer_export(
    cat: Catalog,
    res: Result,
    answers: Mapping[str, int | None],
    mode: str,
    created: str,
    as_json: bool,
    screen: KeepScreen,
    catalog_file: Path | None,
) -> None:
    """The history could not keep the result: offer to write it to a file instead."""
    if as_json or not screen.interactive():
        screen.say(EXPORT_HINT, err=True, style="yellow")
        return
    if not screen.ask_yes_no(EXPORT_QUESTION, default=True):
        return
    while True:
        name = screen.ask_path(EXPORT_NAME_PROMPT, EXPORT_DEFAULT_NAME, usable_name)
        if not name:
            return
        from kariersosial.io.report_formats import format_for

        path = Path(name).expanduser()
        try:
            write_report(
                path,
                build_report(cat, res, answers, mode, created, None, format_for(name) or "html"),
                False,
                catalog_file=catalog_file,
            )
        except (UsageError, StateError) as exc:
            from kariersosial.words.messages import words

            screen.say(words(exc).message, err=True, style="yellow")
            continue
        screen.say(export_saved(path))
        return


def usable_name(text: str) -> bool | str:
    """True for a report file name that can be used (or none: cancel), else why not."""
    from kariersosial.io.report_formats import format_for

    name = text.strip()
    if not name:
        return True
    if format_for(name) is None:
        return EXPORT_NAME_NEEDS_SUFFIX
    if os.path.lexists(Path(name).expanduser()):  # a name too long is refused later
        return EXPORT_NAME_TAKEN
    return True

"""The data folder and the saved quiz progress: atomic writes, and files we cannot use."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

import pytest
from platformdirs import user_data_dir
from typer.testing import CliRunner

from kariersosial.cli.app import app
from kariersosial.core.errors import StateError
from kariersosial.core.progress import Progress
from kariersosial.flows.session import Saver
from kariersosial.state import store
from kariersosial.state.store import (
    clear_progress,
    data_dir,
    load_progress,
    progress_path,
    save_progress,
)
from kariersosial.words.messages import words

VERSION = "2026.test"
KNOWN = {"p01", "p02", "p03"}
STAMP = r"\d{8}-\d{6}"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own (it does not exist until something is saved)."""
    folder = tmp_path / "data-kariersosial"
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(folder))
    return folder


@pytest.fixture
def unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder under a regular file: it can never be made, even by root."""
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("bukan folder\n", encoding="utf-8")
    folder = blocker / "kariersosial"
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(folder))
    return folder


def progress(**answers: int | None) -> Progress:
    return Progress(VERSION, "full", dict(answers), tuple(answers))


def valid_json(**changes: Any) -> dict[str, Any]:
    raw = store.progress_json(progress(p01=4, p02=None))
    raw.update(changes)
    return raw


def write_raw(content: str | bytes | dict[str, Any] | list[Any]) -> Path:
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def set_aside_file(folder: Path, kind: str) -> Path:
    """The one file in `folder`, which must be kemajuan.json set aside as `kind`."""
    names = files_in(folder)
    assert len(names) == 1, names
    assert re.fullmatch(rf"kemajuan\.json\.{kind}-{STAMP}", names[0]), names
    return folder / names[0]


# --- where the data lives --------------------------------------------------------------------


def test_data_dir_honours_kariersosial_home(home: Path) -> None:
    assert data_dir() == home
    assert progress_path() == home / "kemajuan.json"


def test_data_dir_expands_a_tilde(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("KARIERSOSIAL_HOME", "~/kariersosial-saya")
    assert data_dir() == tmp_path / "kariersosial-saya"


@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_data_dir_falls_back_to_platformdirs(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("KARIERSOSIAL_HOME", raising=False)
    else:
        monkeypatch.setenv("KARIERSOSIAL_HOME", value)
    assert data_dir() == Path(user_data_dir("kariersosial", appauthor=False))


# --- saving ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["full", "quick"])
def test_save_and_load_round_trip(home: Path, mode: str) -> None:
    saved = Progress(VERSION, mode, {"p03": 5, "p01": None, "p02": 1}, ("p03", "p01", "p02"))
    save_progress(saved)  # the data folder is made on the way

    loaded, notice = load_progress(VERSION, KNOWN)

    assert notice is None
    assert loaded is not None
    assert (loaded.catalog_version, loaded.mode, loaded.answers, loaded.asked) == (
        saved.catalog_version,
        saved.mode,
        saved.answers,
        saved.asked,
    )
    assert loaded.updated  # stamped when written
    assert list(loaded.answers) == ["p03", "p01", "p02"]


def test_no_file_means_no_progress_and_no_notice(home: Path) -> None:
    assert load_progress(VERSION, KNOWN) == (None, None)
    assert not home.exists()


def test_a_file_without_mode_loads_as_the_full_quiz(home: Path) -> None:
    raw = valid_json()
    del raw["mode"]
    write_raw(raw)
    loaded, notice = load_progress(VERSION, KNOWN)
    assert notice is None
    assert loaded is not None and loaded.mode == "full"


def test_writes_leave_no_temporary_files_behind(home: Path) -> None:
    save_progress(progress(p01=4))
    save_progress(progress(p01=4, p02=2))
    assert files_in(home) == ["kemajuan.json"]
    assert json.loads((home / "kemajuan.json").read_text(encoding="utf-8"))["answers"] == {
        "p01": 4,
        "p02": 2,
    }


def test_a_failed_write_keeps_the_old_file(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_progress(progress(p01=4))
    before = (home / "kemajuan.json").read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StateError) as caught:
        save_progress(progress(p01=4, p02=2))

    assert str(home / "kemajuan.json") in words(caught.value).message
    assert words(caught.value).hint is not None and "KARIERSOSIAL_HOME" in words(caught.value).hint
    assert (home / "kemajuan.json").read_bytes() == before
    assert files_in(home) == ["kemajuan.json"]


def test_an_interrupted_write_keeps_the_old_file_and_the_interrupt(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_progress(progress(p01=4))
    before = (home / "kemajuan.json").read_bytes()

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_progress(progress(p01=4, p02=2))

    assert (home / "kemajuan.json").read_bytes() == before
    assert files_in(home) == ["kemajuan.json"]


def test_clear_progress_removes_the_file_and_tolerates_none(home: Path) -> None:
    save_progress(progress(p01=4))
    clear_progress()
    assert files_in(home) == []
    clear_progress()


# --- files we cannot use are set aside, never deleted ----------------------------------------


def test_corrupt_json_is_set_aside_with_its_bytes(home: Path) -> None:
    original = b'{"schema": 1, "answers": {"p01": 4'
    write_raw(original)

    loaded, notice = load_progress(VERSION, KNOWN)

    moved = set_aside_file(home, "rusak")
    assert loaded is None
    assert notice is not None and "rusak" in notice and moved.name in notice
    assert moved.read_bytes() == original
    assert load_progress(VERSION, KNOWN) == (None, None)  # a fresh start next time


def _without(key: str) -> dict[str, Any]:
    raw = valid_json()
    del raw[key]
    return raw


@pytest.mark.parametrize(
    "content",
    [
        valid_json(answers={"p01": 9}),
        valid_json(answers={"p01": 0}),
        valid_json(answers={"p01": True}),
        valid_json(answers={"p01": "4"}),
        valid_json(answers={"p01": 4.0}),
        valid_json(answers=["p01"]),
        valid_json(asked="p01"),
        valid_json(asked=[1]),
        valid_json(schema=2),
        valid_json(catalog_version=2026),
        _without("schema"),
        _without("catalog_version"),
        _without("answers"),
        _without("asked"),
        [valid_json()],
        "null",
    ],
    ids=[
        "answer-9",
        "answer-0",
        "answer-true",
        "answer-string",
        "answer-float",
        "answers-list",
        "asked-string",
        "asked-number",
        "schema-2",
        "version-number",
        "no-schema",
        "no-version",
        "no-answers",
        "no-asked",
        "top-level-list",
        "null",
    ],
)
def test_a_file_of_the_wrong_shape_is_set_aside_as_rusak(
    home: Path, content: dict[str, Any] | list[Any] | str
) -> None:
    write_raw(content)
    loaded, notice = load_progress(VERSION, KNOWN)
    moved = set_aside_file(home, "rusak")
    assert loaded is None
    assert notice is not None and "tidak sesuai format" in notice and moved.name in notice


@pytest.mark.parametrize(
    "content",
    [
        valid_json(catalog_version="2025.1"),
        valid_json(answers={"p01": 4, "p99": 2}),
        valid_json(asked=["p01", "p02", "p99"]),
    ],
    ids=["other-version", "unknown-answer", "unknown-asked"],
)
def test_a_file_for_another_catalogue_is_set_aside_as_usang(
    home: Path, content: dict[str, Any]
) -> None:
    path = write_raw(content)
    original = path.read_bytes()
    loaded, notice = load_progress(VERSION, KNOWN)
    moved = set_aside_file(home, "usang")
    assert loaded is None
    assert notice is not None and "versi daftar pernyataan yang lain" in notice
    assert moved.read_bytes() == original


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root (or Windows) reads any file"
)
def test_an_unreadable_file_is_set_aside(home: Path) -> None:
    path = write_raw(valid_json())
    path.chmod(0)
    loaded, notice = load_progress(VERSION, KNOWN)
    moved = set_aside_file(home, "rusak")
    moved.chmod(0o600)
    assert loaded is None
    assert notice is not None and "tidak bisa dibaca" in notice


def test_a_folder_named_like_the_file_is_set_aside(home: Path) -> None:
    (home / "kemajuan.json").mkdir(parents=True)
    (home / "kemajuan.json" / "isi.txt").write_text("punya pengguna\n", encoding="utf-8")
    loaded, notice = load_progress(VERSION, KNOWN)
    moved = set_aside_file(home, "rusak")
    assert loaded is None
    assert notice is not None and "tidak bisa dibaca" in notice and moved.name in notice
    assert (moved / "isi.txt").read_text(encoding="utf-8") == "punya pengguna\n"


def test_a_file_that_is_not_utf8_is_set_aside(home: Path) -> None:
    original = b'{"schema": 1, "catalog_version": "\xff\xfe"}'
    write_raw(original)
    loaded, notice = load_progress(VERSION, KNOWN)
    moved = set_aside_file(home, "rusak")
    assert loaded is None
    assert notice is not None and "bukan teks UTF-8" in notice
    assert moved.read_bytes() == original


def test_a_file_that_cannot_be_moved_aside_is_a_state_error(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_raw("{rusak")

    def refuse(self: Path, target: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(StateError) as caught:
        load_progress(VERSION, KNOWN)
    assert str(path) in words(caught.value).message
    assert words(caught.value).hint is not None and "KARIERSOSIAL_HOME" in words(caught.value).hint
    assert path.read_text(encoding="utf-8") == "{rusak"


# --- a data folder that cannot be written ----------------------------------------------------


def test_saving_into_an_unwritable_data_dir_is_a_state_error(unwritable: Path) -> None:
    with pytest.raises(StateError) as caught:
        save_progress(progress(p01=4))

    message = words(caught.value).message
    assert message.startswith("Tidak bisa menulis ")
    assert str(unwritable / "kemajuan.json") in message
    assert words(caught.value).hint is not None and "KARIERSOSIAL_HOME" in words(caught.value).hint


def test_an_unwritable_data_dir_has_no_progress_to_load_or_clear(unwritable: Path) -> None:
    # There can be no file under a regular file: nothing to load, nothing to clear.
    assert load_progress(VERSION, KNOWN) == (None, None)
    clear_progress()


def test_the_saver_warns_once_and_keeps_going(
    unwritable: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    saver = Saver(warnings.append, progress())
    steps = [progress(p01=4), progress(p01=4, p02=None), progress(p01=4, p02=None, p03=2)]
    for step in steps:
        saver(step)  # never raises

    assert len(warnings) == 1
    assert "Tidak bisa menulis" in warnings[0] and "Kuis tetap berjalan" in warnings[0]
    assert saver.failure is not None and str(unwritable) in saver.failure
    assert saver.last == steps[-1]

    # Once the folder can be written again, the next answer is saved and the failure forgotten.
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(tmp_path / "bisa-ditulis"))
    saver(steps[-1])
    assert saver.failure is None
    assert len(warnings) == 1
    loaded, _ = load_progress(VERSION, KNOWN)
    assert loaded is not None and loaded.answers == steps[-1].answers


# --- the command line ------------------------------------------------------------------------


def test_quiz_without_a_terminal_points_to_answers_files(home: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["quiz"])

    stderr = " ".join(result.stderr.split())
    assert result.exit_code == 2, result.output
    assert "butuh terminal" in stderr
    assert "--answers" in stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert not home.exists()  # nothing saved, nothing set aside


def test_the_store_module_reads_its_folder_from_the_environment_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(store.HOME_ENV, str(tmp_path / "satu"))
    save_progress(progress(p01=1))
    monkeypatch.setenv(store.HOME_ENV, str(tmp_path / "dua"))
    assert load_progress(VERSION, KNOWN) == (None, None)
    assert (tmp_path / "satu" / "kemajuan.json").exists()


def test_files_set_aside_in_the_same_second_are_all_kept(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> FrozenClock:
            return cls(2026, 11, 22, 9, 30, 0, tzinfo=tz)

    monkeypatch.setattr(store, "datetime", FrozenClock)
    contents = [b"{pertama", b"{kedua", b"{ketiga"]
    for content in contents:
        write_raw(content)
        assert load_progress(VERSION, KNOWN)[0] is None

    kept = {name: (home / name).read_bytes() for name in files_in(home)}
    assert kept == {
        "kemajuan.json.rusak-20261122-093000": b"{pertama",
        "kemajuan.json.rusak-20261122-093000-2": b"{kedua",
        "kemajuan.json.rusak-20261122-093000-3": b"{ketiga",
    }

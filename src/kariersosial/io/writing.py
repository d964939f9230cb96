"""The one writer for every file the program writes: reports, sheets, class results.

A file is written whole or not at all: into a temporary file beside the target, flushed and
fsync'd, then renamed over it, so a full disk or Ctrl-C never leaves half a file. A new file
gets the usual permissions (0666 less the umask); a file replaced with --force keeps its own.
An existing file is only replaced with --force, never when it is one of the command's own
inputs (also through a hard link or a redirected stdin), and never when it is not a regular
file: a terminal, /dev/null or a pipe is written into, a directory or a disk device refused.
Stdlib only, so `form` writing a file stays quick to start.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from kariersosial.core.errors import StateError, UsageError

STDIN = "-"
_NEW_FILE_MODE = 0o666  # the kernel takes the umask off, as for any program's new file


class WriteError(StateError):
    """A file that could not be written (full disk, no permission); nothing half-written."""


@dataclass(frozen=True)
class Source:
    """A file the command reads, which its output must never replace."""

    path: str  # `-` is stdin
    name: str  # "berkas jawaban"
    contents: str  # "jawabannya", for "... akan tertimpa"


@dataclass(frozen=True)
class Target:
    """Where an output goes, checked before any work is done."""

    path: Path  # symlinks followed: the file that is written
    shown: str  # as the person wrote it
    stream: bool = False  # a terminal, /dev/null or a pipe: written into, never replaced
    mode: int | None = None  # the replaced file's permissions; None for a new file
    force: bool = False


def check_target(path: str | Path, *, force: bool, sources: Sequence[Source] = ()) -> Target:
    """The target if it may be written; a UsageError saying why not otherwise."""
    shown = str(path)
    real = Path(os.path.realpath(path))  # a link to a report replaces the report, not the link
    try:
        st = os.stat(path)  # the name as given: /dev/stdout may lead to a pipe with no path
    except FileNotFoundError:
        return Target(real, shown, force=force)
    except OSError as exc:
        raise UsageError("target_unusable", shown=shown, errno=exc.errno) from None
    if stat.S_ISDIR(st.st_mode):
        raise UsageError("target_is_folder", shown=shown)
    if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode) or _already_open(shown, st):
        return Target(Path(path), shown, stream=True, force=force)
    if not stat.S_ISREG(st.st_mode):
        raise UsageError("target_not_regular", shown=shown)
    for source in sources:
        if _same_file(st, source.path):
            raise UsageError(
                "target_is_source", shown=shown, source=source.name, contents=source.contents
            )
    if not force:
        raise UsageError("target_exists", shown=shown)
    return Target(real, shown, mode=stat.S_IMODE(st.st_mode), force=True)


def _already_open(shown: str, st: os.stat_result) -> bool:
    """/dev/stdout, /dev/fd/N: a file the shell opened for us (`> x`), written where it is."""
    return shown.startswith(("/dev/stdout", "/dev/stderr", "/dev/fd/")) and stat.S_ISREG(st.st_mode)


def _same_file(st: os.stat_result, path: str) -> bool:
    try:
        other = os.fstat(0) if path == STDIN else os.stat(path)
    except (OSError, ValueError):
        return False
    return (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino)


class OutputFile:
    """A text stream whose write failures are the writer's, in Indonesian."""

    def __init__(self, handle: io.TextIOWrapper, target: Target) -> None:
        self._handle = handle
        self._target = target

    def write(self, text: str, /) -> int:
        try:
            return self._handle.write(text)
        except OSError as exc:
            raise write_error(self._target.shown, exc) from None


def write_error(shown: str, exc: OSError) -> WriteError:
    return WriteError("write_failed", shown=shown, errno=exc.errno)


@contextmanager
def open_target(
    target: Target, *, encoding: str = "utf-8", newline: str = ""
) -> Iterator[OutputFile]:
    """Write the target as text; it appears only when the block ends without an error."""
    if target.stream:
        with _open_stream(target, encoding, newline) as out:
            yield out
        return
    tmp, handle = _create_temp(target, encoding, newline)
    try:
        yield OutputFile(handle, target)
        try:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            _publish(tmp, target)
        except OSError as exc:
            raise write_error(target.shown, exc) from None
    except BaseException:
        _discard(handle, tmp)
        raise


def write_text(
    path: str | Path,
    text: str,
    *,
    force: bool,
    sources: Sequence[Source] = (),
    encoding: str = "utf-8",
) -> None:
    """Check, then write `text` to `path` whole."""
    with open_target(check_target(path, force=force, sources=sources), encoding=encoding) as out:
        out.write(text)


def _create_temp(target: Target, encoding: str, newline: str) -> tuple[Path, io.TextIOWrapper]:
    folder = target.path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)  # `-o laporan/kelas.html` makes `laporan`
        while True:  # a short name: a long target name must not make the temp name too long
            tmp = folder / f".kariersosial-{os.urandom(6).hex()}.tmp"
            try:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                fd = os.open(tmp, flags, _NEW_FILE_MODE)
                break
            except FileExistsError:
                continue
    except OSError as exc:
        raise write_error(target.shown, exc) from None
    if target.mode is not None:  # a replaced file keeps who may read it
        try:
            os.chmod(fd if os.chmod in os.supports_fd else tmp, target.mode)
        except OSError as exc:
            os.close(fd)
            with suppress(OSError):
                tmp.unlink()
            raise write_error(target.shown, exc) from None
    raw = io.FileIO(fd, "w")
    return tmp, io.TextIOWrapper(io.BufferedWriter(raw), encoding=encoding, newline=newline)


def _discard(handle: io.TextIOWrapper, tmp: Path) -> None:
    """No partial file: the temporary file goes, whatever stopped the writing."""
    with suppress(OSError):
        handle.close()  # flushing may fail again on a full disk: the file goes anyway
    with suppress(OSError):
        tmp.unlink(missing_ok=True)


def _publish(tmp: Path, target: Target) -> None:
    """Rename into place; without --force a file that appeared meanwhile is kept."""
    if target.force:
        os.replace(tmp, target.path)
    else:
        try:
            os.link(tmp, target.path)  # fails if the name exists: nothing is clobbered
        except FileExistsError:
            raise UsageError("target_exists", shown=target.shown) from None
        except OSError:  # a file system without hard links
            if os.path.lexists(target.path):
                raise UsageError("target_exists", shown=target.shown) from None
            os.replace(tmp, target.path)
        else:
            with suppress(OSError):  # the report is in place; a stray temp name is harmless
                os.unlink(tmp)
    _sync_folder(target.path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    with suppress(OSError):
        os.fsync(fd)
    os.close(fd)


@contextmanager
def _open_stream(target: Target, encoding: str, newline: str) -> Iterator[OutputFile]:
    """A device or pipe: opened without waiting for a reader, then written in place."""
    # O_APPEND: a file behind /dev/stdout continues where the shell's `>` or `>>` left it.
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(target.path, flags)
        os.set_blocking(fd, True)
    except OSError as exc:
        raise write_error(target.shown, exc) from None
    handle = io.TextIOWrapper(
        io.BufferedWriter(io.FileIO(fd, "w")), encoding=encoding, newline=newline
    )
    try:
        yield OutputFile(handle, target)
        try:
            handle.flush()
        except OSError as exc:
            raise write_error(target.shown, exc) from None
    finally:
        with suppress(OSError):
            handle.close()

"""One bounded reader for every file or stream the user names. Standard library only.

A named path is checked before it is opened and again on the open descriptor: a FIFO would
block until some writer appears, a device such as /dev/zero never ends, so only regular files
are read. Everything is read with a size limit, so stdin fed from /dev/zero or an endless pipe
ends too, and bytes that are not UTF-8 are reported with their position, not as a traceback.
"""

from __future__ import annotations

import io
import os
import stat
from typing import BinaryIO, TextIO

KB = 1024
MB = 1024 * KB
ANSWERS_LIMIT = 256 * KB  # an answers file is a few hundred bytes
PROGRESS_LIMIT = 256 * KB  # so is the progress file
PENDING_LIMIT = 2 * MB  # a kept result carries its explanation with quotes
CATALOG_LIMIT = 5 * MB  # the bundled catalogue is about 120 KB
SOURCE_LIMIT = 5 * MB  # a role's source text, named by the catalogue

_BOM = b"\xef\xbb\xbf"
_CHUNK = 64 * KB


class ReadProblem(Exception):
    """Why a file cannot be read, as a phrase: "berkas tidak ditemukan", "lebih dari 256 KB".

    `kind` lets a caller keep its own wording: missing, directory, denied, special, too_big,
    not_utf8 or os.
    """

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def size_text(limit: int) -> str:
    """'256 KB', '5 MB'."""
    return f"{limit // MB} MB" if limit >= MB and limit % MB == 0 else f"{limit // KB} KB"


def read_text(path: str | os.PathLike[str], limit: int) -> str:
    """A regular file's text (UTF-8, a leading BOM dropped), at most `limit` bytes."""
    return decode(read_bytes(path, limit))


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    with open_regular(path) as stream:
        return read_limited(stream, limit)


def read_stream_text(stream: BinaryIO, limit: int) -> str:
    """An already open stream (stdin), read to its end but never past `limit` bytes."""
    return decode(read_limited(stream, limit))


def read_stdin(stdin: TextIO, limit: int) -> str:
    """All of stdin as text, but never past `limit` bytes (stdin may be /dev/zero)."""
    raw = getattr(stdin, "buffer", None)
    if raw is not None:
        return read_stream_text(raw, limit)
    text = stdin.read(limit + 1)  # already text (an embedding host)
    if len(text) > limit:
        raise _too_big(limit)
    return text


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
    raise _too_big(limit)


def _too_big(limit: int) -> ReadProblem:
    return ReadProblem("too_big", f"lebih besar dari batas {size_text(limit)}")


def decode(data: bytes) -> str:
    offset = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[offset:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadProblem(
            "not_utf8", f"bukan teks UTF-8 (byte ke-{offset + exc.start + 1})"
        ) from None


def open_regular(path: str | os.PathLike[str]) -> io.BufferedReader:
    """Open a regular file for reading in binary; anything else is a ReadProblem.

    The open is non-blocking, so a FIFO that slipped in between the check and the open cannot
    hang; the descriptor itself is checked again after it is opened.
    """
    try:
        _refuse_special(os.stat(path).st_mode)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    except ReadProblem:
        raise
    except OSError as exc:
        raise _problem(exc) from None
    try:
        _refuse_special(os.fstat(fd).st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError):
            raise _problem(exc) from None
        raise


def _refuse_special(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise ReadProblem("directory", "ini folder, bukan berkas")
    if stat.S_ISFIFO(mode):
        what = "pipa bernama (FIFO)"
    elif stat.S_ISSOCK(mode):
        what = "soket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "perangkat"
    else:
        what = "berkas khusus"
    raise ReadProblem("special", f"ini {what}, bukan berkas biasa")


def _problem(exc: OSError) -> ReadProblem:
    if isinstance(exc, FileNotFoundError):
        return ReadProblem("missing", "berkas tidak ditemukan")
    if isinstance(exc, IsADirectoryError):
        return ReadProblem("directory", "ini folder, bukan berkas")
    if isinstance(exc, PermissionError):
        return ReadProblem("denied", "tidak boleh dibaca (periksa izin berkas)")
    from kariersosial.words.os_words import os_reason  # only when something went wrong

    return ReadProblem("os", f"tidak bisa dibaca ({os_reason(exc)})")

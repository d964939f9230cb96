"""The package's own errors; the CLI turns each into a message and an exit code."""

from __future__ import annotations

import errno

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class KarierError(Exception):
    """A problem the user can act on; `hint` says what to do next."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(KarierError):
    """The user asked for something that cannot be (unknown role, bad answers file)."""

    exit_code = EXIT_USAGE


class CatalogError(KarierError):
    """A catalogue that cannot be used; lists every problem found, each with its JSON path."""

    def __init__(
        self, source: str, problems: list[str], hint: str | None = None, *, user_file: bool = False
    ) -> None:
        lines = [f"{source}: {p}" for p in problems]
        super().__init__("\n".join(lines), hint)
        self.source = source
        self.problems = problems
        if user_file:
            self.exit_code = EXIT_USAGE


class StateError(KarierError):
    """Saved state (progress, history) that cannot be read or written."""


class QuizInterrupted(KarierError):
    """Ctrl-C during the quiz; progress has been saved already."""

    exit_code = EXIT_INTERRUPTED


_OS_REASONS = {
    errno.ENOENT: "tidak ada",
    errno.EACCES: "tidak diizinkan",
    errno.EPERM: "tidak diizinkan",
    errno.ENOTDIR: "bagian jalurnya bukan folder",
    errno.EISDIR: "itu folder, bukan berkas",
    errno.ENOSPC: "disk penuh",
    errno.EROFS: "sistem berkasnya hanya bisa dibaca",
    errno.EEXIST: "sudah ada berkas dengan nama itu",
}


def os_reason(exc: OSError) -> str:
    """An operating-system error in Indonesian (its English text as a fallback)."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))

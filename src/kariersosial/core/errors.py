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


# Every errno the program can meet, in Indonesian: the system's own text is English
# ("File name too long"), and it would reach people inside otherwise Indonesian messages.
_REASON_BY_NAME = {
    "ENOENT": "tidak ada",
    "EACCES": "tidak diizinkan",
    "EPERM": "tidak diizinkan",
    "ENOTDIR": "bagian jalurnya bukan folder",
    "EISDIR": "itu folder, bukan berkas",
    "ENOSPC": "disk penuh",
    "EDQUOT": "jatah ruang disk penggunanya sudah habis",
    "EROFS": "sistem berkasnya hanya bisa dibaca",
    "EEXIST": "sudah ada berkas dengan nama itu",
    "ELOOP": "terlalu banyak tautan simbolik berantai (mungkin tautannya melingkar)",
    "ENAMETOOLONG": "nama berkas atau foldernya terlalu panjang",
    "EIO": "perangkat penyimpanannya gagal membaca atau menulis",
    "EMFILE": "program ini sedang membuka terlalu banyak berkas",
    "ENFILE": "sistem sedang membuka terlalu banyak berkas",
    "EBUSY": "berkas atau perangkatnya sedang dipakai",
    "ETXTBSY": "berkasnya sedang dijalankan sebagai program",
    "EFBIG": "berkasnya melebihi batas ukuran",
    "EXDEV": "tidak bisa dipindahkan ke disk lain",
    "ENXIO": "perangkatnya tidak ada, atau tidak ada yang membaca di ujung lainnya",
    "ENODEV": "perangkatnya tidak mendukung ini",
    "EAGAIN": "sedang tidak bisa dipakai; coba lagi sebentar lagi",
    "EINVAL": "berkas ini tidak mendukung permintaan itu",
    "ENOTEMPTY": "foldernya tidak kosong",
    "EPIPE": "yang membaca keluarannya sudah berhenti",
    "EMLINK": "terlalu banyak tautan ke berkas itu",
    "EOVERFLOW": "berkasnya terlalu besar",
    "ESTALE": "berkas di jaringan itu tidak tersedia lagi",
    "EINTR": "dihentikan oleh sinyal",
    "ENOMEM": "memori tidak cukup",
    "ETIMEDOUT": "waktu tunggunya habis",
    "EBADF": "berkasnya sudah ditutup",
    "ESPIPE": "berkasnya hanya bisa dibaca berurutan",
    "EOPNOTSUPP": "sistem berkasnya tidak mendukung ini",
    "ENOTSUP": "sistem berkasnya tidak mendukung ini",
    "EWOULDBLOCK": "sedang tidak bisa dipakai; coba lagi sebentar lagi",
}
# By name, because not every platform defines every errno.
_OS_REASONS = {getattr(errno, n): r for n, r in _REASON_BY_NAME.items() if hasattr(errno, n)}


def os_reason(exc: OSError) -> str:
    """An operating-system error in Indonesian; an unlisted one by its errno name, never English."""
    number = exc.errno
    if number is None:
        return "kesalahan sistem"
    return _OS_REASONS.get(number) or f"kesalahan sistem ({errno.errorcode.get(number, number)})"

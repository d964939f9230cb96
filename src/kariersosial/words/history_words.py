"""Why the history database cannot be used, in a few words, and what to do about it."""

from __future__ import annotations

from collections.abc import Callable

from kariersosial.core.errors import KarierError
from kariersosial.words.facts import Facts, Words, errno_number, number, text
from kariersosial.words.os_words import errno_words

_HINT_FOLDER = "Pastikan folder data bisa ditulisi, atau pilih folder lain lewat KARIERSOSIAL_HOME."
_HINT_RETRY_DISK = "Kosongkan sebagian ruang disk, lalu coba lagi."
_SET_ASIDE = "dan riwayat baru dibuat saat hasil berikutnya disimpan"

# kind -> (the reason, for after "Riwayat hasil tidak bisa dipakai: "; the hint)
_Reason = Callable[[Facts], str]
_REASONS: dict[str, tuple[_Reason, str | None]] = {
    "history_folder_unmade": (
        lambda f: (
            f"folder data {text(f, 'folder')} tidak bisa dibuat ({errno_words(errno_number(f))})"
        ),
        _HINT_FOLDER,
    ),
    "history_unopenable": (
        lambda f: (
            f"berkas riwayat {text(f, 'path')} tidak bisa dibuka ({errno_words(errno_number(f))})"
        ),
        _HINT_FOLDER,
    ),
    "history_newer": (
        lambda f: (
            f"berkas {text(f, 'path')} dibuat oleh versi kariersosial yang lebih baru "
            f"(skema {number(f, 'version')}, versi ini memahami sampai {number(f, 'known')})"
        ),
        "Perbarui kariersosial, atau pilih folder lain lewat KARIERSOSIAL_HOME.",
    ),
    "history_damaged": (
        lambda f: (
            f"berkas riwayat rusak; berkas itu disisihkan sebagai {text(f, 'moved')} " + _SET_ASIDE
        ),
        None,
    ),
    "history_busy": (
        lambda f: f"berkas riwayat dikunci program lain lebih dari {text(f, 'seconds')} detik",
        "Tutup kariersosial yang sedang berjalan di terminal lain, lalu coba lagi.",
    ),
    "history_disk_full": (lambda f: "disk penuh", _HINT_RETRY_DISK),
    "history_read_only": (lambda f: f"tidak ada izin menulis ke {text(f, 'path')}", _HINT_FOLDER),
    "history_cannot_open": (
        lambda f: (
            f"berkas {text(f, 'path')} tidak bisa dibuka atau dibuat (periksa izin foldernya)"
        ),
        _HINT_FOLDER,
    ),
    "history_io": (
        lambda f: f"perangkat penyimpanannya gagal membaca atau menulis {text(f, 'path')}",
        _HINT_FOLDER,
    ),
    "history_no_memory": (lambda f: "memori tidak cukup", "Tutup program lain, lalu coba lagi."),
    "history_mismatch": (
        lambda f: (
            f"isi hasil ini tidak cocok dengan susunan riwayat di {text(f, 'path')} "
            f"({text(f, 'name')})"
        ),
        None,
    ),
    "history_incomplete": (
        lambda f: (
            "susunan berkas riwayat tidak lengkap; berkas itu disisihkan sebagai "
            f"{text(f, 'moved')} " + _SET_ASIDE
        ),
        None,
    ),
    "history_database": (
        lambda f: f"masalah basis data di {text(f, 'path')} ({text(f, 'name')})",
        _HINT_FOLDER,
    ),
}


def history_reason(error: KarierError) -> str:
    """The words after "Riwayat hasil tidak bisa dipakai:" (or "tidak disimpan ke riwayat:")."""
    found = _REASONS.get(error.kind)
    try:
        if found is not None:
            return found[0](error.facts)
    except (KeyError, TypeError):  # a raise site that left a fact out
        pass
    return f"masalah yang tidak terduga ({error.kind})"


def _words(kind: str) -> Callable[[Facts], Words]:
    reason, hint = _REASONS[kind]
    return lambda f: Words(f"Riwayat hasil tidak bisa dipakai: {reason(f)}.", hint)


HISTORY_KINDS: dict[str, Callable[[Facts], Words]] = {kind: _words(kind) for kind in _REASONS}

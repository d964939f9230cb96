"""The words of errors about files the program writes: reports, progress, kept results."""

from __future__ import annotations

import errno
from collections.abc import Callable

from kariersosial.words.facts import Facts, Words, errno_number, optional_text, text
from kariersosial.words.os_words import errno_words

EXISTS_HINT = "Pakai --force untuk menimpanya, atau pilih nama berkas lain."
NAME_HINT = "Periksa nama berkas dan foldernya, atau pilih berkas lain."
WRITE_HINT = "Pastikan foldernya ada dan bisa ditulisi, atau pilih berkas lain."
FULL_HINT = "Kosongkan sebagian ruang disk atau tulis ke tempat lain, lalu coba lagi."
_FULL = {"ENOSPC", "EDQUOT", "EFBIG"}


def _why(f: Facts) -> str:
    return errno_words(errno_number(f))


def _target_unusable(f: Facts) -> Words:
    return Words(f"Tidak bisa menulis {text(f, 'shown')} ({_why(f)}).", NAME_HINT)


def _target_is_folder(f: Facts) -> Words:
    return Words(f"{text(f, 'shown')} adalah folder, bukan berkas.", "Sebutkan nama berkasnya.")


def _target_not_regular(f: Facts) -> Words:
    return Words(
        f"{text(f, 'shown')} bukan berkas biasa; kariersosial tidak menggantinya, juga dengan "
        "--force.",
        "Pilih nama berkas biasa.",
    )


def _target_is_source(f: Facts) -> Words:
    return Words(
        f"Berkas hasil '{text(f, 'shown')}' sama dengan {text(f, 'source')}; "
        f"{text(f, 'contents')} akan tertimpa.",
        "Pilih nama lain untuk hasilnya.",
    )


def _target_exists(f: Facts) -> Words:
    return Words(
        f"Berkas {text(f, 'shown')} sudah ada; kariersosial tidak menimpanya.", EXISTS_HINT
    )


def _write_failed(f: Facts) -> Words:
    full = errno.errorcode.get(errno_number(f) or 0) in _FULL
    return Words(
        f"Tidak bisa menulis {text(f, 'shown')} ({_why(f)}).", FULL_HINT if full else WRITE_HINT
    )


def _data_unwritable(f: Facts) -> Words:
    """One of our own data files: the writer's message, and where else the data may go."""
    return Words(
        _write_failed(f).message,
        f"Pastikan folder itu bisa ditulisi, atau pilih folder lain lewat {text(f, 'env')}.",
    )


def _set_aside_failed(f: Facts) -> Words:
    return Words(
        f"Berkas {text(f, 'path')} tidak bisa dipakai dan tidak bisa dipindahkan ({_why(f)}).",
        f"Hapus atau pindahkan berkas itu sendiri, atau pilih folder lain lewat {text(f, 'env')}.",
    )


def _progress_not_deleted(f: Facts) -> Words:
    return Words(f"Tidak bisa menghapus {text(f, 'path')} ({_why(f)}).", optional_text(f, "hint"))


def _result_not_kept(f: Facts) -> Words:
    return Words(f"Hasilmu juga tidak bisa disimpan sementara di {text(f, 'folder')} ({_why(f)}).")


FILE_KINDS: dict[str, Callable[[Facts], Words]] = {
    "target_unusable": _target_unusable,
    "target_is_folder": _target_is_folder,
    "target_not_regular": _target_not_regular,
    "target_is_source": _target_is_source,
    "target_exists": _target_exists,
    "write_failed": _write_failed,
    "data_unwritable": _data_unwritable,
    "set_aside_failed": _set_aside_failed,
    "progress_not_deleted": _progress_not_deleted,
    "result_not_kept": _result_not_kept,
}

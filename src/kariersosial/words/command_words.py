"""The words of errors about how a command was called: quiz, history, validate, its options."""

from __future__ import annotations

from collections.abc import Callable

from kariersosial.words.facts import Facts, Words, number, optional_text, text

NOT_A_TERMINAL = (
    "Kuis interaktif butuh terminal, tapi masukan atau keluaran program ini bukan terminal."
)
ANSWER_FILE_HINT = (
    "Untuk menjawab dari berkas: `kariersosial quiz --answers jawaban.json` (atau `-` untuk "
    "jawaban yang dialirkan). Lihat ID pernyataan dengan `kariersosial questions`."
)
_EXPORT_EXAMPLE = "Contoh: `kariersosial quiz --export hasil.html`."
_READ_HINTS = {
    "missing": "Periksa nama dan foldernya.",
    "special": "Sebutkan berkas jawaban biasa, atau alirkan isinya lewat `--answers -`.",
    "too_big": "Berkas jawaban cukup satu baris per pernyataan; periksa berkas yang dipilih.",
    "not_utf8": "Simpan ulang berkasnya sebagai teks UTF-8.",
}


_KEY_PROBLEMS = {
    "no_statements": "kunci harus berupa objek dengan 'statements'",
    "no_columns": "kunci harus punya daftar 'columns'",
    "no_expected": "tidak ada 'expected'",
    "not_1_to_5": "harus angka 1..5",
}


def _expert_key_malformed(f: Facts) -> Words:
    """benchmarks/simulate.py: an expert key file it cannot use."""
    where = optional_text(f, "where")
    problem = _KEY_PROBLEMS.get(text(f, "problem"), "tidak sah")
    return Words(
        f"Kunci ahli tidak bisa dipakai: {f'{where}: ' if where else ''}{problem}.",
        "Periksa berkas kuncinya (lihat benchmarks/expert_key.json).",
    )


def _file_not_found(f: Facts) -> Words:
    return Words(f"Berkas '{text(f, 'path')}' tidak ditemukan.", "Periksa nama dan foldernya.")


def _options_exclusive(f: Facts) -> Words:
    return Words(f"Pilih salah satu: {text(f, 'one')} atau {text(f, 'other')}, jangan keduanya.")


def _not_a_terminal(f: Facts) -> Words:
    return Words(NOT_A_TERMINAL, ANSWER_FILE_HINT)


def _answers_unreadable(f: Facts) -> Words:
    source = text(f, "source")
    what = "Jawaban yang dialirkan" if source == "-" else f"Berkas jawaban '{source}'"
    problem = optional_text(f, "problem") or ""
    return Words(f"{what} tidak bisa dipakai: {text(f, 'reason')}.", _READ_HINTS.get(problem))


def _report_format_unknown(f: Facts) -> Words:
    return Words(
        f"Format laporan '{text(f, 'format')}' tidak dikenal.",
        "Pilih salah satu: md, html, atau json.",
    )


def _report_format_unguessable(f: Facts) -> Words:
    return Words(
        f"Format laporan untuk '{text(f, 'output')}' tidak bisa ditebak dari nama berkasnya.",
        "Pakai akhiran .md, .html, atau .json, atau sebutkan --format md|html|json.",
    )


def _export_options_alone(f: Facts) -> Words:
    return Words("--format dan --force hanya berlaku bersama --export BERKAS.", _EXPORT_EXAMPLE)


def _export_needs_file(f: Facts) -> Words:
    return Words("--export butuh nama berkas; hasilnya sudah tampil di layar.", _EXPORT_EXAMPLE)


def _stopped_after_quiz(f: Facts) -> Words:
    kept = optional_text(f, "kept")
    if kept is None:
        return Words("Dihentikan.")
    return Words(
        f"Dihentikan. Hasilmu tetap disimpan sementara di {kept}.",
        "Jalankan `kariersosial history` begitu riwayat bisa dipakai lagi; hasil itu akan "
        "masuk ke riwayat.",
    )


def _quiz_stopped(f: Facts) -> Words:
    answered, count, where = number(f, "answered"), number(f, "count"), optional_text(f, "where")
    what = f"{answered} jawabanmu"
    if answered < count:
        what += f" (dan {count - answered} pernyataan yang kamu lewati)"
    saved = f" {what} sudah disimpan di {where}." if where else ""
    return Words(
        f"Kuis dihentikan.{saved}",
        "Lanjutkan kapan saja dengan `kariersosial quiz` (atau `kariersosial quiz --resume`).",
    )


def _same_result_numbers(f: Facts) -> Words:
    return Words(
        f"Kedua nomor sama ({number(f, 'number')}); tidak ada yang bisa dibandingkan.",
        "Sebutkan dua nomor yang berbeda, misalnya `kariersosial history compare 1 2`.",
    )


def _not_a_result_number(f: Facts) -> Words:
    return Words(
        f"'{text(f, 'text')}' bukan nomor hasil.",
        "Pakai nomor dari daftar `kariersosial history`, misalnya 1.",
    )


def _confirm_needs_terminal(f: Facts) -> Words:
    """`number`: the result to delete; without it, the whole history is cleared."""
    wanted = f.get("number")
    if wanted is None:
        what, command = "Menghapus semua riwayat", "clear"
    else:
        what, command = f"Menghapus hasil nomor {number(f, 'number')}", f"delete {wanted}"
    return Words(
        f"{what} perlu konfirmasi, tapi masukan atau keluaran program ini bukan terminal.",
        f"Tambahkan --yes untuk menghapus tanpa bertanya: `kariersosial history {command} --yes`.",
    )


COMMAND_KINDS: dict[str, Callable[[Facts], Words]] = {
    "expert_key_malformed": _expert_key_malformed,
    "file_not_found": _file_not_found,
    "options_exclusive": _options_exclusive,
    "not_a_terminal": _not_a_terminal,
    "answers_unreadable": _answers_unreadable,
    "report_format_unknown": _report_format_unknown,
    "report_format_unguessable": _report_format_unguessable,
    "export_options_alone": _export_options_alone,
    "export_needs_file": _export_needs_file,
    "stopped_after_quiz": _stopped_after_quiz,
    "quiz_stopped": _quiz_stopped,
    "same_result_numbers": _same_result_numbers,
    "not_a_result_number": _not_a_result_number,
    "confirm_needs_terminal": _confirm_needs_terminal,
}

"""The words of errors from `score`: the responses file coming in, the class report going out."""

from __future__ import annotations

from collections.abc import Callable

from kariersosial.words.facts import Facts, Words, number, text, texts

_OTHER_NAME = "Pilih nama lain untuk --report."


def _no_piped_answers(f: Facts) -> Words:
    return Words(
        "Belum ada jawaban yang dialirkan ke perintah ini.",
        "Contoh: kariersosial score - < jawaban.csv",
    )


def _answers_file_not_found(f: Facts) -> Words:
    return Words(
        f"Berkas jawaban '{text(f, 'path')}' tidak ditemukan.", "Periksa nama dan foldernya."
    )


def _answers_is_folder(f: Facts) -> Words:
    return Words(f"'{text(f, 'path')}' adalah folder, bukan berkas CSV.")


def _responses_unreadable(f: Facts) -> Words:
    """`special`: a FIFO, device or socket, whose contents can still be piped in."""
    return Words(
        f"Berkas jawaban '{text(f, 'path')}' tidak bisa dipakai: {text(f, 'reason')}.",
        "Sebutkan berkas CSV biasa, atau alirkan isinya lewat `kariersosial score -`."
        if f.get("special") is True
        else None,
    )


def _line_too_long(f: Facts) -> Words:
    limit = f"{number(f, 'limit'):,}".replace(",", ".")
    return Words(
        f"Baris {number(f, 'line')} {text(f, 'source')} lebih panjang dari {limit} karakter; "
        "penilaian dihentikan.",
        "Periksa berkasnya: satu baris berisi satu responden.",
    )


def _excel_needs_csv(f: Facts) -> Words:
    return Words("--excel hanya untuk hasil CSV, bukan JSON.", "Hapus --format json atau --excel.")


def _nothing_scored(f: Facts) -> Words:
    """`skipped`: some rows were there but none could be scored."""
    source = text(f, "source")
    if f.get("skipped") is True:
        return Words(
            f"Tidak ada baris yang bisa dinilai dari {source}.",
            "Perbaiki baris yang dilaporkan di atas, lalu jalankan lagi.",
        )
    return Words(
        f"Berkas {source} belum berisi jawaban: hanya ada baris judul.",
        "Isi satu baris per responden di bawah baris judul.",
    )


def _force_needs_output(f: Facts) -> Words:
    return Words("--force hanya berlaku bersama --output BERKAS.", "Contoh: --output hasil.csv")


def _report_is_answers(f: Facts) -> Words:
    return Words(f"Berkas laporan '{text(f, 'report')}' sama dengan berkas jawaban.", _OTHER_NAME)


def _report_is_output(f: Facts) -> Words:
    return Words(f"Berkas laporan '{text(f, 'report')}' sama dengan berkas --output.", _OTHER_NAME)


def _report_not_html(f: Facts) -> Words:
    return Words(
        f"Laporan kelas '{text(f, 'report')}' harus berakhiran .html: laporannya berupa "
        "halaman HTML.",
        "Contoh: --report kelas.html",
    )


def _format_unknown(f: Facts) -> Words:
    allowed = texts(f, "allowed")
    return Words(
        f"Format '{text(f, 'format')}' tidak dikenal. Pilih {' atau '.join(allowed)}.",
        f"Contoh: --format {allowed[0]}",
    )


COUNSEL_KINDS: dict[str, Callable[[Facts], Words]] = {
    "no_piped_answers": _no_piped_answers,
    "answers_file_not_found": _answers_file_not_found,
    "answers_is_folder": _answers_is_folder,
    "responses_unreadable": _responses_unreadable,
    "line_too_long": _line_too_long,
    "excel_needs_csv": _excel_needs_csv,
    "nothing_scored": _nothing_scored,
    "force_needs_output": _force_needs_output,
    "report_is_answers": _report_is_answers,
    "report_is_output": _report_is_output,
    "report_not_html": _report_not_html,
    "format_unknown": _format_unknown,
}

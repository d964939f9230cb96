"""The words of the kinds that were once written at their raise sites, pinned byte for byte."""

from __future__ import annotations

import errno

import pytest

from kariersosial.core.errors import KarierError, QuizInterrupted, UsageError
from kariersosial.words.messages import words

EXPORT = "Contoh: `kariersosial quiz --export hasil.html`."
RESUME = "Lanjutkan kapan saja dengan `kariersosial quiz` (atau `kariersosial quiz --resume`)."


@pytest.mark.parametrize(
    ("error", "message", "hint"),
    [
        (
            UsageError("file_not_found", path="x.json"),
            "Berkas 'x.json' tidak ditemukan.",
            "Periksa nama dan foldernya.",
        ),
        (
            UsageError("options_exclusive", one="--quick", other="--full"),
            "Pilih salah satu: --quick atau --full, jangan keduanya.",
            None,
        ),
        (
            UsageError("answers_unreadable", source="-", reason="r", problem="too_big"),
            "Jawaban yang dialirkan tidak bisa dipakai: r.",
            "Berkas jawaban cukup satu baris per pernyataan; periksa berkas yang dipilih.",
        ),
        (
            UsageError("answers_unreadable", source="a.json", reason="r", problem="denied"),
            "Berkas jawaban 'a.json' tidak bisa dipakai: r.",
            None,
        ),
        (
            UsageError("export_options_alone"),
            "--format dan --force hanya berlaku bersama --export BERKAS.",
            EXPORT,
        ),
        (QuizInterrupted("stopped_after_quiz", kept=None), "Dihentikan.", None),
        (
            QuizInterrupted("quiz_stopped", answered=3, count=5, where="/p.json"),
            "Kuis dihentikan. 3 jawabanmu (dan 2 pernyataan yang kamu lewati) sudah disimpan "
            "di /p.json.",
            RESUME,
        ),
        (
            QuizInterrupted("quiz_stopped", answered=0, count=0, where=None),
            "Kuis dihentikan.",
            RESUME,
        ),
        (
            QuizInterrupted(
                "quiz_stopped_unsaved",
                count=4,
                cause="write_failed",
                cause_facts=(("errno", errno.ENOSPC), ("shown", "p.json")),
            ),
            "Kuis dihentikan. 4 jawabanmu tidak bisa disimpan: Tidak bisa menulis p.json "
            "(disk penuh).",
            "Pastikan folder data bisa ditulisi (atau atur KARIERSOSIAL_HOME), lalu mulai lagi.",
        ),
        (
            UsageError("confirm_needs_terminal", number=7),
            "Menghapus hasil nomor 7 perlu konfirmasi, tapi masukan atau keluaran program ini "
            "bukan terminal.",
            "Tambahkan --yes untuk menghapus tanpa bertanya: `kariersosial history delete 7 "
            "--yes`.",
        ),
        (
            UsageError("confirm_needs_terminal", number=None),
            "Menghapus semua riwayat perlu konfirmasi, tapi masukan atau keluaran program ini "
            "bukan terminal.",
            "Tambahkan --yes untuk menghapus tanpa bertanya: `kariersosial history clear --yes`.",
        ),
        (
            UsageError("line_too_long", line=2, source="'k.csv'", limit=1024 * 1024),
            "Baris 2 'k.csv' lebih panjang dari 1.048.576 karakter; penilaian dihentikan.",
            "Periksa berkasnya: satu baris berisi satu responden.",
        ),
        (
            UsageError("responses_unreadable", path="f", reason="ini soket", special=True),
            "Berkas jawaban 'f' tidak bisa dipakai: ini soket.",
            "Sebutkan berkas CSV biasa, atau alirkan isinya lewat `kariersosial score -`.",
        ),
        (
            KarierError("nothing_scored", source="'k.csv'", skipped=False),
            "Berkas 'k.csv' belum berisi jawaban: hanya ada baris judul.",
            "Isi satu baris per responden di bawah baris judul.",
        ),
        (
            UsageError("format_unknown", format="xml", allowed=("csv", "json")),
            "Format 'xml' tidak dikenal. Pilih csv atau json.",
            "Contoh: --format csv",
        ),
    ],
)
def test_the_words_of_a_command_kind(error: KarierError, message: str, hint: str | None) -> None:
    said = words(error)
    assert (said.message, said.hint) == (message, hint)


def test_an_unsaved_quiz_whose_cause_lost_a_fact_still_reads_as_a_sentence() -> None:
    said = words(QuizInterrupted("quiz_stopped_unsaved", count=1, cause="write_failed"))
    assert said.message.startswith("Terjadi masalah yang tidak terduga")


REPORT_NAME = "Pilih nama lain untuk --report."


@pytest.mark.parametrize(
    ("error", "message", "hint"),
    [
        (
            UsageError("not_a_terminal"),
            "Kuis interaktif butuh terminal, tapi masukan atau keluaran program ini bukan "
            "terminal.",
            "Untuk menjawab dari berkas: `kariersosial quiz --answers jawaban.json` (atau `-` "
            "untuk jawaban yang dialirkan). Lihat ID pernyataan dengan `kariersosial questions`.",
        ),
        (
            UsageError("report_format_unknown", format="pdf"),
            "Format laporan 'pdf' tidak dikenal.",
            "Pilih salah satu: md, html, atau json.",
        ),
        (
            UsageError("report_format_unguessable", output="hasil.txt"),
            "Format laporan untuk 'hasil.txt' tidak bisa ditebak dari nama berkasnya.",
            "Pakai akhiran .md, .html, atau .json, atau sebutkan --format md|html|json.",
        ),
        (
            UsageError("export_needs_file"),
            "--export butuh nama berkas; hasilnya sudah tampil di layar.",
            EXPORT,
        ),
        (
            QuizInterrupted("stopped_after_quiz", kept="/k/1.json"),
            "Dihentikan. Hasilmu tetap disimpan sementara di /k/1.json.",
            "Jalankan `kariersosial history` begitu riwayat bisa dipakai lagi; hasil itu akan "
            "masuk ke riwayat.",
        ),
        (
            QuizInterrupted("quiz_stopped", answered=5, count=5, where="/p.json"),
            "Kuis dihentikan. 5 jawabanmu sudah disimpan di /p.json.",
            RESUME,
        ),
        (
            UsageError("same_result_numbers", number=2),
            "Kedua nomor sama (2); tidak ada yang bisa dibandingkan.",
            "Sebutkan dua nomor yang berbeda, misalnya `kariersosial history compare 1 2`.",
        ),
        (
            UsageError("not_a_result_number", text="abc"),
            "'abc' bukan nomor hasil.",
            "Pakai nomor dari daftar `kariersosial history`, misalnya 1.",
        ),
        (
            UsageError("no_piped_answers"),
            "Belum ada jawaban yang dialirkan ke perintah ini.",
            "Contoh: kariersosial score - < jawaban.csv",
        ),
        (
            UsageError("answers_file_not_found", path="k.csv"),
            "Berkas jawaban 'k.csv' tidak ditemukan.",
            "Periksa nama dan foldernya.",
        ),
        (UsageError("answers_is_folder", path="d"), "'d' adalah folder, bukan berkas CSV.", None),
        (
            UsageError("responses_unreadable", path="f", reason="tidak diizinkan", special=False),
            "Berkas jawaban 'f' tidak bisa dipakai: tidak diizinkan.",
            None,
        ),
        (
            UsageError("excel_needs_csv"),
            "--excel hanya untuk hasil CSV, bukan JSON.",
            "Hapus --format json atau --excel.",
        ),
        (
            KarierError("nothing_scored", source="'k.csv'", skipped=True),
            "Tidak ada baris yang bisa dinilai dari 'k.csv'.",
            "Perbaiki baris yang dilaporkan di atas, lalu jalankan lagi.",
        ),
        (
            UsageError("force_needs_output"),
            "--force hanya berlaku bersama --output BERKAS.",
            "Contoh: --output hasil.csv",
        ),
        (
            UsageError("report_is_answers", report="k.csv"),
            "Berkas laporan 'k.csv' sama dengan berkas jawaban.",
            REPORT_NAME,
        ),
        (
            UsageError("report_is_output", report="h.csv"),
            "Berkas laporan 'h.csv' sama dengan berkas --output.",
            REPORT_NAME,
        ),
        (
            UsageError("report_not_html", report="kelas.pdf"),
            "Laporan kelas 'kelas.pdf' harus berakhiran .html: laporannya berupa halaman HTML.",
            "Contoh: --report kelas.html",
        ),
    ],
)
def test_the_words_of_the_other_command_kinds(
    error: KarierError, message: str, hint: str | None
) -> None:
    said = words(error)
    assert (said.message, said.hint) == (message, hint)


def test_an_error_keeps_its_exit_code_now_that_it_is_data() -> None:
    assert UsageError("not_a_terminal").exit_code == 2
    assert QuizInterrupted("quiz_stopped", answered=0, count=0, where=None).exit_code == 130
    assert KarierError("nothing_scored", source="x", skipped=True).exit_code == 1

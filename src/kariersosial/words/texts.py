"""Sentences shown in more than one place: on screen, in reports and in JSON."""

from collections.abc import Sequence

from kariersosial.core.models import mid_sentence

DISCLAIMER = (
    "Hasil ini untuk membantumu menjelajah pilihan karier, bukan untuk seleksi kerja. "
    "Bicarakan juga dengan guru BK atau orang yang bekerja di bidang ini."
)
QUOTE_NOTE = "Teks dalam tanda kutip dikutip apa adanya dari teks sumber peran."

# What the answers show, never what the person can do: a trait the answers lean towards.
MATCHES_HEADING = "Jawabanmu sejalan dengan ciri orang yang cocok"


SHOWN_TRAITS = 3  # traits listed under a role, on screen and on paper alike


def more_traits_text(total: int) -> str | None:
    """What is left out of a list cut at SHOWN_TRAITS, or None when nothing is."""
    rest = total - SHOWN_TRAITS
    return f"… dan {rest} ciri lain" if rest > 0 else None


def no_matches_text(fit: int) -> str:
    """No single trait stands out; for a role that fits, the fit comes from the whole pattern."""
    from kariersosial.core.fit import FITS_WELL  # not needed to draw a profile

    if fit >= FITS_WELL:
        return (
            "Kecocokan ini terlihat dari pola jawabanmu secara keseluruhan; belum ada satu ciri "
            "orang yang cocok untuk peran ini yang menonjol sendiri."
        )
    return (
        "Dari pernyataan yang kamu jawab, belum ada ciri orang yang cocok untuk peran ini yang "
        "terlihat jelas."
    )


# One pair of words for the source's "miskonsepsi" and "realita", everywhere a person reads them.
MYTH_HEADING = "Anggapan keliru yang perlu dibuang"
MYTH_LABEL = "Anggapan keliru:"
REALITY_LABEL = "Kenyataannya:"


def nothing_fits_text(best: int) -> str:
    return (
        f"Belum ada peran yang benar-benar cocok dengan jawabanmu (tertinggi {best} dari 100). "
        "Itu wajar: mungkin minatmu ada di bidang lain."
    )


def undecided_text(ranking: Sequence[tuple[str, int]], answered: int) -> str:
    """The same words on screen and in every report, from the shown (name, fit) ranking.

    The gap is that of the shown numbers; when they are equal, every role tied with them is
    named, not only the first two.
    """
    (first, first_fit), (second, second_fit) = ranking[0], ranking[1]
    gap = first_fit - second_fit
    if gap:
        return (
            f"Hasilnya belum tegas: {first} dan {second} berselisih {gap} poin, dan dari "
            f"{answered} jawabanmu selisih itu belum cukup besar untuk memastikan mana yang lebih "
            "cocok. Pertimbangkan keduanya."
        )
    tied = [name for name, fit in ranking if fit == first_fit]
    names = ", ".join(tied[:-1]) + f" dan {tied[-1]}"
    which = "keduanya" if len(tied) == 2 else f"{len(tied)} peran itu"
    return (
        f"Hasilnya belum tegas: {names} sama-sama bernilai {first_fit}, jadi dari {answered} "
        f"jawabanmu belum terlihat mana yang lebih cocok. Pertimbangkan {which}."
    )


def adjacent_heading(profession: str) -> str:
    """A similar profession the answers resemble."""
    return f"Jawabanmu juga mirip profesi {mid_sentence(profession)}"


def adjacent_lead(role: str, own: bool) -> str:
    """Which role's text draws the distinction quoted next: this role's, or another's."""
    if own:
        return "Bedanya, menurut teks peran ini:"
    return f"Perbedaannya dijelaskan di teks peran {role}, bukan di teks peran ini:"


# --- exporting a result the history could not keep (flows/export.py) ------------------------

EXPORT_HINT = (
    "Agar hasil ini tidak hilang, simpan sebagai berkas: jalankan lagi perintah yang sama "
    "ditambah `--export BERKAS` (misalnya `--export hasil.html`)."
)
EXPORT_QUESTION = "Simpan hasil ini sebagai berkas laporan?"
EXPORT_NAME_PROMPT = "Nama berkasnya (.html, .md, atau .json; kosongkan untuk batal):"
EXPORT_DEFAULT_NAME = "kariersosial-hasil.html"
EXPORT_NAME_NEEDS_SUFFIX = "Pakai akhiran .html, .md, atau .json."
EXPORT_NAME_TAKEN = "Berkas itu sudah ada; pilih nama lain."


def export_saved(path: object) -> str:
    return f"Laporan disimpan di {path}."


def not_saved_yet(problem: str) -> str:
    """The quiz goes on after a save failed (flows/session.py)."""
    return f"{problem} Kuis tetap berjalan, tapi jawabanmu belum tersimpan."


# --- what became of a finished result (flows/keep.py) ---------------------------------------


def saved_as(number: int) -> str:
    return (
        f"Hasil disimpan sebagai nomor {number}; lihat lagi dengan "
        f"`kariersosial history show {number}`."
    )


def not_kept(reason: str) -> str:
    return f"Hasilmu tidak disimpan ke riwayat: {reason}."


def kept_text(path: object) -> str:
    return (
        f"Hasilmu disimpan sementara di {path}; `kariersosial history` memasukkannya ke "
        "riwayat begitu riwayat bisa dipakai lagi."
    )


def moved_into_history(numbers: Sequence[int]) -> str:
    listed = ", ".join(str(n) for n in numbers)
    return (
        f"{len(numbers)} hasil yang sebelumnya belum tersimpan kini masuk riwayat (nomor {listed})."
    )

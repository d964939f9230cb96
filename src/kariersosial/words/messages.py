"""The words of every error: each kind and its facts become a message and a hint.

Code below the CLI raises `KarierError(kind, **facts)`; the one error edge
(`cli.common.user_errors`) and everything else that shows an error asks `words()`.
"""

from __future__ import annotations

from collections.abc import Callable

from kariersosial.core.errors import KarierError
from kariersosial.core.fit import FITS_WELL, NOTHING_FITS_BELOW, VERY_WELL
from kariersosial.core.scoring import Caution
from kariersosial.words.command_words import COMMAND_KINDS
from kariersosial.words.counsel_words import COUNSEL_KINDS
from kariersosial.words.facts import (
    Facts,
    Words,
)
from kariersosial.words.facts import (
    number as _number,
)
from kariersosial.words.facts import (
    optional_text as _optional_text,
)
from kariersosial.words.facts import (
    pairs as _pairs,
)
from kariersosial.words.facts import (
    roles as _roles,
)
from kariersosial.words.facts import (
    text as _text,
)
from kariersosial.words.facts import (
    texts as _texts,
)
from kariersosial.words.file_words import FILE_KINDS
from kariersosial.words.history_words import HISTORY_KINDS

_Render = Callable[[Facts], Words]


def _listed_roles(roles: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(f"  • {name} ({rid})" for name, rid in roles)


# --- what each kind says ----------------------------------------------------------------------


def _unknown_role(f: Facts) -> Words:
    return Words(
        f"Peran '{_text(f, 'query')}' tidak dikenal.",
        f"Peran yang paling mirip:\n{_listed_roles(_roles(f, 'suggestions'))}\n"
        "Lihat semua peran dengan `kariersosial roles`.",
    )


def _ambiguous_role(f: Facts) -> Words:
    found = _roles(f, "candidates")
    return Words(
        f"'{_text(f, 'query')}' cocok dengan lebih dari satu peran:\n{_listed_roles(found)}",
        f"Tulis lebih lengkap, misalnya `kariersosial show {found[0][1]}`.",
    )


def _same_roles(f: Facts) -> Words:
    return Words(
        f"Kedua peran yang kamu pilih sama: {_text(f, 'name')}. Pilih dua peran yang berbeda.",
        f"Contoh: `kariersosial compare {_text(f, 'role')} {_text(f, 'other')}`. "
        "Lihat semua peran dengan `kariersosial roles`.",
    )


def _answers_problems(f: Facts) -> Words:
    count, shown = _number(f, "count"), _texts(f, "shown")
    listed = "\n".join(f"  • {p}" for p in shown)
    if count > len(shown):  # a terminal cannot show 100,000 lines usefully
        listed += f"\n  … dan {count - len(shown)} masalah lain"
    return Words(
        f"Berkas jawaban {_text(f, 'source')} punya {count} masalah:\n{listed}",
        "Lihat ID pernyataan yang sah dengan `kariersosial questions`.",
    )


_ANSWERS_EXAMPLE = 'Contoh isi yang benar: {"p01": 4, "p02": null}'


def _answers_not_json(f: Facts) -> Words:
    line = f.get("line")
    where = f" (baris {line}, kolom {f.get('column')})" if line is not None else ""
    why = "" if line is not None else f": {_text(f, 'why')}"
    return Words(
        f"Berkas jawaban {_text(f, 'source')} bukan JSON yang sah{where}{why}.", _ANSWERS_EXAMPLE
    )


def _answers_not_object(f: Facts) -> Words:
    return Words(
        f"Berkas jawaban {_text(f, 'source')} harus berupa objek JSON (ID pernyataan → jawaban).",
        _ANSWERS_EXAMPLE,
    )


def _statement_column_twice(f: Facts) -> Words:
    return Words(
        f"Baris judul {_text(f, 'source')}: pernyataan {_text(f, 'qid')} punya lebih dari satu "
        f"kolom (kolom {_number(f, 'first')} dan {_number(f, 'again')}).",
        "Hapus atau ganti judul salah satunya; tiap pernyataan cukup satu kolom.",
    )


def _header_hint(f: Facts) -> str:
    first, example = _texts(f, "first_ids"), _text(f, "example")
    return (
        "Baris pertama harus berisi kolom nama (berjudul nama, name, atau id) lalu satu kolom "
        f"per pernyataan, berjudul ID-nya ({', '.join(first)}, …) atau diawali ID-nya (misalnya "
        f"'{first[0] if first else 'p01'} {example} …'). Buat templatnya dengan "
        "`kariersosial form --format csv`."
    )


def _responses_empty(f: Facts) -> Words:
    return Words(
        f"Berkas {_text(f, 'source')} kosong: tidak ada baris judul maupun jawaban.",
        _header_hint(f),
    )


def _header_unclosed_quote(f: Facts) -> Words:
    return Words(
        f'Baris judul {_text(f, "source")} tidak bisa dibaca: ada tanda kutip (") yang tidak '
        "ditutup.",
        _header_hint(f),
    )


def _no_statement_columns(f: Facts) -> Words:
    titles = _text(f, "titles")
    listed = f" Judul kolom yang ada: {titles}." if titles else ""
    return Words(
        f"Baris judul {_text(f, 'source')} tidak punya kolom pernyataan.{listed}", _header_hint(f)
    )


def _catalog_unusable(f: Facts) -> Words:
    hint = "Perbaiki berkas itu, atau periksa semua masalahnya dengan `kariersosial validate`."
    env = _optional_text(f, "env")
    if env:
        hint += f" Katalog ini dipilih lewat variabel {env}."
    return Words(_catalog_problems(f), hint)


def _bundled_catalog_broken(f: Facts) -> Words:
    return Words(_catalog_problems(f), "Katalog bawaan rusak; pasang ulang kariersosial.")


def _catalog_problems(f: Facts) -> str:
    source = _text(f, "source")
    return "\n".join(f"{source}: {p}" for p in _texts(f, "problems"))


def _no_such_result(f: Facts) -> Words:
    return Words(
        f"Tidak ada hasil nomor {_text(f, 'number')} di riwayat.",
        "Lihat nomor yang ada dengan `kariersosial history`.",
    )


def _damaged_record(f: Facts) -> Words:
    number, problems = _number(f, "number"), _texts(f, "problems")
    shown = "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
    return Words(
        f"Catatan riwayat nomor {number} rusak ({shown}).",
        f"Hapus catatan itu dengan `kariersosial history delete {number}`; hasil lain di "
        "riwayat tidak terpengaruh.",
    )


def _quiz_stopped_unsaved(f: Facts) -> Words:
    """`cause`, `cause_facts`: the error that kept the progress from being saved."""
    cause = _words_of(_text(f, "cause"), dict(_pairs(f, "cause_facts")))
    return Words(
        f"Kuis dihentikan. {_number(f, 'count')} jawabanmu tidak bisa disimpan: {cause.message}",
        "Pastikan folder data bisa ditulisi (atau atur KARIERSOSIAL_HOME), lalu mulai lagi.",
    )


_KINDS: dict[str, _Render] = {
    "unknown_role": _unknown_role,
    "ambiguous_role": _ambiguous_role,
    "same_roles": _same_roles,
    "answers_problems": _answers_problems,
    "answers_not_json": _answers_not_json,
    "answers_not_object": _answers_not_object,
    "statement_column_twice": _statement_column_twice,
    "responses_empty": _responses_empty,
    "header_unclosed_quote": _header_unclosed_quote,
    "no_statement_columns": _no_statement_columns,
    "catalog_unusable": _catalog_unusable,
    "bundled_catalog_broken": _bundled_catalog_broken,
    "no_such_result": _no_such_result,
    "damaged_record": _damaged_record,
    "quiz_stopped_unsaved": _quiz_stopped_unsaved,
    **FILE_KINDS,
    **HISTORY_KINDS,
    **COMMAND_KINDS,
    **COUNSEL_KINDS,
}


def known_kinds() -> frozenset[str]:
    return frozenset(_KINDS)


def words(error: KarierError) -> Words:
    """The message and hint for `error`; an unknown kind or missing fact still reads sensibly."""
    return _words_of(error.kind, error.facts)


def _words_of(kind: str, facts: Facts) -> Words:
    render = _KINDS.get(kind)
    if render is not None:
        try:
            return render(facts)
        except (KeyError, TypeError, IndexError):  # a raise site that left a fact out
            pass
    return Words(
        f"Terjadi masalah yang tidak terduga ({kind}).",
        "Coba lagi; kalau masalahnya tetap ada, laporkan pesan ini.",
    )


# --- cautions about a result ------------------------------------------------------------------


def caution_text(caution: Caution) -> str:
    """The same sentence on screen, in every report and in the JSON."""
    count, total = caution.count, caution.total
    if caution.kind == "straight_lining":
        how_many = "Semua" if count == total else "Hampir semua"
        return (
            f"{how_many} jawabanmu sama ({count} dari {total} jawaban bernilai "
            f"{caution.value}). Hasil ini mungkin tidak menggambarkan dirimu; coba jawab lagi "
            "dengan membaca tiap pernyataan."
        )
    if caution.kind == "agrees_with_all":
        return (
            f"Kamu setuju dengan hampir semua pernyataan ({count} dari {total}). "
            "Kecocokan yang tinggi bisa datang dari kebiasaan setuju, bukan dari minatmu; "
            "lihat peran mana yang tetap unggul, dan coba jawab lagi dengan lebih memilah."
        )
    if caution.kind == "many_skips":
        return (
            f"Kamu melewati {count} dari {total} pernyataan, jadi hasilnya kurang kuat. "
            "Jawab lebih banyak pernyataan agar hasilnya lebih bisa dipercaya."
        )
    pairs = "sepasang pernyataan" if count == 1 else f"{count} pasang pernyataan"
    return (
        f"Kamu setuju dengan {pairs} yang maksudnya berlawanan. Baca lagi "
        "pernyataan itu dan periksa jawabanmu."
    )


def fit_label(fit: float) -> str:
    """Words for a fit; below NOTHING_FITS_BELOW it never says "cocok" without "kurang"."""
    if fit >= VERY_WELL:
        return "sangat cocok"
    if fit >= FITS_WELL:
        return "cocok"
    if fit >= NOTHING_FITS_BELOW:
        return "cukup cocok"
    return "kurang cocok"

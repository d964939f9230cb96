"""Batch scoring without the CLI: header reading, row problems, the lean ranking, streaming."""

from __future__ import annotations

import csv
import gc
import io
import json
import random
import tracemalloc
from collections.abc import Iterator

import pytest

from kariersosial.core.errors import EXIT_USAGE, UsageError
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import MIN_ANSWERED, Scorer
from kariersosial.io.batch import Problem, Respondent, Responses, statement_id
from kariersosial.io.batch_output import LISTED_PROBLEMS, Summary, score_responses
from kariersosial.words.messages import fit_label, words


@pytest.fixture(scope="module")
def ids(catalog: Catalog) -> list[str]:
    return [q.id for q in catalog.questions]


@pytest.fixture(scope="module")
def scorer(catalog: Catalog) -> Scorer:
    return Scorer(catalog)


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def answers_row(ids: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    return [str(rng.randint(1, 5)) for _ in ids]


def items(catalog: Catalog, text: str) -> list[Respondent | Problem]:
    return list(Responses(catalog, io.StringIO(text, newline=""), "'uji.csv'"))


# --- the header -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("p01", "p01"),
        ("P01", "p01"),
        ("  p07  ", "p07"),
        ("p01 Saya senang mencari tahu …", "p01"),
        ("p01. Saya senang", "p01"),
        ("p01: Saya senang", "p01"),
        ("\ufeffp01", "p01"),
        ("Seberapa setuju kamu? [p12 Saya suka …]", "p12"),
        ("Seberapa setuju kamu? [P12]", "p12"),
        ("p1", None),
        ("p010", None),
        ("p01x", None),
        ("nama", None),
        ("Timestamp", None),
        ("", None),
        ("Pertanyaan p01", None),
    ],
)
def test_statement_columns_by_id_or_by_a_title_that_starts_with_it(
    catalog: Catalog, title: str, expected: str | None
) -> None:
    known = {q.id.casefold(): q.id for q in catalog.questions}
    assert statement_id(title, known) == expected


@pytest.mark.parametrize(
    ("header", "name_column"),
    [
        (["nama", "p01"], 0),
        (["Timestamp", "Nama", "p01"], 1),
        (["Stempel waktu", "NAME", "p01"], 1),
        (["p01", "kelas", "ID"], 2),
        (["Timestamp", "Nama lengkap", "p01"], 1),
        (["ID", "Nama", "p01"], 1),  # a name reads better than a student number
        (["id", "Nama siswa", "p01"], 1),
        (["Siswa", "p01"], 0),  # no name title: the first column
        (["p01", "p02"], None),  # the first column is a statement: no names
    ],
)
def test_the_name_column(catalog: Catalog, header: list[str], name_column: int | None) -> None:
    responses = Responses(catalog, [csv_text([header])], "'uji.csv'")
    assert responses.layout.name_column == name_column


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_separator_is_read_from_the_header(
    catalog: Catalog, ids: list[str], delimiter: str
) -> None:
    titles = [f"{q.id} {q.text}" for q in catalog.questions]  # the texts contain commas
    text = csv_text([["nama", *titles], ["Ani", *answers_row(ids, 1)]], delimiter)
    responses = Responses(catalog, io.StringIO(text, newline=""), "'uji.csv'")
    assert responses.layout.delimiter == delimiter
    assert [qid for _, qid in responses.layout.statements] == ids
    (only,) = list(responses)
    assert isinstance(only, Respondent) and only.name == "Ani"


def test_a_header_without_statement_columns_is_a_usage_error(catalog: Catalog) -> None:
    with pytest.raises(UsageError) as caught:
        Responses(catalog, ["Timestamp,Nama,Kelas\n", "x,Ani,XI\n"], "'uji.csv'")
    error = caught.value
    assert error.exit_code == EXIT_USAGE
    assert words(error).message == (
        "Baris judul 'uji.csv' tidak punya kolom pernyataan. "
        "Judul kolom yang ada: Timestamp, Nama, Kelas."
    )
    assert words(error).hint is not None
    assert "p01" in words(error).hint and "kariersosial form --format csv" in words(error).hint


@pytest.mark.parametrize("text", ["", "\n", "  \n\n"])
def test_an_empty_file_is_a_usage_error(catalog: Catalog, text: str) -> None:
    with pytest.raises(UsageError) as caught:
        Responses(catalog, io.StringIO(text), "'kosong.csv'")
    assert words(caught.value).message == (
        "Berkas 'kosong.csv' kosong: tidak ada baris judul maupun jawaban."
    )


def test_a_statement_with_two_columns_is_a_usage_error(catalog: Catalog) -> None:
    with pytest.raises(UsageError) as caught:
        Responses(catalog, ["nama,p01,p02,p01 lagi\n"], "'uji.csv'")
    assert words(caught.value).message == (
        "Baris judul 'uji.csv': pernyataan p01 punya lebih dari satu kolom (kolom 2 dan 4)."
    )


def test_a_title_with_a_line_break_is_read_whole(catalog: Catalog) -> None:
    text = 'nama,"p01 Saya\nsenang …",p02\nAni,4,5\n'
    responses = Responses(catalog, io.StringIO(text, newline=""), "'uji.csv'")
    assert responses.layout.statements == ((1, "p01"), (2, "p02"))


def test_a_header_quote_that_is_never_closed_is_a_usage_error(
    catalog: Catalog, ids: list[str]
) -> None:
    row = "Ani," + ",".join("3" for _ in ids) + "\n"
    text = 'nama,"p01,' + ",".join(ids[1:]) + "\n" + row * 5_000
    with pytest.raises(UsageError) as caught:
        Responses(catalog, io.StringIO(text, newline=""), "'uji.csv'")
    assert words(caught.value).message == (
        "Baris judul 'uji.csv' tidak bisa dibaca: ada tanda kutip (\") yang tidak ditutup."
    )


def test_statements_without_a_column_are_listed_as_missing(catalog: Catalog) -> None:
    responses = Responses(catalog, ["nama,p01,p03\n"], "'uji.csv'")
    assert responses.missing == tuple(q.id for q in catalog.questions if q.id not in {"p01", "p03"})
    assert responses.layout.ignored == ()


# --- rows -----------------------------------------------------------------------------------


def test_rows_are_scored_like_the_quiz_scores_them(
    catalog: Catalog, ids: list[str], scorer: Scorer
) -> None:
    rows = [answers_row(ids, seed) for seed in range(30)]
    text = csv_text([["nama", *ids], *([f"orang {i}", *r] for i, r in enumerate(rows))])
    found = items(catalog, text)
    assert [x.line for x in found] == list(range(2, 32))
    for person, row in zip(found, rows, strict=True):
        assert isinstance(person, Respondent)
        full = scorer.score(dict(zip(ids, map(int, row), strict=True)))
        assert [(r.id, v) for r, v in person.ranking.fits] == [
            (f.role.id, f.fit) for f in full.ranking
        ]
        assert person.ranking.decisive == full.decisive


def test_labels_numbers_and_blanks_mix(catalog: Catalog, ids: list[str], scorer: Scorer) -> None:
    labels = ["sangat TIDAK setuju", "Tidak setuju", " ragu-ragu ", "SETUJU", "Sangat setuju"]
    row = [labels[i % 5] if i % 2 else str(1 + i % 5) for i in range(len(ids))]
    row[0] = ""
    (person,) = items(catalog, csv_text([["nama", *ids], ["Ani", *row]]))
    assert isinstance(person, Respondent)
    expected = {qid: 1 + i % 5 for i, qid in enumerate(ids)}
    expected[ids[0]] = None  # type: ignore[assignment]
    full = scorer.score(expected)
    assert person.ranking.fits[0][1] == full.ranking[0].fit
    assert (person.ranking.answered, person.ranking.skipped) == (len(ids) - 1, 1)


def test_bad_rows_say_where_and_why_and_the_rest_go_on(catalog: Catalog, ids: list[str]) -> None:
    good = answers_row(ids, 3)
    invalid = list(good)
    invalid[1], invalid[4], invalid[5], invalid[6] = "7", "mungkin", "0", "x"
    few = [""] * len(ids)
    few[:3] = ["4", "4", "2"]
    text = csv_text(
        [
            ["nama", *ids],
            ["Ani", *good],
            ["Budi", "3", "4"],
            ["Citra", *invalid],
            ["", *[""] * len(ids)],  # an empty spreadsheet row: not counted at all
            ["Dewi", *[""] * len(ids)],
            ["Eko", *few],
            ["Fajar", *good],
        ]
    )
    found = items(catalog, text)
    problems = [(p.line, p.name, p.reason) for p in found if isinstance(p, Problem)]
    assert problems == [
        (3, "Budi", f"ada 3 kolom, padahal baris judul punya {len(ids) + 1} kolom"),
        (
            4,
            "Citra",
            "jawaban tidak sah: p02 '7', p05 'mungkin', p06 '0' dan 1 lagi "
            "(pakai 1-5 atau label seperti 'Setuju')",
        ),
        (6, "Dewi", "tidak ada jawaban yang bisa dinilai (semua kosong)"),
        (7, "Eko", f"jawaban terlalu sedikit: 3, minimal {MIN_ANSWERED}"),
    ]
    assert [(p.line, p.name) for p in found if isinstance(p, Respondent)] == [
        (2, "Ani"),
        (8, "Fajar"),
    ]


def test_a_row_the_csv_module_cannot_read_is_one_problem(catalog: Catalog, ids: list[str]) -> None:
    good = ["Ani", *answers_row(ids, 1)]
    text = csv_text([["nama", *ids], good, ["Budi", "x" * 200_000], good])
    found = items(catalog, text)
    assert [(type(x).__name__, x.line) for x in found] == [
        ("Respondent", 2),
        ("Problem", 3),
        ("Respondent", 4),
    ]
    problem = found[1]
    assert isinstance(problem, Problem)
    assert problem.reason == (
        f"ada sel yang terlalu panjang (lebih dari {csv.field_size_limit()} karakter)"
    )


def test_line_numbers_count_lines_not_records(catalog: Catalog, ids: list[str]) -> None:
    """A quoted name with a line break takes two lines of the file."""
    text = csv_text(
        [["nama", *ids], ["Ani\nXI IPS", *answers_row(ids, 1)], ["Budi", "1"], ["Citra", "1"]]
    )
    found = items(catalog, text)
    assert [x.line for x in found] == [2, 4, 5]


def test_results_stream_out_while_rows_are_still_being_read(
    catalog: Catalog, ids: list[str]
) -> None:
    sink = io.StringIO()
    rows = 200

    def lines() -> Iterator[str]:
        yield csv_text([["nama", *ids]])
        for n in range(rows):
            # by the time row n is read, row n-1 has been written out
            assert sink.getvalue().count("\n") >= n, "results are held back"
            yield csv_text([[f"orang {n}", *answers_row(ids, n)]])

    summary = score_responses(Responses(catalog, lines(), "'uji.csv'"), sink, "csv")
    assert summary.scored == rows


def json_peak(catalog: Catalog, ids: list[str], rows: int) -> tuple[int, int]:
    """(peak bytes traced, characters written) for `rows` rows scored to JSON.

    The rows answer only a few statements: tracemalloc slows every allocation down, and what
    is measured here is what is kept between rows, not the work done for each.
    """
    used = ids[: MIN_ANSWERED + 2]
    row_text = [",".join(answers_row(used, seed)) for seed in range(50)]

    def lines() -> Iterator[str]:
        yield "nama," + ",".join(used) + "\n"
        for n in range(rows):
            yield f"orang-{n},{row_text[n % 50]}\n"

    class Counting:
        written = 0

        def write(self, text: str) -> int:
            self.written += len(text)
            return len(text)

    sink = Counting()
    responses = Responses(catalog, lines(), "'uji.csv'")
    gc.collect()  # earlier tests' garbage, and its finalizers, are not this test's memory
    tracemalloc.start()
    try:
        summary = score_responses(responses, sink, "json")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary.scored == rows
    return peak, sink.written


@pytest.mark.slow
def test_json_output_streams_in_constant_memory(catalog: Catalog, ids: list[str]) -> None:
    json_peak(catalog, ids, 50)  # warm up: first-use caches are not what is measured
    small_peak, _ = json_peak(catalog, ids, 1_000)
    peak, written = json_peak(catalog, ids, 10_000)
    # Kept in a list, 10,000 results would take at least as many bytes as their JSON text
    # (about 600 characters each); streamed, memory does not grow with the rows.
    assert written > 5_000_000
    assert peak < written / 20, (small_peak, peak, written)
    assert peak < small_peak + 100_000, (small_peak, peak)


def test_json_output_is_one_document_with_a_summary_that_adds_up(
    catalog: Catalog, ids: list[str]
) -> None:
    text = csv_text(
        [["id", *ids], *([f"s{n}", *answers_row(ids, n)] for n in range(40)), ["x", "1"]]
    )
    out = io.StringIO()
    summary = score_responses(Responses(catalog, io.StringIO(text), "'uji.csv'"), out, "json")
    data = json.loads(out.getvalue())
    assert data["catalog_version"] == catalog.version
    assert len(data["respondents"]) == 40 == summary.scored
    first = data["respondents"][0]
    assert set(first) == {
        "line",
        "name",
        "top",
        "ranking",
        "decisive",
        "nothing_fits",
        "cautions",
        "answered",
        "skipped",
    }
    assert first["line"] == 2 and first["name"] == "s0"
    ranking = first["ranking"]
    assert [f["rank"] for f in ranking] == list(range(1, len(catalog.roles) + 1))
    assert {f["role"]["id"] for f in ranking} == {r.id for r in catalog.roles}
    assert all(f["role"]["name"] == catalog.role(f["role"]["id"]).name for f in ranking)
    assert [f["fit"] for f in ranking] == sorted((f["fit"] for f in ranking), reverse=True)
    assert all(type(f["fit"]) is int and f["label"] == fit_label(f["fit"]) for f in ranking)
    assert first["top"] == {k: v for k, v in ranking[0].items() if k != "rank"}
    cautions = [c for p in data["respondents"] for c in p["cautions"]]
    assert cautions and all(set(c) == {"kind", "message"} and c["message"] for c in cautions)
    totals = data["totals"]
    assert (totals["scored"], totals["skipped"]) == (40, 1)
    # every respondent counted once: under a top role, or as "nothing fits well"
    assert sum(r["first"] for r in totals["roles"]) + totals["nothing_fits_count"] == 40
    assert totals["nothing_fits_count"] == sum(p["nothing_fits"] for p in data["respondents"])
    shares = sum(r["share"] for r in totals["roles"])
    assert shares == pytest.approx(1.0 - totals["nothing_fits_count"] / 40, abs=1e-3)
    tops = [p["top"]["role"]["id"] for p in data["respondents"] if not p["nothing_fits"]]
    assert {r["id"]: r["first"] for r in totals["roles"]} == {
        r.id: tops.count(r.id) for r in catalog.roles
    }
    assert totals["problems"] == [
        {"line": 42, "reason": f"ada 2 kolom, padahal baris judul punya {len(ids) + 1} kolom"}
    ]


def test_json_with_no_respondents_is_still_valid(catalog: Catalog, ids: list[str]) -> None:
    out = io.StringIO()
    score_responses(Responses(catalog, ["nama," + ",".join(ids) + "\n"], "'u'"), out, "json")
    data = json.loads(out.getvalue())
    assert data["respondents"] == [] and data["totals"]["scored"] == 0


def test_the_summary_keeps_only_the_first_problems(catalog: Catalog) -> None:
    summary = Summary(tuple((r.id, r.name) for r in catalog.roles))
    for line in range(2, 2 + LISTED_PROBLEMS + 15):
        summary.add(Problem(line, None, "rusak"))
    assert summary.skipped == LISTED_PROBLEMS + 15
    assert len(summary.problems) == LISTED_PROBLEMS
    assert summary.unlisted == 15


def test_csv_output_guards_names_a_spreadsheet_would_run(catalog: Catalog, ids: list[str]) -> None:
    text = csv_text([["nama", *ids], ["=HYPERLINK(1)", *answers_row(ids, 1)]])
    out = io.StringIO()
    score_responses(Responses(catalog, io.StringIO(text), "'u'"), out, "csv")
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[1][1] == "'=HYPERLINK(1)"


# --- the lean ranking -----------------------------------------------------------------------


def test_rank_agrees_with_score(catalog: Catalog, ids: list[str], scorer: Scorer) -> None:
    rng = random.Random(11)
    choices: list[int | None] = [1, 2, 3, 4, 5, None]
    for n in range(400):
        answers = {qid: rng.choice(choices) for qid in ids if rng.random() < 0.2 + n / 500}
        if n % 50 == 0:
            answers = dict.fromkeys(ids, 4)  # straight lining
        full = scorer.score(answers)
        lean = scorer.rank(answers)
        assert lean.status == full.status
        assert [(r.id, v) for r, v in lean.fits] == [(f.role.id, f.fit) for f in full.ranking]
        assert (lean.answered, lean.skipped) == (full.answered, full.skipped)
        assert (lean.decisive, lean.nothing_fits) == (full.decisive, full.nothing_fits)
        assert lean.cautions == full.cautions

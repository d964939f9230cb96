"""A custom catalogue is hostile input too: its text is shown as written on screen, in history,
in spreadsheets and in reports, and text that cannot be shown at all is refused when it loads.

The hostile catalogues are the bundled one with hostile text put into every free-text field a
person reads (role names, summaries, trait labels, statements, dimension and profession names).
"""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from conftest import WriteCatalog
from helpers import answers_file, ok
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog

Raw = dict[str, Any]
MARKUP = "[/oops] [bold]tebal[/bold] :smile:"  # rich markup and an emoji code
FORMULA = '=HYPERLINK("http://x","klik")'
# Markdown structure and raw HTML after a newline, as a careless or hostile editor may write
MARKDOWN = "\n# Judul palsu <b>tebal</b> <img src=x onerror=alert(1)> | pipa `kode` *miring* &amp;"
LINE_STARTS = ["1. satu", "- dua", "---", "> kutip", "+ tiga", "# empat", "=== lima"]
HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "dl", "dt"}
HTML_TAGS |= {"dd", "p", "strong", "table", "thead", "tbody", "tr", "th", "td", "span", "section"}
HTML_TAGS |= {"ul", "li", "br", "q"}
HTML_TAGS |= {"figure", "figcaption", "svg", "title", "desc", "rect", "line", "text"}  # charts


def scores_file(tmp_path: Path, catalog: Catalog) -> Path:
    ids = [q.id for q in catalog.questions]
    rows = ["nama," + ",".join(ids)]
    rows += [
        f"Siswa {n}," + ",".join(str((i * n) % 5 + 1) for i in range(len(ids))) for n in (1, 2)
    ]
    path = tmp_path / "kelas.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def hostile(raw: Raw, text: str, version: str = "bermusuhan-1") -> Raw:
    """`text` in every free-text field a person reads; the catalogue's own version."""
    raw["version"] = version
    for role in raw["roles"]:
        role["name"] = f"{text} {role['name']}"
        role["summary"] = f"{text} {role['summary']}"
        for trait in role["traits"]:
            trait["label"] = f"{text} {trait['label']}"
    for question in raw["questions"]:
        question["text"] = f"{text} {question['text']}"
    for dimension in raw["dimensions"]:
        dimension["name"] = f"{text} {dimension['name']}"
    for profession in raw["professions"]:
        profession["name"] = f"{text} {profession['name']}"
    return raw


# --- rich markup is shown as written ------------------------------------------------------------


@pytest.fixture
def markup_catalog(raw_catalog: Raw, write_catalog: WriteCatalog) -> Path:
    return write_catalog(hostile(raw_catalog, MARKUP))


@pytest.mark.parametrize(
    "args",
    [
        ["roles"],
        ["show", "koordinator-layanan-sosial"],
        ["compare", "koordinator-layanan-sosial", "manajer-kebijakan-sosial"],
        ["questions"],
    ],
)
def test_markup_in_the_catalogue_is_shown_literally(
    runner: CliRunner, markup_catalog: Path, args: list[str]
) -> None:
    result = ok(runner.invoke(app, ["--data", str(markup_catalog), *args]))
    assert MARKUP in " ".join(result.stdout.split())


def test_markup_in_a_role_name_does_not_break_the_quiz_result(
    runner: CliRunner, markup_catalog: Path, tmp_path: Path, catalog: Catalog
) -> None:
    answers = answers_file(tmp_path, catalog)
    result = ok(runner.invoke(app, ["--data", str(markup_catalog), "quiz", "--answers", answers]))
    flat = " ".join(result.stdout.split())
    assert f"1. {MARKUP} " in flat  # the ranking
    assert f"• {MARKUP} " in flat  # the trait labels of the explanation


def test_markup_in_a_role_name_does_not_break_the_score_summary(
    runner: CliRunner, markup_catalog: Path, tmp_path: Path, catalog: Catalog
) -> None:
    scores = scores_file(tmp_path, catalog)
    out = tmp_path / "hasil.csv"
    result = ok(
        runner.invoke(app, ["--data", str(markup_catalog), "score", str(scores), "-o", out])
    )
    assert f"{MARKUP} Koordinator Layanan Sosial" in " ".join(result.stdout.split())


def test_a_saved_row_with_markup_never_breaks_the_history(
    runner: CliRunner, markup_catalog: Path, tmp_path: Path, catalog: Catalog
) -> None:
    answers = answers_file(tmp_path, catalog)
    ok(runner.invoke(app, ["--data", str(markup_catalog), "quiz", "--answers", answers]))
    listing = ok(runner.invoke(app, ["history"]))  # the bundled catalogue, as on every start
    assert MARKUP in " ".join(listing.stdout.split())
    # another catalogue version: the stored ranking, names as they were saved
    shown = ok(runner.invoke(app, ["history", "show", "1"]))
    assert "Peringkat kecocokan yang tersimpan" in shown.stdout
    assert MARKUP in " ".join(shown.stdout.split())


# --- text that cannot be shown is refused when the catalogue loads ------------------------------


def with_text(raw: Raw, write_catalog: WriteCatalog, role_name: str, statement: str) -> Path:
    raw["roles"][0]["name"] = role_name
    raw["questions"][1]["text"] = statement
    # \u escapes: a lone surrogate cannot be written as UTF-8, only named in the JSON
    return write_catalog(json.dumps(raw, ensure_ascii=True))


@pytest.fixture
def unshowable_catalog(raw_catalog: Raw, write_catalog: WriteCatalog) -> Path:
    return with_text(raw_catalog, write_catalog, "Peran \udc80 aneh", "Saya \x1b[2J senang.")


UNSHOWABLE_PROBLEMS = [
    "roles[0].name: berisi karakter yang tidak bisa ditampilkan (U+DC80); hapus itu",
    "questions[1].text: berisi karakter yang tidak bisa ditampilkan (U+001B); hapus itu",
]


def test_validate_names_every_unshowable_character_with_its_path(
    runner: CliRunner, unshowable_catalog: Path
) -> None:
    result = runner.invoke(app, ["validate", str(unshowable_catalog), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["problems"] == UNSHOWABLE_PROBLEMS


@pytest.mark.parametrize(
    "args", [["roles"], ["show", "koordinator-layanan-sosial"], ["quiz", "--answers", "-"]]
)
def test_a_catalogue_with_a_lone_surrogate_is_refused_not_crashed_on(
    runner: CliRunner, unshowable_catalog: Path, args: list[str]
) -> None:
    result = runner.invoke(app, ["--data", str(unshowable_catalog), *args], input="p01=4\n")
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    flat = " ".join(result.stderr.split())
    for problem in UNSHOWABLE_PROBLEMS:
        assert f"{unshowable_catalog}: {problem}" in flat


def test_newlines_and_tabs_stay_allowed(
    runner: CliRunner, raw_catalog: Raw, write_catalog: WriteCatalog
) -> None:
    path = with_text(raw_catalog, write_catalog, "Peran\tdengan tab", "Saya\nsenang.")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


# --- spreadsheet cells never run as formulas ------------------------------------------------------


def test_a_role_name_that_is_a_formula_stays_text_in_score_csv(
    runner: CliRunner,
    raw_catalog: Raw,
    write_catalog: WriteCatalog,
    tmp_path: Path,
    catalog: Catalog,
) -> None:
    for role, start in zip(raw_catalog["roles"], ["=", "+", "-", "@", "\t"], strict=True):
        role["name"] = f"{start}{FORMULA[1:]} {role['id']}"
    path = write_catalog(raw_catalog)
    out = tmp_path / "hasil.csv"
    ok(
        runner.invoke(
            app, ["--data", str(path), "score", str(scores_file(tmp_path, catalog)), "-o", out]
        )
    )
    with out.open(encoding="utf-8-sig", newline="") as written:
        rows = list(csv.DictReader(written))
    assert len(rows) == 2
    for row in rows:
        assert row["nama_peran_teratas"].startswith("'")
        assert row["nama_peran_teratas"][1:].endswith(row["peran_teratas"])
        risky = [v for v in row.values() if v.startswith(("=", "+", "@", "\t", "\r"))]
        assert risky == []


def test_numbers_are_not_taken_for_formulas() -> None:
    from kariersosial.io.escaping import spreadsheet_cell

    assert spreadsheet_cell("-3") == "-3"
    assert spreadsheet_cell("-3+cmd|' /C calc'!A0") == "'-3+cmd|' /C calc'!A0"
    assert spreadsheet_cell(42) == 42


# --- Markdown and HTML reports keep their structure ----------------------------------------------


def md_tokens(text: str) -> list[Token]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return tokens + [child for t in tokens for child in (t.children or [])]


def count(tokens: list[Token], kind: str, tag: str | None = None) -> int:
    return sum(t.type == kind and (tag is None or t.tag == tag) for t in tokens)


def raw_html(tokens: list[Token]) -> list[str]:
    return [t.content for t in tokens if t.type in ("html_block", "html_inline")]


@pytest.fixture
def markdown_catalog(raw_catalog: Raw, write_catalog: WriteCatalog) -> Path:
    raw = hostile(raw_catalog, MARKDOWN)
    for role in raw["roles"]:
        for trait, start in zip(role["traits"], LINE_STARTS * 10, strict=False):
            trait["label"] = f"{start} {trait['label']}"
    return write_catalog(raw)


def saved_report(
    runner: CliRunner, catalog_file: Path, tmp_path: Path, catalog: Catalog, fmt: str
) -> str:
    answers = answers_file(tmp_path, catalog)
    ok(runner.invoke(app, ["--data", str(catalog_file), "quiz", "--answers", answers]))
    exported = runner.invoke(
        app, ["--data", str(catalog_file), "export", "1", "-f", fmt, "-o", "-"]
    )
    return ok(exported).stdout


def test_catalogue_text_cannot_add_headings_or_html_to_a_markdown_report(
    runner: CliRunner, markdown_catalog: Path, tmp_path: Path, catalog: Catalog
) -> None:
    text = saved_report(runner, markdown_catalog, tmp_path, catalog, "md")
    tokens = md_tokens(text)
    assert count(tokens, "heading_open", "h1") == 1
    assert raw_html(tokens) == []
    assert count(tokens, "hr") == 1  # the rule above the disclaimer, none from a "---" label
    assert count(tokens, "ordered_list_open") == 0 and count(tokens, "blockquote_open") == 0
    assert count(tokens, "bullet_list_open") == count(tokens, "bullet_list_close")
    nested = [t for t in tokens if t.type == "bullet_list_open" and t.level > 0]
    assert nested == []
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert all("Judul palsu" not in h or h.startswith(("1.", "2.")) for h in headings)
    inline = " ".join(t.content for t in tokens if t.type == "text")
    assert "# Judul palsu <b>tebal</b> <img src=x onerror=alert(1)> | pipa" in inline
    assert "&amp;" in inline  # shown as typed, not turned into &
    rows = [t for t in tokens if t.type == "tr_open"]
    cells = [t for t in tokens if t.type in ("td_open", "th_open")]
    # every row kept its cells: ranking (5 columns), interest per dimension (3), answers (3)
    areas = len(catalog.dimensions) + 1
    assert len(cells) == 5 * 6 + 3 * areas + 3 * (len(catalog.questions) + 1)
    assert len(rows) == 6 + areas + len(catalog.questions) + 1


def test_catalogue_text_cannot_break_the_printed_form(
    runner: CliRunner, markdown_catalog: Path, catalog: Catalog
) -> None:
    text = ok(
        runner.invoke(app, ["--data", str(markdown_catalog), "form", "--format", "md"])
    ).stdout
    tokens = md_tokens(text)
    assert count(tokens, "heading_open", "h1") == 1
    assert raw_html(tokens) == []
    body_rows = count(tokens, "tr_open") - count(tokens, "thead_open")
    assert body_rows == 5 + len(catalog.questions)  # the scale's five rows, then the statements
    inline = " ".join(t.content for t in tokens if t.type == "text")
    assert "<img src=x onerror=alert(1)> | pipa `kode` *miring*" in inline


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_catalogue_text_is_html_escaped_in_an_html_report(
    runner: CliRunner, markdown_catalog: Path, tmp_path: Path, catalog: Catalog
) -> None:
    page = Tags()
    page.feed(saved_report(runner, markdown_catalog, tmp_path, catalog, "html"))
    assert page.tags <= HTML_TAGS  # no <b>, <img> or anything else from the catalogue
    text = " ".join(" ".join(page.text).split())
    assert "# Judul palsu <b>tebal</b> <img src=x onerror=alert(1)> | pipa" in text

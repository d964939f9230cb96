"""The bundled catalogue is faithful to the five source texts.

These checks read the raw JSON and the source files directly, independently of the validator,
so a validator bug cannot hide a catalogue that drifted from its sources.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kariersosial.core.models import Catalog

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
RAW: dict[str, Any] = json.loads((DATA_DIR / "roles.json").read_text(encoding="utf-8"))
ROLES: list[dict[str, Any]] = RAW["roles"]

# The table in the README of the original source texts: file -> role it describes.
README_TABLE = {
    "000_7c2b90770e10cd9e.txt": "Koordinator Kebijakan Sosial",
    "001_58f05136b0c624cb.txt": "Manajer Kebijakan Sosial",
    "002_fec0891387534bb1.txt": "Kepala Bagian Kebijakan Sosial",
    "003_50897c913649850a.txt": "Koordinator Layanan Sosial",
    "004_370fc1fb83b5a208.txt": "Pengelola Program Kesejahteraan Sosial",
}
# The similar professions the texts compare against ("perbedaan dengan profesi yang mirip").
SIMILAR_PROFESSIONS = {"manajer program sosial", "pekerja sosial", "ahli kebijakan publik"}

each_role = pytest.mark.parametrize("role", ROLES, ids=[r["id"] for r in ROLES])


def source_text(role: dict[str, Any]) -> str:
    return (DATA_DIR / role["source_file"]).read_text(encoding="utf-8")


def owner_of(sentence_id: str) -> dict[str, Any]:
    return next(r for r in ROLES if any(s["id"] == sentence_id for s in r["sentences"]))


def sentence_of(sentence_id: str) -> dict[str, Any]:
    return next(s for r in ROLES for s in r["sentences"] if s["id"] == sentence_id)


def role_quotes(role: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Every quote a role makes, with its JSON path."""
    for i, trait in enumerate(role["traits"]):
        yield f"{where}.traits[{i}].source", trait["source"]
    for i, weight in enumerate(role["weights"]):
        yield f"{where}.weights[{i}].source", weight["source"]
    for i, myth in enumerate(role["misconceptions"]):
        yield f"{where}.misconceptions[{i}].myth", myth["myth"]
        for j, quote in enumerate(myth["reality"]):
            yield f"{where}.misconceptions[{i}].reality[{j}]", quote
    for i, diff in enumerate(role["differences"]):
        for j, quote in enumerate(diff["quotes"]):
            yield f"{where}.differences[{i}].quotes[{j}]", quote


def all_quotes() -> Iterator[tuple[str, dict[str, str]]]:
    for i, role in enumerate(ROLES):
        yield from role_quotes(role, f"roles[{i}]")
    for i, prof in enumerate(RAW["professions"]):
        for j, weight in enumerate(prof["profile"]):
            yield f"professions[{i}].profile[{j}].source", weight["source"]
    for i, question in enumerate(RAW["questions"]):
        yield f"questions[{i}].source", question["source"]


def quoted_sentences(quotes: list[dict[str, str]]) -> set[str]:
    return {q["sentence"] for q in quotes}


# --- the catalogue as a whole ---------------------------------------------------------------


def test_bundled_catalogue_loads(catalog: Catalog) -> None:
    assert catalog.version == RAW["version"]
    assert [r.id for r in catalog.roles] == [r["id"] for r in ROLES]
    assert len(catalog.roles) == 5
    assert len(catalog.questions) == len(RAW["questions"]) > 0


def test_role_names_match_the_readme_table() -> None:
    by_file = {Path(r["source_file"]).name: r["name"] for r in ROLES}
    assert by_file == README_TABLE
    assert [r["source_file"] for r in ROLES] == [f"sources/{f}" for f in README_TABLE]


def test_every_source_file_is_used_by_exactly_one_role() -> None:
    on_disk = sorted(p.name for p in (DATA_DIR / "sources").glob("*.txt"))
    used = Counter(Path(r["source_file"]).name for r in ROLES)
    assert sorted(used) == on_disk
    assert set(used.values()) == {1}


@each_role
def test_source_file_is_one_paragraph_per_line(role: dict[str, Any]) -> None:
    text = source_text(role)
    assert not text.endswith("\n"), "source texts have no trailing newline"
    assert "\r" not in text
    assert all(p.strip() == p and p for p in text.split("\n")), "no blank or padded paragraphs"


@each_role
def test_sentences_reproduce_each_source_paragraph_exactly(role: dict[str, Any]) -> None:
    paragraphs = source_text(role).split("\n")
    numbers = {s["paragraph"] for s in role["sentences"]}
    assert numbers == set(range(1, len(paragraphs) + 1)), "every paragraph, and only those"
    for number, paragraph in enumerate(paragraphs, start=1):
        joined = " ".join(s["text"] for s in role["sentences"] if s["paragraph"] == number)
        assert joined == paragraph, f"{role['id']} paragraph {number}"


@each_role
def test_sentences_are_in_source_order_and_trimmed(role: dict[str, Any]) -> None:
    numbers = [s["paragraph"] for s in role["sentences"]]
    assert numbers == sorted(numbers)
    for s in role["sentences"]:
        assert s["text"] == s["text"].strip() != ""
    # Taken together, the sentences are the whole file: nothing dropped, nothing added.
    by_paragraph: dict[int, list[str]] = {}
    for s in role["sentences"]:
        by_paragraph.setdefault(s["paragraph"], []).append(s["text"])
    rebuilt = "\n".join(" ".join(by_paragraph[n]) for n in sorted(by_paragraph))
    assert rebuilt == source_text(role)


def test_ids_are_unique() -> None:
    def duplicates(ids: list[str]) -> list[str]:
        return [i for i, n in Counter(ids).items() if n > 1]

    assert duplicates([s["id"] for r in ROLES for s in r["sentences"]]) == []
    assert duplicates([t["id"] for r in ROLES for t in r["traits"]]) == []
    assert duplicates([r["id"] for r in ROLES]) == []
    assert duplicates([p["id"] for p in RAW["professions"]]) == []
    assert duplicates([d["id"] for d in RAW["dimensions"]]) == []


# --- quotes ---------------------------------------------------------------------------------


def test_every_quote_is_verbatim_in_its_sentence_and_in_the_source_file() -> None:
    problems = []
    count = 0
    for path, quote in all_quotes():
        count += 1
        text = quote["quote"]
        try:
            sentence = sentence_of(quote["sentence"])
        except StopIteration:
            problems.append(f"{path}: unknown sentence {quote['sentence']!r}")
            continue
        if not text.strip():
            problems.append(f"{path}: empty quote")
        if text not in sentence["text"]:
            problems.append(f"{path}: not in sentence {quote['sentence']}: {text!r}")
        if text not in source_text(owner_of(quote["sentence"])):
            problems.append(f"{path}: not in source file: {text!r}")
    assert problems == []
    assert count > 100  # the walk really covered the catalogue


@each_role
def test_role_quotes_come_from_the_role_itself(role: dict[str, Any]) -> None:
    own = {s["id"] for s in role["sentences"]}
    foreign = [path for path, q in role_quotes(role, role["id"]) if q["sentence"] not in own]
    assert foreign == []


def test_every_question_source_is_verbatim() -> None:
    for question in RAW["questions"]:
        quote = question["source"]
        sentence = sentence_of(quote["sentence"])
        assert quote["quote"] in sentence["text"], question["id"]
        assert quote["quote"] in source_text(owner_of(quote["sentence"])), question["id"]


# --- traits ---------------------------------------------------------------------------------


@each_role
@pytest.mark.parametrize("polarity", ["cocok", "tidak_cocok"])
def test_every_fit_sentence_yields_a_trait_of_its_polarity(
    role: dict[str, Any], polarity: str
) -> None:
    sentences = [s["id"] for s in role["sentences"] if s["section"] == polarity]
    assert sentences, f"{role['id']} has no {polarity} sentence"
    traits = [t for t in role["traits"] if t["polarity"] == polarity]
    for sid in sentences:
        assert any(t["source"]["sentence"] == sid for t in traits), f"{sid} yields no trait"


@each_role
def test_fit_sentences_never_yield_the_opposite_trait(role: dict[str, Any]) -> None:
    section = {s["id"]: s["section"] for s in role["sentences"]}
    for trait in role["traits"]:
        where = section[trait["source"]["sentence"]]
        if where in ("cocok", "tidak_cocok"):
            assert trait["polarity"] == where, trait["id"]


@each_role
def test_role_has_traits_of_both_polarities(role: dict[str, Any]) -> None:
    polarities = Counter(t["polarity"] for t in role["traits"])
    assert set(polarities) == {"cocok", "tidak_cocok"}


# --- misconceptions and differences ---------------------------------------------------------


@each_role
def test_every_misconception_and_reality_sentence_is_quoted(role: dict[str, Any]) -> None:
    wanted = {s["id"] for s in role["sentences"] if s["section"] in ("miskonsepsi", "realita")}
    assert wanted, f"{role['id']} has no misconception"
    quotes = [q for m in role["misconceptions"] for q in (m["myth"], *m["reality"])]
    assert wanted <= quoted_sentences(quotes)


@each_role
def test_misconceptions_pair_a_myth_with_a_different_reality(role: dict[str, Any]) -> None:
    section = {s["id"]: s["section"] for s in role["sentences"]}
    assert role["misconceptions"]
    for myth in role["misconceptions"]:
        assert section[myth["myth"]["sentence"]] == "miskonsepsi"
        assert myth["reality"]
        for reality in myth["reality"]:
            assert section[reality["sentence"]] in ("miskonsepsi", "realita")
            assert reality["quote"] != myth["myth"]["quote"]


@each_role
def test_every_difference_sentence_is_quoted_by_a_difference(role: dict[str, Any]) -> None:
    wanted = {s["id"] for s in role["sentences"] if s["section"] == "perbedaan"}
    assert wanted, f"{role['id']} has no difference"
    quotes = [q for d in role["differences"] for q in d["quotes"]]
    assert wanted <= quoted_sentences(quotes)
    section = {s["id"]: s["section"] for s in role["sentences"]}
    assert {section[q["sentence"]] for q in quotes} == {"perbedaan"}


def test_professions_are_the_similar_ones_the_texts_name() -> None:
    names = {p["name"].casefold() for p in RAW["professions"]}
    assert names == SIMILAR_PROFESSIONS


@each_role
def test_every_difference_names_a_known_profession_its_quotes_mention(
    role: dict[str, Any],
) -> None:
    professions = {p["id"]: p["name"] for p in RAW["professions"]}
    for diff in role["differences"]:
        assert diff["profession"] in professions
        said = " ".join(q["quote"] for q in diff["quotes"]).casefold()
        assert professions[diff["profession"]].casefold() in said, diff["profession"]


# --- weights --------------------------------------------------------------------------------


def _check_weights(weights: list[dict[str, Any]], where: str) -> None:
    dimensions = {d["id"] for d in RAW["dimensions"]}
    assert weights, f"{where} has no weights"
    seen = [w["dimension"] for w in weights]
    assert len(seen) == len(set(seen)), f"{where}: a dimension weighted twice"
    for w in weights:
        assert w["dimension"] in dimensions, where
        value = w["weight"]
        assert isinstance(value, int | float) and not isinstance(value, bool), where
        assert 0 < value <= 1, f"{where}: {w['dimension']} = {value}"
        assert w["source"]["sentence"] and w["source"]["quote"].strip(), where


@each_role
def test_role_weights_are_sourced_and_in_range(role: dict[str, Any]) -> None:
    _check_weights(role["weights"], role["id"])


def test_profession_profiles_are_sourced_and_in_range() -> None:
    for prof in RAW["professions"]:
        _check_weights(prof["profile"], prof["id"])


def test_every_dimension_is_used_by_some_role() -> None:
    used = {w["dimension"] for r in ROLES for w in r["weights"]}
    assert used == {d["id"] for d in RAW["dimensions"]}

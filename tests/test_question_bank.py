"""The question bank follows the spec's rules for statements, keys and sources."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kariersosial.core.models import Catalog
from kariersosial.io.answers import SCALE_LABELS, SKIP_LABEL

ROLES_JSON = Path(__file__).resolve().parents[1] / "data" / "roles.json"
RAW: dict[str, Any] = json.loads(ROLES_JSON.read_text(encoding="utf-8"))
QUESTIONS: list[dict[str, Any]] = RAW["questions"]

# Statements the bank phrases in the first person without opening with "Saya"; see the report.

ROLE_WORDS = (
    "koordinator",
    "manajer",
    "kepala bagian",
    "pengelola",
    "pekerja sosial",
    "ahli kebijakan",
)
NEGATIONS = ("tidak", "bukan", "jarang", "kurang", "tanpa", "belum", "jangan", "enggan")


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def by_question(marks: dict[str, pytest.MarkDecorator] | None = None) -> pytest.MarkDecorator:
    marks = marks or {}
    return pytest.mark.parametrize(
        "question",
        [pytest.param(q, id=q["id"], marks=marks.get(q["id"], ())) for q in QUESTIONS],
    )


def test_the_bank_has_36_to_48_statements(catalog: Catalog) -> None:
    assert 36 <= len(catalog.questions) <= 48
    assert len(catalog.questions) == len(QUESTIONS)


def test_statement_ids_are_unique() -> None:
    counts = Counter(q["id"] for q in QUESTIONS)
    assert [qid for qid, n in counts.items() if n > 1] == []


def test_statement_texts_are_unique() -> None:
    counts = Counter(" ".join(words(q["text"])) for q in QUESTIONS)
    assert [text for text, n in counts.items() if n > 1] == []


@by_question()
def test_each_statement_is_in_the_first_person(question: dict[str, Any]) -> None:
    assert "saya" in words(question["text"])


@by_question()
def test_each_statement_opens_with_saya(question: dict[str, Any]) -> None:
    assert question["text"].startswith("Saya ")


@by_question()
def test_no_statement_names_a_role(question: dict[str, Any]) -> None:
    text = " ".join(words(question["text"]))
    named = [w for w in ROLE_WORDS if re.search(rf"\b{w}\b", text)]
    assert named == []


@by_question()
def test_no_double_negatives(question: dict[str, Any]) -> None:
    found = [w for w in words(question["text"]) if w in NEGATIONS]
    assert len(found) <= 1, found


@by_question()
def test_each_statement_is_one_sentence_ending_in_a_full_stop(question: dict[str, Any]) -> None:
    text = question["text"]
    assert text == text.strip()
    assert text.endswith(".")
    assert "?" not in text


def test_every_trait_of_every_role_is_measured(catalog: Catalog) -> None:
    keyed = {key.trait for q in catalog.questions for key in q.traits}
    unmeasured = [
        f"{role.id}: {trait.id} ({trait.polarity})"
        for role in catalog.roles
        for trait in role.traits
        if trait.id not in keyed
    ]
    assert unmeasured == []
    for role in catalog.roles:
        assert role.traits_of("cocok"), role.id
        assert role.traits_of("tidak_cocok"), role.id


def test_every_dimension_is_measured_by_at_least_three_statements(catalog: Catalog) -> None:
    counts = Counter(m.dimension for q in catalog.questions for m in q.loadings)
    thin = {d.id: counts[d.id] for d in catalog.dimensions if counts[d.id] < 3}
    assert thin == {}


def test_at_least_three_statements_are_keyed_against_a_dimension(catalog: Catalog) -> None:
    reversed_ = [q.id for q in catalog.questions if any(m.direction == -1 for m in q.loadings)]
    assert len(reversed_) >= 3, reversed_


def test_every_role_weighted_dimension_is_asked_about(catalog: Catalog) -> None:
    measured = {m.dimension for q in catalog.questions for m in q.loadings}
    for role in catalog.roles:
        assert {w.dimension for w in role.weights} <= measured, role.id


def test_loadings_and_keys_are_well_formed() -> None:
    for q in QUESTIONS:
        assert q["measures"], q["id"]
        for m in q["measures"]:
            assert m["direction"] in (1, -1), q["id"]
            assert 0 < m["weight"] <= 1, q["id"]
        assert len({m["dimension"] for m in q["measures"]}) == len(q["measures"]), q["id"]
        for t in q["traits"]:
            assert t["direction"] in (1, -1), q["id"]
        assert len({t["trait"] for t in q["traits"]}) == len(q["traits"]), q["id"]


@by_question()
def test_source_quote_is_verbatim_in_its_sentence(question: dict[str, Any]) -> None:
    sentences = {s["id"]: s["text"] for r in RAW["roles"] for s in r["sentences"]}
    source = question["source"]
    assert source["sentence"] in sentences
    assert source["quote"]
    assert source["quote"] in sentences[source["sentence"]]


def test_every_trait_key_and_dimension_exists() -> None:
    traits = {t["id"] for r in RAW["roles"] for t in r["traits"]}
    dimensions = {d["id"] for d in RAW["dimensions"]}
    missing = [
        f"{q['id']}: trait {t['trait']}"
        for q in QUESTIONS
        for t in q["traits"]
        if t["trait"] not in traits
    ] + [
        f"{q['id']}: dimension {m['dimension']}"
        for q in QUESTIONS
        for m in q["measures"]
        if m["dimension"] not in dimensions
    ]
    assert missing == []


def test_the_loaded_bank_matches_the_file(catalog: Catalog) -> None:
    assert [q.id for q in catalog.questions] == [q["id"] for q in QUESTIONS]
    for model, raw in zip(catalog.questions, QUESTIONS, strict=True):
        assert model.text == raw["text"]
        assert [(m.dimension, m.direction, m.weight) for m in model.loadings] == [
            (m["dimension"], m["direction"], m["weight"]) for m in raw["measures"]
        ]


def test_the_scale_has_five_indonesian_labels_and_a_skip() -> None:
    assert SCALE_LABELS == {
        1: "Sangat tidak setuju",
        2: "Tidak setuju",
        3: "Ragu-ragu",
        4: "Setuju",
        5: "Sangat setuju",
    }
    assert SKIP_LABEL == "Lewati"


def test_no_statement_follows_its_opposite_in_the_full_quiz(catalog: Catalog) -> None:
    order = [q.id for q in catalog.questions]
    for pair in catalog.opposites:
        assert abs(order.index(pair.first) - order.index(pair.second)) > 1, pair


def test_comparatives_are_spread_through_the_bank(catalog: Catalog) -> None:
    forms = [q.form for q in catalog.questions]
    assert 8 <= forms.count("comparative") <= len(forms) // 3
    runs = "".join("c" if f == "comparative" else "s" for f in forms)
    assert "cc" not in runs  # never two comparisons in a row


def test_every_statement_has_an_expected_answer_with_a_reason(catalog: Catalog) -> None:
    profiles = [r.id for r in catalog.roles] + [p.id for p in catalog.professions]
    for q in catalog.questions:
        assert [k for k, _ in q.expected] == profiles, q.id
        assert q.expected_reason.strip(), q.id

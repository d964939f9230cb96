"""The expert-key respondents behind the validity figures: drawing, styles and tallies."""

from __future__ import annotations

import json
import random
import statistics
from pathlib import Path
from typing import Any

import pytest

from kariersosial.core.errors import UsageError
from kariersosial.core.expert_sim import (
    NOISES,
    STYLES,
    UNINTERESTED,
    Outcome,
    Style,
    blend,
    draw,
    evaluate,
    read_key,
    shifted,
)
from kariersosial.words.messages import words

ROOT = Path(__file__).resolve().parents[1]
MEDIUM = NOISES[1]


def raw_key(name: str = "expert_key.json") -> Any:
    return json.loads((ROOT / "benchmarks" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["expert_key.json", "expert_key_b.json"])
def test_both_keys_cover_every_statement_and_have_reasons(name: str) -> None:
    raw = raw_key(name)
    key = read_key(raw)
    bank = json.loads((ROOT / "data" / "roles.json").read_text(encoding="utf-8"))["questions"]
    ids = {q["id"] for q in bank}
    assert UNINTERESTED in key and "pekerja-sosial" in key
    for column in key.values():
        assert set(column) == ids
    assert all(entry["reason"].strip() for entry in raw["statements"].values())


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ([], "kunci harus berupa objek"),
        ({"statements": {}}, "columns"),
        ({"columns": ["a"], "statements": {"p01": {}}}, "p01: tidak ada 'expected'"),
        ({"columns": ["a"], "statements": {"p01": {"expected": {"a": 9}}}}, "p01.a"),
        ({"columns": ["a"], "statements": {"p01": {"expected": {}}}}, "p01.a"),
    ],
)
def test_a_malformed_key_is_refused(raw: Any, problem: str) -> None:
    with pytest.raises(UsageError) as caught:
        read_key(raw)
    said = words(caught.value)
    assert said.message.startswith("Kunci ahli tidak bisa dipakai: ")
    assert problem in said.message and said.hint


def test_draw_is_seeded_and_stays_on_the_scale() -> None:
    expected = {f"q{i}": 1 + i % 5 for i in range(40)}
    one = draw(expected, random.Random(3), MEDIUM, STYLES[0])
    assert one == draw(expected, random.Random(3), MEDIUM, STYLES[0])
    assert set(one.values()) <= {1, 2, 3, 4, 5}


def test_styles_move_answers_as_named() -> None:
    expected = {f"q{i}": 3.0 + (1 if i % 2 else -1) for i in range(400)}

    def answers(style: Style) -> list[int]:
        drawn = draw(expected, random.Random(5), MEDIUM, style)
        return [a for a in drawn.values() if a is not None]

    plain, agree, extreme, middle = (answers(s) for s in STYLES[:4])
    assert statistics.mean(agree) > statistics.mean(plain) + 0.4
    assert statistics.pstdev(extreme) > statistics.pstdev(plain) > statistics.pstdev(middle)
    skipped = draw(expected, random.Random(5), MEDIUM, STYLES[4])
    share = sum(a is None for a in skipped.values()) / len(skipped)
    assert 0.12 < share < 0.28


def test_shifted_adds_a_point_and_keeps_skips() -> None:
    assert shifted({"a": 1, "b": 5, "c": None, "d": 3}) == {"a": 2, "b": 5, "c": None, "d": 4}
    assert shifted({"a": 1}, by=-1) == {"a": 1}


def test_blend_is_halfway() -> None:
    assert blend({"a": 1.0, "b": 5.0}, {"a": 3.0, "b": 5.0}) == {"a": 2.0, "b": 5.0}


def test_evaluate_tallies_what_the_model_says() -> None:
    key = {
        "r1": {"q1": 5.0, "q2": 1.0},
        "r2": {"q1": 1.0, "q2": 5.0},
        UNINTERESTED: {"q1": 1.0, "q2": 1.0},
    }

    def model(answers: dict[str, int | None]) -> Outcome:
        q1, q2 = answers["q1"] or 3, answers["q2"] or 3
        if q1 + q2 <= 3:
            return Outcome(("r1", "r2"), False, True)
        ranking = ("r1", "r2") if q1 >= q2 else ("r2", "r1")
        return Outcome(ranking, abs(q1 - q2) >= 3, False)

    report = evaluate(key, ["r1", "r2"], model, NOISES[0], STYLES[0], people=50, seed=1)
    total = report.total()
    assert total.people == 100
    assert total.top2 == 100  # two roles: always in the top two
    assert 0.8 < total.top1 / total.people <= 1.0
    assert total.decisive_right <= total.decisive <= total.people
    assert report.uninterested == 50 and report.uninterested_told > 40
    assert report.halfway == 50 and report.halfway_both == 50
    again = evaluate(key, ["r1", "r2"], model, NOISES[0], STYLES[0], people=50, seed=1)
    assert again == report

"""Expected answers from cited weights: a silent text is 'not mentioned', never 'not needed'."""

from __future__ import annotations

import pytest

from kariersosial.core.expected import (
    NEUTRAL,
    STRESS,
    borrowed,
    expected_answer,
    interests,
    patterns,
)
from kariersosial.core.models import Catalog, Loading, Question, Quote, Weight

QUOTE = Quote("s", "x")


def test_a_silent_role_borrows_the_other_roles_mean_weight(catalog: Catalog) -> None:
    found = interests(catalog)
    budget = "anggaran-sumber-daya"
    silent = [r for r in catalog.roles if r.weight_of(budget) == 0.0]
    assert silent, "some text is silent about budgets"
    for role in silent:
        others = [r.weights for r in catalog.roles if r.id != role.id]
        mean = sum(dict((w.dimension, w.weight) for w in ws).get(budget, 0.0) for ws in others)
        assert found[role.id][budget] == pytest.approx(NEUTRAL + STRESS * mean / len(others))
    stated = next(r for r in catalog.roles if r.weight_of(budget) > 0)
    assert found[stated.id][budget] == pytest.approx(NEUTRAL + STRESS * stated.weight_of(budget))


def test_borrowed_is_the_mean_with_silence_as_zero() -> None:
    a = (Weight("x", 1.0, QUOTE),)
    b = (Weight("y", 0.5, QUOTE),)
    assert borrowed([a, b], ["x", "y", "z"]) == {"x": 0.5, "y": 0.25, "z": 0.0}
    assert borrowed([], ["x"]) == {"x": 0.0}


def test_expected_answer_follows_the_loadings() -> None:
    q = Question("q", "t", QUOTE, (Loading("a", 1, 1.0), Loading("b", -1, 1.0)), ())
    assert expected_answer(q, {"a": 0.95, "b": 0.5}) == pytest.approx(3.9)
    assert expected_answer(q, {"a": 0.5, "b": 0.5}) == pytest.approx(3.0)


def test_the_catalogue_expectations_win_over_the_weights(catalog: Catalog) -> None:
    from_catalogue = patterns(catalog)
    q = catalog.questions[0]
    for role in catalog.roles:
        assert from_catalogue.expected[role.id][q.id] == q.expected_of(role.id)
    stripped = catalog.replace(questions=tuple(x._replace(expected=()) for x in catalog.questions))
    from_weights = patterns(stripped)
    assert from_weights.expected != from_catalogue.expected
    for p in (from_catalogue, from_weights):  # distinct = expected minus the five roles' mean
        for qid in (x.id for x in catalog.questions):
            assert sum(p.distinct[r.id][qid] for r in catalog.roles) == pytest.approx(0.0)

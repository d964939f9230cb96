"""Properties of the scoring engine that must hold for any answers (hypothesis, derandomized)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conftest import bundled_catalog, deterministic
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import Scorer

PROPERTY = deterministic(200)

CATALOG: Catalog = bundled_catalog()
SCORER = Scorer(CATALOG)
IDS = [q.id for q in CATALOG.questions]
VALUES = st.sampled_from([1, 2, 3, 4, 5, None])

answer_sets = st.dictionaries(st.sampled_from(IDS), VALUES)
full_answer_sets = st.fixed_dictionaries({qid: st.integers(1, 5) for qid in IDS})


@PROPERTY
@given(answers=answer_sets)
def test_fits_are_within_0_100_and_ranks_are_a_permutation(
    answers: dict[str, int | None],
) -> None:
    result = SCORER.score(answers)
    answered = sum(1 for v in answers.values() if v is not None)
    assert result.answered == answered
    assert result.skipped == len(answers) - answered
    assert result.total == len(IDS)
    if result.status == "not_enough_answers":
        assert result.ranking == ()
        return
    assert sorted(f.rank for f in result.ranking) == list(range(1, len(CATALOG.roles) + 1))
    assert [f.rank for f in result.ranking] == list(range(1, len(CATALOG.roles) + 1))
    assert {f.role.id for f in result.ranking} == {r.id for r in CATALOG.roles}
    ordered = [f.fit for f in result.ranking]
    assert ordered == sorted(ordered, reverse=True)
    for fit in result.ranking:
        assert 0.0 <= fit.fit <= 100.0
    for interest in result.profile.values():
        assert 0.0 <= interest <= 1.0


@PROPERTY
@given(data=st.data(), answers=answer_sets)
def test_the_order_of_answers_does_not_matter(
    data: st.DataObject, answers: dict[str, int | None]
) -> None:
    shuffled = dict(data.draw(st.permutations(list(answers.items()))))
    first, second = SCORER.score(answers), SCORER.score(shuffled)
    assert [(f.role.id, f.fit) for f in first.ranking] == [
        (f.role.id, f.fit) for f in second.ranking
    ]
    assert first == second


def test_the_empty_mapping_gives_the_not_enough_outcome() -> None:
    result = SCORER.score({})
    assert result.status == "not_enough_answers"
    assert result.ranking == ()
    assert (result.answered, result.skipped, result.total) == (0, 0, len(IDS))
    assert result.misconception is None
    assert result.adjacent == ()
    assert result.decisive is False
    assert result.nothing_fits is False


junk_values = st.one_of(st.integers(), st.none(), st.text(), st.floats(), st.booleans())


@PROPERTY
@given(
    answers=st.dictionaries(st.text(), st.one_of(st.integers(), st.none(), st.text(), st.floats()))
)
def test_junk_mappings_never_raise(answers: dict[str, Any]) -> None:
    result = SCORER.score(answers)
    assert result.status in ("ok", "not_enough_answers")


@PROPERTY
@given(answers=st.dictionaries(st.one_of(st.sampled_from(IDS), st.text()), junk_values))
def test_junk_mixed_with_real_ids_never_raises(answers: dict[str, Any]) -> None:
    result = SCORER.score(answers)
    valid = sum(1 for k, v in answers.items() if k in IDS and type(v) is int and 1 <= v <= 5)
    assert result.answered == valid
    for fit in result.ranking:
        assert 0.0 <= fit.fit <= 100.0


@PROPERTY
@given(answers=answer_sets)
def test_scoring_is_deterministic(answers: dict[str, int | None]) -> None:
    assert SCORER.score(answers) == SCORER.score(dict(answers))
    assert SCORER.score(answers) == Scorer(CATALOG).score(answers)


def pearson(xs: list[float], ys: list[float]) -> float:
    """The textbook formula, written apart from the scorer's: 0 when a side does not vary."""
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return 0.0 if vx <= 1e-12 or vy <= 1e-12 else cov / (vx * vy) ** 0.5


@PROPERTY
@given(answers=answer_sets)
def test_pattern_matches_are_pearson_correlations_and_the_cache_changes_nothing(
    answers: dict[str, Any],
) -> None:
    given_ = SCORER.valid(answers)
    ids = list(given_)
    shapes = SCORER.shapes(given_)
    assert shapes == SCORER.shapes(dict(given_)) == Scorer(CATALOG).shapes(given_)
    distinct = SCORER.patterns.distinct
    for role, match in shapes.patterns:
        expected = pearson([given_[q] for q in ids], [distinct[role.id][q] for q in ids])
        assert abs(match - expected) < 1e-9

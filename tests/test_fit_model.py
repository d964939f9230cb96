"""The fit model: a verdict that follows the shape of a person's preferences, not their level."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import bundled_catalog, clear_archetype, deterministic
from kariersosial.core.fit import (
    FITS_WELL,
    NOTHING_FITS_BELOW,
    VERY_WELL,
    correlation,
    fit_value,
    lead_in_errors,
    level,
)
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import Result, Scorer
from kariersosial.words.messages import fit_label

CATALOG: Catalog = bundled_catalog()
SCORER = Scorer(CATALOG)
IDS = [q.id for q in CATALOG.questions]
ROLE_IDS = [r.id for r in CATALOG.roles]

PROPERTY = deterministic(150)


def order(answers: dict[str, int]) -> list[str]:
    return ranked(SCORER.score(answers))


def ranked(result: Result) -> list[str]:
    return [f.role.id for f in result.ranking]


def lower_range(low: int, high: int) -> st.SearchStrategy[dict[str, int]]:
    return st.fixed_dictionaries({q: st.integers(low, high) for q in IDS})


@PROPERTY
@given(answers=lower_range(1, 4))
def test_agreeing_one_point_more_everywhere_keeps_the_ranking(answers: dict[str, int]) -> None:
    raised = {q: a + 1 for q, a in answers.items()}
    before, after = SCORER.score(answers), SCORER.score(raised)  # each scored once
    assert ranked(after) == ranked(before)
    assert after.lead == before.lead or abs(after.lead - before.lead) < 1e-6
    assert after.decisive == before.decisive


@PROPERTY
@given(answers=lower_range(2, 4))
def test_extreme_and_middle_answering_keep_the_ranking(answers: dict[str, int]) -> None:
    # The same preferences answered in extremes (2/4 become 1/5) or kept in the middle.
    extreme = {q: 3 + 2 * (a - 3) for q, a in answers.items()}
    assert order(extreme) == order(answers)


@PROPERTY
@given(answers=lower_range(1, 5), shift=st.sampled_from([-1, 1]))
def test_a_shift_moves_all_fits_together_never_the_order(
    answers: dict[str, int], shift: int
) -> None:
    moved = {q: min(5, max(1, a + shift)) for q, a in answers.items()}
    if moved == {q: a + shift for q, a in answers.items()}:  # no answer hit the end of the scale
        shifted, unshifted = SCORER.score(moved), SCORER.score(answers)  # each scored once
        assert ranked(shifted) == ranked(unshifted)
        ups = {f.role.id: f.fit for f in shifted.ranking}
        downs = {f.role.id: f.fit for f in unshifted.ranking}
        direction = {(ups[r] > downs[r]) - (ups[r] < downs[r]) for r in ROLE_IDS}
        assert len(direction - {0}) <= 1  # the level moves every fit the same way, or none


def test_the_level_still_says_when_nothing_fits() -> None:
    # Someone who disagrees with every "I like this" statement and is neutral on comparatives.
    uninterested = {q.id: (1 if q.form == "single" else 3) for q in CATALOG.questions}
    result = SCORER.score(uninterested)
    assert result.nothing_fits
    assert all(f.fit < NOTHING_FITS_BELOW for f in result.ranking)
    assert all(fit_label(f.fit) == "kurang cocok" for f in result.ranking)


def test_each_role_like_its_text_comes_first_and_is_decisive() -> None:
    for role_id in ROLE_IDS:
        answers = clear_archetype(SCORER, role_id)
        result = SCORER.score(answers)
        assert result.ranking[0].role.id == role_id
        assert result.decisive
        assert not result.nothing_fits


@PROPERTY
@given(answers=lower_range(1, 5))
def test_never_all_five_sangat_cocok(answers: dict[str, int]) -> None:
    result = SCORER.score(answers)
    assert sum(f.fit >= VERY_WELL for f in result.ranking) < len(ROLE_IDS)


@PROPERTY
@given(answers=lower_range(1, 5))
def test_shown_fits_follow_the_ranking(answers: dict[str, int]) -> None:
    fits = [f.fit for f in SCORER.score(answers).ranking]
    assert fits == sorted(fits, reverse=True)
    assert all(isinstance(f, int) for f in fits)


def test_fit_value_combines_level_and_pattern() -> None:
    assert fit_value(1.0, 1.0) == 100
    assert fit_value(0.7, 1.0) == 100  # "setuju" on average is the full level
    assert fit_value(0.2, 1.0) == 0  # "tidak setuju" on average: nothing counts
    assert fit_value(1.0, -1.0) == 0
    assert fit_value(0.7, 0.0) == 71
    assert fit_value(0.45, 0.0) == 35
    # below "ragu-ragu" on average, even a perfect pattern is not a fit
    assert fit_value(0.44, 1.0) < NOTHING_FITS_BELOW
    assert fit_value(0.7, 0.0) >= FITS_WELL > fit_value(0.7, -0.4)
    assert [level(x) for x in (0.0, 0.2, 0.45, 0.7, 0.9)] == pytest.approx([0, 0, 0.5, 1, 1])


def test_correlation_is_zero_without_variation() -> None:
    assert correlation([3, 3, 3], [1.0, 0.0, -1.0]) == 0.0
    assert correlation([1, 2, 3], [0.5, 0.5, 0.5]) == 0.0
    assert abs(correlation([1, 2, 3], [2.0, 4.0, 6.0]) - 1.0) < 1e-12


def test_the_lead_grows_with_answers_and_shrinks_with_inconsistency() -> None:
    assert lead_in_errors(0.6, 0.3, 0.2, 40) > lead_in_errors(0.6, 0.3, 0.2, 10)
    assert lead_in_errors(0.9, 0.6, 0.2, 20) > lead_in_errors(0.4, 0.1, 0.2, 20)
    assert lead_in_errors(0.5, 0.5, 0.2, 20) == 0.0
    assert lead_in_errors(0.5, 0.2, 0.2, 2) == 0.0


def test_flat_answers_are_never_decisive() -> None:
    for value in range(1, 6):
        result = SCORER.score(dict.fromkeys(IDS, value))
        assert not result.decisive
        assert len({f.fit for f in result.ranking}) == 1  # equal numbers for equal evidence

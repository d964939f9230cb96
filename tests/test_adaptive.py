"""The short quiz: statement choice and stopping rule (pure, deterministic), and `quiz --quick`."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import bundled_catalog, clear_archetype, deterministic
from kariersosial.cli.app import app
from kariersosial.core.adaptive import (
    COVERAGE,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    SETTLED,
    Adaptive,
    walk,
)
from kariersosial.core.fit import NOTHING_FITS_BELOW
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import MIN_ANSWERED, Scorer

CATALOG: Catalog = bundled_catalog()
SCORER = Scorer(CATALOG)
ADAPTIVE = Adaptive(SCORER)
IDS = [q.id for q in CATALOG.questions]
ROLE_IDS = [r.id for r in CATALOG.roles]
BANK = len(IDS)
SKIP_OR_VALUE = [1, 2, 3, 4, 5, None]

PROPERTY = deterministic(60)


Answers = dict[str, int | None]


def archetype(role_id: str) -> dict[str, int | None]:
    """The answers of someone who clearly follows the role's expected pattern."""
    return dict(clear_archetype(SCORER, role_id))


def random_answers(seed: int, values: list[int | None] = SKIP_OR_VALUE) -> Answers:
    rng = random.Random(seed)
    return {qid: rng.choice(values) for qid in IDS}


def asked_answers(answers: Answers, asked: list[str]) -> Answers:
    """What the short quiz knows after asking `asked`: exactly what `walk` passes on."""
    return {qid: answers.get(qid) for qid in asked}


def nothing_fits(answers: Answers) -> bool:
    return ADAPTIVE.fits(answers)[0][0] < NOTHING_FITS_BELOW - 10


def likeliest(answers: Answers) -> tuple[str, float]:
    belief = ADAPTIVE.belief(answers)
    best = max(belief, key=lambda rid: belief[rid])
    return best, belief[best]


# A varied set of respondents: every archetype, uniform answerers, skippers and random people.
SAMPLES: list[Answers] = [
    *(archetype(rid) for rid in ROLE_IDS),
    *({qid: value for qid in IDS} for value in (1, 2, 3, 4, 5)),
    *(random_answers(seed) for seed in range(60)),
    *(random_answers(seed, [1, 2, 3, 4, 5]) for seed in range(60, 120)),
]


# --- determinism -----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(8))
def test_next_question_is_the_same_for_the_same_answers(seed: int) -> None:
    answers = random_answers(seed)
    asked = walk(ADAPTIVE, answers)
    for k in range(len(asked) + 1):
        known = asked_answers(answers, asked[:k])
        first = Adaptive(Scorer(CATALOG)).next_question(known, asked[:k])
        second = Adaptive(Scorer(CATALOG)).next_question(dict(known), list(asked[:k]))
        assert first == second
        # The order the answers were given in plays no part either.
        shuffled = dict(reversed(list(known.items())))
        assert ADAPTIVE.next_question(shuffled, asked[:k]) == first
        assert first == (asked[k] if k < len(asked) else None)


@pytest.mark.slow
def test_walk_is_deterministic() -> None:
    for answers in SAMPLES[:20]:
        assert walk(Adaptive(Scorer(CATALOG)), answers) == walk(ADAPTIVE, answers)


@pytest.mark.slow
def test_first_statement_does_not_depend_on_anyone() -> None:
    firsts = {walk(ADAPTIVE, answers)[0] for answers in SAMPLES}
    assert len(firsts) == 1
    assert firsts == {ADAPTIVE.next_question({}, [])}


# --- never repeats, stays within the bank ----------------------------------------------------


@pytest.mark.slow
def test_walk_never_repeats_a_statement() -> None:
    for answers in SAMPLES:
        asked = walk(ADAPTIVE, answers)
        assert len(asked) == len(set(asked))
        assert set(asked) <= set(IDS)
        assert MIN_QUESTIONS <= len(asked) <= BANK


def test_next_question_skips_what_was_asked() -> None:
    answers = archetype(ROLE_IDS[0])
    asked: list[str] = []
    # Ask in catalogue order regardless of the choice: the choice must still be unasked.
    for qid in IDS[:-1]:
        asked.append(qid)
        found = ADAPTIVE.next_question(asked_answers(answers, asked), asked)
        assert found is None or found not in asked


# --- stops at the maximum --------------------------------------------------------------------


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_the_same_answer_everywhere_stops_by_the_limit(value: int) -> None:
    answers: Answers = dict.fromkeys(IDS, value)
    asked = walk(ADAPTIVE, answers)
    assert MIN_QUESTIONS <= len(asked) <= MAX_QUESTIONS
    assert not SCORER.score(asked_answers(answers, asked)).decisive
    assert ADAPTIVE.finished(answers, asked)
    assert ADAPTIVE.next_question(answers, asked) is None


def test_next_question_is_none_once_every_statement_is_asked() -> None:
    for answers in SAMPLES:
        assert ADAPTIVE.next_question(answers, IDS) is None
        assert ADAPTIVE.finished(answers, IDS)


@pytest.mark.slow
def test_some_respondents_settle_early_and_others_at_the_limit() -> None:
    lengths = [len(walk(ADAPTIVE, answers)) for answers in SAMPLES if any(answers.values())]
    assert max(lengths) == MAX_QUESTIONS
    assert min(lengths) < MAX_QUESTIONS  # and some stop early: the settled rule is exercised


# --- never stops too early, and stops only when settled --------------------------------------


@pytest.mark.slow
def test_never_stops_before_min_questions() -> None:
    for answers in SAMPLES:
        asked = walk(ADAPTIVE, answers)
        assert len(asked) >= MIN_QUESTIONS
        for k in range(MIN_QUESTIONS):
            assert not ADAPTIVE.finished(asked_answers(answers, asked[:k]), asked[:k])
            assert ADAPTIVE.next_question(asked_answers(answers, asked[:k]), asked[:k])


@pytest.mark.slow
def test_settled_already_before_min_questions_still_asks_on() -> None:
    # Some respondents are settled after fewer than MIN_QUESTIONS statements (never fewer
    # than MIN_ANSWERED answers); the quiz still asks on.
    found = 0
    for answers in SAMPLES:
        asked = walk(ADAPTIVE, answers)
        for k in range(MIN_QUESTIONS):
            known = asked_answers(answers, asked[:k])
            if ADAPTIVE.settled(known, asked[:k]) >= SETTLED:
                found += 1
                assert k >= MIN_ANSWERED
                assert not ADAPTIVE.finished(known, asked[:k])
                assert ADAPTIVE.next_question(known, asked[:k]) == asked[k]
    assert found > 0


@pytest.mark.slow
def test_an_early_stop_is_settled_and_covers_every_role() -> None:
    early = 0
    for answers in SAMPLES:
        asked = walk(ADAPTIVE, answers)
        if len(asked) >= MAX_QUESTIONS:
            continue
        early += 1
        known = asked_answers(answers, asked)
        assert sum(a is not None for a in known.values()) >= MIN_ANSWERED
        assert min(ADAPTIVE.coverage(known).values()) >= COVERAGE
        assert set(ADAPTIVE.opening) <= set(asked)  # every role's core was asked
        if ADAPTIVE.clearly_nothing_fits(known):
            assert SCORER.score(known).nothing_fits
            continue
        assert ADAPTIVE.settled(known, asked) >= SETTLED
    assert early >= 10


@pytest.mark.slow
def test_walk_stops_at_the_first_settled_point() -> None:
    for answers in SAMPLES[:30]:
        asked = walk(ADAPTIVE, answers)
        settled = [
            k
            for k in range(len(asked) + 1)
            if ADAPTIVE.finished(asked_answers(answers, asked[:k]), asked[:k])
        ]
        assert settled == [len(asked)]


def test_fits_follow_the_result_ranking_even_on_float_ties() -> None:
    # Two roles fit these answers equally up to float noise (75.0 and 74.999...); "leads the
    # fit ranking" must mean the role the result shows first, in the scorer's tie order.
    answers: Answers = dict.fromkeys(
        ["p17", "p04", "p12", "p13", "p20", "p21", "p10", "p36", "p25", "p07", "p30"], 4
    )
    fits = ADAPTIVE.fits(answers)
    assert abs(fits[0][0] - fits[1][0]) < 1e-9
    assert [rid for _, rid in fits] == [f.role.id for f in SCORER.score(answers).ranking]


def test_fits_are_empty_before_any_answer() -> None:
    assert ADAPTIVE.fits({}) == []
    assert ADAPTIVE.fits(dict.fromkeys(IDS)) == []
    assert not ADAPTIVE.finished({}, [])


# --- belief ----------------------------------------------------------------------------------


def test_belief_is_uniform_before_any_answer() -> None:
    belief = ADAPTIVE.belief({})
    assert set(belief) == set(ROLE_IDS)
    assert all(v == pytest.approx(1 / len(ROLE_IDS)) for v in belief.values())


@pytest.mark.slow
def test_belief_is_a_distribution() -> None:
    for answers in SAMPLES:
        asked = walk(ADAPTIVE, answers)
        for k in (0, 1, MIN_QUESTIONS, len(asked)):
            belief = ADAPTIVE.belief(asked_answers(answers, asked[:k]))
            assert set(belief) == set(ROLE_IDS)
            assert sum(belief.values()) == pytest.approx(1.0)
            assert all(0.0 <= v <= 1.0 for v in belief.values())


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_an_archetype_is_recognised(role_id: str) -> None:
    answers = archetype(role_id)
    assert likeliest(answers)[0] == role_id  # all the answers point at the role
    asked = walk(ADAPTIVE, answers)
    assert len(asked) < BANK
    known = asked_answers(answers, asked)
    assert SCORER.score(known).ranking[0].role.id == role_id


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_an_archetype_is_recognised_within_twelve_statements(role_id: str) -> None:
    assert MIN_QUESTIONS <= len(walk(ADAPTIVE, archetype(role_id))) <= 12


# --- skips and malformed answers -------------------------------------------------------------


def test_skipping_everything_asks_the_whole_bank() -> None:
    for answers in (dict.fromkeys(IDS), {}):
        asked = walk(ADAPTIVE, answers)
        assert sorted(asked) == sorted(IDS)
        assert SCORER.score(asked_answers(answers, asked)).status == "not_enough_answers"


def test_skips_do_not_count_as_answers() -> None:
    # Someone who answers like an archetype but skips the first three statements shown.
    role_id = ROLE_IDS[0]
    answers = archetype(role_id)
    asked: list[str] = []
    known: Answers = {}
    while (qid := ADAPTIVE.next_question(known, asked)) is not None:
        asked.append(qid)
        known[qid] = None if len(asked) <= 3 else answers[qid]
    assert len(asked) == len(set(asked))
    # A skip tells nothing: the first three are the ones a skip-everything walk starts with.
    assert asked[:3] == walk(ADAPTIVE, {})[:3]
    assert MIN_QUESTIONS + 3 <= len(asked) <= BANK
    assert sum(a is not None for a in known.values()) >= MIN_ANSWERED
    assert likeliest(known)[0] == role_id
    assert SCORER.score(known).skipped == 3


@pytest.mark.parametrize("bad", [0, 6, 9, True, "4", 3.5])
def test_malformed_answers_count_as_skips(bad: object) -> None:
    answers = dict.fromkeys(IDS, bad)
    asked = walk(ADAPTIVE, answers)  # type: ignore[arg-type]
    assert sorted(asked) == sorted(IDS)
    assert not ADAPTIVE.finished(answers, asked[:MAX_QUESTIONS])  # type: ignore[arg-type]


def test_unknown_statements_are_ignored() -> None:
    answers = {f"x{i}": 4 for i in range(MIN_ANSWERED + 2)}
    assert not ADAPTIVE.finished(answers, list(answers))
    assert ADAPTIVE.next_question(answers, []) == ADAPTIVE.next_question({}, [])


# --- properties ------------------------------------------------------------------------------

answer_maps = st.dictionaries(st.sampled_from(IDS), st.sampled_from(SKIP_OR_VALUE))


@PROPERTY
@given(answers=answer_maps)
def test_walk_property(answers: Answers) -> None:
    asked = walk(ADAPTIVE, answers)
    assert len(asked) == len(set(asked))
    assert set(asked) <= set(IDS)
    assert MIN_QUESTIONS <= len(asked) <= BANK
    assert ADAPTIVE.next_question(asked_answers(answers, asked), asked) is None


@PROPERTY
@given(answers=answer_maps)
def test_fits_order_matches_the_scorer_property(answers: Answers) -> None:
    fits = ADAPTIVE.fits(answers)
    ranking = SCORER.rank(answers)
    if ranking.status == "ok":
        assert [rid for _, rid in fits] == [role.id for role, _ in ranking.fits]


# --- the quiz command ------------------------------------------------------------------------


def write_answers(tmp_path: Path, answers: Answers) -> Path:
    path = tmp_path / "jawaban.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return path


@pytest.mark.parametrize("role_id", ROLE_IDS[:2])
def test_quiz_quick_json_keeps_only_the_walked_answers(
    runner: CliRunner, tmp_path: Path, catalog: Catalog, role_id: str
) -> None:
    answers = archetype(role_id)
    expected = walk(Adaptive(Scorer(catalog)), answers)
    path = write_answers(tmp_path, answers)
    result = runner.invoke(app, ["quiz", "--quick", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["mode"] == "quick"
    given = {row["id"]: row["answer"] for row in data["answers"]}
    kept = {qid for qid, value in given.items() if value is not None}
    assert kept == set(expected)
    assert list(given) == list(IDS)
    assert all(given[qid] == answers[qid] for qid in expected)
    assert data["answered"] == len(expected) < BANK
    assert data["ranking"][0]["role"]["id"] == role_id


def test_quiz_full_answers_keep_everything(runner: CliRunner, tmp_path: Path) -> None:
    path = write_answers(tmp_path, archetype(ROLE_IDS[0]))
    result = runner.invoke(app, ["quiz", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["mode"] == "full"
    assert data["answered"] == BANK


def test_quiz_quick_text_says_short_quiz(runner: CliRunner, tmp_path: Path) -> None:
    path = write_answers(tmp_path, archetype(ROLE_IDS[3]))
    result = runner.invoke(app, ["quiz", "--quick", "--answers", str(path), "--no-save"])
    assert result.exit_code == 0, result.output
    assert "kuis singkat" in result.stdout


def test_quiz_quick_with_skips_only(runner: CliRunner, tmp_path: Path) -> None:
    path = write_answers(tmp_path, dict.fromkeys(IDS))
    result = runner.invoke(app, ["quiz", "--quick", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "not_enough_answers"
    assert data["mode"] == "quick"


@pytest.mark.parametrize("with_answers", [True, False])
def test_quiz_quick_and_full_together_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, with_answers: bool
) -> None:
    extra = ["--answers", str(write_answers(tmp_path, archetype(ROLE_IDS[0])))]
    args = ["quiz", "--quick", "--full", *(extra if with_answers else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "--quick" in result.stderr and "--full" in result.stderr


# --- the opening and the settled check -------------------------------------------------------


def test_the_opening_touches_every_roles_core_with_positive_statements() -> None:
    opening = ADAPTIVE.opening
    assert len(opening) == len(set(opening)) == len(ROLE_IDS) + 1
    assert walk(ADAPTIVE, {})[: len(opening)] == list(opening)
    distinct = SCORER.patterns.distinct
    for role_id, qid in zip(ROLE_IDS, opening, strict=False):
        question = CATALOG.question(qid)
        assert question.form == "single" and question.text.startswith("Saya senang")
        assert distinct[role_id][qid] == max(distinct[role_id][q] for q in opening[:-1])
    shared = CATALOG.question(opening[-1])
    assert shared.form == "single"


def test_settled_is_deterministic_and_complete_at_the_end() -> None:
    answers = archetype(ROLE_IDS[2])
    asked = walk(ADAPTIVE, answers)[:MIN_QUESTIONS]
    known = asked_answers(answers, asked)
    assert ADAPTIVE.settled(known, asked) == ADAPTIVE.settled(dict(known), list(asked))
    assert 0.0 <= ADAPTIVE.settled(known, asked) <= 1.0
    assert ADAPTIVE.settled(answers, IDS) == 1.0
    assert ADAPTIVE.settled({}, []) == 0.0


def test_a_clear_person_settles_sooner_than_a_random_one() -> None:
    clear = [len(walk(ADAPTIVE, archetype(rid))) for rid in ROLE_IDS]
    noisy = [len(walk(ADAPTIVE, random_answers(seed, [1, 2, 3, 4, 5]))) for seed in range(10)]
    assert sum(clear) / len(clear) < sum(noisy) / len(noisy)

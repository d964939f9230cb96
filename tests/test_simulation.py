"""The simulation harness behind benchmarks/simulate.py: small samples, hand-made tallies.

The accuracy targets are benchmark figures (docs/pengukuran.md), not test bounds: nothing here
asserts them.
"""

from __future__ import annotations

import math
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kariersosial.core.adaptive import MIN_QUESTIONS
from kariersosial.core.expected import expected_answer
from kariersosial.core.models import Catalog, Loading, Question, Quote
from kariersosial.core.scoring import Result, Scorer
from kariersosial.core.simulation import (
    NOISE_LEVELS,
    Tally,
    blend,
    item_spread,
    pair_separation,
    person,
    respond,
    role_interest,
    simulate,
    simulate_quick,
)

ROOT = Path(__file__).resolve().parents[1]
BENCHMARK = ROOT / "benchmarks" / "simulate.py"
MEDIUM = NOISE_LEVELS[1]


def in_unit(x: float) -> bool:
    return 0.0 <= x <= 1.0


# --- the harness on a small sample -----------------------------------------------------------


def test_simulate_small_sample_is_well_formed(catalog: Catalog) -> None:
    people = 5
    reports = simulate(catalog, people=people, levels=(MEDIUM,))
    assert len(reports) == 1
    report = reports[0]
    ids = [r.id for r in catalog.roles]
    assert report.level == MEDIUM
    assert list(report.tally.confusion) == ids
    for true in ids:
        row = report.tally.confusion[true]
        assert list(row) == ids
        assert sum(row.values()) == people
        assert row[true] == round(report.tally.top1_rate(true) * people)  # diagonal = top-1 hits
        assert report.tally.count(true) == people
        assert 0 <= report.tally.top2[true] <= people
        top1, top2 = report.tally.top1_rate(true), report.tally.top2_rate(true)
        assert in_unit(top1) and in_unit(top2) and top1 <= top2
    assert in_unit(report.tally.top1_rate()) and in_unit(report.tally.top2_rate())
    assert report.tally.top1_rate() <= report.tally.top2_rate()
    assert in_unit(report.nothing_fits_rate)
    assert in_unit(report.mixed_rate)


def test_simulate_is_seeded(catalog: Catalog) -> None:
    def run(seed: int) -> list[object]:
        return [
            (r.tally.confusion, r.tally.top2, r.nothing_fits_rate, r.mixed_rate)
            for r in simulate(catalog, people=4, seed=seed, levels=NOISE_LEVELS[::2])
        ]

    assert run(7) == run(7)
    assert len(run(7)) == 2


def test_simulate_scores_each_simulated_person_once(catalog: Catalog) -> None:
    scorer = Scorer(catalog)
    seen: list[dict[str, int | None]] = []

    def answer(given: dict[str, int | None]) -> Result:
        seen.append(given)
        return scorer.score(given)

    people = 5
    roles = len(catalog.roles)
    pairs = roles * (roles - 1) // 2
    simulate(catalog, people=people, levels=(MEDIUM,), scorer=scorer, answer=answer)
    # per role, the uninterested, and at least one mixed person per pair of roles
    assert len(seen) == people * roles + people + max(1, people // pairs) * pairs
    ids = {q.id for q in catalog.questions}
    for given in seen:
        assert set(given) == ids
        assert all(isinstance(a, int) and 1 <= a <= 5 for a in given.values())


@pytest.mark.slow
def test_simulate_quick_small_sample_is_well_formed(catalog: Catalog) -> None:
    people = 3
    reports = simulate_quick(catalog, people=people, levels=(MEDIUM,))
    assert len(reports) == 1
    report = reports[0]
    assert report.level == MEDIUM
    assert len(report.asked) == people * len(catalog.roles)
    assert all(MIN_QUESTIONS <= n <= len(catalog.questions) for n in report.asked)
    assert in_unit(report.agreement) and in_unit(report.top1)
    again = simulate_quick(catalog, people=people, levels=(MEDIUM,))[0]
    assert (again.asked, again.agreement, again.top1) == (
        report.asked,
        report.agreement,
        report.top1,
    )


# --- the accuracy computation, by hand -------------------------------------------------------


def hand_tally() -> Tally:
    tally = Tally(["a", "b", "c", "d"])  # "d" is a role nobody was simulated for
    for true, ranking in [
        ("a", ["a", "b", "c", "d"]),  # top-1 hit
        ("a", ["b", "a", "c", "d"]),  # top-2 hit only
        ("a", ["c", "b", "a", "d"]),  # miss
        ("b", ["b", "c", "a", "d"]),  # top-1 hit
        ("b", ["a", "c", "b", "d"]),  # miss
        ("c", ["c", "a", "b", "d"]),  # top-1 hit
        ("c", ["d", "c", "a", "b"]),  # top-2 hit only
    ]:
        tally.add(true, ranking)
    return tally


def test_tally_confusion_matrix() -> None:
    tally = hand_tally()
    assert tally.confusion == {
        "a": {"a": 1, "b": 1, "c": 1, "d": 0},
        "b": {"a": 1, "b": 1, "c": 0, "d": 0},
        "c": {"a": 0, "b": 0, "c": 1, "d": 1},
    }
    assert tally.top2 == {"a": 2, "b": 1, "c": 2}
    assert [tally.count(r) for r in "abcd"] == [3, 2, 2, 0]


def test_tally_rates_per_role() -> None:
    tally = hand_tally()
    assert tally.top1_rate("a") == pytest.approx(1 / 3)
    assert tally.top1_rate("b") == pytest.approx(1 / 2)
    assert tally.top1_rate("c") == pytest.approx(1 / 2)
    assert tally.top2_rate("a") == pytest.approx(2 / 3)
    assert tally.top2_rate("b") == pytest.approx(1 / 2)
    assert tally.top2_rate("c") == pytest.approx(1.0)


def test_tally_overall_rates_count_people_not_roles() -> None:
    tally = hand_tally()
    assert tally.top1_rate() == pytest.approx(3 / 7)  # not the mean of the per-role rates
    assert tally.top2_rate() == pytest.approx(5 / 7)


def test_tally_role_without_people_rates_zero() -> None:
    tally = hand_tally()
    assert tally.top1_rate("d") == 0.0
    assert tally.top2_rate("d") == 0.0
    empty = Tally(["a"])
    assert empty.top1_rate() == 0.0 and empty.top2_rate() == 0.0
    assert empty.top1_rate("a") == 0.0 and empty.top2_rate("a") == 0.0


def test_tally_single_role_ranking() -> None:
    tally = Tally(["a"])
    tally.add("a", ["a"])
    assert tally.top1_rate() == 1.0 and tally.top2_rate() == 1.0


# --- simulated people ------------------------------------------------------------------------


def test_respond_is_seeded_and_on_the_scale(catalog: Catalog) -> None:
    interest = role_interest(catalog, catalog.roles[0])
    first = respond(catalog, interest, random.Random(42), 1.0)
    second = respond(catalog, interest, random.Random(42), 1.0)
    assert first == second
    assert list(first) == [q.id for q in catalog.questions]
    for sd in (0.0, 0.5, 1.5, 10.0):
        answers = respond(catalog, interest, random.Random(1), sd)
        assert all(type(a) is int and 1 <= a <= 5 for a in answers.values())
    wild = respond(catalog, interest, random.Random(3), 10.0)
    assert {1, 5} <= set(wild.values())  # heavy noise reaches both ends and is clamped there


def test_respond_without_noise_is_the_rounded_expected_answer(catalog: Catalog) -> None:
    for role in catalog.roles:
        interest = role_interest(catalog, role)
        answers = respond(catalog, interest, random.Random(0), 0.0)
        assert answers == {
            q.id: min(5, max(1, round(expected_answer(q, interest)))) for q in catalog.questions
        }


def test_person_is_seeded_and_stays_in_range(catalog: Catalog) -> None:
    interest = role_interest(catalog, catalog.roles[0])
    assert person(interest, random.Random(5), 0.2) == person(interest, random.Random(5), 0.2)
    assert person(interest, random.Random(5), 0.0) == interest
    strayed = person(interest, random.Random(5), 5.0)
    assert set(strayed) == set(interest)
    assert all(in_unit(v) for v in strayed.values())


def test_blend_is_the_midpoint() -> None:
    assert blend({"x": 0.2, "y": 1.0}, {"x": 0.6, "y": 0.0}) == pytest.approx({"x": 0.4, "y": 0.5})


# --- statement and pair analysis -------------------------------------------------------------


def equal_weights(catalog: Catalog) -> Catalog:
    """The catalogue with every role given the first role's dimension weights."""
    same = catalog.roles[0].weights
    return catalog.replace(roles=tuple(r._replace(weights=same) for r in catalog.roles))


def test_item_spread_is_max_minus_min_across_roles(catalog: Catalog) -> None:
    rows = item_spread(catalog)
    assert [q.id for q, _, _ in rows] == [q.id for q in catalog.questions]
    for q, spread, by_role in rows:
        expected = {r.id: expected_answer(q, role_interest(catalog, r)) for r in catalog.roles}
        assert by_role == pytest.approx(expected)
        assert spread == pytest.approx(max(expected.values()) - min(expected.values()))
        assert 0.0 <= spread <= 4.0


def test_item_spread_is_zero_when_roles_weigh_alike(catalog: Catalog) -> None:
    for _, spread, by_role in item_spread(equal_weights(catalog)):
        assert spread == 0.0
        assert len(set(by_role.values())) == 1


def test_item_spread_on_a_hand_made_statement() -> None:
    quote = Quote("x-01", "kutipan")
    q = Question(
        "t1",
        "Pernyataan uji.",
        quote,
        (Loading("a", 1, 1.0), Loading("b", -1, 0.5)),
        (),
    )
    # 3 + 2 * (1.0 * (2*0.9 - 1) - 0.5 * (2*0.1 - 1)) / 1.5 = 3 + 2 * 1.2 / 1.5 = 4.6
    assert expected_answer(q, {"a": 0.9, "b": 0.1}) == pytest.approx(4.6)
    assert expected_answer(q, {"a": 0.5, "b": 0.5}) == pytest.approx(3.0)
    assert expected_answer(q, {"a": 0.0, "b": 1.0}) == pytest.approx(1.0)
    # Interests in a dimension the statement does not measure move nothing: spread 0.
    low, high = {"a": 0.7, "b": 0.3, "c": 0.0}, {"a": 0.7, "b": 0.3, "c": 1.0}
    assert expected_answer(q, low) == expected_answer(q, high)


def test_pair_separation_lists_each_pair_once_lowest_first(catalog: Catalog) -> None:
    pairs = pair_separation(catalog)
    n = len(catalog.roles)
    assert len(pairs) == n * (n - 1) // 2
    distances = [d for _, _, d in pairs]
    assert distances == sorted(distances)
    unordered = [frozenset((a, b)) for a, b, _ in pairs]
    assert len(set(unordered)) == len(unordered)
    assert all(len(p) == 2 for p in unordered)  # never a role with itself
    order = {r.id: i for i, r in enumerate(catalog.roles)}
    assert all(order[a] < order[b] for a, b, _ in pairs)  # catalogue order within a pair
    assert all(d > 0 for d in distances)


def test_pair_separation_is_the_rms_difference(catalog: Catalog) -> None:
    rows = item_spread(catalog)
    for a, b, distance in pair_separation(catalog):
        sq = [(by_role[a] - by_role[b]) ** 2 for _, _, by_role in rows]
        assert distance == pytest.approx(math.sqrt(sum(sq) / len(sq)))


def test_pair_separation_is_zero_when_roles_weigh_alike(catalog: Catalog) -> None:
    assert all(d == 0.0 for _, _, d in pair_separation(equal_weights(catalog)))


# --- the benchmark script --------------------------------------------------------------------


@pytest.mark.slow
def test_benchmark_runs_end_to_end() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARK), "--people", "3"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for heading in (
        "3 orang per peran per tingkat derau",
        "######## kunci A: expert_key.json",
        "######## kunci B: expert_key_b.json",
        "Validitas: responden dari kunci ahli independen (benchmarks/expert_key_b.json)",
        "-- model sekarang (pola + minat) --",
        "-- model lama (rata-rata berbobot, selisih 5 poin) --",
        "top-1 berubah karena +1",
        "setengah-setengah → keduanya di top-2",
        "Kuis singkat pada responden kunci",
        "Ketepatan peringkat (top-1 / top-2)",
        "Analisis butir",
        "Jarak antar-pasangan peran",
        "selesai dalam",
    ):
        assert heading in out
    assert out.count("-- model sekarang (pola + minat) --") == 2
    assert out.count("Matriks kebingungan") == len(NOISE_LEVELS)

"""The scoring rules, one at a time, with hand-made answer sets built from the catalogue."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from conftest import clear_archetype
from kariersosial.core.fit import FITS_WELL, LEAD_Z, NOTHING_FITS_BELOW, fit_value
from kariersosial.core.models import Catalog, Question, Role
from kariersosial.core.scoring import MIN_ANSWERED, Result, Scorer, score
from kariersosial.words.messages import caution_text, fit_label

ROLES_JSON = Path(__file__).resolve().parents[1] / "data" / "roles.json"
ROLE_IDS = [r["id"] for r in json.loads(ROLES_JSON.read_text(encoding="utf-8"))["roles"]]

KKS = "koordinator-kebijakan-sosial"
KLS = "koordinator-layanan-sosial"
HIGH_WEIGHT = 0.8  # a role's dimensions weighted this much or more make up its archetype


# --- answer builders ---------------------------------------------------------------------


def archetype(catalog: Catalog, dimensions: Iterable[str]) -> dict[str, int]:
    """5 for statements whose loadings point towards these dimensions, 1 for all the others."""
    wanted = set(dimensions)
    return {
        q.id: 5
        if sum(m.direction * m.weight for m in q.loadings if m.dimension in wanted) > 0
        else 1
        for q in catalog.questions
    }


def role_archetype(catalog: Catalog, role: Role) -> dict[str, int]:
    return archetype(catalog, (w.dimension for w in role.weights if w.weight >= HIGH_WEIGHT))


# A plausible, consistent person: likes policy work and research, not budgets or fieldwork.
LATENT = {
    "kepedulian-sosial": 0.8,
    "komunikasi": 0.5,
    "perumusan-kebijakan": 1.0,
    "riset-analisis": 1.0,
    "anggaran-sumber-daya": -0.5,
    "kepemimpinan": 0.3,
    "koordinasi": 0.9,
    "pengorganisasian-layanan": 0.0,
    "perancangan-program": 0.0,
    "evaluasi": 0.4,
    "lapangan": -0.6,
    "pendampingan": 0.2,
    "skala-luas": 0.6,
    "kesabaran-kompromi": 0.7,
}


def from_latent(catalog: Catalog, latent: Mapping[str, float]) -> dict[str, int]:
    """Answers of someone whose interest in each dimension is `latent` (-1..1)."""
    answers = {}
    for q in catalog.questions:
        lean = sum(m.direction * m.weight * latent.get(m.dimension, 0.0) for m in q.loadings)
        lean /= sum(m.weight for m in q.loadings)
        answers[q.id] = max(1, min(5, round(3 + 2 * lean)))
    return answers


def consistent(catalog: Catalog) -> dict[str, int]:
    return from_latent(catalog, LATENT)


def statement(catalog: Catalog, starts: str) -> Question:
    return next(q for q in catalog.questions if q.text.startswith(starts))


def opposite_pair(catalog: Catalog, dimension: str) -> tuple[Question, Question]:
    """A statement keyed strongly towards `dimension` and one keyed strongly against it."""

    def keyed(direction: int) -> Question:
        return next(
            q
            for q in catalog.questions
            if any(
                m.dimension == dimension and m.direction == direction and m.weight >= 0.8
                for m in q.loadings
            )
        )

    return keyed(1), keyed(-1)


def scorer_pattern(catalog: Catalog, profile_id: str, answers: Mapping[str, int]) -> float:
    scorer = Scorer(catalog)
    return scorer.pattern(profile_id, scorer.valid(answers))


def fits(result: Result) -> dict[str, float]:
    return {f.role.id: f.fit for f in result.ranking}


def describe(result: Result) -> str:
    return ", ".join(f"{f.role.id}={f.fit:.1f}" for f in result.ranking)


def kinds(result: Result) -> list[str]:
    return [c.kind for c in result.cautions]


@pytest.fixture(scope="module")
def scorer(catalog: Catalog) -> Scorer:
    return Scorer(catalog)


# --- not enough answers ------------------------------------------------------------------


def test_empty_answers_give_the_defined_not_enough_outcome(catalog: Catalog) -> None:
    result = score(catalog, {})
    total = len(catalog.questions)
    assert result.status == "not_enough_answers"
    assert result.ranking == ()
    assert result.top is None
    assert (result.answered, result.skipped, result.total) == (0, 0, total)
    assert result.decisive is False
    assert result.nothing_fits is False
    assert result.misconception is None
    assert result.adjacent == ()
    assert result.profile == {}


def test_all_skipped_is_not_enough_and_counts_every_skip(catalog: Catalog) -> None:
    total = len(catalog.questions)
    result = score(catalog, dict.fromkeys((q.id for q in catalog.questions), None))
    assert result.status == "not_enough_answers"
    assert result.ranking == ()
    assert (result.answered, result.skipped, result.total) == (0, total, total)
    assert result.misconception is None
    assert "many_skips" in kinds(result)


def test_fewer_than_min_answered_is_not_enough(catalog: Catalog) -> None:
    answers = dict(list(consistent(catalog).items())[: MIN_ANSWERED - 1])
    result = score(catalog, answers)
    assert result.status == "not_enough_answers"
    assert result.ranking == ()
    assert result.answered == MIN_ANSWERED - 1
    assert result.skipped == 0  # the others were not asked, not skipped
    assert result.total == len(catalog.questions)
    assert result.misconception is None
    assert result.adjacent == ()


def test_exactly_min_answered_is_enough(catalog: Catalog) -> None:
    answers = dict(list(consistent(catalog).items())[:MIN_ANSWERED])
    result = score(catalog, answers)
    assert result.status == "ok"
    assert [f.rank for f in result.ranking] == list(range(1, len(catalog.roles) + 1))
    assert result.answered == MIN_ANSWERED


# --- archetypes --------------------------------------------------------------------------


def test_policy_coordination_research_person_ranks_koordinator_kebijakan_first(
    catalog: Catalog,
) -> None:
    answers = archetype(catalog, {"koordinasi", "perumusan-kebijakan", "riset-analisis"})
    result = score(catalog, answers)
    assert result.status == "ok"
    assert result.ranking[0].role.id == KKS, describe(result)
    assert result.ranking[0].role.name == "Koordinator Kebijakan Sosial"


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_each_roles_archetype_ranks_that_role_first(catalog: Catalog, role_id: str) -> None:
    # 5 on what the role's strongest weights stand for, 1 on everything else
    role = catalog.role(role_id)
    result = score(catalog, role_archetype(catalog, role))
    assert result.status == "ok"
    assert result.ranking[0].role.id == role_id, describe(result)


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_only_the_strongest_weights_still_rank_the_role_first(
    catalog: Catalog, role_id: str
) -> None:
    role = catalog.role(role_id)
    top = max(w.weight for w in role.weights)
    answers = archetype(catalog, (w.dimension for w in role.weights if w.weight == top))
    result = score(catalog, answers)
    assert result.ranking[0].role.id == role_id, describe(result)


# --- nothing fits, ties --------------------------------------------------------------------


def test_disagreeing_with_everything_means_nothing_fits(catalog: Catalog) -> None:
    result = score(catalog, dict.fromkeys((q.id for q in catalog.questions), 1))
    assert result.status == "ok"
    assert result.nothing_fits is True
    assert all(f.fit < NOTHING_FITS_BELOW for f in result.ranking), describe(result)


def test_a_clear_favourite_is_not_nothing_fits(catalog: Catalog) -> None:
    result = score(catalog, consistent(catalog))
    assert result.ranking[0].fit >= NOTHING_FITS_BELOW
    assert result.nothing_fits is False


def test_all_neutral_answers_are_a_tie(catalog: Catalog) -> None:
    result = score(catalog, dict.fromkeys((q.id for q in catalog.questions), 3))
    assert result.status == "ok"
    assert result.decisive is False
    # "ragu-ragu" throughout: every role the same, and no evidence of a fit
    assert {f.fit for f in result.ranking} == {fit_value(0.5, 0.0)}
    assert result.nothing_fits


def test_a_lead_within_its_standard_error_is_not_decisive(scorer: Scorer, catalog: Catalog) -> None:
    ids = [q.id for q in catalog.questions]
    seen = {True: 0, False: 0}
    for seed in range(300):
        rng = random.Random(seed)
        result = scorer.score({qid: rng.randint(1, 5) for qid in ids})
        assert result.decisive is (result.lead >= LEAD_Z), describe(result)
        seen[result.decisive] += 1
    assert seen[False] > 0  # random answers are mostly not decisive ...
    assert seen[False] > seen[True]  # ... and the rule is exercised both ways


def test_the_same_lead_becomes_decisive_with_more_answers(scorer: Scorer) -> None:
    catalog = scorer.catalog
    answers = role_archetype(catalog, catalog.role(KKS))
    few = dict(list(answers.items())[:8])
    assert scorer.score(answers).lead > scorer.score(few).lead
    assert scorer.score(answers).decisive


def test_a_clear_archetype_is_decisive(scorer: Scorer) -> None:
    catalog = scorer.catalog
    result = scorer.score(role_archetype(catalog, catalog.role(KKS)))
    assert result.ranking[0].role.id == KKS, describe(result)
    assert result.decisive is True


# --- evidence: matches and warnings ------------------------------------------------------


def test_matches_carry_the_traits_verbatim_quote(catalog: Catalog) -> None:
    result = score(catalog, consistent(catalog))
    shown = [e for f in result.ranking for e in f.matches]
    assert shown, "a consistent respondent should show some cocok traits"
    for fit in result.ranking:
        strengths = [e.strength for e in fit.matches]
        assert strengths == sorted(strengths, reverse=True)
        for evidence in fit.matches:
            trait = evidence.trait
            assert trait.role == fit.role.id
            assert trait.polarity == "cocok"
            assert trait == catalog.trait(trait.id)
            assert trait.source.text in catalog.sentence(trait.source.sentence).text
            assert 0.5 <= evidence.strength <= 1.0


PATIENT = "Saya lebih suka menyelesaikan satu masalah besar pelan-pelan"


def test_preferring_quick_small_wins_warns_about_kurang_sabar(catalog: Catalog) -> None:
    patient = statement(catalog, PATIENT)
    trait = catalog.trait("kls-tc-kurang-sabar")
    assert trait.polarity == "tidak_cocok"
    keyed = {k.direction for k in patient.traits if k.trait == trait.id}
    assert keyed == {-1}  # disagreeing with the patient choice shows impatience
    answers: dict[str, int | None] = dict.fromkeys((q.id for q in catalog.questions), 3)
    for q in catalog.questions:
        for key in q.traits:
            if key.trait == trait.id:
                answers[q.id] = 5 if key.direction > 0 else 1
    result = score(catalog, answers)
    kls = next(f for f in result.ranking if f.role.id == KLS)
    assert trait.id in [e.trait.id for e in kls.warnings]
    warning = next(e for e in kls.warnings if e.trait.id == trait.id)
    assert warning.trait.source.text in catalog.sentence(warning.trait.source.sentence).text
    assert all(e.trait.polarity == "tidak_cocok" for f in result.ranking for e in f.warnings)


def test_one_impatient_answer_alone_is_enough_to_warn(catalog: Catalog) -> None:
    patient = statement(catalog, PATIENT)
    keyed = {q.id for q in catalog.questions for k in q.traits if k.trait == "kls-tc-kurang-sabar"}
    answers: dict[str, int | None] = {q.id: None if q.id in keyed else 3 for q in catalog.questions}
    answers[patient.id] = 1
    kls = next(f for f in score(catalog, answers).ranking if f.role.id == KLS)
    assert "kls-tc-kurang-sabar" in [e.trait.id for e in kls.warnings]


def test_choosing_the_patient_way_gives_no_such_warning(catalog: Catalog) -> None:
    patient = statement(catalog, PATIENT)
    answers = consistent(catalog)
    answers[patient.id] = 5
    kls = next(f for f in score(catalog, answers).ranking if f.role.id == KLS)
    assert "kls-tc-kurang-sabar" not in [e.trait.id for e in kls.warnings]


# --- misconception -----------------------------------------------------------------------


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_misconception_belongs_to_the_top_role(catalog: Catalog, role_id: str) -> None:
    result = score(catalog, role_archetype(catalog, catalog.role(role_id)))
    top = result.ranking[0].role
    assert result.misconception is not None
    assert result.misconception in top.misconceptions


def _myth_about(role: Role, dimension: str) -> int:
    """Index of the role's misconception whose reality quotes the source of this weight."""
    source = next(w.source.sentence for w in role.weights if w.dimension == dimension)
    return next(
        i for i, m in enumerate(role.misconceptions) if source in {q.sentence for q in m.reality}
    )


def test_misconception_is_about_what_the_person_likes_least(catalog: Catalog) -> None:
    role = catalog.role(KKS)
    assert len(role.misconceptions) >= 2
    about_evaluasi = _myth_about(role, "evaluasi")
    on_evaluasi = [q.id for q in catalog.questions if q.loadings[0].dimension == "evaluasi"]
    assert on_evaluasi

    base = archetype(catalog, {"koordinasi", "perumusan-kebijakan", "riset-analisis"})
    dislikes = {**base, **dict.fromkeys(on_evaluasi, 1)}
    result = score(catalog, dislikes)
    assert result.ranking[0].role.id == KKS, describe(result)
    assert result.profile["evaluasi"] < 0.5
    assert result.misconception == role.misconceptions[about_evaluasi]

    likes = {**base, **dict.fromkeys(on_evaluasi, 5)}
    result = score(catalog, likes)
    assert result.ranking[0].role.id == KKS, describe(result)
    assert result.misconception in role.misconceptions
    assert result.misconception != role.misconceptions[about_evaluasi]


# --- adjacent professions ----------------------------------------------------------------


def expected_of(scorer: Scorer, profile_id: str) -> dict[str, int]:
    """The answers of someone clearly like this role's or profession's text."""
    return clear_archetype(scorer, profile_id)


def test_someone_like_a_pekerja_sosial_is_told_about_that_profession(scorer: Scorer) -> None:
    catalog = scorer.catalog
    answers = expected_of(scorer, "pekerja-sosial")
    result = scorer.score(answers)
    adjacent = {a.profession.id: a for a in result.adjacent}
    assert "pekerja-sosial" in adjacent, describe(result)
    found = adjacent["pekerja-sosial"]
    assert found.fit >= FITS_WELL
    assert scorer.pattern("pekerja-sosial", scorer.valid(answers)) > result.ranking[0].pattern
    assert found.quotes
    assert "pekerja-sosial" in [d.profession for d in found.role.differences]
    role_sentences = {s.id for s in found.role.sentences}
    for quote in found.quotes:
        assert quote.sentence in role_sentences
        sentence = catalog.sentence(quote.sentence)
        assert sentence.section == "perbedaan"
        assert quote.text in sentence.text
    assert any(
        "pekerja sosial" in catalog.sentence(q.sentence).text.casefold() for q in found.quotes
    )


def test_koordinator_layanan_sosial_is_told_apart_from_pekerja_sosial(scorer: Scorer) -> None:
    # The text: KLS "lebih fokus pada perencanaan, pengorganisasian, dan supervisi program
    # layanan", the pekerja sosial works directly with people. The two must not look alike.
    kls = expected_of(scorer, KLS)
    social_worker = expected_of(scorer, "pekerja-sosial")
    assert scorer.score(kls).ranking[0].role.id == KLS
    assert "pekerja-sosial" not in {a.profession.id for a in scorer.score(kls).adjacent}
    assert scorer.pattern(KLS, kls) > scorer.pattern("pekerja-sosial", kls) + 0.1
    assert scorer.pattern("pekerja-sosial", social_worker) > scorer.pattern(KLS, social_worker)
    organise = statement(catalog=scorer.catalog, starts="Saya lebih suka mengatur tim relawan")
    expected = scorer.patterns.expected
    assert expected[KLS][organise.id] - expected["pekerja-sosial"][organise.id] >= 0.8
    kls_weights = {w.dimension: w.weight for w in scorer.catalog.role(KLS).weights}
    profile = {w.dimension: w.weight for w in scorer.catalog.profession("pekerja-sosial").profile}
    assert kls_weights != profile
    assert kls_weights["pengorganisasian-layanan"] == 1.0
    assert kls_weights["lapangan"] < profile["lapangan"]
    assert kls_weights["pendampingan"] < profile["pendampingan"]


def test_policy_person_sees_no_pekerja_sosial(catalog: Catalog) -> None:
    answers = archetype(catalog, {"koordinasi", "perumusan-kebijakan", "riset-analisis"})
    result = score(catalog, answers)
    assert "pekerja-sosial" not in [a.profession.id for a in result.adjacent]


# --- cautions ----------------------------------------------------------------------------


def test_all_fours_is_straight_lining(catalog: Catalog) -> None:
    result = score(catalog, dict.fromkeys((q.id for q in catalog.questions), 4))
    assert "straight_lining" in kinds(result)


def test_half_skipped_is_many_skips(catalog: Catalog) -> None:
    answers: dict[str, int | None] = dict(consistent(catalog))
    for i, qid in enumerate(list(answers)):
        if i % 2:
            answers[qid] = None
    result = score(catalog, answers)
    assert result.status == "ok"
    assert result.skipped == len(catalog.questions) // 2
    assert kinds(result) == ["many_skips"]


def test_agreeing_with_both_statements_of_a_curated_pair_is_a_contradiction(
    catalog: Catalog,
) -> None:
    assert catalog.opposites, "the catalogue lists its opposite pairs"
    answers = consistent(catalog)
    pairs = [(catalog.question(o.first), catalog.question(o.second)) for o in catalog.opposites]
    for a, b in pairs:
        answers[a.id] = answers[b.id] = 4
    result = score(catalog, answers)
    caution = next(c for c in result.cautions if c.kind == "contradiction")
    for a, b in pairs:
        assert a.id in caution.questions
        assert b.id in caution.questions
        assert (a, b) in caution.pairs  # shown to the person with both statements' text
    assert f"{len(pairs)} pasang" in caution_text(caution)


def test_one_clashing_pair_is_enough_and_is_named_as_one(catalog: Catalog) -> None:
    answers = consistent(catalog)
    first = catalog.opposites[0]
    answers[first.first] = 5
    answers[first.second] = 4
    for other in catalog.opposites[1:]:
        answers[other.second] = 2
    caution = next(c for c in score(catalog, answers).cautions if c.kind == "contradiction")
    assert caution.pairs == ((catalog.question(first.first), catalog.question(first.second)),)
    assert "sepasang pernyataan" in caution_text(caution)


def test_disagreeing_with_both_of_a_pair_is_no_contradiction(catalog: Catalog) -> None:
    # Preferring neither side of two opposite comparatives is consistent (both are "no").
    answers = consistent(catalog)
    for o in catalog.opposites:
        answers[o.first] = answers[o.second] = 2
    assert "contradiction" not in kinds(score(catalog, answers))


def test_pairs_that_only_share_a_dimension_are_not_flagged(catalog: Catalog) -> None:
    # p13 and p35 both load on scale, but liking world news and preferring national issues
    # do not oppose each other: only curated pairs count.
    answers = consistent(catalog)
    curated = {q for o in catalog.opposites for q in (o.first, o.second)}
    for q in catalog.questions:
        if q.id not in curated:
            answers[q.id] = 5
    for q in curated:
        answers[q] = 3
    assert "contradiction" not in kinds(score(catalog, answers))


def test_a_consistent_respondent_gets_no_caution(catalog: Catalog) -> None:
    answers = consistent(catalog)
    assert len(set(answers.values())) >= 3  # varied, not one value throughout
    result = score(catalog, answers)
    assert result.status == "ok"
    assert result.cautions == ()


# --- invalid values ----------------------------------------------------------------------


@pytest.mark.parametrize("bad", [0, 6, -1, "4", True, False, 4.0, 3.5, [4], {"x": 4}])
def test_invalid_values_are_ignored(catalog: Catalog, bad: object) -> None:
    answers = consistent(catalog)
    victim = catalog.questions[0].id
    with_bad: dict[str, object] = {**answers, victim: bad}
    result = score(catalog, with_bad)  # type: ignore[arg-type]
    assert result == score(catalog, {**answers, victim: None})  # an unusable answer is a skip
    assert (result.answered, result.skipped) == (len(catalog.questions) - 1, 1)


def test_unknown_ids_are_ignored(catalog: Catalog) -> None:
    answers = consistent(catalog)
    noisy: dict[str, object] = {"p99": 5, "": 3, "P01": 1, " p01": 5, "zz": None, **answers}
    result = score(catalog, noisy)  # type: ignore[arg-type]
    assert result == score(catalog, answers)
    assert result.answered == len(catalog.questions)


def test_none_is_a_skip_and_a_missing_statement_was_not_asked(catalog: Catalog) -> None:
    answers = consistent(catalog)
    victim = catalog.questions[-1].id
    skipped = score(catalog, {**answers, victim: None})
    not_asked = score(catalog, {k: v for k, v in answers.items() if k != victim})
    assert fits(skipped) == fits(not_asked)
    assert skipped.ranking == not_asked.ranking
    assert skipped.profile == not_asked.profile
    assert (skipped.answered, skipped.skipped) == (len(catalog.questions) - 1, 1)
    assert (not_asked.answered, not_asked.skipped) == (len(catalog.questions) - 1, 0)


# --- fit labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fit", "label"),
    [
        (100.0, "sangat cocok"),
        (75.0, "sangat cocok"),
        (74.999, "cocok"),
        (FITS_WELL, "cocok"),
        (FITS_WELL - 0.001, "cukup cocok"),
        (NOTHING_FITS_BELOW, "cukup cocok"),
        (NOTHING_FITS_BELOW - 0.001, "kurang cocok"),
        (49.0, "kurang cocok"),
        (0.0, "kurang cocok"),
    ],
)
def test_fit_label_boundaries(fit: float, label: str) -> None:
    assert fit_label(fit) == label

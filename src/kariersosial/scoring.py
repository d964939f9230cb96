"""The pure scoring engine: answers in, ranked roles with quoted evidence out. No I/O here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from kariersosial.models import Catalog, Misconception, Profession, Question, Quote, Role, Trait

SCALE = (1, 2, 3, 4, 5)
MIN_ANSWERED = 6  # fewer answers than this say too little to rank anything
TIE_MARGIN = 5.0  # a lead smaller than this (fit points) is not decisive
FITS_WELL = 60.0  # a fit from here up is shown as "cocok"
NOTHING_FITS_BELOW = 55.0  # when even the best role is below this, say that none fits well
EVIDENCE = 0.5  # a trait counts as shown when the answers lean this far (-1..1) towards it
SKIP_SHARE = 0.3  # more skips than this share of the bank makes the result shaky
STRAIGHT_SHARE = 0.9  # this share of identical answers looks like answering without reading
STRAIGHT_MIN = 8
CONTRADICTIONS_FOR_CAUTION = 2

Answers = Mapping[str, int | None]
Status = Literal["ok", "not_enough_answers"]
CautionKind = Literal["straight_lining", "many_skips", "contradiction"]


@dataclass(frozen=True, slots=True)
class TraitEvidence:
    trait: Trait
    strength: float  # 0..1, how clearly the answers show the trait


@dataclass(frozen=True, slots=True)
class RoleFit:
    role: Role
    fit: float  # 0..100: how much the person likes what this role is made of
    rank: int
    matches: tuple[TraitEvidence, ...]  # cocok traits the answers show, strongest first
    warnings: tuple[TraitEvidence, ...]  # tidak cocok traits the answers show


@dataclass(frozen=True, slots=True)
class Adjacent:
    """A similar profession that fits the answers better, with the quote that sets it apart."""

    profession: Profession
    fit: float
    role: Role
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Caution:
    kind: CautionKind
    message: str
    questions: tuple[str, ...] = ()
    pairs: tuple[tuple[Question, Question], ...] = ()  # for contradictions: the clashing pairs


@dataclass(frozen=True, slots=True)
class Result:
    status: Status
    ranking: tuple[RoleFit, ...]
    answered: int
    skipped: int  # statements shown but skipped
    total: int  # statements in the bank; those neither answered nor skipped were not asked
    decisive: bool
    nothing_fits: bool
    misconception: Misconception | None
    adjacent: tuple[Adjacent, ...]
    cautions: tuple[Caution, ...]
    profile: Mapping[str, float]  # dimension id -> 0..1 interest, only where answered

    @property
    def top(self) -> RoleFit | None:
        return self.ranking[0] if self.ranking else None


@dataclass(frozen=True, slots=True)
class Ranking:
    """The lean result of `Scorer.rank`: what `Result` says, minus evidence, quotes, professions."""

    status: Status
    fits: tuple[tuple[Role, float], ...]  # best first; empty unless status is "ok"
    answered: int
    skipped: int
    decisive: bool
    nothing_fits: bool
    cautions: tuple[Caution, ...]


def centered(answer: int) -> float:
    """1..5 to -1..1, so that 3 (ragu-ragu) is neutral."""
    return (answer - 3) / 2


def fit_label(fit: float) -> str:
    """Words for a fit; below NOTHING_FITS_BELOW it never says "cocok" without "kurang"."""
    if fit >= 75:
        return "sangat cocok"
    if fit >= FITS_WELL:
        return "cocok"
    if fit >= NOTHING_FITS_BELOW:
        return "cukup cocok"
    return "kurang cocok"


class Scorer:
    """Scores answers against one catalogue; build once, score many times."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.questions = catalog.questions
        self.by_trait: dict[str, list[tuple[Question, int]]] = {}
        for q in self.questions:
            for key in q.traits:
                self.by_trait.setdefault(key.trait, []).append((q, key.direction))
        self.opposites = _opposite_pairs(self.questions)
        self.role_weights = {
            r.id: {w.dimension: w.weight for w in r.weights} for r in catalog.roles
        }

    def valid(self, answers: Answers) -> dict[str, int]:
        """Only the answers that mean something: known statements, values 1..5."""
        return {
            q.id: a
            for q in self.questions
            if isinstance(a := answers.get(q.id), int) and not isinstance(a, bool) and a in SCALE
        }

    def profile(self, given: Mapping[str, int]) -> dict[str, float]:
        """Interest 0..1 per dimension, a weighted mean of the statements that measure it."""
        sums: dict[str, float] = {}
        weights: dict[str, float] = {}
        for q in self.questions:  # catalogue order: the same sums whatever the answers' order
            if q.id not in given:
                continue
            x = centered(given[q.id])
            for m in q.loadings:
                sums[m.dimension] = sums.get(m.dimension, 0.0) + m.direction * m.weight * x
                weights[m.dimension] = weights.get(m.dimension, 0.0) + m.weight
        return {d: (sums[d] / weights[d] + 1) / 2 for d in sums}

    def fit(self, weights: Mapping[str, float], profile: Mapping[str, float]) -> float | None:
        """0..100: the person's interest in the dimensions, weighted as the role needs them."""
        total = sum(w for d, w in weights.items() if d in profile)
        if total == 0:
            return None
        return 100 * sum(w * profile[d] for d, w in weights.items() if d in profile) / total

    def trait_evidence(self, trait: Trait, given: Mapping[str, int]) -> float | None:
        """-1..1: how far the answers lean towards showing this trait."""
        keyed = [(q, d) for q, d in self.by_trait.get(trait.id, ()) if q.id in given]
        if not keyed:
            return None
        return sum(d * centered(given[q.id]) for q, d in keyed) / len(keyed)

    def score(self, answers: Answers) -> Result:
        given = self.valid(answers)
        total = len(self.questions)
        skipped = sum(1 for q in self.questions if q.id in answers) - len(given)
        cautions = self.cautions(given, skipped)
        profile = self.profile(given)
        if len(given) < MIN_ANSWERED:
            return Result(
                "not_enough_answers",
                (),
                len(given),
                skipped,
                total,
                False,
                False,
                None,
                (),
                cautions,
                profile,
            )
        ranking = tuple(
            RoleFit(role, value, rank, *self._evidence(role, given))
            for rank, (role, value) in enumerate(self.sorted_fits(profile), start=1)
        )
        top = ranking[0]
        decisive = len(ranking) < 2 or top.fit - ranking[1].fit >= TIE_MARGIN
        return Result(
            "ok",
            ranking,
            len(given),
            skipped,
            total,
            decisive,
            top.fit < NOTHING_FITS_BELOW,
            self.misconception(top.role, profile),
            self.adjacent(ranking, profile),
            cautions,
            profile,
        )

    def rank(self, answers: Answers) -> Ranking:
        """`score` without evidence, misconception and professions: for many people at once.

        Agrees with `score` on every field the two share (status, fits and their order,
        answered, skipped, decisive, nothing_fits, cautions) and is about three times faster.
        """
        given = self.valid(answers)
        skipped = sum(1 for q in self.questions if q.id in answers) - len(given)
        cautions = self.cautions(given, skipped)
        if len(given) < MIN_ANSWERED:
            return Ranking("not_enough_answers", (), len(given), skipped, False, False, cautions)
        fits = self.sorted_fits(self.profile(given))
        top = fits[0][1]
        decisive = len(fits) < 2 or top - fits[1][1] >= TIE_MARGIN
        return Ranking(
            "ok", fits, len(given), skipped, decisive, top < NOTHING_FITS_BELOW, cautions
        )

    def sorted_fits(self, profile: Mapping[str, float]) -> tuple[tuple[Role, float], ...]:
        """Every role with its fit, best first; equal fits keep the catalogue's order."""
        fits = []
        for order, role in enumerate(self.catalog.roles):
            value = self.fit(self.role_weights[role.id], profile)
            fits.append((-(value or 0.0), order, role, value or 0.0))
        # round away float noise so that equal fits keep the catalogue's order
        fits.sort(key=lambda item: (round(item[0], 9), item[1]))
        return tuple((role, value) for _, _, role, value in fits)

    def _evidence(
        self, role: Role, given: Mapping[str, int]
    ) -> tuple[tuple[TraitEvidence, ...], tuple[TraitEvidence, ...]]:
        found: dict[str, list[TraitEvidence]] = {"cocok": [], "tidak_cocok": []}
        for trait in role.traits:
            lean = self.trait_evidence(trait, given)
            if lean is not None and lean >= EVIDENCE:
                found[trait.polarity].append(TraitEvidence(trait, lean))
        ordered = {k: tuple(sorted(v, key=lambda e: -e.strength)) for k, v in found.items()}
        return ordered["cocok"], ordered["tidak_cocok"]

    def misconception(self, role: Role, profile: Mapping[str, float]) -> Misconception | None:
        """The misconception whose reality concerns what this person likes least in the role."""
        best: tuple[float, int, Misconception] | None = None
        for order, myth in enumerate(role.misconceptions):
            sentences = {q.sentence for q in myth.reality}
            dims = [w.dimension for w in role.weights if w.source.sentence in sentences]
            interest = min((profile[d] for d in dims if d in profile), default=0.5)
            if best is None or (interest, order) < best[:2]:
                best = (interest, order, myth)
        return best[2] if best else None

    def adjacent(
        self, ranking: tuple[RoleFit, ...], profile: Mapping[str, float]
    ) -> tuple[Adjacent, ...]:
        """Similar professions that fit the answers at least as well as the best role."""
        found = []
        top = ranking[0]
        for prof in self.catalog.professions:
            value = self.fit({w.dimension: w.weight for w in prof.profile}, profile)
            if value is None or value < max(FITS_WELL, top.fit):
                continue
            named = [(fit.role, d) for fit in ranking for d in fit.role.differences]
            match = next(((r, d) for r, d in named if d.profession == prof.id), None)
            if match:
                found.append(Adjacent(prof, value, match[0], match[1].quotes))
        return tuple(sorted(found, key=lambda a: -a.fit))

    def cautions(self, given: Mapping[str, int], skipped: int) -> tuple[Caution, ...]:
        found = []
        shown = len(given) + skipped
        if given and len(given) >= STRAIGHT_MIN:
            value, count = Counter(given.values()).most_common(1)[0]
            if count / len(given) >= STRAIGHT_SHARE:
                found.append(
                    Caution(
                        "straight_lining",
                        f"Hampir semua jawabanmu sama ({count} dari {len(given)} jawaban bernilai "
                        f"{value}). Hasil ini mungkin tidak menggambarkan dirimu; coba jawab lagi "
                        "dengan membaca tiap pernyataan.",
                    )
                )
        if shown and skipped / shown > SKIP_SHARE:
            found.append(
                Caution(
                    "many_skips",
                    f"Kamu melewati {skipped} dari {shown} pernyataan, jadi hasilnya kurang kuat. "
                    "Jawab lebih banyak pernyataan agar hasilnya lebih bisa dipercaya.",
                )
            )
        clashes = [
            (a, b)
            for a, b in self.opposites
            if a.id in given
            and b.id in given
            and centered(given[a.id]) * centered(given[b.id]) >= 0.25
        ]
        if len(clashes) >= CONTRADICTIONS_FOR_CAUTION:
            ids = tuple(dict.fromkeys(q.id for pair in clashes for q in pair))
            found.append(
                Caution(
                    "contradiction",
                    f"Ada {len(clashes)} pasang jawaban yang saling bertentangan: kamu setuju "
                    "(atau sama-sama tidak setuju) dengan dua pernyataan yang maksudnya "
                    "berlawanan. Baca lagi pernyataan itu dan periksa jawabanmu.",
                    ids,
                    tuple(clashes),
                )
            )
        return tuple(found)


def _opposite_pairs(questions: tuple[Question, ...]) -> list[tuple[Question, Question]]:
    """Statements that measure the same dimension strongly in opposite directions."""
    pairs = []
    for i, a in enumerate(questions):
        for b in questions[i + 1 :]:
            if any(
                la.dimension == lb.dimension
                and la.direction != lb.direction
                and min(la.weight, lb.weight) >= 0.8
                for la in a.loadings
                for lb in b.loadings
            ):
                pairs.append((a, b))
    return pairs


def score(catalog: Catalog, answers: Answers) -> Result:
    """Rank the catalogue's roles for these answers (statement id -> 1..5, or None to skip)."""
    return Scorer(catalog).score(answers)

"""The pure scoring engine: answers in, ranked roles with quoted evidence out. No I/O here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from kariersosial.core.expected import patterns
from kariersosial.core.fit import (
    FITS_WELL,
    LEAD_Z,
    NOTHING_FITS_BELOW,
    Side,
    centred,
    correlation,
    correlation_of,
    fit_value,
    lead_in_errors,
)
from kariersosial.core.models import (
    Catalog,
    Misconception,
    Profession,
    Question,
    Quote,
    Role,
    Trait,
)

SCALE = (1, 2, 3, 4, 5)
MIN_ANSWERED = 6  # fewer answers than this say too little to rank anything
EVIDENCE = 0.5  # a trait counts as shown when the answers lean this far (-1..1) towards it
SKIP_SHARE = 0.3  # more skips than this share of the bank makes the result shaky
STRAIGHT_SHARE = 0.9  # this share of identical answers looks like answering without reading
STRAIGHT_MIN = 8
AGREE_ALL_SHARE = 0.9  # agreeing (4 or 5) with this share of the "I like this" statements
AGREE = 4  # both statements of a curated opposite pair answered this high is a contradiction

Answers = Mapping[str, int | None]
Status = Literal["ok", "not_enough_answers"]
CautionKind = Literal["straight_lining", "agrees_with_all", "many_skips", "contradiction"]


@dataclass(frozen=True, slots=True)
class TraitEvidence:
    trait: Trait
    strength: float  # 0..1, how clearly the answers show the trait


@dataclass(frozen=True, slots=True)
class RoleFit:
    role: Role
    fit: int  # 0..100, shown as is: interest level and pattern match combined, rounded once
    rank: int
    matches: tuple[TraitEvidence, ...]  # cocok traits the answers show, strongest first
    warnings: tuple[TraitEvidence, ...]  # tidak cocok traits the answers show
    pattern: float = 0.0  # -1..1: how the shape of the answers matches what sets the role apart


@dataclass(frozen=True, slots=True)
class Adjacent:
    """A similar profession that fits the answers better, with the quote that sets it apart."""

    profession: Profession
    fit: int
    role: Role
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Caution:
    """What in the answers weakens the result: `count` of `total` (the words: words.messages)."""

    kind: CautionKind
    count: int
    total: int = 0
    value: int = 0  # for straight-lining: the answer given over and over
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
    interest: int = 0  # 0..100: how much the person likes this kind of work overall
    lead: float = 0.0  # the top role's lead over the second, in standard errors

    @property
    def top(self) -> RoleFit | None:
        return self.ranking[0] if self.ranking else None


@dataclass(frozen=True, slots=True)
class Ranking:
    """The lean result of `Scorer.rank`: what `Result` says, minus evidence, quotes, professions."""

    status: Status
    fits: tuple[tuple[Role, int], ...]  # best first; empty unless status is "ok"
    answered: int
    skipped: int
    decisive: bool
    nothing_fits: bool
    cautions: tuple[Caution, ...]
    interest: int = 0
    lead: float = 0.0


@dataclass(frozen=True, slots=True)
class Shapes:
    """The shape of one person's answers against every role (see `Scorer.shapes`)."""

    patterns: tuple[tuple[Role, float], ...]  # best first, ties in catalogue order
    interest: float  # 0..1
    lead: float  # standard errors between the first and the second pattern


def centered(answer: int) -> float:
    """1..5 to -1..1, so that 3 (ragu-ragu) is neutral."""
    return (answer - 3) / 2


class Scorer:
    """Scores answers against one catalogue; build once, score many times."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.questions = catalog.questions
        self.by_trait: dict[str, list[tuple[Question, int]]] = {}
        for q in self.questions:
            for key in q.traits:
                self.by_trait.setdefault(key.trait, []).append((q, key.direction))
        self.opposites = [
            (catalog.question(o.first), catalog.question(o.second)) for o in catalog.opposites
        ]
        self.patterns = patterns(catalog)
        self.single = {q.id for q in self.questions if q.form == "single"}
        self._sides: dict[tuple[str, ...], dict[str, Side]] = {}

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

    def interest(self, given: Mapping[str, int]) -> float:
        """0..1: the mean agreement with the single statements (each says "I like this")."""
        levels = [(a - 1) / 4 for qid, a in given.items() if qid in self.single]
        if not levels:  # only comparatives answered: they carry no level, so stay neutral
            return 0.5
        return sum(levels) / len(levels)

    def pattern(self, profile_id: str, given: Mapping[str, int]) -> float:
        """-1..1: how the answers' shape matches what sets this role or profession apart."""
        distinct = self.patterns.distinct[profile_id]
        ids = list(given)
        return correlation([given[q] for q in ids], [distinct[q] for q in ids])

    def shapes(self, given: Mapping[str, int]) -> Shapes:
        """Every role's pattern match, best first, with the lead's size in standard errors.

        The order depends only on the shape of the answers: adding the same amount to every
        answer, or stretching them all away from or towards the middle, leaves it unchanged.
        """
        ids = tuple(given)
        answers = centred([given[q] for q in ids])
        sides = self._role_sides(ids)
        scored = []
        for order, role in enumerate(self.catalog.roles):
            scored.append((round(-correlation_of(answers, sides[role.id]), 9), order, role))
        scored.sort(key=lambda item: (item[0], item[1]))
        ordered = tuple((role, -value) for value, _, role in scored)
        lead = 0.0
        if len(ordered) > 1:
            (first, r1), (second, r2) = ordered[0], ordered[1]
            between = correlation_of(sides[first.id], sides[second.id])
            lead = lead_in_errors(r1, r2, between, len(ids))
        return Shapes(ordered, self.interest(given), lead)

    def _role_sides(self, ids: tuple[str, ...]) -> dict[str, Side]:
        """Each role's pattern over `ids` as a correlation side, kept for the next call: the
        short quiz asks about the same statements hundreds of times while it decides."""
        found = self._sides.get(ids)
        if found is None:
            if len(self._sides) >= 64:
                self._sides.clear()
            distinct = self.patterns.distinct
            found = {r.id: centred([distinct[r.id][q] for q in ids]) for r in self.catalog.roles}
            self._sides[ids] = found
        return found

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
        shapes = self.shapes(given)
        ranking = tuple(
            RoleFit(
                role,
                fit_value(shapes.interest, value),
                rank,
                *self._evidence(role, given),
                pattern=value,
            )
            for rank, (role, value) in enumerate(shapes.patterns, start=1)
        )
        top = ranking[0]
        return Result(
            "ok",
            ranking,
            len(given),
            skipped,
            total,
            self._decisive(shapes, [f.fit for f in ranking]),
            top.fit < NOTHING_FITS_BELOW,
            self.misconception(top.role, profile),
            self.adjacent(ranking, shapes.interest, given),
            cautions,
            profile,
            round(100 * shapes.interest),
            shapes.lead,
        )

    def rank(self, answers: Answers) -> Ranking:
        """`score` without evidence, misconception and professions: for many people at once.

        Agrees with `score` on every field the two share (status, fits and their order,
        answered, skipped, decisive, nothing_fits, cautions, interest, lead).
        """
        given = self.valid(answers)
        skipped = sum(1 for q in self.questions if q.id in answers) - len(given)
        cautions = self.cautions(given, skipped)
        if len(given) < MIN_ANSWERED:
            return Ranking("not_enough_answers", (), len(given), skipped, False, False, cautions)
        shapes = self.shapes(given)
        fits = tuple((role, fit_value(shapes.interest, value)) for role, value in shapes.patterns)
        return Ranking(
            "ok",
            fits,
            len(given),
            skipped,
            self._decisive(shapes, [fit for _, fit in fits]),
            fits[0][1] < NOTHING_FITS_BELOW,
            cautions,
            round(100 * shapes.interest),
            shapes.lead,
        )

    @staticmethod
    def _decisive(shapes: Shapes, fits: Sequence[int]) -> bool:
        """A clear lead, and one the shown numbers show: "paling cocok" under two equal fits
        would contradict the ranking beside it."""
        if len(shapes.patterns) < 2:
            return True
        return shapes.lead >= LEAD_Z and fits[0] > fits[1]

    def sorted_fits(self, given: Mapping[str, int]) -> tuple[tuple[Role, int], ...]:
        """Every role with its shown fit, best first; equal patterns keep the catalogue's order."""
        shapes = self.shapes(given)
        return tuple((role, fit_value(shapes.interest, value)) for role, value in shapes.patterns)

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
        self, ranking: tuple[RoleFit, ...], interest: float, given: Mapping[str, int]
    ) -> tuple[Adjacent, ...]:
        """Similar professions whose pattern matches the answers better than the best role's."""
        found = []
        top = ranking[0]
        for prof in self.catalog.professions:
            value = self.pattern(prof.id, given)
            fit = fit_value(interest, value)
            if value <= top.pattern or fit < FITS_WELL:
                continue
            named = [(fit.role, d) for fit in ranking for d in fit.role.differences]
            match = next(((r, d) for r, d in named if d.profession == prof.id), None)
            if match:
                found.append(Adjacent(prof, fit, match[0], match[1].quotes))
        return tuple(sorted(found, key=lambda a: -a.fit))

    def cautions(self, given: Mapping[str, int], skipped: int) -> tuple[Caution, ...]:
        found = []
        shown = len(given) + skipped
        if given and len(given) >= STRAIGHT_MIN:
            value, count = Counter(given.values()).most_common(1)[0]
            if count / len(given) >= STRAIGHT_SHARE:
                found.append(Caution("straight_lining", count, len(given), value))
        singles = [a for qid, a in given.items() if qid in self.single]
        agreed = sum(a >= AGREE for a in singles)
        straight = any(c.kind == "straight_lining" for c in found)
        if (
            len(singles) >= STRAIGHT_MIN
            and agreed / len(singles) >= AGREE_ALL_SHARE
            and not straight
        ):
            found.append(Caution("agrees_with_all", agreed, len(singles)))
        if shown and skipped / shown > SKIP_SHARE:
            found.append(Caution("many_skips", skipped, shown))
        clashes = [
            (a, b)
            for a, b in self.opposites
            if given.get(a.id, 0) >= AGREE and given.get(b.id, 0) >= AGREE
        ]
        if clashes:
            ids = tuple(dict.fromkeys(q.id for pair in clashes for q in pair))
            found.append(
                Caution("contradiction", len(clashes), questions=ids, pairs=tuple(clashes))
            )
        return tuple(found)


def score(catalog: Catalog, answers: Answers) -> Result:
    """Rank the catalogue's roles for these answers (statement id -> 1..5, or None to skip)."""
    return Scorer(catalog).score(answers)

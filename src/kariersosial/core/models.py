"""The domain: immutable models of the role catalogue and its question bank."""

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Section = Literal["tugas", "cocok", "tidak_cocok", "miskonsepsi", "realita", "perbedaan"]
Polarity = Literal["cocok", "tidak_cocok"]
Form = Literal["single", "comparative"]

SECTIONS: tuple[Section, ...] = (
    "tugas",
    "cocok",
    "tidak_cocok",
    "miskonsepsi",
    "realita",
    "perbedaan",
)
POLARITIES: tuple[Polarity, ...] = ("cocok", "tidak_cocok")
FORMS: tuple[Form, ...] = ("single", "comparative")


class Quote(NamedTuple):
    """A verbatim span of one source sentence."""

    sentence: str
    text: str


class Sentence(NamedTuple):
    id: str
    paragraph: int
    section: Section
    text: str


class Trait(NamedTuple):
    id: str
    role: str
    label: str
    polarity: Polarity
    source: Quote


class Misconception(NamedTuple):
    myth: Quote
    reality: tuple[Quote, ...]


class Difference(NamedTuple):
    profession: str
    quotes: tuple[Quote, ...]


class Weight(NamedTuple):
    dimension: str
    weight: float
    source: Quote


class Dimension(NamedTuple):
    id: str
    name: str
    description: str


class Profession(NamedTuple):
    """A similar profession named in a "perbedaan" paragraph, with its own profile."""

    id: str
    name: str
    profile: tuple[Weight, ...]


class Role(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    sentences: tuple[Sentence, ...]
    traits: tuple[Trait, ...]
    misconceptions: tuple[Misconception, ...]
    differences: tuple[Difference, ...]
    weights: tuple[Weight, ...]
    source_file: str | None = None

    def section(self, name: Section) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.section == name)

    def traits_of(self, polarity: Polarity) -> tuple[Trait, ...]:
        return tuple(t for t in self.traits if t.polarity == polarity)

    def weight_of(self, dimension: str) -> float:
        return next((w.weight for w in self.weights if w.dimension == dimension), 0.0)


class Loading(NamedTuple):
    """How agreeing with a statement moves one dimension: direction +1 or -1, weight 0..1."""

    dimension: str
    direction: int
    weight: float


class TraitKey(NamedTuple):
    """Agreeing (direction +1) or disagreeing (-1) with a statement shows this trait."""

    trait: str
    direction: int


class Question(NamedTuple):
    """A statement to agree or disagree with, traced to the source sentence behind it.

    A "single" statement says the person likes one thing; a "comparative" one ("Saya lebih suka
    A daripada B") weighs two, so it carries preference but no overall level of interest.
    """

    id: str
    text: str
    source: Quote
    loadings: tuple[Loading, ...]
    traits: tuple[TraitKey, ...]
    form: Form = "single"
    # the answer (1..5) expected of someone each role's or profession's text describes, and why
    expected: tuple[tuple[str, float], ...] = ()
    expected_reason: str = ""

    def expected_of(self, profile_id: str) -> float | None:
        return next((v for k, v in self.expected if k == profile_id), None)


class Opposite(NamedTuple):
    """Two statements that cannot both be agreed with, and why (curated, not derived)."""

    first: str
    second: str
    reason: str


@dataclass(frozen=True, slots=True)
class Catalog:
    version: str
    dimensions: tuple[Dimension, ...]
    professions: tuple[Profession, ...]
    roles: tuple[Role, ...]
    questions: tuple[Question, ...]
    opposites: tuple[Opposite, ...] = ()
    _roles: dict[str, Role] = field(init=False, repr=False, compare=False)
    _traits: dict[str, Trait] = field(init=False, repr=False, compare=False)
    _sentences: dict[str, Sentence] = field(init=False, repr=False, compare=False)
    _questions: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__  # frozen: the indexes are derived once here
        set_(self, "_roles", {r.id: r for r in self.roles})
        set_(self, "_traits", {t.id: t for r in self.roles for t in r.traits})
        set_(self, "_sentences", {s.id: s for r in self.roles for s in r.sentences})
        set_(self, "_questions", {q.id: q for q in self.questions})

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]

    def trait(self, trait_id: str) -> Trait:
        return self._traits[trait_id]

    def sentence(self, sentence_id: str) -> Sentence:
        return self._sentences[sentence_id]

    def question(self, question_id: str) -> Question:
        return self._questions[question_id]

    def profession(self, profession_id: str) -> Profession:
        return next(p for p in self.professions if p.id == profession_id)

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)


def mid_sentence(profession: str) -> str:
    """A profession's name inside a sentence: "Pekerja sosial" becomes "pekerja sosial"."""
    return f"{profession[:1].lower()}{profession[1:]}"

"""The domain: immutable models of the role catalogue and its question bank."""

from typing import Any, Literal, NamedTuple

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


class Catalog:
    """The whole catalogue, immutable, with its lookups indexed once.

    Written out rather than a dataclass, for the same start-up reason as the models above.
    """

    __slots__ = (
        "_questions",
        "_roles",
        "_sentences",
        "_traits",
        "dimensions",
        "opposites",
        "professions",
        "questions",
        "roles",
        "version",
    )
    version: str
    dimensions: tuple[Dimension, ...]
    professions: tuple[Profession, ...]
    roles: tuple[Role, ...]
    questions: tuple[Question, ...]
    opposites: tuple[Opposite, ...]
    _roles: dict[str, Role]
    _traits: dict[str, Trait]
    _sentences: dict[str, Sentence]
    _questions: dict[str, Question]

    def __init__(
        self,
        version: str,
        dimensions: tuple[Dimension, ...],
        professions: tuple[Profession, ...],
        roles: tuple[Role, ...],
        questions: tuple[Question, ...],
        opposites: tuple[Opposite, ...] = (),
    ) -> None:
        set_ = object.__setattr__
        for name, value in (
            ("version", version),
            ("dimensions", dimensions),
            ("professions", professions),
            ("roles", roles),
            ("questions", questions),
            ("opposites", opposites),
            ("_roles", {r.id: r for r in roles}),
            ("_traits", {t.id: t for r in roles for t in r.traits}),
            ("_sentences", {s.id: s for r in roles for s in r.sentences}),
            ("_questions", {q.id: q for q in questions}),
        ):
            set_(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Catalog is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Catalog is immutable: cannot delete {name!r}")

    def __repr__(self) -> str:
        size = f"{len(self.roles)} roles, {len(self.questions)} questions"
        return f"Catalog(version={self.version!r}, {size})"

    def replace(self, **changes: Any) -> "Catalog":
        """A copy with some fields changed (the indexes follow)."""
        fields = ("version", "dimensions", "professions", "roles", "questions", "opposites")
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(f"Catalog has no field {sorted(unknown)[0]!r}")
        return Catalog(*(changes.get(f, getattr(self, f)) for f in fields))

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

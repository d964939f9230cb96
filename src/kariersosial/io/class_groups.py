"""One student as the class report lists them, and the groups a counsellor plans with.

Built from a student's result as plain data (what `serialize.result` gives), so the class
table, the groups and the student's own page say the same. Pure and stdlib only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kariersosial.io.batch import Problem, Respondent

NOTHING_FITS = "tidak-ada-yang-cocok"  # the group of students for whom no role fits well
NOTHING_FITS_NAME = "Belum ada peran yang benar-benar cocok"
CAUTION_LABELS = {
    "straight_lining": "jawaban hampir sama semua",
    "agrees_with_all": "setuju dengan hampir semua",
    "many_skips": "banyak yang dilewati",
    "contradiction": "ada jawaban yang bertentangan",
}
ANONYMOUS = "Siswa {number}"


@dataclass(frozen=True, slots=True)
class Student:
    number: int  # the data row's place in the file, counting every row that is not blank
    line: int
    name: str  # as shown: the name, "Siswa N" with --anonim, or "Baris N" without a name
    top: tuple[str, str, int]  # (role id, role name, fit)
    second: tuple[str, str, int] | None
    nothing_fits: bool
    decisive: bool
    cautions: tuple[str, ...]  # caution kinds

    @property
    def group(self) -> str:
        return NOTHING_FITS if self.nothing_fits else self.top[0]

    @property
    def pair(self) -> tuple[str, str] | None:
        """The two roles a "belum tegas" result stands between, in a fixed order."""
        if self.decisive or self.nothing_fits or self.second is None:
            return None
        first, second = self.top[0], self.second[0]
        return (first, second) if first < second else (second, first)

    @property
    def anchor(self) -> str:
        return f"siswa-{self.number}"

    def flags(self) -> list[str]:
        found = []
        if self.nothing_fits:
            found.append("belum ada yang benar-benar cocok")
        elif not self.decisive:
            found.append("belum tegas")
        found += [CAUTION_LABELS.get(kind, kind) for kind in self.cautions]
        return found


def student(number: int, line: int, name: str, res: Mapping[str, Any]) -> Student:
    ranking = res.get("ranking") or []

    def role(f: Mapping[str, Any]) -> tuple[str, str, int]:
        return (f["role"]["id"], f["role"]["name"], round(f["fit"]))

    return Student(
        number,
        line,
        name,
        role(ranking[0]),
        role(ranking[1]) if len(ranking) > 1 else None,
        bool(res.get("nothing_fits")),
        res.get("decisive") is not False,
        tuple(c["kind"] for c in res.get("cautions") or []),
    )


def anonymised(items: Iterable[Respondent | Problem]) -> Iterator[Respondent | Problem]:
    """Every row's name replaced by "Siswa N" (N in row order), before anything is written."""
    for number, item in enumerate(items, start=1):
        yield replace(item, name=ANONYMOUS.format(number=number))


@dataclass
class ClassTotals:
    """What the overview needs beyond the score summary; counters only, whatever the size."""

    cautioned: int = 0
    profile_sums: dict[str, float] = field(default_factory=dict)
    profile_counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # dimension id -> name

    def add(self, res: Mapping[str, Any]) -> None:
        self.cautioned += bool(res.get("cautions"))
        for dim, area in (res.get("profile") or {}).items():
            self.names.setdefault(dim, area["name"])
            self.profile_sums[dim] = self.profile_sums.get(dim, 0.0) + float(area["interest"])
            self.profile_counts[dim] = self.profile_counts.get(dim, 0) + 1

    def average_profile(self) -> list[tuple[str, float]]:
        """(dimension name, mean interest 0-100), the most liked first."""
        rows = [(self.names[d], self.profile_sums[d] / n) for d, n in self.profile_counts.items()]
        return sorted(rows, key=lambda row: -row[1])

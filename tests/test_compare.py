"""The comparison of two roles as data: sections with verbatim quotes, the largest gaps."""

from __future__ import annotations

import json

import pytest

from kariersosial.core.compare import (
    COMPARED_SECTIONS,
    TOP_GAPS,
    compare_roles,
    gaps,
)
from kariersosial.core.errors import EXIT_USAGE, UsageError
from kariersosial.core.models import Catalog, Role, mid_sentence
from kariersosial.io.json_shapes import comparison
from kariersosial.words.messages import words

KLS = "koordinator-layanan-sosial"
PPKS = "pengelola-program-kesejahteraan-sosial"


@pytest.fixture(scope="module")
def kls(catalog: Catalog) -> Role:
    return catalog.role(KLS)


@pytest.fixture(scope="module")
def ppks(catalog: Catalog) -> Role:
    return catalog.role(PPKS)


def test_the_sections_come_in_order_with_the_role_texts_verbatim(
    catalog: Catalog, kls: Role, ppks: Role
) -> None:
    comp = compare_roles(catalog, kls, ppks)
    assert [p.section for p in comp.sections] == list(COMPARED_SECTIONS)
    assert COMPARED_SECTIONS == ("tugas", "cocok", "tidak_cocok", "realita", "perbedaan")
    by_section = {p.section: p for p in comp.sections}
    for role, pick in ((kls, "left"), (ppks, "right")):
        side = {s: getattr(p, pick) for s, p in by_section.items()}
        for section in ("tugas", "cocok", "tidak_cocok"):
            quotes = [q for p in side[section] for q in p.quotes]
            assert quotes == [s.text for s in role.section(section)]
        realita = [q for p in side["realita"] for q in p.quotes]
        assert realita == [q.text for m in role.misconceptions for q in m.reality]
        differences = side["perbedaan"]
        assert [p.about for p in differences] == [d.profession for d in role.differences]
        for passage, diff in zip(differences, role.differences, strict=True):
            assert passage.quotes == tuple(q.text for q in diff.quotes)
            assert passage.label == (
                f"Dibandingkan dengan {mid_sentence(catalog.profession(diff.profession).name)}:"
            )


def test_gaps_are_the_largest_differences_first(catalog: Catalog, kls: Role, ppks: Role) -> None:
    found = gaps(catalog, kls, ppks)
    assert len(found) == TOP_GAPS == 5
    differences = [g.difference for g in found]
    assert differences == sorted(differences, reverse=True)
    every = sorted(
        (abs(kls.weight_of(d.id) - ppks.weight_of(d.id)) for d in catalog.dimensions),
        reverse=True,
    )
    assert differences == pytest.approx(every[:TOP_GAPS])
    first = found[0]
    assert (first.dimension.id, first.left, first.right) == ("lapangan", 0.8, 0.0)
    assert first.favours == "left"
    evaluation = next(g for g in found if g.dimension.id == "evaluasi")
    assert (evaluation.left, evaluation.right, evaluation.favours) == (0.5, 1.0, "right")


def test_needs_more_names_the_role_with_the_larger_weight(
    catalog: Catalog, kls: Role, ppks: Role
) -> None:
    comp = compare_roles(catalog, kls, ppks)
    for gap in comp.gaps:
        expected = kls if gap.left > gap.right else ppks
        assert comp.needs_more(gap) is expected


def test_roles_that_weigh_everything_alike_have_no_gaps(catalog: Catalog, kls: Role) -> None:
    twin = kls._replace(id="kembaran", name="Kembaran")
    comp = compare_roles(catalog, kls, twin)
    assert comp.gaps == ()
    assert comparison(catalog, comp)["dimensions"] == []


def test_the_same_role_twice_is_a_usage_error(catalog: Catalog, kls: Role) -> None:
    with pytest.raises(UsageError) as caught:
        compare_roles(catalog, kls, kls)
    error = caught.value
    assert error.exit_code == EXIT_USAGE
    assert words(error).message == (
        "Kedua peran yang kamu pilih sama: Koordinator Layanan Sosial. "
        "Pilih dua peran yang berbeda."
    )
    assert words(error).hint is not None and "kariersosial compare koordinator-layanan-sosial " in (
        words(error).hint
    )


def test_the_dict_holds_the_same_content(catalog: Catalog, kls: Role, ppks: Role) -> None:
    comp = compare_roles(catalog, kls, ppks)
    data = comparison(catalog, comp)
    assert json.loads(json.dumps(data)) == data
    assert data["catalog_version"] == catalog.version
    left, right = data["roles"]
    assert (left["id"], right["id"]) == (KLS, PPKS)
    assert left["name"] == kls.name and left["summary"] == kls.summary
    assert list(left["sections"]) == list(COMPARED_SECTIONS)
    assert left["sections"]["tugas"] == [s.text for s in kls.section("tugas")]
    assert right["sections"]["realita"] == [q.text for m in ppks.misconceptions for q in m.reality]
    assert left["sections"]["perbedaan"] == [q.text for q in kls.differences[0].quotes]
    assert left["differences"] == [
        {
            "profession": {"id": "pekerja-sosial", "name": "Pekerja sosial"},
            "quotes": [
                {"sentence": q.sentence, "quote": q.text} for q in kls.differences[0].quotes
            ],
        }
    ]
    assert data["dimensions"][0] == {
        "id": "lapangan",
        "name": catalog.dimension("lapangan").name,
        "weights": {KLS: 0.8, PPKS: 0.0},
        "difference": 0.8,
        "needs_more": KLS,
    }
    assert [d["id"] for d in data["dimensions"]] == [g.dimension.id for g in comp.gaps]


def test_every_pair_of_roles_can_be_compared(catalog: Catalog) -> None:
    for a in catalog.roles:
        for b in catalog.roles:
            if a.id != b.id:
                comp = compare_roles(catalog, a, b)
                assert 0 < len(comp.gaps) <= TOP_GAPS
                assert all(g.difference > 0 for g in comp.gaps)

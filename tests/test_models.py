"""The domain models: immutable, compared by value, the catalogue's lookups kept in step."""

from __future__ import annotations

import pytest

from kariersosial.core import models
from kariersosial.core.models import Catalog, Quote


def test_every_model_is_immutable(catalog: Catalog) -> None:
    role = catalog.roles[0]
    question = catalog.questions[0]
    for value, field in [
        (catalog, "roles"),
        (catalog, "_roles"),
        (role, "name"),
        (role.traits[0], "label"),
        (question, "text"),
        (question.loadings[0], "weight"),
        (question.source, "text"),
    ]:
        with pytest.raises(AttributeError):
            setattr(value, field, None)
    with pytest.raises(AttributeError):
        del catalog.version
    with pytest.raises(AttributeError):
        catalog.extra = 1  # type: ignore[attr-defined]


def test_models_are_compared_and_hashed_by_value() -> None:
    one, two = Quote("kls-01", "teks"), Quote("kls-01", "teks")
    assert one == two and hash(one) == hash(two) and one is not two
    assert one != Quote("kls-01", "lain")
    assert {one: 1}[two] == 1


def test_replace_keeps_the_lookups_in_step(catalog: Catalog) -> None:
    renamed = tuple(r._replace(name=f"{r.name} (baru)") for r in catalog.roles)
    changed = catalog.replace(roles=renamed)
    assert changed.role(renamed[0].id).name.endswith("(baru)")
    assert catalog.role(renamed[0].id).name == catalog.roles[0].name  # the original is untouched
    assert changed.questions is catalog.questions and changed.version == catalog.version
    fewer = catalog.replace(questions=catalog.questions[1:])
    with pytest.raises(KeyError):
        fewer.question(catalog.questions[0].id)


def test_replace_refuses_a_field_it_does_not_have(catalog: Catalog) -> None:
    with pytest.raises(TypeError, match="_roles"):
        catalog.replace(_roles={})


def test_the_catalogue_says_what_it_holds(catalog: Catalog) -> None:
    assert repr(catalog) == (
        f"Catalog(version={catalog.version!r}, {len(catalog.roles)} roles, "
        f"{len(catalog.questions)} questions)"
    )


def test_a_model_is_a_typed_named_tuple() -> None:
    leaves = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and value.__module__ == models.__name__ and value is not Catalog
    ]
    assert len(leaves) == 13
    assert all(issubclass(c, tuple) and c.__annotations__ for c in leaves)

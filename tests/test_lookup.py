"""Finding the role a person means from what they typed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kariersosial.catalog.load import load_catalog
from kariersosial.core.errors import EXIT_USAGE, UsageError
from kariersosial.core.lookup import find_roles, normalize, resolve_role, suggest
from kariersosial.core.models import Catalog
from kariersosial.words.messages import words

KKS = "koordinator-kebijakan-sosial"
MKS = "manajer-kebijakan-sosial"
KBKS = "kepala-bagian-kebijakan-sosial"
KLS = "koordinator-layanan-sosial"
PPKS = "pengelola-program-kesejahteraan-sosial"

CATALOG = load_catalog()  # module level so hypothesis examples need no fixture


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # exact id, name and alias
        (KLS, KLS),
        ("Koordinator Layanan Sosial", KLS),
        ("kls", KLS),
        ("kabag", KBKS),
        ("manager kebijakan sosial", MKS),
        # any case, extra spaces, underscores and hyphens
        ("KOORDINATOR LAYANAN SOSIAL", KLS),
        ("  Koordinator   layanan\tsosial  ", KLS),
        ("koordinator_layanan_sosial", KLS),
        ("Koordinator-Layanan Sosial", KLS),
        ("  PPKS ", PPKS),
        # unambiguous prefixes and word prefixes
        ("kepala bagian", KBKS),
        ("layanan", KLS),
        ("pengelola", PPKS),
        ("koordinator kebijakan", KKS),
        ("kesejahteraan", PPKS),
        ("Kesejahteraan", PPKS),
        ("koord layanan", KLS),
        ("koord keb", KKS),
        ("kep bag", KBKS),
        ("mana", MKS),
        ("pengelola program kesejahteraan sosial", PPKS),
        # near-miss typos
        ("kordinator layanan", KLS),
        ("kepla bagian", KBKS),
        ("koordinator layanan sosal", KLS),
        ("manajer kebijakan sosal", MKS),
    ],
)
def test_resolves(catalog: Catalog, query: str, expected: str) -> None:
    assert resolve_role(catalog, query).id == expected
    assert [r.id for r in find_roles(catalog, query)] == [expected]


@pytest.mark.parametrize(
    ("query", "candidates"),
    [
        ("koordinator", [KKS, KLS]),
        ("Koordinator", [KKS, KLS]),
        ("koord", [KKS, KLS]),
        ("kebijakan sosial", [KKS, MKS, KBKS]),
        ("kebijakan", [KKS, MKS, KBKS]),
        ("sosial", [KKS, MKS, KBKS, KLS, PPKS]),
    ],
)
def test_ambiguous_lists_candidates(catalog: Catalog, query: str, candidates: list[str]) -> None:
    assert [r.id for r in find_roles(catalog, query)] == candidates
    with pytest.raises(UsageError) as caught:
        resolve_role(catalog, query)
    error = caught.value
    assert error.exit_code == EXIT_USAGE
    assert words(error).message.startswith(f"'{query}' cocok dengan lebih dari satu peran:")
    for rid in candidates:
        role = catalog.role(rid)
        assert f"• {role.name} ({role.id})" in words(error).message
    others = [r for r in catalog.roles if r.id not in candidates]
    assert not any(f"({r.id})" in words(error).message for r in others)
    assert words(error).hint is not None
    assert f"kariersosial show {candidates[0]}" in words(error).hint


@pytest.mark.parametrize("query", ["dokter", "pilot pesawat", "xyz", "?", "   ", ""])
def test_unknown_raises_with_suggestions(catalog: Catalog, query: str) -> None:
    assert find_roles(catalog, query) == []
    with pytest.raises(UsageError) as caught:
        resolve_role(catalog, query)
    error = caught.value
    assert error.exit_code == EXIT_USAGE
    assert words(error).message == f"Peran '{query.strip()}' tidak dikenal."
    assert words(error).hint is not None
    assert words(error).hint.startswith("Peran yang paling mirip:")
    assert words(error).hint.count("•") == 3
    assert "kariersosial roles" in words(error).hint


def test_suggestions_are_the_closest_roles(catalog: Catalog) -> None:
    assert suggest(catalog, "pengelola progam")[0].id == PPKS
    assert suggest(catalog, "koordinator layanan sosial", limit=1)[0].id == KLS
    assert len(suggest(catalog, "dokter")) == 3
    assert len({r.id for r in suggest(catalog, "dokter", limit=5)}) == 5


def test_normalize() -> None:
    assert normalize("  Koordinator__Layanan -- SOSIAL\n") == "koordinator layanan sosial"
    assert normalize("\t") == ""


def test_every_alias_resolves_to_its_role(catalog: Catalog) -> None:
    for role in catalog.roles:
        for alias in role.aliases:
            assert resolve_role(catalog, alias) is role, alias


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(max_size=60))
def test_find_roles_never_raises(query: str) -> None:
    found = find_roles(CATALOG, query)
    assert len({r.id for r in found}) == len(found)
    assert all(r in CATALOG.roles for r in found)
    try:
        role = resolve_role(CATALOG, query)
    except UsageError:
        assert len(found) != 1
    else:
        assert found == [role]


@st.composite
def spelled(draw: st.DrawFn, text: str) -> str:
    """`text` as a person might type it: any case, any spacing, `_` or `-` between words."""
    words = text.replace("-", " ").split()
    cased = [
        "".join(c.upper() if draw(st.booleans()) else c.lower() for c in word) for word in words
    ]
    gaps = st.sampled_from([" ", "  ", "-", "_", "\t", " - "])
    out = cased[0]
    for word in cased[1:]:
        out += draw(gaps) + word
    pad = st.sampled_from(["", " ", "   ", "\t"])
    return draw(pad) + out + draw(pad)


@settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.data())
def test_every_role_id_and_name_resolve_to_itself(data: st.DataObject) -> None:
    role = data.draw(st.sampled_from(CATALOG.roles))
    key = data.draw(st.sampled_from([role.id, role.name]))
    typed = data.draw(spelled(key))
    assert resolve_role(CATALOG, typed) is role

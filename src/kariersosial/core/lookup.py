"""Find the role a person means from what they typed: id, name, alias, prefix or near miss."""

from __future__ import annotations

import re

from kariersosial.core.errors import UsageError
from kariersosial.core.models import Catalog, Role

NEAR_MISS_CUTOFF = 0.8
NEAR_MISS_MARGIN = 0.03


def normalize(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold()).strip()


def _keys(role: Role) -> list[str]:
    return [normalize(k) for k in (role.id, role.name, *role.aliases)]


def _words_match(query: str, key: str) -> bool:
    """Each typed word starts a word of the key, in order ("koord layanan")."""
    words = key.split()
    i = 0
    for typed in query.split():
        while i < len(words) and not words[i].startswith(typed):
            i += 1
        if i == len(words):
            return False
        i += 1
    return True


def find_roles(catalog: Catalog, query: str) -> list[Role]:
    """The roles `query` may mean: one if clear, several if ambiguous, none if unknown."""
    q = normalize(query)
    if not q:
        return []
    exact = [r for r in catalog.roles if q in _keys(r)]
    if exact:
        return exact
    by_words = [r for r in catalog.roles if any(_words_match(q, k) for k in _keys(r))]
    if by_words:
        return by_words
    import difflib  # only a typo needs it

    scores = {
        r.id: max(difflib.SequenceMatcher(None, q, k).ratio() for k in _keys(r))
        for r in catalog.roles
    }
    best = max(scores.values())
    if best < NEAR_MISS_CUTOFF:
        return []
    # a typo is closest to what was meant; others only count when nearly as close
    return [r for r in catalog.roles if scores[r.id] >= best - NEAR_MISS_MARGIN]


def resolve_role(catalog: Catalog, query: str) -> Role:
    """The one role `query` means, or a UsageError that lists candidates or suggestions."""
    found = find_roles(catalog, query)
    if len(found) == 1:
        return found[0]
    if found:
        candidates = tuple((r.name, r.id) for r in found)
        raise UsageError("ambiguous_role", query=query.strip(), candidates=candidates)
    suggestions = tuple((r.name, r.id) for r in suggest(catalog, query))
    raise UsageError("unknown_role", query=query.strip(), suggestions=suggestions)


def suggest(catalog: Catalog, query: str, limit: int = 3) -> list[Role]:
    """The roles whose names look most like `query`, best first (there are only a few roles)."""
    import difflib

    q = normalize(query)
    scored = sorted(
        (
            (max(difflib.SequenceMatcher(None, q, k).ratio() for k in _keys(r)), r)
            for r in catalog.roles
        ),
        key=lambda pair: -pair[0],
    )
    return [r for _, r in scored[:limit]]

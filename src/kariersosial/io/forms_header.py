"""Read a header row the way Google Forms exports it: which column is which statement, and why.

Forms titles a column with the question itself, so a statement column may be titled with its
id (`p01`, `p01 Saya senang …`, as `kariersosial form` writes), with the statement's text alone,
or as a grid row (`Seberapa setuju kamu? [Saya senang …]`). The first column is the time the
form was sent ("Timestamp" / "Stempel waktu"); an email column may follow. Text is matched
after folding case, spaces, curly quotes and a final period, and never by guessing: a title
that could be two statements is not taken. Stdlib only, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from kariersosial.core.models import Catalog

TIMESTAMP_TITLES = ("timestamp", "stempel waktu", "cap waktu", "waktu")
EMAIL_TITLES = ("email address", "alamat email", "email", "e-mail", "surel")
PREFIX_CHARS = 20  # a title cut off with "…" must keep at least this much text to be matched
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


@dataclass(frozen=True, slots=True)
class Statements:
    """The catalogue's statements, indexed for matching titles (build once per file)."""

    ids: Mapping[str, str]  # casefolded id -> id
    texts: Mapping[str, str | None]  # folded text -> id, None when two statements share it


def statements(catalog: Catalog) -> Statements:
    texts: dict[str, str | None] = {}
    for q in catalog.questions:
        key = fold(q.text)
        texts[key] = None if key in texts else q.id
    return Statements({q.id.casefold(): q.id for q in catalog.questions}, texts)


def fold(text: str) -> str:
    """Case, spaces, curly quotes and a closing period or ellipsis do not tell titles apart."""
    folded = " ".join(text.lstrip("\ufeff").translate(_QUOTES).casefold().split())
    return folded.rstrip(" .…")


def match(title: str, known: Statements) -> tuple[str, str] | None:
    """(statement id, how: "id" or "teks") for a column title, or None."""
    text = title.strip().lstrip("\ufeff")
    candidates = [text]
    grid = grid_row(text)
    if grid is not None:  # "Judul [baris]": the row names the statement
        candidates.insert(0, grid)
    for candidate in candidates:
        token = re.match(r"[\w-]+", candidate.strip().casefold())
        if token and token.group() in known.ids:
            return known.ids[token.group()], "id"
    for candidate in candidates:
        found = _by_text(candidate, known)
        if found:
            return found, "teks"
    return None


def _by_text(candidate: str, known: Statements) -> str | None:
    key = fold(candidate)
    if not key:
        return None
    if key in known.texts:
        return known.texts[key]  # None when ambiguous: never guess between two statements
    if candidate.rstrip().endswith(("…", "...")) and len(key) >= PREFIX_CHARS:
        hits = {qid for text, qid in known.texts.items() if text.startswith(key)}
        if len(hits) == 1:
            return hits.pop()
    return None


def is_timestamp(title: str) -> bool:
    return fold(title) in TIMESTAMP_TITLES


def is_email(title: str) -> bool:
    return fold(title) in EMAIL_TITLES


# --- the timestamp's values -------------------------------------------------------------------

_STAMP = re.compile(
    r"^\s*(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})"  # a date in any order Forms writes it
    r"(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"  # a time with : or .
    r"\s*([AaPp][Mm])?"
    r"\s*(?:(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?)?\s*$"
)


def timestamp_iso(text: str) -> str | None:
    """The ISO time of a Forms timestamp ("2026/11/30 9:15:02 AM GMT+7", "30/11/2026 09.15.02"),
    or None when it is not one. Day first unless the text is in the US style (AM/PM)."""
    found = _STAMP.match(text)
    if not found:
        return None
    a, b, c, hour, minute, second, half, sign, zone_h, zone_m = found.groups()
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        first, second_part = int(a), int(b)
        us = (half is not None and first <= 12) or second_part > 12
        month, day = (first, second_part) if us else (second_part, first)
        year = int(c)
    else:
        return None
    h = int(hour or 0)
    if half and half.lower() == "pm" and h < 12:
        h += 12
    elif half and half.lower() == "am" and h == 12:
        h = 0
    zone = None
    if sign:
        offset = timedelta(hours=int(zone_h), minutes=int(zone_m or 0))
        zone = timezone(-offset if sign == "-" else offset)
    try:
        when = datetime(year, month, day, h, int(minute or 0), int(second or 0), tzinfo=zone)
    except ValueError:
        return None
    return when.isoformat()


def grid_row(title: str) -> str | None:
    """The text of a trailing "[...]" (what `\\[([^\\]]*)\\]\\s*$` finds), in linear time.

    That search retries from every "[" and scans to the end each time: a title of 100,000
    brackets took minutes. The match starts at the first "[" after the last "]" but one.
    """
    body = title.rstrip()
    if not body.endswith("]"):
        return None
    end = len(body) - 1
    start = body.find("[", body.rfind("]", 0, end) + 1, end)
    return None if start < 0 else body[start + 1 : end]

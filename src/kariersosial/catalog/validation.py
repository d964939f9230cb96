"""Turn the raw JSON of a catalogue into models, collecting every problem with its JSON path."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

from kariersosial.core.models import (
    FORMS,
    POLARITIES,
    SECTIONS,
    Catalog,
    Difference,
    Dimension,
    Form,
    Loading,
    Misconception,
    Opposite,
    Profession,
    Question,
    Quote,
    Role,
    Sentence,
    Trait,
    TraitKey,
    Weight,
)

T = TypeVar("T")
SourceReader = Callable[[str], str | None]

# A lone surrogate ("\udc80" in the JSON) cannot be written to any terminal or file, and a
# control character (other than a newline or tab) would move the cursor or clear the screen.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_TYPE_NAMES = {str: "teks", int: "bilangan bulat", float: "angka", list: "daftar", dict: "objek"}


class Checker:
    """Reads raw JSON values, noting each problem as `path: message`."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def get(self, obj: dict[str, Any], key: str, kind: type[T], path: str) -> T | None:
        if key not in obj:
            self.fail(f"{path}.{key}" if path else key, "wajib ada")
            return None
        return self.typed(obj[key], kind, f"{path}.{key}" if path else key)

    def typed(self, value: Any, kind: type[T], path: str) -> T | None:
        # the usual case first, in few steps: every start-up reads some 2,500 values
        if type(value) is kind and kind is not bool:
            plain: Any = value
            if kind is not str or (plain.strip() and _UNSHOWABLE.search(plain) is None):
                return cast(T, plain)
        ok = isinstance(value, kind) and not isinstance(value, bool)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return cast(T, float(value))
        if not ok or (kind is str and not cast(str, value).strip()):
            empty = kind is str and isinstance(value, str)
            self.fail(path, "tidak boleh kosong" if empty else f"harus berupa {_TYPE_NAMES[kind]}")
            return None
        if kind is str:
            bad = _UNSHOWABLE.search(value)
            if bad is not None:
                code = f"U+{ord(bad.group()):04X}"
                self.fail(path, f"berisi karakter yang tidak bisa ditampilkan ({code}); hapus itu")
                return None
        return cast(T, value)

    def items(self, obj: dict[str, Any], key: str, path: str) -> list[tuple[str, dict[str, Any]]]:
        """The objects of a list field, each with its path; wrong entries are reported."""
        values = self.get(obj, key, list, path) or []
        where = f"{path}.{key}" if path else key
        found = []
        for i, value in enumerate(values):
            item = self.typed(value, dict, f"{where}[{i}]")
            if item is not None:
                found.append((f"{where}[{i}]", item))
        return found

    def unique(self, seen: dict[str, str], value: str | None, path: str) -> None:
        if value is None:
            return
        if value in seen:
            self.fail(path, f"id ganda '{value}' (sudah dipakai di {seen[value]})")
        else:
            seen[value] = path

    def weight(self, value: float | None, path: str, *, allow_zero: bool) -> None:
        low_ok = value is not None and (value >= 0 if allow_zero else value > 0)
        if value is not None and not (low_ok and value <= 1):
            bound = "antara 0 dan 1" if allow_zero else "lebih dari 0 dan paling besar 1"
            self.fail(path, f"bobot {value:g} di luar rentang (harus {bound})")


def build_catalog(raw: Any, read_source: SourceReader | None = None) -> Catalog | list[str]:
    """The catalogue, or the list of every problem found in it."""
    c = Checker()
    root = c.typed(raw, dict, "(akar)")
    if root is None:
        return c.problems
    version = c.get(root, "version", str, "")
    dims: list[Dimension] = []
    dim_ids: dict[str, str] = {}
    for path, obj in c.items(root, "dimensions", ""):
        dim = _dimension(c, path, obj)
        if dim is not None:
            c.unique(dim_ids, dim.id, f"{path}.id")
            dims.append(dim)

    sentences: dict[str, Sentence] = {}
    sentence_paths: dict[str, str] = {}
    roles: list[tuple[str, Role]] = []
    role_ids: dict[str, str] = {}
    trait_ids: dict[str, str] = {}
    for path, obj in c.items(root, "roles", ""):
        role = _role(c, path, obj, dim_ids, sentences, sentence_paths, trait_ids, read_source)
        if role is not None:
            c.unique(role_ids, role.id, f"{path}.id")
            roles.append((path, role))
    if not roles and not any(p.startswith("roles") for p in c.problems):
        c.fail("roles", "harus berisi paling sedikit satu peran")

    professions = []
    prof_ids: dict[str, str] = {}
    for path, obj in c.items(root, "professions", ""):
        pid = c.get(obj, "id", str, path)
        name = c.get(obj, "name", str, path)
        c.unique(prof_ids, pid, f"{path}.id")
        profile = _weights(c, obj, "profile", path, dim_ids, sentences)
        if pid and name:
            professions.append(Profession(pid, name, profile))
    for path, role in roles:
        for i, diff in enumerate(role.differences):
            if diff.profession not in prof_ids:
                c.fail(f"{path}.differences[{i}].profession", _unknown("profesi", diff.profession))

    questions = _questions(c, root, dim_ids, trait_ids, sentences)
    _check_expected(c, questions, [r.id for _, r in roles] + list(prof_ids))
    declared = root.get("questions")
    opposites: tuple[Opposite, ...] = ()
    if isinstance(declared, list):  # otherwise that problem is already reported
        ids = {q["id"] for q in declared if isinstance(q, dict) and isinstance(q.get("id"), str)}
        opposites = _opposites(c, root, ids)
    if c.problems or version is None:
        return c.problems
    return Catalog(
        version,
        tuple(dims),
        tuple(professions),
        tuple(r for _, r in roles),
        questions,
        opposites,
    )


def _unknown(kind: str, value: str) -> str:
    return f"{kind} tidak dikenal: '{value}'"


def _dimension(c: Checker, path: str, obj: dict[str, Any]) -> Dimension | None:
    did = c.get(obj, "id", str, path)
    name = c.get(obj, "name", str, path)
    desc = c.get(obj, "description", str, path)
    return Dimension(did, name, desc) if did and name and desc else None


def _quotes(
    c: Checker, obj: dict[str, Any], key: str, path: str, sentences: dict[str, Sentence]
) -> tuple[Quote, ...]:
    """A non-empty list of quotes; empty when any of them is wrong."""
    entries = c.items(obj, key, path)
    if not entries and key in obj and isinstance(obj[key], list):
        c.fail(f"{path}.{key}", "harus berisi paling sedikit satu kutipan")
    found = [_source(c, src, where, sentences) for where, src in entries]
    return tuple(q for q in found if q) if all(found) else ()


def _quote(
    c: Checker, obj: dict[str, Any], key: str, path: str, sentences: dict[str, Sentence]
) -> Quote | None:
    src = c.get(obj, key, dict, path)
    return None if src is None else _source(c, src, f"{path}.{key}", sentences)


def _source(
    c: Checker, src: dict[str, Any], where: str, sentences: dict[str, Sentence]
) -> Quote | None:
    sid = c.get(src, "sentence", str, where)
    text = c.get(src, "quote", str, where)
    if sid is None or text is None:
        return None
    if sid not in sentences:
        c.fail(f"{where}.sentence", _unknown("kalimat", sid))
        return None
    if text not in sentences[sid].text:
        c.fail(where, "kutipan tidak ditemukan di teks sumber")
        return None
    return Quote(sid, text)


def _weights(
    c: Checker,
    obj: dict[str, Any],
    key: str,
    path: str,
    dim_ids: dict[str, str],
    sentences: dict[str, Sentence],
) -> tuple[Weight, ...]:
    found: list[Weight] = []
    seen: dict[str, str] = {}
    for wpath, wobj in c.items(obj, key, path):
        dim = c.get(wobj, "dimension", str, wpath)
        value = c.get(wobj, "weight", float, wpath)
        c.weight(value, f"{wpath}.weight", allow_zero=False)
        if dim is not None and dim not in dim_ids:
            c.fail(f"{wpath}.dimension", _unknown("dimensi", dim))
        c.unique(seen, dim, f"{wpath}.dimension")
        source = _quote(c, wobj, "source", wpath, sentences)
        if dim and value is not None and source:
            found.append(Weight(dim, value, source))
    return tuple(found)


def _role(
    c: Checker,
    path: str,
    obj: dict[str, Any],
    dim_ids: dict[str, str],
    all_sentences: dict[str, Sentence],
    sentence_paths: dict[str, str],
    trait_ids: dict[str, str],
    read_source: SourceReader | None,
) -> Role | None:
    rid = c.get(obj, "id", str, path)
    name = c.get(obj, "name", str, path)
    summary = c.get(obj, "summary", str, path)
    aliases = [
        a
        for i, a in enumerate(c.get(obj, "aliases", list, path) or [])
        if c.typed(a, str, f"{path}.aliases[{i}]") is not None
    ]
    own: dict[str, Sentence] = {}
    ordered: list[Sentence] = []
    for spath, sobj in c.items(obj, "sentences", path):
        sid = c.get(sobj, "id", str, spath)
        para = c.get(sobj, "paragraph", int, spath)
        section = c.get(sobj, "section", str, spath)
        text = c.get(sobj, "text", str, spath)
        if section is not None and section not in SECTIONS:
            c.fail(
                f"{spath}.section",
                f"bagian tidak dikenal: '{section}' (pilih: {', '.join(SECTIONS)})",
            )
            section = None
        c.unique(sentence_paths, sid, f"{spath}.id")
        if sid and para is not None and section and text is not None and sid not in own:
            sentence = Sentence(sid, para, section, text)
            own[sid] = all_sentences.setdefault(sid, sentence)
            ordered.append(sentence)
    source_file: str | None = None
    if "source_file" in obj:
        source_file = c.typed(obj["source_file"], str, f"{path}.source_file")
    if source_file:
        _check_source(c, path, source_file, ordered, read_source)

    traits: list[Trait] = []
    for tpath, tobj in c.items(obj, "traits", path):
        tid = c.get(tobj, "id", str, tpath)
        label = c.get(tobj, "label", str, tpath)
        polarity = c.get(tobj, "polarity", str, tpath)
        if polarity is not None and polarity not in POLARITIES:
            c.fail(f"{tpath}.polarity", "harus 'cocok' atau 'tidak_cocok'")
            polarity = None
        c.unique(trait_ids, tid, f"{tpath}.id")
        source = _quote(c, tobj, "source", tpath, own)
        if tid and label and polarity and source and rid:
            traits.append(Trait(tid, rid, label, polarity, source))
    if rid and not any(p.startswith(f"{path}.traits") for p in c.problems):
        for polarity in POLARITIES:
            if not any(t.polarity == polarity for t in traits):
                c.fail(f"{path}.traits", f"peran tidak punya sifat '{polarity}'")

    myths = []
    for mpath, mobj in c.items(obj, "misconceptions", path):
        myth = _quote(c, mobj, "myth", mpath, own)
        reality = _quotes(c, mobj, "reality", mpath, own)
        if myth and reality:
            myths.append(Misconception(myth, reality))
    diffs = []
    for dpath, dobj in c.items(obj, "differences", path):
        prof = c.get(dobj, "profession", str, dpath)
        quotes = _quotes(c, dobj, "quotes", dpath, own)
        if prof and quotes:
            diffs.append(Difference(prof, quotes))
    weights = _weights(c, obj, "weights", path, dim_ids, own)
    if not (rid and name and summary):
        return None
    return Role(
        rid,
        name,
        tuple(aliases),
        summary,
        tuple(ordered),
        tuple(traits),
        tuple(myths),
        tuple(diffs),
        weights,
        source_file,
    )


def _check_source(
    c: Checker, path: str, file: str, sentences: list[Sentence], read: SourceReader | None
) -> None:
    """Every source paragraph must equal its sentences joined: nothing dropped or changed."""
    try:
        text = read(file) if read else None
    except UnicodeDecodeError:
        c.fail(f"{path}.source_file", f"berkas sumber bukan teks UTF-8: {file}")
        return
    if text is None:
        c.fail(f"{path}.source_file", f"berkas sumber tidak ditemukan: {file}")
        return
    paragraphs = text.split("\n")
    for number, paragraph in enumerate(paragraphs, start=1):
        joined = " ".join(s.text for s in sentences if s.paragraph == number)
        if joined != paragraph:
            c.fail(f"{path}.sentences", f"paragraf {number} tidak sama persis dengan {file}")
    extra = sorted({s.paragraph for s in sentences} - set(range(1, len(paragraphs) + 1)))
    for number in extra:
        c.fail(f"{path}.sentences", f"paragraf {number} tidak ada di {file}")


def _questions(
    c: Checker,
    root: dict[str, Any],
    dim_ids: dict[str, str],
    trait_ids: dict[str, str],
    sentences: dict[str, Sentence],
) -> tuple[Question, ...]:
    found = []
    seen: dict[str, str] = {}
    for qpath, qobj in c.items(root, "questions", ""):
        qid = c.get(qobj, "id", str, qpath)
        text = c.get(qobj, "text", str, qpath)
        c.unique(seen, qid, f"{qpath}.id")
        source = _quote(c, qobj, "source", qpath, sentences)
        loadings = []
        for lpath, lobj in c.items(qobj, "measures", qpath):
            dim = c.get(lobj, "dimension", str, lpath)
            direction = _direction(c, lobj, lpath)
            weight = c.get(lobj, "weight", float, lpath)
            c.weight(weight, f"{lpath}.weight", allow_zero=False)
            if dim is not None and dim not in dim_ids:
                c.fail(f"{lpath}.dimension", _unknown("dimensi", dim))
            elif dim and direction and weight:
                loadings.append(Loading(dim, direction, weight))
        keys = []
        for kpath, kobj in c.items(qobj, "traits", qpath):
            trait = c.get(kobj, "trait", str, kpath)
            direction = _direction(c, kobj, kpath)
            if trait is not None and trait not in trait_ids:
                c.fail(f"{kpath}.trait", _unknown("sifat", trait))
            elif trait and direction:
                keys.append(TraitKey(trait, direction))
        if qid and text and not loadings and not any(p.startswith(f"{qpath}.") for p in c.problems):
            c.fail(f"{qpath}.measures", "pernyataan harus mengukur paling sedikit satu dimensi")
        form = "single"
        if "form" in qobj:
            form = c.typed(qobj["form"], str, f"{qpath}.form") or "single"
            if form not in FORMS:
                c.fail(f"{qpath}.form", f"harus salah satu dari: {', '.join(FORMS)}")
                form = "single"
        expected = _expected(c, qobj, qpath)
        reason = ""
        if "expected_reason" in qobj:
            reason = c.typed(qobj["expected_reason"], str, f"{qpath}.expected_reason") or ""
        if qid and text and source:
            found.append(
                Question(
                    qid,
                    text,
                    source,
                    tuple(loadings),
                    tuple(keys),
                    cast(Form, form),
                    expected,
                    reason,
                )
            )
    return tuple(found)


def _expected(c: Checker, qobj: dict[str, Any], qpath: str) -> tuple[tuple[str, float], ...]:
    """Optional: the expected answer (1..5) per role or profession id."""
    if "expected" not in qobj:
        return ()
    raw = c.typed(qobj["expected"], dict, f"{qpath}.expected")
    found = []
    for key, value in (raw or {}).items():
        number = c.typed(value, float, f"{qpath}.expected.{key}")
        if number is not None and not 1 <= number <= 5:
            c.fail(f"{qpath}.expected.{key}", f"jawaban {number:g} di luar skala 1–5")
        elif number is not None:
            found.append((key, number))
    return tuple(found)


def _check_expected(c: Checker, questions: tuple[Question, ...], profiles: list[str]) -> None:
    """Expected answers are all or nothing: every statement, every role and profession."""
    if not any(q.expected for q in questions):
        return
    if any(p.startswith(("roles", "professions")) for p in c.problems):
        return  # the ids are not known reliably; those problems are reported already
    for i, q in enumerate(questions):
        have = {k for k, _ in q.expected}
        for pid in sorted(have - set(profiles)):
            c.fail(f"questions[{i}].expected.{pid}", _unknown("peran atau profesi", pid))
        missing = [pid for pid in profiles if pid not in have]
        if missing:
            c.fail(f"questions[{i}].expected", f"tidak ada jawaban untuk: {', '.join(missing)}")


def _opposites(c: Checker, root: dict[str, Any], known: set[str]) -> tuple[Opposite, ...]:
    """Curated pairs of statements that contradict each other (optional)."""
    if "opposites" not in root:
        return ()
    found = []
    seen: set[frozenset[str]] = set()
    for opath, oobj in c.items(root, "opposites", ""):
        pair = c.get(oobj, "pair", list, opath)
        reason = c.get(oobj, "reason", str, opath)
        if pair is None:
            continue
        ids = [c.typed(v, str, f"{opath}.pair[{i}]") for i, v in enumerate(pair)]
        if len(ids) != 2 or None in ids:
            if len(ids) != 2:
                c.fail(f"{opath}.pair", "harus berisi tepat dua id pernyataan")
            continue
        first, second = cast(list[str], ids)
        for i, qid in enumerate((first, second)):
            if qid not in known:
                c.fail(f"{opath}.pair[{i}]", _unknown("pernyataan", qid))
        if first == second:
            c.fail(f"{opath}.pair", "dua pernyataan harus berbeda")
        elif frozenset((first, second)) in seen:
            c.fail(f"{opath}.pair", "pasangan ini sudah tercantum")
        seen.add(frozenset((first, second)))
        if reason and first in known and second in known and first != second:
            found.append(Opposite(first, second, reason))
    return tuple(found)


def _direction(c: Checker, obj: dict[str, Any], path: str) -> int | None:
    value = c.get(obj, "direction", int, path)
    if value is not None and value not in (1, -1):
        c.fail(f"{path}.direction", "harus 1 atau -1")
        return None
    return value

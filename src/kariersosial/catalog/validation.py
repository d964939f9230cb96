"""Turn the raw JSON of a catalogue into models, collecting every problem with its JSON path."""

from __future__ import annotations

from typing import Any

from kariersosial.catalog.bank import check_expected, read_opposites, read_questions
from kariersosial.catalog.checker import Checker, SourceReader, read_quote, read_quotes, unknown
from kariersosial.core.models import (
    POLARITIES,
    SECTIONS,
    Catalog,
    Difference,
    Dimension,
    Misconception,
    Opposite,
    Profession,
    Role,
    Sentence,
    Trait,
    Weight,
)


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
                c.fail(f"{path}.differences[{i}].profession", unknown("profesi", diff.profession))

    questions = read_questions(c, root, dim_ids, trait_ids, sentences)
    check_expected(c, questions, [r.id for _, r in roles] + list(prof_ids))
    declared = root.get("questions")
    opposites: tuple[Opposite, ...] = ()
    if isinstance(declared, list):  # otherwise that problem is already reported
        ids = {q["id"] for q in declared if isinstance(q, dict) and isinstance(q.get("id"), str)}
        opposites = read_opposites(c, root, ids)
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


def _dimension(c: Checker, path: str, obj: dict[str, Any]) -> Dimension | None:
    did = c.get(obj, "id", str, path)
    name = c.get(obj, "name", str, path)
    desc = c.get(obj, "description", str, path)
    return Dimension(did, name, desc) if did and name and desc else None


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
            c.fail(f"{wpath}.dimension", unknown("dimensi", dim))
        c.unique(seen, dim, f"{wpath}.dimension")
        source = read_quote(c, wobj, "source", wpath, sentences)
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
        source = read_quote(c, tobj, "source", tpath, own)
        if tid and label and polarity and source and rid:
            traits.append(Trait(tid, rid, label, polarity, source))
    if rid and not any(p.startswith(f"{path}.traits") for p in c.problems):
        for polarity in POLARITIES:
            if not any(t.polarity == polarity for t in traits):
                c.fail(f"{path}.traits", f"peran tidak punya sifat '{polarity}'")

    myths = []
    for mpath, mobj in c.items(obj, "misconceptions", path):
        myth = read_quote(c, mobj, "myth", mpath, own)
        reality = read_quotes(c, mobj, "reality", mpath, own)
        if myth and reality:
            myths.append(Misconception(myth, reality))
    diffs = []
    for dpath, dobj in c.items(obj, "differences", path):
        prof = c.get(dobj, "profession", str, dpath)
        quotes = read_quotes(c, dobj, "quotes", dpath, own)
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

"""The top of the real agreements' map, judged by a reviewer: is each flag worth an analyst's time?

`tests/fixtures/agreement_map_judgements.jsonl` holds one line per judged flag: both clauses
(file, section, clause id, and a short quote to find them again if ids change), the verdict
("worth" or "not worth") and why. The precision of the top N is the share judged worth it;
a flag of the current map that nobody judged is reported as unjudged, never guessed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index import IndexReader
from qa.conflicts.differences import ranked
from qa.conflicts.planted import locate
from qa.conflicts.store import ConflictStore, StoredFlag

VERDICTS = ("worth", "not worth")
QUOTE_CHARS = 120  # enough to find a clause again; the clause text itself stays in shared data
EXPLANATION_CHARS = 160


@dataclass(frozen=True)
class Judgement:
    """One judged flag."""

    a: tuple[str, str, str]  # (file, clause id, quote)
    b: tuple[str, str, str]
    worth: bool
    why: str


def load_judgements(path: Path) -> list[Judgement]:
    """The judged flags (an absent file: none)."""
    if not path.is_file():
        return []
    judgements = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["verdict"] not in VERDICTS:
            raise ValueError(f"{path}: verdict must be one of {VERDICTS}, not {row['verdict']!r}")
        sides = [(row[k]["file"], row[k].get("clause", ""), row[k]["quote"]) for k in ("a", "b")]
        judgements.append(Judgement(sides[0], sides[1], row["verdict"] == "worth", row["why"]))
    return judgements


def top_flags(index_dir: Path, count: int) -> list[StoredFlag]:
    """The `count` best-ranked flags of the stored map."""
    store = ConflictStore.for_index(index_dir, readonly=True)
    if store is None:
        return []
    try:
        return ranked(store.flags())[:count]
    finally:
        store.close()


def _clause_id(reader: IndexReader, side: tuple[str, str, str], known: set[str]) -> str | None:
    file, clause, quote = side
    return clause if clause in known else locate(reader, file, quote)


def judge_top(index_dir: Path, path: Path, count: int) -> dict[str, Any]:
    """Precision of the top `count` flags by the stored judgements."""
    flags = top_flags(index_dir, count)
    reader = IndexReader.open(index_dir)
    try:
        known = {c for f in flags for c in (f.a_clause, f.b_clause)}
        verdicts = {}
        for judgement in load_judgements(path):
            a, b = _clause_id(reader, judgement.a, known), _clause_id(reader, judgement.b, known)
            if a and b:
                verdicts[frozenset((a, b))] = judgement.worth
    finally:
        reader.close()
    marks = [verdicts.get(frozenset((f.a_clause, f.b_clause))) for f in flags]
    worth, judged = sum(1 for m in marks if m), sum(1 for m in marks if m is not None)
    return {
        "flags": len(flags),
        "judged": judged,
        "worth": worth,
        "precision": round(worth / judged, 4) if judged else None,
        "unjudged_ranks": [n for n, m in enumerate(marks, 1) if m is None],
    }


def draft(index_dir: Path, count: int) -> list[dict[str, Any]]:
    """The top flags as judgement lines without a verdict, for a reviewer to complete."""
    reader = IndexReader.open(index_dir)
    try:
        documents = {d.doc_id: d for d in reader.documents()}
        rows = []
        for rank, flag in enumerate(top_flags(index_dir, count), 1):
            sides = {}
            for key, clause_id, doc_id, evidence in (
                ("a", flag.a_clause, flag.a_doc, flag.evidence_a),
                ("b", flag.b_clause, flag.b_doc, flag.evidence_b),
            ):
                row = reader.row_of(clause_id)
                clause = reader.clauses([row])[row] if row is not None else None
                text = " ".join((evidence or (clause.text if clause else "")).split())
                sides[key] = {
                    "file": Path(documents[doc_id].source).name,
                    "section": clause.section if clause else "",
                    "clause": clause_id,
                    "quote": text[:QUOTE_CHARS],
                }
            rows.append(
                {
                    "rank": rank,
                    **sides,
                    "kind": flag.kind,
                    "status": flag.status,
                    "explanation": flag.explanation[:EXPLANATION_CHARS],
                    "verdict": "",
                    "why": "",
                }
            )
        return rows
    finally:
        reader.close()


def main(argv: list[str] | None = None) -> int:
    """`python -m qa.conflicts.judgements INDEX [N]`: draft lines for the top N flags."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m qa.conflicts.judgements INDEX [N]", file=sys.stderr)
        return 2
    count = int(args[1]) if len(args) > 1 else 30
    for row in draft(Path(args[0]), count):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

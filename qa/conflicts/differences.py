"""The corpus map against real differences between agreements, and its ranked list.

`tests/fixtures/agreement_differences.jsonl` names clause pairs of the real treaties in
../shared/data/agreements (verbatim quotes) that an analyst would want flagged (D01-D44), and
pairs that say the same thing (C01-C10, "consistent": true); each has a "split" (dev or test).
A difference counts as found when the map holds a flag (a conflict, or "amended by" between an
instrument and its supplement) for the two clauses that contain the quotes.

The ranked list puts the flags most worth an analyst's time first: by score, similar pairs first
on ties, and one flag per document pair and topic before any second one, so the top of the list
is not thirty variants of one difference.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index import IndexReader
from qa.conflicts.planted import locate
from qa.conflicts.store import ConflictStore, StoredFlag

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
DIFFERENCES = FIXTURES / "agreement_differences.jsonl"
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True)
class Difference:
    """One labelled pair of real clauses."""

    id: str
    kind: str
    topic: str
    a: tuple[str, str]  # (file, quote)
    b: tuple[str, str]
    consistent: bool
    split: str


def load_differences(path: Path = DIFFERENCES, split: str = "all") -> list[Difference]:
    """The labelled pairs of one split ("dev", "test" or "all")."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        Difference(
            row["id"],
            row.get("kind", ""),
            row.get("topic", ""),
            (row["a"]["file"], row["a"]["text"]),
            (row["b"]["file"], row["b"]["text"]),
            bool(row.get("consistent", False)),
            row.get("split", ""),
        )
        for row in rows
        if split == "all" or row.get("split") == split
    ]


def ranked(flags: Iterable[StoredFlag]) -> list[StoredFlag]:
    """Flags best first, one per document pair and topic before the second of any group."""
    order = sorted(flags, key=lambda flag: (-flag.rank, flag.a_clause, flag.b_clause))
    seen: dict[tuple[str, ...], int] = {}
    keyed = []
    for flag in order:
        group = (*sorted((flag.a_doc, flag.b_doc)), flag.topic)
        seen[group] = seen.get(group, 0) + 1
        keyed.append((seen[group], flag))
    return [flag for _, flag in sorted(keyed, key=lambda item: item[0])]


@dataclass
class DifferenceReport:
    """How the map fares on the labelled real pairs."""

    found: dict[str, int] = field(default_factory=dict)  # id -> place in the ranked list (1 = top)
    missed: list[str] = field(default_factory=list)
    consistent_flagged: list[str] = field(default_factory=list)
    consistent_clear: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    total_flags: int = 0

    def as_json(self) -> dict[str, Any]:
        """Figures and ids as JSON-ready data."""
        differences = len(self.found) + len(self.missed)
        return {
            "differences": differences,
            "found": len(self.found),
            "recall": round(len(self.found) / differences, 4) if differences else None,
            "found_at_rank": dict(sorted(self.found.items())),
            "missed": sorted(self.missed),
            "consistent_pairs": len(self.consistent_flagged) + len(self.consistent_clear),
            "consistent_flagged": sorted(self.consistent_flagged),
            "unresolved": sorted(self.unresolved),
            "total_flags": self.total_flags,
        }


def score_differences(index_dir: Path, differences: list[Difference]) -> DifferenceReport:
    """Compare the stored map of `index_dir` with the labelled pairs."""
    reader = IndexReader.open(index_dir)
    store = ConflictStore.for_index(index_dir, readonly=True)
    try:
        flags = ranked(store.flags()) if store else []
        places = {frozenset((f.a_clause, f.b_clause)): n for n, f in enumerate(flags, 1)}
        report = DifferenceReport(total_flags=len(flags))
        for pair in differences:
            a, b = locate(reader, *pair.a), locate(reader, *pair.b)
            if a is None or b is None:
                report.unresolved.append(pair.id)
                continue
            place = places.get(frozenset((a, b)))
            if pair.consistent:
                (report.consistent_clear if place is None else report.consistent_flagged).append(
                    pair.id
                )
            elif place is None:
                report.missed.append(pair.id)
            else:
                report.found[pair.id] = place
        return report
    finally:
        if store:
            store.close()
        reader.close()

"""Score the corpus-wide conflict map against the conflicts planted in `corpus/`.

Each planted row names two clauses by file and a verbatim piece of their text, and says what
the map should show: "conflict", "amended" (shown as amended, never as a conflict) or
"consistent" (not flagged). Texts are matched whitespace-normalised and case-insensitively.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from index import IndexReader
from qa.conflicts.store import ConflictStore, StoredFlag


@dataclass(frozen=True)
class PlantedPair:
    """One labelled pair of corpus clauses."""

    id: str
    expected: str
    kind: str
    topic: str
    a: tuple[str, str]  # (file, text)
    b: tuple[str, str]


@dataclass
class PlantedReport:
    """How the map fares on the planted pairs."""

    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    amended_right: list[str] = field(default_factory=list)
    amended_wrong: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)  # consistent pairs that were flagged
    unlabelled_flags: int = 0
    total_flags: int = 0
    unresolved: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """Figures and ids as JSON-ready data."""
        expected = len(self.found) + len(self.missed)
        labelled_flags = len(self.found) + len(self.false_alarms)
        return {
            "recall": round(len(self.found) / expected, 4) if expected else None,
            "precision_labelled": round(len(self.found) / labelled_flags, 4)
            if labelled_flags
            else None,
            "precision_all_flags": round(len(self.found) / self.total_flags, 4)
            if self.total_flags
            else None,
            "found": self.found,
            "missed": self.missed,
            "amended_shown_as_amended": self.amended_right,
            "amended_not_shown_as_amended": self.amended_wrong,
            "consistent_pairs_flagged": self.false_alarms,
            "flags_outside_the_labels": self.unlabelled_flags,
            "total_flags": self.total_flags,
            "unresolved_rows": self.unresolved,
        }


def load_planted(path: Path) -> list[PlantedPair]:
    """Read the planted pairs file."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            pairs.append(
                PlantedPair(
                    row["id"],
                    row["expected"],
                    row.get("kind", ""),
                    row.get("topic", ""),
                    (row["a"]["file"], row["a"]["text"]),
                    (row["b"]["file"], row["b"]["text"]),
                )
            )
    return pairs


def normalise(text: str) -> str:
    """Lower case, single spaces."""
    return re.sub(r"\s+", " ", text).strip().lower()


def locate(reader: IndexReader, file: str, text: str) -> str | None:
    """The clause id of the clause in `file` containing `text`."""
    wanted = normalise(text)
    for document in reader.documents():
        if PurePath(document.source).name != file:
            continue
        for _, clause in reader.clauses_of(document.doc_id):
            if wanted in normalise(clause.text):
                return clause.clause_id
    return None


def score_planted(index_dir: Path, planted: list[PlantedPair]) -> PlantedReport:
    """Compare the stored map of `index_dir` with the planted pairs."""
    reader = IndexReader.open(index_dir)
    store = ConflictStore.for_index(index_dir, readonly=True)
    flags: list[StoredFlag] = list(store.flags()) if store else []
    if store:
        store.close()
    by_pair = {frozenset((f.a_clause, f.b_clause)): f for f in flags}
    report = PlantedReport(total_flags=len(flags))
    labelled: set[frozenset[str]] = set()
    for pair in planted:
        a, b = locate(reader, *pair.a), locate(reader, *pair.b)
        if a is None or b is None:
            report.unresolved.append(pair.id)
            continue
        key = frozenset((a, b))
        labelled.add(key)
        flag = by_pair.get(key)
        _judge(report, pair, flag)
    report.unlabelled_flags = sum(1 for key in by_pair if key not in labelled)
    reader.close()
    return report


def _judge(report: PlantedReport, pair: PlantedPair, flag: StoredFlag | None) -> None:
    if pair.expected == "conflict":
        (report.found if flag is not None and flag.status == "conflict" else report.missed).append(
            pair.id
        )
    elif pair.expected == "amended":
        shown = flag is None or flag.status == "amended"
        (report.amended_right if shown else report.amended_wrong).append(pair.id)
    elif flag is not None:
        report.false_alarms.append(pair.id)

"""The conflict map page's data: flags narrowed by topic, kind and document; document pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from qa.records import ConflictFlag, Passage

NO_TOPIC = "(no topic)"


def topic_of(flag: ConflictFlag) -> str:
    """The flag's topic, or a placeholder so it can be chosen in a filter."""
    return flag.topic or NO_TOPIC


def short_name(passage: Passage) -> str:
    """A document's file name: shorter than its title and unique within the index."""
    return PurePath(passage.source).name or passage.title


def select_flags(
    flags: Iterable[ConflictFlag],
    topics: Collection[str] = (),
    kinds: Collection[str] = (),
    doc_ids: Collection[str] = (),
) -> list[ConflictFlag]:
    """Flags on any of `topics`, of any of `kinds`, touching any of `doc_ids` (empty: all)."""
    return [
        flag
        for flag in flags
        if (not topics or topic_of(flag) in topics)
        and (not kinds or flag.kind in kinds)
        and (not doc_ids or flag.a.doc_id in doc_ids or flag.b.doc_id in doc_ids)
    ]


def documents_in(flags: Iterable[ConflictFlag]) -> dict[str, str]:
    """doc_id → short name of every document a flag touches, by name."""
    names = {side.doc_id: short_name(side) for flag in flags for side in (flag.a, flag.b)}
    return dict(sorted(names.items(), key=lambda item: item[1]))


@dataclass(frozen=True)
class PairCell:
    """One cell of the document × document matrix."""

    document: str
    other: str
    conflicts: int
    amended: int

    @property
    def flags(self) -> int:
        """All flags between the two documents."""
        return self.conflicts + self.amended


def pair_cells(flags: Sequence[ConflictFlag]) -> list[PairCell]:
    """Both directions of every document pair with flags, so the matrix is symmetric."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for flag in flags:
        a, b = short_name(flag.a), short_name(flag.b)
        status = "amended" if flag.status == "amended" else "conflict"
        counts[(a, b, status)] += 1
        if a != b:
            counts[(b, a, status)] += 1
    pairs = sorted({(a, b) for a, b, _ in counts})
    return [PairCell(a, b, counts[(a, b, "conflict")], counts[(a, b, "amended")]) for a, b in pairs]

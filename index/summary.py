"""What an ingest run did, for the closing summary, `last_ingest.json` and the exit status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from index.plan import Plan
from ingest.records import Rejection

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_REJECTED = 3


@dataclass
class IngestSummary:
    """Counts and names of what changed, and every rejected file with its reason."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    kept_previous: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    embedded: int = 0
    reused: int = 0
    clauses_total: int = 0
    generation: int | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    publish_seconds: float = 0.0
    embed_seconds: float = 0.0
    finished_at: str = ""

    @classmethod
    def from_plan(cls, plan: Plan, warnings: list[str]) -> IngestSummary:
        """Start a summary from what planning already knows."""
        return cls(
            renamed=[(old.source, new.source) for old, new in plan.renamed],
            removed=[item.source for item in plan.removed],
            unchanged=list(plan.unchanged),
            duplicates=list(plan.duplicates),
            rejected=list(plan.rejected),
            warnings=list(warnings),
        )

    def reject(self, rejection: Rejection, kept: bool) -> None:
        """Record a rejected file; `kept` when its last good version stays indexed."""
        self.rejected.append(rejection)
        if kept:
            self.kept_previous.append(rejection.source)

    def record_parsed(self, source: str, updated: bool, warnings: tuple[str, ...]) -> None:
        """Record a file that went in."""
        (self.updated if updated else self.added).append(source)
        self.warnings.extend(f"{source}: {w}" for w in warnings)

    @property
    def exit_code(self) -> int:
        """0 when every file went in, 3 when some were rejected."""
        return EXIT_SOME_REJECTED if self.rejected else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        """The summary as JSON-ready data."""
        self.finished_at = self.finished_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return {
            "finished_at": self.finished_at,
            "generation": self.generation,
            "added": self.added,
            "updated": self.updated,
            "renamed": [{"from": a, "to": b} for a, b in self.renamed],
            "removed": self.removed,
            "unchanged": len(self.unchanged),
            "duplicates": [{"source": a, "same_as": b} for a, b in self.duplicates],
            "rejected": [{"source": r.source, "reason": r.reason} for r in self.rejected],
            "kept_previous_version": self.kept_previous,
            "warnings": self.warnings,
            "clauses_embedded": self.embedded,
            "clauses_reused": self.reused,
            "clauses_total": self.clauses_total,
            "notes": self.notes,
            "seconds": round(self.seconds, 3),
            "publish_seconds": round(self.publish_seconds, 3),
            "embed_seconds": round(self.embed_seconds, 3),
        }

    def lines(self) -> list[str]:
        """A human-readable closing summary."""
        out = [
            f"added {len(self.added)}, updated {len(self.updated)}, renamed {len(self.renamed)}, "
            f"removed {len(self.removed)}, unchanged {len(self.unchanged)}, "
            f"rejected {len(self.rejected)}",
            f"clauses: {self.embedded} embedded, {self.reused} reused"
            + (
                f", {self.clauses_total} in generation {self.generation}"
                if self.generation
                else " — index unchanged, nothing published"
            ),
            f"time: {self.seconds:.1f} s (index published after {self.publish_seconds:.1f} s)",
            *self.notes,
        ]
        out += [f"renamed: {a} -> {b}" for a, b in self.renamed]
        out += [f"skipped duplicate: {a} (same content as {b})" for a, b in self.duplicates]
        out += [f"warning: {w}" for w in self.warnings]
        for rejection in self.rejected:
            kept = " (previous version kept)" if rejection.source in self.kept_previous else ""
            out.append(f"rejected: {rejection.source}: {rejection.reason}{kept}")
        return out

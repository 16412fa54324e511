"""Work `accord ingest` does around publishing a generation (the conflict map)."""

from __future__ import annotations

from pathlib import Path

from index import AfterPublish, BuildHook, Progress
from ingest.settings import Settings


def ingest_hooks(settings: Settings) -> list[BuildHook]:
    """Steps run inside a build, before publishing (none at present)."""
    del settings
    return []


def after_publish_steps(settings: Settings) -> list[AfterPublish]:
    """Steps run under the writer lock once a generation is current: the conflict map."""

    def conflicts(index_dir: Path, progress: Progress) -> str:
        from qa.conflicts.mapping import update_conflict_map
        from qa.conflicts.scorers import make_scorer

        return update_conflict_map(index_dir, make_scorer(settings), progress).line()

    return [conflicts]

"""Conflicts at question time (filled in by the conflict map; none until it is built)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.settings import Settings

if TYPE_CHECKING:
    from qa.engine import ConflictFinder


def default_conflict_finder(settings: Settings) -> ConflictFinder | None:
    """The finder `Engine.load` uses by default."""
    del settings
    return None

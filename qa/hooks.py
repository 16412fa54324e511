"""Work done inside an ingest run before a generation is published (conflict map, ...)."""

from __future__ import annotations

from index import BuildHook
from ingest.settings import Settings


def ingest_hooks(settings: Settings) -> list[BuildHook]:
    """The hooks `accord ingest` runs; the conflict map joins here."""
    del settings
    return []

"""Classification markings: an ordered, configurable scale, banner lines and portion markings.

Banner lines look like ``SECRET``, ``NATO RESTRICTED``, ``MDA CONFIDENTIAL//REL TO ALD, BRV``.
Portion markings open a paragraph: ``(S)``, ``(C)``, ``(R)``, ``(U)``, ``(TS)``, optionally with
``//REL TO ...`` inside the parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ingest.records import Marking

DEFAULT_LEVELS: tuple[str, ...] = (
    "UNCLASSIFIED",
    "RESTRICTED",
    "CONFIDENTIAL",
    "SECRET",
    "TOP SECRET",
)

# Short forms used in portion markings and common alternative spellings.
DEFAULT_ALIASES: dict[str, str] = {
    "UNCLAS": "UNCLASSIFIED",
    "U": "UNCLASSIFIED",
    "NU": "UNCLASSIFIED",
    "R": "RESTRICTED",
    "NR": "RESTRICTED",
    "C": "CONFIDENTIAL",
    "NC": "CONFIDENTIAL",
    "S": "SECRET",
    "NS": "SECRET",
    "TS": "TOP SECRET",
    "CTS": "TOP SECRET",
    "COSMIC TOP SECRET": "TOP SECRET",
}

_PREFIX = r"(?:[A-Z][A-Z0-9]{1,11}\s+)?"
_REL = r"(?:\s*//\s*|\s+)REL(?:EASABLE)?\s+TO\s+(?P<rel>[A-Z0-9][A-Z0-9 ,/&-]*?)"
_PORTION_RE = re.compile(
    r"^\((?P<level>TS|CTS|[UNRCS]|N[URCS])(?://REL TO (?P<rel>[A-Z0-9 ,]+))?\)\s+"
)
_LIST_LETTER_RE = re.compile(r"^\((?:A|B)\)\s", re.MULTILINE)


@dataclass(frozen=True)
class ClassificationScale:
    """An ordered list of levels (lowest first) with aliases mapping onto them."""

    levels: tuple[str, ...] = DEFAULT_LEVELS
    aliases: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_ALIASES))

    def __post_init__(self) -> None:
        unknown = {target for target in self.aliases.values() if target not in self.levels}
        if unknown:
            raise ValueError(f"aliases point at levels not on the scale: {sorted(unknown)}")

    @classmethod
    def with_levels(cls, levels: Sequence[str]) -> ClassificationScale:
        """A scale of `levels` keeping the default aliases that point at them."""
        levels = tuple(" ".join(level.upper().split()) for level in levels)
        aliases = {alias: level for alias, level in DEFAULT_ALIASES.items() if level in levels}
        return cls(levels=levels, aliases=aliases)

    def rank(self, level: str) -> int:
        """Position of a canonical level on the scale; raises ValueError when unknown."""
        canonical = self.canonical(level)
        if canonical is None:
            raise ValueError(f"unknown classification level {level!r}; scale is {self.levels}")
        return self.levels.index(canonical)

    def canonical(self, text: str) -> str | None:
        """Map a level name, alias or prefixed variant ("NATO SECRET") onto the scale."""
        words = " ".join(text.upper().split())
        if words in self.levels:
            return words
        if words in self.aliases:
            return self.aliases[words]
        head, _, rest = words.partition(" ")
        if rest and len(head) <= 12:
            if rest in self.levels:
                return rest
            if rest in self.aliases and len(rest) > 2:
                return self.aliases[rest]
        return None

    def marking(self, level: str, releasable_to: Iterable[str] = (), as_found: str = "") -> Marking:
        """Build a Marking for a level name on this scale."""
        canonical = self.canonical(level)
        if canonical is None:
            raise ValueError(f"unknown classification level {level!r}; scale is {self.levels}")
        return Marking(
            level=canonical,
            rank=self.levels.index(canonical),
            releasable_to=frozenset(releasable_to),
            as_found=as_found or canonical,
        )

    def _level_pattern(self) -> str:
        names = sorted({*self.levels, *(a for a in self.aliases if len(a) > 2)}, key=len)
        return "|".join(re.escape(name) for name in reversed(names))

    def parse_banner(self, line: str) -> Marking | None:
        """Read a line that consists only of a classification marking."""
        text = " ".join(line.strip().strip("*_#").split())
        if not text or len(text) > 120 or text != text.upper():
            return None
        pattern = rf"^{_PREFIX}(?P<level>{self._level_pattern()})(?:{_REL})?$"
        match = re.match(pattern, text)
        if match is None:
            return None
        level_text = text[: match.end("level")]
        canonical = self.canonical(level_text)
        if canonical is None:
            return None
        return self.marking(canonical, _split_rel(match.group("rel")), as_found=text)

    def find_banner(self, lines: Sequence[str], limit: int = 12) -> Marking | None:
        """The highest banner marking among the first `limit` non-empty lines."""
        found: list[Marking] = []
        checked = 0
        for line in lines:
            if not line.strip():
                continue
            checked += 1
            marking = self.parse_banner(line)
            if marking is not None:
                found.append(marking)
            if checked >= limit:
                break
        return highest(found)

    def portion(self, paragraph: str) -> Marking | None:
        """The portion marking opening a paragraph, if any."""
        match = _PORTION_RE.match(paragraph.lstrip())
        if match is None:
            return None
        level = self.aliases.get(match.group("level"))
        if level is None or level not in self.levels:
            return None
        return self.marking(level, _split_rel(match.group("rel")), as_found=match.group(0).strip())

    def uses_portion_markings(self, text: str) -> bool:
        """True when a document is portion-marked (and not merely lettered "(A) (B) (C)")."""
        paragraphs = [p for p in re.split(r"\n\s*\n|\n(?=\()", text) if p.strip()]
        marked = sum(1 for p in paragraphs if self.portion(p) is not None)
        return marked >= 3 and _LIST_LETTER_RE.search(text) is None


def _split_rel(rel: str | None) -> tuple[str, ...]:
    if not rel:
        return ()
    return tuple(part.strip() for part in re.split(r"[,/]", rel) if part.strip())


def highest(markings: Iterable[Marking]) -> Marking | None:
    """The most restrictive of several markings (highest level, narrowest releasability)."""
    result: Marking | None = None
    for marking in markings:
        result = marking if result is None else combine(result, marking)
    return result


# Releasability of content whose REL TO lists have nothing in common: no group holds this
# token (group names are upper-case letters, digits, "_" and "-"), so nobody qualifies.
RELEASABLE_TO_NOBODY = "<no common releasability>"


def combine(a: Marking, b: Marking) -> Marking:
    """Merge two markings: the higher level, and releasability narrowed to both lists.

    Disjoint lists ("REL TO CAL" and "REL TO ALD, BRV") leave content releasable to nobody;
    an empty set would read as "no restriction", so a token no group can hold stands in.
    """
    top = a if a.rank >= b.rank else b
    if a.releasable_to and b.releasable_to:
        rel = (a.releasable_to & b.releasable_to) or frozenset({RELEASABLE_TO_NOBODY})
    else:
        rel = a.releasable_to or b.releasable_to
    return Marking(level=top.level, rank=top.rank, releasable_to=rel, as_found=top.as_found)


DEFAULT_SCALE = ClassificationScale()

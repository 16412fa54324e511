from __future__ import annotations

import pytest

from ingest.markings import DEFAULT_SCALE, ClassificationScale, combine, highest
from ingest.records import Marking


@pytest.mark.parametrize(
    ("line", "level", "releasable"),
    [
        ("SECRET", "SECRET", set()),
        ("NATO SECRET", "SECRET", set()),
        ("MDA RESTRICTED", "RESTRICTED", set()),
        ("COSMIC TOP SECRET", "TOP SECRET", set()),
        ("UNCLASSIFIED", "UNCLASSIFIED", set()),
        ("SECRET//REL TO ALD, BRV", "SECRET", {"ALD", "BRV"}),
        ("MDA CONFIDENTIAL REL TO ALD", "CONFIDENTIAL", {"ALD"}),
        ("**SECRET**", "SECRET", set()),
    ],
)
def test_banner_lines_map_onto_the_scale(line: str, level: str, releasable: set[str]) -> None:
    marking = DEFAULT_SCALE.parse_banner(line)
    assert marking is not None
    assert (marking.level, set(marking.releasable_to)) == (level, releasable)


@pytest.mark.parametrize(
    "line", ["Secret", "ARTICLE 5", "PREAMBLE", "The Parties shall keep it secret."]
)
def test_ordinary_lines_are_not_banners(line: str) -> None:
    assert DEFAULT_SCALE.parse_banner(line) is None


def test_portion_markings_read_level_and_caveat() -> None:
    assert DEFAULT_SCALE.portion("(S) Text.") == Marking("SECRET", 3, frozenset(), "(S)")
    rel = DEFAULT_SCALE.portion("(C//REL TO ALD) Text.")
    assert rel is not None and rel.level == "CONFIDENTIAL" and rel.releasable_to == {"ALD"}
    assert DEFAULT_SCALE.portion("(a) a list item") is None


def test_lettered_lists_are_not_taken_for_portion_markings() -> None:
    text = "(A) first\n\n(B) second\n\n(C) third\n\n(S) fourth"
    assert DEFAULT_SCALE.uses_portion_markings(text) is False
    marked = "(U) one\n\n(C) two\n\n(S) three"
    assert DEFAULT_SCALE.uses_portion_markings(marked) is True


def test_combining_takes_higher_level_and_narrower_releasability() -> None:
    a = DEFAULT_SCALE.marking("CONFIDENTIAL", ["ALD", "BRV"])
    b = DEFAULT_SCALE.marking("SECRET", ["BRV", "CAL"])
    merged = combine(a, b)
    assert (merged.level, merged.releasable_to) == ("SECRET", frozenset({"BRV"}))
    assert combine(a, DEFAULT_SCALE.marking("RESTRICTED")).releasable_to == {"ALD", "BRV"}
    assert highest([]) is None


def test_disjoint_releasability_lists_release_to_nobody() -> None:
    from qa.access import Clearance

    merged = combine(
        DEFAULT_SCALE.marking("SECRET", ["CAL"]), DEFAULT_SCALE.marking("SECRET", ["ALD", "BRV"])
    )
    assert merged.releasable_to  # never the empty set, which would mean "unrestricted"
    for group in ("ALD", "BRV", "CAL"):
        assert not Clearance("x", 4, frozenset({group})).may_see(merged.rank, merged.releasable_to)


def test_a_configured_scale_orders_its_own_levels() -> None:
    scale = ClassificationScale(levels=("PUBLIC", "INTERNAL", "SENSITIVE"), aliases={})
    assert [scale.rank(level) for level in ("PUBLIC", "INTERNAL", "SENSITIVE")] == [0, 1, 2]
    assert scale.parse_banner("ACME SENSITIVE") == Marking(
        "SENSITIVE", 2, frozenset(), "ACME SENSITIVE"
    )
    with pytest.raises(ValueError, match="unknown classification level"):
        scale.rank("SECRET")

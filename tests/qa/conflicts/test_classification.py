"""Classification levels: markings, equivalence tables and required levels."""

from __future__ import annotations

from qa.conflicts.classification import (
    Claim,
    Marking,
    equivalence_clash,
    find_classification,
    find_markings,
    level_clash,
)
from qa.conflicts.numbers import Bound


def test_markings_on_and_off_the_scale() -> None:
    found = [
        m for m, _, _ in find_markings("BRV HEMMELIG corresponds to MDA SECRET, not TOP SECRET.")
    ]
    assert found == [
        Marking("BRV HEMMELIG", "BRV", None),
        Marking("MDA SECRET", "MDA", 3),
        Marking("TOP SECRET", "", 4),
    ]


def test_acronyms_alone_are_not_markings() -> None:
    assert find_markings("The MDA Council and EUR 5,000 and the ICJ.") == []


def test_equivalences_that_disagree() -> None:
    (a,), _ = find_classification(
        "For this Agreement, BRV HEMMELIG corresponds to MDA CONFIDENTIAL."
    )
    (b,), _ = find_classification("BRV HEMMELIG is equivalent to MDA SECRET.")
    assert equivalence_clash(a, b) == (
        "BRV HEMMELIG = MDA CONFIDENTIAL",
        "BRV HEMMELIG = MDA SECRET",
    )


def test_equivalence_read_in_either_direction_agrees() -> None:
    (a,), _ = find_classification("DOR GEHEIM corresponds to MDA SECRET.")
    (b,), _ = find_classification(
        "MDA SECRET information shall be protected in Dormund as DOR GEHEIM."
    )
    assert equivalence_clash(a, b) is None


def test_national_markings_compared_within_one_system() -> None:
    (a,), _ = find_classification(
        "ALD CONFIDENCIAL shall be handled by Brevia as BRV KONFIDENSIELT."
    )
    (b,), _ = find_classification(
        "Brevia shall handle ALD CONFIDENCIAL information as BRV HEMMELIG."
    )
    (c,), _ = find_classification("ALD CONFIDENCIAL corresponds to DOR VERTRAULICH.")
    assert equivalence_clash(a, b) == (
        "ALD CONFIDENCIAL = BRV KONFIDENSIELT",
        "ALD CONFIDENCIAL = BRV HEMMELIG",
    )
    assert equivalence_clash(a, c) is None  # a different national system


def test_minimum_handling_level_against_a_lower_level() -> None:
    _, (a,) = find_classification("Annex B information shall be handled at no lower than SECRET.")
    _, (b,) = find_classification("Annex B information shall be handled as CONFIDENTIAL.")
    _, (c,) = find_classification("Annex B information shall be protected as TOP SECRET.")
    assert (a.claim, a.bound, a.marking.text) == (Claim.HANDLING, Bound.LOWER, "SECRET")
    assert level_clash(a, b) == ("at least SECRET", "CONFIDENTIAL")
    assert level_clash(a, c) is None


def test_sufficient_clearance_is_an_upper_bound() -> None:
    _, (a,) = find_classification("Analysts shall hold a security clearance of at least SECRET.")
    _, (b,) = find_classification(
        "A clearance at the level of CONFIDENTIAL is sufficient for analysts."
    )
    assert (a.claim, b.claim, b.bound) == (Claim.CLEARANCE, Claim.CLEARANCE, Bound.UPPER)
    assert level_clash(a, b) == ("at least SECRET", "at most CONFIDENTIAL")


def test_different_material_is_not_compared() -> None:
    _, (a,) = find_classification(
        "Imagery exchanged under this Arrangement shall be classified SECRET."
    )
    _, (b,) = find_classification(
        "Weather data exchanged under this Arrangement shall be classified RESTRICTED."
    )
    assert level_clash(a, b) is None


def test_a_marking_that_only_picks_out_material_is_not_a_level_claim() -> None:
    assert find_classification("The Party shall not translate documents marked SECRET.") == ([], [])

"""Modal checks: obligation, permission, prohibition and consent conditions on the same act."""

from __future__ import annotations

from qa.conflicts.analysis import ClauseAnalysis
from qa.conflicts.findings import CROSSED, DIFFERENT, STRONG, Finding
from qa.conflicts.modality import Condition, Modality, Statement
from qa.conflicts.parties import actor_key
from qa.conflicts.topics import overlap, stems
from qa.conflicts.types import ConflictKind

MIN_MATTER_OVERLAP = 0.5  # share of object words two statements must have in common (strictly more)
CARVED_OVERLAP = 0.6  # share of a carve-out's words the other clause must name to be that exception


def _describe(statement: Statement) -> str:
    if statement.modality is Modality.PROHIBITION and statement.condition is Condition.CONSENT:
        giver = f" of the {statement.giver}" if statement.giver else ""
        return f"prohibited except with the consent{giver}"
    suffix = {
        Condition.CONSENT: " with consent",
        Condition.DISCRETION: " without consent",
        Condition.NOTICE: " after notification only",
        Condition.OTHER: " with exceptions",
        Condition.CONDITIONAL: " under a condition",
    }.get(statement.condition, "")
    return f"{statement.modality.value}{suffix}"


_BARE = (Condition.NONE, Condition.ABSOLUTE)  # prohibitions without an exception


def _modal_verdict(x: Statement, y: Statement) -> tuple[ConflictKind, float, str] | None:
    """Kind, score and note for two statements on the same act, or None when compatible."""
    kinds = {x.modality, y.modality}
    if kinds == {Modality.PROHIBITION}:
        conditions = {x.condition, y.condition}
        if Condition.ABSOLUTE in conditions and conditions & {Condition.CONSENT, Condition.OTHER}:
            return ConflictKind.EXCEPTION, 0.8, "one allows an exception the other rules out"
        if Condition.CONDITIONAL in conditions and conditions & set(_BARE):
            return ConflictKind.EXCEPTION, DIFFERENT, "one ban applies only under a condition"
    if kinds == {Modality.OBLIGATION, Modality.PROHIBITION}:
        ban = x if x.modality is Modality.PROHIBITION else y
        if ban.condition in _BARE:
            return ConflictKind.MODAL, STRONG, ""
        if ban.condition is Condition.CONSENT:  # a duty to do what needs the other's consent
            return ConflictKind.MODAL, 0.55, "an unconditional duty against a consent requirement"
        return None  # "shall not ... except ...": the duty may fall within the exception
    if kinds == {Modality.OBLIGATION, Modality.EXEMPTION}:
        return ConflictKind.MODAL, CROSSED, ""
    if kinds == {Modality.PERMISSION, Modality.PROHIBITION}:
        ban, grant = (x, y) if x.modality is Modality.PROHIBITION else (y, x)
        return _permission_vs_ban(ban, grant)
    if kinds == {Modality.PERMISSION} and {x.condition, y.condition} == {
        Condition.CONSENT,
        Condition.DISCRETION,
    }:
        return ConflictKind.EXCEPTION, 0.8, "one permission needs consent, the other does not"
    both_consent = Condition.CONSENT == x.condition == y.condition
    if both_consent and x.giver and y.giver and actor_key(x.giver) != actor_key(y.giver):
        return ConflictKind.PARTY, 0.75, f"consent of {x.giver} vs consent of {y.giver}"
    # Obligation against permission is no conflict: what is obligatory is also permitted, and a
    # permission never forbids the obligatory act.
    return None


def _permission_vs_ban(ban: Statement, grant: Statement) -> tuple[ConflictKind, float, str] | None:
    if ban.condition in _BARE:
        score = 0.7 if grant.condition is Condition.CONSENT else CROSSED
        return ConflictKind.MODAL, score, ""
    if ban.only and grant.means and overlap(ban.only, grant.means) < MIN_MATTER_OVERLAP:
        return ConflictKind.MODAL, 0.75, "allowed only by one means; the other allows another"
    if ban.condition is not Condition.CONSENT:
        return None  # "shall not ... except in ...": the permission may be that exception
    if grant.condition is Condition.DISCRETION:
        return ConflictKind.EXCEPTION, STRONG, "consent required on one side, not on the other"
    if grant.condition is Condition.NOTICE:
        return ConflictKind.EXCEPTION, 0.8, "notification is not consent"
    if grant.condition is Condition.NONE:
        return ConflictKind.EXCEPTION, 0.6, "the permission omits the consent the other requires"
    if ban.giver and grant.giver and actor_key(ban.giver) != actor_key(grant.giver):
        return ConflictKind.PARTY, 0.75, f"consent of {ban.giver} vs consent of {grant.giver}"
    return None


def _carved_out(x: Statement, y: Statement) -> bool:
    """Whether one statement excepts what the other is about (the other is its exception)."""
    return any(
        s.carved and overlap(s.carved, stems(t.context.sentence)) >= CARVED_OVERLAP
        for s, t in ((x, y), (y, x))
    )


def _same_act(x: Statement, y: Statement) -> bool:
    everywhere = x.universal or y.universal  # "anywhere" meets "outside the agreed areas"
    return (
        x.action == y.action
        and (x.target is None or y.target is None or x.target == y.target)
        # Objects must both be named (and mostly shared) or both be absent ("take part").
        and bool(x.matter) == bool(y.matter)
        and (not x.matter or overlap(x.matter, y.matter) > MIN_MATTER_OVERLAP)
        and x.context.same_setting(y.context, ignore_situation=everywhere)
        and not _carved_out(x, y)
    )


def check_statements(a: ClauseAnalysis, b: ClauseAnalysis) -> list[Finding]:
    """Obligation/permission/prohibition and consent conditions on the same act."""
    found: list[Finding] = []
    for x in a.statements:
        for y in b.statements:
            verdict = _modal_verdict(x, y) if _same_act(x, y) else None
            if verdict is not None:
                kind, score, note = verdict
                found.append(
                    Finding(
                        kind,
                        score,
                        x.topic,
                        _describe(x),
                        _describe(y),
                        x.context.sentence,
                        y.context.sentence,
                        note,
                        label=x.phrase,
                    )
                )
    return found

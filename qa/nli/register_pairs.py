"""Generated pairs in the treaty register: one meaning said many ways, then one thing changed.

Each family builds contradictions (a duty against a ban, an exception removed, another holder of
the same jurisdiction, a fixed period changed, another equivalent level), paraphrases (the same
rule in other words) and hard negatives (the same change in a complementary setting, or numbers
that can both be met). The wording of both sides is drawn independently, so a pair never differs
only in the word that carries the conflict.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from qa.nli.examples import NliExample, NliLabel
from qa.nli.register_matters import (
    ALLOCATIONS,
    CHANNELS,
    EQUIVALENCE_WORDINGS,
    HOLDERS,
    JURISDICTION_MATTERS,
    LEVEL_CLAIMS,
    LEVELS,
    NATIONAL,
    NUMERIC_MATTERS,
    PERIODS,
)
from qa.nli.register_vocab import ACTS, EXCEPTIONS, INCLUSIONS, MODALS, ROLES

C, E, N = NliLabel.CONTRADICTION, NliLabel.ENTAILMENT, NliLabel.NEUTRAL
COUNTERPART = {"host": "sending", "sending": "host", "originator": "recipient"}
COUNTERPART["recipient"] = "originator"
_PERMISSIVE_REMOVERS = ("without", "at ", "regardless", "unilaterally", "whether")

Pair = tuple[str, str, NliLabel]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _role(role: str, rng: random.Random) -> tuple[str, bool]:
    return rng.choice(ROLES[role])


def _modal(force: str, plural: bool, rng: random.Random) -> str:
    wording = rng.choice(MODALS[force])
    return wording.replace("{be}", "are" if plural else "is").replace("{s}", "" if plural else "s")


def statement(role: str, force: str, act: str, setting: str, rng: random.Random) -> str:
    """One modal sentence: "<holder> <modal> <act> <setting>."."""
    subject, plural = _role(role, rng)
    tail = f" {setting}" if setting else ""
    if force == "prohibition" and rng.random() < 0.2:
        return f"Under no circumstances shall {subject} {act}{tail}."
    return f"{_cap(subject)} {_modal(force, plural, rng)} {act}{tail}."


def modal_pairs(rng: random.Random) -> list[Pair]:
    """Duty against ban, permission against ban, duty against exemption; and their near misses."""
    pairs: list[Pair] = []
    clashing = [("obligation", "prohibition"), ("permission", "prohibition")]
    clashing += [("obligation", "exemption")]
    for role, acts, settings in ACTS:
        setting, other = rng.choice(settings)
        shown = setting if rng.random() < 0.6 else ""
        for x, y in clashing:
            a = statement(role, x, rng.choice(acts), shown, rng)
            pairs.append((a, statement(role, y, rng.choice(acts), shown, rng), C))
            pairs.append((a, statement(role, y, rng.choice(acts), other, rng), N))
        for force in ("obligation", "permission", "prohibition"):
            a = statement(role, force, rng.choice(acts), shown, rng)
            pairs.append((a, statement(role, force, rng.choice(acts), shown, rng), E))
        a = statement(role, "obligation", rng.choice(acts), shown, rng)
        pairs.append((a, statement(role, "permission", rng.choice(acts), shown, rng), N))
        if role in COUNTERPART:
            tail = f" {shown}" if shown else ""
            only = f"Only {_role(role, rng)[0]} may {rng.choice(acts)}{tail}."
            rival = statement(COUNTERPART[role], "permission", rng.choice(acts), shown, rng)
            pairs.append((only, rival, C))
            pairs.append((only, statement(role, "permission", rng.choice(acts), shown, rng), E))
    return pairs


def exception_pairs(rng: random.Random) -> list[Pair]:
    """A ban with an exception against the same ban made absolute, or the act left free."""
    pairs: list[Pair] = []
    for role, act, conditions, removers in EXCEPTIONS:
        subject, plural = _role(role, rng)
        ban = _modal("prohibition", plural, rng)
        condition = rng.choice(conditions)
        word = rng.choice(("except", "save", "other than"))
        if rng.random() < 0.3:
            a = f"{_cap(word)} {condition}, {subject} {ban} {act}."
        else:
            a = f"{_cap(subject)} {ban} {act}, {word} {condition}."
        remover = rng.choice(removers)
        other, other_plural = _role(role, rng)
        if remover.startswith(_PERMISSIVE_REMOVERS):
            b = f"{_cap(other)} {_modal('permission', other_plural, rng)} {act} {remover}."
        else:
            b = f"{_cap(other)} {_modal('prohibition', other_plural, rng)} {act} {remover}."
        pairs.append((a, b, C))
        only = f"{_cap(other)} may {act} only {rng.choice(conditions)}."
        pairs.append((a, only, E))
        absolute = f"Under no circumstances shall {other} {act}."
        pairs.append((absolute, f"{_cap(subject)} may {act} {rng.choice(conditions)}.", C))
    for benefit, group, part in INCLUSIONS:
        a = f"{_cap(group)} shall be {benefit}, with the exception of {part}."
        if rng.random() < 0.5:
            a = f"{_cap(group)}, except {part}, shall be {benefit}."
        pairs.append((a, f"{_cap(part)} shall also be {benefit}.", C))
        pairs.append((a, f"{_cap(group)}, including {part}, shall be {benefit}.", C))
        pairs.append((a, f"{_cap(part)} shall not be {benefit}.", E))
    return pairs


def _period(days: int, rng: random.Random) -> str:
    return rng.choice(PERIODS[days])


def _numeric_label(kind: str, x: int, y: int) -> NliLabel:
    """Whether two values of one kind of limit can both hold."""
    if x == y:
        return E
    return C if kind in ("exact", "allowed") else N


def numeric_pairs(rng: random.Random) -> list[Pair]:
    """Fixed periods changed, permissions widened, deadlines and floors that can both be met."""
    pairs: list[Pair] = []
    for sentence, kind, lengths in NUMERIC_MATTERS:
        x, y = rng.choice(lengths), rng.choice(lengths)
        if rng.random() < 0.35:
            y = x
        a = sentence.format(q=_period(x, rng))
        b = sentence.format(q=_period(y, rng))
        pairs.append((a, b, _numeric_label(kind, x, y)))
        if kind == "floor" and "before" in sentence:
            late = rng.choice(lengths)
            capped = sentence.replace("at least {q}", "no earlier than {q}")
            capped = capped.format(q=_period(late, rng))
            pairs.append((a, capped, C if x > late else N))
    deadline, allowed = NUMERIC_MATTERS[1], NUMERIC_MATTERS[12]
    x, y = rng.choice(deadline[2]), rng.choice(allowed[2])
    a, b = deadline[0].format(q=_period(x, rng)), allowed[0].format(q=_period(y, rng))
    pairs.append((a, b, C if y > x else N))
    return pairs


def jurisdiction_pairs(rng: random.Random) -> list[Pair]:
    """The same matter given to another holder; the complementary matter given to it."""
    pairs: list[Pair] = []
    for (matter, other_matter), holders in JURISDICTION_MATTERS:
        first, second = rng.sample(holders, 2)

        def said(what: str, who: str) -> str:
            holder = rng.choice(HOLDERS[who])
            return _cap(rng.choice(ALLOCATIONS).format(matter=what, holder=holder))

        a = said(matter, first)
        pairs.append((a, said(matter, second), C))
        pairs.append((a, said(matter, first), E))
        pairs.append((a, said(other_matter, second), N))
        if "host courts" in holders:
            immune = (
                f"Members of the force shall be immune from the jurisdiction of "
                f"{rng.choice(HOLDERS['host courts'])} in respect of {matter}."
            )
            pairs.append((immune, said(matter, "host courts"), C))
            pairs.append((immune, said(other_matter, "host courts"), N))
    return pairs


def classification_pairs(rng: random.Random) -> list[Pair]:
    """Equivalences, clearance needs, scope and channels by level."""
    pairs: list[Pair] = []
    nation, markings = rng.choice(NATIONAL)
    rank = rng.randrange(4)
    other = rng.choice([r for r in range(4) if r != rank])

    def equivalence(marking_rank: int, level: int) -> str:
        wording = rng.choice(EQUIVALENCE_WORDINGS)
        return wording.format(nation=nation, marking=markings[marking_rank], level=LEVELS[level])

    a = equivalence(rank, rank)
    pairs += [(a, equivalence(rank, other), C), (a, equivalence(rank, rank), E)]
    pairs.append((a, equivalence(other, other), N))
    level, higher = LEVELS[rank], LEVELS[max(0, rank - 1)]
    for first, second in LEVEL_CLAIMS:
        x = first.format(level=level, other=higher)
        pairs.append((x, second.format(level=level, other=higher), C))
        other_level = LEVELS[other]
        pairs.append((x, second.format(level=other_level, other=LEVELS[max(0, other - 1)]), N))
    cap = rng.randrange(4)
    strict, loose = CHANNELS
    label = C if cap <= rank else N
    pairs.append((strict.format(level=level), loose.format(level=LEVELS[cap]), label))
    return pairs


# Each family with the share of the rounds it is drawn in: a round of modal pairs gives ~180
# pairs, of classification pairs ~12, so the families end up of similar size.
FAMILIES: dict[str, tuple[Callable[[random.Random], list[Pair]], float]] = {
    "modal": (modal_pairs, 0.25),
    "exception": (exception_pairs, 1.0),
    "numeric": (numeric_pairs, 1.6),
    "jurisdiction": (jurisdiction_pairs, 1.0),
    "classification": (classification_pairs, 1.6),
}


def register_pairs(seed: int, rounds: int) -> list[NliExample]:
    """Draws of every family (`rounds` times its share), each pair either way round."""
    rng = random.Random(seed)
    examples: list[NliExample] = []
    for family, (build, share) in FAMILIES.items():
        for number in range(round(rounds * share)):
            group = f"register:{family}:{number}"
            for first, second, label in build(rng):
                a, b = (second, first) if rng.random() < 0.5 else (first, second)
                examples.append(NliExample(a, b, label, "register", group, family))
    return list({(e.premise, e.hypothesis): e for e in examples}.values())

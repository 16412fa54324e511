"""Query expansion: the words of agreements for the everyday words of questions.

Staff ask "can we walk away from the Qatar deal?" of a text that says "either Party may
denounce this Agreement"; BM25 finds nothing the two share. Each group below lists ways of
saying one thing in the register of defence, security-of-information and status-of-forces
agreements, and in plain speech. A question that uses one of them also searches for the
others (at a lower weight, so the question's own words still lead). Groups are matched on
stemmed words, phrases word by word. A member marked "~" is only searched for, never a
trigger: "level" or "pay" alone says too little to imply the rest of its group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from index.lexical import tokenize

# Share of a word's weight given to the words a question only implies.
EXPANSION_WEIGHT = 0.4

SYNONYMS: tuple[tuple[str, ...], ...] = (
    # ending, leaving, duration
    (
        "terminate",
        "termination",
        "denounce",
        "denunciation",
        "withdraw",
        "withdrawal",
        "walk away",
        "pull out",
        "quit",
        "scrap",
        "cancel",
        "cease to be a party",
        "exit",
    ),
    (
        "duration",
        "remain in force",
        "in effect",
        "expire",
        "expiry",
        "lapse",
        "how long",
        "~valid",
        "validity",
        "~period",
    ),
    (
        "entry into force",
        "enter into force",
        "come into force",
        "take effect",
        "start to apply",
        "become effective",
        "~effective",
    ),
    ("notice", "notification", "advance warning", "warning", "heads-up", "forewarning"),
    ("ratification", "ratify", "ratified", "approve", "approval", "sign off", "instruments"),
    ("depositary", "depository", "keeps the instruments", "holds the instruments", "custodian"),
    ("amend", "amendment", "~change", "modify", "modification", "revise", "revision"),
    ("accede", "accession", "~join", "joining", "admission", "new member", "~invite"),
    # information and its protection
    (
        "disclose",
        "disclosure",
        "release",
        "pass on",
        "hand over",
        "~give",
        "share",
        "reveal",
        "~show",
        "communicate",
        "transmit",
        "transfer",
        "~provide",
        "make available",
    ),
    (
        "third party",
        "third state",
        "third country",
        "outsiders",
        "another country",
        "other countries",
        "non-member",
    ),
    ("classified", "secret", "sensitive", "protected", "confidential", "restricted"),
    ("classification", "security grading", "grading", "marking", "~level", "~category"),
    (
        "declassify",
        "downgrade",
        "lower the classification",
        "lift secrecy",
        "remove secrecy",
        "unclassified",
    ),
    (
        "security clearance",
        "clearance",
        "cleared",
        "vetted",
        "vetting",
        "screened",
        "background check",
    ),
    (
        "compromise",
        "loss",
        "lost",
        "missing",
        "leak",
        "leaked",
        "breach",
        "unauthorised",
        "unauthorized",
        "seen by the wrong people",
        "gone astray",
    ),
    ("inform", "notify", "tell", "report", "alert", "let know"),
    (
        "promptly",
        "immediately",
        "without delay",
        "forthwith",
        "quickly",
        "fast",
        "asap",
        "straight away",
        "how fast",
        "how quickly",
    ),
    ("destroy", "destruction", "dispose", "disposal", "shred", "get rid of"),
    ("retain", "retention", "keep", "store", "hold on to", "hang on to"),
    ("originator", "originating", "source country", "furnishing", "providing party"),
    ("recipient", "receiving", "receiver", "getting party"),
    ("visit", "visitor", "visits", "come to see", "tour", "access to facilities"),
    ("contractor", "~company", "~firm", "industry", "~business", "supplier"),
    ("patent", "invention", "inventor", "patent application"),
    ("atomic", "nuclear", "warhead", "warheads", "nuke"),
    ("weapon", "weapons", "arms", "firearm", "firearms", "gun", "guns", "bomb", "bombs"),
    # status of forces
    (
        "jurisdiction",
        "try",
        "tried",
        "prosecute",
        "prosecution",
        "trial",
        "courts",
        "punish",
        "charge",
        "who judges",
        "who tries",
    ),
    ("criminal", "crime", "offence", "offense", "wrongdoing", "misconduct"),
    ("official duty", "on duty", "performance of duty", "while working", "in service"),
    ("arrest", "detain", "detention", "custody", "~hold", "lock up", "apprehend"),
    ("extradite", "extradition", "surrender", "hand over to"),
    ("death sentence", "death penalty", "capital punishment", "execute", "executing", "execution"),
    (
        "claims",
        "compensation",
        "damages",
        "damage",
        "liability",
        "liable",
        "pay for",
        "indemnify",
        "reimburse",
        "waive",
        "waiver",
    ),
    ("customs", "import duty", "duties", "duty-free", "tax-free", "tariff", "bring in", "import"),
    ("tax", "taxes", "taxation", "exempt", "exemption", "levy", "income tax", "salaries"),
    ("uniform", "dress", "clothes", "clothing", "civilian clothes", "civvies"),
    ("driving licence", "driving license", "driving permit", "~drive", "driver"),
    ("medical", "health", "hospital", "doctor", "treatment", "sick", "injured", "dental", "teeth"),
    (
        "~entry",
        "~enter",
        "~exit",
        "leave the country",
        "passport",
        "visa",
        "border",
        "immigration",
        "travel document",
    ),
    ("identity card", "identification", "id card", "~papers"),
    ("armed", "carry arms", "possess arms", "carry a gun", "bear arms", "carry weapons"),
    ("military police", "police", "patrol", "policing", "order and discipline"),
    ("dependents", "dependants", "~family", "spouse", "~children", "relatives"),
    ("civilian component", "civilian staff", "civilian personnel", "civilians"),
    ("host state", "receiving state", "host nation", "host country", "~territory"),
    ("sending state", "home country", "own country", "parent state"),
    ("headquarters", "hq", "~command", "allied headquarters"),
    (
        "immunity",
        "immunities",
        "privileges",
        "shielded",
        "protection from prosecution",
        "exempt from legal process",
    ),
    ("archives", "~files", "~records", "~documents", "~papers", "correspondence"),
    ("inviolable", "inviolability", "~search", "seize", "seizure", "~open", "~inspect"),
    ("censorship", "vet the letters", "read the mail", "intercept"),
    # disputes, money, cooperation
    ("dispute", "disputes", "disagreement", "conflict", "quarrel", "row", "falling out"),
    ("arbitration", "arbitral", "arbitrator", "tribunal", "referee", "third-party settlement"),
    ("negotiation", "consultation", "consult", "talks", "discuss", "diplomatic channels"),
    (
        "costs",
        "expenses",
        "~pay",
        "~payment",
        "bear the costs",
        "foot the bill",
        "who pays",
        "~charges",
        "fee",
        "fees",
        "~price",
    ),
    ("reimbursement", "repay", "pay back", "refund", "~settle", "~settlement"),
    ("exercise", "exercises", "training", "manoeuvres", "maneuvers", "drills"),
    ("aircraft", "aeroplane", "airplane", "plane", "jets", "fighters", "airliner"),
    ("vessel", "vessels", "ship", "ships", "warship", "navy", "naval"),
    ("vehicle", "vehicles", "tank", "tanks", "armoured", "armored", "truck"),
    ("inspection", "inspections", "inspectors", "verification", "~check", "~checks"),
    ("reduction", "reduce", "~cut", "~destroy", "eliminate", "~scrap", "conversion", "convert"),
    ("limit", "limits", "ceiling", "maximum", "~cap", "no more than", "at most"),
    ("minimum", "at least", "floor", "no fewer than", "no less than"),
    (
        "permission",
        "consent",
        "approval",
        "authorisation",
        "authorization",
        "go-ahead",
        "green light",
        "~agreement",
        "~permit",
        "allowed",
    ),
    ("personnel", "~staff", "troops", "soldiers", "servicemen", "members of the force"),
    ("language", "languages", "authentic", "equally authentic", "translation"),
)


@dataclass(frozen=True)
class Expansion:
    """The stemmed words a question implies, with their weights, and the question with the
    first phrases of each group it touches spelled out ("" when it touches none)."""

    words: Mapping[str, float]
    rewritten: str = ""


@dataclass(frozen=True)
class _Group:
    triggers: tuple[tuple[str, ...], ...]  # stemmed phrases that bring the group in
    phrases: tuple[tuple[str, ...], ...]  # every stemmed phrase of the group


@cache
def _groups() -> tuple[_Group, ...]:
    groups = []
    for members in SYNONYMS:
        stemmed = [(m.startswith("~"), tuple(tokenize(m.lstrip("~")))) for m in members]
        phrases = tuple(p for _, p in stemmed if p)
        triggers = tuple(p for only_target, p in stemmed if p and not only_target)
        groups.append(_Group(triggers, phrases))
    return tuple(groups)


def _contains(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def expand(question: str, weight: float = EXPANSION_WEIGHT, per_group: int = 3) -> Expansion:
    """The words of every synonym group the question touches that it does not use itself,
    and the question followed by the group's first `per_group` phrases, for the dense
    retriever ("... walk away from the NATO SOFA (terminate, termination, denounce)")."""
    words = tokenize(question)
    present = set(words)
    implied: dict[str, float] = {}
    spelled: list[str] = []
    for members, group in zip(SYNONYMS, _groups(), strict=True):
        if not any(_contains(words, phrase) for phrase in group.triggers):
            continue
        for phrase in group.phrases:
            for word in phrase:
                if word not in present:
                    implied[word] = weight / len(phrase)
        triggers = [m for m in members if not m.startswith("~")]
        spelled += [m for m in triggers[:per_group] if m not in spelled]
    rewritten = f"{question} ({', '.join(spelled)})" if spelled else ""
    return Expansion(implied, rewritten)

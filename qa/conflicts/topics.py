"""What a clause is about: a small topic lexicon, the material it concerns, and its setting.

Rule checks only compare like with like. Two values are compared when they sit in clauses about
the same matter (shared topic), concern compatible material (intelligence reports vs personal data
are different material) and apply in the same situation (an emergency rule is not the normal rule).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache


class Topic(StrEnum):
    """Matters that agreements regulate; the value is how explanations name them."""

    RETENTION = "retention"
    RETURN = "return of material"
    NOTIFICATION = "notification"
    INVESTIGATION = "investigation report"
    ACKNOWLEDGEMENT = "acknowledgement of receipt"
    REPLY = "reply to requests"
    TERMINATION = "termination"
    WITHDRAWAL = "withdrawal"
    DURATION = "duration"
    VALIDITY = "validity"
    RENEWAL = "renewal"
    CONSULTATION = "consultation"
    DISPUTES = "dispute settlement"
    JURISDICTION = "jurisdiction"
    COSTS = "costs"
    LIABILITY = "liability"
    MEETINGS = "meetings"
    REVIEW = "review"
    ASSIGNMENT = "assignment of personnel"
    CLEARANCE = "security clearance"
    CLASSIFICATION = "classification"
    RELEASE = "release and dissemination"
    REPRODUCTION = "reproduction"
    TRANSLATION = "translation"
    VISITS = "visits"
    CHAIR = "chair"
    DEPOSITARY = "depositary"
    ENTRY = "entry into force"
    AMENDMENT = "amendment"
    CUSTODY = "arrest and custody"
    MEDICAL = "medical treatment"
    TAX = "taxation"
    CUSTOMS = "customs and import duties"
    # Generic topics last: explanations name the most specific shared topic first.
    USE = "use of information"
    ACCESS = "access"
    REQUEST = "requests"


class Subject(StrEnum):
    """The material or people an obligation is about."""

    PERSONAL_DATA = "personal data"
    INTELLIGENCE = "intelligence"
    CLASSIFIED = "classified information"
    PERSONNEL = "personnel"
    EQUIPMENT = "equipment"
    FACILITIES = "facilities"
    BREACH = "security incidents"


class Situation(StrEnum):
    """Settings that make a rule a different rule (an emergency or an out-of-scope case)."""

    EMERGENCY = "emergency"
    OUTSIDE = "outside scope"  # "outside designated ranges", "purposes other than ..."


_TOPIC_CUES: tuple[tuple[Topic, str], ...] = (
    # Destruction and erasure deadlines bound how long material is kept, so they share a topic.
    (
        Topic.RETENTION,
        r"retain\w*|retention|kept|keep(?:s|ing)?|stor(?:e|ed|age)|destr(?:oy\w*|uct\w*)"
        r"|eras(?:e|ed|ure)|delet(?:e|ed|ion)|dispos(?:e|ed|al)",
    ),
    (Topic.RETURN, r"return(?:s|ed)?"),
    (Topic.NOTIFICATION, r"notif\w*|inform(?:s|ed)?|reported|report(?:s)?\s+to|alert\w*"),
    (
        Topic.INVESTIGATION,
        r"investigat\w*|(?:full|final|written|detailed|complete)\s+report|findings",
    ),
    (Topic.ACKNOWLEDGEMENT, r"acknowledg\w*"),
    (Topic.REPLY, r"repl(?:y|ies|ied)|respon(?:d|ds|se|ses)|answer\w*"),
    (Topic.REQUEST, r"request\w*|submi(?:t|ts|tted|ssion)|applications?"),
    # Ending an agreement and one Party leaving a multilateral one are different matters.
    (
        Topic.TERMINATION,
        r"terminat\w*|denounc\w*|denunciat\w*|be\s+ended"
        r"|end\s+(?:this|the)\s+(?:Agreement|Arrangement|Memorandum)",
    ),
    (Topic.WITHDRAWAL, r"withdr[ae]w\w*|cease\s+to\s+be\s+a\s+Party"),
    # How long an agreement runs, and how long a clearance or pass stays valid, are different.
    (Topic.DURATION, r"in\s+force|concluded\s+for|initial\s+period"),
    (Topic.VALIDITY, r"valid(?:ity)?"),
    (Topic.RENEWAL, r"renew\w*|extend\w*|extension|successive|further\s+periods?"),
    (Topic.CONSULTATION, r"consult\w*|negotiat\w*"),
    (Topic.DISPUTES, r"disputes?|arbitra\w*|tribunal"),
    (Topic.JURISDICTION, r"courts?|jurisdiction|governed\s+by|laws?\s+of|\w+an\s+law|prevail"),
    (
        Topic.COSTS,
        r"costs?|expenses?|fees?|reimburs\w*|contribut\w*|budget|interest|payments?"
        r"|share\s+of",
    ),
    (Topic.LIABILITY, r"liabil\w*|compensat\w*|damages?|claims?|indemn\w*"),
    (Topic.MEETINGS, r"meet(?:s|ings?)?|sessions?|convene"),
    (Topic.REVIEW, r"review\w*"),
    (Topic.ASSIGNMENT, r"assigned|posted|posting|tour|secondment|seconded"),
    (Topic.CLEARANCE, r"clearances?|cleared|vetting"),
    (
        Topic.CLASSIFICATION,
        r"classif(?!ied)\w*|marked|marking|equivalen\w*|correspond\w*|downgrad\w*"
        r"|declassif\w*",
    ),
    (
        Topic.RELEASE,
        r"releas\w*|disclos\w*|transfer\w*|disseminat\w*|onward|pass(?:ed)?\s+(?:on|to)"
        r"|shar(?:e|ed|ing)\s+with|made\s+available|make\s+available|publish\w*",
    ),
    (Topic.REPRODUCTION, r"reproduc\w*|cop(?:y|ies|ied)"),
    (Topic.TRANSLATION, r"translat\w*"),
    (Topic.USE, r"us(?:e|ed|ing)"),
    (Topic.VISITS, r"visit(?!ing\s+forces?)\w*"),
    (Topic.CHAIR, r"chair\w*|presid\w*"),
    (Topic.DEPOSITARY, r"depositary"),
    # "take effect" is left out: a denunciation and an amendment take effect too.
    (Topic.ENTRY, r"ent(?:er|ers|ered|ry)\s+into\s+force|come[s]?\s+into\s+force"),
    (Topic.AMENDMENT, r"amendments?|amend(?:s|ed|ing)?|modifications?"),
    (Topic.CUSTODY, r"arrest\w*|custody|detain\w*|detention|handed\s+over"),
    (Topic.MEDICAL, r"medical|hospital\w*|treatment|dental"),
    (Topic.TAX, r"tax\w*|resident|residence"),
    (Topic.CUSTOMS, r"customs|import\w*|duty[\s-]free|free\s+of\s+duty|dutiable"),
    (Topic.ACCESS, r"access"),
)
_SUBJECT_CUES: tuple[tuple[Subject, str], ...] = (
    (Subject.PERSONAL_DATA, r"personal\s+(?:data|information)|data\s+subjects?"),
    (Subject.INTELLIGENCE, r"intelligence|assessments?|imagery|signals|target\s+packages?"),
    (
        Subject.CLASSIFIED,
        r"classified\s+(?:information|material|documents?)|(?<!personal\s)information"
        r"|documents?",
    ),
    (
        Subject.PERSONNEL,
        r"visitors?|personnel|staff|liaison\s+officers?|inspectors?|members\s+of\s+the",
    ),
    (
        Subject.EQUIPMENT,
        r"equipment|materiel|hardware|weapons|arms|ammunition|munitions|fuel|aircraft|vehicles",
    ),
    (Subject.FACILITIES, r"facilities|premises|infrastructure|installations|ranges"),
    (Subject.BREACH, r"breach\w*|compromis\w*|loss|unauthori[sz]ed|incidents?|violations?"),
)
_SITUATION_CUES: tuple[tuple[Situation, str], ...] = (
    (Situation.EMERGENCY, r"emergenc\w*|urgent\w*|crisis|hostilities|armed\s+conflict"),
    (Situation.OUTSIDE, r"outside|other\s+than|beyond"),
)


def _compile(cues: Iterable[tuple[StrEnum, str]]) -> re.Pattern[str]:
    """One pattern for a whole lexicon (a group per entry): one scan per text, not one per entry."""
    groups = "|".join(f"(?P<{name.name}>{pattern})" for name, pattern in cues)
    return re.compile(rf"\b(?:{groups})\b", re.IGNORECASE)


def _scan(pattern: re.Pattern[str], text: str) -> frozenset[str]:
    return frozenset(match.lastgroup for match in pattern.finditer(text) if match.lastgroup)


_TOPICS = _compile(_TOPIC_CUES)
_SUBJECTS = _compile(_SUBJECT_CUES)
_SITUATIONS = _compile(_SITUATION_CUES)
_LEXICON_CACHE = 16384  # sentences and clauses seen; the same ones are read by several checks
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
STOPWORDS = frozenset(
    "a an the of to in on at by for from with within without into onto under over and or nor"
    " not no any all each either neither both its it their his her this that these those such"
    " which who whom whose shall may must will would should can could be is are was were been"
    " being has have had do does party parties agreement arrangement article annex other than"
    " as if when where once after before also only any further so same upon between during"
    " per".split()
)


@lru_cache(maxsize=_LEXICON_CACHE)
def without_topic_words(text: str) -> str:
    """The text with its topic cue words blanked: what is left says what the clause is about."""
    return _TOPICS.sub(" ", text)


@lru_cache(maxsize=_LEXICON_CACHE)
def topics_in(text: str) -> frozenset[Topic]:
    """Topics named anywhere in a text."""
    return frozenset(Topic[name] for name in _scan(_TOPICS, text))


@lru_cache(maxsize=_LEXICON_CACHE)
def subjects_in(text: str) -> frozenset[Subject]:
    """The material or people a text is about."""
    return frozenset(Subject[name] for name in _scan(_SUBJECTS, text))


@lru_cache(maxsize=_LEXICON_CACHE)
def situation_of(text: str) -> frozenset[Situation]:
    """Special settings a text applies in."""
    return frozenset(Situation[name] for name in _scan(_SITUATIONS, text))


# Topics about an instrument itself: a notification that starts a notice period is part of them,
# so two clauses with different instrument topics are about different things.
INSTRUMENT = frozenset(
    {
        Topic.TERMINATION,
        Topic.WITHDRAWAL,
        Topic.DURATION,
        Topic.RENEWAL,
        Topic.ENTRY,
        Topic.AMENDMENT,
    }
)


def instrument_mismatch(a: frozenset[Topic], b: frozenset[Topic]) -> bool:
    """One side about an instrument's life (termination, entry into force ...), the other about
    another part of it, or about something else."""
    left, right = a & INSTRUMENT, b & INSTRUMENT
    return bool(left | right) and not left & right


# Topics too general to show, alone, that two clauses regulate the same thing.
GENERIC_TOPICS = frozenset({Topic.USE, Topic.ACCESS, Topic.REQUEST})

# Material with its own rules: a clause on personal data (or on security incidents) is a different
# matter from a clause on the intelligence that contains it, even when both name intelligence.
SPECIALISING = frozenset({Subject.PERSONAL_DATA, Subject.BREACH})


def subjects_compatible(a: frozenset[Subject], b: frozenset[Subject]) -> bool:
    """Whether two clauses can be about the same material.

    Both or neither must name the same specialising material; then a side that names none is
    compatible with anything; so is a side that names (classified) information or intelligence;
    otherwise the sets must share a member.
    """
    if a & SPECIALISING != b & SPECIALISING:
        return False
    if not a or not b or a & b:
        return True
    # "information" is everywhere ("records of visits involving classified information"): a side
    # that names it may be about anything the other names.
    return Subject.CLASSIFIED in a | b or Subject.INTELLIGENCE in a | b


@lru_cache(maxsize=_LEXICON_CACHE)
def stems(text: str) -> frozenset[str]:
    """Content-word stems (five letters is enough to equate retain/retained, visit/visitors)."""
    words = (_POSSESSIVE.sub("", word.lower()).strip("'’-") for word in _WORD.findall(text))
    return frozenset(word[:5] for word in words if word and word not in STOPWORDS)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the other (1.0 when either is empty)."""
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Intersection over union (1.0 when both are empty)."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def first_topic(topics: Iterable[Topic]) -> Topic | None:
    """The first topic in lexicon order, so explanations name topics consistently."""
    chosen = set(topics)
    return next((topic for topic in Topic if topic in chosen), None)

"""Who has jurisdiction over what: the courts, authorities or bodies a clause gives a matter to.

"Minor traffic offences ... shall be dealt with by the police and courts of the host country"
gives traffic offences to the host; "Traffic offences of any kind ... shall be prosecuted solely
by the military authorities of the Sending State" gives them, exclusively, to the sending State.
"Members of the force shall not be subject to the civil jurisdiction of the courts of the host
State" takes a matter away from the host. Matters qualified in complementary ways (on duty / off
duty, civil / criminal) are different matters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.conflicts.topics import overlap, stems

_F = re.IGNORECASE
_STATE = r"(?:State|country|nation|Nation|Party|Government)"
_HOLDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "the sending State",
        re.compile(
            rf"\b(?:military|service)\s+(?:authorities|courts|justice\s+authorities)\s+of\s+(?:the"
            rf"\s+|that\s+)?(?:sending|home)\s+{_STATE}|\b(?:authorities|courts)\s+of\s+the\s+"
            rf"sending\s+{_STATE}|\bsending\s+State['’]s\s+(?:military\s+)?(?:\w+\s+)?(?:authorities"
            r"|courts)|\b(?:board|tribunal|authority)\s+established\s+by\s+the\s+sending\s+State",
            _F,
        ),
    ),
    (
        "the host State",
        re.compile(
            rf"\b(?:courts?|judicial\s+authorities|authorities|police)(?:\s+and\s+(?:courts?|police"
            rf"|authorities))?\s+of\s+the\s+(?:receiving|host)\s+{_STATE}|\b(?:local|host(?:\s+"
            rf"(?:nation|country|State))?)\s+(?:labour\s+|criminal\s+|civil\s+)?(?:courts?|police"
            rf"|authorities)|\b(?:receiving|host)\s+{_STATE}['’]s\s+courts",
            _F,
        ),
    ),
    ("a joint body", re.compile(r"\bjoint\s+(?:committee|commission)\b", _F)),
    ("the Ministers", re.compile(r"\bMinisters?\s+of\s+Defence\b|\bDefence\s+Ministers?\b", _F)),
    ("arbitration", re.compile(r"\barbitra\w+\b", _F)),
)
_ALLOCATES = re.compile(
    r"jurisdiction|competen\w+|dealt\s+with|\bheard\b|\bdecided\b|\bsettled\b|\btried\b"
    r"|prosecut\w+|\breferred\b|\blie\s+with|\brest\s+with|\bruling\b",
    _F,
)
_MATTER = re.compile(
    r"\b(?:offen[cs]es?|claims?|disputes?|proceedings|cases?|questions?|differences?|acts?)\b", _F
)
_DENIES = re.compile(
    r"(?:immun\w*\s+from|not\s+(?:be\s+)?subject\s+to|exempt\w*\s+from|not\s+(?:be\s+)?subject"
    r"\s+to\s+review\s+by)\s+(?:\w+\s+){0,6}$",
    _F,
)
# The holder must be what the matter is given to: "dealt with by the", "within the competence
# of the", "referred to the", "immune from the jurisdiction of the" right before it, or "shall
# have (the primary right to exercise) jurisdiction" right after it.
_GIVEN_BY = re.compile(
    r"(?:(?:dealt\s+with|heard|decided|settled|tried|prosecuted|determined|examined|review)"
    r"\s+(?:\w+\s+){0,2}by|(?:competence|jurisdiction)\s+of|(?:referred|submitted)\s+to"
    r"|(?:lie|lies|rest|rests)\s+with)\s+(?:the\s+|an?\s+|any\s+)?(?:[\w-]+\s+)?$",
    _F,
)
_HAS = re.compile(
    r"^\s*(?:shall|will|may)\s+(?:\w+\s+){0,2}have\s+(?:the\s+)?(?:\w+\s+){0,2}(?:right\s+to"
    r"\s+exercise\s+)?(?:\w+\s+)?jurisdiction",
    _F,
)
_EXCLUSIVE = re.compile(
    r"\bsolely\b|\bexclusive\w*\b|\bonly\b|\bfinal\b|\bsole\b|\bpriority\b|\bprimary\b", _F
)
_ESCALATION = re.compile(
    r"\bunable\b|\bfail\w*\b|\bcannot\s+be\s+(?:resolved|settled)|\bnot\s+(?:been\s+|be\s+)?"
    r"(?:resolved|settled)\b|\bwaive\w*\b",
    _F,
)
_ON_DUTY = re.compile(
    r"official\s+dut|\bon\s+duty\b|in\s+the\s+(?:course|performance|execution)\s+of\s+(?:\w+\s+)?"
    r"(?:official\s+)?dut",
    _F,
)
_OFF_DUTY = re.compile(r"\boff\s+duty\b|\bnot\s+on\s+duty\b|\bprivate\b", _F)
_CIVIL = re.compile(r"\bcivil\b", _F)
_CRIMINAL = re.compile(r"\bcriminal\b|\boffen[cs]es?\b|\bprosecut\w*", _F)
_NOISE = frozenset(
    "juris compe dealt heard decid settl tried prose refer lie rest rulin court autho milit servi"
    " sendi recei host state count natio polic judic solel exclu final sole prior prima right"
    " exerc membe force subje immun".split()
)


@dataclass(frozen=True)
class Allocation:
    """ "<holder> has (or, denied, has not) jurisdiction over <matter>"."""

    holder: str
    denied: bool
    exclusive: bool
    matter: frozenset[str]
    categories: frozenset[str]  # "duty", "off duty", "civil", "criminal"
    sentence: str


def escalates(text: str) -> bool:
    """Whether a text is a step after another forum failed ("where the Committee is unable")."""
    return _ESCALATION.search(text) is not None and not _WAIVES.search(text)


_WAIVES = re.compile(r"\bwaive\w*\b", _F)


def _categories(sentence: str) -> frozenset[str]:
    found = set()
    for name, pattern in (
        ("duty", _ON_DUTY),
        ("off duty", _OFF_DUTY),
        ("civil", _CIVIL),
        ("criminal", _CRIMINAL),
    ):
        if pattern.search(sentence):
            found.add(name)
    return frozenset(found)


def find_allocations(sentence: str) -> list[Allocation]:
    """The holders a sentence gives (or takes away) jurisdiction over a matter to."""
    if not (_ALLOCATES.search(sentence) and _MATTER.search(sentence)):
        return []
    if _ESCALATION.search(sentence):
        return []  # a step after another forum failed, or a waiver: no allocation of its own
    found: list[Allocation] = []
    matter = frozenset(stems(sentence) - _NOISE)
    exclusive = _EXCLUSIVE.search(sentence) is not None
    categories = _categories(sentence)
    for holder, pattern in _HOLDERS:
        for match in pattern.finditer(sentence):
            before, after = sentence[: match.start()], sentence[match.end() :]
            if not (_GIVEN_BY.search(before) or _HAS.match(after)):
                continue  # the holder is named, but not given (or denied) the matter
            denied = _DENIES.search(before) is not None
            found.append(Allocation(holder, denied, exclusive, matter, categories, sentence))
            break
    return found


def _complementary(a: frozenset[str], b: frozenset[str]) -> bool:
    """On duty against off duty, or civil against criminal (each side naming only one)."""
    for pair in ({"duty", "off duty"}, {"civil", "criminal"}):
        left, right = a & pair, b & pair
        if len(left) == 1 and len(right) == 1 and left != right:
            return True
    return False


MIN_MATTER = 0.25  # share of the smaller matter's words the other must have


def allocation_clash(x: Allocation, y: Allocation) -> tuple[float, str] | None:
    """Score and note when two allocations of one matter cannot both hold."""
    if _complementary(x.categories, y.categories) or overlap(x.matter, y.matter) < MIN_MATTER:
        return None
    if x.holder == y.holder:
        if x.denied != y.denied:
            return 0.85, "jurisdiction given on one side, excluded on the other"
        return None
    if not x.denied and not y.denied and (x.exclusive or y.exclusive):
        return 0.8, "the same matter given to different holders"
    return None

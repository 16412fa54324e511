"""Modal statements: who must, may or must not do what, to whom, and on what condition.

"The receiving Party shall not release intelligence to a third party except with the prior written
consent of the originating Party" is read as: prohibition; action "release"; material
"intelligence"; target "third parties"; condition CONSENT, given by the originating Party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from qa.conflicts.acts import ACTION_NAMES, act_noun, object_stems, read_action, read_target
from qa.conflicts.conditions import carve_out, is_absolute, is_universal, means, only_means
from qa.conflicts.context import Context, context_of
from qa.conflicts.parties import actor_by, actor_in, consent_giver
from qa.conflicts.segments import Segment, split_segments, uninvert
from qa.conflicts.topics import stems, subjects_in


class Modality(StrEnum):
    """The deontic force of a statement; the value is how explanations describe it."""

    OBLIGATION = "obligatory"
    PERMISSION = "permitted"
    PROHIBITION = "prohibited"
    EXEMPTION = "not required"


class Condition(StrEnum):
    """What a permission or prohibition depends on."""

    NONE = ""
    CONSENT = "consent"  # prohibition "except with consent"; permission "with consent"
    DISCRETION = "discretion"  # permission "without consent", "freely", "at its discretion"
    NOTICE = "notice"  # permission "after notifying" (notice is not consent)
    OTHER = "other exception"  # prohibition "except in ..." not about consent
    ABSOLUTE = "no exception"  # prohibition "in all cases", "under no circumstances", "even when"
    CONDITIONAL = "condition"  # prohibition only "if ...", "provided that ..."


@dataclass(frozen=True)
class Statement:
    """One modal statement."""

    modality: Modality
    action: str  # verb class: "release", "destroy", ...
    topic: str  # the act as a short noun: "release to third parties", "destruction"
    phrase: str  # the act with its object: "release of intelligence received (third parties)"
    matter: frozenset[str]  # content stems of the object
    target: str | None  # recipient class, when named
    condition: Condition
    giver: str | None  # whose consent the condition names
    context: Context
    carved: frozenset[str] = frozenset()  # what the sentence excepts from its rule
    only: frozenset[str] = frozenset()  # the only means it allows ("only through ...")
    means: frozenset[str] = frozenset()  # the means it names ("by commercial courier")
    universal: bool = False  # applies everywhere ("anywhere in the territory")


_F = re.IGNORECASE
_MODAL = re.compile(
    r"\b(?:(?P<exempt>shall\s+not\s+be\s+(?:required|obliged)\s+to|(?:is|are)\s+not\s+(?:required"
    r"|obliged)\s+to|need\s+not|(?:is|are)\s+under\s+no\s+obligation\s+to)"
    r"|(?P<prohibit>shall\s+not|must\s+not|may\s+not|will\s+not|cannot|shall\s+in\s+no\s+case"
    r"|(?:is|are)\s+(?:prohibited|forbidden)\s+(?:from|to)|(?:is|are)\s+not\s+(?:permitted|allowed)\s+to)"
    r"|(?P<permit>(?:shall\s+be|is|are)\s+(?:permitted|entitled|free|allowed|authori[sz]ed)\s+to"
    r"|(?:has|have|shall\s+have)\s+the\s+right\s+to|may)"
    r"|(?P<oblige>shall|must|(?:is|are)\s+(?:required|obliged|bound)\s+to|undertakes?\s+to|will))\b",
    _F,
)
_NOMINAL = re.compile(
    r"\b(?:(?P<banned>(?:is|are)\s+(?:prohibited|forbidden|not\s+permitted|not\s+allowed))\b(?!\s+(?:from|to)\b)"
    r"|(?P<needs>requires?|(?:is|are)\s+subject\s+to)\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?"
    r"(?:express\s+)?(?:unanimous\s+)?(?:consent|approval|authori[sz]ation|permission)\b)",
    _F,
)
_NEGATED_SUBJECT = re.compile(
    r"^\s*(?:neither|no)\b(?!\s+(?:more|less|fewer|later|earlier|longer)\b)|\bunder\s+no\s+circumstances\b",
    _F,
)
_ARTICLE = re.compile(r"^(?:the|any|all)\s+", _F)
_OF = re.compile(r"^\s*of\s+", _F)
# A modal right after a relative or conditional word states a fact: "disputes that cannot be
# settled", "data that lose their value if they cannot be shared".
_RELATIVE = re.compile(
    r"\b(?:that|which|who|if|when|whether|because|unless)\s+(?:(?:it|they|he|she|this|these)\s+)?$"
    r"|\b(?:that|which|who)\s*$",
    _F,
)
# "have access to X", "be liable for X": the object follows the preposition.
_LEAD_PREPOSITION = re.compile(r"^\s*(?:only\s+)?(?:to|for|of|with)\s+", _F)
_RESTRICTIVE = re.compile(r"\b(?:only|solely|exclusively)\b", _F)
_PARTICIPLE = re.compile(
    r"(?:ed|en|wn)$|^(?:made|kept|held|paid|sent|told|sold|done|put|set|borne|worn|met|read|lent"
    r"|left|sought|brought|built|spent)$",
    _F,
)
_PRONOUN = re.compile(r"^\s*(?:it|them|this|these|those|such)\s*$", _F)
_LEAD_EXCEPTION = re.compile(r"^\s*(?:except|unless|save|with)\b[^,]*,\s*", _F)
_PASSIVE = re.compile(r"^\s*(?:(?:only|also|further|freely|not)\s+)*be\s+", _F)
_ADVERBS = re.compile(r"^\s*(?:(?:only|also|further|freely|promptly|immediately|not)\s+)*", _F)
_OBJECT_END = re.compile(
    r"[,;]|\b(?:to|for|with|within|without|into|except|unless|save|where|when|if|provided|once|after"
    r"|before|from|by|at|as|on|that|which|who|whose|but|outside|inside|under|in|until|while)\b",
    _F,
)
_WITHOUT = re.compile(
    r"\bwithout\s+(?:(?:the|its|any|further|prior|written|express|seeking|need\s+for|requiring)\s+)*"
    r"(?:consent|approval|authori[sz]ation|permission|agreement|reference\s+to)|\bfreely\b"
    r"|\bat\s+(?:its|their)\s+(?:own\s+)?discretion\b|\bwithout\s+restriction\b|\bas\s+it\s+sees\s+fit\b"
    r"|\bon\s+its\s+own\s+authority\b|\bwithout\s+consult\w*|\bunilaterally\b"
    r"|\bregardless\s+of\s+(?:any\s+)?(?:authori[sz]ation|consent|permission|approval)",
    _F,
)
# "agreement" is left out: "this Agreement" is everywhere and is not a consent.
_CONSENT = re.compile(r"\b(?:consent\w*|approv\w*|authori[sz]\w*|permission|agrees?|agreed)\b", _F)
_EXCEPT = re.compile(r"\b(?:except|unless|save|only\s+(?:with|after|if|where|once|when))\b", _F)
_IF = re.compile(r"\bif\b|\bprovided\s+that\b|\bin\s+the\s+event\b", _F)
_ONLY_WITH = re.compile(r"\bonly\s+(?:with|after|if|where|once|when)\b", _F)
_NOTICE = re.compile(
    r"\b(?:after|upon|following)\s+(?:notifying|informing|notification|giving\s+notice)"
    r"|\bprovided\s+that\s+it\s+(?:informs|notifies)\b",
    _F,
)


def _condition(modality: Modality, text: str, rest: str) -> tuple[Modality, Condition]:
    """Condition of a statement in clause `text` (`rest`: after the modal).

    "may ... only with consent" is a prohibition with a consent exception; "shall be used only for
    the purposes of ..." is a prohibition of other uses (an exception that is not about consent).
    """
    if modality in (Modality.OBLIGATION, Modality.PERMISSION) and _RESTRICTIVE.search(rest):
        consent = _CONSENT.search(text) and not _WITHOUT.search(text)
        return Modality.PROHIBITION, Condition.CONSENT if consent else Condition.OTHER
    if modality is Modality.PROHIBITION:
        if _CONSENT.search(text) or _WITHOUT.search(text):
            return modality, Condition.CONSENT
        if _EXCEPT.search(text):
            return modality, Condition.OTHER
        if is_absolute(text):
            return modality, Condition.ABSOLUTE
        return modality, Condition.CONDITIONAL if _IF.search(text) else Condition.NONE
    if modality is not Modality.PERMISSION:
        return modality, Condition.NONE
    if _WITHOUT.search(text):
        return modality, Condition.DISCRETION
    if _NOTICE.search(text):
        return modality, Condition.NOTICE
    if _CONSENT.search(text):
        restricted = _ONLY_WITH.search(text)
        return (Modality.PROHIBITION if restricted else modality), Condition.CONSENT
    return modality, Condition.NONE


def _modality(match: re.Match[str], subject: str) -> Modality:
    kind = match.lastgroup
    modality = {
        "exempt": Modality.EXEMPTION,
        "prohibit": Modality.PROHIBITION,
        "permit": Modality.PERMISSION,
        "oblige": Modality.OBLIGATION,
    }[kind or "oblige"]
    if _NEGATED_SUBJECT.search(subject) and modality in (Modality.OBLIGATION, Modality.PERMISSION):
        return Modality.PROHIBITION  # "Neither Party shall ...", "No Party may ..."
    return modality


def _words(text: str, limit: int = 8) -> str:
    return " ".join(text.split()[:limit]).strip(" .;,")


def _statement(
    sentence: str, segment: Segment, subject: str, modal: re.Match[str]
) -> Statement | None:
    """Read the statement made by one modal verb."""
    rest = segment.text[modal.end() :]
    core = _LEAD_EXCEPTION.sub("", subject)
    passive = _PASSIVE.match(rest)
    if passive and not _PARTICIPLE.search(rest[passive.end() :].split(" ", 1)[0]):
        passive = None  # "shall be liable for ...": an adjective, read like an active verb
    verb_text = rest[passive.end() :] if passive else _ADVERBS.sub("", rest).removeprefix("be ")
    found = read_action(verb_text)
    if found is None:
        return None
    action, verb_end = found
    obj = core if passive else _LEAD_PREPOSITION.sub("", verb_text[verb_end:])
    obj = obj[: m.start()] if (m := _OBJECT_END.search(obj)) else obj
    actor = actor_by(rest) if passive else actor_in(core)
    if passive:
        obj = _ARTICLE.sub("", obj.strip())
    modality, condition = _condition(_modality(modal, subject), segment.text, rest)
    return _build(sentence, segment, action, obj, actor, modality, condition)


def _giver(text: str) -> str | None:
    """Whose consent a consent (or discretion) condition names."""
    cue = _EXCEPT.search(text) or _WITHOUT.search(text) or _CONSENT.search(text)
    return consent_giver(text, cue.start()) if cue else None


def _build(
    sentence: str,
    segment: Segment,
    action: str,
    obj: str,
    actor: str | None,
    modality: Modality,
    condition: Condition,
) -> Statement:
    target = read_target(segment.text)
    noun = act_noun(action)
    topic = f"{noun} to {target[0]}" if target else noun
    phrase = f"{noun} of {_words(obj)}" if obj.strip() else noun
    phrase += f" ({target[0]})" if target else ""
    giver = _giver(segment.text) if condition in (Condition.CONSENT, Condition.DISCRETION) else None
    actor_stems = stems(actor) if actor else frozenset()
    if _PRONOUN.match(obj):  # "may release it": the material the sentence is about
        obj = " ".join(subject.value for subject in subjects_in(sentence))
    matter = object_stems(obj) - actor_stems
    context = context_of(sentence, segment, actor=actor, find_actor=False)
    return Statement(
        modality=modality,
        action=action,
        topic=topic,
        phrase=phrase,
        matter=matter,
        target=target[0] if target else None,
        condition=condition,
        giver=giver,
        context=context,
        carved=carve_out(sentence),
        only=only_means(segment.text),
        means=means(segment.text),
        universal=is_universal(sentence),
    )


def _nominal(sentence: str, segment: Segment) -> Statement | None:
    """Nominal forms: "Release of ... is prohibited", "The release ... requires the consent of"."""
    match = _NOMINAL.search(segment.text)
    if match is None:
        return None
    subject = _ARTICLE.sub("", segment.text[: match.start()].strip())
    found = read_action(subject)
    if found is None or found[0] not in ACTION_NAMES:
        return None  # "Personal electronic devices are prohibited": no act to compare
    action, verb_end = found
    obj = _OF.sub("", subject[verb_end:])
    obj = obj[: m.start()] if (m := _OBJECT_END.search(obj)) else obj
    condition = Condition.CONSENT if match.group("needs") else Condition.NONE
    if condition is Condition.NONE and is_absolute(segment.text):
        condition = Condition.ABSOLUTE
    actor = actor_by(subject)
    return _build(sentence, segment, action, obj, actor, Modality.PROHIBITION, condition)


def find_statements(sentence: str) -> list[Statement]:
    """Modal statements of a sentence, one per modal verb (and one per nominal prohibition)."""
    found: list[Statement] = []
    subject = ""
    for segment in map(uninvert, split_segments(sentence)):
        nominal = _nominal(sentence, segment)
        if nominal is not None:
            found.append(nominal)
            continue
        for modal in _MODAL.finditer(segment.text):
            own_subject = segment.text[: modal.start()]
            if _RELATIVE.search(own_subject):
                continue  # "disputes that cannot be settled": a fact about the subject, not a rule
            subject = own_subject if own_subject.strip() else subject
            statement = _statement(sentence, segment, subject, modal)
            if statement is not None:
                found.append(statement)
            break  # one modal per clause: "shall not ... but shall ..." is split into clauses
    return found

"""Phrases in the register of status-of-forces and security-of-information agreements.

Written for Accord (no text of any evaluation set): each entry gives several wordings of one
meaning, so the generator in `register_pairs.py` can say the same thing in many ways and change
exactly one thing when it builds a contradiction. Data only.
"""

from __future__ import annotations

# Roles, each with wordings that mean the same holder. (text, plural)
ROLES: dict[str, tuple[tuple[str, bool], ...]] = {
    "host": (
        ("the receiving State", False),
        ("the host State", False),
        ("the host nation", False),
        ("the authorities of the receiving State", True),
        ("the host country", False),
        ("the Host Party", False),
    ),
    "sending": (
        ("the sending State", False),
        ("the Sending Party", False),
        ("the military authorities of the sending State", True),
        ("the authorities of the sending State", True),
        ("the State to which the force belongs", False),
    ),
    "originator": (
        ("the Originating Party", False),
        ("the originator", False),
        ("the Party that provided the information", False),
        ("the providing Party", False),
        ("the releasing Party", False),
    ),
    "recipient": (
        ("the Receiving Party", False),
        ("the recipient", False),
        ("the Party that received the information", False),
        ("the receiving Party", False),
    ),
    "members": (
        ("members of the force", True),
        ("members of the visiting force", True),
        ("personnel of the sending State", True),
        ("service personnel of the force", True),
    ),
}

# Modal wordings per force; "{be}" becomes "is" or "are".
MODALS: dict[str, tuple[str, ...]] = {
    "obligation": ("shall", "must", "{be} required to", "undertake{s} to", "{be} obliged to"),
    "permission": (
        "may",
        "{be} entitled to",
        "shall be entitled to",
        "{be} permitted to",
        "shall have the right to",
        "{be} free to",
    ),
    "prohibition": (
        "shall not",
        "may not",
        "must not",
        "{be} not permitted to",
        "shall in no case",
        "{be} forbidden to",
    ),
    "exemption": (
        "{be} under no obligation to",
        "shall not be required to",
        "need not",
        "{be} not obliged to",
    ),
}

# Acts: (holder role, verb phrases, complementary settings for near misses).
ACTS: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]], ...] = (
    (
        "host",
        (
            "arrest members of the force",
            "take members of the force into custody",
            "detain members of the visiting force",
        ),
        (
            ("within the installations of the force", "outside the installations of the force"),
            ("while they are on duty", "while they are off duty"),
        ),
    ),
    (
        "recipient",
        (
            "reproduce documents classified TOP SECRET",
            "make copies of TOP SECRET documents",
            "copy information classified TOP SECRET",
        ),
        (("for internal use", "for release to a third State"),),
    ),
    (
        "recipient",
        (
            "translate classified documents received",
            "have classified documents translated",
            "produce translations of the classified documents it receives",
        ),
        (("into its own language", "into the language of a third State"),),
    ),
    (
        "recipient",
        (
            "destroy classified material received",
            "dispose of classified material it has received",
            "eliminate the classified documents received",
        ),
        (("once it is no longer required", "while it is still required"),),
    ),
    (
        "members",
        ("wear uniform", "be dressed in uniform", "appear in military uniform"),
        (("when on duty", "when off duty"), ("on official occasions", "in their private time")),
    ),
    (
        "members",
        ("carry their service weapons", "bear arms", "be armed"),
        (
            ("inside the agreed training areas", "outside the agreed training areas"),
            ("when on duty", "when off duty"),
        ),
    ),
    (
        "host",
        (
            "notify the sending State of the arrest of a member of the force",
            "inform the sending State when a member of its force is arrested",
            "report to the sending State any arrest of a member of the force",
        ),
        (("within the host territory", "outside the host territory"),),
    ),
    (
        "originator",
        (
            "inspect the premises in which its information is stored",
            "carry out security inspections where its information is kept",
            "visit and inspect the facilities holding its information",
        ),
        (("on the territory of the other Party", "on its own territory"),),
    ),
    (
        "host",
        (
            "inspect vehicles of the force",
            "carry out customs examinations of vehicles of the force",
            "search the vehicles of the visiting force",
        ),
        (("at the border crossing", "inside the installations of the force"),),
    ),
    (
        "sending",
        ("fly its national flag", "display its national flag", "hoist its own flag"),
        (("over the installations used by its force", "on vehicles used for private purposes"),),
    ),
    (
        "recipient",
        (
            "add its own national classification marking",
            "mark the information with its equivalent national marking",
            "apply its national security marking",
        ),
        (("to classified information received", "to information it has produced itself"),),
    ),
    (
        "members",
        (
            "import their private vehicles free of duty",
            "bring in their private motor vehicles without paying duty",
            "import personal vehicles exempt from customs duty",
        ),
        (("for their own use", "for resale in the host country"),),
    ),
    (
        "recipient",
        (
            "downgrade information received",
            "lower the classification of information received",
            "declassify information it has received",
        ),
        (("without the consent of the originator", "after the originator has agreed"),),
    ),
    (
        "host",
        (
            "tax the salaries paid by the sending State to members of its force",
            "levy income tax on the pay that members of the force receive from the sending State",
            "subject the service pay of members of the force to taxation",
        ),
        (("for their service with the force", "for private employment in the host country"),),
    ),
    (
        "recipient",
        (
            "keep copies of the information after the Agreement has ended",
            "retain copies of information received once the Agreement is terminated",
            "hold on to copies of exchanged information after termination",
        ),
        (
            (
                "on condition that it continues to protect them",
                "for the purpose of a pending investigation",
            ),
        ),
    ),
    (
        "host",
        (
            "enter the installations used by the force",
            "gain access to the premises of the visiting force",
            "go onto the installations placed at the disposal of the force",
        ),
        (
            (
                "without the consent of the commanding officer",
                "in the case of a fire endangering life",
            ),
        ),
    ),
)

# Exceptions: (subject role, prohibited act, condition wordings, words that remove the condition).
EXCEPTIONS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "recipient",
        "release classified information to a third State",
        (
            "with the prior written consent of the originator",
            "where the originator has agreed in writing",
            "if the Originating Party has first given its consent",
        ),
        (
            "without the consent of the originator",
            "without consulting the originator",
            "at its own discretion",
        ),
    ),
    (
        "host",
        "arrest members of the force inside the installations",
        (
            "in the case of an offence detected in the act",
            "where the offender is caught in the act",
            "in cases of flagrante delicto",
        ),
        (
            "even when they are caught in the act",
            "even in cases of flagrante delicto",
            "whatever the circumstances",
        ),
    ),
    (
        "members",
        "carry arms outside the agreed areas",
        (
            "with the authorisation of the host authorities",
            "where the competent host authority has authorised it",
            "if the receiving State has given permission",
        ),
        (
            "regardless of any authorisation by local authorities",
            "without any authorisation",
            "whether or not the host authorities agree",
        ),
    ),
    (
        "members",
        "wear civilian clothes on duty",
        (
            "where the commanders of both forces agree otherwise",
            "if both commanders so decide",
            "with the agreement of both commanders",
        ),
        ("in all cases", "under any circumstances", "whatever the commanders decide"),
    ),
    (
        "recipient",
        "disclose details of a security incident to the public",
        (
            "with the agreement of both Parties",
            "where both Parties have consented",
            "if the other Party agrees",
        ),
        ("without consulting the other Party", "unilaterally", "at its sole discretion"),
    ),
    (
        "host",
        "enter the premises of the force",
        (
            "with the consent of the commanding officer",
            "where the commander of the force agrees",
            "if the commanding officer has given permission",
        ),
        (
            "without the consent of the commanding officer",
            "without prior permission",
            "at any time",
        ),
    ),
)

# Benefits and groups: (benefit phrase, whole group, subgroup an exception may carve out).
INCLUSIONS: tuple[tuple[str, str, str], ...] = (
    ("exempt from visa requirements", "members of the force", "members of the civilian component"),
    (
        "exempt from income tax in the host State",
        "persons employed by the sending State",
        "staff recruited locally",
    ),
    (
        "exempt from the registration of aliens",
        "members of the force",
        "dependants of members of the force",
    ),
    (
        "entitled to free medical treatment in host military hospitals",
        "members of the force",
        "dependants of members of the force",
    ),
    (
        "exempt from customs duties on personal effects",
        "members of the civilian component",
        "contractors of the force",
    ),
    (
        "covered by the waiver of claims",
        "damage to military property",
        "damage caused by gross negligence or wilful misconduct",
    ),
)

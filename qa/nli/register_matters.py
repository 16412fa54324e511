# ruff: noqa: E501
"""Time limits, forums and classification markings in the treaty register, for generated pairs.

Written for Accord. Each time value has several equal wordings (72 hours = three days; a
fortnight = fourteen days); each matter a sentence with a slot for its value and the kind of
limit it states. Data only; `register_pairs.py` turns it into pairs.
"""

from __future__ import annotations

# Equal wordings of one period, by its length in days (1 month = 30 days, 1 year = 365).
PERIODS: dict[int, tuple[str, ...]] = {
    1: ("one day", "twenty-four hours", "24 hours"),
    2: ("two days", "forty-eight hours", "48 hours"),
    3: ("three days", "seventy-two hours", "72 hours", "three (3) days"),
    5: ("five days", "5 days", "five (5) days"),
    7: ("one week", "seven days", "7 days"),
    10: ("ten days", "10 days", "ten (10) days"),
    14: ("fourteen days", "two weeks", "a fortnight", "14 days"),
    21: ("twenty-one days", "three weeks", "21 days"),
    30: ("thirty days", "one month", "30 days", "thirty (30) days"),
    42: ("forty-two days", "six weeks"),
    60: ("sixty days", "two months", "60 days"),
    90: ("ninety days", "three months", "90 days"),
    180: ("six months", "180 days", "six (6) months"),
    365: ("one year", "twelve months", "a year", "12 months"),
    730: ("two years", "twenty-four months", "24 months"),
    1095: ("three years", "thirty-six months", "3 years"),
    1825: ("five years", "sixty months", "5 years"),
    3650: ("ten years", "10 years", "ten (10) years"),
}

# Matters: (sentence with {q}, kind of limit, plausible lengths in days). Kinds:
#   "deadline": a duty to act within the period (two deadlines can both be met: the shorter);
#   "exact":    the period itself is fixed (two different values cannot both hold);
#   "allowed":  a permission for up to the period (a longer permission breaks a shorter deadline);
#   "floor":    at least the period (a larger value meets it).
NUMERIC_MATTERS: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    (
        "The receiving State shall inform the sending State of the arrest of a member of the force within {q}.",
        "deadline",
        (1, 2, 3, 7),
    ),
    (
        "A member of the force arrested by the host authorities shall be handed over to the military authorities of the sending State not later than {q} after the arrest.",
        "deadline",
        (1, 2, 3, 5),
    ),
    (
        "Any security breach shall be reported to the originator within {q} of its discovery.",
        "deadline",
        (1, 2, 3, 7, 14),
    ),
    (
        "Receipt of classified documents shall be acknowledged within {q} of their delivery.",
        "deadline",
        (5, 7, 14, 30),
    ),
    (
        "Claims for compensation shall be submitted within {q} of the incident.",
        "deadline",
        (30, 90, 180, 365),
    ),
    (
        "Applications for duty relief shall be filed within {q} after the goods have entered the country.",
        "deadline",
        (14, 30, 42, 90),
    ),
    (
        "A security clearance certificate issued for a visit shall be valid for {q}.",
        "exact",
        (90, 180, 365, 730),
    ),
    (
        "The denunciation shall take effect {q} after the date on which the notification was received.",
        "exact",
        (90, 180, 365),
    ),
    ("The tour of duty of a liaison officer shall last {q}.", "exact", (365, 730, 1095)),
    (
        "Private vehicles imported by members of the force shall be free of duty for {q} from their importation.",
        "exact",
        (180, 365, 730),
    ),
    (
        "Records of visits involving classified information shall be kept for {q}.",
        "exact",
        (365, 1095, 1825),
    ),
    (
        "Amendments shall enter into force {q} after the receipt of the last notification.",
        "exact",
        (30, 60, 90),
    ),
    (
        "The host authorities may hold an arrested member of the force in their own custody for up to {q} before transferring him to the sending State.",
        "allowed",
        (3, 5, 10, 14),
    ),
    (
        "Goods imported free of duty may remain in the territory for up to {q}.",
        "allowed",
        (180, 365, 730),
    ),
    (
        "Members of the force may drive with their home licence for up to {q} after arrival.",
        "allowed",
        (90, 180, 365),
    ),
    (
        "Requests for visits shall be submitted at least {q} before the proposed date of the visit.",
        "floor",
        (5, 10, 14, 21, 30),
    ),
    (
        "Notice of a field exercise outside the agreed areas shall be given at least {q} before it begins.",
        "floor",
        (14, 30, 60),
    ),
    (
        "Either Party may terminate this Agreement by giving at least {q} written notice.",
        "floor",
        (90, 180, 365),
    ),
)

# Jurisdiction: matters with a complementary matter, and the holders that may be given them.
HOLDERS: dict[str, tuple[str, ...]] = {
    "host courts": (
        "the courts of the receiving State",
        "the host nation's courts",
        "the judicial authorities of the host State",
        "the local courts of the receiving State",
    ),
    "sending military": (
        "the military authorities of the sending State",
        "the service courts of the sending State",
        "the sending State's military justice authorities",
    ),
    "joint committee": (
        "the Joint Committee",
        "the joint commission established under this Agreement",
        "the Committee set up by the Parties",
    ),
    "arbitration": (
        "an arbitral tribunal",
        "binding arbitration",
        "an arbitration tribunal constituted for the purpose",
    ),
    "ministers": (
        "the Ministers of Defence of the Parties",
        "the Defence Ministers",
        "the responsible Ministers of the Parties",
    ),
    "negotiation": (
        "consultation between the Parties",
        "negotiations between the Parties",
        "direct talks between the Parties",
    ),
    "international court": ("the International Court of Justice", "an international court"),
}
JURISDICTION_MATTERS: tuple[tuple[tuple[str, str], tuple[str, ...]], ...] = (
    (
        ("offences committed in the performance of official duty", "offences committed off duty"),
        ("host courts", "sending military"),
    ),
    (
        (
            "offences directed solely against the property of the sending State",
            "offences against nationals of the receiving State",
        ),
        ("host courts", "sending military"),
    ),
    (
        (
            "civil claims arising from acts done on official duty",
            "civil claims arising from private contracts",
        ),
        ("host courts", "sending military"),
    ),
    (
        (
            "traffic offences committed while driving service vehicles",
            "traffic offences committed in private cars",
        ),
        ("host courts", "sending military"),
    ),
    (
        (
            "disputes on the interpretation of this Agreement",
            "disputes arising from individual procurement contracts",
        ),
        ("joint committee", "arbitration", "ministers", "negotiation", "international court"),
    ),
    (
        ("employment disputes of locally engaged staff", "disputes between members of the force"),
        ("host courts", "sending military", "joint committee"),
    ),
)
ALLOCATIONS: tuple[str, ...] = (
    "{matter} shall be dealt with by {holder}.",
    "{holder} shall have jurisdiction over {matter}.",
    "{matter} shall lie within the competence of {holder}.",
    "{holder} shall have the primary right to exercise jurisdiction over {matter}.",
    "{matter} shall be settled exclusively by {holder}.",
    "Jurisdiction over {matter} shall rest with {holder}.",
    "{matter} shall be referred to {holder}, whose decision shall be final.",
)

# National markings and their place on the scale (0 = TOP SECRET ... 3 = RESTRICTED).
LEVELS = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "RESTRICTED")
NATIONAL: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    (
        "Netherlands",
        ("Stg. ZEER GEHEIM", "Stg. GEHEIM", "Stg. CONFIDENTIEEL", "DEPARTEMENTAAL VERTROUWELIJK"),
    ),
    ("German", ("STRENG GEHEIM", "GEHEIM", "VS-VERTRAULICH", "VS-NUR FÜR DEN DIENSTGEBRAUCH")),
    (
        "French",
        ("TRÈS SECRET DÉFENSE", "SECRET DÉFENSE", "CONFIDENTIEL DÉFENSE", "DIFFUSION RESTREINTE"),
    ),
    (
        "Swedish",
        ("KVALIFICERAT HEMLIG", "HEMLIG/SECRET", "HEMLIG/CONFIDENTIAL", "HEMLIG/RESTRICTED"),
    ),
    ("Norwegian", ("STRENGT HEMMELIG", "HEMMELIG", "KONFIDENSIELT", "BEGRENSET")),
    ("Danish", ("YDERST HEMMELIGT", "HEMMELIGT", "FORTROLIGT", "TIL TJENESTEBRUG")),
)
EQUIVALENCE_WORDINGS: tuple[str, ...] = (
    "The {nation} marking {marking} shall correspond to {level}.",
    "Information bearing the {nation} classification {marking} shall be treated as {level}.",
    "For the purposes of this Agreement, {nation} {marking} is equivalent to {level}.",
    "The recipient shall protect information marked {marking} by the {nation} authorities as {level}.",
)
# Claims about one level that cannot both hold: (first, second), with {level} and {other} (the
# next level up). The same pair about another level is no conflict.
LEVEL_CLAIMS: tuple[tuple[str, str], ...] = (
    (
        "Persons without a security clearance may be given access to information classified {level}.",
        "Access to information classified {level} shall be limited to persons holding a security clearance at least at the level of {other}.",
    ),
    (
        "This Agreement shall not apply to information classified {level}.",
        "Information classified {level} may be exchanged under this Agreement.",
    ),
    (
        "Any compromise of information classified {level} shall be reported to the originator.",
        "A compromise of information classified {level} shall be dealt with nationally, without notification to the originator.",
    ),
    (
        "Each Party shall recognise the personnel security clearances issued by the other Party for access to information classified {level}.",
        "Clearances issued by the other Party shall not be recognised for access to {level} information; a national clearance shall be issued instead.",
    ),
)
# A channel rule: "{level} and above" only by government channels, against commercial couriers
# for "up to and including" a level (a conflict when that level is at least as high).
CHANNELS = (
    "Information classified {level} and above shall be transmitted only through government-to-government channels.",
    "Information classified up to and including {level} may be sent by approved commercial couriers.",
)

# ruff: noqa: E501
"""Clause texts written for Accord, in a treaty register, about fictional states.

The generator in recipes.py works on these when the corpus is absent, and beside it when present.
Kept apart from recipes.py so each module stays short; this one is data only.
"""

from __future__ import annotations

CLAUSE_TEMPLATES: tuple[str, ...] = (
    "The Receiving Party shall retain Intelligence received under this Agreement for no longer than five years from the date of receipt.",
    "Classified Information marked SECRET shall be stored in security containers approved by the National Security Authority of the Receiving Party.",
    "The Receiving Party shall not release Intelligence to a Third Party except with the prior written consent of the Originating Party.",
    "Each Party shall notify the other Party of any Security Incident within 72 hours of its discovery.",
    "The costs incurred by a Party in implementing this Agreement shall be borne by that Party.",
    "Any dispute concerning the interpretation or application of this Agreement shall be settled exclusively by consultation between the Parties and shall not be referred to any international tribunal.",
    "This Agreement shall remain in force for a period of ten years and shall be extended automatically for successive periods of five years.",
    "Either Party may terminate this Agreement by giving the other Party six months' written notice through diplomatic channels.",
    "Intelligence provided under this Agreement may be used only for the purposes of defence and national security of the Receiving Party.",
    "The Aldorian Defence Intelligence Directorate shall act as the Competent Authority for the Republic of Aldoria.",
    "Visits by personnel of one Party to facilities of the other Party involving access to information classified CONFIDENTIAL or above shall require prior approval by the host Party.",
    "Requests for visits shall be submitted at least 20 days before the date of the proposed visit.",
    "The Receiving Party shall afford Classified Information a level of protection equivalent to that afforded by the Originating Party.",
    "Classified Information marked TOP SECRET shall be transmitted only by diplomatic courier or by a cryptographic system approved by both Parties.",
    "The Receiving Party may translate and reproduce Intelligence marked RESTRICTED without the consent of the Originating Party.",
    "Copies and translations of information classified SECRET shall bear the same security marking as the original.",
    "The Receiving Party shall destroy Intelligence that is no longer required within 30 days and shall inform the Originating Party of its destruction.",
    "Access to Classified Information shall be limited to persons who hold an appropriate personnel security clearance and who have a need to know.",
    "Personnel security clearances issued by the Kingdom of Brevia shall be recognised by the Republic of Aldoria for access to information classified up to SECRET.",
    "The Parties shall hold consultations at least once a year to review the implementation of this Agreement.",
    "Amendments to this Agreement shall enter into force in accordance with the procedure provided for its entry into force.",
    "The Meridian Defence Alliance shall not be regarded as a Third Party for the purposes of this Agreement.",
    "Intelligence originating from the Meridian Defence Alliance shall not be passed to either Party under this Agreement without the authorisation of the Alliance.",
    "The Receiving Party shall not downgrade or declassify Intelligence without the prior written consent of the Originating Party.",
    "The Originating Party shall inform the Receiving Party without delay of any change in the classification level of Intelligence provided.",
    "Each Party shall bear its own costs arising from the participation of its personnel in joint analysis activities.",
    "Liaison officers of Caldera assigned to the Fusion Centre shall have access to intelligence products classified up to CONFIDENTIAL.",
    "The Fusion Centre shall produce a joint threat assessment every three months and shall circulate it to all Member States of the Alliance.",
    "The Director of the Fusion Centre shall be appointed by the Council of the Meridian Defence Alliance for a term of three years, renewable once.",
    "A Party that suffers a Security Incident involving Intelligence of the other Party shall investigate it and report the results to the Originating Party within 14 days.",
    "The Receiving Party shall ensure that Intelligence is not used as evidence in judicial proceedings without the prior written consent of the Originating Party.",
    "Intelligence may be shared with national law enforcement authorities of the Receiving Party only for the prevention of terrorist offences.",
    "Each Party retains full discretion over the onward release of Intelligence it has received under this Agreement.",
    "The Receiving Party may store Intelligence on information systems accredited to at least the classification level of the Intelligence.",
    "The Parties shall exchange liaison officers, who shall enjoy the privileges and immunities accorded to members of the administrative and technical staff of a diplomatic mission.",
    "Caldera shall provide satellite imagery of the border region to Brevia on a weekly basis.",
    "Meteorological and hydrographic data may be exchanged without restriction and shall not be classified.",
    "This Agreement shall enter into force on the first day of the second month following the receipt of the last notification of completion of internal procedures.",
    "Upon termination, Intelligence already exchanged shall continue to be protected in accordance with this Agreement for as long as it remains classified.",
    "The Originating Party shall mark all Intelligence with its classification level and with the caveat REL ALD BRV.",
    "Contracts involving access to Classified Information shall contain security provisions approved by the National Security Authority of the Party in whose territory the contract is performed.",
    "Information marked CONFIDENTIAL may be transmitted by registered post in double sealed envelopes.",
    "Each Party shall designate a point of contact available 24 hours a day for the urgent exchange of threat warnings.",
    "The Brevian Royal Military Intelligence Service shall ensure that Intelligence received from Aldoria is recorded in a central registry.",
    "Signals intelligence shall not be shared with a Third Party in raw form.",
    "Breach notifications shall be made in writing to the Competent Authority of the Originating Party.",
    "The Parties shall not conduct intelligence collection operations against each other.",
    "The Receiving Party shall seek the consent of the Originating Party before using Intelligence in a public statement.",
    "Personal data received under this Agreement shall be deleted when it is no longer necessary for the purpose for which it was provided and at the latest after three years.",
    "Geospatial products derived from imagery supplied by Caldera may be released to members of the Alliance at the discretion of the Receiving Party.",
    "Each Party shall inform the other Party within 24 hours of any request from a Third Party for access to Intelligence received under this Agreement.",
    "The Joint Committee shall meet at least twice a year, alternately in the territory of each Party.",
    "Decisions of the Joint Committee shall be taken by consensus.",
    "Any amendment to this Agreement shall be made in writing by mutual agreement of the Parties.",
    "This Arrangement does not create legally binding obligations under international law.",
    "Oversight bodies of the Receiving Party may have access to Intelligence received from the Originating Party to the extent necessary for the performance of their functions.",
    "The Receiving Party shall keep a record of all persons who have had access to information classified TOP SECRET.",
    "Disputes arising under this Agreement shall be submitted to arbitration under the rules of the Meridian Defence Alliance.",
    "The Receiving Party shall return Intelligence to the Originating Party at the latter's request within 10 days.",
    "Brevia shall reimburse Aldoria for the costs of secure communication equipment installed at the Castrana liaison office.",
)

# Hand-written meaning-level contrasts: (clause, a clause it contradicts, a paraphrase of it).
SEMANTIC_TRIPLES: tuple[tuple[str, str, str], ...] = (
    (
        "Each Party retains full discretion over the onward release of Intelligence it has received.",
        "Onward release of Intelligence requires the approval of the Party that provided it.",
        "Whether received Intelligence is released onward is left entirely to the judgement of the Party holding it.",
    ),
    (
        "Disputes shall be settled exclusively by negotiation between the Parties.",
        "Either Party may refer a dispute to binding international arbitration.",
        "The Parties shall resolve any dispute only through negotiations between themselves.",
    ),
    (
        "Intelligence received under this Agreement may not be used in criminal proceedings.",
        "The Receiving Party may rely on Intelligence received under this Agreement as evidence before its courts.",
        "Intelligence exchanged under this Agreement shall not serve as evidence in any criminal trial.",
    ),
    (
        "The Originating Party keeps ownership of the Intelligence it provides.",
        "Intelligence becomes the property of the Receiving Party upon delivery.",
        "Intelligence remains the property of the Party that supplied it.",
    ),
    (
        "All costs of the liaison office shall be shared equally between the Parties.",
        "The host Party shall bear all costs of the liaison office.",
        "Each Party shall pay half of the costs of the liaison office.",
    ),
    (
        "This Arrangement is a political commitment and is not legally binding.",
        "This Arrangement creates obligations binding on the Parties under international law.",
        "This Arrangement does not give rise to legal obligations.",
    ),
    (
        "Raw signals intelligence may be shared with the Alliance without restriction.",
        "Raw signals intelligence shall be exchanged only between the two Parties and never with the Alliance.",
        "The Alliance may freely receive raw signals intelligence.",
    ),
    (
        "Security clearances granted by one Party shall be recognised by the other.",
        "Personnel of the sending Party must be cleared again by the host Party before being granted access.",
        "Each Party accepts the personnel security clearances issued by the other Party.",
    ),
    (
        "The Agreement may be terminated at any time with immediate effect.",
        "Termination takes effect only after a notice period of one year.",
        "Either Party may end the Agreement at any moment, effective immediately.",
    ),
    (
        "Intelligence shall be destroyed as soon as it is no longer needed.",
        "The Receiving Party shall keep all Intelligence permanently in its archives.",
        "Once Intelligence is no longer required it must be destroyed.",
    ),
    (
        "Oversight bodies of the Receiving Party may inspect Intelligence received from the other Party.",
        "Intelligence received from the other Party shall not be disclosed to any parliamentary or judicial oversight body.",
        "The Receiving Party's oversight bodies are allowed to examine Intelligence provided by the other Party.",
    ),
    (
        "Decisions of the Committee are taken by simple majority.",
        "The Committee decides only by unanimity.",
        "A majority of the Committee's members is sufficient for a decision.",
    ),
)

"""Modal statements: force, act, object, recipient, and the consent conditions."""

from __future__ import annotations

import pytest

from qa.conflicts.acts import read_action, read_target
from qa.conflicts.modality import Condition, Modality, Statement, find_statements


def only(sentence: str) -> Statement:
    (statement,) = find_statements(sentence)
    return statement


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The receiving Party shall destroy the material.", Modality.OBLIGATION),
        ("The receiving Party is required to destroy the material.", Modality.OBLIGATION),
        ("The receiving Party may destroy the material.", Modality.PERMISSION),
        ("The receiving Party is entitled to destroy the material.", Modality.PERMISSION),
        ("The receiving Party shall not destroy the material.", Modality.PROHIBITION),
        ("The receiving Party may not destroy the material.", Modality.PROHIBITION),
        ("The receiving Party is prohibited from destroying the material.", Modality.PROHIBITION),
        ("Neither Party shall destroy the material.", Modality.PROHIBITION),
        ("No Party may destroy the material.", Modality.PROHIBITION),
        ("The receiving Party is not required to destroy the material.", Modality.EXEMPTION),
    ],
)
def test_modality(sentence: str, modality: Modality) -> None:
    statement = only(sentence)
    assert statement.modality is modality
    assert statement.action == "destroy"


def test_no_more_than_is_not_a_negated_subject() -> None:
    statement = only("No more than three copies may be made by the receiving Party.")
    assert statement.modality is Modality.PERMISSION


def test_prohibition_with_consent_exception_names_who_consents() -> None:
    statement = only(
        "The receiving Party shall not release intelligence received under this Arrangement to a"
        " third party except with the prior written consent of the originating Party."
    )
    assert (statement.modality, statement.condition) == (Modality.PROHIBITION, Condition.CONSENT)
    assert (statement.action, statement.target, statement.giver) == (
        "release",
        "third parties",
        "originating Party",
    )
    assert statement.context.actor == "receiving Party"
    assert statement.matter == {"info"}  # "received" shares its stem with the actor and goes
    assert statement.topic == "release to third parties"
    assert statement.phrase == "release of intelligence received (third parties)"


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("A Party may freely transfer the equipment to any third State.", Condition.DISCRETION),
        ("Each Party may disclose the Arrangement at its discretion.", Condition.DISCRETION),
        (
            "The Party may pass it on without seeking the consent of the originator.",
            Condition.DISCRETION,
        ),
        ("The Party may use it in court after notifying the originating Party.", Condition.NOTICE),
        ("The recipient may copy it with the originator's consent.", Condition.CONSENT),
        ("The Party may release it where it considers this necessary.", Condition.NONE),
    ],
)
def test_conditions_of_permissions(sentence: str, condition: Condition) -> None:
    statement = only(sentence)
    assert statement.modality is Modality.PERMISSION
    assert statement.condition is condition


def test_without_consent_on_a_prohibition_is_a_consent_exception() -> None:
    statement = only(
        "The Party shall not translate documents without the prior consent of the originator."
    )
    assert (statement.modality, statement.condition) == (Modality.PROHIBITION, Condition.CONSENT)
    assert statement.giver == "originating Party"


def test_permission_only_with_approval_is_a_prohibition_with_exception() -> None:
    statement = only(
        "Material may be released to non-member States only with the approval of the Council."
    )
    assert (statement.modality, statement.condition) == (Modality.PROHIBITION, Condition.CONSENT)
    assert statement.giver == "Council"


def test_this_agreement_is_not_a_consent() -> None:
    statement = only(
        "Information received under this Agreement may be used for law enforcement purposes."
    )
    assert statement.condition is Condition.NONE
    assert statement.target == "law enforcement"


def test_passive_object_and_agent() -> None:
    statement = only("SECRET documents may be reproduced by the receiving Party as it sees fit.")
    assert statement.action == "reproduce"
    assert statement.matter == {"secre", "info"}  # documents, material, information: one object
    assert statement.context.actor == "receiving Party"
    assert statement.condition is Condition.DISCRETION


def test_leading_exception_clause_is_read_as_condition_not_subject() -> None:
    statement = only(
        "Except with the prior written consent of the originating Party, the receiving Party shall"
        " not reproduce SECRET documents."
    )
    assert statement.context.actor == "receiving Party"
    assert statement.condition is Condition.CONSENT


def test_nominal_prohibition_and_consent_requirement() -> None:
    banned = only("Release of intelligence to third parties by the receiving Party is prohibited.")
    needs = only(
        "The release of information to a third party requires the consent of the MDA Council."
    )
    assert (banned.modality, banned.action, banned.target) == (
        Modality.PROHIBITION,
        "release",
        "third parties",
    )
    assert banned.context.actor == "receiving Party"
    assert (needs.modality, needs.condition, needs.giver) == (
        Modality.PROHIBITION,
        Condition.CONSENT,
        "MDA Council",
    )


def test_a_nominal_without_an_act_is_not_a_statement() -> None:
    assert find_statements("Personal electronic devices are prohibited in the secure area.") == []


def test_modal_in_a_relative_clause_is_a_fact_not_a_rule() -> None:
    (statement,) = find_statements(
        "Any dispute that cannot be settled by negotiation shall be submitted to arbitration."
    )
    assert statement.modality is Modality.OBLIGATION


def test_one_statement_per_clause() -> None:
    found = find_statements(
        "Material shall not be destroyed but shall be returned to the originator."
    )
    assert [(s.modality, s.action) for s in found] == [
        (Modality.PROHIBITION, "destroy"),
        (Modality.OBLIGATION, "return"),
    ]


def test_acts_and_recipients() -> None:
    assert read_action("made available to contractors") == ("release", len("made available"))
    assert read_action("disseminated widely") == ("release", len("disseminated"))
    assert read_action("encrypt it") == ("encry", len("encrypt"))
    assert read_target("to a non-member State") == ("third parties", "non-member State")
    assert read_target("to its national armed forces") == (
        "its own forces",
        "its national armed forces",
    )
    assert read_target("to the Depositary") is None


def test_only_makes_a_duty_a_restriction() -> None:
    statement = only(
        "Intelligence shall be used solely for the purposes for which it was provided."
    )
    assert (statement.modality, statement.condition) == (Modality.PROHIBITION, Condition.OTHER)


def test_an_adjective_after_be_is_not_a_passive() -> None:
    statement = only("Each Party shall be liable for the protection of Classified Information.")
    assert (statement.modality, statement.action) == (Modality.OBLIGATION, "liabl")
    assert statement.matter == {"prote", "info"}  # "classified" qualifies, it is not the object


def test_object_of_access_follows_the_preposition() -> None:
    statement = only("Liaison officers shall have access to the premises of the host authority.")
    assert statement.action == "access"
    assert statement.matter == {"premi", "host", "autho"}


def test_a_pronoun_object_stands_for_the_material_of_the_sentence() -> None:
    (statement,) = find_statements(
        "Where the release of intelligence is necessary to save a life, the receiving Party may"
        " release it without the consent of the originating Party."
    )
    assert statement.matter == {"info"}
    assert statement.condition is Condition.DISCRETION

"""`accord ask --user` and `accord conflicts --user` apply that account's clearance."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from argon2 import PasswordHasher

from ingest.settings import Settings, load_settings
from qa.accounts import Accounts, Role
from tests.conftest import run_accord

QUESTION = "How long can Calvenia keep Dorenian intelligence reports before review?"


def accord(*args: str, index: Path, accounts: Path) -> subprocess.CompletedProcess[str]:
    return run_accord(*args, index=index, ACCORD_ACCOUNTS=str(accounts))


def make_accounts(path: Path) -> None:
    settings = load_settings(env={"ACCORD_ACCOUNTS": str(path)})
    accounts = Accounts.open(
        settings, hasher=PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )
    accounts.add(
        "rita", "restricted-reader-pw", "RESTRICTED", groups=("ALD",), roles=(Role.READER,)
    )
    accounts.add("sam", "secret-reader-pass", "SECRET", groups=("CAL", "EST"), roles=(Role.READER,))


def levels(answer: dict[str, object]) -> set[str]:
    passages = answer["passages"]
    assert isinstance(passages, list)
    return {p["classification"].split("//")[0] for p in passages}


def test_ask_applies_the_named_users_clearance(corpus_hashing: Settings, tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.json"
    make_accounts(accounts)
    index = corpus_hashing.index.path
    operator = json.loads(accord("ask", QUESTION, "--json", index=index, accounts=accounts).stdout)
    rita = json.loads(
        accord("ask", QUESTION, "--json", "--user", "rita", index=index, accounts=accounts).stdout
    )
    sam = json.loads(
        accord("ask", QUESTION, "--json", "--user", "sam", index=index, accounts=accounts).stdout
    )
    assert "SECRET" in levels(operator) and "SECRET" in levels(sam)
    assert levels(rita) <= {"UNCLASSIFIED", "RESTRICTED"}
    hidden = {p["doc_id"] for p in operator["passages"]} - {p["doc_id"] for p in rita["passages"]}
    assert hidden, "the operator sees documents rita does not"
    text = json.dumps(rita)
    assert all(doc_id not in text for doc_id in hidden)


def test_conflicts_per_user_and_unknown_users(corpus_hashing: Settings, tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.json"
    make_accounts(accounts)
    index = corpus_hashing.index.path
    everything = json.loads(accord("conflicts", "--json", index=index, accounts=accounts).stdout)
    rita = json.loads(
        accord("conflicts", "--json", "--user", "rita", index=index, accounts=accounts).stdout
    )
    assert len(rita["conflicts"]) < len(everything["conflicts"])
    for flag in rita["conflicts"]:
        for side in ("a", "b"):
            assert flag[side]["classification"] in (
                "UNCLASSIFIED",
                "RESTRICTED",
                "RESTRICTED//REL TO ALD",
            )
    missing = accord("ask", QUESTION, "--user", "nobody", index=index, accounts=accounts)
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"accord: error: no account called 'nobody' in {accounts}"

"""`accord user ...` and `accord audit` as an administrator runs them: output, exit codes, audit."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher

import qa.accounts
from ingest.settings import load_settings
from qa.accounts import Accounts, SignInError
from qa.audit import AuditEvent, AuditLog
from qa.cli import main
from tests.conftest import REPO
from tests.qa.test_accounts import FAST

PASSWORD = "correct horse battery"
SCALE = "UNCLASSIFIED, RESTRICTED, CONFIDENTIAL, SECRET, TOP SECRET"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """ACCORD_* variables pointing at private files; fast password hashing in this process."""
    values = {
        "ACCORD_ACCOUNTS": str(tmp_path / "var" / "accounts.json"),
        "ACCORD_AUDIT_DB": str(tmp_path / "var" / "audit.sqlite"),
        "ACCORD_INDEX": str(tmp_path / "index"),
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(qa.accounts, "default_hasher", lambda: PasswordHasher.from_parameters(FAST))
    return values


def accord(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str | io.StringIO = "",
) -> tuple[int, str, str]:
    """Run the CLI in this process; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin) if isinstance(stdin, str) else stdin)
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


class Terminal(io.StringIO):
    """Standard input that claims to be a terminal (for the password prompt)."""

    def isatty(self) -> bool:
        return True


def accounts_now() -> Accounts:
    return Accounts.open(load_settings(), hasher=PasswordHasher.from_parameters(FAST))


def audit_now() -> list[tuple[str, str, dict[str, object]]]:
    return [
        (r.user, r.event.value, dict(r.details)) for r in AuditLog.open(load_settings()).query()
    ]


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(
    env: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Run:
    def call(*args: str, stdin: str | io.StringIO = "") -> tuple[int, str, str]:
        return accord(capsys, monkeypatch, *args, stdin=stdin)

    return call


def test_add_list_set_remove_round_trip(run: Run) -> None:
    added = run(
        "user", "add", "Alice", "--level", "secret", "--groups", "ald,BRV",
        "--roles", "reader,analyst", "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert added == (0, "added alice (SECRET; groups ALD,BRV; roles reader,analyst)\n", "")
    assert run("user", "add", "bob", "--level", "R", "--password-stdin", stdin=PASSWORD)[0] == 0
    assert accounts_now().authenticate("alice", PASSWORD).name == "alice"
    assert run("user", "list") == (
        0,
        "NAME   LEVEL       GROUPS   ROLES           STATUS\n"
        "alice  SECRET      ALD,BRV  reader,analyst  active\n"
        "bob    RESTRICTED  -        reader          active\n",
        "",
    )
    changed = run("user", "set", "alice", "--level", "TS", "--roles", "admin", "--groups", "ALD")
    assert changed == (
        0,
        "changed level, groups, roles: alice (TOP SECRET; groups ALD; roles admin)\n",
        "",
    )
    assert run("user", "remove", "BOB") == (0, "removed bob\n", "")
    assert json.loads(run("user", "list", "--json")[1]) == [
        {"name": "alice", "level": "TOP SECRET", "groups": ["ALD"], "roles": ["admin"],
         "failed_signins": 0, "locked_until": None}
    ]  # fmt: skip
    os_user = audit_now()[0][2]["os_user"]
    assert audit_now() == [
        ("cli", "user_added", {"name": "alice", "level": "SECRET", "groups": ["ALD", "BRV"],
                               "roles": ["reader", "analyst"], "os_user": os_user}),
        ("cli", "user_added", {"name": "bob", "level": "RESTRICTED", "groups": [],
                               "roles": ["reader"], "os_user": os_user}),
        ("cli", "user_changed", {"name": "alice", "changed": ["level", "groups", "roles"],
                                 "os_user": os_user}),
        ("cli", "user_removed", {"name": "bob", "os_user": os_user}),
    ]  # fmt: skip


def test_password_change_and_unlock(run: Run) -> None:
    run("user", "add", "alice", "--level", "SECRET", "--password-stdin", stdin=PASSWORD)
    accounts = accounts_now()
    for _ in range(5):
        with pytest.raises(SignInError):
            accounts.authenticate("alice", "wrong password!")
    code, out, _ = run("user", "list")
    assert out.splitlines()[1] == "alice  SECRET  -       reader  locked (15 min left)"
    code, out, err = run(
        "user", "set", "alice", "--password-stdin", "--unlock", stdin="another passphrase\n"
    )
    assert (code, out, err) == (
        0,
        "changed password, unlock: alice (SECRET; groups -; roles reader)\n",
        "",
    )
    assert accounts.authenticate("alice", "another passphrase").name == "alice"
    assert PASSWORD not in json.dumps(audit_now()) and "another" not in json.dumps(audit_now())


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (("user", "add", "bob", "--level", "SECRT", "--password-stdin"), PASSWORD, 1,
         f"accord: error: unknown level 'SECRT'; the scale is {SCALE}\n"),
        (("user", "add", "bob", "--level", "SECRET", "--password-stdin"), "short", 1,
         "accord: error: a password needs at least 12 characters\n"),
        (("user", "add", "bob", "--level", "SECRET", "--password-stdin"), "", 1,
         "accord: error: no password on standard input\n"),
        (("user", "add", "bob", "--level", "SECRET"), "", 2,
         "accord: error: no terminal to prompt for the password; use --password-stdin\n"),
        (("user", "add", "alice", "--level", "SECRET", "--password-stdin"), PASSWORD, 1,
         "accord: error: user 'alice' already exists\n"),
        (("user", "add", "../x", "--level", "SECRET", "--password-stdin"), PASSWORD, 1,
         "accord: error: invalid user name '../x': 1-64 letters, digits, '.', '_', '@' or '-', "
         "starting with a letter or digit\n"),
        (("user", "set", "zed", "--unlock"), "", 1, "accord: error: no user 'zed'\n"),
        (("user", "set", "alice"), "", 2,
         "accord: error: nothing to change: give --level, --groups, --roles, --password-stdin, "
         "--prompt-password or --unlock\n"),
        (("user", "remove", "zed"), "", 1, "accord: error: no user 'zed'\n"),
    ],
)  # fmt: skip
def test_errors_are_one_line_with_an_exit_code(
    run: Run, args: tuple[str, ...], stdin: str, code: int, message: str
) -> None:
    run("user", "add", "alice", "--level", "SECRET", "--password-stdin", stdin=PASSWORD)
    before = audit_now()
    assert run(*args, stdin=stdin) == (code, "", message)
    assert audit_now() == before


def test_usage_errors_exit_2(run: Run) -> None:
    code, _, err = run("user", "add", "bob", "--level", "SECRET", "--roles", "owner")
    assert code == 2
    assert err.splitlines()[-1] == (
        "accord user add: error: argument --roles: unknown role in 'owner'; "
        "roles are reader, analyst, admin"
    )
    code, _, err = run("audit", "--since", "yesterday")
    assert (code, err.splitlines()[-1]) == (
        2,
        "accord audit: error: argument --since: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, "
        "not 'yesterday'",
    )
    assert run("audit", "--event", "shred")[0] == 2


def test_interactive_prompt(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([PASSWORD, PASSWORD, PASSWORD, "something else!!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert run("user", "add", "alice", "--level", "SECRET", stdin=Terminal())[0] == 0
    assert run("user", "add", "bob", "--level", "SECRET", stdin=Terminal()) == (
        1,
        "",
        "accord: error: the passwords do not match\n",
    )
    assert accounts_now().get("bob") is None


def test_audit_listing_filters_and_records_its_reading(run: Run) -> None:
    run("user", "add", "alice", "--level", "SECRET", "--password-stdin", stdin=PASSWORD)
    log = AuditLog.open(load_settings())
    log.record(AuditEvent.QUESTION, "alice", question="Who may share data?", passages=3)
    code, out, err = run("audit", "--user", "alice")
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00"
    assert (code, err) == (0, "")
    assert re.fullmatch(
        f'{stamp}  alice  question  question="Who may share data\\?" passages=3\n', out
    )
    code, out, _ = run("audit", "--event", "user_added", "--since", "2000-01-01")
    assert re.fullmatch(
        f"{stamp}  cli  user_added  name=alice level=SECRET groups=- roles=reader os_user=\\S+\n",
        out,
    )
    assert run("audit", "--since", "2999-01-01T00:00") == (0, "no audit records match\n", "")
    records = json.loads(run("audit", "--json", "--event", "question")[1])
    assert [(r["id"], r["user"], r["details"]) for r in records] == [
        (2, "alice", {"question": "Who may share data?", "passages": 3})
    ]
    reads = [details for user, event, details in audit_now() if event == "audit_read"]
    assert [(r["user_filter"], r["event_filter"], r["records"]) for r in reads] == [
        ("alice", None, 1),
        (None, "user_added", 1),
        (None, None, 0),
        (None, "question", 1),
    ]
    assert reads[1]["since"] == "2000-01-01T00:00:00+00:00"


def test_real_command_reads_the_password_from_stdin(tmp_path: Path) -> None:
    """The installed entry point with the default (slow, recommended) argon2id parameters."""
    env = {
        **os.environ,
        "ACCORD_ACCOUNTS": str(tmp_path / "accounts.json"),
        "ACCORD_AUDIT_DB": str(tmp_path / "audit.sqlite"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "qa.cli", "user", "add", "carol", "--level", "CONFIDENTIAL",
         "--groups", "ALD", "--roles", "admin", "--password-stdin"],
        input=PASSWORD + "\n", cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "added carol (CONFIDENTIAL; groups ALD; roles admin)\n",
        "",
    )
    stored = json.loads((tmp_path / "accounts.json").read_text())["users"]["carol"]
    assert stored["password_hash"].startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_audit_listing_escapes_what_users_typed(run: Run) -> None:
    log = AuditLog.open(load_settings())
    log.record(AuditEvent.SIGN_IN_FAILED, "\x1b[2Jroot")
    log.record(AuditEvent.QUESTION, "alice", question="line one\nline\x07two")
    out = run("audit")[1]
    lines = [line.split("  ", 1)[1] for line in out.splitlines()]
    assert lines == [
        '"\\u001b[2Jroot"  sign_in_failed',
        'alice  question  question="line one\\nline\\u0007two"',
    ]

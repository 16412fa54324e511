"""Accounts: argon2id hashes, sign-in, identical failure messages, lock-out, roles, SSO header."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import Parameters, PasswordHasher, Type
from argon2.profiles import RFC_9106_LOW_MEMORY

from ingest.markings import ClassificationScale
from ingest.settings import Settings
from qa.access import Clearance
from qa.accounts import (
    LOCKED_OUT,
    SIGN_IN_FAILED,
    AccountError,
    Accounts,
    Role,
    SignInError,
    User,
    user_from_trusted_header,
)
from tests.conftest import make_settings

# Fast parameters for tests only; production uses argon2-cffi's recommended profile.
FAST = Parameters(
    type=Type.ID, version=19, salt_len=16, hash_len=32, time_cost=1, memory_cost=8, parallelism=1
)
PASSWORD = "correct horse battery"


class Clock:
    """A settable UTC clock."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def security_settings(tmp_path: Path, **overrides: object) -> Settings:
    values = {
        "security.accounts_path": tmp_path / "var" / "accounts.json",
        "security.audit_path": tmp_path / "var" / "audit.sqlite",
        **overrides,
    }
    return make_settings(tmp_path / "index", **values)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(tmp_path: Path, clock: Clock) -> Accounts:
    settings = security_settings(tmp_path)
    return Accounts.open(settings, hasher=PasswordHasher.from_parameters(FAST), clock=clock)


def test_default_hasher_is_the_recommended_argon2id_profile(tmp_path: Path) -> None:
    opened = Accounts.open(security_settings(tmp_path))
    assert (opened.hasher.type, opened.hasher.time_cost, opened.hasher.memory_cost) == (
        Type.ID,
        RFC_9106_LOW_MEMORY.time_cost,
        RFC_9106_LOW_MEMORY.memory_cost,
    )


def test_hashes_are_argon2id_and_salted(accounts: Accounts) -> None:
    accounts.add("alice", PASSWORD, "SECRET")
    accounts.add("bob", PASSWORD, "SECRET")
    stored = json.loads(accounts.path.read_text())["users"]
    alice, bob = stored["alice"]["password_hash"], stored["bob"]["password_hash"]
    assert alice.startswith("$argon2id$v=19$") and bob.startswith("$argon2id$v=19$")
    assert alice != bob
    assert PASSWORD not in accounts.path.read_text()


def test_file_is_private_and_holds_the_account(accounts: Accounts) -> None:
    accounts.add("Alice", PASSWORD, "s", groups=["ald", "BRV"], roles=["analyst"])
    assert stat.S_IMODE(accounts.path.stat().st_mode) == 0o600
    assert accounts.get("ALICE") == User(
        "alice", "SECRET", frozenset({"ALD", "BRV"}), frozenset({Role.ANALYST})
    )
    assert [path.name for path in accounts.path.parent.iterdir() if path.name.startswith(".")] == []


def test_sign_in_success_and_failure(accounts: Accounts) -> None:
    accounts.add("alice", PASSWORD, "SECRET", groups=["ALD"])
    user = accounts.authenticate("alice", PASSWORD)
    assert (user.name, user.level, user.groups) == ("alice", "SECRET", frozenset({"ALD"}))
    with pytest.raises(SignInError) as wrong:
        accounts.authenticate("alice", PASSWORD + "!")
    with pytest.raises(SignInError) as unknown:
        accounts.authenticate("mallory", PASSWORD)
    assert str(wrong.value) == str(unknown.value) == SIGN_IN_FAILED
    assert wrong.value.locked_minutes is None and unknown.value.locked_minutes is None


def test_unknown_names_cost_a_hash_verification_too(tmp_path: Path) -> None:
    calls: list[str] = []

    class CountingHasher(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            calls.append("verify")
            return super().verify(hash, password)

    fast = CountingHasher.from_parameters(FAST)
    accounts = Accounts.open(security_settings(tmp_path), hasher=fast)
    accounts.add("alice", PASSWORD, "SECRET")
    for name in ("alice", "nobody"):
        with pytest.raises(SignInError):
            accounts.authenticate(name, "wrong password!")
    assert calls == ["verify", "verify"]


def test_lock_out_after_n_failures_then_unlock_after_the_period(
    tmp_path: Path, clock: Clock
) -> None:
    settings = security_settings(
        tmp_path, **{"security.max_failed_signins": 3, "security.lockout_minutes": 10}
    )
    accounts = Accounts.open(settings, hasher=PasswordHasher.from_parameters(FAST), clock=clock)
    accounts.add("alice", PASSWORD, "SECRET")
    for _ in range(2):
        with pytest.raises(SignInError, match=f"^{SIGN_IN_FAILED}$"):
            accounts.authenticate("alice", "wrong password!")
    with pytest.raises(SignInError) as third:
        accounts.authenticate("alice", "wrong password!")
    assert str(third.value) == LOCKED_OUT.format(minutes=10)
    clock.advance(4.5)
    with pytest.raises(SignInError) as locked:
        accounts.authenticate("alice", PASSWORD)  # right password, still locked
    assert (str(locked.value), locked.value.locked_minutes) == (LOCKED_OUT.format(minutes=6), 6)
    clock.advance(6)
    assert accounts.authenticate("alice", PASSWORD).name == "alice"
    stored = json.loads(accounts.path.read_text())["users"]["alice"]
    assert (stored["failed_signins"], stored["locked_until"]) == (0, None)


def test_success_resets_the_failure_count(accounts: Accounts) -> None:
    accounts.add("alice", PASSWORD, "SECRET")
    for _ in range(4):
        with pytest.raises(SignInError):
            accounts.authenticate("alice", "wrong password!")
    assert accounts.authenticate("alice", PASSWORD).failed_signins == 0
    for _ in range(4):  # four more are allowed again (the limit is 5)
        with pytest.raises(SignInError, match=f"^{SIGN_IN_FAILED}$"):
            accounts.authenticate("alice", "wrong password!")


def test_unknown_names_lock_out_like_real_ones(accounts: Accounts) -> None:
    accounts.add("alice", PASSWORD, "SECRET")
    messages: dict[str, list[str]] = {"alice": [], "nobody": []}
    for name, seen in messages.items():
        for _ in range(6):
            with pytest.raises(SignInError) as caught:
                accounts.authenticate(name, "wrong password!")
            seen.append(str(caught.value))
    assert messages["alice"] == messages["nobody"]
    assert messages["alice"][-2:] == [LOCKED_OUT.format(minutes=15)] * 2


def test_set_unlock_and_remove(accounts: Accounts, clock: Clock) -> None:
    accounts.add("alice", PASSWORD, "SECRET")
    for _ in range(5):
        with pytest.raises(SignInError):
            accounts.authenticate("alice", "wrong password!")
    assert accounts.get("alice").locked_until == clock.now + timedelta(minutes=15)  # type: ignore[union-attr]
    changed = accounts.set("alice", level="TOP SECRET", groups="ALD", roles="admin", unlock=True)
    assert (changed.level, changed.groups, changed.roles, changed.locked_until) == (
        "TOP SECRET",
        frozenset({"ALD"}),
        frozenset({Role.ADMIN}),
        None,
    )
    accounts.set("alice", password="a new passphrase")
    assert accounts.authenticate("alice", "a new passphrase").name == "alice"
    accounts.remove("alice")
    assert accounts.list() == []
    with pytest.raises(AccountError, match=r"^no user 'alice'$"):
        accounts.remove("alice")


@pytest.mark.parametrize(
    ("name", "password", "level", "message"),
    [
        ("alice", "short", "SECRET", "a password needs at least 12 characters"),
        ("alice", PASSWORD, "SECRT", "unknown level 'SECRT'; the scale is UNCLASSIFIED, "),
        ("../alice", PASSWORD, "SECRET", "invalid user name '../alice'"),
        ("al ice", PASSWORD, "SECRET", "invalid user name 'al ice'"),
        ("cli", PASSWORD, "SECRET", "the user name 'cli' is reserved"),
    ],
)
def test_add_validates(
    accounts: Accounts, name: str, password: str, level: str, message: str
) -> None:
    with pytest.raises(AccountError) as caught:
        accounts.add(name, password, level)
    assert str(caught.value).startswith(message)
    assert accounts.list() == []


def test_add_refuses_a_taken_name_and_bad_roles_or_groups(accounts: Accounts) -> None:
    accounts.add("alice", PASSWORD, "SECRET")
    with pytest.raises(AccountError, match=r"^user 'alice' already exists$"):
        accounts.add("ALICE", PASSWORD, "SECRET")
    with pytest.raises(AccountError, match=r"^unknown role in 'owner'; roles are reader, analyst"):
        accounts.add("bob", PASSWORD, "SECRET", roles="owner")
    with pytest.raises(AccountError, match=r"^invalid group name\(s\) \['A/B'\]"):
        accounts.add("bob", PASSWORD, "SECRET", groups=["A/B"])


def test_levels_follow_the_configured_scale(tmp_path: Path) -> None:
    settings = security_settings(tmp_path, **{"security.levels": ("OFFICIAL", "SECRET")})
    accounts = Accounts.open(settings, hasher=PasswordHasher.from_parameters(FAST))
    with pytest.raises(AccountError, match=r"the scale is OFFICIAL, SECRET$"):
        accounts.add("alice", PASSWORD, "CONFIDENTIAL")
    user = accounts.add("alice", PASSWORD, "official")
    scale = ClassificationScale.with_levels(settings.security.levels)
    assert user.clearance(scale) == Clearance("alice", 0, frozenset())


def test_roles_imply_the_lower_ones() -> None:
    def user(*roles: Role) -> User:
        return User("u", "SECRET", frozenset(), frozenset(roles))

    assert [user(Role.READER).may(role) for role in Role] == [True, False, False]
    assert [user(Role.ANALYST).may(role) for role in Role] == [True, True, False]
    assert [user(Role.ADMIN).may(role) for role in Role] == [True, True, True]


def test_clearance_for_the_engine(accounts: Accounts) -> None:
    user = accounts.add("alice", PASSWORD, "SECRET", groups=["ALD", "BRV"])
    assert user.clearance(ClassificationScale()) == Clearance("alice", 3, frozenset({"ALD", "BRV"}))


def test_a_corrupt_file_is_reported(tmp_path: Path) -> None:
    settings = security_settings(tmp_path)
    settings.security.accounts_path.parent.mkdir(parents=True)
    settings.security.accounts_path.write_text("{not json")
    with pytest.raises(AccountError, match=r"^accounts file .*accounts.json is unreadable"):
        Accounts.open(settings)


def test_trusted_header_off_on_and_unknown_users(tmp_path: Path) -> None:
    off = security_settings(tmp_path)
    accounts = Accounts.open(off, hasher=PasswordHasher.from_parameters(FAST))
    alice = accounts.add("alice", PASSWORD, "SECRET", roles=["analyst"])
    headers = {"X-Forwarded-User": "Alice"}
    assert user_from_trusted_header(headers, off, accounts) is None
    on = security_settings(tmp_path, **{"security.trusted_user_header": "x-forwarded-user"})
    assert user_from_trusted_header(headers, on, accounts) == alice
    assert user_from_trusted_header({"X-Forwarded-User": "mallory"}, on, accounts) is None
    assert user_from_trusted_header({"X-Other": "alice"}, on, accounts) is None
    ambiguous = {"X-Forwarded-User": "alice", "x-forwarded-user": "bob"}
    assert user_from_trusted_header(ambiguous, on, accounts) is None

"""User accounts: argon2id password hashes, clearances, roles and lock-out, in one JSON file.

Each user has a name, a password hash (argon2id, salted; argon2-cffi's recommended profile
unless a test injects a faster one), a clearance level on the configured scale, nationality or
releasability groups (``ALD``, ``BRV``) and roles: a *reader* asks questions, an *analyst* may
also upload and re-index, an *admin* may also manage users and read the audit trail.

The file (``settings.security.accounts_path``) is rewritten atomically with mode 0600 under an
exclusive lock, and re-read by every call, so the CLI and the web app can share it.

Sign-in never tells whether a name exists: an unknown name and a wrong password give the same
message and take the same time (a dummy hash is verified), and unknown names are locked out
like real ones (in memory) so the lock-out message cannot be used to probe for names.

Single sign-on: set ``ACCORD_TRUSTED_USER_HEADER`` (``security.trusted_user_header``) to the
request header in which an authenticating reverse proxy passes the signed-in user, e.g.
``X-Forwarded-User``. The proxy authenticates; Accord authorises: the named user must exist in
the accounts file, which gives their level, groups and roles (their password is not used).
Turn this on only when Accord is reachable solely through that proxy and the proxy removes the
header from every incoming request before setting it; otherwise anyone could claim any name.
"""

from __future__ import annotations

import builtins
import math
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.markings import ClassificationScale
from ingest.settings import Settings
from qa.account_file import AccountError, Entry, locked, read_entries, write_entries
from qa.identity import Role, User, check_name, check_password, parse_groups, parse_roles

if TYPE_CHECKING:
    from argon2 import PasswordHasher

__all__ = [
    "AccountError",
    "Accounts",
    "Role",
    "SignInError",
    "User",
    "parse_groups",
    "parse_roles",
    "user_from_trusted_header",
]

SIGN_IN_FAILED = "the name or the password is not correct"
LOCKED_OUT = "too many failed sign-ins: this account is locked; try again in {minutes} min"
_MAX_GHOSTS = 10_000


def default_hasher() -> PasswordHasher:
    """argon2-cffi's recommended argon2id profile (RFC 9106 low-memory: 64 MiB, 3 passes)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class SignInError(Exception):
    """A refused sign-in; the message is safe to show (it never tells whether the name exists)."""

    def __init__(self, message: str, locked_minutes: int | None = None):
        super().__init__(message)
        self.locked_minutes = locked_minutes


def _to_user(name: str, entry: Entry) -> User:
    return User(
        name=name,
        level=entry.level,
        groups=frozenset(entry.groups),
        roles=parse_roles(entry.roles),
        failed_signins=entry.failed_signins,
        locked_until=entry.locked_until,
    )


class Accounts:
    """The accounts file: sign-in, look-up and user management."""

    def __init__(
        self,
        path: Path,
        scale: ClassificationScale,
        max_failures: int,
        lockout: timedelta,
        hasher: PasswordHasher,
        clock: Callable[[], datetime],
    ):
        self.path, self.scale, self.hasher, self.clock = path, scale, hasher, clock
        self.max_failures, self.lockout = max_failures, lockout
        self._ghosts: dict[str, Entry] = {}  # lock-out state of names that do not exist
        self._dummy_hash: str | None = None

    @classmethod
    def open(
        cls,
        settings: Settings,
        hasher: PasswordHasher | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> Accounts:
        """Open (and check) the accounts file; a missing file means no users yet.

        Args:
            settings: Accord's settings (accounts path, scale, lock-out policy).
            hasher: argon2 hasher; default `default_hasher()`, deliberately slow.
            clock: returns the current UTC time (tests inject one).
        """
        security = settings.security
        accounts = cls(
            path=security.accounts_path,
            scale=ClassificationScale.with_levels(security.levels),
            max_failures=max(1, security.max_failed_signins),
            lockout=timedelta(minutes=security.lockout_minutes),
            hasher=hasher or default_hasher(),
            clock=clock or (lambda: datetime.now(UTC)),
        )
        read_entries(accounts.path)
        return accounts

    def authenticate(self, name: str, password: str) -> User:
        """The user when name and password match; raises SignInError otherwise.

        After `max_failed_signins` failures in a row the account is locked for
        `lockout_minutes`; a success resets the count.
        """
        key = name.strip().lower()
        now = self.clock()
        dummy = self._dummy()  # made on the first call whatever the name, so as not to tell
        with locked(self.path):
            entries = read_entries(self.path)
            entry = entries.get(key)
            state = entry or self._ghosts.get(key) or Entry("", "", (), ())
            if state.locked_until is not None and state.locked_until > now:
                raise self._locked_error(state.locked_until - now)
            if entry is not None and self._verify(entry.password_hash, password):
                entries[key] = self._after_success(entry, password)
                if entries[key] != entry:
                    write_entries(self.path, entries)
                return _to_user(key, entries[key])
            if entry is None:
                self._verify(dummy, password)  # same time as for a real name
            state = self._after_failure(state, now)
            if entry is not None:
                entries[key] = state
                write_entries(self.path, entries)
            else:
                self._remember_ghost(key, state)
        if state.locked_until is not None:
            raise self._locked_error(state.locked_until - now)
        raise SignInError(SIGN_IN_FAILED)

    def _verify(self, password_hash: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return bool(self.hasher.verify(password_hash, password))
        except (VerificationError, InvalidHashError):
            return False

    def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))
        return self._dummy_hash

    def _after_success(self, entry: Entry, password: str) -> Entry:
        new_hash = entry.password_hash
        if self.hasher.check_needs_rehash(new_hash):  # parameters were raised since
            new_hash = self.hasher.hash(password)
        return replace(entry, password_hash=new_hash, failed_signins=0, locked_until=None)

    def _after_failure(self, state: Entry, now: datetime) -> Entry:
        failures = 1 if state.locked_until is not None else state.failed_signins + 1
        if failures >= self.max_failures:
            return replace(state, failed_signins=0, locked_until=now + self.lockout)
        return replace(state, failed_signins=failures, locked_until=None)

    def _remember_ghost(self, key: str, state: Entry) -> None:
        if len(self._ghosts) >= _MAX_GHOSTS:
            self._ghosts.clear()
        self._ghosts[key] = state

    @staticmethod
    def _locked_error(left: timedelta) -> SignInError:
        minutes = max(1, math.ceil(left.total_seconds() / 60))
        return SignInError(LOCKED_OUT.format(minutes=minutes), locked_minutes=minutes)

    def get(self, name: str) -> User | None:
        """The user called `name` (any case), or None."""
        key = name.strip().lower()
        entry = read_entries(self.path).get(key)
        return None if entry is None else _to_user(key, entry)

    def add(
        self,
        name: str,
        password: str,
        level: str,
        groups: Iterable[str] = (),
        roles: Iterable[Role | str] = (Role.READER,),
    ) -> User:
        """Create a user; raises AccountError when the name is taken or a value is invalid."""
        key = check_name(name)
        check_password(password)
        entry = Entry(
            password_hash=self.hasher.hash(password),
            level=self.canonical_level(level),
            groups=tuple(sorted(parse_groups(groups))),
            roles=_role_values(parse_roles(roles)),
        )
        with locked(self.path):
            entries = read_entries(self.path)
            if key in entries:
                raise AccountError(f"user {key!r} already exists")
            entries[key] = entry
            write_entries(self.path, entries)
        return _to_user(key, entry)

    def set(
        self,
        name: str,
        *,
        password: str | None = None,
        level: str | None = None,
        groups: Iterable[str] | None = None,
        roles: Iterable[Role | str] | None = None,
        unlock: bool = False,
    ) -> User:
        """Change a user's password, level, groups or roles, or clear a lock-out."""
        key = name.strip().lower()
        changes: dict[str, object] = {}
        if password is not None:
            check_password(password)
            changes["password_hash"] = self.hasher.hash(password)
        if level is not None:
            changes["level"] = self.canonical_level(level)
        if groups is not None:
            changes["groups"] = tuple(sorted(parse_groups(groups)))
        if roles is not None:
            changes["roles"] = _role_values(parse_roles(roles))
        if unlock:
            changes.update(failed_signins=0, locked_until=None)
        with locked(self.path):
            entries = read_entries(self.path)
            if key not in entries:
                raise AccountError(f"no user {key!r}")
            entries[key] = replace(entries[key], **changes)  # type: ignore[arg-type]
            write_entries(self.path, entries)
        return _to_user(key, entries[key])

    def remove(self, name: str) -> None:
        """Delete a user; raises AccountError when there is none of that name."""
        key = name.strip().lower()
        with locked(self.path):
            entries = read_entries(self.path)
            if entries.pop(key, None) is None:
                raise AccountError(f"no user {key!r}")
            write_entries(self.path, entries)

    def canonical_level(self, level: str) -> str:
        """The level's name on the scale; raises AccountError when it is not on it."""
        canonical = self.scale.canonical(level)
        if canonical is None:
            raise AccountError(
                f"unknown level {level!r}; the scale is {', '.join(self.scale.levels)}"
            )
        return canonical

    def list(self) -> builtins.list[User]:
        """All users, by name."""
        return [_to_user(name, entry) for name, entry in sorted(read_entries(self.path).items())]


def _role_values(roles: frozenset[Role]) -> tuple[str, ...]:
    return tuple(role.value for role in sorted(roles, key=lambda role: role.rank))


def user_from_trusted_header(
    headers: Mapping[str, str], settings: Settings, accounts: Accounts
) -> User | None:
    """The user a trusted single-sign-on proxy names in its header, if SSO is on and they exist.

    Returns None when `security.trusted_user_header` is empty (SSO off), when the request has
    no such header, or when the named user is not in the accounts file.
    """
    header = settings.security.trusted_user_header.strip().lower()
    if not header:
        return None
    values = [value for key, value in headers.items() if key.lower() == header]
    if len(values) != 1 or not values[0].strip():
        return None  # absent, or sent twice (ambiguous): nobody
    return accounts.get(values[0])

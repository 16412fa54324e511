"""Who a user is: name, clearance level, releasability groups and roles, with their checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from ingest.markings import ClassificationScale
from qa.access import Clearance
from qa.account_file import AccountError

MIN_PASSWORD_CHARS = 12
MAX_PASSWORD_CHARS = 1024
RESERVED_NAMES = frozenset({"cli"})  # the local operator in the audit trail
_NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
_GROUP = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,31}")


class Role(StrEnum):
    """What a user may do; each role includes the ones before it."""

    READER = "reader"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Position in reader < analyst < admin."""
        return list(Role).index(self)


@dataclass(frozen=True)
class User:
    """A signed-in user: name, clearance level, releasability groups and roles."""

    name: str
    level: str
    groups: frozenset[str]
    roles: frozenset[Role]
    failed_signins: int = field(default=0, compare=False)
    locked_until: datetime | None = field(default=None, compare=False)

    def clearance(self, scale: ClassificationScale) -> Clearance:
        """What this user may see, for `Engine.ask(..., user=...)`."""
        return Clearance(self.name, scale.rank(self.level), self.groups)

    def may(self, role: Role) -> bool:
        """Whether the user holds `role` or a higher one (admin > analyst > reader)."""
        return any(held.rank >= role.rank for held in self.roles)


def parse_roles(text: str | Iterable[str]) -> frozenset[Role]:
    """Roles from "reader,analyst" or a list; raises AccountError naming the valid ones."""
    parts = text.split(",") if isinstance(text, str) else list(text)
    try:
        roles = frozenset(Role(part.strip().lower()) for part in parts if part.strip())
    except ValueError as error:
        valid = ", ".join(role.value for role in Role)
        raise AccountError(f"unknown role in {text!r}; roles are {valid}") from error
    if not roles:
        raise AccountError("a user needs at least one role")
    return roles


def parse_groups(text: str | Iterable[str]) -> frozenset[str]:
    """Groups from "ALD,BRV" or a list, upper-cased; raises AccountError on bad names."""
    parts = text.split(",") if isinstance(text, str) else list(text)
    groups = frozenset(part.strip().upper() for part in parts if part.strip())
    bad = sorted(group for group in groups if not _GROUP.fullmatch(group))
    if bad:
        raise AccountError(f"invalid group name(s) {bad}: use letters, digits, '-' or '_'")
    return groups


def check_password(password: str) -> None:
    """Raise AccountError unless the password has an acceptable length."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"a password may have at most {MAX_PASSWORD_CHARS} characters")


def check_name(name: str) -> str:
    """The lower-cased name; raises AccountError for a bad or reserved one."""
    key = name.strip().lower()
    if not _NAME.fullmatch(key):
        raise AccountError(
            f"invalid user name {name!r}: 1-64 letters, digits, '.', '_', '@' or '-', "
            "starting with a letter or digit"
        )
    if key in RESERVED_NAMES:
        raise AccountError(f"the user name {key!r} is reserved")
    return key

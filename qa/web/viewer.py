"""Who is using the web page: a signed-in user, or the single local operator.

With no accounts file the page runs like the CLI: one trusted local operator who sees every
document (clearance None) and is recorded in the audit trail as "cli". As soon as an accounts
file exists (`accord user add ...`), every visitor must sign in and sees only what their
clearance allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.markings import ClassificationScale
from ingest.settings import Settings
from qa.access import Clearance
from qa.identity import Role, User

LOCAL_OPERATOR_NAME = "cli"  # the audit trail's name for the local operator (reserved)
LOCAL_MODE_NOTE = (
    "No accounts file: running as the single local operator, who sees every document. "
    "Create accounts with `accord user add` to require sign-in."
)


@dataclass(frozen=True)
class Viewer:
    """The person behind a browser session and what they may see and do."""

    name: str  # as recorded in the audit trail
    clearance: Clearance | None  # None: the local operator, who sees everything
    analyst: bool  # may see the last ingest's rejected files
    local: bool  # no accounts: nobody signed in
    label: str  # "alice — SECRET (ALD, BRV), analyst"
    sso: bool = False  # signed in by the trusted proxy header (no sign-out button)
    admin: bool = False  # may read the audit trail


LOCAL_OPERATOR = Viewer(
    LOCAL_OPERATOR_NAME, None, True, True, "local operator (all documents)", admin=True
)


def accounts_in_use(settings: Settings) -> bool:
    """Whether the page requires sign-in (an accounts file exists)."""
    return settings.security.accounts_path.is_file()


def viewer_of(user: User, settings: Settings, sso: bool = False) -> Viewer:
    """The viewer for a signed-in user."""
    scale = ClassificationScale.with_levels(settings.security.levels)
    groups = f" ({', '.join(sorted(user.groups))})" if user.groups else ""
    roles = ", ".join(sorted(role.value for role in user.roles))
    return Viewer(
        name=user.name,
        clearance=user.clearance(scale),
        analyst=user.may(Role.ANALYST),
        local=False,
        label=f"{user.name} — {user.level}{groups}, {roles}",
        sso=sso,
        admin=user.may(Role.ADMIN),
    )

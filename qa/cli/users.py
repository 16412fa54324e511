"""`accord user add|set|remove|list` and `accord audit`: accounts and the audit trail.

Passwords are read from a prompt or, with --password-stdin, from the first line of standard
input — never from an argument, which would show in `ps` and the shell history. Every change is
written to the audit trail as done by the local operator "cli".
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from typing import TYPE_CHECKING, Any

from qa.cli.common import CliError, settings_from

if TYPE_CHECKING:
    from qa.accounts import Accounts
    from qa.audit import AuditLog
    from qa.identity import Role, User

OPERATOR = "cli"


def _roles(text: str) -> frozenset[Role]:
    from qa.accounts import AccountError, parse_roles

    try:
        return parse_roles(text)
    except AccountError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _groups(text: str) -> frozenset[str]:
    from qa.accounts import AccountError, parse_groups

    try:
        return parse_groups(text)
    except AccountError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def register(commands: Any) -> None:
    """Add the user and audit subcommands."""
    from qa.audit import AuditEvent

    user = commands.add_parser("user", help="manage user accounts (name, clearance, roles)")
    actions = user.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="create a user (the password is prompted for)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--level", required=True, help="clearance level, e.g. SECRET")
    add.add_argument("--groups", type=_groups, default=frozenset(), help="e.g. ALD,BRV")
    add.add_argument("--roles", type=_roles, default="reader", help="reader, analyst, admin")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.set_defaults(handler=run_user_add)
    change = actions.add_parser("set", help="change a user's level, groups, roles or password")
    change.add_argument("name", metavar="NAME")
    change.add_argument("--level", help="new clearance level")
    change.add_argument("--groups", type=_groups, help="new groups (replace the old ones)")
    change.add_argument("--roles", type=_roles, help="new roles (replace the old ones)")
    secret = change.add_mutually_exclusive_group()
    secret.add_argument("--password-stdin", action="store_true", help="new password from stdin")
    secret.add_argument("--prompt-password", action="store_true", help="prompt for a new password")
    change.add_argument("--unlock", action="store_true", help="clear a lock-out")
    change.set_defaults(handler=run_user_set)
    remove = actions.add_parser("remove", help="delete a user")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=run_user_remove)
    listing = actions.add_parser("list", help="list users with level, groups, roles, lock-out")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_user_list)

    audit = commands.add_parser("audit", help="read the audit trail")
    audit.add_argument("--user", metavar="NAME", help="only this user's records")
    audit.add_argument("--since", type=_since, metavar="YYYY-MM-DD[THH:MM]", help="UTC")
    events = [event.value for event in AuditEvent]
    audit.add_argument(
        "--event", choices=events, metavar="EVENT", help=f"only this event: {', '.join(events)}"
    )
    audit.add_argument("--json", action="store_true", help="print JSON")
    audit.set_defaults(handler=run_audit)


def _since(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"expected YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {text!r}"
        ) from error
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError("no password on standard input")
        return password
    if not sys.stdin.isatty():
        raise CliError("no terminal to prompt for the password; use --password-stdin", code=2)
    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != password:
        raise CliError("the passwords do not match")
    return password


def _services(args: argparse.Namespace) -> tuple[Accounts, AuditLog]:
    from qa.accounts import Accounts
    from qa.audit import AuditLog

    settings = settings_from(args)
    return Accounts.open(settings), AuditLog.open(settings)


def describe(user: User) -> str:
    """`alice (SECRET; groups ALD,BRV; roles analyst)`."""
    groups = ",".join(sorted(user.groups)) or "-"
    return f"{user.name} ({user.level}; groups {groups}; roles {','.join(_role_names(user))})"


def _role_names(user: User) -> list[str]:
    return [role.value for role in sorted(user.roles, key=lambda role: role.rank)]


def run_user_add(args: argparse.Namespace) -> int:
    """Create a user."""
    from qa.audit import AuditEvent

    accounts, audit = _services(args)
    if accounts.get(args.name) is not None:
        raise CliError(f"user {args.name.strip().lower()!r} already exists")
    accounts.canonical_level(args.level)  # fail before prompting for a password
    password = _read_password(args.password_stdin)
    user = accounts.add(args.name, password, args.level, args.groups, args.roles)
    audit.record(
        AuditEvent.USER_ADDED,
        OPERATOR,
        name=user.name,
        level=user.level,
        groups=sorted(user.groups),
        roles=_role_names(user),
        os_user=_os_user(),
    )
    print(f"added {describe(user)}")
    return 0


def run_user_set(args: argparse.Namespace) -> int:
    """Change a user."""
    from qa.audit import AuditEvent

    wanted = {
        "level": args.level,
        "groups": args.groups,
        "roles": args.roles,
        "password": True if args.password_stdin or args.prompt_password else None,
        "unlock": True if args.unlock else None,
    }
    changed = [key for key, value in wanted.items() if value is not None]
    if not changed:
        raise CliError(
            "nothing to change: give --level, --groups, --roles, --password-stdin, "
            "--prompt-password or --unlock",
            code=2,
        )
    accounts, audit = _services(args)
    if accounts.get(args.name) is None:
        raise CliError(f"no user {args.name.strip().lower()!r}")
    if args.level is not None:
        accounts.canonical_level(args.level)
    password = _read_password(args.password_stdin) if wanted["password"] else None
    user = accounts.set(
        args.name,
        password=password,
        level=args.level,
        groups=args.groups,
        roles=args.roles,
        unlock=args.unlock,
    )
    audit.record(
        AuditEvent.USER_CHANGED, OPERATOR, name=user.name, changed=changed, os_user=_os_user()
    )
    print(f"changed {', '.join(changed)}: {describe(user)}")
    return 0


def run_user_remove(args: argparse.Namespace) -> int:
    """Delete a user."""
    from qa.audit import AuditEvent

    accounts, audit = _services(args)
    name = args.name.strip().lower()
    accounts.remove(name)
    audit.record(AuditEvent.USER_REMOVED, OPERATOR, name=name, os_user=_os_user())
    print(f"removed {name}")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    """List the users."""
    accounts, _ = _services(args)
    users = accounts.list()
    now = dt.datetime.now(dt.UTC)
    if args.json:
        print(json.dumps([_user_json(user, now) for user in users], indent=2))
        return 0
    if not users:
        print(f"no users in {accounts.path}")
        return 0
    rows = [("NAME", "LEVEL", "GROUPS", "ROLES", "STATUS")]
    for user in users:
        groups = ",".join(sorted(user.groups)) or "-"
        roles = ",".join(_role_names(user))
        rows.append((user.name, user.level, groups, roles, _status(user, now)))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
        print("  ".join([*cells, row[4]]))
    return 0


def _status(user: User, now: dt.datetime) -> str:
    if user.locked_until is not None and user.locked_until > now:
        minutes = -(-(user.locked_until - now).total_seconds() // 60)
        return f"locked ({minutes:.0f} min left)"
    if user.failed_signins:
        return f"active ({user.failed_signins} failed sign-ins)"
    return "active"


def _user_json(user: User, now: dt.datetime) -> dict[str, Any]:
    until = user.locked_until if user.locked_until and user.locked_until > now else None
    return {
        "name": user.name,
        "level": user.level,
        "groups": sorted(user.groups),
        "roles": _role_names(user),
        "failed_signins": user.failed_signins,
        "locked_until": until.isoformat() if until else None,
    }


def run_audit(args: argparse.Namespace) -> int:
    """Print audit records; reading the trail is itself recorded."""
    from qa.audit import AuditEvent, AuditLog

    audit = AuditLog.open(settings_from(args))
    records = audit.query(user=args.user, since=args.since, event=args.event)
    audit.record(
        AuditEvent.AUDIT_READ,
        OPERATOR,
        user_filter=args.user,
        since=args.since.isoformat() if args.since else None,
        event_filter=args.event,
        records=len(records),
        os_user=_os_user(),
    )
    if args.json:
        print(json.dumps([record.to_json() for record in records], indent=2, ensure_ascii=False))
        return 0
    if not records:
        print("no audit records match")
    for record in records:
        details = " ".join(f"{key}={_show(value)}" for key, value in record.details.items())
        print(f"{record.at}  {_show(record.user)}  {record.event.value}  {details}".rstrip())
    return 0


def _show(value: object) -> str:
    """One detail as text; strings with spaces or control characters are quoted and escaped
    (a name or question typed by a user must not drive the administrator's terminal)."""
    if isinstance(value, list):
        return ",".join(_show(item) for item in value) or "-"
    if isinstance(value, str) and (" " in value or not value or not value.isprintable()):
        return json.dumps(value, ensure_ascii=False)
    return "-" if value is None else str(value)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"

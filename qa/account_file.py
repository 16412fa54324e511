"""The accounts file on disk: JSON, rewritten atomically with mode 0600 under an exclusive lock.

Format (version 1)::

    {"format": 1, "users": {"alice": {"password_hash": "$argon2id$...", "level": "SECRET",
     "groups": ["ALD"], "roles": ["analyst"], "failed_signins": 0, "locked_until": null}}}
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
FILE_MODE = 0o600


class AccountError(ValueError):
    """An invalid account operation or an unreadable accounts file; the message says which."""


@dataclass(frozen=True)
class Entry:
    """One user as stored (the name is the key)."""

    password_hash: str
    level: str
    groups: tuple[str, ...]
    roles: tuple[str, ...]
    failed_signins: int = 0
    locked_until: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """The stored form."""
        return {
            "password_hash": self.password_hash,
            "level": self.level,
            "groups": list(self.groups),
            "roles": list(self.roles),
            "failed_signins": self.failed_signins,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        """Read the stored form; raises KeyError/TypeError/ValueError when malformed."""
        locked_until = data.get("locked_until")
        return cls(
            password_hash=str(data["password_hash"]),
            level=str(data["level"]),
            groups=tuple(str(group) for group in data["groups"]),
            roles=tuple(str(role) for role in data["roles"]),
            failed_signins=int(data.get("failed_signins", 0)),
            locked_until=datetime.fromisoformat(locked_until) if locked_until else None,
        )


def read_entries(path: Path) -> dict[str, Entry]:
    """All users in the file; none when it does not exist yet."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AccountError(f"accounts file {path} is unreadable: {error}") from error
    if not isinstance(raw, dict) or raw.get("format") != FORMAT_VERSION:
        raise AccountError(f"accounts file {path} is not in format {FORMAT_VERSION}")
    try:
        return {str(name): Entry.from_json(data) for name, data in raw["users"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise AccountError(f"accounts file {path} is malformed: {error!r}") from error


def write_entries(path: Path, entries: dict[str, Entry]) -> None:
    """Replace the file atomically: write a private temporary file, fsync, rename over."""
    payload = {
        "format": FORMAT_VERSION,
        "users": {name: entries[name].to_json() for name in sorted(entries)},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)  # mode 0600
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(payload, out, indent=2, ensure_ascii=False)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for a read-modify-write of the accounts file.

    The lock is a separate file so that the atomic rename of the data file does not lose it;
    each call opens it anew, so threads of one process exclude each other too.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock

"""The metadata sidecar: ``accord.toml`` in a corpus folder.

One TOML table per file, keyed by the file's name relative to that folder::

    [parties]
    ALD = "Republic of Aldoria"

    ["ald-brv-agreement.md"]
    title = "Agreement between ..."
    kind = "agreement"           # agreement | reference
    parties = ["ALD", "BRV"]     # codes from [parties], or full names
    date = "2016-05-12"          # ISO date
    amends = ["old-agreement.md"]
    language = "en"

The classification marking is not set here: it is the banner line printed in the document.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ingest.records import DocumentKind

SIDECAR_NAME = "accord.toml"
_FIELDS = {"title", "kind", "parties", "date", "amends", "language"}


class SidecarError(ValueError):
    """A sidecar file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class SidecarEntry:
    """Metadata the sidecar gives for one file."""

    title: str | None = None
    kind: DocumentKind | None = None
    parties: tuple[str, ...] = ()
    date: str | None = None
    amends: tuple[str, ...] = ()
    language: str | None = None


def _entry(name: str, table: dict[str, object], names: dict[str, str], where: Path) -> SidecarEntry:
    unknown = set(table) - _FIELDS
    if unknown:
        raise SidecarError(f"{where}: [{name!r}] has unknown keys {sorted(unknown)}")
    kind = table.get("kind")
    if kind is not None and kind not in {k.value for k in DocumentKind}:
        raise SidecarError(f"{where}: [{name!r}] kind must be 'agreement' or 'reference'")
    date = table.get("date")
    if isinstance(date, dt.date):
        date = date.isoformat()
    if date is not None:
        try:
            dt.date.fromisoformat(str(date))
        except ValueError as error:
            raise SidecarError(f"{where}: [{name!r}] date {date!r} is not YYYY-MM-DD") from error
    parties = table.get("parties", [])
    amends = table.get("amends", [])
    if not isinstance(parties, list) or not isinstance(amends, list):
        raise SidecarError(f"{where}: [{name!r}] parties and amends must be lists")
    return SidecarEntry(
        title=str(table["title"]) if "title" in table else None,
        kind=DocumentKind(kind) if kind else None,
        parties=tuple(names.get(str(p), str(p)) for p in parties),
        date=str(date) if date else None,
        amends=tuple(str(a) for a in amends),
        language=str(table["language"]) if "language" in table else None,
    )


def read_sidecar(folder: Path) -> dict[str, SidecarEntry]:
    """Entries of ``folder/accord.toml`` by file name; empty when there is no sidecar.

    Raises:
        SidecarError: when the file is not valid TOML or an entry is malformed.
    """
    path = folder / SIDECAR_NAME
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SidecarError(f"{path}: not valid TOML: {error}") from error
    names = {str(k): str(v) for k, v in dict(data.pop("parties", {})).items()}
    entries: dict[str, SidecarEntry] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise SidecarError(f"{path}: {name!r} must be a table of metadata")
        entries[name] = _entry(name, table, names, path)
    return entries

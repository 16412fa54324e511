"""Saving a file a user uploads through the web page, before it is ingested.

The name is the uploader's and is not trusted: directories, traversal (``../``), drive letters,
NUL and control characters, leading dots (hidden files are skipped by ingest), reserved device
names and odd characters are removed, leaving a safe stem and a supported extension. The size
cap and the type (by content, against the extension) are checked here, so a bad file is turned
away at once with a reason; everything else (decompression bombs, broken files) is left to
ingestion, which parses in memory-capped worker processes.

A file is never overwritten silently: a taken name gets " (2)", " (3)"... unless the caller asks
to replace it; identical bytes under the same name are not stored twice.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ingest.loaders import SUPPORTED_SUFFIXES, content_problem
from ingest.settings import Settings

MAX_STEM_BYTES = 120
FALLBACK_STEM = "upload"
FILE_MODE = 0o640
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{digit}" for digit in range(10)}
    | {f"lpt{digit}" for digit in range(10)}
)


class UploadRejected(ValueError):
    """An upload that was not saved; `reason` is shown to the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def safe_name(filename: str) -> str:
    """A harmless file name for `filename`, keeping its stem and (lower-cased) extension.

    Raises:
        UploadRejected: when the extension is not one Accord reads.
    """
    name = unicodedata.normalize("NFKC", filename)  # full-width "．．／" becomes "../"
    name = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in name)
    name = re.split(r"[/\\]", name)[-1].strip(" .")
    if not name:
        raise UploadRejected("the file has no usable name")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = f".{suffix.strip().lower()}" if suffix.strip() else ""
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UploadRejected(f"unsupported file type '{suffix or name}' (Accord reads {allowed})")
    return _safe_stem(stem) + suffix


def _safe_stem(stem: str) -> str:
    # dots become "_" too: no hidden names, no "report.pdf.exe"-style double extensions
    kept = "".join(ch if ch.isalnum() or ch in " -_()" else "_" for ch in stem)
    kept = re.sub(r"\s+", " ", kept).strip(" _-")
    while len(kept.encode("utf-8")) > MAX_STEM_BYTES:
        kept = kept[:-1]
    kept = kept.rstrip(" _-")
    if not kept:
        return FALLBACK_STEM
    if kept.lower() in _RESERVED:
        return f"{kept}_file"
    return kept


def check_upload(filename: str, data: bytes, settings: Settings) -> str:
    """The safe name for an acceptable upload; raises UploadRejected with the reason if not."""
    name = safe_name(filename)
    cap = settings.ingest.max_file_mb * 2**20
    if len(data) > cap:
        raise UploadRejected(
            f"{len(data) / 2**20:.1f} MB is over the {settings.ingest.max_file_mb:g} MB size cap"
        )
    reason = content_problem(Path(name).suffix, data)
    if reason is not None:
        raise UploadRejected(reason)
    return name


def save_upload(
    filename: str, data: bytes, folder: Path, settings: Settings, replace: bool = False
) -> Path:
    """Check an uploaded file and store it in `folder` under a safe name.

    Args:
        filename: the name the browser sent (untrusted).
        data: the file's bytes.
        folder: where uploads go (a corpus folder that is then ingested); created if missing.
        settings: Accord's settings (the size cap).
        replace: overwrite a file of the same name (a new version) instead of numbering.

    Returns:
        The path written, or the existing file's path when it already holds these bytes.

    Raises:
        UploadRejected: with the reason, when the file is not acceptable.
    """
    name = check_upload(filename, data, settings)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = _write_temporary(folder, data)
    try:
        return _publish(temporary, folder, name, data, replace)
    finally:
        temporary.unlink(missing_ok=True)


def _write_temporary(folder: Path, data: bytes) -> Path:
    # a leading dot: ingest skips hidden files, so a half-written upload is never read
    handle, path = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=folder)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(path, FILE_MODE)
    return Path(path)


def _publish(temporary: Path, folder: Path, name: str, data: bytes, replace: bool) -> Path:
    """Give the temporary file its final name; link() never replaces an existing file."""
    stem, suffix = Path(name).stem, Path(name).suffix
    if replace:
        target = folder / name
        os.replace(temporary, target)
        return target
    for number in range(1, 1000):
        target = folder / (name if number == 1 else f"{stem} ({number}){suffix}")
        try:
            os.link(temporary, target)
            return target
        except FileExistsError:
            if target.is_file() and not target.is_symlink() and _same_bytes(target, data):
                return target
    raise UploadRejected(f"too many files named like '{name}' in the upload folder")


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False

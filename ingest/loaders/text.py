"""Plain-text decoding and loading.

Encodings: UTF-8 (with or without BOM); UTF-16/32 when a BOM says so; otherwise the best guess
of charset-normalizer; as a last resort Windows-1252 with undecodable bytes replaced. Any
encoding other than UTF-8 is reported as a warning so the analyst can check the text.
"""

from __future__ import annotations

import re

from ingest.records import LoadedText

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes to text; returns the text and warnings about the encoding used."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalise_newlines(data.decode(encoding, errors="replace")), ()
    try:
        return normalise_newlines(data.decode("utf-8")), ()
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = data.decode(best.encoding, errors="replace")
        return normalise_newlines(text), (f"not UTF-8: decoded as {best.encoding}",)
    text = data.decode("cp1252", errors="replace")
    return normalise_newlines(text), ("not UTF-8: decoded as cp1252 with replacements",)


def normalise_newlines(text: str) -> str:
    """Unix newlines, no NULs, no trailing spaces on lines."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return re.sub(r"[ \t\u00a0]+\n", "\n", text)


def load_text(text: str, warnings: tuple[str, ...] = ()) -> LoadedText:
    """A plain-text document: the text as it is (headings are found by the chunker)."""
    return LoadedText(text=text.strip("\n") + "\n", warnings=warnings)

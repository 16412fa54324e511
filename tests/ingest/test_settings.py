"""Settings: defaults, ACCORD_* variables, overrides, files kept beside the index."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.settings import load_settings


def test_environment_and_overrides_with_precedence(tmp_path: Path) -> None:
    env = {"ACCORD_INDEX": str(tmp_path / "a"), "ACCORD_TOP_K": "7", "ACCORD_LEVELS": "LOW, HIGH"}
    settings = load_settings(
        env=env, overrides={"index.path": tmp_path / "b", "answers.top_k": None}
    )
    assert settings.index.path == tmp_path / "b"
    assert settings.answers.top_k == 7
    assert settings.security.levels == ("LOW", "HIGH")
    assert settings.answers.abstain_below is None
    assert load_settings(env={"ACCORD_ABSTAIN_BELOW": "0.5"}).answers.abstain_below == 0.5


def test_accounts_audit_and_uploads_live_beside_the_index_unless_set(tmp_path: Path) -> None:
    settings = load_settings(env={"ACCORD_INDEX": str(tmp_path / "idx")})
    assert settings.security.accounts_path == tmp_path / "accounts.json"
    assert settings.security.audit_path == tmp_path / "audit.sqlite"
    assert settings.ingest.upload_dir == tmp_path / "uploads"
    pinned = load_settings(
        env={"ACCORD_INDEX": str(tmp_path / "idx"), "ACCORD_AUDIT_DB": "/x/audit.db"}
    )
    assert pinned.security.audit_path == Path("/x/audit.db")


def test_bad_numbers_name_the_variable() -> None:
    with pytest.raises(ValueError, match=r"ACCORD_TOP_K='many': expected a int"):
        load_settings(env={"ACCORD_TOP_K": "many"})

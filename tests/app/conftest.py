"""The web page under AppTest: corpus/ indexed with the hashing embedder, its conflict map built
with the explained rules, a private audit trail, and no accounts file unless a test adds one."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from streamlit.runtime.media_file_manager import MediaFileManager

from ingest.settings import Settings, load_settings
from qa.accounts import Accounts, Role
from tests.app.helpers import PASSWORD, forget_engines
from tests.conftest import REPO, build_index


@pytest.fixture(scope="session")
def app_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """corpus/ with the hashing embedder and a conflict map (the rules, no model)."""
    from qa.conflicts.mapping import update_conflict_map
    from qa.conflicts.rules import RuleScorer

    settings = build_index(tmp_path_factory.mktemp("app-index"), REPO / "corpus", "hashing")
    update_conflict_map(settings.index.path, RuleScorer())
    return settings


@pytest.fixture(autouse=True)
def keep_main_module() -> Iterator[None]:
    """Put back the __main__ module a Streamlit script run replaces.

    Left replaced, every later `multiprocessing` spawn in this process (the ingest's parser
    workers) would re-run app.py in its child instead of this test run's main module.
    """
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture
def app_env(app_index: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """ACCORD_* variables for the app; yields the folder holding accounts and audit files."""
    monkeypatch.setenv("ACCORD_INDEX", str(app_index.index.path))
    monkeypatch.setenv("ACCORD_MODEL", "hashing")
    monkeypatch.setenv("ACCORD_ACCOUNTS", str(tmp_path / "accounts.json"))
    monkeypatch.setenv("ACCORD_AUDIT_DB", str(tmp_path / "audit.sqlite"))
    monkeypatch.delenv("ACCORD_TRUSTED_USER_HEADER", raising=False)
    forget_engines()
    yield tmp_path
    forget_engines()


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], Any]]:
    """Deferred downloads registered by the page, by file name (call one to "click" it)."""
    found: dict[str, Callable[[], Any]] = {}
    original = MediaFileManager.add_deferred

    def capture(self: MediaFileManager, data: Callable[[], Any], *args: Any, **kwargs: Any) -> str:
        found[str(kwargs.get("file_name"))] = data
        return original(self, data, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return found


@pytest.fixture
def accounts(app_env: Path) -> Accounts:
    """carol: CONFIDENTIAL reader; ana: SECRET analyst in ALD (fast hashes for the tests)."""
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    accounts = Accounts.open(load_settings(), hasher=fast)
    accounts.add("carol", PASSWORD, "CONFIDENTIAL")
    accounts.add("ana", PASSWORD, "SECRET", groups=["ALD"], roles=[Role.ANALYST])
    return accounts

"""`accord serve`: `streamlit run app.py` headless, on localhost, the index in ACCORD_INDEX."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from qa.cli import main
from qa.cli.serve import APP, serve_command


def test_serve_command_line_and_environment(tmp_path: Path) -> None:
    argv, env = serve_command(tmp_path / "index", 8502, "localhost", None, {"PATH": "/bin"})
    assert argv == [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.address", "localhost",
        "--server.port", "8502",
        "--server.fileWatcherType", "none",
        "--client.toolbarMode", "minimal",
        "--client.showErrorDetails", "none",
    ]  # fmt: skip
    assert env == {"PATH": "/bin", "ACCORD_INDEX": str((tmp_path / "index").resolve())}
    assert APP.is_file()


def test_accord_serve_execs_streamlit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[Any] = []
    monkeypatch.setattr("os.execve", lambda path, argv, env: ran.append((path, argv, env)))
    assert main(["serve", "--index", str(tmp_path), "--port", "9001", "--model", "hashing"]) == 0
    ((path, argv, env),) = ran
    assert path == sys.executable and argv[argv.index("--server.port") + 1] == "9001"
    assert argv[argv.index("--server.address") + 1] == "localhost"
    assert env["ACCORD_INDEX"] == str(tmp_path.resolve()) and env["ACCORD_MODEL"] == "hashing"
    assert capsys.readouterr().out == f"accord: serving {tmp_path} on http://localhost:9001\n"


def test_a_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert capsys.readouterr().err == "accord: error: --port 70000: expected 1-65535\n"

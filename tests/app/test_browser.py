"""End to end in a real headless Chromium against `accord serve`: ask about corpus/, read the cited
passage, open it in the source viewer, pin it and download the Markdown briefing.

Screenshots of each step go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ingest.settings import Settings
from qa.conflicts.mapping import update_conflict_map
from qa.conflicts.rules import RuleScorer
from qa.engine import Engine
from qa.records import Passage
from tests.conftest import REPO, build_index

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
]  # fmt: skip
QUESTION = "How long may the Receiving Party retain intelligence?"
HOSTILE = (
    "UNCLASSIFIED\n\nAnnex on zebra handling\n\n"
    "Zebra reports shall be striped <script>alert('x')</script> and "
    "[see annex](javascript:alert(1)) **bold** $x^2$ for zebras.\n"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (make browser)"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"accord serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not come up in {seconds} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Settings]]:
    """corpus/ plus one hostile file, indexed and served by `accord serve` on a free port."""
    folder = tmp_path_factory.mktemp("browser")
    shutil.copytree(REPO / "corpus", folder / "docs")
    (folder / "docs" / "zebra-annex.txt").write_text(HOSTILE, encoding="utf-8")
    settings = build_index(folder / "index", folder / "docs", "hashing")
    update_conflict_map(settings.index.path, RuleScorer())
    port = free_port()
    env = {
        **os.environ,
        "ACCORD_ACCOUNTS": str(folder / "accounts.json"),
        "ACCORD_AUDIT_DB": str(folder / "audit.sqlite"),
    }
    command = [sys.executable, "-m", "qa.cli", "serve", "--index", str(settings.index.path)]
    command += ["--port", str(port), "--model", "hashing"]
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(command, env=env, cwd=REPO, stdout=log, stderr=log)
    try:
        wait_until_up(f"http://localhost:{port}", server)
        yield f"http://localhost:{port}", settings
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def ask_and_read(page: Page, expected: Passage) -> None:
    """Ask; the first passage shows its text, citation and highlight; [1] jumps to it."""
    page.get_by_label("Question").fill(QUESTION)
    page.get_by_role("button", name="Ask").click()
    first = page.locator("#passage-1")
    expect(first).to_contain_text(expected.text[:80])
    expect(first).to_contain_text(expected.citation())
    expect(first.locator("mark").first).to_be_visible()
    expect(page.get_by_role("button", name="Pin to briefing")).to_be_visible()
    expect(page.get_by_role("link", name="Open in source").first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "01-answer.png")
    page.locator('.accord-answer a[href="#passage-1"]').first.click()
    top = first.evaluate("element => element.getBoundingClientRect().top")
    assert 0 <= top < 950


def open_source(page: Page, expected: Passage) -> None:
    """The first passage's "Open in source" shows its document at that clause."""
    page.get_by_role("link", name="Open in source").first.click()
    expect(page.locator(".accord-focus")).to_contain_text(expected.text[:80])
    assert f"clause={expected.clause_id}" in page.url
    page.screenshot(path=ARTIFACTS / "02-source.png")


def pin_and_download(page: Page, expected: Passage) -> None:
    """Back on Ask (the answer is still there, with its conflicts), pin it, download Markdown."""
    page.get_by_role("link", name="Ask", exact=True).click()
    flag = page.locator(".accord-flag").first
    expect(flag).to_contain_text("possible conflict — review")
    flag.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / "02b-conflicts.png")
    page.get_by_role("button", name="Pin to briefing").click()
    expect(page.get_by_role("button", name="Unpin from briefing")).to_be_visible()
    page.get_by_role("link", name="Briefing", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download Markdown").click()
    briefing = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"## 1\\. {QUESTION}" in briefing
    assert expected.citation().replace("[", "\\[") in briefing
    assert briefing.splitlines()[0] == briefing.splitlines()[-1]  # the banner, top and bottom
    page.screenshot(path=ARTIFACTS / "03-briefing.png")


def other_pages(page: Page) -> None:
    """The conflict map draws its matrix; the documents page lists the corpus."""
    page.get_by_role("link", name="Conflict map", exact=True).click()
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "05-conflict-map.png")
    page.get_by_role("link", name="Documents", exact=True).click()
    expect(page.get_by_text("17 documents you may see")).to_be_visible()
    expect(page.locator("[data-testid='stDataFrame'] canvas").first).to_be_visible()
    page.wait_for_timeout(500)  # the grid paints its canvas after it appears
    page.screenshot(path=ARTIFACTS / "06-documents.png")


def hostile_text_is_inert(page: Page) -> None:
    """A document's <script> and javascript: link show as text and do nothing."""
    page.get_by_role("link", name="Ask", exact=True).click()
    page.get_by_label("Question").fill("How should zebra reports be striped?")
    page.get_by_role("button", name="Ask").click()
    hostile = page.locator(".accord-card").filter(has_text="Zebra reports").first
    expect(hostile).to_contain_text("<script>alert('x')</script>")
    expect(hostile).to_contain_text("[see annex](javascript:alert(1)) **bold** $x^2$")
    assert page.locator(".accord-card script, .accord-answer script").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    page.set_viewport_size({"width": 820, "height": 1000})  # a laptop's split screen
    page.screenshot(path=ARTIFACTS / "04-hostile-narrow.png")


def test_ask_read_open_source_and_download_briefing(served: tuple[str, Settings]) -> None:
    from playwright.sync_api import sync_playwright

    url, settings = served
    engine = Engine.load(settings.index.path, settings)
    expected = engine.ask(QUESTION).passages[0]  # same index and model as the server
    ARTIFACTS.mkdir(exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 950}, accept_downloads=True)
        page.set_default_timeout(20_000)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        ask_and_read(page, expected)
        open_source(page, expected)
        pin_and_download(page, expected)
        other_pages(page)
        hostile_text_is_inert(page)
        browser.close()
    assert dialogs == []  # no script in the documents ran

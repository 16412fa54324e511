"""Hostile uploads: names, sizes, types, overwrites, and decompression bombs at ingestion."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from index import IngestRun
from ingest.embed import HashingEmbedder
from ingest.settings import Settings
from qa.uploads import UploadRejected, safe_name, save_upload
from tests.conftest import DOCS, make_settings
from tests.ingest.builders import make_docx, make_pdf
from tests.qa.hostile_files import make_docx_bomb, make_pdf_bomb

TEXT = b"Article 1. The Parties shall exchange maritime surveillance data.\n"
SUPPORTED = "(Accord reads .docx, .htm, .html, .markdown, .md, .pdf, .text, .txt)"


@pytest.mark.parametrize(
    ("given", "safe"),
    [
        ("agreement.md", "agreement.md"),
        ("../../etc/cron.d/evil.txt", "evil.txt"),
        ("/etc/passwd.md", "passwd.md"),
        ("..\\..\\Windows\\System32\\MoU.PDF", "MoU.pdf"),
        ("C:\\Users\\me\\Desktop\\MoU 2016.docx", "MoU 2016.docx"),
        (".hidden.md", "hidden.md"),
        ("re\x00port\x1b[31m.txt", "re port _31m.txt"),
        ("evil\u202etxt.md", "evil txt.md"),
        ("ａｇｒｅｅｍｅｎｔ．ｍｄ", "agreement.md"),
        ("v1.2 final.md", "v1_2 final.md"),
        ("CON.txt", "CON_file.txt"),
        ("lpt1.md", "lpt1_file.md"),
        ("???.md", "upload.md"),
        ("Übereinkommen über Daten.html", "Übereinkommen über Daten.html"),
        ("a" * 300 + ".txt", "a" * 120 + ".txt"),
        ("é" * 100 + ".txt", "é" * 60 + ".txt"),
    ],
)
def test_names_are_made_safe(given: str, safe: str) -> None:
    assert safe_name(given) == safe


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("report.pdf.exe", f"unsupported file type '.exe' {SUPPORTED}"),
        ("\u202efdp.exe", f"unsupported file type '.exe' {SUPPORTED}"),
        ("Makefile", f"unsupported file type 'Makefile' {SUPPORTED}"),
        ("accord.toml", f"unsupported file type '.toml' {SUPPORTED}"),
        ("../..", "the file has no usable name"),
        ("", "the file has no usable name"),
    ],
)
def test_unsupported_names_are_rejected(given: str, reason: str) -> None:
    with pytest.raises(UploadRejected) as caught:
        safe_name(given)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("agreement.pdf", TEXT, "named '.pdf' but the content is plain text"),
        ("notes.txt", b"%PDF-1.7\n...", "named '.txt' but the content is a PDF"),
        ("memo.md", bytes(range(256)) * 8, "named '.md' but the content is binary data, not text"),
        ("annex.docx", b"PK\x03\x04 just a zip", "named '.docx' but the content is a ZIP archive"),
        ("empty.txt", b" \n", "empty file"),
    ],
)
def test_content_must_match_the_extension(
    settings: Settings, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    folder = tmp_path / "uploads"
    with pytest.raises(UploadRejected) as caught:
        save_upload(name, data, folder, settings)
    assert caught.value.reason == reason
    assert not folder.exists()  # nothing written, not even the folder


def test_size_cap(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "index", **{"ingest.max_file_mb": 1.0})
    with pytest.raises(UploadRejected, match=r"^2\.0 MB is over the 1 MB size cap$"):
        save_upload("big.txt", TEXT * (2 * 2**20 // len(TEXT) + 1), tmp_path / "up", settings)


def test_saved_inside_the_folder_without_traces(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    path = save_upload("../../../outside.md", TEXT, folder, settings)
    assert path == folder / "outside.md"
    assert path.read_bytes() == TEXT
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in folder.iterdir()) == ["outside.md"]
    assert not (tmp_path / "outside.md").exists()


def test_never_overwrites_silently(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    first = save_upload("a.md", TEXT, folder, settings)
    second = save_upload("a.md", TEXT + b"Article 2.\n", folder, settings)
    again = save_upload("A.md", TEXT, folder, settings)  # another name: kept apart
    same = save_upload("a.md", TEXT, folder, settings)  # the same bytes: not stored twice
    assert [first.name, second.name, again.name, same.name] == ["a.md", "a (2).md", "A.md", "a.md"]
    replaced = save_upload("a.md", b"Version 2.\n", folder, settings, replace=True)
    assert replaced == first and first.read_bytes() == b"Version 2.\n"
    assert sorted(p.name for p in folder.iterdir()) == ["A.md", "a (2).md", "a.md"]


def test_an_existing_symlink_is_not_followed(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me\n")
    os.symlink(victim, folder / "notes.txt")
    path = save_upload("notes.txt", TEXT, folder, settings)
    assert path.name == "notes (2).txt"
    assert victim.read_bytes() == b"keep me\n"


def test_real_documents_are_accepted(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "uploads"
    pdf = save_upload("mou.pdf", make_pdf([["Article 1. Exchange."]]), folder, settings)
    docx = save_upload("annex.docx", make_docx([("p", "Article 1.")]), folder, settings)
    md = save_upload(
        "agreement.md", (DOCS / "exchange-agreement.md").read_bytes(), folder, settings
    )
    assert [pdf.name, docx.name, md.name] == ["mou.pdf", "annex.docx", "agreement.md"]


def test_bombs_are_rejected_at_ingestion_while_other_files_go_in(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "index")
    folder = tmp_path / "uploads"
    for name, data in [
        ("bomb.pdf", make_pdf_bomb(110)),
        ("bomb.docx", make_docx_bomb(520)),
        ("agreement.md", (DOCS / "exchange-agreement.md").read_bytes()),
    ]:
        assert len(data) < 600_000  # small on disk: the upload checks let them through
        save_upload(name, data, folder, settings)
    summary = IngestRun(settings, HashingEmbedder()).run([folder])
    assert summary.added == [str(folder / "agreement.md")]
    reasons = {Path(r.source).name: r.reason for r in summary.rejected}
    assert reasons == {
        "bomb.docx": "Word document expands to 520 MB: refused as a zip bomb",
        "bomb.pdf": reasons["bomb.pdf"],
    }
    assert reasons["bomb.pdf"].startswith(
        "page 1: a stream decompresses beyond pypdf's limit (possible decompression bomb): "
        "Limit reached while decompressing."
    )
    assert summary.exit_code == 3

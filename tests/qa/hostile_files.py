"""Decompression bombs built at test time: small files that inflate to hundreds of megabytes.

Both repeat one deflate block: after a full flush the compressor starts afresh, so compressing
the same megabyte again gives the same bytes and the block can be copied instead of recomputed.
"""

from __future__ import annotations

import struct
import zlib

MB = 2**20


def _repeated_deflate(head: bytes, chunk: bytes, copies: int) -> bytes:
    """Raw deflate data for `head` followed by `copies` times `chunk`."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    return start + block * copies + compressor.flush(zlib.Z_FINISH)


def make_pdf_bomb(inflated_mb: int = 110) -> bytes:
    """A one-page PDF whose FlateDecode content stream inflates to `inflated_mb` MB."""
    head = b"BT /F1 12 Tf 72 720 Td (Article 1. The Parties shall exchange data.) Tj ET\n"
    chunk = b" " * MB
    checksum = zlib.adler32(head)
    for _ in range(inflated_mb):
        checksum = zlib.adler32(chunk, checksum)
    stream = b"\x78\xda" + _repeated_deflate(head, chunk, inflated_mb) + struct.pack(">I", checksum)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_docx_bomb(inflated_mb: int = 520) -> bytes:
    """A .docx (a ZIP) whose word/document.xml inflates to `inflated_mb` MB of spaces."""
    members = [
        (b"[Content_Types].xml", b"<?xml version='1.0'?><Types/>"),
        (b"word/document.xml", b"<?xml version='1.0'?><w:document>"),
    ]
    out = bytearray()
    directory = bytearray()
    for index, (name, head) in enumerate(members):
        copies = inflated_mb if index == 1 else 0
        chunk = b" " * MB
        data = _repeated_deflate(head, chunk, copies)
        crc = zlib.crc32(head)
        for _ in range(copies):
            crc = zlib.crc32(chunk, crc)
        size = len(head) + copies * MB
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0, crc, len(data), size, len(name), 0)
        directory += (
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fields
            + struct.pack("<HHHII", 0, 0, 0, 0, len(out))
            + name
        )
        out += b"PK\x03\x04" + fields + name + data
    end = struct.pack("<HHHHIIH", 0, 0, len(members), len(members), len(directory), len(out), 0)
    return bytes(out + directory + b"PK\x05\x06" + end)

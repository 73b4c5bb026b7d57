"""A cheap look for zeroed pages before a vault is used.

Every page SQLCipher writes is ciphertext with its IV and MAC: it never holds 4,096
zero bytes in a row. A run of them means the file was damaged (a disk or file
system that lost a block, a copy cut short and padded). Unlock reads only a few
pages, so without this look a zeroed page in the middle of the debriefs opens and
the vault is written to (at least its unlock and lock events) until a read happens
to hit the page. The look reads the file once, at about the speed of the disk
cache (benchmarks/vault.py measures it on a 100,000-debrief vault); a page whose
newer copy waits in the write-ahead log is not counted, since SQLite reads that
copy instead.
"""

from __future__ import annotations

import struct
from pathlib import Path

PAGE = 4096
_ZERO_PAGE = bytes(PAGE)
_CHUNK = 1024 * PAGE  # a whole number of pages: a page never straddles two reads
_WAL_HEADER = 32
_FRAME_HEADER = 24


def zeroed_pages(db_path: Path) -> list[int]:
    """Numbers (1-based, as SQLite counts) of the all-zero pages of the database
    that the write-ahead log does not replace."""
    found: list[int] = []
    with db_path.open("rb") as handle:
        offset = 0
        while chunk := handle.read(_CHUNK):
            if _ZERO_PAGE in chunk:  # rare: only then look page by page
                found += [
                    (offset + at) // PAGE + 1
                    for at in range(0, len(chunk), PAGE)
                    if chunk[at : at + PAGE] == _ZERO_PAGE
                ]
            offset += len(chunk)
    if found:
        in_wal = _pages_in_wal(Path(f"{db_path}-wal"))
        found = [page for page in found if page not in in_wal]
    return found


def _pages_in_wal(wal: Path) -> set[int]:
    """Page numbers of the WAL's frames that belong to its current generation
    (their salts match the WAL header's). The frame headers are not encrypted."""
    try:
        data = wal.read_bytes()
    except OSError:
        return set()
    if len(data) < _WAL_HEADER:
        return set()
    magic, _version, page_size = struct.unpack(">III", data[:12])
    if magic not in (0x377F0682, 0x377F0683) or page_size != PAGE:
        return set()
    salts = data[16:24]
    pages: set[int] = set()
    at = _WAL_HEADER
    while at + _FRAME_HEADER + PAGE <= len(data):
        if data[at + 8 : at + 16] == salts:
            pages.add(struct.unpack(">I", data[at : at + 4])[0])
        at += _FRAME_HEADER + PAGE
    return pages

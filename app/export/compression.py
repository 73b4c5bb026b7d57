"""Containers kept inside a vault are zlib-compressed, in a thread of their own.

A package's container is canonical JSON (a 53 MB one becomes 8 MB at level 1 in
0.4 s here; level 6 saves one more MB for twice the time). hashlib and zlib release
the GIL, so ``Packing`` runs on the machine's second core while the caller goes on
(writing records on import, sealing on export).
"""

from __future__ import annotations

import hashlib
import threading
import zlib

METHOD = "zlib"
LEVEL = 1
_STEP = 1024 * 1024  # compressed a piece at a time: the output comes in pieces


class Packing:
    """SHA-256 and compressed bytes of ``data``, made in a thread. The compressed
    bytes come as pieces (``take``) or joined (``result``)."""

    def __init__(self, data: bytes | bytearray) -> None:
        self._done: tuple[str, list[bytes]] | None = None
        self._failed: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(data,), name="veldboek-packing", daemon=True
        )
        self._thread.start()

    def _run(self, data: bytes | bytearray) -> None:
        try:
            digest = hashlib.sha256(data).hexdigest()
            packer = zlib.compressobj(LEVEL)
            with memoryview(data) as view:
                pieces = [packer.compress(view[i : i + _STEP]) for i in range(0, len(view), _STEP)]
            pieces.append(packer.flush())
            self._done = (digest, pieces)
        except BaseException as exc:  # MemoryError: raised again where the caller waits
            self._failed = exc

    def take(self) -> tuple[str, list[bytes]]:
        """(SHA-256 of the data, the compressed bytes in pieces), once the thread is
        done. Handed over: the ``Packing`` keeps nothing, and cannot be taken twice."""
        self._thread.join()
        if self._failed is not None:
            raise self._failed
        assert self._done is not None, "taken twice"
        done, self._done = self._done, None
        return done

    def result(self) -> tuple[str, bytes]:
        """(SHA-256 of the data, its compressed bytes), once the thread is done."""
        sha256, pieces = self.take()
        return sha256, b"".join(pieces)

    def wait(self) -> None:
        """Until the thread is done with the data (which may then change or go)."""
        self._thread.join()


def unpack(method: str, data: bytes, sha256: str) -> bytes | None:
    """The data ``Packing`` compressed, or None if it is not what was stored."""
    if method != METHOD:
        return None
    try:
        plain = zlib.decompress(data)
    except zlib.error:
        return None
    return plain if hashlib.sha256(plain).hexdigest() == sha256 else None

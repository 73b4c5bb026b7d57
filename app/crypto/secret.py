"""A mutable holder for key material that can be wiped.

Python cannot guarantee that no copy of a secret survives in memory (bytes objects
are immutable and the allocator may keep old buffers), so this is best effort:
the long-lived copy is a bytearray that is overwritten when the vault locks.
"""

from __future__ import annotations


class SecretBytes:
    __slots__ = ("_buf",)

    def __init__(self, data: bytes | bytearray) -> None:
        self._buf: bytearray | None = bytearray(data)

    def get(self) -> bytes:
        if self._buf is None:
            raise ValueError("secret has been wiped")
        return bytes(self._buf)

    def hex(self) -> str:
        return self.get().hex()

    @property
    def wiped(self) -> bool:
        return self._buf is None

    def wipe(self) -> None:
        if self._buf is not None:
            for i in range(len(self._buf)):
                self._buf[i] = 0
            self._buf = None

    def __repr__(self) -> str:  # never print key material
        return "SecretBytes(<wiped>)" if self._buf is None else "SecretBytes(<hidden>)"

    def __len__(self) -> int:
        return 0 if self._buf is None else len(self._buf)

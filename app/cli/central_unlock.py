"""The central key, opened for a command that needs it (ingest, watch, receipt,
log head, the deconfliction key's commands): its passphrase from
``--passphrase-file`` or typed at a terminal (``common.key_passphrase``)."""

from __future__ import annotations

from app.central import central_keys
from app.central.store import Store
from app.cli.common import key_passphrase


def open_key(store: Store, passphrase_file: str | None) -> central_keys.Unlocked:
    passphrase = key_passphrase(passphrase_file)
    with store.connect() as conn:
        return central_keys.unlock(conn, passphrase)

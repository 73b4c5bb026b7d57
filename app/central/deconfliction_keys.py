"""The unit's deconfliction key at the central system: made (a rotation retires
the key before), sealed like the central system's private keys, and issued to
every registered handler of a team in a ``deconfliction-key`` package.

Only central's own token matching uses the current key (by its id: the tokens
are compared as they came, the secret is never needed for that); the secret is
opened only to write it into handlers' key packages."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, text

from app.central import central_keys, outgoing
from app.central.central_keys import Unlocked
from app.central.errors import CentralError
from app.central.store import Store
from app.crypto import blind_tokens
from app.crypto.blind_tokens import BadTokenParams, TokenParams
from app.errors import InvalidInput
from app.export import deconfliction
from app.export.deconfliction import DeconflictionKey
from app.services.files import output_paths

# The production parameters of the token construction: Argon2id with 32 MiB and
# 2 passes on one lane takes about 100 ms per evaluation on the reference machine
# (benchmarks/deconfliction.py measures it; docs/security.md, "Blind
# deconfliction", turns it into the cost of a dictionary attack).
PRODUCTION = TokenParams(memory_kib=32 * 1024, iterations=2, lanes=1)


def _purpose(key_id: str) -> str:
    return central_keys.DECONFLICTION + key_id


def params_of(memory_kib: int | None, iterations: int | None, lanes: int | None) -> TokenParams:
    try:
        return TokenParams(
            memory_kib if memory_kib is not None else PRODUCTION.memory_kib,
            iterations if iterations is not None else PRODUCTION.iterations,
            lanes if lanes is not None else PRODUCTION.lanes,
        )
    except BadTokenParams:
        raise InvalidInput(
            "The token parameters must lie within memory {lo}..{hi} KiB, 1..{it} passes "
            "and 1..{lanes} lanes.",
            lo=blind_tokens.MIN_MEMORY_KIB,
            hi=blind_tokens.MAX_MEMORY_KIB,
            it=blind_tokens.MAX_ITERATIONS,
            lanes=blind_tokens.MAX_LANES,
        ) from None


@dataclass(frozen=True)
class Made:
    key_id: str
    params: TokenParams
    retired: str  # the key it replaced, or ""


def new_key(conn: Connection, keys: Unlocked, params: TokenParams) -> Made:
    """A new current key; the one before (if any) is retired: its tokens stay
    stored, matched no more, until each source's tokens under the new key arrive."""
    secret = secrets.token_bytes(blind_tokens.SECRET_BYTES)
    key_id = blind_tokens.key_id(secret)
    # The retired key's sealed secret is emptied here. Its old row version stays
    # in the table's file as a dead tuple until ``vacuum`` (right after the commit)
    # rewrites the table, and in the WAL and in backups made before: there it is
    # still sealed under the central passphrase (docs/security.md).
    old = conn.execute(
        text(
            "UPDATE central.deconfliction_keys SET retired_at = now(), sealed = '' "
            "WHERE retired_at IS NULL RETURNING key_id"
        )
    ).scalar_one_or_none()
    conn.execute(
        text(
            "INSERT INTO central.deconfliction_keys (key_id, params, sealed) "
            "VALUES (:id, CAST(:params AS jsonb), :sealed)"
        ),
        {
            "id": key_id,
            "params": json.dumps(params.to_dict()),
            "sealed": central_keys.seal_secret(keys, secret, _purpose(key_id)),
        },
    )
    return Made(key_id, params, old or "")


def vacuum(store: Store) -> None:
    """Rewrite the key table (VACUUM FULL, outside any transaction: after the
    rotation committed), so the retired key's old row version, its sealed
    secret, is no longer in the table's file. A transaction older than the
    rotation that still runs keeps it (PostgreSQL copies what it may see)."""
    with store.connect() as conn:
        conn.commit()
        auto = conn.execution_options(isolation_level="AUTOCOMMIT")
        auto.execute(text("VACUUM (FULL) central.deconfliction_keys"))


def current_id(conn: Connection) -> str | None:
    return conn.execute(
        text("SELECT key_id FROM central.deconfliction_keys WHERE retired_at IS NULL")
    ).scalar_one_or_none()


def current(conn: Connection, keys: Unlocked) -> DeconflictionKey:
    row = conn.execute(
        text(
            "SELECT key_id, params, sealed, "
            "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
            "(SELECT k.key_id FROM central.deconfliction_keys k WHERE k.retired_at IS NOT NULL "
            " ORDER BY k.retired_at DESC LIMIT 1) "
            "FROM central.deconfliction_keys WHERE retired_at IS NULL"
        )
    ).first()
    if row is None:
        raise CentralError(
            "The central system holds no deconfliction key yet "
            "(run `veldboek central deconfliction-key new`)."
        )
    secret = central_keys.open_secret(keys, bytes(row[2]), _purpose(row[0]))
    try:
        params = TokenParams.from_dict(row[1])
    except ValueError:
        raise CentralError("A sealed key record of the central system is damaged.") from None
    if blind_tokens.key_id(secret) != row[0]:
        raise CentralError("A sealed key record of the central system is damaged.")
    return DeconflictionKey(row[0], secret, params, row[3], row[4] or "")


@dataclass(frozen=True)
class Issued:
    handler: str
    team: str
    path: Path


def issue(
    conn: Connection, keys: Unlocked, to_dir: Path, *, team: str | None, vaults: list[Path]
) -> tuple[str, list[Issued]]:
    """One key package per registered handler (of ``team``, or of every team)."""
    folder = output_paths.check_folder(to_dir, vaults=vaults)
    key = current(conn, keys)
    body = deconfliction.key_body(key)
    issued = []
    for handler in outgoing.handlers(conn, team):
        _id, path = outgoing.write(
            conn, keys, handler, deconfliction.KEY_KIND, body, folder, vaults=vaults
        )
        issued.append(Issued(handler.name, handler.team, path))
    return key.key_id, issued

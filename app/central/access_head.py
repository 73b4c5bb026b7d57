"""Signed heads of the access log: what its hash chain cannot show alone.

The chain (``access.verify_log``) catches an entry changed by someone who cannot
rewrite every entry after it. The database's administrator can: delete the last
entries, or change one and chain the rest again, and the chain holds. A head is
the log's state at a moment (how many entries, the last one's number and hash),
signed with the central system's key (its passphrase, never in the database), to
be kept off the server (printed, mailed to the data officer, the backup's
medium). ``log verify --head FILE`` then shows that the log still holds that
state: entries removed or rewritten up to it break it.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.central import central_keys
from app.central.central_keys import Unlocked
from app.crypto import signing
from app.errors import CheckFailed, InvalidInput, PackageError
from app.export import canonical
from app.services.exchange import keys
from app.services.files import user_files

FORMAT = "veldboek-access-log-head"
CONTEXT = b"veldboek access log head v1"
KIND = user_files.Kind("access log head", 1024 * 1024)


@dataclass(frozen=True)
class Head:
    entries: int  # how many, up to and with ``last_id``
    last_id: int
    hash: str
    at: str  # the server's time it was taken (UTC)
    central: str  # the fingerprint of the central system that signed it


def _doc(head: Head) -> dict[str, Any]:
    return {"format": FORMAT, "entries": head.entries, "last_id": head.last_id,
            "hash": head.hash, "at": head.at, "central": head.central}  # fmt: skip


def take(conn: Connection, unlocked: Unlocked) -> bytes:
    """The log's head now, signed: a file's bytes (canonical JSON, one line)."""
    row = conn.execute(
        text(
            "SELECT count(*), coalesce(max(id), 0), "
            "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
            "(SELECT hash FROM central.access_log ORDER BY id DESC LIMIT 1) "
            "FROM central.access_log"
        )
    ).one()
    head = Head(int(row[0]), int(row[1]), row[3] or "", row[2], unlocked.fingerprint.hex)
    doc = _doc(head)
    signature = signing.sign(unlocked.signing, CONTEXT, canonical.dumps(doc))
    return canonical.dumps({"head": doc, "signature": base64.b64encode(signature).decode()}) + b"\n"


def _read(data: bytes) -> tuple[Head, bytes]:
    bad = InvalidInput("This is not a head of a Veldboek access log.")
    try:
        outer = canonical.loads(data.rstrip(b"\n"))
        doc, sig = outer["head"], base64.b64decode(outer["signature"], validate=True)
        if set(outer) != {"head", "signature"} or doc.get("format") != FORMAT:
            raise bad
        head = Head(**{k: doc[k] for k in Head.__dataclass_fields__})
        if set(doc) != set(_doc(head)) or not all(
            type(v) is t for v, t in ((head.entries, int), (head.last_id, int), (head.hash, str))
        ):
            raise bad
    except (PackageError, ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise bad from None
    return head, sig


def check(conn: Connection, data: bytes) -> Head:
    """The head in ``data``, once its signature is this central system's and the log
    still holds it: as many entries up to its last, that one with its hash."""
    head, sig = _read(data)
    bundle = keys.read_bundle(central_keys.public(conn).bundle)
    if head.central != bundle.fingerprint.hex or not signing.verify(
        bundle.signing_public, CONTEXT, canonical.dumps(_doc(head)), sig
    ):
        raise CheckFailed("The head's signature is not this central system's: it was not read.")
    count, held = conn.execute(
        text(
            "SELECT count(*), (SELECT hash FROM central.access_log WHERE id = :id) "
            "FROM central.access_log WHERE id <= :id"
        ),
        {"id": head.last_id},
    ).one()
    if count != head.entries or (held or "") != head.hash:
        raise CheckFailed(
            "The access log no longer holds the signed head of {at} (entry {n}): entries up "
            "to it were removed or rewritten.",
            at=head.at,
            n=head.last_id,
        )
    return head

"""Which blind deconfliction tokens went out (docs/package-format.md, section 7.7).

A source's tokens change without any of its records changing: a new key
(recomputed), a true identity recorded or changed after the source was sent. Each
package that carries a source records the SHA-256 of its ``deconfliction`` member
(``sent_tokens``); an export of everything new carries every source whose tokens
under the current key are not what went out last, with its registration as it is
(the version the receivers hold: it changes nothing there), so that central
matches the new tokens. ``keys deconfliction show`` says how many wait.

A source whose tokens are gone after some went out (its identity replaced by one
that gives no token) says so once: its member is ``[]`` (withdrawn) in the next
package that carries it, and central drops what it held of it. Until the current
key's tokens are all computed, a source without tokens says nothing (the member is
left out).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.dal.handed_over import handed_over
from app.errors import InvalidInput
from app.models import Source, wire
from app.models.packages import SentTokens
from app.services.exchange import package_records

digest = package_records.tokens_digest


def _sent(session: Session, source_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    out: dict[uuid.UUID, str] = {}
    for start in range(0, len(source_ids), 500):
        chunk = list(source_ids[start : start + 500])
        for source_id, sha in session.execute(
            select(SentTokens.source_id, SentTokens.sha256).where(SentTokens.source_id.in_(chunk))
        ):
            out[source_id] = sha
    return out


def waiting(session: Session, source_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """Of ``source_ids``, those whose tokens under the current key differ from
    what the last package that carried them sent (or that never sent any)."""
    now = package_records.source_tokens(session, source_ids)
    sent = _sent(session, list(now))
    return sorted(sid for sid, entries in now.items() if sent.get(sid) != digest(entries))


def refuse_withdrawal_waiting(session: Session, source_id: uuid.UUID) -> None:
    """A handover goes to the new runner and the handlers, and the old vault sends
    the source no more after it. Changed tokens reach central anyway (the new
    runner computes and sends its own), but a withdrawal would not: the new
    runner never sent the old tokens, so it has none to withdraw. It goes first."""
    if package_records.source_tokens(session, [source_id]).get(source_id) == []:
        raise InvalidInput(
            "The source's identity no longer gives the tokens that went to central: send "
            "everything new first, so that central drops them, then hand the source over."
        )


def waiting_count(session: Session) -> int:
    """How many sources this vault still sends (not handed over) have tokens that
    wait to be sent."""
    ids = list(
        session.connection()
        .execute(select(Source.id).where(Source.id.not_in(handed_over())))
        .scalars()
    )
    return len(waiting(session, ids))


def record(session: Session, package_id: uuid.UUID, sources: list[dict[str, Any]]) -> None:
    """The tokens each source of a package carried, as sent (in the write
    transaction that records the package; ``[]`` too: withdrawn). A source sent
    without the member keeps what was recorded before."""
    for source in sources:
        entries = source.get(wire.DECONFLICTION)
        if entries is None:
            continue
        session.merge(
            SentTokens(
                source_id=uuid.UUID(source["id"]), sha256=digest(entries), package_id=package_id
            )
        )

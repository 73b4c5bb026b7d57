"""Whom a handover package goes to: the new runner's key, named by its name or
fingerprint (only a key a person confirmed and did not retire), and the team's
handlers and, where confirmed, the central system (``handover``).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import PeerRole
from app.errors import InvalidInput, NoRecipient, NotFound
from app.models.packages import PackagePeer
from app.services.exchange import keys, packages


def new_runner(session: Session, wanted: str) -> PackagePeer:
    """The new runner's key, by its name or fingerprint; only a key a person
    confirmed by its fingerprint (and did not retire) qualifies."""
    text = wanted.strip()
    lowered = text.lower().replace(" ", "").replace(":", "")
    digits = keys.normalise_spoken(text)
    found = []
    for peer in session.execute(select(PackagePeer)).scalars():
        by_name = peer.name.casefold() == text.casefold()
        by_fp = len(lowered) >= 8 and peer.fingerprint.startswith(lowered)
        by_spoken = len(digits) >= 10 and keys.normalise_spoken(peer.spoken).startswith(digits)
        if by_name or by_fp or by_spoken:
            found.append(peer)
    if not found:
        raise NotFound(
            "No confirmed runner key by that name or fingerprint: import the new runner's key "
            "and compare its fingerprint with them first (keys import)."
        )
    if len(found) > 1:
        raise InvalidInput("More than one key matches; give more of the fingerprint.")
    peer = found[0]
    if peer.role is not PeerRole.RUNNER:
        raise InvalidInput("That key is not a runner's: a source is handed over to a runner.")
    if not peer.active:
        raise InvalidInput(
            "That runner's key was retired; import their current key and compare its "
            "fingerprint first."
        )
    return peer


def others(session: Session) -> list[PackagePeer]:
    """Every recipient of a handover besides the new runner: those of a package of
    debriefs (``packages.recipients``), of whom at least one handler. Central is
    among them where this vault confirmed its key: it then holds the source as the
    new runner's, and takes their packages naming it."""
    found = packages.recipients(session)
    if not any(p.role is PeerRole.HANDLER for p in found):
        raise NoRecipient(
            "No handler key is confirmed in this vault: import the team handler's key and "
            "compare its fingerprint first (keys import)."
        )
    return found

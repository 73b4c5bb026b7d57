"""Teams and the keys registered to them: a runner's or handler's key is taken in
only with the fingerprint its owner reads out, and belongs to one team."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.central.errors import AmbiguousTeam, CentralError, UnknownKey, UnknownTeam
from app.domain import names
from app.domain.enums import PeerRole
from app.domain.names import NameKind
from app.errors import InvalidInput
from app.services.exchange.keys import KeyBundle, normalise_spoken, refuse_unconfirmed

SENDER_ROLES = (PeerRole.RUNNER, PeerRole.HANDLER)


@dataclass(frozen=True)
class Registered:
    name: str
    role: str
    team: str
    fingerprint: str
    spoken: str
    new_team: bool


def team_name(text_in: str) -> str:
    # A team's name is shown beside codenames and cover names: the same rules.
    return names.clean(text_in, NameKind.COMPARTMENT)


def find(conn: Connection, name: str) -> tuple[int, str] | None:
    """The team named ``name`` whatever its case (names that differ only in case or
    width are one name, as a vault's are), among those this connection may see:
    its id and its name as stored.

    A store made before names were matched so may hold two teams whose names
    differ only in case (``Noord`` and ``noord``): they stay two teams, each found
    by its name exactly as stored; any other spelling is refused rather than
    guessed, so that a grant or a reading never goes to the wrong team."""
    clean = team_name(name)
    wanted = names.key(clean)
    alike = [
        (int(tid), str(stored))
        for tid, stored in conn.execute(text("SELECT id, name FROM central.teams ORDER BY id"))
        if names.key(stored) == wanted
    ]
    exact = [t for t in alike if t[1] == clean]
    if exact or len(alike) == 1:
        return (exact or alike)[0]
    if alike:
        raise AmbiguousTeam(
            "Teams {teams} differ only in case; name the team exactly as it is written.",
            teams=", ".join(stored for _tid, stored in alike),
        )
    return None


def shown_name(conn: Connection, tid: int) -> str:
    return str(
        conn.execute(text("SELECT name FROM central.teams WHERE id = :t"), {"t": tid}).scalar_one()
    )


def team_id(conn: Connection, name: str, *, create: bool = False) -> tuple[int, bool]:
    """The team's id, and whether it was made now."""
    clean = team_name(name)
    if create:
        # One maker at a time: "Noord" and "noord" at once are one team, not two.
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('central.teams'))"))
    found = find(conn, clean)
    if found is not None:
        return found[0], False
    if not create:
        raise UnknownTeam("There is no team named {name}.", name=clean)
    made = conn.execute(
        text(
            "INSERT INTO central.teams (name) VALUES (:n) ON CONFLICT (name) DO UPDATE "
            "SET name = excluded.name RETURNING id, (xmax = 0)"
        ),
        {"n": clean},
    ).one()
    return int(made[0]), bool(made[1])


def _refuse_unconfirmed(
    conn: Connection, bundle: KeyBundle, role: PeerRole, confirmed_spoken: str
) -> None:
    """A key is registered as what its owner read out, as its bundle says it is:
    the check a vault's keys import makes (format section 2), for a sender's key."""
    if role not in SENDER_ROLES:
        raise InvalidInput("A key is registered here as a runner's or a handler's.")
    own = conn.execute(text("SELECT fingerprint FROM central.keys")).scalar_one_or_none()
    if own == bundle.fingerprint.hex:
        # Said before the role check, which would refuse it as a central's bundle.
        raise InvalidInput("That is the central system's own key.")
    refuse_unconfirmed(bundle, role, confirmed_spoken)


def register(
    conn: Connection,
    bundle: KeyBundle,
    *,
    role: PeerRole,
    team: str,
    confirmed_spoken: str,
    by: str,
    name: str | None = None,
) -> Registered:
    _refuse_unconfirmed(conn, bundle, role, confirmed_spoken)
    fp = bundle.fingerprint
    key_name = names.clean(name or bundle.name, NameKind.KEY)
    tid, new_team = team_id(conn, team, create=True)
    held = conn.execute(
        text(
            "SELECT s.team_id, t.name, s.role FROM central.senders s JOIN central.teams t "
            "ON t.id = s.team_id WHERE s.fingerprint = :fp"
        ),
        {"fp": fp.hex},
    ).first()
    if held is not None and held[0] != tid:
        # Moving a key between teams would hand its past packages to the new team.
        raise CentralError(
            "This key is registered to team {team}; a key belongs to one team.", team=held[1]
        )
    if held is not None and held[2] != role.value:
        # A runner's key made a handler's would be sent the unit's deconfliction key,
        # and its own packages refused from then on.
        if held[2] == PeerRole.HANDLER.value:
            raise CentralError("This key is registered as a handler's key; a key keeps its role.")
        raise CentralError("This key is registered as a runner's key; a key keeps its role.")
    for other, other_name in conn.execute(
        text(
            "SELECT fingerprint, name FROM central.senders "
            "WHERE team_id = :t AND fingerprint <> :fp"
        ),
        {"t": tid, "fp": fp.hex},
    ):
        if names.key(other_name) == names.key(key_name):
            # Receipts and status name a key by it: two of one name cannot be told apart.
            raise CentralError(
                "Team {team} already has a key named {name} (fingerprint {other}…); give this "
                "one another name with --name.",
                team=shown_name(conn, tid),
                name=other_name,
                other=other[:8],
            )
    conn.execute(
        text(
            "INSERT INTO central.senders (fingerprint, team_id, role, name, signing_public, "
            "recipient_public, spoken, added_by) VALUES (:fp, :team, :role, :name, :sp, :rp, "
            ":spoken, :by) ON CONFLICT (fingerprint) DO UPDATE SET active = true, "
            "role = excluded.role, name = excluded.name, revoked_at = NULL, revoked_by = NULL"
        ),
        {
            "fp": fp.hex,
            "team": tid,
            "role": role.value,
            "name": key_name,
            "sp": bundle.signing_public,
            "rp": bundle.recipient_public,
            "spoken": fp.spoken,
            "by": by,
        },
    )
    return Registered(key_name, role.value, shown_name(conn, tid), fp.hex, fp.spoken, new_team)


@dataclass(frozen=True)
class Revoked:
    name: str
    role: str
    team: str
    fingerprint: str
    was_active: bool


def revoke_key(conn: Connection, fingerprint: str, *, by: str) -> Revoked:
    """Make a registered key inactive (never removed: its packages stay its own):
    ingest refuses what it signs from now on. Written to the access log."""
    wanted = re.sub(r"[\s:]", "", fingerprint).lower()
    spoken = normalise_spoken(fingerprint)
    # Only the named key's row is held: an ingest storing a package of it holds that
    # row (FOR SHARE) to its commit, so the two are ordered; other keys' ingests
    # and revokes go on. Its state is read again once the row is held.
    row = conn.execute(
        text(
            "SELECT s.fingerprint, s.name, s.role, t.name, s.active "
            "FROM central.senders s JOIN central.teams t ON t.id = s.team_id "
            "WHERE s.fingerprint = :hex "
            "OR regexp_replace(s.spoken, '[^0-9]', '', 'g') = :spoken FOR UPDATE OF s"
        ),
        {"hex": wanted, "spoken": spoken if len(spoken) >= 20 else None},
    ).first()
    if row is None:
        raise UnknownKey(
            "No registered key has that fingerprint (the 64 hex digits of keys list, or the "
            "spoken fingerprint in full)."
        )
    fp, key_name, role, team, active = row
    # Its first revocation's time and name stay (a second one changes nothing).
    conn.execute(
        text(
            "UPDATE central.senders SET active = false, revoked_at = now(), "
            "revoked_by = :by WHERE fingerprint = :fp AND active"
        ),
        {"fp": fp, "by": by},
    )
    _log(conn, who=by, what=f"revoke key {fp} ({role} {key_name})", team=team)
    return Revoked(key_name, role, team, fp, bool(active))


def _log(conn: Connection, *, who: str, what: str, team: str) -> None:
    conn.execute(
        text("INSERT INTO central.access_log (at, who, what, why, team, prev_hash, hash, id) "
             "VALUES (now(), :who, :what, 'key revoked', :team, '', '', 0)"),
        {"who": who, "what": what, "team": team},
    )  # fmt: skip

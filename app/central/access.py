"""Who may read which team: staff are PostgreSQL roles, granted per team; the
database's row-level security policies (schema migration c0001) decide what a
role sees, not the Python that asks. Every read by a person is written first to
the append-only, hash-chained access log (who, what, when, why)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from app.central import teams
from app.central.errors import CentralError, NotAuthorised
from app.domain.one_line import shown
from app.errors import InvalidInput

# What a staff role may SELECT; row-level security (or the view's own condition)
# filters every one by team.
READABLE = (
    "teams",
    "team_grants",
    "packages",
    "package_files",
    "sources",
    "debriefs",
    "debrief_versions",
    "record_versions",
    "audit_events",
    "handovers",  # which source went from which runner's key to which (c0021)
    "match_states",  # a view: the other team's source, reasons and staff masked (c0015)
    "debrief_facts",
    "item_grades",
    "grade_codes",
)
_ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_RESERVED = ("veldboek_admin", "postgres", "public")
MAX_REASON = 500
# The reason of a read when none is given (--reason is optional on the commands
# as they are spelled out), kept as such rather than a made-up purpose.
NO_REASON = "(no reason given)"


def role_name(name: str) -> str:
    """A staff role's name: plain lower-case letters, digits and underscores, so it
    is the same identifier quoted or not."""
    if not _ROLE.fullmatch(name) or name.startswith("pg_") or name in _RESERVED:
        raise InvalidInput(
            "A staff user is named with lower-case letters, digits and underscores "
            "(not pg_…, postgres or the administrator)."
        )
    return name


def plain(text_in: str) -> bool:
    """Whether ``text_in`` holds no control character (an escape sequence would
    act on the terminal of whoever reads the access log) and is valid text."""
    return shown(text_in) == text_in


def reason_text(reason: str) -> str:
    clean = " ".join(reason.split())
    if not plain(clean):
        raise InvalidInput(
            "A reason cannot hold control characters (escape sequences): the access log "
            "keeps it as typed."
        )
    if not clean:
        raise InvalidInput("Say why you read this (--reason): the access log keeps it.")
    if len(clean) > MAX_REASON:
        raise InvalidInput("A reason holds at most {n} characters.", n=MAX_REASON)
    return clean


def by_text(by: str) -> str:
    """Who grants or revokes (``--by``), as the access log keeps it."""
    if not plain(by):
        raise InvalidInput("--by cannot hold control characters (escape sequences).")
    return by


def os_user() -> str:
    """Who grants or revokes when ``--by`` is not given: the operating-system user
    who ran the command, marked as such (``os:NAME``), never a placeholder. Its
    real uid's name: not $USER or $LOGNAME (getpass reads those first), which
    whoever runs the command sets as they like."""
    if not hasattr(os, "getuid"):
        return "os:unknown"
    uid = os.getuid()
    try:
        import pwd  # POSIX only; the central system runs on a Linux server

        return by_text(f"os:{pwd.getpwuid(uid).pw_name}")
    except (ImportError, KeyError, InvalidInput):  # a uid without a (plain) name
        return f"os:uid {uid}"


@dataclass(frozen=True)
class Grant:
    user: str
    team: str
    created_role: bool
    # Teams a dropped role of the same name had been granted: taken away, not
    # handed to this role (the grants keep the role's OID, c0013_grant_role_oids).
    stale_teams: tuple[str, ...] = ()


def _role(conn: Connection, name: str) -> tuple[bool, bool] | None:
    """(superuser or bypasses row-level security, can log in), or None if absent."""
    row = conn.execute(
        text("SELECT rolsuper OR rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = :n"),
        {"n": name},
    ).first()
    return None if row is None else (bool(row[0]), bool(row[1]))


def refuse_as_staff(conn: Connection, name: str) -> bool:
    """Refuse a role that row-level security does not bind (a superuser, BYPASSRLS,
    a member of the tables' owner) or that a login can act as: at ``grant`` and at
    every read, whatever was done to the role since its grant. False: no such role."""
    found = _role(conn, name)
    if found is None:
        return False
    if found[0]:
        raise CentralError(
            "The role {user} is a superuser or bypasses row-level security; staff need "
            "a plain role.",
            user=name,
        )
    refuse_logins(conn, name)
    return True


def _stale_grants(conn: Connection, name: str) -> tuple[str, ...]:
    """Remove the grants kept under ``name`` for a role that no longer exists (one
    dropped, whose name a new role now holds): its teams, by name."""
    gone = conn.execute(
        text(
            "DELETE FROM central.team_grants g USING central.teams t WHERE t.id = g.team_id "
            "AND g.role_name = :r AND g.role_oid IS DISTINCT FROM "
            "(SELECT oid FROM pg_roles WHERE rolname = :r) RETURNING t.name"
        ),
        {"r": name},
    ).scalars()
    return tuple(sorted(gone))


def grant(conn: Connection, *, team: str, user: str, by: str) -> Grant:
    """Let the role ``user`` read ``team`` (made NOLOGIN if new)."""
    name = role_name(user)
    by_text(by)
    tid, _new = teams.team_id(conn, team)
    existed = refuse_as_staff(conn, name)
    if not existed:
        conn.execute(text(f'CREATE ROLE "{name}" NOLOGIN NOINHERIT'))
    stale = _stale_grants(conn, name)
    if stale:
        log(conn, who=by, what=f"revoke {name} teams {', '.join(stale)} (a dropped role's)",
            why="grant to a new role of that name")  # fmt: skip
    is_super = conn.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if not is_super:
        # The administrator reads on a person's behalf by SET ROLE: it needs membership.
        conn.execute(text(f'GRANT "{name}" TO CURRENT_USER'))
    conn.execute(text(f'GRANT USAGE ON SCHEMA central TO "{name}"'))
    tables = ", ".join(f"central.{t}" for t in READABLE)
    conn.execute(text(f'GRANT SELECT ON {tables} TO "{name}"'))
    conn.execute(
        text(
            "INSERT INTO central.team_grants (team_id, role_name, granted_by) VALUES (:t, :r, :b) "
            "ON CONFLICT DO NOTHING"
        ),
        {"t": tid, "r": name, "b": by},
    )
    shown_team = teams.shown_name(conn, tid)
    log(conn, who=by, what=f"grant {name} team {shown_team}", why="grant", team=shown_team)
    return Grant(name, shown_team, not existed, stale)


def revoke(conn: Connection, *, team: str, user: str, by: str) -> bool:
    """Take the team away from the role; with no team left, its table rights too.
    False: it had no grant for that team."""
    name = role_name(user)
    by_text(by)
    tid, _new = teams.team_id(conn, team)
    gone = conn.execute(
        text("DELETE FROM central.team_grants WHERE team_id = :t AND role_name = :r"),
        {"t": tid, "r": name},
    ).rowcount
    left = conn.execute(
        text("SELECT count(*) FROM central.team_grants WHERE role_name = :r"), {"r": name}
    ).scalar_one()
    if not left and _role(conn, name) is not None:
        tables = ", ".join(f"central.{t}" for t in READABLE)
        conn.execute(text(f'REVOKE SELECT ON {tables} FROM "{name}"'))  # noqa: S608
        conn.execute(text(f'REVOKE USAGE ON SCHEMA central FROM "{name}"'))
    shown_team = teams.shown_name(conn, tid)
    log(conn, who=by, what=f"revoke {name} team {shown_team}", why="revoke", team=shown_team)
    return bool(gone)


@dataclass(frozen=True)
class Held:
    team: str
    user: str
    granted_at: str
    granted_by: str
    # "": in force; "no role": its role is gone; "another role": made for another
    # role of that name (one dropped and made again, or of another cluster before a
    # restore): it matches nobody.
    void: str


def grants(conn: Connection) -> list[Held]:
    """Who may read which team, as the administrator sees every grant."""
    rows = conn.execute(
        text(
            "SELECT t.name, g.role_name, to_char(g.granted_at AT TIME ZONE 'UTC', "
            '\'YYYY-MM-DD"T"HH24:MI:SS"Z"\'), g.granted_by, CASE WHEN r.oid IS NULL '
            "THEN 'no role' WHEN r.oid IS DISTINCT FROM g.role_oid THEN 'another role' "
            "ELSE '' END FROM central.team_grants g JOIN central.teams t ON t.id = g.team_id "
            "LEFT JOIN pg_roles r ON r.rolname = g.role_name ORDER BY t.name, g.role_name"
        )
    ).all()
    return [Held(*(str(v) for v in r)) for r in rows]


def log(conn: Connection, *, who: str, what: str, why: str, team: str = "") -> int:
    """One entry of the access log; the database fills in the time, number and hash.
    Its number."""
    return int(conn.execute(
        text("INSERT INTO central.access_log (at, who, what, why, team, prev_hash, hash, id) "
             "VALUES (now(), :who, :what, :why, :team, '', '', 0) RETURNING id"),
        {"who": who, "what": what, "why": why, "team": team},
    ).scalar_one())  # fmt: skip


# Who can act as a role: itself and its members, through any depth of membership.
_ACTING_LOGINS = """
WITH RECURSIVE acting(oid) AS (
    SELECT oid FROM pg_roles WHERE rolname = :n
    UNION
    SELECT m.member FROM pg_auth_members m JOIN acting a ON m.roleid = a.oid
)
SELECT r.rolname FROM acting a JOIN pg_roles r ON r.oid = a.oid
WHERE r.rolcanlogin AND NOT r.rolsuper AND r.rolname <> current_user
ORDER BY r.rolname LIMIT 1
"""


def refuse_logins(conn: Connection, name: str) -> None:
    """Refuse a staff role that holds the tables' owner's rights (row-level security
    does not bind the owner), or that a login can act as (itself, or a role it is
    granted to), the administrator apart: its reads there would miss the access log, and a
    query of its own (EXPLAIN ANALYZE) counts index entries a policy later hides
    (docs/security.md, "Staff read through the commands only")."""
    owner = conn.execute(
        text(
            "SELECT tableowner FROM pg_tables WHERE schemaname = 'central' "
            "AND tablename = 'debrief_versions' AND pg_has_role(:n, tableowner, 'MEMBER')"
        ),
        {"n": name},
    ).scalar_one_or_none()
    if owner is not None:
        # The tables' owner (and whoever holds its rights) is not bound by the policies.
        raise CentralError(
            "The role {user} holds the rights of the tables' owner ({owner}), which "
            "row-level security does not bind; staff need a plain role.",
            user=name,
            owner=owner,
        )
    login = conn.execute(text(_ACTING_LOGINS), {"n": name}).scalar_one_or_none()
    if login == name:
        raise CentralError(
            "The role {user} can log in to the database itself: its reads there would "
            "bypass the access log. Staff read through veldboek central search|show only; "
            "make the role NOLOGIN (ALTER ROLE … NOLOGIN) or choose another name.",
            user=name,
        )
    if login is not None:
        raise CentralError(
            "The role {user} is granted to {login}, which logs in to the database itself "
            "and could read as {user} around the access log; revoke it (REVOKE {user} "
            "FROM {login}) first.",
            user=name,
            login=login,
        )


def become(conn: Connection, user: str) -> None:
    """Read as ``user`` until the transaction ends (SET LOCAL ROLE): from here on
    row-level security applies. A role a login could act as is refused."""
    name = role_name(user)
    if not refuse_as_staff(conn, name):
        # Says who can change it: the reader cannot grant themselves a team.
        raise NotAuthorised(
            "{user} has no access to the central store: no team is granted to {user} "
            "(an administrator grants one: veldboek central grant --team NAME --user {user}).",
            user=name,
        )
    held, valid = conn.execute(
        text(
            "SELECT count(*), count(*) FILTER (WHERE g.role_oid = r.oid) "
            "FROM central.team_grants g JOIN pg_roles r ON r.rolname = g.role_name "
            "WHERE g.role_name = :n"
        ),
        {"n": name},
    ).one()
    if held and not valid:
        # Every grant under the name is void (VOID in ``grants``): say so, not "no matches".
        raise NotAuthorised(
            "{user}'s grant was made for another role of that name (a restore from another "
            "cluster, or a role dropped and made again): grant it again (central grant).",
            user=name,
        )
    conn.execute(text(f'SET LOCAL ROLE "{name}"'))


def entries(conn: Connection, *, limit: int, who: str | None = None) -> list[dict[str, object]]:
    """The access log, newest first: who read what, when and why (the administrator
    reads it; a team's staff are not granted it)."""
    rows = conn.execute(
        text(
            "SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
            "who, what, why, team FROM central.access_log "
            "WHERE CAST(:who AS text) IS NULL OR who = :who ORDER BY id DESC LIMIT :limit"
        ),
        {"who": who, "limit": limit},
    ).all()
    return [
        {"id": r[0], "at": r[1], "who": r[2], "what": r[3], "why": r[4], "team": r[5]} for r in rows
    ]


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    broken_at: int | None


def verify_log(conn: Connection) -> ChainCheck:
    """Recompute every entry's hash from its fields and the entry before."""
    prev = ""
    n = 0
    for row in conn.execute(
        text(
            "SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), who, "
            "what, why, team, prev_hash, hash FROM central.access_log ORDER BY id"
        )
    ):
        n += 1
        fields = [row[0], row[1], row[2], row[3], row[4], row[5], prev]
        digest = hashlib.sha256(_pg_json(fields).encode("utf-8")).hexdigest()
        if row[6] != prev or row[7] != digest:
            return ChainCheck(n, int(row[0]))
        prev = row[7]
    return ChainCheck(n, None)


def _pg_json(values: list[object]) -> str:
    """json_build_array(...)::text as PostgreSQL writes it: ``[1, "a", "b"]``."""
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"

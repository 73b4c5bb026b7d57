"""Reading the central store as a person: search, show, status. Every read runs
as the person's own database role (``access.as_user``), so what comes back is
what the row-level security policies let through, and is logged first."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from app.central import access, deconfliction_match, evidence, key_list, teams
from app.central.errors import NotAuthorised
from app.central.store import Store, database_error, sqlstate
from app.domain.one_line import shown
from app.domain.text import counted
from app.errors import InvalidInput, NotFound, VeldboekError
from app.export import gaps

# As in the app (app/services/records/search.py): the newest WINDOW matches are ranked,
# never every match of a common word.
WINDOW = 1000
MAX_RESULTS = 500
MAX_LOGGED = 1000  # characters of a refused attempt's words or reason in the access log
_QUERY = (
    "(websearch_to_tsquery('pg_catalog.dutch', :q) "
    "|| websearch_to_tsquery('pg_catalog.english', :q))"
)


# Planned for the words searched, never from a cached generic plan: whether the
# full-text index or a team's newest versions are read first depends on how common
# the words are (PostgreSQL's statistics of the vectors).
CUSTOM_PLAN = "SET LOCAL plan_cache_mode = force_custom_plan"

# The newest WINDOW matching versions, of which those that are their debrief's
# newest version are shown. Matched through the full-text index, and, for the few
# versions whose vector the indexer has not filled yet (``search_index``), by
# computing it here with the same function: the same hits either way. Each team
# the reader may see (``teams`` under row-level security, ``team_filter`` "" or a
# fixed condition on it) is searched on its own, newest first through its
# (team_id, updated_at) index, so a common word stops after WINDOW rows; a rare
# word is found through the full-text index (usable under the policy since
# c0006_search_rls). "ORDER BY team_id, updated_at" is the index's order: with
# one team it is the order by date, and PostgreSQL sees that it needs no sort.
SEARCH_SQL = f"""
    WITH q AS MATERIALIZED (SELECT {_QUERY} AS query),
    matched AS (
        SELECT m.* FROM central.teams g CROSS JOIN LATERAL (
            (SELECT v.debrief_id, v.version, v.team_id, v.source_id, v.status, v.updated_at,
                    v.package_id, v.search
             FROM central.debrief_versions v
             WHERE v.team_id = g.id AND v.search @@ {_QUERY}
             ORDER BY v.team_id, v.updated_at DESC LIMIT :window)
            UNION ALL
            (SELECT v.debrief_id, v.version, v.team_id, v.source_id, v.status, v.updated_at,
                    v.package_id, central.search_vector(v.body)
             FROM central.debrief_versions v
             WHERE v.team_id = g.id AND v.search IS NULL
                   AND central.search_vector(v.body) @@ {_QUERY}
             ORDER BY v.team_id, v.updated_at DESC LIMIT :window)
        ) m
        WHERE true {{team_filter}}
    ),
    window_ AS (SELECT * FROM matched ORDER BY updated_at DESC LIMIT :window)
    SELECT w.debrief_id, w.version, t.name, s.codename, w.status,
           to_char(w.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           ts_rank(w.search, (SELECT query FROM q)), w.package_id, w.source_id
    FROM window_ w
    JOIN central.debriefs d ON d.id = w.debrief_id AND d.latest = w.version
    JOIN central.teams t ON t.id = w.team_id
    LEFT JOIN central.sources s ON s.id = w.source_id
    ORDER BY w.updated_at DESC, w.debrief_id
    LIMIT :limit
"""  # noqa: S608  (team_filter: a fixed condition)


@dataclass
class Outcome:
    """What came of a read, for its second entry in the access log: the caller sets
    it once the rows are read (``text``: "shown: debrief ID v1 v2", "3 hits …"
    naming every record shown by id and version, never its text; ``team``: the
    teams of what was shown)."""

    text: str = "done"
    team: str = ""


def _refusal(exc: BaseException) -> str:
    if isinstance(exc, NotFound):
        return "nothing found"
    if isinstance(exc, VeldboekError):
        return f"refused: {exc}"
    return f"failed: {type(exc).__name__}"


@contextmanager
def _reading(
    store: Store,
    user: str | None,
    *,
    what: str,
    why: str,
    team: str = "",
    outcome: Outcome | None = None,
    who: str = "",
) -> Iterator[Connection]:
    """Read as ``user``, logged twice: the attempt, committed on its own before the
    read (a crash or a kill during the read still leaves it), and what came of it
    (``#N what: outcome``, the teams in ``team``): in the read's own transaction
    after the rows are read, as the administrator, so the read is not returned
    without it; a refusal or "nothing found", on its own after the read's rollback.
    Without ``user``: the administrator's connection reads (logged as ``who``)."""
    who, reason = access.role_name(user) if user else who, access.reason_text(why)
    with store.begin() as conn:
        entry = access.log(conn, who=who, what=what, why=reason, team=team)
    came = outcome or Outcome()
    try:
        with store.begin() as conn:
            if user is not None:
                access.become(conn, user)
            yield conn
            conn.execute(text("RESET ROLE"))
            access.log(conn, who=who, what=f"#{entry} {what}: {came.text}", why=reason,
                       team=came.team)  # fmt: skip
    except Exception as exc:
        refused: Exception = exc
        # A role whose table rights were revoked (no team left) is refused by the
        # database itself.
        if database_error(exc) and sqlstate(exc) == "42501":
            refused = NotAuthorised(
                "{user} has no access to the central store: no team is granted to {user} "
                "(an administrator grants one: veldboek central grant --team NAME --user {user}).",
                user=who,
            )
        with contextlib.suppress(Exception), store.begin() as conn:
            # The database gone: the first entry stands alone (no outcome: not read).
            access.log(conn, who=who, what=f"#{entry} {what}: {_refusal(refused)}", why=reason)
        if refused is exc:
            raise
        raise refused from None


@contextmanager
def _checked(store: Store, user: str, *, what: str, why: str) -> Iterator[None]:
    """The command's own checks (the user's name, the reason, the words): one that
    refuses is logged too, every field as typed with control characters escaped
    (``\\x1b``), and the refusal; never the read, which does not happen."""
    try:
        yield
    except InvalidInput as exc:
        typed = shown(what)
        if len(typed) > MAX_LOGGED:
            typed = typed[:MAX_LOGGED] + "…"
        with contextlib.suppress(Exception), store.begin() as conn:
            access.log(conn, who=shown(user)[:100], what=f"{typed}: refused: {exc}",
                       why=shown(why)[:MAX_LOGGED])  # fmt: skip
        raise


@dataclass(frozen=True)
class Hit:
    debrief_id: uuid.UUID
    version: int
    team: str
    codename: str | None
    status: str
    updated_at: str
    rank: float
    package_id: uuid.UUID
    source_id: uuid.UUID | None = None  # for ``central show source``


def search(
    store: Store, query: str, *, user: str, why: str, team: str | None = None, limit: int = 50
) -> list[Hit]:
    words = " ".join(query.split())
    asked = f"search {query}" + (f" team {team}" if team else "")
    with _checked(store, user, what=asked, why=why):
        access.role_name(user)
        access.reason_text(why)
        if team:
            teams.team_name(team)  # kept in the log's team field: never raw control characters
        if not words:
            raise InvalidInput("Type at least one word to search for.")
        if not 1 <= limit <= MAX_RESULTS:
            raise InvalidInput("--limit must be between 1 and {n}.", n=MAX_RESULTS)
        if not access.plain(words):
            raise InvalidInput("Search words cannot hold control characters (escape sequences).")
    team_filter = "AND g.id = :team" if team else ""
    sql = SEARCH_SQL.format(team_filter=team_filter)
    came = Outcome()
    with _reading(
        store, user, what=f"search {words}", why=why, team=team or "", outcome=came
    ) as conn:
        # Whatever its case; among the reader's teams (another team's is no team).
        found = teams.find(conn, team) if team else None
        if team and found is None:
            came.text = "no hits (no such team among those granted)"
            return []
        conn.execute(text(CUSTOM_PLAN))
        rows = conn.execute(
            text(sql),
            {"q": words, "team": found and found[0], "window": WINDOW, "limit": limit},
        ).all()
        came.text, came.team = _hits_outcome([(str(r[2]), f"{r[0]} v{r[1]}") for r in rows])
    return [
        Hit(r[0], r[1], r[2], r[3], r[4], r[5], round(float(r[6]), 6), r[7], r[8]) for r in rows
    ]


def _hits_outcome(hits: list[tuple[str, str]]) -> tuple[str, str]:
    """How many hits, in which teams, and which (``id vN``; never their text):
    the outcome and its team."""
    if not hits:
        return "no hits", ""
    listed, hit_teams = by_team(hits)
    return f"{counted(len(hits), 'hit')} {listed}", hit_teams


def by_team(shown_records: list[tuple[str, str]]) -> tuple[str, str]:
    """The records a read showed, as (team, ``id`` or ``id vN``), for its outcome:
    ``(Noord 2, Zuid 1): Noord A v2, B v1; Zuid C v3`` (in the order shown within a
    team), so who saw which record can be told later; and the teams, for ``team``."""
    per: dict[str, list[str]] = {}
    for team, record in shown_records:
        per.setdefault(team, []).append(record)
    tally = ", ".join(f"{t} {len(per[t])}" for t in sorted(per))
    named = "; ".join(f"{t} {', '.join(per[t])}" for t in sorted(per))
    return f"({tally}): {named}", ", ".join(sorted(per))


def _utc(column: str) -> str:
    """A timestamptz as the format's time text, in SQL (``column`` is a fixed name)."""
    return f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"


def _package(r: Any) -> dict[str, Any]:
    """The package a record came in: (id, sequence, received_at, sha256, file name)."""
    return {
        "id": str(r[0]),
        "sequence": r[1],
        "received_at": r[2],
        "file_sha256": r[3],
        "file_name": r[4],
    }


def _versions(conn: Connection, debrief_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = conn.execute(
        text(
            f"SELECT v.version, v.status, {_utc('v.updated_at')}, v.sha256, v.data, "  # noqa: S608
            f"p.id, p.sequence, {_utc('p.received_at')}, p.sha256, p.file_name "
            "FROM central.debrief_versions v JOIN central.packages p ON p.id = v.package_id "
            "WHERE v.debrief_id = :d ORDER BY v.version"
        ),
        {"d": debrief_id},
    ).all()
    return [
        {
            "version": r[0],
            "status": r[1],
            "updated_at": r[2],
            "record_sha256": r[3],
            "intact": evidence.intact(r[4], r[3]),
            "data": r[4],
            "package": _package(r[5:10]),
        }
        for r in rows
    ]


def show(store: Store, kind: str, record_id: uuid.UUID, *, user: str, why: str) -> dict[str, Any]:
    """``_show``, with ``altered``: the versions whose stored JSON does not hash as
    their package said (changed in the store since: ``intact`` false on each)."""
    found = _show(store, kind, record_id, user=user, why=why)
    found["altered"] = evidence.altered_in(found)
    return found


def _head(
    conn: Connection, sql: str, record_id: uuid.UUID, record: str, *, user: str, came: Outcome
) -> Any:
    """The record's row (its team's name second), which the outcome names; another
    team's record is "not found", as one that does not exist."""
    head = conn.execute(text(sql), {"id": record_id}).first()
    if head is None:
        raise NotFound("No such {record} in the teams granted to {user}.", record=record, user=user)
    came.team = head[1]
    return head


def _debrief(conn: Connection, record_id: uuid.UUID, *, user: str, came: Outcome) -> dict[str, Any]:
    head = _head(
        conn,
        "SELECT d.id, t.name, d.source_id, s.codename, d.latest FROM central.debriefs d "
        "JOIN central.teams t ON t.id = d.team_id "
        "LEFT JOIN central.sources s ON s.id = d.source_id WHERE d.id = :id",
        record_id,
        "debrief",
        user=user,
        came=came,
    )
    return {
        "debrief_id": str(head[0]),
        "team": head[1],
        "source_id": str(head[2]),
        "codename": head[3],
        "latest": head[4],
        "versions": _versions(conn, record_id),
    }


def _show(store: Store, kind: str, record_id: uuid.UUID, *, user: str, why: str) -> dict[str, Any]:
    """A whole file: a debrief with every version and the package each came in, or a
    source with its debriefs. Another team's record is "not found", as one that
    does not exist: its existence is not told."""
    with _checked(store, user, what=f"show {kind} {record_id}", why=why):
        access.role_name(user)
        access.reason_text(why)
        if kind not in ("debrief", "source"):
            raise InvalidInput("Show a source or a debrief.")
    came = Outcome("shown")
    with _reading(store, user, what=f"show {kind} {record_id}", why=why, outcome=came) as conn:
        if kind == "debrief":
            found = _debrief(conn, record_id, user=user, came=came)
            came.text = _shown(found)
            return found
        head = _head(
            conn,
            "SELECT s.id, t.name, s.codename, s.kind, s.status, s.compartment, "
            "s.first_package, s.last_package, s.sender FROM central.sources s "
            "JOIN central.teams t ON t.id = s.team_id WHERE s.id = :id",
            record_id,
            "source",
            user=user,
            came=came,
        )
        ids = conn.execute(
            text("SELECT id FROM central.debriefs WHERE source_id = :id ORDER BY updated_at DESC"),
            {"id": record_id},
        ).scalars()
        found = {
            "source_id": str(head[0]),
            "team": head[1],
            "codename": head[2],
            "kind": head[3],
            "status": head[4],
            "compartment": head[5],
            "first_package": str(head[6]),
            "last_package": str(head[7]),
            # Whose key holds it here (a handover moves it: "handovers", oldest first).
            "runner": head[8],
            "handovers": _handovers(conn, record_id),
            "debriefs": [{"debrief_id": str(d), "versions": _versions(conn, d)} for d in list(ids)],
            # The rest of the source's file (format 3): every version, its package.
            "file": [
                {
                    "type": r[0],
                    "id": str(r[1]),
                    "version": r[2],
                    "record_sha256": r[3],
                    "intact": evidence.intact(r[4], r[3]),
                    "data": r[4],
                    "package": {"id": str(r[5]), "sequence": r[6]},
                }
                for r in conn.execute(
                    text(
                        "SELECT r.record_type, r.record_id, r.version, r.sha256, r.data, p.id, "
                        "p.sequence FROM central.record_versions r JOIN central.packages p "
                        "ON p.id = r.package_id WHERE r.source_id = :id "
                        "ORDER BY r.record_type, r.record_id, r.version"
                    ),
                    {"id": record_id},
                )
            ],
        }
        came.text = _shown(found)
        return found


def _handovers(conn: Connection, source_id: uuid.UUID) -> list[dict[str, Any]]:
    """The source's handovers stored here, oldest first, each with its package."""
    rows = conn.execute(
        text(
            f"SELECT h.from_sender, h.to_sender, h.identity, {_utc('h.created_at')}, "  # noqa: S608
            f"p.id, p.sequence, {_utc('p.received_at')}, p.sha256, p.file_name "
            "FROM central.handovers h JOIN central.packages p ON p.id = h.package_id "
            "WHERE h.source_id = :s ORDER BY h.created_at, p.received_at"
        ),
        {"s": source_id},
    ).all()
    return [
        {
            "from_runner": r[0],
            "to_runner": r[1],
            "identity_sealed": r[2],  # sealed to the new runner: kept in the file only
            "created_at": r[3],
            "package": _package(r[4:9]),
        }
        for r in rows
    ]


def _shown(found: dict[str, Any]) -> str:
    """What ``show`` showed, for its outcome: every record and version by id
    (``shown: debrief A v1 v2, contact B v1``), never their text."""
    debriefs = found.get("debriefs", [found])
    named = [
        f"debrief {d['debrief_id']} " + " ".join(f"v{v['version']}" for v in d["versions"])
        for d in debriefs
    ]
    versions: dict[tuple[str, str], list[str]] = {}
    for r in found.get("file", []):
        versions.setdefault((r["type"], r["id"]), []).append(f"v{r['version']}")
    named += [f"{kind} {rid} {' '.join(v)}" for (kind, rid), v in versions.items()]
    return "shown: " + ", ".join(named) if named else "shown"


def _channel(
    team: str, sender: str, channel: str, numbers: list[int], last: str, fingerprint: str
) -> dict[str, Any]:
    """A channel's state: the numbers below the highest held that never arrived as
    [first, last] ranges (a sender may number far above the last held: never listed
    one by one), and as text."""
    missing = gaps.missing(numbers, max(numbers))
    return {
        "team": team,
        "sender": sender,
        "sender_fingerprint": fingerprint,
        "channel": channel,
        "last_sequence": max(numbers),
        "last_received": last,
        "missing": [list(r) for r in missing],
        "missing_text": gaps.text(missing),
    }


def status(store: Store) -> dict[str, Any]:
    """For the data officer: packages per team, the last package of every channel,
    the gaps, the refusals. Counts and numbers only, no content."""
    with store.connect() as conn:
        per_team = conn.execute(
            text(
                "SELECT t.name, count(p.id), coalesce(sum(p.records), 0), "  # noqa: S608
                f"{_utc('max(p.received_at)')}, (SELECT count(*) FROM central.debriefs d "
                "WHERE d.team_id = t.id) FROM central.teams t "
                "LEFT JOIN central.packages p ON p.team_id = t.id GROUP BY t.id, t.name "
                "ORDER BY t.name"
            )
        ).all()
        channels = conn.execute(
            text(
                "SELECT t.name, s.name, p.channel, array_agg(p.sequence ORDER BY p.sequence), "  # noqa: S608
                f"{_utc('max(p.received_at)')}, s.fingerprint FROM central.packages p "
                "JOIN central.senders s ON s.fingerprint = p.sender "
                "JOIN central.teams t ON t.id = p.team_id GROUP BY 1, 2, 3, 6 ORDER BY 1, 2, 6, 3"
            )
        ).all()
        refusals = conn.execute(
            text("SELECT reason, count(*) FROM central.refusals GROUP BY 1 ORDER BY 1")
        ).all()
        # with whose key signed each (``key_list``), and which channels' keys are revoked
        recent, gone = key_list.recent_refusals(conn), key_list.revoked(conn)
        deconfliction = deconfliction_match.status(conn)
    return {
        "teams": [
            # records: as the packages carried them (debriefs and records of the
            # sources' files, every version); debriefs: those the store holds.
            {
                "team": r[0],
                "packages": r[1],
                "records": int(r[2]),
                "debriefs": int(r[4]),
                "last_received": r[3],
            }
            for r in per_team
        ],
        "channels": [
            {
                **_channel(r[0], r[1], r[2], list(r[3]), r[4], r[5]),
                "sender_revoked_at": gone.get(r[5]),
            }
            for r in channels
        ],
        "refusals": {r[0]: r[1] for r in refusals},
        "recent_refusals": recent,
        "deconfliction": deconfliction,
    }

"""Blind deconfliction at the central system: the tokens a package brings are
stored (a source's tokens under a key replaced whole by a newer package), and
matched in PostgreSQL, set-based: a self-join of the tokens on (key_id, token)
under the current key, each pair of sources and kind one match, never deleted.
Within a team too: the same person registered twice.

Tokens under a key this system does not hold are not stored and not matched;
they are counted for ``central status``. Tokens under a retired key stay stored
(until the source's tokens under the current key arrive, which removes them) but
are matched no more. A source whose member is ``[]`` (its identity gives no token
now) has every token held of it removed (``_withdraw``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, text

from app.central.deconfliction_keys import current_id
from app.export import deconfliction
from app.models import wire

MATCH_LOCK = 7419302  # pg_advisory_xact_lock key (the access log's chain uses 7419301)

# Pairs of sources sharing a token (kind bound in the token; compared anyway),
# source_a < source_b with each source's team.
_PAIRS = """
    SELECT DISTINCT a.kind, a.key_id,
        CASE WHEN a.source_id < b.source_id THEN a.team_id ELSE b.team_id END AS team_a,
        least(a.source_id, b.source_id) AS source_a,
        CASE WHEN a.source_id < b.source_id THEN b.team_id ELSE a.team_id END AS team_b,
        greatest(a.source_id, b.source_id) AS source_b
    FROM central.deconfliction_tokens a
    JOIN central.deconfliction_tokens b
      ON b.key_id = a.key_id AND b.token = a.token AND b.kind = a.kind {join}
    WHERE a.key_id = :key {where}
"""
_INSERT = """
    INSERT INTO central.deconfliction_matches (id, kind, key_id, team_a, source_a, team_b, source_b)
    SELECT gen_random_uuid(), kind, key_id, team_a, source_a, team_b, source_b
    FROM ({pairs}) AS pairs
    ON CONFLICT (source_a, source_b, kind) DO NOTHING
"""
# Every pair once: the smaller source on the left.
_ALL = _INSERT.format(pairs=_PAIRS.format(join="AND a.source_id < b.source_id", where=""))
# Only pairs with a source the package touched (either side).
_TOUCHED = _INSERT.format(
    pairs=_PAIRS.format(
        join="AND b.source_id <> a.source_id", where="AND a.source_id = ANY(CAST(:ids AS uuid[]))"
    )
)


def match(conn: Connection, source_ids: list[str] | None = None) -> int:
    """New matches under the current key (of ``source_ids`` only, or of every
    source: ``deconflict --rescan``); how many were opened."""
    key = current_id(conn)
    if key is None or source_ids == []:
        return 0
    if source_ids is None:
        conn.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": MATCH_LOCK})
        return int(conn.execute(text(_ALL), {"key": key}).rowcount)
    return int(conn.execute(text(_TOUCHED), {"key": key, "ids": source_ids}).rowcount)


def store_tokens(
    conn: Connection,
    sources: list[dict[str, Any]],
    *,
    team_id: int,
    sender: str,
    package_id: str,
    created_at: str,
) -> list[str]:
    """Store the ``deconfliction`` tokens of a package's sources; the ids of the
    sources whose tokens were stored (to match)."""
    by_key: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(dict)
    withdrawn: list[str] = []
    for s in sources:
        if wire.DECONFLICTION not in s:
            continue  # says nothing: what the store holds stays
        entries = deconfliction.check_tokens(s[wire.DECONFLICTION])
        if not entries:
            withdrawn.append(s["id"])
        for key_id, kind, token in entries:
            by_key[key_id].setdefault(s["id"], []).append((kind, token))
    if not by_key and not withdrawn:
        return []
    # One ingest storing and matching tokens at a time, until it commits: two
    # packages bringing the two sides of a match at the same moment would each
    # miss the other's uncommitted tokens.
    conn.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": MATCH_LOCK})
    if withdrawn:
        _withdraw(conn, withdrawn, package_id, created_at)
    known = set(
        conn.execute(
            text("SELECT key_id FROM central.deconfliction_keys WHERE key_id = ANY(:ids)"),
            {"ids": list(by_key)},
        ).scalars()
    )
    stored: list[str] = []
    for key_id, per_source in sorted(by_key.items()):
        if key_id not in known:
            conn.execute(
                text(
                    "INSERT INTO central.deconfliction_unknown (package_id, key_id, team_id, "
                    "sources, tokens) VALUES (:p, :k, :t, :s, :n)"
                ),
                {
                    "p": package_id,
                    "k": key_id,
                    "t": team_id,
                    "s": len(per_source),
                    "n": sum(len(v) for v in per_source.values()),
                },
            )
            continue
        stored += _replace(conn, key_id, per_source, team_id, sender, package_id, created_at)
    return stored


def _replace(
    conn: Connection,
    key_id: str,
    per_source: dict[str, list[tuple[str, str]]],
    team_id: int,
    sender: str,
    package_id: str,
    created_at: str,
) -> list[str]:
    # A package made before one whose tokens are held (under any key: a late
    # package under a retired key too), or before the one that withdrew them
    # (it arrived late), does not replace them.
    newer = set(
        str(s)
        for s in conn.execute(
            text(
                "SELECT t.source_id FROM central.deconfliction_tokens t "
                "JOIN central.packages p ON p.id = t.package_id "
                "WHERE t.source_id = ANY(CAST(:ids AS uuid[])) "
                "AND p.created_at > CAST(:at AS timestamptz) "
                "UNION SELECT source_id FROM central.deconfliction_withdrawn "
                "WHERE source_id = ANY(CAST(:ids AS uuid[])) "
                "AND created_at > CAST(:at AS timestamptz)"
            ),
            {"ids": list(per_source), "at": created_at},
        ).scalars()
    )
    ids = sorted(s for s in per_source if s not in newer)
    if not ids:
        return []
    conn.execute(
        text(
            "DELETE FROM central.deconfliction_tokens "
            "WHERE key_id = :k AND source_id = ANY(CAST(:ids AS uuid[]))"
        ),
        {"k": key_id, "ids": ids},
    )
    if key_id == current_id(conn):
        # Recomputed under the current key: the source's tokens under retired keys
        # go, so a retired key (stolen or not) covers ever fewer stored tokens.
        conn.execute(
            text(
                "DELETE FROM central.deconfliction_tokens "
                "WHERE key_id <> :k AND source_id = ANY(CAST(:ids AS uuid[]))"
            ),
            {"k": key_id, "ids": ids},
        )
    rows = [(s, kind, bytes.fromhex(token)) for s in ids for kind, token in per_source[s]]
    conn.execute(
        text(
            "INSERT INTO central.deconfliction_tokens "
            "(source_id, key_id, kind, token, team_id, sender, package_id) "
            "SELECT s, :k, kind, token, :team, :sender, :pkg FROM unnest("
            "CAST(:s AS uuid[]), CAST(:kinds AS text[]), CAST(:tokens AS bytea[])) "
            "AS x(s, kind, token)"
        ),
        {
            "k": key_id,
            "team": team_id,
            "sender": sender,
            "pkg": package_id,
            "s": [r[0] for r in rows],
            "kinds": [r[1] for r in rows],
            "tokens": [r[2] for r in rows],
        },
    )
    return ids


def _withdraw(conn: Connection, ids: list[str], package_id: str, created_at: str) -> None:
    """The sources ``ids`` give no token any more (their identity was replaced by
    one that gives none): every token held of them that came in a package made no
    later than this one goes, under every key (a token of a package made after it
    stays). Matches already opened stay (they are never deleted; each team
    decides on its own)."""
    conn.execute(
        text(
            "DELETE FROM central.deconfliction_tokens t USING central.packages p "
            "WHERE p.id = t.package_id AND t.source_id = ANY(CAST(:ids AS uuid[])) "
            "AND p.created_at <= CAST(:at AS timestamptz)"
        ),
        {"ids": ids, "at": created_at},
    )
    conn.execute(
        text(
            "INSERT INTO central.deconfliction_withdrawn (source_id, package_id, created_at) "
            "SELECT x, :p, CAST(:at AS timestamptz) FROM unnest(CAST(:ids AS uuid[])) AS x "
            "ON CONFLICT (source_id) DO UPDATE SET package_id = excluded.package_id, "
            "created_at = excluded.created_at "
            "WHERE central.deconfliction_withdrawn.created_at < excluded.created_at"
        ),
        {"ids": ids, "p": package_id, "at": created_at},
    )


def status(conn: Connection) -> dict[str, Any]:
    """Counts for ``central status``: the current key, tokens stored, matches, and
    tokens under keys this system does not know."""
    key = current_id(conn)
    counts = conn.execute(
        text(
            "SELECT count(*) FILTER (WHERE key_id = :k), count(DISTINCT source_id) "
            "FILTER (WHERE key_id = :k), count(*) FILTER (WHERE key_id IS DISTINCT FROM :k) "
            "FROM central.deconfliction_tokens"
        ),
        {"k": key},
    ).one()
    matches = conn.execute(
        text(
            # Open: not yet decided by at least one of its teams (decided per team).
            "SELECT count(DISTINCT match_id), count(DISTINCT match_id) FILTER "
            "(WHERE status = 'open') FROM central.match_states"
        )
    ).one()
    unknown = conn.execute(
        text(
            "SELECT u.key_id, t.name, count(*), sum(u.sources), sum(u.tokens) "
            "FROM central.deconfliction_unknown u JOIN central.teams t ON t.id = u.team_id "
            "GROUP BY 1, 2 ORDER BY 1, 2"
        )
    ).all()
    return {
        "current_key": key or "",
        "tokens": int(counts[0]),
        "sources": int(counts[1]),
        "tokens_under_retired_keys": int(counts[2]),
        "matches": int(matches[0]),
        "open_matches": int(matches[1]),
        "unknown_keys": [
            {
                "key_id": r[0],
                "team": r[1],
                "packages": int(r[2]),
                "sources": int(r[3]),
                "tokens": int(r[4]),
            }
            for r in unknown
        ],
    }

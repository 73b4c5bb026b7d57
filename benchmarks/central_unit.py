"""A unit's central store generated straight into PostgreSQL with COPY, for
``benchmarks.central``: 50 teams, 1,000 runners (keys of their own), and as many
debriefs as asked, each with its search vector already filled (as the indexer
leaves a store), the vector made here from the lexemes PostgreSQL gives each word
and checked against ``central.search_vector`` on a sample."""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import text

from app.central.store import Store
from app.crypto import age, signing

TEAMS, RUNNERS = 50, 1000
WORDS = (
    "woning", "woningen", "kade", "haven", "bestelbus", "loods", "transport", "zending",
    "contact", "ontmoeting", "harbour", "shipment", "van", "warehouse", "meeting", "payment",
    "garage", "courier", "storage", "route", "vergadering", "betaling", "opslag", "koerier",
    "garage", "route", "nacht", "ochtend", "auto", "schip",
)  # fmt: skip
BODY_WORDS = 60


def copy(store: Store, sql: str, rows: Any) -> None:
    with store.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy(sql) as out:
            for row in rows:
                out.write_row(row)


def make_unit(store: Store) -> list[tuple[int, str]]:
    """50 teams, 1,000 runners; (team, fingerprint) per runner."""
    runners: list[tuple[int, str]] = []
    with store.begin() as conn:
        for t in range(TEAMS):
            conn.execute(
                text("INSERT INTO central.teams (name) VALUES (:n)"), {"n": f"Team {t:02d}"}
            )
        ids = list(conn.execute(text("SELECT id FROM central.teams ORDER BY id")).scalars())
    rows = []
    for r in range(RUNNERS):
        sk, seed = signing.new_signing_key(), age.new_identity()
        sp, rp = signing.signing_public(sk), age.public_key(seed)
        fp = signing.fingerprint(sp, rp)
        team = ids[r % TEAMS]
        runners.append((team, fp.hex))
        rows.append((fp.hex, team, "runner", f"Runner {r}", sp, rp, fp.spoken, "bench"))
    copy(
        store,
        "COPY central.senders (fingerprint, team_id, role, name, signing_public, "
        "recipient_public, spoken, added_by) FROM STDIN",
        rows,
    )
    return runners


class Vectors:
    """``central.search_vector(body)`` for bodies of ``WORDS``, made in Python."""

    def __init__(self, store: Store) -> None:
        self.lexemes: dict[str, dict[str, str | None]] = {}
        with store.connect() as conn:
            for config in ("dutch", "english"):
                for word in set(WORDS):
                    found = conn.execute(
                        text("SELECT tsvector_to_array(to_tsvector(CAST(:c AS regconfig), :w))"),
                        {"c": f"pg_catalog.{config}", "w": word},
                    ).scalar_one()
                    self.lexemes.setdefault(config, {})[word] = found[0] if found else None

    def literal(self, words: list[str]) -> str:
        """``to_tsvector(dutch) || to_tsvector(english)``: the second vector's
        positions follow the first's highest."""
        positions: dict[str, list[int]] = {}
        offset = 0
        for config in ("dutch", "english"):
            top = 0
            for n, word in enumerate(words, start=1):
                lexeme = self.lexemes[config][word]
                if lexeme is not None:
                    positions.setdefault(lexeme, []).append(n + offset)
                    top = n
            offset += top
        return " ".join(
            f"'{lex}':{','.join(map(str, sorted(p)))}" for lex, p in sorted(positions.items())
        )

    def check(self, store: Store, rng: random.Random) -> None:
        with store.connect() as conn:
            for _ in range(50):
                words = [rng.choice(WORDS) for _ in range(BODY_WORDS)]
                same = conn.execute(
                    text("SELECT central.search_vector(:b) = CAST(:v AS tsvector)"),
                    {"b": " ".join(words), "v": self.literal(words)},
                ).scalar_one()
                if not same:
                    raise AssertionError("generated vectors differ from central.search_vector")


# A debrief's status and record JSON for its id and day (benchmarks/central_management.py
# gives real ones; the search benchmark needs none).
DebriefData = Callable[[random.Random, str, str], tuple[str, str]]


def _no_data(_rng: random.Random, _did: str, _day: str) -> tuple[str, str]:
    return "submitted", "{}"


def grow(
    store: Store,
    runners: list[tuple[int, str]],
    count: int,
    batch: int,
    rng: random.Random,
    vectors: Vectors,
    *,
    data: DebriefData = _no_data,
    words: int = BODY_WORDS,
) -> float:
    """``count`` more debriefs (one package row per runner per batch); COPY seconds.
    ``data`` makes each one's status and JSON; ``words``: the searchable text's length."""
    seconds = 0.0
    done = 0
    while done < count:
        n = min(100_000, count - done)
        per_runner = max(1, n // RUNNERS)
        pkgs, sources, debriefs, versions = [], [], [], []
        for r, (team, fp) in enumerate(runners):
            pid, sid = str(uuid.uuid4()), str(uuid.uuid4())
            made = "2026-12-01T00:00:00Z"
            pkgs.append((pid, uuid.uuid4().hex * 2, team, fp, fp, batch, "", "debriefs", made,
                         "bench", 1, per_runner, 0, "new", "{}"))  # fmt: skip
            sources.append(
                (sid, team, fp, sid, "c", f"BRON-{batch}-{r}", "informant", "active", pid, pid)
            )
            for _ in range(per_runner):
                did = str(uuid.uuid4())
                day = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T12:00:00Z"
                body = [rng.choice(WORDS) for _ in range(words)]
                status, record = data(rng, did, day)
                debriefs.append((did, team, fp, sid, 1, day))
                versions.append((did, 1, team, sid, pid, "0" * 64, status, day, record,
                                 " ".join(body), vectors.literal(body)))  # fmt: skip
        started = time.perf_counter()
        copy(
            store,
            "COPY central.packages (id, sha256, team_id, sender, channel, sequence, "
            "previous, kind, created_at, file_name, size, records, audit_events, arrival, "
            "manifest) FROM STDIN",
            pkgs,
        )
        copy(store, "COPY central.sources FROM STDIN", sources)
        copy(store, "COPY central.debriefs FROM STDIN", debriefs)
        copy(
            store,
            "COPY central.debrief_versions (debrief_id, version, team_id, source_id, "
            "package_id, sha256, status, updated_at, data, body, search) FROM STDIN",
            versions,
        )
        seconds += time.perf_counter() - started
        done += len(versions)
        batch += 1
    # At rest, as a store in service is between loads: vacuumed and analysed (by
    # autovacuum) and its pages written out (a checkpoint). Otherwise the vacuum
    # and the checkpoint that a bulk load of gigabytes sets off run beside what is
    # measured next, and take its CPU.
    with store.connect() as conn:
        auto = conn.execution_options(isolation_level="AUTOCOMMIT")
        auto.execute(text("VACUUM ANALYZE"))
        auto.execute(text("CHECKPOINT"))
    return seconds

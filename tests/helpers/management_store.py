"""A central store filled row by row for the management report's tests: teams,
one runner each, sources with codenames, debrief versions as packages carry
them (JSON with contact, items, submission and approval), payments, risk
assessments and registrations, packages and deconfliction matches. Every name
it writes is in ``SECRETS``: none of them may reach a report."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text

# Everything that names a person or a source in the store, and a token.
SECRETS = (
    "KWARTSNOORD",
    "ROBIJNZUID",
    "Runner Valkenier",
    "Runner Uiltje",
    "Dirk Bakker",
    "ANKERPLAATS",
    "geheime verslagtekst",
    "f00dfacecafe",
)
TOKEN = bytes.fromhex("f00dfacecafe" + "00" * 26)


def at(day: str, hour: int = 12) -> str:
    return f"{day}T{hour:02d}:00:00Z"


@dataclass
class Debrief:
    status: str
    submitted: str | None = None  # day
    reviewed: str | None = None  # day
    contact: str | None = None  # day
    items: tuple[tuple[str, str, str, str], ...] = ()  # scheme, se, ia, handling

    def data(self, did: str, sid: str) -> dict[str, Any]:
        return {
            "id": did,
            "source_id": sid,
            "status": self.status,
            "narrative": "geheime verslagtekst",
            "submitted_at": at(self.submitted) if self.submitted else None,
            "reviewed_at": at(self.reviewed, 15) if self.reviewed else None,
            "author": "Runner Valkenier",
            "contact": (
                {
                    "occurred_at": at(self.contact, 20),
                    "location_codeword": "ANKERPLAATS",
                    "attendees": ["Runner Valkenier"],
                }
                if self.contact
                else None
            ),
            "items": [
                {
                    "position": n,
                    "scheme": g[0],
                    "source_evaluation": g[1],
                    "intelligence_assessment": g[2],
                    "handling_code": g[3],
                    "text": "Dirk Bakker",
                    "subjects": [{"kind": "person", "name": "Dirk Bakker"}],
                }
                for n, g in enumerate(self.items)
            ],
        }


@dataclass
class Team:
    name: str
    codename: str
    runner: str
    debriefs: list[Debrief] = field(default_factory=list)
    # day, cents, source no. (in euros), or with a currency as the fourth
    payments: list[tuple[str, int, int] | tuple[str, int, int, str]] = field(default_factory=list)
    sources: list[tuple[str, str]] = field(default_factory=list)  # kind, status
    risk_reviews: list[str | None] = field(default_factory=list)  # per source: review day
    arrivals: list[tuple[str, str]] = field(default_factory=list)  # day, new|gap|late


def _copy(conn: Connection, sql: str, rows: list[tuple[Any, ...]]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def fill(conn: Connection, teams: list[Team]) -> dict[str, int]:
    """Write ``teams`` into the store; their ids by name."""
    ids: dict[str, int] = {}
    for n, team in enumerate(teams):
        tid = int(
            conn.execute(
                text("INSERT INTO central.teams (name) VALUES (:n) RETURNING id"), {"n": team.name}
            ).scalar_one()
        )
        ids[team.name] = tid
        fp = f"{n:02d}" + "ab" * 31
        conn.execute(
            text(
                "INSERT INTO central.senders (fingerprint, team_id, role, name, signing_public, "
                "recipient_public, spoken, added_by) VALUES (:fp, :t, 'runner', :name, '', '', "
                "'', 'test')"
            ),
            {"fp": fp, "t": tid, "name": team.runner},
        )
        arrivals = team.arrivals or [("2026-01-01", "new")]
        pids = []
        for k, (day, arrival) in enumerate(arrivals):
            pid = str(uuid.uuid4())
            pids.append(pid)
            conn.execute(
                text(
                    "INSERT INTO central.packages (id, sha256, team_id, sender, channel, sequence, "
                    "previous, kind, created_at, received_at, file_name, size, records, "
                    "audit_events, arrival, manifest) VALUES (:id, :sha, :t, :fp, :fp, :seq, '', "
                    "'debriefs', :at, :at, 'p.age', 1, 1, 0, :arrival, '{}')"
                ),
                {
                    "id": pid,
                    "sha": uuid.uuid4().hex * 2,
                    "t": tid,
                    "fp": fp,
                    "seq": k + 1,
                    "at": at(day),
                    "arrival": arrival,
                },
            )
        pid = pids[0]
        sources = team.sources or [("informant", "active")]
        sids = [str(uuid.uuid4()) for _ in sources]
        _copy(
            conn,
            "COPY central.sources FROM STDIN",
            [
                (sid, tid, fp, sid, "Dossier", f"{team.codename}{k}", kind, status, pid, pid)
                for k, (sid, (kind, status)) in enumerate(zip(sids, sources, strict=True))
            ],
        )
        versions = []
        for d in team.debriefs:
            did = str(uuid.uuid4())
            body = json.dumps(d.data(did, sids[0]))
            versions.append(
                (
                    did,
                    1,
                    tid,
                    sids[0],
                    pid,
                    "0" * 64,
                    d.status,
                    at("2026-01-01"),
                    body,
                    "geheime verslagtekst",
                )
            )
        _copy(
            conn,
            "COPY central.debrief_versions (debrief_id, version, team_id, source_id, "
            "package_id, sha256, status, updated_at, data, body) FROM STDIN",
            versions,
        )
        records = []
        for day, cents, source, *currency in team.payments:
            rid = str(uuid.uuid4())
            sid = sids[source % len(sids)]
            data = {
                "id": rid,
                "source_id": sid,
                "kind": "reward",
                "amount_cents": cents,
                "currency": currency[0] if currency else "EUR",
                "occurred_on": day,
                "reason": "geheime verslagtekst",
                "witness": "Runner Uiltje",
            }
            records.append(("payment", rid, 1, tid, fp, sid, pid, "0" * 64, json.dumps(data)))
        for sid, review in zip(sids, team.risk_reviews, strict=False):
            if review is None:
                continue
            rid = str(uuid.uuid4())
            data = {
                "id": rid,
                "source_id": sid,
                "assessed_at": at("2026-01-02"),
                "review_on": review,
                "level": "high",
                "threats": "Dirk Bakker",
            }
            records.append(
                ("risk_assessment", rid, 1, tid, fp, sid, pid, "0" * 64, json.dumps(data))
            )
        _copy(
            conn,
            "COPY central.record_versions (record_type, record_id, version, team_id, "
            "sender, source_id, package_id, sha256, data) FROM STDIN",
            records,
        )
    return ids


def match(
    conn: Connection, team_a: int, team_b: int, opened: str, resolved: str | None = None
) -> None:
    """A deconfliction match between a new source of each team (and its token)."""
    conn.execute(
        text(
            "INSERT INTO central.deconfliction_keys (key_id, params, sealed) VALUES "
            "('k1', '{}', '') ON CONFLICT DO NOTHING"
        )
    )
    a, b = sorted((str(uuid.uuid4()), str(uuid.uuid4())))
    mid = str(uuid.uuid4())
    conn.execute(
        text(
            "INSERT INTO central.deconfliction_matches (id, kind, key_id, team_a, source_a, "
            "team_b, source_b, opened_at) VALUES (:id, 'phone', 'k1', :ta, :a, :tb, :b, :opened)"
        ),
        {"id": mid, "ta": team_a, "a": a, "tb": team_b, "b": b, "opened": at(opened)},
    )
    if resolved:  # decided by both teams (a user granted both)
        conn.execute(
            text(
                "INSERT INTO central.deconfliction_decisions (match_id, at, decided_by, "
                "resolution, why, teams) VALUES (:id, :at, 'Runner Uiltje', 'same', 'w', "
                "CAST(:teams AS integer[]))"
            ),
            {"id": mid, "at": at(resolved), "teams": sorted({team_a, team_b})},
        )


def day(text_: str) -> date:
    return date.fromisoformat(text_)


def moment(text_: str) -> datetime:
    return datetime.fromisoformat(at(text_))

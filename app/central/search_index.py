"""The search vectors of stored debrief versions, filled after the package that
brought them was committed (migration c0005_search).

Computing Dutch and English vectors is most of the cost of storing a debrief
(about 0.4 ms of the server's CPU each, measured), so ingest does not
wait for it: a version is stored with no vector, and ``index_pending`` fills the
vectors in batches of its own transactions, after each ingest (``central
ingest``, ``central watch``). Search does not depend on it: a version without a
vector yet is matched by computing its vector as search runs (``reading``), with
the same SQL function, so the results are the same before and after.

Several indexers may run at once (several watchers): each batch takes rows no
other batch holds (``SKIP LOCKED``), and a vector is written only once (the
table's trigger refuses a second write).
"""

from __future__ import annotations

from sqlalchemy import text

from app.central.store import Store

BATCH = 1000

_INDEX = text(
    "UPDATE central.debrief_versions v SET search = central.search_vector(v.body) "
    "FROM (SELECT debrief_id, version FROM central.debrief_versions WHERE search IS NULL "
    "      LIMIT :batch FOR UPDATE SKIP LOCKED) w "
    "WHERE v.debrief_id = w.debrief_id AND v.version = w.version"
)


def index_pending(store: Store, *, batch: int = BATCH) -> int:
    """Fill every missing search vector (those another indexer holds are left to
    it); how many were filled."""
    done = 0
    while True:
        with store.begin() as conn:
            filled = conn.execute(_INDEX, {"batch": batch}).rowcount
        done += filled
        if filled < batch:
            return done


def pending(store: Store) -> int:
    """How many stored versions have no search vector yet."""
    with store.connect() as conn:
        return int(
            conn.execute(
                text("SELECT count(*) FROM central.debrief_versions WHERE search IS NULL")
            ).scalar_one()
        )

"""Search vectors filled after the commit (migration c0005_search): a debrief is
found as soon as its package is stored, the same before and after the indexer
filled its vector; the vector is written once, the rest of the version never."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.central import access, central_keys, ingest, reading, search_index, store
from app.central.errors import DatabaseUnavailable
from app.central.place import Place
from app.central.schema import migrate
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run, scalar
from tests.helpers.central_fleet import Fleet


def _hits(s: store.Store, words: str) -> list[tuple[str, int, float]]:
    found = reading.search(s, words, user="anna", why="test", limit=500)
    return [(str(h.debrief_id), h.version, h.rank) for h in found]


def test_a_stored_debrief_is_found_before_and_after_its_vector_is_filled(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place, fleet.noord)
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            access.grant(conn, team="Noord", user="anna", by="test")
            keys = central_keys.unlock(conn, PASSPHRASE)
        first, *rest = fleet.noord.files
        ingest.ingest_file(s, keys, first)
        waiting = search_index.pending(s)
        assert waiting > 0  # stored, not indexed yet
        before = {w: _hits(s, w) for w in ("woning", "narrative", "kade")}
        assert [h[0] for h in before["woning"]] == [fleet.revised]
        assert before["narrative"]

        assert search_index.index_pending(s, batch=2) == waiting
        assert search_index.pending(s) == 0
        assert {w: _hits(s, w) for w in before} == before

        # The command makes what it stored searchable through the index itself.
        passfile = tmp_path / "pass"
        passfile.write_text(PASSPHRASE)
        assert central_place.url is not None
        done = run(
            capsys, "central", "ingest", *map(str, rest), "--db", central_place.url,
            "--passphrase-file", str(passfile),
        )  # fmt: skip
        assert done.code == 0, done.err
        assert search_index.pending(s) == 0
        assert _hits(s, "woning")[0][:2] == (fleet.revised, 2)
    finally:
        s.close()


def _refused(s: store.Store, sql: str) -> None:
    with pytest.raises(DBAPIError, match="append-only"), s.begin() as conn:
        conn.execute(text(sql))


def test_only_the_search_vector_of_a_version_is_written_and_only_once(
    central_place: Place, fleet: Fleet
) -> None:
    fleet.register(central_place, fleet.noord)
    s = store.Store(central_place)
    try:
        with s.connect() as conn:
            keys = central_keys.unlock(conn, PASSPHRASE)
        ingest.ingest_file(s, keys, fleet.noord.files[0])
        _refused(s, "UPDATE central.debrief_versions SET body = 'x'")
        _refused(s, "UPDATE central.debrief_versions SET status = 'x', search = NULL")
        _refused(s, "DELETE FROM central.debrief_versions")
        search_index.index_pending(s)
        _refused(s, "UPDATE central.debrief_versions SET search = to_tsvector('x')")
        with s.connect() as conn:
            wrong = conn.execute(
                text(
                    "SELECT count(*) FROM central.debrief_versions "
                    "WHERE search IS DISTINCT FROM central.search_vector(body)"
                )
            ).scalar_one()
        assert wrong == 0
    finally:
        s.close()


def _compression(s: store.Store) -> str:
    return str(
        scalar(
            s,
            "SELECT attcompression FROM pg_attribute WHERE attname = 'data' "
            "AND attrelid = 'central.debrief_versions'::regclass",
        )
    )


def test_c0003_goes_down_and_up_with_the_vectors_kept(central_place: Place, fleet: Fleet) -> None:
    fleet.register(central_place, fleet.noord)
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            access.grant(conn, team="Noord", user="anna", by="test")
            keys = central_keys.unlock(conn, PASSPHRASE)
        for path in fleet.noord.files[:2]:
            ingest.ingest_file(s, keys, path)
        search_index.index_pending(s, batch=3)
        ingest.ingest_file(s, keys, fleet.noord.files[2])  # this one not indexed
        before = _hits(s, "narrative")
        migrate.downgrade(s.engine, "c0004_management")
        with s.connect() as conn:
            generated = conn.execute(
                text(
                    "SELECT is_generated FROM information_schema.columns WHERE "
                    "table_schema = 'central' AND table_name = 'debrief_versions' "
                    "AND column_name = 'search'"
                )
            ).scalar_one()
        assert generated == "ALWAYS"  # as before c0005: every version has its vector
        assert _compression(s) == ""  # the server's default again
        migrate.upgrade(s.engine)
        assert search_index.pending(s) == 0
        assert _hits(s, "narrative") == before
        assert _compression(s) == "l"  # lz4 (Debian's PostgreSQL has it)
    finally:
        s.close()


def test_ingest_reports_what_it_stored_when_the_vectors_cannot_be_filled(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fleet.register(central_place, fleet.noord)

    def gone(_store: store.Store) -> int:
        raise DatabaseUnavailable("The central database is not reachable.")

    monkeypatch.setattr(search_index, "index_pending", gone)
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    assert central_place.url is not None
    done = run(
        capsys, "central", "ingest", str(fleet.noord.files[0]), "--db", central_place.url,
        "--passphrase-file", str(passfile),
    )  # fmt: skip
    assert done.code == 0
    assert "stored package" in done.out
    # Debriefs counted apart from the records of the sources' files it carried.
    counted = re.search(r", (\d+) debriefs? and (\d+) records? of source files,", done.out)
    assert counted is not None
    assert int(counted[1]) > 0
    assert int(counted[2]) > 0
    assert done.err.startswith("veldboek: warning: search vectors not filled yet:")
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            access.grant(conn, team="Noord", user="anna", by="test")
        assert [h[0] for h in _hits(s, "woning")] == [fleet.revised]  # found all the same
    finally:
        s.close()

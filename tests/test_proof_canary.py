"""Proof: no plaintext of vault content reaches the disk outside the encrypted
database: not in temp files, not in the data or config folders, not in logs.

A child process writes unique markers through the services (sources, sealed
identities, debriefs, items, subjects, addenda), runs full-text queries and a
sort larger than the page cache, locks the vault; then every file it could have
touched is scanned. SQLite deletes its temp files as soon as it opens them, so the
child also reads every file it holds open (/proc/self/fd, deleted ones included),
all the time and at fixed points mid-query; a second run with temp_store forced to
FILE in that child alone proves this scan does see a spill.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import os, stat, sys, threading
    from pathlib import Path
    from app.services.admin import aliases
    from app.services.records import debriefs, identity, search, sources
    from app.services.records.debriefs import DebriefContent
    from app.services.views import IdentityFields
    from app.vault import engine as vault_engine
    from app.vault.vault import Vault
    from tests.helpers import factory

    marker, root = sys.argv[1], Path(sys.argv[2])
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.lower().encode()]

    if os.environ.get("CANARY_TEST_TEMP_STORE") == "FILE":
        # The detector's self-check only: this child alone makes SQLite spill to
        # temp files, to prove the scan below would see such a spill.
        _connect = vault_engine.connect_raw
        def _connect_spilling(*args, **kwargs):
            conn = _connect(*args, **kwargs)
            conn.execute("PRAGMA temp_store = FILE")
            return conn
        vault_engine.connect_raw = _connect_spilling

    # SQLite unlinks its temp files right after opening them, so no folder scan can
    # see them; every file this process holds open (deleted or not) is read instead.
    hits, seen, scans = set(), {}, [0]
    def scan_fds(where):
        scans[0] += 1
        for name in os.listdir("/proc/self/fd"):
            if int(name) <= 2:
                continue
            path = f"/proc/self/fd/{name}"
            try:
                st = os.stat(path)
                if not stat.S_ISREG(st.st_mode):
                    continue
                target = os.readlink(path)
                key = (st.st_ino, st.st_size, st.st_mtime_ns)
                if seen.get(target) == key:
                    continue
                with open(path, "rb") as handle:
                    data = handle.read()
            except (OSError, ValueError):
                continue  # closed meanwhile
            seen[target] = key
            if any(needle in data for needle in needles):
                hits.add(f"{where}: {target}")

    stop = threading.Event()
    def watch():
        while not stop.wait(0.002):
            scan_fds("while working")
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()

    factory.make_vault(root)
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        sid = factory.source(vault, scope, "CANARY", motivation=marker + " motivation")
        identity.record_identity(vault, scope, sid, IdentityFields(
            full_name=marker + " identity", phone_numbers=(marker + "-phone",)))
        filler = " ".join(f"{marker}{i:05d} padding text for a large sort" for i in range(400))
        for n in range(60):
            did = factory.debrief(vault, scope, sid, narrative=f"{marker} narrative {n} " + filler,
                                  items=(factory.graded_item(f"{marker} item {n}"),), submit=True)
            debriefs.add_addendum(vault, scope, did, f"{marker} addendum {n}")
        assert len(search.search(vault, scope, marker, limit=500)) > 100
        assert search.search(vault, scope, marker[:12] + "*", limit=10)
        scan_fds("after the searches")
        with vault.read() as session:
            conn = session.connection()
            cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            page = conn.exec_driver_sql("PRAGMA page_size").scalar()
            cache_bytes = -cache * 1024 if cache < 0 else cache * page
            # Every narrative sixty times over: a sort far larger than the page cache.
            result = conn.exec_driver_sql(
                "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 60) "
                "SELECT narrative || k.i || id FROM debrief, k ORDER BY 1 DESC")
            first = result.fetchone()  # the sort is complete and the cursor still open
            scan_fds("during the large sort")
            rows = [first, *result.fetchall()]
            assert len(rows) == 60 * 60
            sorted_bytes = sum(len(row[0].encode()) for row in rows)
            assert sorted_bytes > 2 * cache_bytes, (sorted_bytes, cache_bytes)
            fts = conn.exec_driver_sql(
                "SELECT rowid, snippet(search_fts, -1, '[', ']', '', 8) FROM search_fts "
                "WHERE search_fts MATCH ? ORDER BY rank", ('"' + marker + '"*',))
            assert fts.fetchone()
            scan_fds("during a full-text query")
            assert len(fts.fetchall()) > 100
        listing = debriefs.list_debriefs(vault, scope)
        assert len(listing.rows) == 60
        identity.reveal_identity(vault, scope, sid, passphrase=factory.PASSPHRASE,
                                 reason="canary test")
        scan_fds("after the reveal")
    stop.set()
    watcher.join()
    scan_fds("after locking")
    print("FD-SCANS", scans[0])
    for hit in sorted(hits):
        print("FD-HIT", hit)
    print("done")
    """
)


def _hits(folder: Path, needles: list[bytes], since: float = 0.0) -> list[str]:
    """Every file under ``folder`` holding a needle, of those changed at or after
    ``since`` (the marker is made for the run: an older file cannot hold it; the
    shared temp folder of a busy machine holds gigabytes of other files). os.walk,
    not rglob: other tests (other workers) remove their folders there while it
    runs, and rglob fails on a folder gone mid-walk."""
    found: list[str] = []
    every = (Path(top, name) for top, _dirs, files in os.walk(folder) for name in files)
    for path in every:
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_mtime < since:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        found.extend(f"{path}" for needle in needles if needle in data)
    return found


def _run_child(tmp_path: Path, marker: str, **extra_env: str) -> tuple[str, list[Path], float]:
    """Runs the child; its output, the places to scan and when it started (less a
    second, for file systems that keep coarse times)."""
    started = time.time() - 1.0
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    vault = tmp_path / "vault"
    env = dict(
        os.environ,
        VELDBOEK_HOME=str(home),
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        TMPDIR=str(tmp),
        SQLITE_TMPDIR=str(tmp),
        TEMP=str(tmp),
        TMP=str(tmp),
    )
    env.pop("CANARY_TEST_TEMP_STORE", None)
    env.update(extra_env)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, marker, str(vault)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done" in result.stdout
    assert marker not in result.stderr  # nothing logged either
    scans = int(result.stdout.split("FD-SCANS ", 1)[1].split()[0])
    assert scans > 5  # the open-file scan really ran, during the work too
    return result.stdout, [vault, home, tmp, Path(tempfile.gettempdir())], started


def _scan(places: list[Path], marker: str, since: float) -> list[str]:
    return [
        hit for place in places if place.exists() for hit in _hits(place, _needles(marker), since)
    ]


def _needles(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.lower().encode()]


@pytest.mark.slow
def test_no_marker_reaches_disk_in_plaintext(tmp_path: Path) -> None:
    marker = "CANARY" + uuid.uuid4().hex[:16].upper()
    stdout, places, started = _run_child(tmp_path, marker)
    assert [line for line in stdout.splitlines() if line.startswith("FD-HIT")] == []
    hits = _scan(places, marker, started)
    assert hits == []
    assert (tmp_path / "vault" / "vault.db").stat().st_size > 100_000  # the data went somewhere


@pytest.mark.slow
def test_the_open_file_scan_sees_a_temp_file_spill(tmp_path: Path) -> None:
    """The detector works: with temp_store forced to FILE (in the child only) the
    large sort spills plaintext into a deleted temp file, and the scan finds it,
    where a scan of the folders finds nothing."""
    marker = "CANARY" + uuid.uuid4().hex[:16].upper()
    stdout, places, started = _run_child(tmp_path, marker, CANARY_TEST_TEMP_STORE="FILE")
    fd_hits = [line for line in stdout.splitlines() if line.startswith("FD-HIT")]
    assert any("during the large sort" in hit and "(deleted)" in hit for hit in fd_hits), stdout
    assert str(tmp_path / "tmp") in "\n".join(fd_hits)  # SQLite's temp folder, as configured
    hits = _scan(places, marker, started)
    assert hits == []  # why the folder scan alone proves nothing

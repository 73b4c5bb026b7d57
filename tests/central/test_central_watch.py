"""``veldboek central watch DIR``: a file is taken only once it stopped changing,
then moved to done/, or to refused/ with a one-line reason beside it."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from app.central import central_keys, drop_files, dropfolder, ingest, search_index, store
from app.central.errors import DatabaseUnavailable
from app.central.place import Place
from app.cli.central_ingest_commands import Stop
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import run
from tests.helpers.central_fleet import Fleet


def _passfile(folder: Path) -> Path:
    passfile = folder / "pass"
    passfile.write_text(PASSPHRASE)
    return passfile


def _watcher(place: Place, folder: Path) -> tuple[store.Store, dropfolder.Watcher]:
    s = store.Store(place)
    with s.connect() as conn:
        keys = central_keys.unlock(conn, PASSPHRASE)
    return s, dropfolder.Watcher(folder, s, keys, settle=2.0)


def test_a_file_still_being_copied_is_not_taken(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    data = fleet.noord.files[0].read_bytes()
    s, watcher = _watcher(central_place, drop)
    try:
        copying = drop / "veldboek-incoming.age"
        copying.write_bytes(data[:1000])
        (drop / "other.age.part").write_bytes(data)  # a copy tool's own temporary name
        assert watcher.complete_files(now=0.0) == []
        assert watcher.complete_files(now=1.0) == []  # not settled yet
        with copying.open("ab") as handle:  # the copy goes on
            handle.write(data[1000:])
        assert watcher.complete_files(now=2.5) == []  # it changed: the clock starts again
        assert watcher.complete_files(now=4.0) == []
        assert watcher.complete_files(now=4.6) == [copying]
        assert watcher.sweep(now=5.0) == 1
        assert (drop / "done" / copying.name).read_bytes() == data
        assert (drop / "other.age.part").exists()
        with s.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one() == 1
    finally:
        watcher.close()
        s.close()


def test_watch_once_files_packages_in_done_and_refusals_with_their_reason(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place, fleet.noord)
    drop = tmp_path / "drop"
    drop.mkdir()
    for path in (*fleet.noord.files, fleet.zuid.files[0]):
        shutil.copy(path, drop / path.name)
    (drop / "junk.age").write_bytes(b"not a package")
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE)
    assert central_place.url is not None
    result = run(
        capsys, "central", "watch", str(drop), "--db", central_place.url, "--passphrase-file",
        str(passfile), "--once", "--settle", "0.2",
    )  # fmt: skip
    assert result.code == 0, result.err
    done = sorted(p.name for p in (drop / "done").iterdir())
    assert done == sorted(p.name for p in fleet.noord.files)
    refused = sorted(p.name for p in (drop / "refused").iterdir())
    zuid = fleet.zuid.files[0].name
    assert refused == sorted(["junk.age", "junk.age.reason.txt", zuid, zuid + ".reason.txt"])
    reason = (drop / "refused" / (zuid + ".reason.txt")).read_text()
    assert reason.count("\n") == 1
    assert "not registered" in reason
    assert "stored package" in result.out
    assert "refused" in result.out
    assert [p.name for p in drop.iterdir() if p.is_file()] == []


def test_files_complete_together_are_stored_in_their_channels_order(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    # A stick's packages copied in at once, their names (random ids) in any order:
    # here the last number's name comes first. Nothing of that sweep was missing.
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    one, two, three = fleet.noord.files
    for name, path in (("a.age", three), ("b.age", fleet.zuid.files[0]), ("c.age", one)):
        shutil.copyfile(path, drop / name)
    shutil.copyfile(two, drop / "d.age")
    shutil.copyfile(two, drop / "e.age")  # the same file twice
    s = store.Store(central_place)
    with s.connect() as conn:
        keys = central_keys.unlock(conn, PASSPHRASE)
    said: list[ingest.Stored | ingest.Refused] = []
    watcher = dropfolder.Watcher(drop, s, keys, settle=2.0, report=said.append)
    try:
        watcher.complete_files(now=0.0)
        assert watcher.sweep(now=3.0) == 4
        stored = [r for r in said if isinstance(r, ingest.Stored)]
        # Each channel in its numbers' order (the channels among each other in the
        # order their files were made: ``ingest.in_line``).
        noord = [(r.file, r.sequence, r.arrival, r.warnings) for r in stored if r.file != "b.age"]
        assert noord == [("c.age", 1, "new", ()), ("d.age", 2, "new", ()), ("a.age", 3, "new", ())]
        assert [(r.sequence, r.arrival) for r in stored if r.file == "b.age"] == [(1, "new")]
        # The second copy of number 2 is this very file, stored already: done too.
        done = sorted(p.name for p in (drop / "done").iterdir())
        assert done == ["a.age", "b.age", "c.age", "d.age", "e.age"]
        assert [p for p in (drop / ".claimed").rglob("*") if p.is_file()] == []
    finally:
        watcher.close()
        s.close()


def test_the_database_gone_mid_look_puts_back_every_file_of_that_look(
    central_place: Place, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    for n, path in enumerate(fleet.noord.files):
        shutil.copyfile(path, drop / f"{n}.age")
    s, watcher = _watcher(central_place, drop)

    def gone(*_args: object, **_kwargs: object) -> None:
        raise DatabaseUnavailable("The database cannot be reached: {why}", why="stopped")

    monkeypatch.setattr(ingest, "ingest_file", gone)
    try:
        watcher.complete_files(now=0.0)
        with pytest.raises(DatabaseUnavailable):
            watcher.sweep(now=3.0)
        assert sorted(p.name for p in drop.iterdir() if p.is_file()) == ["0.age", "1.age", "2.age"]
        assert [p for p in (drop / ".claimed").rglob("*") if p.is_file()] == []
    finally:
        watcher.close()
        s.close()


def test_claims_of_a_watcher_that_died_go_back_and_a_stored_one_goes_to_done(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    (drop / ".claimed" / "999999999").mkdir(parents=True)  # no such process
    first, second = fleet.noord.files[:2]
    shutil.copy(first, drop / ".claimed" / "999999999" / first.name)
    shutil.copy(second, drop / ".claimed" / "999999999" / second.name)
    # The dead watcher had stored the first before it was killed.
    s = store.Store(central_place)
    with s.connect() as conn:
        keys = central_keys.unlock(conn, PASSPHRASE)
    ingest.ingest_file(s, keys, first)
    said: list[ingest.Stored | ingest.Refused] = []
    watcher = dropfolder.Watcher(drop, s, keys, settle=2.0, report=said.append)  # a new one
    try:
        assert sorted(p.name for p in drop.iterdir() if p.is_file()) == sorted(
            [first.name, second.name]
        )
        watcher.complete_files(now=0.0)
        watcher.sweep(now=10.0)
        assert sorted(p.name for p in (drop / "done").iterdir()) == sorted(
            [first.name, second.name]
        )
        assert list((drop / "refused").iterdir()) == []
        assert not (drop / ".claimed" / "999999999").exists()
        # Both said: the one stored before as such (no refusal recorded).
        assert sorted(r.status for r in said) == ["stored", "stored already"]
        # What the dead watcher stored was made searchable through the index too.
        assert search_index.pending(s) == 0
    finally:
        watcher.close()
        s.close()


def test_a_link_swapped_in_after_the_scan_is_refused_unread(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    drop, private = tmp_path / "drop", tmp_path / "private"
    drop.mkdir()
    private.mkdir(mode=0o700)
    unsent = private / "unsent.age"  # a package no one dropped
    shutil.copyfile(fleet.noord.files[0], unsent)
    innocent = drop / "innocent.age"
    innocent.write_bytes(b"not a package")
    s, watcher = _watcher(central_place, drop)
    try:
        watcher.complete_files(now=0.0)
        [ready] = watcher.complete_files(now=3.0)
        innocent.unlink()  # between the scan and the claim
        innocent.symlink_to(unsent)
        result = watcher.take(ready)
        assert isinstance(result, ingest.Refused)
        assert result.message == "innocent.age is a link; not read."
        with s.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM central.packages")).scalar_one() == 0
        refused = drop / "refused" / "innocent.age"
        assert refused.is_symlink()  # the link itself was moved, never followed
        assert "is a link" in (drop / "refused" / "innocent.age.reason.txt").read_text()
        assert unsent.read_bytes() == fleet.noord.files[0].read_bytes()
    finally:
        watcher.close()
        s.close()


def test_a_file_that_meets_a_bug_is_set_aside_not_taken_again_and_again(
    central_place: Place, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    shutil.copyfile(fleet.noord.files[0], drop / "first.age")
    s, watcher = _watcher(central_place, drop)

    def bug(*_args: object, **_kwargs: object) -> None:
        raise KeyError("a bug in the reader")

    monkeypatch.setattr(ingest, "ingest_file", bug)
    try:
        watcher.complete_files(now=0.0)
        with pytest.raises(KeyError):
            watcher.sweep(now=3.0)
        assert not (drop / "first.age").exists()
        assert not list((drop / ".claimed").rglob("*.age"))  # no claim left to take again
        reason = (drop / "refused" / "first.age.reason.txt").read_text()
        assert "internal error (KeyError)" in reason
        assert (drop / "refused" / "first.age").read_bytes() == fleet.noord.files[0].read_bytes()
    finally:
        watcher.close()
        s.close()


def test_a_link_in_place_of_its_folders_moves_nothing_elsewhere(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    drop, elsewhere, private = tmp_path / "drop", tmp_path / "elsewhere", tmp_path / "private"
    for folder in (drop, elsewhere, private):
        folder.mkdir()
    (private / "outbox.age").write_bytes(b"a package no one dropped")
    # Planted before the watcher starts: set aside, never worked through.
    (drop / "refused").symlink_to(elsewhere)
    (drop / "done").write_bytes(b"a file dropped under the name of a folder")
    (drop / ".claimed").mkdir()
    (drop / ".claimed" / "999999999").symlink_to(private)  # "a dead watcher's claims"
    s, watcher = _watcher(central_place, drop)
    try:
        assert (drop / ".displaced-refused").is_symlink()
        assert (drop / ".displaced-done").read_bytes().startswith(b"a file dropped")
        assert (drop / "refused").is_dir()
        assert not (drop / "refused").is_symlink()
        assert (drop / "done").is_dir()
        assert (private / "outbox.age").exists()  # not brought in
        assert not (drop / "outbox.age").exists()
        # Renamed and replaced by a link while it runs: the folder it opened is used.
        (drop / "evil").write_bytes(b"not a package")
        (drop / "refused").rename(drop / "refused-moved")
        (drop / "refused").symlink_to(elsewhere)
        watcher.complete_files(now=0.0)
        watcher.sweep(now=3.0)
        assert list(elsewhere.iterdir()) == []
        assert (drop / "refused-moved" / "evil").exists()
    finally:
        watcher.close()
        s.close()


def test_a_fault_of_the_moment_puts_the_file_back_and_names_never_clash(
    central_place: Place, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    package = fleet.noord.files[0]
    shutil.copyfile(package, drop / "same.age")
    s, watcher = _watcher(central_place, drop)
    real = ingest.ingest_file

    def busy(*_args: object, **_kwargs: object) -> None:
        with s.begin() as conn:  # a real error of the server's: a statement timed out
            conn.execute(text("SET LOCAL statement_timeout = 1"))
            conn.execute(text("SELECT pg_sleep(1)"))

    monkeypatch.setattr(ingest, "ingest_file", busy)
    try:
        watcher.complete_files(now=0.0)
        with pytest.raises(Exception, match="statement timeout"):
            watcher.sweep(now=3.0)
        assert (drop / "same.age").read_bytes() == package.read_bytes()  # back, to try again
        assert list((drop / "refused").iterdir()) == []
        monkeypatch.setattr(ingest, "ingest_file", real)
        (drop / "done" / "same.age").write_bytes(b"filed before under that name")
        watcher.complete_files(now=10.0)
        assert watcher.sweep(now=20.0) == 1
        assert (drop / "done" / "same.age").read_bytes() == b"filed before under that name"
        assert (drop / "done" / "same.age.1").read_bytes() == package.read_bytes()
    finally:
        watcher.close()
        s.close()


def test_a_name_its_maker_chose_is_shown_on_one_line(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    forged = os.fsdecode(b"evil\nstored package\x1b[31m\xff.age")
    (drop / forged).write_bytes(b"not a package")
    shutil.copyfile(fleet.noord.files[0], drop / "zz-good.age")  # taken after it
    assert central_place.url is not None
    passfile = _passfile(tmp_path)
    done = run(capsys, "central", "watch", str(drop), "--db", central_place.url,
               "--passphrase-file", str(passfile), "--once", "--settle", "0.1")  # fmt: skip
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("evil\\nstored package\\x1b[31m\\xff.age: refused: ")
    assert "\x1b" not in done.out
    assert lines[1].startswith("zz-good.age: stored package")
    with store.opened(central_place) as s, s.connect() as conn:
        names = list(conn.execute(text("SELECT file_name FROM central.refusals")).scalars())
    assert names == ["evil\\nstored package\\x1b[31m\\xff.age"]
    assert (drop / "refused" / forged).exists()


def test_claims_whose_watcher_runs_stay_the_others_come_back_never_over_a_name(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    # A watcher holds a lock on its claims folder while it runs (the kernel lets go
    # of a dead one's, on any host sharing the folder): process numbers repeat in
    # containers, and several hosts may share a drop folder.
    fleet.register(central_place)
    drop = tmp_path / "drop"
    gone = drop / ".claimed" / "1@host-a-0f0f0f0f"  # its watcher died
    running = drop / ".claimed" / "1@host-b-1e1e1e1e"  # its watcher runs
    older = drop / ".claimed" / str(os.getpid())  # an older Veldboek's, this very number
    for folder in (gone, running, older):
        folder.mkdir(parents=True)
    (older / "r.age").write_bytes(b"claimed by the watcher before a restart")
    shutil.copyfile(fleet.noord.files[0], gone / "p.age")
    (running / "q.age").write_bytes(b"being taken by another watcher")
    (drop / "p.age").write_bytes(b"dropped since, under the same name")
    held = os.open(running, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as the running watcher holds it
    try:
        s, watcher = _watcher(central_place, drop)
        try:
            back = sorted(p.name for p in drop.iterdir() if p.is_file())
            assert back == ["p.age", "p.age.1", "r.age"]  # none over another
            assert (running / "q.age").exists()
            assert not gone.exists()
            watcher.complete_files(now=0.0)
            assert watcher.sweep(now=3.0) == 3
            assert sorted(p.name for p in (drop / "done").iterdir()) == ["p.age.1"]
        finally:
            watcher.close()
            s.close()
    finally:
        os.close(held)  # that watcher ends: the next one takes its claim back
    s, watcher = _watcher(central_place, drop)
    try:
        assert (drop / "q.age").exists()
        assert not running.exists()
    finally:
        watcher.close()
        s.close()


def test_where_renames_cannot_refuse_to_replace_nothing_is_replaced_all_the_same(
    central_place: Place, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # NFS and CIFS do not know RENAME_NOREPLACE: the name is taken first, then the
    # file renamed over that placeholder. And names never run out.
    fleet.register(central_place)
    monkeypatch.setattr(drop_files, "_renameat2", None)
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "refused").mkdir()
    for n in ["", *(f".{k}" for k in range(1, 1000))]:
        (drop / "refused" / f"x{n}").write_bytes(b"refused before")
    (drop / "x").write_bytes(b"not a package")
    shutil.copyfile(fleet.noord.files[0], drop / "good.age")
    (drop / "done").mkdir()
    (drop / "done" / "good.age").write_bytes(b"filed before")
    s, watcher = _watcher(central_place, drop)
    try:
        watcher.complete_files(now=0.0)
        assert watcher.sweep(now=3.0) == 2
        assert (drop / "done" / "good.age").read_bytes() == b"filed before"
        assert (drop / "done" / "good.age.1").read_bytes() == fleet.noord.files[0].read_bytes()
        assert (drop / "refused" / "x").read_bytes() == b"refused before"
        [placed] = [p for p in (drop / "refused").iterdir() if p.read_bytes() == b"not a package"]
        assert len(placed.name) == len("x.") + 16  # past x.999: a token
        assert (drop / "refused" / (placed.name + ".reason.txt")).exists()
    finally:
        watcher.close()
        s.close()


def test_a_name_too_long_for_a_reason_beside_it_is_refused_all_the_same(
    central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    long_name = "x" * 250 + ".age"
    (drop / long_name).write_bytes(b"not a package")
    s, watcher = _watcher(central_place, drop)
    try:
        watcher.complete_files(now=0.0)
        assert watcher.sweep(now=3.0) == 1
        [kept, reason] = sorted(p.name for p in (drop / "refused").iterdir())
        assert kept.startswith("x" * 100)
        assert reason == kept + ".reason.txt"
        assert not list((drop / ".claimed").rglob("*.age"))
    finally:
        watcher.close()
        s.close()


def test_a_stop_while_taking_a_file_leaves_it_for_the_next_watcher(
    central_place: Place, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    shutil.copyfile(fleet.noord.files[0], drop / "good.age")
    s, watcher = _watcher(central_place, drop)

    def stopped(*_args: object, **_kwargs: object) -> None:
        raise Stop  # SIGTERM's handler, in the middle of an ingest

    monkeypatch.setattr(ingest, "ingest_file", stopped)
    try:
        watcher.complete_files(now=0.0)
        with pytest.raises(Stop):
            watcher.sweep(now=3.0)
        assert list((drop / "refused").iterdir()) == []  # not taken for a bug
    finally:
        watcher.close()
    monkeypatch.undo()
    s2, again = _watcher(central_place, drop)  # the next watcher (same process here)
    try:
        again.complete_files(now=0.0)
        assert again.sweep(now=3.0) == 1
        assert [p.name for p in (drop / "done").iterdir()] == ["good.age"]
    finally:
        again.close()
        s2.close()
        s.close()


def test_a_claims_folder_taken_away_as_it_is_made_is_made_again(
    central_place: Place, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another watcher starting at the same moment can find this one's claims folder
    # made but not locked yet, take it for a dead watcher's and remove it.
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    real, removed = drop_files.own_folder, list[str]()

    def raced(parent: int, name: str, say: drop_files.Say | None = None) -> int:
        fd = real(parent, name, say)
        if "@" in name and not removed:
            os.rmdir(name, dir_fd=parent)  # as the other watcher's recovery does
            removed.append(name)
        return fd

    monkeypatch.setattr(drop_files, "own_folder", raced)
    shutil.copyfile(fleet.noord.files[0], drop / "good.age")
    s, watcher = _watcher(central_place, drop)
    try:
        assert removed
        [claims] = list((drop / ".claimed").iterdir())
        assert claims.name != removed[0]  # a new one, locked
        watcher.complete_files(now=0.0)
        assert watcher.sweep(now=3.0) == 1
    finally:
        watcher.close()
        s.close()

"""A refused file and its reason are filed as a pair: a stop (SIGTERM's ``Stop``)
between any two steps of filing them leaves neither a reason without its file in
``refused/`` nor a file without its reason; the next watcher finishes the pair."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.central import central_keys, drop_files, dropfolder, store
from app.central.place import Place
from app.cli.central_ingest_commands import Stop
from tests.central.conftest import PASSPHRASE
from tests.helpers.central_fleet import Fleet

JUNK = "junk.age"


def _watcher(s: store.Store, drop: Path) -> dropfolder.Watcher:
    with s.connect() as conn:
        keys = central_keys.unlock(conn, PASSPHRASE)
    return dropfolder.Watcher(drop, s, keys, settle=2.0)


def _stop_at(
    monkeypatch: pytest.MonkeyPatch, step: str, when: str, at: Callable[[tuple[Any, ...]], bool]
) -> list[str]:
    """Raise ``Stop`` before or after the first call of ``drop_files.step`` whose
    arguments ``at`` picks, as SIGTERM's handler would between two steps."""
    real = getattr(drop_files, step)
    hit: list[str] = []

    def stopping(*args: Any) -> Any:
        chosen = not hit and at(args)
        if chosen and when == "before":
            hit.append(step)
            raise Stop
        done = real(*args)
        if chosen:
            hit.append(step)
            raise Stop
        return done

    monkeypatch.setattr(drop_files, step, stopping)
    return hit


def _into_refused(args: tuple[Any, ...], name: str) -> bool:
    """``rename_new(src_dir, name, dst_dir, target)`` of ``name`` into refused/ (not
    its claim, a rename of the same name into the claims folder)."""
    return bool(args[1] == name and os.readlink(f"/proc/self/fd/{args[2]}").endswith("/refused"))


# Each step of filing a refusal, and a stop just before or after it.
POINTS = {
    "before-the-reason-is-written": ("write_private", "before", lambda a: a[1] == ".reason"),
    "after-the-reason-is-written": ("write_private", "after", lambda a: a[1] == ".reason"),
    "after-the-intent-is-written": ("write_private", "after", lambda a: a[1] == ".refusing"),
    "after-the-reason-moves": ("rename_new", "after", lambda a: a[3].endswith(".reason.txt")),
    "before-the-file-moves": ("rename_new", "before", lambda a: _into_refused(a, JUNK)),
    "after-the-file-moves": ("rename_new", "after", lambda a: _into_refused(a, JUNK)),
}
# Where the first name is taken by a file without its reason (an older Veldboek's),
# the reason comes back from refused/ for the next name.
TAKEN = {
    "before-the-reason-comes-back": ("take_back", "before", lambda _a: True),
    "after-the-reason-comes-back": ("take_back", "after", lambda _a: True),
}


def _refused(drop: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (drop / "refused").iterdir()}


def _stopped_then_started_again(
    monkeypatch: pytest.MonkeyPatch, place: Place, drop: Path, point: tuple[Any, ...]
) -> None:
    s = store.Store(place)
    try:
        watcher = _watcher(s, drop)
        hit = _stop_at(monkeypatch, *point)
        try:
            watcher.complete_files(now=0.0)
            with pytest.raises(Stop):
                watcher.sweep(now=3.0)
            assert hit
        finally:
            watcher.close()
        monkeypatch.undo()
        again = _watcher(s, drop)  # the next watcher: it finishes what was left
        try:
            again.complete_files(now=0.0)
            again.sweep(now=3.0)  # and takes again what went back, if anything did
        finally:
            again.close()
    finally:
        s.close()
    assert [p.name for p in drop.iterdir() if not p.is_dir()] == []
    assert [p for p in (drop / ".claimed").rglob("*")] == []  # no claim, no leftover


@pytest.mark.parametrize("point", POINTS.values(), ids=POINTS.keys())
def test_a_stop_while_filing_a_refusal_leaves_the_pair_whole(
    monkeypatch: pytest.MonkeyPatch,
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    point: tuple[Any, ...],
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / JUNK).write_bytes(b"not a package")
    _stopped_then_started_again(monkeypatch, central_place, drop, point)
    refused = _refused(drop)
    assert sorted(refused) == [JUNK, JUNK + ".reason.txt"]
    assert refused[JUNK] == b"not a package"
    reason = refused[JUNK + ".reason.txt"].decode()
    assert reason.count("\n") == 1
    assert reason.endswith("\n")
    assert len(reason) > 10


@pytest.mark.parametrize("point", TAKEN.values(), ids=TAKEN.keys())
def test_a_stop_as_the_reason_comes_back_from_a_name_taken(
    monkeypatch: pytest.MonkeyPatch,
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    point: tuple[Any, ...],
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    (drop / "refused").mkdir(parents=True, mode=0o700)
    (drop / "refused" / JUNK).write_bytes(b"refused by an older Veldboek, its reason lost")
    (drop / JUNK).write_bytes(b"not a package")
    _stopped_then_started_again(monkeypatch, central_place, drop, point)
    refused = _refused(drop)
    assert sorted(refused) == [JUNK, JUNK + ".1", JUNK + ".1.reason.txt"]
    assert refused[JUNK].startswith(b"refused by an older Veldboek")
    assert refused[JUNK + ".1"] == b"not a package"
    assert refused[JUNK + ".1.reason.txt"].decode().count("\n") == 1

"""The drop folder's own folders (``done``, ``refused``, ``.claimed``) as someone who
may only drop files can spoil them before the watcher first starts: a file, a link
to elsewhere, or a folder of their own under those names. Each is moved aside to
``.displaced-NAME``, unread, a folder of the watcher's own made, and said in one
line; a folder of the watcher's user with a looser mode is tightened."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from app.central import dropfolder, store
from app.central.central_keys import Unlocked
from app.central.errors import CentralError
from app.central.place import Place
from tests.central.conftest import PASSPHRASE
from tests.helpers.central import Result, run
from tests.helpers.central_fleet import Fleet

DROPPER = 54321  # another user's uid (the tests run as root, as dev.py test does)


def _watch_once(capsys: pytest.CaptureFixture[str], place: Place, drop: Path) -> Result:
    passfile = drop.parent / "pass"
    passfile.write_text(PASSPHRASE)
    assert place.url is not None
    return run(
        capsys, "central", "watch", str(drop), "--db", place.url, "--passphrase-file",
        str(passfile), "--once", "--settle", "0.1",
    )  # fmt: skip


def _own_safe_folder(path: Path) -> None:
    info = path.lstat()
    assert stat.S_ISDIR(info.st_mode)
    assert info.st_uid == os.geteuid()
    assert stat.S_IMODE(info.st_mode) == 0o700


def _needs_root() -> None:
    if os.geteuid() != 0:
        pytest.skip("making a folder another user's needs root (dev.py test runs as root)")


@pytest.mark.parametrize("planted", ["file", "link", "folder"])
def test_a_droppers_thing_at_done_is_moved_aside_and_said(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    fleet: Fleet,
    tmp_path: Path,
    planted: str,
) -> None:
    fleet.register(central_place)
    drop, elsewhere = tmp_path / "drop", tmp_path / "elsewhere"
    drop.mkdir()
    elsewhere.mkdir()
    drop.chmod(0o1777)  # anyone may drop (the sticky bit: only the owner renames)
    if planted == "file":
        (drop / "done").write_bytes(b"dropped under the name of a folder")
    elif planted == "link":
        (drop / "done").symlink_to(elsewhere)
    else:
        _needs_root()
        (drop / "done").mkdir(mode=0o777)
        (drop / "done" / "theirs.age").write_bytes(b"what the dropper keeps there")
        os.chown(drop / "done" / "theirs.age", DROPPER, DROPPER)
        os.chown(drop / "done", DROPPER, DROPPER)
    shutil.copyfile(fleet.noord.files[0], drop / "good.age")

    result = _watch_once(capsys, central_place, drop)

    assert result.code == 0, result.err
    [line] = result.err.splitlines()  # one clear line, on standard error
    said = {
        "file": "was not a folder; it was moved aside to .displaced-done, unread,",
        "link": "was a link; it was moved aside to .displaced-done, not followed,",
        "folder": f"was a folder of another user (uid {DROPPER}); it was moved aside to "
        ".displaced-done, unread,",
    }[planted]
    assert line.startswith(f"veldboek: warning: The drop folder's done {said}")
    assert line.endswith("and a folder of the watcher's own made in its place.")
    aside = drop / ".displaced-done"
    if planted == "file":
        assert aside.read_bytes() == b"dropped under the name of a folder"
    elif planted == "link":
        assert aside.is_symlink()
        assert aside.readlink() == elsewhere
        assert list(elsewhere.iterdir()) == []  # nothing moved through it
    else:
        assert aside.lstat().st_uid == DROPPER  # theirs, untouched
        assert [p.name for p in aside.iterdir()] == ["theirs.age"]
    _own_safe_folder(drop / "done")
    assert [p.name for p in (drop / "done").iterdir()] == ["good.age"]
    assert "good.age: stored package" in result.out

    # Started again: the watcher's own folders are kept, nothing more is said.
    again = _watch_once(capsys, central_place, drop)
    assert again.code == 0, again.err
    assert again.err == ""


def test_another_users_folders_at_refused_and_claimed_and_a_loose_mode(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    _needs_root()
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir(mode=0o1777)
    for name in ("refused", ".claimed"):
        (drop / name).mkdir()
        os.chown(drop / name, DROPPER, DROPPER)
    (drop / "done").mkdir()
    (drop / "done").chmod(0o755)  # the watcher's user's, but others may read it
    (drop / "junk.age").write_bytes(b"not a package")

    result = _watch_once(capsys, central_place, drop)

    assert result.code == 0, result.err
    lines = result.err.splitlines()
    assert lines == [
        "veldboek: warning: The drop folder's done had mode 0755; it was given 0700, the "
        "watcher's alone.",
        f"veldboek: warning: The drop folder's refused was a folder of another user (uid "
        f"{DROPPER}); it was moved aside to .displaced-refused, unread, and a folder of the "
        "watcher's own made in its place.",
        f"veldboek: warning: The drop folder's .claimed was a folder of another user (uid "
        f"{DROPPER}); it was moved aside to .displaced-.claimed, unread, and a folder of the "
        "watcher's own made in its place.",
    ]
    for name in ("done", "refused", ".claimed"):
        _own_safe_folder(drop / name)
    for name in (".displaced-refused", ".displaced-.claimed"):
        assert (drop / name).lstat().st_uid == DROPPER
    assert sorted(p.name for p in (drop / "refused").iterdir()) == [
        "junk.age",
        "junk.age.reason.txt",
    ]


def test_a_second_planting_is_moved_aside_under_a_name_not_taken(
    capsys: pytest.CaptureFixture[str], central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    fleet.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / ".displaced-refused").write_bytes(b"moved aside before")
    (drop / "refused").write_bytes(b"planted again")
    result = _watch_once(capsys, central_place, drop)
    assert result.code == 0, result.err
    assert "moved aside to .displaced-refused.1," in result.err
    assert (drop / ".displaced-refused").read_bytes() == b"moved aside before"
    assert (drop / ".displaced-refused.1").read_bytes() == b"planted again"
    _own_safe_folder(drop / "refused")


def test_a_folder_made_just_now_that_is_another_users_stops_the_start_in_one_line(
    noord: tuple[store.Store, Unlocked], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system that maps users (NFS with root_squash): what the watcher makes
    # is not its own. Said once, not moved aside again and again.
    s, keys = noord
    drop = tmp_path / "drop"
    drop.mkdir()
    monkeypatch.setattr(os, "geteuid", lambda: DROPPER)
    with pytest.raises(CentralError, match=r"^The drop folder's done, made just now, belongs"):
        dropfolder.Watcher(drop, s, keys)
    monkeypatch.undo()
    assert sorted(p.name for p in drop.iterdir()) == ["done"]

"""The tests' build-once helper: many workers asking at once get one build, whole."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import cast

import pytest

from tests.helpers.once_per_run import built_once


class _Worker:
    """What built_once asks of pytest's factory: the worker's own temporary folder."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder

    def getbasetemp(self) -> Path:
        return self.folder


def test_workers_asking_at_once_share_one_whole_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    builds: list[Path] = []

    def build(folder: Path) -> Path:
        builds.append(folder)
        made = folder / "vault"
        made.mkdir()
        time.sleep(0.2)  # the others arrive while this one builds
        (made / "done").write_text("whole")
        return made

    got: list[Path] = []

    def worker(n: int) -> None:
        factory = cast(pytest.TempPathFactory, _Worker(tmp_path / f"popen-gw{n}"))
        got.append(built_once(factory, "demo", build))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len(set(got)) == 1
    (path,) = set(got)
    assert path == tmp_path / "once-demo" / "vault"
    assert (path / "done").read_text() == "whole"
    assert not list(tmp_path.glob(".once-demo-*"))  # built beside, renamed into place


def test_a_build_that_fails_leaves_nothing_half_made_for_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)  # one process on its own
    factory = cast(pytest.TempPathFactory, _Worker(tmp_path / "own"))

    def broken(folder: Path) -> Path:
        (folder / "half").write_text("")
        raise RuntimeError("build failed")

    with pytest.raises(RuntimeError):
        built_once(factory, "demo", broken)
    assert not (tmp_path / "own" / "once-demo").exists()
    assert not list((tmp_path / "own").glob(".once-demo-*"))

    def build(folder: Path) -> Path:
        (folder / "ok").write_text("")
        return folder / "ok"

    assert built_once(factory, "demo", build) == tmp_path / "own" / "once-demo" / "ok"

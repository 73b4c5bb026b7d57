"""The drop folder (``central watch DIR``): packages copied in are taken once
complete, stored, and moved to ``done/``, or to ``refused/`` with a one-line
reason beside them (``NAME.reason.txt``).

A file is complete when its size and modification time have not changed for
``settle`` seconds (a copy in progress keeps changing them); names starting with
a dot or ending in ``.part``/``.tmp`` are copies in progress by convention and
never taken. A watcher claims a file by renaming it into ``.claimed/<pid>/``:
a rename happens once, so of several watchers on one folder exactly one takes
each file. A watcher killed mid-way leaves its claims there; the next watcher
puts the claims of processes no longer running back (the store's transaction
means a package is stored whole or not at all, and one stored already is
recognised and moved to ``done/``).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.central import ingest, search_index
from app.central.central_keys import Unlocked
from app.central.errors import CentralStorageFull, DatabaseUnavailable
from app.central.store import Store
from app.errors import VeldboekError
from app.export.errors import MalformedPackage, ReplayedPackage

DONE, REFUSED, CLAIMED = "done", "refused", ".claimed"
_IN_PROGRESS = (".part", ".tmp", ".partial", ".crdownload")

Report = Callable[["ingest.Stored | ingest.Refused"], None]


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


@dataclass
class Watcher:
    folder: Path
    store: Store
    keys: Unlocked
    settle: float = 2.0
    report: Report | None = None
    _seen: dict[str, _Seen] = field(default_factory=dict)
    _swept: bool = False

    def __post_init__(self) -> None:
        for sub in (DONE, REFUSED, CLAIMED):
            (self.folder / sub).mkdir(mode=0o700, exist_ok=True)
        self.claims = self.folder / CLAIMED / str(os.getpid())
        self.claims.mkdir(mode=0o700, exist_ok=True)
        self._recover()

    def _recover(self) -> None:
        """Claims of watchers that died go back into the folder."""
        for claims in (self.folder / CLAIMED).iterdir():
            if claims == self.claims or not claims.name.isdigit() or _alive(int(claims.name)):
                continue
            for leftover in claims.iterdir():
                with contextlib.suppress(OSError):
                    os.rename(leftover, _free_name(self.folder, leftover.name))
            with contextlib.suppress(OSError):
                claims.rmdir()

    def complete_files(self, now: float | None = None) -> list[Path]:
        """Files whose size and time stood still for ``settle`` seconds."""
        now = time.monotonic() if now is None else now
        ready: list[Path] = []
        present: set[str] = set()
        with os.scandir(self.folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(".") or name.endswith(_IN_PROGRESS):
                    continue
                try:
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    st = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                present.add(name)
                seen = self._seen.get(name)
                if seen is None or (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
                    self._seen[name] = _Seen(st.st_size, st.st_mtime_ns, now)
                elif now - seen.since >= self.settle:
                    ready.append(Path(entry.path))
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return sorted(ready)

    def _claim(self, path: Path) -> Path | None:
        target = self.claims / path.name
        try:
            os.rename(path, target)
        except FileNotFoundError:
            return None  # another watcher took it
        self._seen.pop(path.name, None)
        return target

    def take(self, path: Path) -> ingest.Stored | ingest.Refused | None:
        """Claim, ingest and file away one complete file. None: another watcher
        took it, or the database is down (the file goes back, to be tried again)."""
        claimed = self._claim(path)
        if claimed is None:
            return None
        try:
            result: ingest.Stored | ingest.Refused = self._ingest(claimed)
        except (DatabaseUnavailable, CentralStorageFull):
            os.rename(claimed, _free_name(self.folder, path.name))
            raise
        except ReplayedPackage as exc:
            if _stored_already(self.store, claimed):
                # This very file is in the store (a watcher stopped after the commit).
                os.rename(claimed, _free_name(self.folder / DONE, path.name))
                return None
            result = ingest.record_refusal(self.store, claimed, exc)
        except VeldboekError as exc:
            result = ingest.record_refusal(self.store, claimed, exc)
        except Exception as exc:
            # A bug, not the file's fault as far as we know: the file is set aside
            # (never taken again and again by every watcher), then the bug is raised.
            self._file_away(claimed, path.name, ingest.Refused(path.name, "InternalError", (
                f"Not taken in: an internal error ({type(exc).__name__}) in Veldboek. "
                "The file is kept here unchanged; drop it in again once that is fixed."
            )))  # fmt: skip
            raise
        self._file_away(claimed, path.name, result)
        if self.report is not None:
            self.report(result)
        return result

    def _ingest(self, claimed: Path) -> ingest.Stored | ingest.Refused:
        """What was claimed is what was scanned, a regular file: a name swapped for a
        symbolic link (or anything else) between the scan and the claim is refused
        unread, never followed."""
        if not stat.S_ISREG(os.lstat(claimed).st_mode):
            return ingest.record_refusal(
                self.store,
                claimed,
                MalformedPackage("This is not a regular file (a link or a device); not read."),
            )
        return ingest.ingest_file(self.store, self.keys, claimed)

    def _file_away(self, claimed: Path, name: str, result: ingest.Stored | ingest.Refused) -> None:
        if isinstance(result, ingest.Stored):
            os.rename(claimed, _free_name(self.folder / DONE, name))
            return
        final = _free_name(self.folder / REFUSED, name)
        reason = final.with_name(final.name + ".reason.txt")
        # Made new, never through a link planted under that name.
        fd = os.open(reason, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(result.message.replace("\n", " ") + "\n")
        os.rename(claimed, final)

    def sweep(self, now: float | None = None) -> int:
        """Take every complete file once; how many were taken."""
        taken = 0
        for path in self.complete_files(now):
            if self.take(path) is not None:
                taken += 1
        if taken or not self._swept:
            # What was stored (also by a watcher stopped before it got here) made
            # searchable through the index; search finds it meanwhile as well.
            search_index.index_pending(self.store)
        self._swept = True
        return taken

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.claims.rmdir()


def _stored_already(store: Store, path: Path) -> bool:
    from sqlalchemy import text

    with open(path, "rb") as handle:
        sha = ingest.file_sha256(handle)  # type: ignore[arg-type]
    with store.connect() as conn:
        return (
            conn.execute(
                text("SELECT 1 FROM central.packages WHERE sha256 = :s"), {"s": sha}
            ).first()
            is not None
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _free_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``name.1``, ``name.2``… if taken (never overwritten)."""
    candidate = folder / name
    n = 0
    # lexists: a dangling link is a name taken too; the reason beside it as well.
    while os.path.lexists(candidate) or os.path.lexists(f"{candidate}.reason.txt"):
        n += 1
        candidate = folder / f"{name}.{n}"
    return candidate

"""The drop folder (``central watch DIR``): packages copied in are taken once
complete, stored, and moved to ``done/``, or to ``refused/`` with a one-line
reason beside them (``NAME.reason.txt``: a pair a stop cannot split, which the
next watcher finishes, ``drop_files.file_refused``).

A file is complete when its size and modification time have not changed for
``settle`` seconds (a copy in progress keeps changing them); names starting with
a dot or ending in ``.part``/``.tmp`` are copies in progress by convention and
never taken. A watcher claims a file by renaming it into ``.claimed/<pid>/``:
a rename happens once, so of several watchers on one folder exactly one takes
each file. A watcher killed mid-way leaves its claims there; the next watcher
puts the claims of processes no longer running back (the store's transaction
means a package is stored whole or not at all, and one stored already is
recognised and moved to ``done/``). The files complete at one look are claimed
together and stored in each channel's order, as ``central ingest`` stores a batch
(``ingest.in_line``).

Whoever may drop files may also make and rename what lies in the folder. So every
step works through the folders opened once, not through their names: ``done``,
``refused`` and ``.claimed`` (and each watcher's claims) must be real folders of
this user, mode 0700, opened without following a link (anything else under those
names is moved aside to ``.displaced-NAME`` and said: ``drop_files``), and a file
is opened without following one either. A folder renamed and a link put in its
place afterwards moves nothing elsewhere; a name swapped for a link is refused
unread. Nothing is ever moved over an existing name (two watchers may file the
same name at once).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.central import drop_files, ingest, search_index
from app.central.central_keys import Unlocked
from app.central.errors import CentralError, CentralStorageFull, DatabaseUnavailable
from app.central.store import Store, database_error, sqlstate
from app.domain.one_line import shown
from app.errors import VeldboekError
from app.export.errors import ReplayedPackage

DONE, REFUSED, CLAIMED = "done", "refused", ".claimed"
_IN_PROGRESS = (".part", ".tmp", ".partial", ".crdownload")
# A database error of these classes is the package's (data, a key, a statement
# about its values); any other (a race past its retries, the server's resources,
# a timeout) is the moment's: the file goes back, to be tried again.
_THE_PACKAGES = ("22", "23", "42")

Report = Callable[["ingest.Stored | ingest.Refused"], None]


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


def _claims_name() -> str:
    """This watcher's claims folder: for people, its process and host; a token,
    because watchers of several hosts or containers (each process 1) may share one
    folder. Whether its watcher still runs is told by the lock it holds on it."""
    return f"{os.getpid()}@{os.uname().nodename}-{secrets.token_hex(4)}"


def _left_behind(claimed: int, name: str) -> int | None:
    """The claims folder ``name`` opened, if its watcher no longer runs (its lock
    taken, now held by this one until closed); None otherwise. A folder of only a
    process number is an older Veldboek's, which took no lock: that process is
    looked for on this host (this very number: left over, as in a container)."""
    try:
        fd = drop_files.opened_own(claimed, name)
    except CentralError:
        return None  # cannot be opened: left alone
    if not isinstance(fd, int):
        return None  # a link, a file, another user's folder: left alone
    try:
        older = name.isdigit() and int(name) != os.getpid() and drop_files.alive(int(name))
        if older or not drop_files.locked(fd):
            os.close(fd)
            return None
    except BaseException:
        os.close(fd)
        raise
    return fd


@dataclass
class Watcher:
    folder: Path
    store: Store
    keys: Unlocked
    settle: float = 2.0
    report: Report | None = None
    say: drop_files.Say | None = None  # what was done to the drop folder's own folders
    _seen: dict[str, _Seen] = field(default_factory=dict)
    _swept: bool = False

    def __post_init__(self) -> None:
        self._fds: list[int] = []
        try:
            self._fd = self._keep(os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY))
            self._sub = {
                n: self._keep(drop_files.own_folder(self._fd, n, self.say))
                for n in (DONE, REFUSED, CLAIMED)
            }
            self._recover()
            self._claims = self._keep(self._own_claims())
        except BaseException:
            self.close()
            raise

    def _own_claims(self) -> int:
        """This watcher's claims folder, made and locked (the lock held while it
        runs). Another watcher starting at the same moment may take a folder made
        but not locked yet for a dead one's, and remove it: then a new one."""
        for _attempt in range(5):
            self._name = _claims_name()
            try:
                fd = drop_files.own_folder(self._sub[CLAIMED], self._name, self.say)
            except CentralError:
                continue  # removed between its making and its opening
            if drop_files.locked(fd) and os.fstat(fd).st_nlink > 0:
                return fd
            os.close(fd)
        raise CentralError(
            "This watcher's claims folder was removed from the drop folder; start it again."
        )

    def _keep(self, fd: int) -> int:
        self._fds.append(fd)
        return fd

    def _recover(self) -> None:
        """Claims of watchers that no longer run go back into the folder (a
        refusal one was filing when it stopped is finished first)."""
        claimed = self._sub[CLAIMED]
        with os.scandir(claimed) as entries:
            folders = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
        for name in folders:
            claims = _left_behind(claimed, name)
            if claims is None:
                continue
            try:
                # A refusal it was filing, finished; then what it claimed goes back.
                drop_files.resume(claims, self._sub[REFUSED])
                for leftover in os.listdir(claims):
                    # Each back where it was dropped, under a name not taken (of
                    # two watchers starting, the one whose rename works takes it).
                    with contextlib.suppress(FileExistsError, FileNotFoundError):
                        drop_files.move(claims, leftover, self._fd, leftover)
                with contextlib.suppress(OSError):
                    os.rmdir(name, dir_fd=claimed)  # still under its lock
            finally:
                os.close(claims)

    def complete_files(self, now: float | None = None) -> list[Path]:
        """Files whose size and time stood still for ``settle`` seconds."""
        now = time.monotonic() if now is None else now
        ready: list[Path] = []
        present: set[str] = set()
        with os.scandir(self._fd) as entries:
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
                    ready.append(self.folder / name)
        for gone in set(self._seen) - present:
            del self._seen[gone]
        return sorted(ready)

    def _claim(self, name: str) -> bool:
        if os.fstat(self._claims).st_nlink == 0:
            raise CentralError(
                "This watcher's claims folder was removed from the drop folder; start it again."
            )
        # A rename happens once: of several watchers exactly one takes the file.
        try:
            drop_files.rename_new(self._fd, name, self._claims, name)
        except (FileNotFoundError, FileExistsError):
            return False  # another watcher took it (or one of its name waits here)
        self._seen.pop(name, None)
        return True

    def take(self, path: Path) -> ingest.Stored | ingest.Refused | None:
        """Claim, ingest and file away one complete file. None: another watcher
        took it, or the database is down (the file goes back, to be tried again)."""
        if not self._claim(path.name):
            return None
        return self._taken(path)

    def _taken(self, path: Path) -> ingest.Stored | ingest.Refused | None:
        """Ingest and file away one file this watcher claimed (``take``)."""
        name = path.name
        try:
            result: ingest.Stored | ingest.Refused = ingest.ingest_file(
                self.store, self.keys, Path(name), dir_fd=self._claims
            )
        except (DatabaseUnavailable, CentralStorageFull):
            drop_files.move(self._claims, name, self._fd, name)
            raise
        except ReplayedPackage as exc:
            if self._stored_already(name):
                # This very file is in the store (a watcher stopped after the commit,
                # or it was dropped twice): filed as done, and said.
                drop_files.move(self._claims, name, self._sub[DONE], name)
                if self.report is not None:
                    self.report(ingest.Refused(shown(name), "AlreadyStored", (
                        "This very file is stored already; moved to done/."
                    ), status="stored already"))  # fmt: skip
                return None
            result = ingest.record_refusal(self.store, path, exc)
        except VeldboekError as exc:
            result = ingest.record_refusal(self.store, path, exc)
        except Exception as exc:
            if _the_moments(exc):
                drop_files.move(self._claims, name, self._fd, name)
                raise
            # A bug, not the file's fault as far as we know: the file is set aside
            # (never taken again and again by every watcher), then the bug is raised.
            with contextlib.suppress(OSError):
                self._file_away(name, ingest.Refused(shown(name), "InternalError", (
                    f"Not taken in: an internal error ({type(exc).__name__}) in Veldboek. "
                    "The file is kept here unchanged; drop it in again once that is fixed."
                )))  # fmt: skip
            raise
        self._file_away(name, result)
        if self.report is not None:
            self.report(result)
        return result

    def _in_line(self, claimed: list[Path]) -> list[Path]:
        """Claimed files in each channel's order (``ingest.in_line``), by the place
        each file's manifest says it has (``ingest.place_in_line``). One that does
        not say, or cannot be opened, keeps its place: its own turn refuses it, or
        meets the fault, as ever."""
        if len(claimed) < 2:
            return claimed
        keys, claims = self.keys, self._claims
        return ingest.in_line(
            [(p, ingest.place_in_line(keys, Path(p.name), dir_fd=claims)) for p in claimed]
        )

    def _file_away(self, name: str, result: ingest.Stored | ingest.Refused) -> None:
        if isinstance(result, ingest.Stored):
            drop_files.move(self._claims, name, self._sub[DONE], name)
            return
        drop_files.file_refused(self._claims, self._sub[REFUSED], name, result.message)

    def _stored_already(self, name: str) -> bool:
        from sqlalchemy import text

        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=self._claims)
        with os.fdopen(fd, "rb", buffering=0) as handle:
            sha = ingest.file_sha256(handle)
        with self.store.connect() as conn:
            found = conn.execute(
                text("SELECT 1 FROM central.packages WHERE sha256 = :s"), {"s": sha}
            ).first()
        return found is not None

    def sweep(self, now: float | None = None) -> int:
        """Take every complete file once; how many were taken. The files complete
        together (a stick's packages copied in at once) are claimed together and
        stored in each channel's order, as ``central ingest`` stores a batch."""
        claimed = self._in_line([p for p in self.complete_files(now) if self._claim(p.name)])
        taken = 0
        for at, path in enumerate(claimed):
            try:
                if self._taken(path) is not None:
                    taken += 1
            except Exception:
                for rest in claimed[at + 1 :]:  # back where they were dropped, untouched
                    with contextlib.suppress(OSError):
                        drop_files.move(self._claims, rest.name, self._fd, rest.name)
                raise
        if taken or not self._swept:
            # What was stored (also by a watcher stopped before it got here) made
            # searchable through the index; search finds it meanwhile as well.
            search_index.index_pending(self.store)
        self._swept = True
        return taken

    def close(self) -> None:
        if hasattr(self, "_claims"):
            with contextlib.suppress(OSError):
                os.rmdir(self._name, dir_fd=self._sub[CLAIMED])
        for fd in reversed(self._fds):
            with contextlib.suppress(OSError):
                os.close(fd)
        self._fds.clear()


def _the_moments(exc: BaseException) -> bool:
    """Is ``exc`` a fault of the moment (the server's, the disk's), not the file's
    nor a bug? Such a file goes back to be tried again."""
    if isinstance(exc, OSError):
        return True
    return database_error(exc) and not sqlstate(exc).startswith(_THE_PACKAGES)

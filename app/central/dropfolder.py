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
recognised and moved to ``done/``). The files complete at one look are claimed
together and stored in each channel's order, as ``central ingest`` stores a batch
(``ingest.in_line``).

Whoever may drop files may also rename what lies in the folder. So every step
works through the folders opened once, not through their names: ``done``,
``refused`` and ``.claimed`` (and each watcher's claims) must be real folders of
this user, opened without following a link, and a file is opened without
following one either. A folder renamed and a link put in its place afterwards
moves nothing elsewhere; a name swapped for a link is refused unread. Nothing is
ever moved over an existing name (two watchers may file the same name at once).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import os
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.central import ingest, search_index
from app.central.central_keys import Unlocked
from app.central.errors import CentralError, CentralStorageFull, DatabaseUnavailable
from app.central.store import Store, database_error, sqlstate
from app.domain.one_line import shown
from app.errors import VeldboekError
from app.export.errors import ReplayedPackage

DONE, REFUSED, CLAIMED = "done", "refused", ".claimed"
_IN_PROGRESS = (".part", ".tmp", ".partial", ".crdownload")
_REASON = ".reason.txt"
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
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


def _opened_own(parent: int, name: str) -> int | None:
    """``name`` in ``parent``, opened, if it is a real folder of this user's; None if
    it is something else (a file, a link: what a dropper may put there). Another
    user's folder, or one that cannot be opened, is the operator's to look at."""
    try:
        fd = os.open(name, _FOLDER, dir_fd=parent)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            return None
        raise CentralError(
            "The drop folder's {name} cannot be opened ({why}); nothing was taken.",
            name=name,
            why=exc.strerror or type(exc).__name__,
        ) from None
    if os.fstat(fd).st_uid != os.geteuid():
        os.close(fd)
        raise CentralError(
            "The drop folder's {name} is another user's folder; nothing was taken.", name=name
        )
    return fd


def _own_folder(parent: int, name: str) -> int:
    """``name`` in the folder ``parent``, made if need be, opened: a real folder of
    this user's, never a link. Anything else under that name (a file or a link
    dropped there) is renamed aside (``.displaced-NAME``) and the folder made, so
    that one dropped file cannot stop every watcher."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(name, 0o700, dir_fd=parent)
    fd = _opened_own(parent, name)
    if fd is None:
        aside = next((n for n in _names(f".displaced-{name}") if not _exists(parent, n)), None)
        if aside is not None:
            _rename_new(parent, name, parent, aside)
            with contextlib.suppress(FileExistsError):
                os.mkdir(name, 0o700, dir_fd=parent)
            fd = _opened_own(parent, name)
    if fd is None:
        raise CentralError(
            "The drop folder's {name} is a link or not a folder; nothing was taken.", name=name
        )
    return fd


def _claims_name() -> str:
    """This watcher's claims folder: for people, its process and host; a token,
    because watchers of several hosts or containers (each process 1) may share one
    folder. Whether its watcher still runs is told by the lock it holds on it."""
    return f"{os.getpid()}@{os.uname().nodename}-{secrets.token_hex(4)}"


def _locked(fd: int) -> bool:
    """Take the lock on a claims folder: False if its watcher holds it (it runs).
    The kernel lets go of a dead process's lock, on any host sharing the folder."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:  # NFS mounted "nolock", say
        raise CentralError(
            "The drop folder's file system takes no locks ({why}): watchers could not "
            "tell each other's claims; nothing was taken.",
            why=exc.strerror or type(exc).__name__,
        ) from None
    return True


def _left_behind(claimed: int, name: str) -> int | None:
    """The claims folder ``name`` opened, if its watcher no longer runs (its lock
    taken, now held by this one until closed); None otherwise. A folder of only a
    process number is an older Veldboek's, which took no lock: that process is
    looked for on this host (this very number: left over, as in a container)."""
    try:
        fd = _opened_own(claimed, name)
    except CentralError:
        return None  # another user's: left alone
    if fd is None:
        return None
    try:
        older = name.isdigit() and int(name) != os.getpid() and _alive(int(name))
        if older or not _locked(fd):
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
    _seen: dict[str, _Seen] = field(default_factory=dict)
    _swept: bool = False

    def __post_init__(self) -> None:
        self._fds: list[int] = []
        try:
            self._fd = self._keep(os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY))
            self._sub = {n: self._keep(_own_folder(self._fd, n)) for n in (DONE, REFUSED, CLAIMED)}
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
                fd = _own_folder(self._sub[CLAIMED], self._name)
            except CentralError:
                continue  # removed between its making and its opening
            if _locked(fd) and os.fstat(fd).st_nlink > 0:
                return fd
            os.close(fd)
        raise CentralError(
            "This watcher's claims folder was removed from the drop folder; start it again."
        )

    def _keep(self, fd: int) -> int:
        self._fds.append(fd)
        return fd

    def _recover(self) -> None:
        """Claims of watchers that no longer run go back into the folder."""
        claimed = self._sub[CLAIMED]
        with os.scandir(claimed) as entries:
            folders = [e.name for e in entries if e.is_dir(follow_symlinks=False)]
        for name in folders:
            claims = _left_behind(claimed, name)
            if claims is None:
                continue
            try:
                for leftover in os.listdir(claims):
                    # Each back where it was dropped, under a name not taken (of
                    # two watchers starting, the one whose rename works takes it).
                    with contextlib.suppress(FileExistsError, FileNotFoundError):
                        _move(claims, leftover, self._fd, leftover)
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
            _rename_new(self._fd, name, self._claims, name)
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
            _move(self._claims, name, self._fd, name)
            raise
        except ReplayedPackage as exc:
            if self._stored_already(name):
                # This very file is in the store (a watcher stopped after the commit,
                # or it was dropped twice): filed as done, and said.
                _move(self._claims, name, self._sub[DONE], name)
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
                _move(self._claims, name, self._fd, name)
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
        """Claimed files in each channel's order (``ingest.in_line``): each opened
        and verified first (and again when stored). One refused here, or that
        cannot be opened, keeps its place: its own turn refuses it, or meets the
        fault, as ever."""
        if len(claimed) < 2:
            return claimed
        places: list[tuple[Path, tuple[str, int] | None]] = []
        for path in claimed:
            try:
                place = ingest.place_in_line(
                    self.store, self.keys, Path(path.name), dir_fd=self._claims
                )
            except Exception:  # the order is all this asks: the file's turn says the rest
                place = None
            places.append((path, place))
        return ingest.in_line(places)

    def _file_away(self, name: str, result: ingest.Stored | ingest.Refused) -> None:
        if isinstance(result, ingest.Stored):
            _move(self._claims, name, self._sub[DONE], name)
            return
        refused = self._sub[REFUSED]
        for candidate in _names(name):
            # The reason first, made new (never through a link planted under its name).
            try:
                fd = os.open(candidate + _REASON, _NEW_FILE, 0o600, dir_fd=refused)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(result.message.replace("\n", " ") + "\n")
            try:
                _rename_new(self._claims, name, refused, candidate)
                return
            except FileExistsError:
                os.unlink(candidate + _REASON, dir_fd=refused)
        raise FileExistsError(errno.EEXIST, "no free name in refused/", name)

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
                        _move(self._claims, rest.name, self._fd, rest.name)
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


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


def _the_moments(exc: BaseException) -> bool:
    """Is ``exc`` a fault of the moment (the server's, the disk's), not the file's
    nor a bug? Such a file goes back to be tried again."""
    if isinstance(exc, OSError):
        return True
    return database_error(exc) and not sqlstate(exc).startswith(_THE_PACKAGES)


# A name (with ``.reason.txt`` and a number added) fits in a folder entry.
_NAME_BYTES = 255 - len(_REASON) - len(".") - 16  # the longest suffix: a token


def _fit(name: str) -> str:
    """``name``, or, if too long for a folder entry once a suffix is added, its
    start and a hash of the whole (names are their droppers' choice)."""
    raw = os.fsencode(name)
    if len(raw) <= _NAME_BYTES:
        return name
    tag = "~" + hashlib.sha256(raw).hexdigest()[:16]
    return os.fsdecode(raw[: _NAME_BYTES - len(tag)]) + tag


def _names(name: str) -> Iterator[str]:
    """``name``, then ``name.1`` … ``name.999``, then ``name.`` and a random token:
    the next free one is taken, and there is always one."""
    base = _fit(name)
    yield base
    yield from (f"{base}.{n}" for n in range(1, 1000))
    while True:
        yield f"{base}.{secrets.token_hex(8)}"


_libc = ctypes.CDLL(None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)
if _renameat2 is not None:
    _renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
_NOREPLACE = 1  # RENAME_NOREPLACE (linux/fs.h)


def _rename_new(src_dir: int, name: str, dst_dir: int, target: str) -> None:
    """Rename ``name`` to ``target``, never over an existing name (FileExistsError).
    A rename, not a link and an unlink: it works on a file another user dropped
    (``fs.protected_hardlinks``) and leaves no moment with the file in two places."""
    if _renameat2 is not None:
        done = _renameat2(src_dir, os.fsencode(name), dst_dir, os.fsencode(target), _NOREPLACE)
        if done == 0:
            return
        err = ctypes.get_errno()
        if err not in (errno.ENOSYS, errno.EINVAL):  # else: not on this file system
            raise OSError(err, os.strerror(err), name)
    # A file system without it (NFS, CIFS): the name is taken first, made new, and
    # the file renamed over that placeholder of this watcher's own.
    os.close(os.open(target, _NEW_FILE, 0o600, dir_fd=dst_dir))  # FileExistsError if taken
    try:
        os.rename(name, target, src_dir_fd=src_dir, dst_dir_fd=dst_dir)
    except BaseException:
        os.unlink(target, dir_fd=dst_dir)
        raise


def _move(src_dir: int, name: str, dst_dir: int, wanted: str) -> str:
    """Move ``name`` to the first free name from ``wanted`` on; that name."""
    for candidate in _names(wanted):
        try:
            _rename_new(src_dir, name, dst_dir, candidate)
            return candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name", wanted)


def _exists(folder: int, name: str) -> bool:
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

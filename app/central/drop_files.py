"""The drop folder's steps on the file system (``dropfolder``): its own folders
made and opened safely, and renames that never replace a name.

Whoever may drop files may also make, rename and link names in the drop folder.
So the watcher's own folders (``done``, ``refused``, ``.claimed`` and each
watcher's claims) are opened without following a link and must be folders of its
own user, mode 0700. Anything else under such a name (a file, a link, another
user's folder, put there before the watcher first started) is renamed aside to
``.displaced-NAME``, unread, and a folder of its own made in its place; a folder
of its own user with another mode is given 0700. Each is said in one line
(``Say``): one dropped thing can neither stop every watcher nor have it work
through a folder someone else controls.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator

from app.central.errors import CentralError
from app.errors import Notice

REASON = ".reason.txt"
FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
MODE = 0o700  # the watcher's own folders: its user's alone

Say = Callable[[Notice], None]

# What may lie under the name of one of the watcher's folders instead.
_LINK, _NOT_FOLDER, _OTHERS = "link", "not a folder", "another user's"
_GONE = "gone"  # removed between its making and its opening: made again


def _displaced(kind: str, name: str, aside: str, uid: int | None) -> Notice:
    """The one line that says what was moved aside (a literal template each)."""
    if kind == _LINK:
        return Notice(
            "The drop folder's {name} was a link; it was moved aside to {aside}, not "
            "followed, and a folder of the watcher's own made in its place.",
            name=name,
            aside=aside,
        )
    if kind == _OTHERS:
        return Notice(
            "The drop folder's {name} was a folder of another user (uid {uid}); it was "
            "moved aside to {aside}, unread, and a folder of the watcher's own made in "
            "its place.",
            name=name,
            aside=aside,
            uid=uid,
        )
    return Notice(
        "The drop folder's {name} was not a folder; it was moved aside to {aside}, "
        "unread, and a folder of the watcher's own made in its place.",
        name=name,
        aside=aside,
    )


def opened_own(parent: int, name: str) -> int | str:
    """``name`` in ``parent``, opened, if it is a real folder of this user's;
    otherwise what it is (a link, not a folder, another user's folder, gone)."""
    try:
        fd = os.open(name, FOLDER, dir_fd=parent)
    except FileNotFoundError:
        return _GONE
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _LINK
        if exc.errno == errno.ENOTDIR:
            return _what(parent, name)
        if exc.errno == errno.EACCES and _owner(parent, name) not in (None, os.geteuid()):
            return _OTHERS  # another user's folder closed to this one
        raise CentralError(
            "The drop folder's {name} cannot be opened ({why}); nothing was taken.",
            name=name,
            why=exc.strerror or type(exc).__name__,
        ) from None
    if os.fstat(fd).st_uid != os.geteuid():
        os.close(fd)
        return _OTHERS
    return fd


def _what(parent: int, name: str) -> str:
    try:
        mode = os.stat(name, dir_fd=parent, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return _GONE
    return _LINK if stat.S_ISLNK(mode) else _NOT_FOLDER


def _owner(parent: int, name: str) -> int | None:
    try:
        return os.stat(name, dir_fd=parent, follow_symlinks=False).st_uid
    except FileNotFoundError:
        return None


def own_folder(parent: int, name: str, say: Say | None = None) -> int:
    """``name`` in the folder ``parent``, made if need be, opened: a real folder of
    this user's, mode 0700, never a link. Anything else under that name is renamed
    aside (``.displaced-NAME``) and the folder made; a folder of this user's with
    another mode is given 0700. What was done is said (``say``)."""
    for _attempt in range(3):
        made = True
        try:
            os.mkdir(name, MODE, dir_fd=parent)
        except FileExistsError:
            made = False
        found = opened_own(parent, name)
        if isinstance(found, int):
            _tighten(found, name, said=None if made else say)
            return found
        if found == _GONE:
            continue
        if made and found == _OTHERS:  # not moved aside again and again
            raise CentralError(
                "The drop folder's {name}, made just now, belongs to another user (a file "
                "system that maps users, such as NFS with root_squash?); nothing was taken.",
                name=name,
            )
        uid = _owner(parent, name)
        try:
            aside = move(parent, name, parent, f".displaced-{name}")
        except FileNotFoundError:
            continue  # gone meanwhile: made again
        except OSError as exc:
            raise CentralError(
                "The drop folder's {name} is not a folder of the watcher's own and cannot "
                "be moved aside ({why}); nothing was taken.",
                name=name,
                why=exc.strerror or type(exc).__name__,
            ) from None
        if say is not None:
            say(_displaced(found, name, aside, uid))
    raise CentralError(
        "The drop folder's {name} is a link or not a folder; nothing was taken.", name=name
    )


def _tighten(fd: int, name: str, said: Say | None) -> None:
    """The watcher's own folder, given 0700 if it has another mode; said unless it
    was made just now (``said`` None: a umask or a set-group-id bit inherited)."""
    mode = stat.S_IMODE(os.fstat(fd).st_mode) & 0o777
    if mode == MODE:
        return
    try:
        os.fchmod(fd, MODE)
    except BaseException:
        os.close(fd)
        raise
    if said is not None:
        said(
            Notice(
                "The drop folder's {name} had mode {mode}; it was given 0700, the watcher's alone.",
                name=name,
                mode=f"{mode:04o}",
            )
        )


def locked(fd: int) -> bool:
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


# In a watcher's claims folder (its own, never a claimed file's name: those never
# start with a dot): the reason of the file being refused, and which file that is
# and the name it is being given (``file_refused``).
WAITING, INTENT = ".reason", ".refusing"


def file_refused(claims: int, refused: int, name: str, reason: str) -> str:
    """Move the claimed ``name`` to ``refused`` with its one-line ``reason`` beside
    it (``NAME.reason.txt``); the name it was given. Two renames, never one: so the
    reason is written whole in the claims folder first, then the intent (which
    file, under which name), then the reason goes to ``refused`` under a name not
    taken (so no other watcher files a package there), then the file beside it. A
    stop between any two steps (SIGTERM, a kill, a power cut) leaves the file in
    the claims folder, which the next watcher finishes (``resume``): never a reason
    without its file in ``refused``, nor a file without its reason."""
    write_private(claims, WAITING, reason.replace("\n", " ") + "\n")
    return _pair(claims, refused, name)


def _pair(claims: int, refused: int, name: str) -> str:
    for candidate in names(name):
        write_private(
            claims, INTENT, "".join(os.fsencode(n).hex() + "\n" for n in (name, candidate))
        )
        try:
            rename_new(claims, WAITING, refused, candidate + REASON)
        except FileExistsError:
            continue
        try:
            rename_new(claims, name, refused, candidate)
        except FileExistsError:  # a file of that name lies there without its reason
            take_back(refused, candidate + REASON, claims)
            continue
        os.unlink(INTENT, dir_fd=claims)
        return candidate
    raise FileExistsError(errno.EEXIST, "no free name in refused/", name)  # never: names go on


def take_back(refused: int, reason: str, claims: int) -> None:
    """The reason back into the claims folder, for the next name."""
    os.rename(reason, WAITING, src_dir_fd=refused, dst_dir_fd=claims)


def resume(claims: int, refused: int) -> None:
    """Finish what a watcher stopped while filing a refusal left in its claims
    folder (``file_refused``), then remove its own leftovers there. Its intent
    names the file and the name it was being given: a file still claimed is filed
    with its reason, brought back first if it had gone ahead alone. Without an
    intent (a stop before it was written) the file only goes back to the drop
    folder, to be taken again."""
    intent = _intent(claims)
    if intent is not None and exists(claims, intent[0]):
        name, candidate = intent
        try:
            if not exists(claims, WAITING):
                take_back(refused, candidate + REASON, claims)  # it had gone ahead alone
            _pair(claims, refused, name)
        except FileNotFoundError:
            pass  # its reason was removed meanwhile: the file goes back, to be taken again
    for own in os.listdir(claims):
        if own.startswith("."):
            with contextlib.suppress(OSError):
                os.unlink(own, dir_fd=claims)


def _intent(claims: int) -> tuple[str, str] | None:
    try:
        fd = os.open(INTENT, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=claims)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as handle:
        lines = handle.read(4096).split(b"\n")
    try:
        name, candidate = (os.fsdecode(bytes.fromhex(line.decode())) for line in lines[:2])
    except ValueError:  # not two lines of hex: not written whole
        return None
    return name, candidate


def write_private(folder: int, name: str, text: str) -> None:
    """``text`` as ``name`` in a folder of the watcher's own, whole or not at all:
    written under another name first, then renamed over it."""
    part = name + ".part"
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600, dir_fd=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(part, name, src_dir_fd=folder, dst_dir_fd=folder)


# A name (with ``.reason.txt`` and a number added) fits in a folder entry.
_NAME_BYTES = 255 - len(REASON) - len(".") - 16  # the longest suffix: a token


def _fit(name: str) -> str:
    """``name``, or, if too long for a folder entry once a suffix is added, its
    start and a hash of the whole (names are their droppers' choice)."""
    raw = os.fsencode(name)
    if len(raw) <= _NAME_BYTES:
        return name
    tag = "~" + hashlib.sha256(raw).hexdigest()[:16]
    return os.fsdecode(raw[: _NAME_BYTES - len(tag)]) + tag


def names(name: str) -> Iterator[str]:
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


def rename_new(src_dir: int, name: str, dst_dir: int, target: str) -> None:
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
    os.close(os.open(target, NEW_FILE, 0o600, dir_fd=dst_dir))  # FileExistsError if taken
    try:
        os.rename(name, target, src_dir_fd=src_dir, dst_dir_fd=dst_dir)
    except BaseException:
        os.unlink(target, dir_fd=dst_dir)
        raise


def move(src_dir: int, name: str, dst_dir: int, wanted: str) -> str:
    """Move ``name`` to the first free name from ``wanted`` on; that name."""
    for candidate in names(wanted):
        try:
            rename_new(src_dir, name, dst_dir, candidate)
            return candidate
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name", wanted)


def exists(folder: int, name: str) -> bool:
    try:
        os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

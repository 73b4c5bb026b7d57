"""Taking a package in: verified with the app's own reader (app.export.package,
app.services.exchange.package_body: the same code a handler's vault runs), then stored in
one transaction, bulk rows by COPY (``ingest_rows``). A refused package stores nothing.

The checks, in the order of docs/package-format.md section 9: a regular file
within the limit; a file already stored (by its SHA-256) refused at once, before
it is decrypted; decrypted with the central system's key; the signer a key
registered to a team; the signature; that key a runner's, not revoked; central
among the recipients and the header as signed. Meanwhile, where the file's first
chunks hold a manifest signed by an active runner's key registered here, the
sealed file is copied by a thread into the transaction opened for the package
(``sealed_file``): nothing of it is kept unless the package holds. Then, in that
transaction (or one of its own): the key not
revoked meanwhile (its row held to the commit), the debriefs not another sender's
(``ingest_checks``) and the channel's numbering, as the manifest names them; every
record, file and audit event against its hash, the debrief versions copied in as
each is checked (the server stores one while the next is read: ``ingest_rows``);
the sources and file records not another sender's. Any refusal rolls it back
whole. Its unique keys (package id, file hash, channel and number, versions, audit
events) make a second process storing the same package or the same rows at the
same moment fail, as a replay or to be tried again; a source is updated only by
its own sender, by a package made after the one its row shows
(``ingest_rows._sources``), and a record of a source's file is
claimed by its sender first (``ingest_checks.refuse_others_file_records``), so
another sender's package storing either at the same moment is refused.

The search vectors of the new versions are filled after the commit
(``search_index``); search finds the versions meanwhile all the same.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import text

from app.central import ingest_checks as checks
from app.central import sealed_file
from app.central.central_keys import Unlocked
from app.central.errors import CentralStorageFull, DatabaseUnavailable
from app.central.ingest_rows import Written, store_package
from app.central.store import Store, database_error, mapped, sqlstate
from app.crypto import age
from app.domain.one_line import shown
from app.errors import Notice, VeldboekError
from app.export import package
from app.export.errors import MalformedPackage, NotForThisVault, UnknownSender
from app.services.exchange import package_body, package_log
from app.services.exchange.gc_pause import collection_paused
from app.services.files import user_files

RETRIES = 5
# SQLSTATEs of a race with another ingest: serialization failure, deadlock, unique key.
_RACES = frozenset({"40001", "40P01", "23505"})

T = TypeVar("T")


@dataclass(frozen=True)
class Stored:
    file: str
    package_id: uuid.UUID
    sha256: str
    team: str
    sender: str
    sequence: int
    arrival: str  # new | gap | late
    records: int
    new_versions: int
    audit_events: int
    warnings: tuple[Notice, ...] = ()
    status: str = "stored"
    matches: int = 0  # deconfliction matches this package opened
    debriefs: int = 0  # of the records; the rest are records of sources' files
    kind: str = "debriefs"  # or "handover"
    handed_to: str = ""  # a handover's: the new runner's registered name


@dataclass(frozen=True)
class Refused:
    file: str
    reason: str  # the error's kind
    message: str
    sha256: str | None = None
    status: str = "refused"
    # Whose key signed it, where known: its short fingerprint (not secret; as the
    # package names it, unverified, when the key is not registered), its registered
    # name and team (a handler's key's too: the message says it is a handler's).
    sender: str | None = None
    sender_name: str | None = None
    team: str | None = None


@dataclass(frozen=True)
class Signer:
    fingerprint: str
    name: str | None = None  # None: not registered, the fingerprint the package claims
    team: str | None = None
    role: str = "runner"


_SIGNER = "signer"


def _signed_by(exc: VeldboekError, signer: Signer) -> VeldboekError:
    """``exc``, marked with whose key signed the package it refuses."""
    setattr(exc, _SIGNER, signer)
    return exc


def _sender_signer(sender: checks.Sender) -> Signer:
    return Signer(sender.short, sender.name, sender.team, sender.role)


def file_sha256(stream: io.FileIO) -> str:
    digest = hashlib.file_digest(stream, "sha256").hexdigest()
    stream.seek(0)
    return digest


def ingest_file(store: Store, keys: Unlocked, path: Path, *, dir_fd: int | None = None) -> Stored:
    """Verify and store one package file; a ``VeldboekError`` if it is refused
    (nothing stored then). ``dir_fd``: ``path`` is a name in that folder, opened
    without following a link (the drop folder's claims)."""
    # A package body parses into about a million dicts and lists, none in a cycle:
    # the cyclic collector would walk them again and again (0.1–0.4 s of 1.3 s of
    # this process's CPU for 10,000 debriefs, measured), freeing nothing.
    nofollow = dir_fd is not None
    with (
        collection_paused(),
        user_files.opened(path, user_files.PACKAGE, dir_fd=dir_fd, nofollow=nofollow) as chosen,
    ):
        sha = file_sha256(chosen.stream)
        with store.connect() as conn:  # before it is decrypted (section 9)
            checks.refuse_stored_file(conn, sha)
        with sealed_file.ahead(store, keys, chosen) as sent:
            opened, sender, channel = _verified(store, keys, chosen, sha)
            m = opened.manifest
            try:
                written, contents = _stored(store, chosen, path, opened, sender, channel, sent)
            except VeldboekError as exc:
                raise _signed_by(exc, _sender_signer(sender)) from None
        return Stored(
            shown(path.name),
            m.package_id,
            opened.sha256,
            sender.team,
            sender.name,
            m.sequence,
            written.arrival.status,
            len(m.records),
            written.new_versions,
            len(contents.events),
            tuple(written.arrival.warnings),
            matches=written.matches,
            debriefs=sum(1 for r in m.records if r.type == "debrief"),
            kind=m.kind,
            handed_to=written.handed_to,
        )


def _stored(
    store: Store,
    chosen: user_files.ChosenFile,
    path: Path,
    opened: package.Opened,
    sender: checks.Sender,
    channel: str,
    sent: sealed_file.Ahead | None,
) -> tuple[Written, package_body.Contents]:
    """One transaction, tried again after a race with another ingest: the first in
    the transaction the sealed file was copied into while it was verified
    (``sent``), where that is this package's."""
    name = shown(path.name)
    for attempt in range(RETRIES):
        first = sent if attempt == 0 and sent is not None else None
        if first is not None and not first.fits(opened.manifest.package_id, sender.team_id):
            first = None
        if sent is not None and first is None:
            sent.close()  # its locks gone before another transaction writes the same rows
        try:
            if first is not None:
                with mapped(store.place):
                    try:
                        stored = store_package(
                            first.conn, chosen, name, opened, sender, channel, first
                        )
                        first.commit()
                    finally:
                        first.close()  # rolled back unless committed, before any retry
                return stored
            with store.begin() as conn:
                return store_package(conn, chosen, name, opened, sender, channel)
        except Exception as exc:
            if unstorable_text(exc):
                raise MalformedPackage(
                    "The package holds a NUL character, which the central store cannot "
                    "keep; nothing was stored."
                ) from None
            if unstorable_value(exc):
                raise MalformedPackage(
                    "The package holds a value the central store cannot keep (a number "
                    "or a text out of its range); nothing was stored."
                ) from None
            # Another ingest wrote the same rows at the same moment (a deadlock,
            # or a version both carry): the next attempt sees its work committed.
            race = database_error(exc) and sqlstate(exc) in _RACES
            if not race or attempt == RETRIES - 1:
                raise
    raise AssertionError("unreachable")  # the last attempt returned or raised


Place = tuple[str, int, str]  # channel, number, when made (as the manifest says)


def place_in_line(keys: Unlocked, path: Path, *, dir_fd: int | None = None) -> Place | None:
    """The channel, number and time of making a package file says it has, from its
    manifest as the first chunks of the file hold it (``package.peek_manifest``: a
    few hundred KB of a 50 MB file decrypted, nothing verified), to take several
    files in order (``ingest_batch``, ``in_line``); None where the file does not say
    (its own turn refuses it, as ``ingest_file`` checks everything). A file that
    lies about its place only moves among the files: it is refused when stored."""
    nofollow = dir_fd is not None
    try:
        with user_files.opened(
            path, user_files.PACKAGE, dir_fd=dir_fd, nofollow=nofollow
        ) as chosen:
            m = package.peek_manifest(age.Source(chosen.stream, chosen.size), keys.receiving_seed)
    except (VeldboekError, OSError, ValueError):  # said in the file's own turn
        return None
    sender, recipients, sequence = m.get("sender"), m.get("recipients"), m.get("sequence")
    if (
        type(sender) is not str
        or type(recipients) is not list
        or not all(type(r) is str for r in recipients)
        or type(sequence) is not int
    ):
        return None
    made = m.get("created_at")
    return package_log.channel_key(sender, recipients), sequence, made if type(made) is str else ""


def _verified(
    store: Store, keys: Unlocked, chosen: user_files.ChosenFile, sha: str
) -> tuple[package.Opened, checks.Sender, str]:
    """The checks before the package's rows are written (section 9 of the format),
    of the file whose SHA-256 is ``sha`` (not stored already): decrypted, a
    package of debriefs or a handover (``ingest_handover``), signed by a
    registered runner, central among its recipients; the package, its sender and
    its channel."""
    try:
        plain = package.decrypt(age.Source(chosen.stream, chosen.size), keys.receiving_seed)
    except NotForThisVault:  # said as a vault would say it: not a vault here
        raise NotForThisVault(
            "This package is not sealed to this central system's key; nothing was stored."
        ) from None
    if plain.sha256 != sha:
        raise MalformedPackage("The file changed while it was read.")
    opened = package.parse(plain, parse_body=False)
    m = opened.manifest
    if m.kind not in ("debriefs", "handover"):
        raise MalformedPackage(
            "This is a {found} package, not a package of debriefs or a handover; nothing "
            "was stored.",
            found=m.kind,
        )
    with store.connect() as conn:
        try:
            sender = checks.sender(conn, m.sender)
        except UnknownSender as exc:  # the fingerprint as the package names it
            raise _signed_by(exc, Signer(checks.short(shown(m.sender)))) from None
    opened.inner.verify(sender.signing_public)
    # From here on the signature is its key's: the refusal names the key's owner.
    try:
        checks.refuse_handler(sender)
        checks.refuse_revoked(sender)
        package.check_recipients(opened, keys.fingerprint.hex)
    except VeldboekError as exc:
        raise _signed_by(exc, _sender_signer(sender)) from None
    return opened, sender, package_log.channel_key(m.sender, m.recipients)


def ingest_batch(store: Store, keys: Unlocked, paths: Sequence[Path]) -> list[Stored | Refused]:
    """Several package files taken in as one batch (``central ingest A B C``),
    stored in each channel's order (``place_in_line``, ``in_line``): a shell's glob
    or a stick's listing gives a channel's packages in any order (their files are
    named by a random id), and number 3 stored before number 2 of the same batch
    would report 2 missing, then late. So a batch reports only what is still
    missing once it is done, and the store records each package as arrived in
    order. Each file is checked and refused on its own, as it would be alone; the
    results come in the order of ``paths``. The database gone away, or its disk
    full, is raised: not a package's fault."""
    results: dict[int, Stored | Refused] = {}
    places = [
        (n, place_in_line(keys, path) if len(paths) > 1 else None) for n, path in enumerate(paths)
    ]
    for n in in_line(places):
        try:
            results[n] = ingest_file(store, keys, paths[n])
        except VeldboekError as exc:
            if _the_stores(exc):
                raise
            results[n] = record_refusal(store, paths[n], exc)
    return [results[n] for n in range(len(paths))]


def in_line(items: Sequence[tuple[T, Place | None]]) -> list[T]:
    """``items`` (each with its place, or None) in the order to store them: the
    placed ones in the order they were made (the manifests' ``created_at``, as
    ISO text: a handover after what its sender made before it, before what its
    new runner made after it, whichever channel each is on), then each channel's
    items in the places its items hold among them, in the order of their numbers
    (equal numbers as given); the unplaced stay where they are."""
    slots = [at for at, (_, place) in enumerate(items) if place is not None]
    made = sorted(slots, key=lambda at: items[at][1][2])  # type: ignore[index]
    timed = list(items)
    for slot, at in zip(slots, made, strict=True):
        timed[slot] = items[at]
    order = [item for item, _ in timed]
    channels: dict[str, list[tuple[int, int]]] = {}
    for at, (_, place) in enumerate(timed):
        if place is not None:
            channels.setdefault(place[0], []).append((at, place[1]))
    for held in channels.values():
        ranked = sorted(held, key=lambda h: h[1])
        for (slot, _), (at, _) in zip(held, ranked, strict=True):
            order[slot] = timed[at][0]
    return order


def _the_stores(exc: VeldboekError) -> bool:
    """The store went away or is full: the moment's fault, not a package's."""
    return isinstance(exc, DatabaseUnavailable | CentralStorageFull)


# JSON allows "\u0000" in a string (the format checks a text's length, not its
# characters); PostgreSQL's text and jsonb cannot hold it.
_NUL_STATES = frozenset({"22P05", "22021"})  # untranslatable character, not in repertoire


# What a package's own values can make the server refuse: a text too long, a
# number out of range, a time it cannot hold, a malformed value, a character it
# cannot keep. (Any other data error, a division by zero say, is a bug of ours.)
_VALUE_STATES = frozenset({"22001", "22003", "22007", "22008", "22P02", "22P05", "22021"})


def unstorable_value(exc: BaseException) -> bool:
    """Did the database refuse a value of the package's as data? The package's own
    fault: refused, never a crash."""
    return database_error(exc) and sqlstate(exc) in _VALUE_STATES


def unstorable_text(exc: BaseException) -> bool:
    """Did the database (or its driver, before sending) refuse a NUL character?"""
    if not database_error(exc):
        return False
    return sqlstate(exc) in _NUL_STATES or "NUL (0x00)" in str(exc)


def refusal(path: Path, exc: VeldboekError, sha: str | None = None) -> Refused:
    """The refusal of ``path`` for ``exc``: its kind, its message and, where known,
    whose key signed the package (its own team only: never another's records)."""
    signer = getattr(exc, _SIGNER, None)
    message = shown(str(exc))
    if not isinstance(signer, Signer):
        return Refused(shown(path.name), type(exc).__name__, message, sha)
    if signer.name is None:  # its signature could not be checked: the package's claim
        said = Notice(
            "It names key {key} as its signer, which is not registered here (its signature "
            "could not be checked).",
            key=signer.fingerprint,
        )
    elif signer.role != "runner":
        said = Notice(
            "Signed by key {key}: {name}, registered as team {team}'s handler key, which "
            "does not send debriefs.",
            key=signer.fingerprint,
            name=signer.name,
            team=signer.team,
        )
    else:
        said = Notice(
            "Signed by key {key}: {name}, team {team}.",
            key=signer.fingerprint,
            name=signer.name,
            team=signer.team,
        )
    return Refused(
        shown(path.name),
        type(exc).__name__,
        f"{message} {shown(said)}",
        sha,
        sender=signer.fingerprint,
        sender_name=signer.name,
        team=signer.team,
    )


def record_refusal(store: Store, path: Path, exc: VeldboekError, sha: str | None = None) -> Refused:
    """Note a refusal (its kind and message, never content) for ``status``; a
    database that cannot take even that does not hide the refusal itself."""
    refused = refusal(path, exc, sha)
    try:
        with store.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO central.refusals (file_name, file_sha256, reason, message, "
                    "sender, sender_name, team) VALUES (:f, :s, :r, :m, :fp, :n, :t)"
                ),
                {
                    "f": refused.file,
                    "s": sha,
                    "r": refused.reason,
                    "m": refused.message,
                    "fp": refused.sender,
                    "n": refused.sender_name,
                    "t": refused.team,
                },
            )
    except VeldboekError:
        pass
    return refused

"""Making a central system: the embedded cluster (initdb, settings, database),
or an existing server's database; the schema through Alembic; the key pair."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from app.central import central_keys
from app.central import place as places
from app.central.cluster import embedded
from app.central.errors import CentralError
from app.central.place import Place
from app.central.schema import migrate
from app.central.store import Store, mapped
from app.crypto.kdf import KdfParams, calibrate
from app.errors import InvalidInput
from app.vault.passphrase import check_new_passphrase

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Created:
    place: Place
    keys: central_keys.PublicKeys
    started: bool


def key_protection(passphrase: str, target_seconds: float) -> KdfParams:
    """The passphrase checked as a vault's would be, and Argon2id calibrated on
    this machine to take ``target_seconds``: what seals the central system's keys."""
    check_new_passphrase(passphrase)
    return calibrate(target_seconds).params


def _check_new_folder(root: Path) -> None:
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise InvalidInput("{path} exists and is not an empty folder; nothing was made.", path=root)


def init_embedded(
    root: Path,
    passphrase: str,
    kdf: KdfParams,
    *,
    name: str,
    port: int = embedded.DEFAULT_PORT,
    listen: str = "",
    progress: Progress | None = None,
) -> Created:
    """initdb into ``root`` (left running), the schema, the keys. A failure on the
    way takes away what was made, so ``init`` can be run again."""
    root = root.absolute()
    _check_new_folder(root)
    made_root = not root.exists()
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        password = places.write_layout(root, port=port, listen=listen)
        if progress:
            progress("initdb")
        embedded.init_cluster(root, admin_password=password, port=port, listen=listen)
        if progress:
            progress("start")
        embedded.start(root)
        place = Place(data=root)
        _create_database(place)
        keys = _schema_and_keys(place, passphrase, kdf, name=name)
    except BaseException:
        embedded.remove(root)
        for leftover in (places.CONFIG, places.SECRET):
            (root / leftover).unlink(missing_ok=True)
        if made_root:
            os.rmdir(root)
        raise
    return Created(place, keys, True)


def _create_database(place: Place) -> None:
    admin = places.engine(place, database="postgres")
    try:
        with mapped(place), admin.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(
                text(f"CREATE DATABASE \"{embedded.DATABASE}\" ENCODING 'UTF8' TEMPLATE template0")
            )
    finally:
        admin.dispose()


def _schema_and_keys(
    place: Place, passphrase: str, kdf: KdfParams, *, name: str
) -> central_keys.PublicKeys:
    store = Store(place)
    try:
        with mapped(place):
            migrate.upgrade(store.engine)
        with store.begin() as conn:
            return central_keys.create(conn, passphrase, kdf, name=name)
    finally:
        store.close()


def init_existing(place: Place, passphrase: str, kdf: KdfParams, *, name: str) -> Created:
    """The schema and the keys in an existing server's (empty) database."""
    store = Store(place)
    try:
        with store.connect() as conn:
            current = migrate.current_revision(conn)
        if current is not None:
            raise CentralError("This database already holds a central system; nothing was changed.")
    finally:
        store.close()
    return Created(place, _schema_and_keys(place, passphrase, kdf, name=name), False)


def upgrade(place: Place) -> tuple[str | None, str]:
    store = Store(place)
    try:
        with store.connect() as conn:
            before = migrate.current_revision(conn)
        with mapped(place):
            migrate.upgrade(store.engine)
        return before, migrate.script_head()
    finally:
        store.close()


def start(root: Path) -> bool:
    places.layout(root)
    return embedded.start(root)


def stop(root: Path) -> bool:
    places.layout(root)
    return embedded.stop(root)

"""Where a central system is: an embedded cluster in a folder (``--data DIR``) or
a database on an existing PostgreSQL server (``--db postgresql://…``), and the
SQLAlchemy engine (psycopg 3) that reaches it.

    DIR/central.json     the layout: database, port, whether it listens on TCP
    DIR/admin.secret     the administrator's database password (0600)
    DIR/pgdata, run, log the cluster (``cluster.embedded``)
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.central.cluster import embedded
from app.central.errors import CentralNotFound, DatabaseUnavailable
from app.errors import InvalidInput

# psycopg reports through logging what it ignores while closing (a COPY cut short by
# a lost connection), which with no logging set up lands on stderr as a second
# line after the command's own; and a driver's message may quote the data.
logging.getLogger("psycopg").addHandler(logging.NullHandler())

CONFIG = "central.json"
SECRET = "admin.secret"  # noqa: S105  (a file name, not a password)
FORMAT = "veldboek-central"
VERSION = 1


@dataclass(frozen=True)
class Place:
    """``data``: an embedded cluster's folder; ``url``: an existing server's database."""

    data: Path | None = None
    url: str | None = None

    @property
    def label(self) -> str:
        return str(self.data) if self.data is not None else _without_password(self.url or "")


def _without_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(a database URL)"


def from_args(data: Path | None, url: str | None) -> Place:
    if (data is None) == (url is None):
        raise InvalidInput(
            "Give the central system's folder (--data DIR) or its database (--db URL)."
        )
    if url is not None:
        check_url(url)
    # Absolute once, here, for every command: the socket folder libpq is given must
    # be a path (a relative one is taken for a host name), and a command that
    # changes its working folder still finds the cluster.
    return Place(data=data.absolute() if data is not None else None, url=url)


def check_url(url: str) -> None:
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - a port that is no number, a host of [::1 unclosed
    except (ArgumentError, ValueError):
        raise InvalidInput("--db must be a URL like postgresql://user@host/database.") from None
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        raise InvalidInput("--db must be a URL like postgresql://user@host/database.")


def write_layout(root: Path, *, port: int, listen: str) -> str:
    """The layout file and a new administrator password (returned)."""
    password = secrets.token_urlsafe(32)
    fd = os.open(root / SECRET, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(password + "\n")
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "database": embedded.DATABASE,
        "admin": embedded.ADMIN,
        "port": port,
        "listen": listen,
    }
    (root / CONFIG).write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return password


def layout(root: Path) -> dict[str, Any]:
    try:
        doc = json.loads((root / CONFIG).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CentralNotFound(
            "No central system in {path} (run `veldboek central init`).", path=root
        ) from None
    except (OSError, ValueError):
        raise CentralNotFound(
            "The central system's layout file in {path} cannot be read.", path=root
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise CentralNotFound(
            "The central system's layout file in {path} cannot be read.", path=root
        )
    return doc


def _engine_for(url: Any) -> Engine:
    return create_engine(
        url,
        # The ingest's checks and retries are written for it (a statement sees what
        # committed before it), whatever an existing server sets as its default.
        isolation_level="READ COMMITTED",
        connect_args={"connect_timeout": 10, "application_name": "veldboek-central"},
    )


def engine(place: Place, *, database: str | None = None) -> Engine:
    """An engine as the administrator (embedded) or as the URL's user."""
    if place.url is not None:
        url = make_url(place.url).set(drivername="postgresql+psycopg")
        if database is not None:
            url = url.set(database=database)
        return _engine_for(url)
    assert place.data is not None
    doc = layout(place.data)
    try:
        password = (place.data / SECRET).read_text(encoding="ascii").strip()
    except OSError:
        raise CentralNotFound(
            "The central system's administrator secret in {path} cannot be read.", path=place.data
        ) from None
    url = make_url("postgresql+psycopg://").set(
        username=str(doc["admin"]),
        password=password,
        database=database or str(doc["database"]),
        host=str(embedded.Layout(place.data).socket_dir),
        port=int(doc["port"]),
    )
    return _engine_for(url)


def _first_line(exc: BaseException) -> str:
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()
    return (reason[0] if reason else type(exc).__name__)[:200]


def unavailable(place: Place, exc: BaseException) -> DatabaseUnavailable:
    """The one line for a database that cannot be reached (its reason without the
    URL, which may hold a password): for an embedded cluster, what is wrong."""
    why = _first_line(exc)
    if place.data is None:
        return DatabaseUnavailable("The database cannot be reached: {why}", why=why)
    state = str(getattr(getattr(exc, "orig", exc), "sqlstate", None) or "")
    if state in ("28P01", "28000") or "authentication failed" in why:
        return DatabaseUnavailable(
            "The central system's database refused the administrator's password in "
            "{path}/admin.secret (it runs, but that is not its password): {why}",
            path=place.data,
            why=why,
        )
    if state == "3D000" or ("database" in why and "does not exist" in why):
        return DatabaseUnavailable(
            "The central system's server in {path} runs but holds no database named in "
            "its central.json: {why}",
            path=place.data,
            why=why,
        )
    if state.startswith("57P") or (not state and _not_running(why)):
        return DatabaseUnavailable(
            "The central system's database is not running: start it with "
            "`veldboek central start --data {path}`.",
            path=place.data,
        )
    return DatabaseUnavailable(
        "The central system's database in {path} cannot be reached: {why}",
        path=place.data,
        why=why,
    )


def _not_running(why: str) -> bool:
    """libpq's words for a server that is not there (no socket, nobody listening)."""
    return any(
        words in why
        for words in ("No such file or directory", "Connection refused", "server running")
    )

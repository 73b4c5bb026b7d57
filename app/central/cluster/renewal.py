"""A new TLS certificate for the embedded cluster's server (``central tls
renew``), before the one ``init --listen`` made runs out (five years).

The server keeps its key: the new certificate is for the same key and the same
names, so the switch is one file replaced (a rename: a crash leaves the old one
or the new one, never a key without its certificate). The server is told to read
it again (``pg_ctl reload``) if it runs, and the copy for clients in
``DIR/server.crt`` is replaced too. Clients check the server against that copy
(``sslmode=verify-full``): a self-signed certificate vouches only for itself, so
from the renewal on each client needs the new copy (docs/central.md).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.central.cluster import embedded, tls
from app.central.errors import CentralNotFound


def _no_tls(root: Path) -> CentralNotFound:
    return CentralNotFound(
        "The central system in {path} has no TLS certificate: it listens on its Unix "
        "socket only (made without --listen).",
        path=root,
    )


def current(root: Path) -> tls.CertificateInfo:
    """The certificate the server presents (as in ``pgdata``)."""
    try:
        return tls.info((embedded.Layout(root).pgdata / tls.CERT).read_bytes())
    except FileNotFoundError:
        raise _no_tls(root) from None


def renew(root: Path, listen: str, now: dt.datetime | None = None) -> tls.ServerCertificate:
    """A new certificate for the server's key and ``listen``, in place; returned."""
    pgdata = embedded.Layout(root).pgdata
    try:
        key = tls.load_key((pgdata / tls.KEY).read_bytes())
    except FileNotFoundError:
        raise _no_tls(root) from None
    made = tls.make_certificate(listen, now=now, key=key)
    user = embedded.service_user()
    _replace(pgdata / tls.CERT, made.cert_pem, user)
    _replace(root / tls.CERT, made.cert_pem, None)
    if embedded.is_running(root):
        embedded.reload(root)
    return made


def _replace(path: Path, data: bytes, user: embedded.ServiceUser | None) -> None:
    """``path``'s bytes replaced at once (written aside, synced, renamed over it)."""
    tmp = path.with_name(f".{path.name}.new")
    tmp.unlink(missing_ok=True)  # left by a renewal cut short
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    if user is not None:
        embedded.own(tmp, user, 0o644)
    os.replace(tmp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)

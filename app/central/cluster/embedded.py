"""The embedded cluster: a private PostgreSQL server in the central system's folder.

    DIR/central.json   the layout, the KDF parameters, the public key bundle
    DIR/pgdata/        the cluster (initdb --data-checksums), owner only
    DIR/run/           its Unix socket (the only way in unless --listen is given)
    DIR/server.crt     with --listen: the server's TLS certificate, for clients
    DIR/log/           the server's log

PostgreSQL refuses to run as root. When this runs as root (CI, a fresh server),
the server runs as an unprivileged system user (``service_user``): ``postgres``,
which Debian's package creates, or the one named by VELDBOEK_PG_USER; its
folders belong to that user and DIR is made traversable for it (0711), nothing
more. Run by a normal user, the server runs as that user and DIR is 0700.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.central.cluster import binaries, tls
from app.central.errors import ClusterError

PGDATA = "pgdata"
SOCKET = "run"
LOG = "log"
DEFAULT_PORT = 5432
DATABASE = "veldboek"
ADMIN = "veldboek_admin"
_TIMEOUT = 120


@dataclass(frozen=True)
class ServiceUser:
    """Who the server runs as: ``uid is None`` means this process's own user."""

    name: str
    uid: int | None
    gid: int | None


def service_user() -> ServiceUser:
    if os.geteuid() != 0:
        return ServiceUser(pwd.getpwuid(os.geteuid()).pw_name, None, None)
    name = os.environ.get("VELDBOEK_PG_USER", "postgres")
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        raise ClusterError(
            "PostgreSQL cannot run as root, and there is no user {name} to run it as: "
            "install PostgreSQL (Debian: apt-get install postgresql, which creates it) or "
            "name another unprivileged user in VELDBOEK_PG_USER.",
            name=name,
        ) from None
    if entry.pw_uid == 0:
        raise ClusterError("VELDBOEK_PG_USER names root; PostgreSQL cannot run as root.")
    return ServiceUser(name, entry.pw_uid, entry.pw_gid)


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def pgdata(self) -> Path:
        return self.root / PGDATA

    @property
    def socket_dir(self) -> Path:
        return self.root / SOCKET

    @property
    def log_file(self) -> Path:
        return self.root / LOG / "server.log"


def _env() -> dict[str, str]:
    # No PG* variables of the caller's: the server and its tools see only this.
    return {
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": "/",
    }


def run_as(
    user: ServiceUser, cmd: Sequence[str], *, cwd: Path | None = None, timeout: float = _TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL program as the service user; its output is returned, not shown."""
    extra: dict[str, object] = {}
    if user.uid is not None:
        extra = {"user": user.uid, "group": user.gid, "extra_groups": []}
    try:
        done: subprocess.CompletedProcess[str] = subprocess.run(  # noqa: S603  (our arguments, no shell)
            list(cmd),
            cwd=str(cwd) if cwd else "/",
            env=_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **extra,  # type: ignore[call-overload]
        )
        return done
    except subprocess.TimeoutExpired:
        raise ClusterError("{tool} did not finish in time.", tool=Path(cmd[0]).name) from None
    except OSError as exc:
        raise ClusterError(
            "{tool} could not be run: {why}.", tool=Path(cmd[0]).name, why=exc.strerror or exc
        ) from None


def own(path: Path, user: ServiceUser, mode: int) -> None:
    os.chmod(path, mode)
    if user.uid is not None:
        os.chown(path, user.uid, user.gid if user.gid is not None else -1)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "no output"


def _reachable(user: ServiceUser, folder: Path) -> bool:
    """Whether the service user can reach and write ``folder`` (every folder above
    it must let that user through)."""
    if user.uid is None:
        return os.access(folder, os.W_OK | os.X_OK)
    probe = run_as(user, ["/bin/sh", "-c", 'test -w "$1" && test -x "$1"', "sh", str(folder)])
    return probe.returncode == 0


def _settings(layout: Layout, *, port: int, listen: str) -> str:
    socket = str(layout.socket_dir).replace("'", "''")
    return "\n".join(
        (
            "",
            "# Written by `veldboek central init` (docs/central.md).",
            f"listen_addresses = '{listen}'",
            f"port = {port}",
            f"unix_socket_directories = '{socket}'",
            "unix_socket_permissions = 0700",
            "password_encryption = 'scram-sha-256'",
            "fsync = on",
            "synchronous_commit = on",
            "full_page_writes = on",
            "wal_level = replica",
            "max_wal_senders = 4",
            "log_connections = on",
            "log_disconnections = on",
            # Statement texts can hold search terms: never in the server's log.
            "log_statement = 'none'",
            "log_min_error_statement = panic",
            # Nor the DETAIL and CONTEXT lines of an error, which quote the data.
            "log_error_verbosity = terse",
            "default_text_search_config = 'pg_catalog.dutch'",
            # A unit server's store (GBs, docs/central.md): a quarter of the memory
            # for PostgreSQL's own cache, the full-page images in the WAL
            # compressed (half the WAL an ingest writes into a large store), and
            # checkpoints far enough apart that a large package is not cut by one.
            f"shared_buffers = {shared_buffers_mb()}MB",
            f"wal_compression = {binaries.wal_compression()}",
            "max_wal_size = 4GB",
            "checkpoint_timeout = 15min",
            *(tls.SETTINGS if listen else ()),
            "",
        )
    )


def shared_buffers_mb() -> int:
    """A quarter of the memory this machine gives us (a container's limit, if lower
    than the machine's), from 128 MB (PostgreSQL's default) to 4 GB."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    total = min(total, memory_limit() or total)
    return max(128, min(4096, total // (4 * 1024 * 1024)))


_LIMITS = (
    Path("/sys/fs/cgroup/memory.max"),  # cgroup v2
    Path("/sys/fs/cgroup/memory/memory.limit_in_bytes"),  # cgroup v1
)


def memory_limit() -> int | None:
    """The memory limit of this process's control group, in bytes; None if none."""
    for path in _LIMITS:
        try:
            text = path.read_text().strip()
        except OSError:
            continue
        if text.isdigit() and int(text) < 1 << 60:  # v1 writes a huge number for none
            return int(text)
    return None


def _hba(listen: str) -> str:
    lines = [
        "# Written by `veldboek central init`: password logins (SCRAM) only.",
        "local   all          all                 scram-sha-256",
        "local   replication  all                 scram-sha-256",
    ]
    if listen:
        # Over the network: TLS (``tls``) and the password, nothing else.
        lines += [
            "hostssl all          all   all         scram-sha-256",
            "hostssl replication  all   all         scram-sha-256",
            "hostnossl all        all   all         reject",
        ]
    return "\n".join(lines) + "\n"


def init_cluster(
    root: Path, *, admin_password: str, port: int = DEFAULT_PORT, listen: str = ""
) -> ServiceUser:
    """initdb into ``root/pgdata`` (data checksums, SCRAM, UTF-8), its settings and
    access rules written; the server is not started. ``root`` exists, empty but
    for what the caller put there."""
    user = service_user()
    layout = Layout(root)
    os.chmod(root, 0o711 if user.uid is not None else 0o700)
    for folder in (layout.pgdata, layout.socket_dir, layout.log_file.parent):
        folder.mkdir(mode=0o700)
        own(folder, user, 0o700)
    if not _reachable(user, layout.pgdata):
        raise ClusterError(
            "The server's user {user} cannot reach {path}: a folder above it is closed to "
            "that user. Choose a place it can reach (docs/central.md).",
            user=user.name,
            path=layout.pgdata,
        )
    pwfile = layout.socket_dir / ".initdb-password"
    fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, admin_password.encode() + b"\n")
    finally:
        os.close(fd)
    own(pwfile, user, 0o600)
    try:
        result = run_as(
            user,
            [
                binaries.tool("initdb"),
                "--pgdata",
                str(layout.pgdata),
                "--username",
                ADMIN,
                "--pwfile",
                str(pwfile),
                "--auth-local",
                "scram-sha-256",
                "--auth-host",
                "scram-sha-256",
                "--data-checksums",
                "--encoding",
                "UTF8",
                "--locale",
                "C.UTF-8",
            ],
            cwd=layout.pgdata,
        )
    finally:
        pwfile.unlink(missing_ok=True)
    if result.returncode != 0:
        raise ClusterError("initdb failed: {why}", why=_last_line(result.stderr or result.stdout))
    with open(layout.pgdata / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(_settings(layout, port=port, listen=listen))
    (layout.pgdata / "pg_hba.conf").write_text(_hba(listen), encoding="utf-8")
    if listen:
        _certificate(root, layout, user, listen)
    return user


def _certificate(root: Path, layout: Layout, user: ServiceUser, listen: str) -> None:
    """The server's TLS key and certificate in pgdata (the key the server user's
    only), and the certificate for clients in DIR."""
    made = tls.make_certificate(listen)
    key = layout.pgdata / tls.KEY
    fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(made.key_pem)
    own(key, user, 0o600)
    (layout.pgdata / tls.CERT).write_bytes(made.cert_pem)
    own(layout.pgdata / tls.CERT, user, 0o644)
    (root / tls.CERT).write_bytes(made.cert_pem)
    os.chmod(root / tls.CERT, 0o644)


def is_running(root: Path) -> bool:
    layout = Layout(root)
    if not layout.pgdata.is_dir():
        return False
    result = run_as(service_user(), [binaries.tool("pg_ctl"), "status", "-D", str(layout.pgdata)])
    return result.returncode == 0


def start(root: Path) -> bool:
    """Start the server and wait until it takes connections. False: it was running."""
    layout = Layout(root)
    if not (layout.pgdata / "PG_VERSION").is_file():
        from app.central.errors import CentralNotFound

        raise CentralNotFound("No central system's cluster in {path}.", path=root)
    if is_running(root):
        return False
    result = run_as(
        service_user(),
        [
            binaries.tool("pg_ctl"),
            "start",
            "-D",
            str(layout.pgdata),
            "-l",
            str(layout.log_file),
            # Also for a cluster made before the setting was written (and above
            # any ALTER SYSTEM): an error's DETAIL and CONTEXT quote the data.
            "-o",
            "-c log_error_verbosity=terse",
            "-w",
            "-t",
            "90",
        ],
        timeout=120,
    )
    if result.returncode != 0:
        raise ClusterError(
            "The database server did not start: {why} (its log: {log}).",
            why=_last_line(result.stderr or result.stdout),
            log=layout.log_file,
        )
    return True


def reload(root: Path) -> None:
    """Have the running server read its settings and TLS files again."""
    result = run_as(
        service_user(), [binaries.tool("pg_ctl"), "reload", "-D", str(Layout(root).pgdata)]
    )
    if result.returncode != 0:
        raise ClusterError(
            "The database server did not reload: {why}.",
            why=_last_line(result.stderr or result.stdout),
        )


def stop(root: Path, *, mode: str = "fast") -> bool:
    """Stop the server (``fast``: sessions are ended, open transactions rolled back).
    False: it was not running."""
    if not is_running(root):
        return False
    result = run_as(
        service_user(),
        [binaries.tool("pg_ctl"), "stop", "-D", str(Layout(root).pgdata), "-m", mode, "-w"],
        timeout=120,
    )
    if result.returncode != 0:
        raise ClusterError(
            "The database server did not stop: {why}.",
            why=_last_line(result.stderr or result.stdout),
        )
    return True


def remove(root: Path) -> None:
    """Take away a cluster that could not be set up (a failed init)."""
    if is_running(root):
        stop(root, mode="immediate")
    for name in (PGDATA, SOCKET, LOG):
        shutil.rmtree(root / name, ignore_errors=True)
    (root / tls.CERT).unlink(missing_ok=True)

"""Where PostgreSQL's server programs are: ``pg_config --bindir``, else the
newest of Debian's /usr/lib/postgresql/*/bin, else the PATH."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from app.central.errors import ClusterError

_DEBIAN = Path("/usr/lib/postgresql")
NEEDED = ("initdb", "pg_ctl", "postgres")


def _version_key(path: Path) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in path.parent.name.split("."))
    except ValueError:
        return (0,)


def candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("VELDBOEK_PG_BINDIR")
    if override:
        found.append(Path(override))
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run(  # noqa: S603  (pg_config found on the PATH, no shell)
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True
            ).stdout.strip()
            if out:
                found.append(Path(out))
        except (OSError, subprocess.SubprocessError):
            pass
    if _DEBIAN.is_dir():
        found += sorted(_DEBIAN.glob("*/bin"), key=_version_key, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        found.append(Path(initdb).parent)
    return found


def bindir() -> Path:
    """The first folder that holds initdb, pg_ctl and postgres."""
    for folder in candidates():
        if all((folder / name).is_file() for name in NEEDED):
            return folder
    raise ClusterError(
        "PostgreSQL's server programs (initdb, pg_ctl) were not found: install PostgreSQL "
        "(Debian: apt-get install postgresql) or set VELDBOEK_PG_BINDIR."
    )


def tool(name: str) -> str:
    return str(bindir() / name)


def wal_compression() -> str:
    """lz4 where this PostgreSQL was built with it (Debian's is), else its own pglz."""
    pg_config = bindir() / "pg_config"
    try:
        configure = subprocess.run(  # noqa: S603  (the server's own pg_config, no shell)
            [str(pg_config), "--configure"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        configure = ""
    return "lz4" if "--with-lz4" in configure else "pglz"

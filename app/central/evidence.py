"""Is the evidence still what arrived? Each debrief version and each record of a
source's file is kept as ``jsonb`` beside the SHA-256 its signed package named
for the record's canonical JSON (``app/export/canonical.py``). Canonical JSON
holds objects, arrays, strings, integers, booleans and null only, which ``jsonb``
keeps exactly (its order of keys apart, which canonical JSON sorts again), so
encoding the stored value canonically gives the bytes that were hashed: a
version changed in the store (a trigger disabled by someone with the server's
rights, then an UPDATE) no longer hashes as its package said.

The sealed package files are checked against the SHA-256 each package row keeps;
that row could be changed too, but not the signed manifest's hashes of the
records inside the file (``central verify`` tells what it checked)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from app.export import canonical

BATCH = 1000


def intact(data: Any, sha256: str) -> bool:
    """Whether ``data`` (a stored version, as ``jsonb`` gives it back) is the record
    whose canonical JSON hashes to ``sha256``."""
    try:
        return hashlib.sha256(canonical.dumps(data)).hexdigest() == sha256
    except ValueError:  # a fraction, a number past 64 bits: never canonical JSON
        return False


def altered_in(shown: dict[str, Any]) -> list[str]:
    """The versions of a shown file (``reading.show``) that are not intact."""
    out = [
        f"debrief {shown['debrief_id']} v{v['version']}"
        for v in shown.get("versions", [])
        if not v["intact"]
    ]
    for d in shown.get("debriefs", []):
        out += [
            f"debrief {d['debrief_id']} v{v['version']}" for v in d["versions"] if not v["intact"]
        ]
    out += [
        f"{r['type']} {r['id']} v{r['version']}" for r in shown.get("file", []) if not r["intact"]
    ]
    return out


@dataclass
class Checked:
    versions: int = 0  # debrief versions and records of sources' files
    packages: int = 0  # sealed files
    altered: list[str] = field(default_factory=list)


_VERSIONS = (
    "SELECT 'debrief', debrief_id::text, version, sha256, data FROM central.debrief_versions "
    "UNION ALL SELECT record_type, record_id::text, version, sha256, data "
    "FROM central.record_versions"
)


def verify(conn: Connection) -> Checked:
    """Hash every stored version and every kept package file again (as the
    administrator: every team)."""
    done = Checked()
    rows = conn.execution_options(yield_per=BATCH).execute(text(_VERSIONS))
    for kind, rid, version, sha256, data in rows:
        done.versions += 1
        if not intact(data, sha256):
            done.altered.append(f"{kind} {rid} v{version}")
    _files(conn, done)
    return done


def _files(conn: Connection, done: Checked) -> None:
    """Each package's kept file, its pieces in order, against the package's hash."""
    expected: dict[Any, str] = {
        r[0]: r[1] for r in conn.execute(text("SELECT id, sha256 FROM central.packages"))
    }
    current: Any = None
    digest = hashlib.sha256()
    pieces = conn.execution_options(yield_per=8).execute(
        text("SELECT package_id, data FROM central.package_files ORDER BY package_id, piece")
    )
    seen = set()
    for package_id, data in pieces:
        if package_id != current:
            if current is not None:
                _file_done(done, current, digest.hexdigest(), expected)
            current, digest = package_id, hashlib.sha256()
            seen.add(package_id)
        digest.update(data)
    if current is not None:
        _file_done(done, current, digest.hexdigest(), expected)
    for missing in sorted(set(expected) - seen, key=str):
        done.altered.append(f"package file {missing} (no longer kept)")


def _file_done(done: Checked, package_id: Any, sha256: str, expected: dict[Any, str]) -> None:
    done.packages += 1
    if expected.get(package_id) != sha256:
        done.altered.append(f"package file {package_id}")

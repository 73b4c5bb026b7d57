"""Proof: no plaintext of vault content reaches the disk outside the encrypted
database: not in temp files, not in the data or config folders, not in logs.

A child process writes unique markers through the services (sources, sealed
identities, debriefs, items, subjects, addenda), runs full-text queries and a
large sort, locks the vault; then every file it could have touched is scanned.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import uuid
from pathlib import Path

import pytest

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.services import aliases, debriefs, identity, search, sources
    from app.services.debriefs import DebriefContent
    from app.services.views import IdentityFields
    from app.vault.vault import Vault
    from tests import factory

    marker, root = sys.argv[1], Path(sys.argv[2])
    factory.make_vault(root)
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        sid = factory.source(vault, scope, "CANARY", motivation=marker + " motivation")
        identity.record_identity(vault, scope, sid, IdentityFields(
            full_name=marker + " identity", phone_numbers=(marker + "-phone",)))
        filler = " ".join(f"{marker}{i:05d} padding text for a large sort" for i in range(400))
        for n in range(60):
            did = factory.debrief(vault, scope, sid, narrative=f"{marker} narrative {n} " + filler,
                                  items=(factory.graded_item(f"{marker} item {n}"),), submit=True)
            debriefs.add_addendum(vault, scope, did, f"{marker} addendum {n}")
        assert len(search.search(vault, scope, marker, limit=500)) > 100
        assert search.search(vault, scope, marker[:12] + "*", limit=10)
        with vault.read() as session:  # a sort far larger than the page cache
            rows = session.connection().exec_driver_sql(
                "SELECT narrative || id FROM debrief ORDER BY narrative || id DESC").all()
            assert len(rows) == 60
        listing = debriefs.list_debriefs(vault, scope)
        assert len(listing.rows) == 60
        identity.reveal_identity(vault, scope, sid, passphrase=factory.PASSPHRASE,
                                 reason="canary test")
    print("done")
    """
)


def _hits(folder: Path, needles: list[bytes]) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        try:
            if not path.is_file() or path.is_symlink():
                continue
            data = path.read_bytes()
        except OSError:
            continue
        found.extend(f"{path}" for needle in needles if needle in data)
    return found


@pytest.mark.slow
def test_no_marker_reaches_disk_in_plaintext(tmp_path: Path) -> None:
    marker = "CANARY" + uuid.uuid4().hex[:16].upper()
    home = tmp_path / "home"
    tmp = tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    vault = tmp_path / "vault"
    env = dict(
        os.environ,
        VELDBOEK_HOME=str(home),
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        TMPDIR=str(tmp),
        TEMP=str(tmp),
        TMP=str(tmp),
    )
    result = subprocess.run(
        [sys.executable, "-c", CHILD, marker, str(vault)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done" in result.stdout
    assert marker not in result.stderr  # nothing logged either
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.lower().encode()]
    places = [vault, home, tmp, Path(tempfile.gettempdir())]
    hits = [hit for place in places if place.exists() for hit in _hits(place, needles)]
    assert hits == []
    assert (vault / "vault.db").stat().st_size > 100_000  # the data did go somewhere

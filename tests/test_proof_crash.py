"""Proof: a crash at any moment leaves the vault openable and loses nothing
committed. A child writes in a loop (and locks/unlocks now and then, so header
writes are hit too) and is killed with SIGKILL at random moments."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Debrief
from app.services.admin.check import check_vault
from app.vault.vault import Vault
from tests.helpers import factory

TRIALS = 14

WRITER = textwrap.dedent(
    """
    import os
    import sys
    from pathlib import Path
    from app.services.admin import aliases
    from app.services.records import debriefs
    from app.services.records.debriefs import DebriefContent
    from app.vault.vault import Vault
    from tests.helpers import factory

    root = Path(sys.argv[1])
    n = 0
    while True:
        vault = Vault.open(root, factory.PASSPHRASE)
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope, f"W{os.getpid()}N{n}")
        for _ in range(15):
            did = debriefs.create_draft(vault, scope, source)
            debriefs.save_draft(vault, scope, did, DebriefContent(narrative=f"entry {n}" * 50))
            print(did.hex, flush=True)  # printed only after the commit returned
            n += 1
        vault.lock()
    """
)


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    root = factory.make_vault(tmp_path / "vault")
    rng = random.Random(20261123)
    committed: set[str] = set()
    repo = Path(__file__).resolve().parent.parent
    for trial in range(TRIALS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(root)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=repo,
        )
        # Start the clock once the writer really writes: on a busy machine its
        # start-up alone can outlast a fixed delay, and the kill would hit nothing.
        assert child.stdout is not None
        first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, 1.7))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=30)
        assert first, f"trial {trial}: writer wrote nothing: {err[-1000:]}"
        assert child.returncode == -signal.SIGKILL, (
            f"trial {trial}: writer died early: {err[-1000:]}"
        )
        committed |= {line for line in (first + out).split() if len(line) == 32}
        with Vault.open(root, factory.PASSPHRASE) as vault, vault.read() as session:
            present = {d.hex for d in session.execute(select(Debrief.id)).scalars()}
        assert committed <= present, (
            f"trial {trial}: lost {len(committed - present)} committed rows"
        )
        report = check_vault(root, factory.PASSPHRASE)
        assert report.ok, f"trial {trial}: {report.lines}"
    assert len(committed) > TRIALS  # the kills did land amid real writing

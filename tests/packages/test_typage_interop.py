"""typage (the age-encryption npm package, another implementation of age with the
mlkem768x25519 recipient type) opens the packages Veldboek seals: a runner's
package, sealed to its handler with decoy stanzas, opens to the same signed container.

Node.js and the pinned typage (tests/interop, ``npm ci``) are set up by the README's
test command and by CI. Where Node.js is missing the test says so and is skipped:
Veldboek itself never needs it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.crypto import age
from app.domain.enums import PeerRole
from app.export import container
from app.services.exchange import keys, packages
from tests.packages.conftest import Pair, rich_debrief, submitted_debriefs

INTEROP = Path(__file__).parent.parent / "interop"
NODE = shutil.which("node")

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")


def _typage(
    identity_seed: bytes, sealed: Path, tmp_path: Path
) -> subprocess.CompletedProcess[bytes]:
    assert (INTEROP / "node_modules" / "age-encryption").is_dir(), (
        "typage is not installed: run `npm ci --prefix tests/interop` (dev.py test does)"
    )
    identity = tmp_path / "identity.txt"
    identity.write_text(age.encode_identity(identity_seed) + "\n")
    assert NODE is not None
    return subprocess.run(
        [NODE, str(INTEROP / "typage_decrypt.mjs"), str(identity), str(sealed)],
        capture_output=True,
        timeout=120,
    )


def test_typage_opens_a_runners_package(pair: Pair, tmp_path: Path) -> None:
    rich_debrief(pair.runner)
    submitted_debriefs(pair.runner, 3)
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    seed = keys.private_keys(pair.handler.vault).receiving_seed
    opened = _typage(seed, sent.path, tmp_path)
    assert opened.returncode == 0, opened.stderr.decode()
    # Byte for byte the container Veldboek's own reader gets, signature and all.
    assert opened.stdout == age.decrypt(sent.path.read_bytes(), seed)
    inner = container.parse(opened.stdout)
    runner = keys.own_bundle(pair.runner.vault, "x", PeerRole.RUNNER)
    inner.verify(runner.signing_public)
    # 4 debriefs, and the two sources' files: registrations, a tasking and a payment
    assert sum(r["type"] == "debrief" for r in inner.body["records"]) == 4
    assert len(inner.body["records"]) == 8


def test_typage_refuses_a_package_for_someone_else(pair: Pair, tmp_path: Path) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    opened = _typage(age.new_identity(), sent.path, tmp_path)
    assert opened.returncode == 1
    assert opened.stdout == b""

"""Two vaults that exchange packages: a runner's and its team handler's, each
holding the other's confirmed key bundle."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.dal.scope import Scope
from app.models.enums import Role
from app.models.packages import PeerRole
from app.services import aliases, keys
from app.vault.vault import Vault
from tests import factory

HANDLER = "Havik"


@dataclass
class Party:
    vault: Vault
    scope: Scope
    path: Path


@dataclass
class Pair:
    runner: Party
    handler: Party
    outbox: Path


def introduce(a: Party, b: Party, role_of_b: PeerRole, name: str) -> None:
    """``a`` confirms ``b``'s key, as after reading the fingerprint aloud."""
    bundle = keys.read_bundle(keys.bundle_bytes(b.vault, keys.own_bundle(b.vault, name, role_of_b)))
    keys.add_peer(
        a.vault, a.scope, bundle, role=role_of_b, confirmed_spoken=bundle.fingerprint.spoken
    )


def open_party(root: Path, alias: str, role: Role) -> Party:
    factory.make_vault(root, alias=alias, role=role)
    vault = Vault.open(root, factory.PASSPHRASE)
    return Party(vault, aliases.resolve_scope(vault, alias), root)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    runner = open_party(tmp_path / "runner", factory.RUNNER, Role.RUNNER)
    handler = open_party(tmp_path / "handler", HANDLER, Role.HANDLER)
    introduce(runner, handler, PeerRole.HANDLER, "Team handler")
    introduce(handler, runner, PeerRole.RUNNER, "Runner Valk")
    outbox = tmp_path / "usb"
    outbox.mkdir()
    yield Pair(runner, handler, outbox)
    runner.vault.lock()
    handler.vault.lock()


def submitted_debriefs(party: Party, count: int, codename: str = "MEREL") -> list:
    source = factory.source(party.vault, party.scope, codename)
    return [
        factory.debrief(
            party.vault, party.scope, source, narrative=f"Meeting {n} narrative.", submit=True
        )
        for n in range(count)
    ]

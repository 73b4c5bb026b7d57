"""Runners' vaults in three teams, with the packages they sent, for the central
system's tests: made once per session by the app's own export."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.central import teams
from app.central.place import Place
from app.central.store import Store
from app.domain.enums import PeerRole, Role
from app.services.demo_data import generator as demo
from app.services.exchange import keys, packages
from app.services.records import debriefs
from tests.packages.conftest import Party, introduce, open_party, rich_debrief, submitted_debriefs

HANDLER = "Havik"
# What a runner's vault shows for the central system's key.
CENTRAL_NAME = "Centraal"


@dataclass
class Runner:
    party: Party
    team: str
    bundle: keys.KeyBundle
    files: list[Path] = field(default_factory=list)

    def export(self, out: Path) -> Path:
        result = packages.export_package(
            self.party.vault, self.party.scope, to_dir=out, all_new=True
        )
        self.files.append(result.path)
        return result.path


@dataclass
class Fleet:
    noord: Runner  # team Noord: 3 packages (the 2nd carries version 2 of a debrief)
    zuid: Runner  # team Zuid: 1 package
    oost: Runner  # team Oost: 4 larger packages (demo data), for the kill and race tests
    handler: Party
    revised: str  # the debrief Noord sent twice (id)

    @property
    def runners(self) -> tuple[Runner, ...]:
        return (self.noord, self.zuid, self.oost)

    def register(self, place: Place, *which: Runner) -> None:
        store = Store(place)
        try:
            with store.begin() as conn:
                for runner in which or self.runners:
                    teams.register(
                        conn,
                        runner.bundle,
                        role=PeerRole.RUNNER,
                        team=runner.team,
                        confirmed_spoken=runner.bundle.fingerprint.spoken,
                        by="test",
                    )
        finally:
            store.close()

    def close(self) -> None:
        for party in (self.handler, *(r.party for r in self.runners)):
            if not party.vault.is_locked:
                party.vault.lock()


def new_runner(
    root: Path, alias: str, team: str, handler: Party, central: keys.KeyBundle
) -> Runner:
    """A runner's vault that knows the team handler's key and central's."""
    party = open_party(root, alias, Role.RUNNER)
    introduce(party, handler, PeerRole.HANDLER, "Team handler")
    keys.add_peer(
        party.vault,
        party.scope,
        central,
        role=PeerRole.CENTRAL,
        confirmed_spoken=central.fingerprint.spoken,
        name=CENTRAL_NAME,
    )
    own = keys.read_bundle(
        keys.bundle_bytes(
            party.vault, keys.own_bundle(party.vault, f"Runner {alias}", PeerRole.RUNNER)
        )
    )
    return Runner(party, team, own)


def make_fleet(folder: Path, central_bundle: bytes) -> Fleet:
    central = keys.read_bundle(central_bundle)
    handler = open_party(folder / "handler", HANDLER, Role.HANDLER)
    out = folder / "out"
    out.mkdir()
    noord = new_runner(folder / "noord", "Valk", "Noord", handler, central)
    first = rich_debrief(noord.party, "ZWALUW", marker="De woningen aan de kade staan leeg.")
    submitted_debriefs(noord.party, 3, "MEREL")
    noord.export(out)
    debriefs.add_addendum(
        noord.party.vault, noord.party.scope, first, "Later: the van was seen again."
    )
    noord.export(out)
    submitted_debriefs(noord.party, 2, "SPREEUW")
    noord.export(out)

    zuid = new_runner(folder / "zuid", "Uil", "Zuid", handler, central)
    submitted_debriefs(zuid.party, 2, "KRAAI")
    zuid.export(out)

    oost = new_runner(folder / "oost", demo.DEMO_ALIAS, "Oost", handler, central)
    for seed in range(1, 5):
        demo.generate(oost.party.vault, sources=6, debriefs=400, seed=seed)
        oost.export(out)
    return Fleet(noord, zuid, oost, handler, str(first))

"""A handler's vault takes in the central system's deconfliction notices with the
ordinary ``veldboek package import`` and shows an open match on the source's file
(``veldboek show source``): possibly the same person as a source of another team,
by which kind of attribute; never more. Sealed with the app's own code as the
central system seals them (app/central/outgoing.py)."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.cli import main
from app.clock import iso_utc, utc_now
from app.crypto import age, signing
from app.domain.enums import PeerRole, Role
from app.export import deconfliction, package
from app.export.deconfliction import MatchNotice
from app.export.manifest import Manifest
from app.models.packages import DeconflictionNotice
from app.services.admin import aliases
from app.services.exchange import deconfliction_notices, keys
from tests.helpers import factory
from tests.packages.conftest import HANDLER, Party, open_party

OPENED = "2026-12-06T10:00:00.000000Z"


@dataclass
class Central:
    """A central system's key pair, as ``central init`` makes one."""

    signing: bytes = field(default_factory=signing.new_signing_key)
    seed: bytes = field(default_factory=age.new_identity)
    sent: tuple[int, str] = (0, "")
    handler: keys.KeyBundle | None = None  # the handler's public key, once registered

    name: str = "Centraal"

    def bundle(self, role: PeerRole = PeerRole.CENTRAL) -> keys.KeyBundle:
        raw = keys.signed_bundle(
            keys.KeyBundle(
                self.name, role, signing.signing_public(self.signing),
                age.public_key(self.seed), iso_utc(utc_now()),
            ),
            self.signing,
        )  # fmt: skip
        return keys.read_bundle(raw)

    def notice(self, matches: list[MatchNotice], out: Path) -> Path:
        own = self.handler
        assert own is not None
        number, previous = self.sent
        manifest = Manifest(
            kind=deconfliction.NOTICE_KIND,
            package_id=uuid.uuid4(),
            created_at=iso_utc(utc_now()),
            schema="central c0003",
            sender=self.bundle().fingerprint.hex,
            recipients=(own.fingerprint.hex,),
            sequence=number + 1,
            previous=previous,
        )
        sealed = package.seal(
            manifest, deconfliction.notice_body(matches), self.signing, [own.recipient_public]
        )
        self.sent = (number + 1, hashlib.sha256(sealed).hexdigest())
        out.write_bytes(sealed)
        return out


@pytest.fixture
def handler(tmp_path: Path) -> Iterator[Party]:
    party = open_party(tmp_path / "handler", HANDLER, Role.HANDLER)
    yield party
    if not party.vault.is_locked:
        party.vault.lock()


def _trust(party: Party, central: Central) -> None:
    """Each registers the other's key (the handler's at central, central's here)."""
    central.handler = keys.read_bundle(
        keys.bundle_bytes(party.vault, keys.own_bundle(party.vault, HANDLER, PeerRole.HANDLER))
    )
    b = central.bundle()
    keys.add_peer(
        party.vault, party.scope, b, role=PeerRole.CENTRAL, confirmed_spoken=b.fingerprint.spoken
    )


def match(source: uuid.UUID, **change: str) -> MatchNotice:
    fields = {
        "match_id": str(uuid.uuid4()), "kind": "phone", "source_id": str(source),
        "other_team": "Zuid", "other_source": "", "opened_at": OPENED, "status": "open",
        "decided_at": "", "why": "",
    }  # fmt: skip
    return MatchNotice(**(fields | change))


def cli(capsys: pytest.CaptureFixture[str], party: Party, *args: str) -> tuple[int, str, str]:
    pp = party.path.parent / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    party.vault.lock()
    code = main(
        [*args, "--vault", str(party.path), "--passphrase-file", str(pp), "--alias", HANDLER]
    )
    out, err = capsys.readouterr()
    return code, out, err


def test_a_notice_is_taken_in_and_an_open_match_shown_on_the_source(
    capsys: pytest.CaptureFixture[str], handler: Party, tmp_path: Path
) -> None:
    central = Central()
    _trust(handler, central)
    zwaluw = factory.source(handler.vault, handler.scope, "ZWALUW")
    merel = factory.source(handler.vault, handler.scope, "MEREL")
    spreeuw = factory.source(handler.vault, handler.scope, "SPREEUW")
    phone = match(zwaluw)
    twice = match(merel, kind="name_dob", other_team="Noord", other_source=str(spreeuw))
    first = central.notice([phone, twice], tmp_path / "n1.age")

    # Checked first, as the Packages page does: what it holds, and nothing stored.
    code, out, err = cli(capsys, handler, "package", "verify", str(first))
    assert (code, err) == (0, "")
    assert "deconfliction notice: 2 matches" in out
    assert "debriefs" not in out
    code, out, err = cli(capsys, handler, "show", "source", "ZWALUW")
    assert "Possibly the same person" not in out
    code, out, err = cli(capsys, handler, "package", "import", str(first))
    assert code == 0, err
    assert "deconfliction notice 1 from Centraal: 2 matches, 2 open" in out
    code, out, _ = cli(capsys, handler, "show", "source", "ZWALUW")
    assert "Possibly the same person as a source of team Zuid: phone number" in out
    code, out, _ = cli(capsys, handler, "show", "source", "MEREL", "--json")
    [shown] = json.loads(out)["deconfliction"]
    assert (shown["kind"], shown["other_codename"]) == ("name_dob", "SPREEUW")
    # The notice names MEREL's side; SPREEUW's file shows the match too.
    code, out, _ = cli(capsys, handler, "show", "source", "SPREEUW")
    assert "Possibly the same person as MEREL (this team): name and date of birth" in out

    # The same file again is a replay; a decision in a newer notice closes the match.
    code, _out, err = cli(capsys, handler, "package", "import", str(first))
    assert code != 0
    assert "already imported" in err
    decided = match(zwaluw, status="different", decided_at=OPENED, why="")
    second = central.notice(
        [MatchNotice(**(decided.to_dict() | {"match_id": phone.match_id}))],
        tmp_path / "n2.age",
    )  # fmt: skip
    assert cli(capsys, handler, "package", "import", str(second))[0] == 0
    code, out, _ = cli(capsys, handler, "show", "source", "ZWALUW")
    assert "Possibly the same person" not in out


def test_a_notice_signed_by_another_key_than_centrals_is_refused(
    capsys: pytest.CaptureFixture[str], handler: Party, tmp_path: Path
) -> None:
    central, impostor = Central(), Central(name="Runner Specht")
    _trust(handler, central)
    impostor.handler = central.handler
    # A runner's key the handler confirmed signs a notice: not central's.
    b = impostor.bundle(PeerRole.RUNNER)
    keys.add_peer(
        handler.vault, handler.scope, b, role=PeerRole.RUNNER, confirmed_spoken=b.fingerprint.spoken
    )
    source = factory.source(handler.vault, handler.scope, "ZWALUW")
    forged = impostor.notice([match(source)], tmp_path / "forged.age")
    refusal = [
        "veldboek: A deconfliction notice comes from the central system's key (role "
        "central); this one is signed by another."
    ]
    for action in ("verify", "import"):
        code, out, err = cli(capsys, handler, "package", action, str(forged))
        assert (code, out) == (1, "")
        assert err.splitlines() == refusal
    code, out, _ = cli(capsys, handler, "show", "source", "ZWALUW")
    assert "Possibly the same person" not in out


def test_an_alias_sees_only_the_matches_of_sources_in_its_own_compartments(
    handler: Party,
) -> None:
    mine = factory.source(handler.vault, handler.scope, "ZWALUW")
    aliases.add_alias(handler.vault, "Sperwer", role=Role.HANDLER, can_act=True)
    other = aliases.resolve_scope(handler.vault, "Sperwer")
    theirs = factory.source(handler.vault, other, "KRAAI")
    now = utc_now()
    with handler.vault.write() as session:
        for source in (mine, theirs):
            session.add(
                DeconflictionNotice(
                    match_id=uuid.uuid4(), source_id=source, kind="address", other_team="Zuid",
                    other_source=None, opened_at=now, status="open", decided_at=None, why="",
                    package_id=uuid.uuid4(), received_at=now,
                )
            )  # fmt: skip
    seen = {m.codename for m in deconfliction_notices.open_matches(handler.vault, handler.scope)}
    assert seen == {"ZWALUW"}
    assert [m.codename for m in deconfliction_notices.open_matches(handler.vault, other)] == [
        "KRAAI"
    ]


def test_matches_that_read_alike_are_told_apart_by_their_short_id(
    capsys: pytest.CaptureFixture[str], handler: Party, tmp_path: Path
) -> None:
    """Four matches of one source with team Zuid by name and birth date (four of
    Zuid's sources, or one matched again under a new key): four lines, each naming
    its match as central's list starts its id, and its state."""
    central = Central()
    _trust(handler, central)
    uil = factory.source(handler.vault, handler.scope, "UIL")
    found = [match(uil, kind="name_dob") for _ in range(4)]
    told = central.notice(found, tmp_path / "n1.age")
    assert cli(capsys, handler, "package", "import", str(told))[0] == 0
    code, out, _ = cli(capsys, handler, "show", "source", "UIL")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("Possibly the same person")]
    assert len(lines) == len(set(lines)) == 4
    day = OPENED[:10]
    for m in found:
        short = uuid.UUID(m.match_id).hex[:8]
        assert (
            "Possibly the same person as a source of team Zuid: name and date of birth "
            f"(match {short}, open since {day})"
        ) in lines
    _code, out, _ = cli(capsys, handler, "show", "source", "UIL", "--json")
    shown = json.loads(out)["deconfliction"]
    assert sorted((s["short_id"], s["status"]) for s in shown) == sorted(
        (uuid.UUID(m.match_id).hex[:8], "open") for m in found
    )

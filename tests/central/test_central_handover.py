"""A source handed over to another runner, at the central system: the handover
package (sealed to central too) moves the source to the new runner there, so the
new runner's packages naming it are stored and the old runner's made after it
refused; real vaults, real packages (docs/central.md, "Handovers")."""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.central import store, teams
from app.central.place import Place
from app.domain.enums import PeerRole, Role
from app.export import package
from app.models import Source
from app.services.exchange import handover, keys, package_receive, receipts
from app.services.records import debriefs, identity
from app.services.views import IdentityFields
from tests.central.conftest import Cluster
from tests.central.test_central_ingest import counts, ingest, passfile, query
from tests.helpers import factory
from tests.helpers.central import Result, run
from tests.helpers.central_fleet import HANDLER, Runner, new_runner
from tests.packages.conftest import Party, introduce, open_party, rich_debrief, submitted_debriefs

__all__ = ["passfile"]  # a fixture, used by name

SECRET_NAME = "Johanna Pietersen-Vlug"
NOT_HOLDER = (
    "The handover comes from a runner who does not hold that source here (another runner "
    "sent it); nothing was stored."
)
OTHER_TEAM = (
    "The handover hands the source to another team's runner: the central system moves a "
    "source only between runners of one team; nothing was stored."
)


@dataclass
class Handed:
    old: Runner  # Valk: ZWALUW (with a true identity) and MEREL, then ZWALUW handed over
    new: Runner  # Specht: takes ZWALUW on, and runs KRAAI of their own
    handler: Party
    source: str  # ZWALUW's id
    old_first: Path  # Valk's package of ZWALUW and MEREL
    old_late: Path  # Valk's next package (ZWALUW's addendum), made before the handover
    handover: Path  # ZWALUW, Valk -> Specht
    new_after: Path  # Specht's package: a debrief of ZWALUW and one of KRAAI
    back: Path  # ZWALUW, Specht -> Valk again

    def register(self, place: Place, *, new_team: str = "Noord") -> None:
        s = store.Store(place)
        try:
            with s.begin() as conn:
                for runner, team in ((self.old, "Noord"), (self.new, new_team)):
                    teams.register(
                        conn, runner.bundle, role=PeerRole.RUNNER, team=team,
                        confirmed_spoken=runner.bundle.fingerprint.spoken, by="test",
                    )  # fmt: skip
        finally:
            s.close()


def _export(runner: Runner, out: Path) -> Path:
    return runner.export(out)


@pytest.fixture(scope="module")
def handed(central_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Handed]:
    folder = tmp_path_factory.mktemp("handed")
    central = keys.read_bundle(central_cluster.bundle)
    hnd = open_party(folder / "handler", HANDLER, Role.HANDLER)
    old = new_runner(folder / "valk", "Valk", "Noord", hnd, central)
    new = new_runner(folder / "specht", "Specht", "Noord", hnd, central)
    introduce(old.party, new.party, PeerRole.RUNNER, "Runner Specht")
    introduce(new.party, old.party, PeerRole.RUNNER, "Runner Valk")
    out = folder / "out"
    out.mkdir()

    debrief = rich_debrief(old.party, "ZWALUW")
    submitted_debriefs(old.party, 2, "MEREL")
    with old.party.vault.read() as session:
        source = session.execute(select(Source.id).where(Source.codename == "ZWALUW")).scalar_one()
    identity.record_identity(
        old.party.vault, old.party.scope, source,
        IdentityFields(SECRET_NAME, "1980-02-03", ("Kade 7",), ("0612345678",), b"", ""),
    )  # fmt: skip
    old_first = _export(old, out)
    debriefs.add_addendum(old.party.vault, old.party.scope, debrief, "Later: seen again.")
    old_late = _export(old, out)
    made = handover.hand_over(
        old.party.vault, old.party.scope, source, passphrase=factory.PASSPHRASE,
        to_runner="Runner Specht", to_dir=out,
    )  # fmt: skip
    package_receive.import_package(new.party.vault, new.party.scope, made.path)
    factory.debrief(
        new.party.vault, new.party.scope, source, narrative="Specht met him.", submit=True
    )
    submitted_debriefs(new.party, 1, "KRAAI")
    new_after = _export(new, out)
    back = handover.hand_over(
        new.party.vault, new.party.scope, source, passphrase=factory.PASSPHRASE,
        to_runner="Runner Valk", to_dir=out,
    )  # fmt: skip
    yield Handed(old, new, hnd, str(source), old_first, old_late, made.path, new_after, back.path)
    for party in (old.party, new.party, hnd):
        if not party.vault.is_locked:
            party.vault.lock()


def _fp(runner: Runner) -> str:
    return runner.bundle.fingerprint.hex


def _results(done: Result) -> list[dict[str, object]]:
    return list(json.loads(done.out))


def _holders(place: Place, source: str) -> set[str]:
    """Every sender the store attributes the source, its debriefs or its file to."""
    rows = query(
        place,
        "SELECT sender FROM central.sources WHERE id = :s UNION "
        "SELECT sender FROM central.debriefs WHERE source_id = :s UNION "
        "SELECT o.sender FROM central.record_owners o JOIN central.record_versions v "
        "ON v.record_type = o.record_type AND v.record_id = o.record_id WHERE v.source_id = :s",
        s=source,
    )
    return {r[0] for r in rows}


def test_the_new_runners_package_naming_the_source_is_stored_after_the_handover(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    """The defect: central never saw the handover, so it held the source as the old
    runner's and refused the new runner's package whole, their other source's
    debriefs with it."""
    handed.register(central_place)
    files = (handed.old_first, handed.handover, handed.new_after)
    done = ingest(capsys, central_place, passfile, *files)
    assert done.code == 0, done.err
    results = _results(done)
    assert [r["status"] for r in results] == ["stored"] * 3
    assert [r["kind"] for r in results] == ["debriefs", "handover", "debriefs"]
    assert results[1]["handed_to"] == "Runner Specht"
    assert _holders(central_place, handed.source) == {_fp(handed.new)}
    # The new runner's debriefs of both sources are held, as theirs.
    kraai = query(
        central_place,
        "SELECT d.sender FROM central.debriefs d JOIN central.sources s ON s.id = d.source_id "
        "WHERE s.codename = 'KRAAI'",
    )
    assert kraai == [(_fp(handed.new),)]
    # The handover's package is kept as the old runner's, on its own channel.
    kept = query(
        central_place,
        "SELECT sender, kind, sequence FROM central.packages WHERE id = :p",
        p=results[1]["package_id"],
    )
    assert kept == [(_fp(handed.old), "handover", 1)]

    # A staff reader sees the source as the new runner's, and its handover.
    db = ("--db", str(central_place.url))
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    shown = run(capsys, "central", "show", "source", handed.source, *db, "--user", "anna")
    assert shown.code == 0, shown.err
    source = json.loads(shown.out)
    assert source["runner"] == _fp(handed.new)
    assert [
        (h["from_runner"], h["to_runner"], h["package"]["id"]) for h in source["handovers"]
    ] == [(_fp(handed.old), _fp(handed.new), results[1]["package_id"])]
    assert source["handovers"][0]["identity_sealed"] is True


def test_files_given_in_any_order_are_stored_in_the_order_they_were_made(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    """A glob or one pass of the drop folder lists files by their random names: the
    handover, on its own channel, must not be stored before the old runner's
    packages made before it (they would be refused as another runner's), nor after
    the new runner's made after it."""
    handed.register(central_place)
    files = (handed.new_after, handed.handover, handed.old_late, handed.old_first)
    done = ingest(capsys, central_place, passfile, *files)
    assert done.code == 0, done.err
    assert [r["status"] for r in _results(done)] == ["stored"] * 4
    assert _holders(central_place, handed.source) == {_fp(handed.new)}


def test_the_old_runners_package_made_before_the_handover_changes_nothing_after_it(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    """Made before the handover, ingested after it: stored (no gap on its channel),
    its version of ZWALUW's debrief the one the handover carried; nothing of the
    source changes hands (more: test_central_handover_late)."""
    handed.register(central_place)
    assert ingest(capsys, central_place, passfile, handed.old_first, handed.handover).code == 0
    before = counts(central_place)
    late = ingest(capsys, central_place, passfile, handed.old_late)
    assert late.code == 0, late.err
    assert [r["status"] for r in _results(late)] == ["stored"]
    after = counts(central_place)
    assert after["packages"] == before["packages"] + 1
    kept = ("sources", "debriefs", "debrief_versions", "record_versions", "record_owners")
    assert {t: after[t] for t in kept} == {t: before[t] for t in kept}
    assert _holders(central_place, handed.source) == {_fp(handed.new)}


def test_a_handover_to_another_teams_runner_is_refused_and_nothing_stored(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    handed.register(central_place, new_team="Zuid")
    assert ingest(capsys, central_place, passfile, handed.old_first).code == 0
    before = counts(central_place)
    refused = ingest(capsys, central_place, passfile, handed.handover)
    assert refused.code == 1
    assert OTHER_TEAM in refused.err
    assert counts(central_place) == before
    assert query(central_place, "SELECT count(*) FROM central.handovers") == [(0,)]
    assert _holders(central_place, handed.source) == {_fp(handed.old)}


def test_a_handover_to_a_key_not_registered_here_is_refused(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            teams.register(
                conn, handed.old.bundle, role=PeerRole.RUNNER, team="Noord",
                confirmed_spoken=handed.old.bundle.fingerprint.spoken, by="test",
            )  # fmt: skip
    finally:
        s.close()
    assert ingest(capsys, central_place, passfile, handed.old_first).code == 0
    before = counts(central_place)
    refused = ingest(capsys, central_place, passfile, handed.handover)
    assert refused.code == 1
    assert "a key the central system has not registered: register the new runner's key" in (
        refused.err
    )
    assert counts(central_place) == before


def test_a_handover_from_a_runner_who_does_not_hold_the_source_is_refused(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    """Specht hands ZWALUW back, but central never took Valk's handover: central
    holds it from Valk, so Specht's is refused; once Valk's is in, Specht's is taken
    and the source is Valk's again."""
    handed.register(central_place)
    assert ingest(capsys, central_place, passfile, handed.old_first).code == 0
    before = counts(central_place)
    refused = ingest(capsys, central_place, passfile, handed.back)
    assert refused.code == 1
    assert NOT_HOLDER in refused.err
    assert counts(central_place) == before

    taken = ingest(capsys, central_place, passfile, handed.handover, handed.new_after, handed.back)
    assert taken.code == 0, taken.err
    assert _holders(central_place, handed.source) == {_fp(handed.old)}
    moves = query(
        central_place, "SELECT from_sender, to_sender FROM central.handovers ORDER BY created_at"
    )
    assert moves == [(_fp(handed.old), _fp(handed.new)), (_fp(handed.new), _fp(handed.old))]


def test_a_replayed_or_altered_handover_is_refused(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    handed: Handed,
    passfile: Path,
    tmp_path: Path,
) -> None:
    handed.register(central_place)
    assert ingest(capsys, central_place, passfile, handed.old_first, handed.handover).code == 0
    before = counts(central_place)
    again = ingest(capsys, central_place, passfile, handed.handover)
    assert again.code == 1
    assert "already imported" in again.err
    altered = bytearray(handed.handover.read_bytes())
    altered[len(altered) // 2] ^= 0x01
    copy = tmp_path / "altered.veldboek"
    copy.write_bytes(bytes(altered))
    refused = ingest(capsys, central_place, passfile, copy)
    assert refused.code == 1
    assert [r["status"] for r in _results(refused)] == ["refused"]
    assert counts(central_place) == before
    assert query(central_place, "SELECT count(*) FROM central.handovers") == [(1,)]


def test_centrals_receipt_never_names_a_handover_and_the_old_vault_takes_it(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    handed: Handed,
    passfile: Path,
    tmp_path: Path,
) -> None:
    """The old runner's vault refuses, whole, a receipt naming a handover from
    anyone but the new runner: central's receipt names the rest only."""
    handed.register(central_place)
    done = ingest(capsys, central_place, passfile, handed.old_first, handed.handover)
    assert done.code == 0, done.err
    first, handover_id = (r["package_id"] for r in _results(done))
    out = tmp_path / "receipts"
    out.mkdir()
    made = run(
        capsys, "central", "receipt", "--db", str(central_place.url), "--passphrase-file",
        str(passfile), "--runner", "Runner Valk", "--to", str(out),
    )  # fmt: skip
    assert made.code == 0, made.err
    (path,) = out.iterdir()
    seed = keys.private_keys(handed.old.party.vault).receiving_seed
    named = [
        str(e.package_id) for e in package.open_package(path.read_bytes(), seed).manifest.receipts
    ]
    assert named == [first]
    assert handover_id not in named
    took = receipts.import_receipt(handed.old.party.vault, handed.old.party.scope, path)
    assert took.confirmed == 1


def test_the_sealed_identity_is_kept_in_the_package_file_only(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    handed.register(central_place)
    done = ingest(capsys, central_place, passfile, handed.old_first, handed.handover)
    assert done.code == 0, done.err
    seed = keys.private_keys(handed.handler.vault).receiving_seed
    sealed_b64 = package.open_package(handed.handover.read_bytes(), seed).body["handover"][
        "identity"
    ]
    sealed = base64.b64decode(sealed_b64)
    needles = {
        "base64": sealed_b64[100:164],
        "hex": sealed[100:132].hex(),
        "name": SECRET_NAME,
    }
    tables = [
        r[0]
        for r in query(
            central_place,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'central' "
            "AND table_type = 'BASE TABLE' AND table_name <> 'package_files'",
        )
    ]
    assert {"handovers", "packages", "sources", "record_versions"} <= set(tables)
    for table in tables:
        for what, needle in needles.items():
            found = query(
                central_place,
                f"SELECT count(*) FROM central.{table} x "  # names from the catalogue
                "WHERE strpos(row_to_json(x)::text, :n) > 0",
                n=needle,
            )
            assert found == [(0,)], f"{what} of the sealed identity in central.{table}"
    # The kept file is the package as it came, byte for byte.
    pieces = query(
        central_place,
        "SELECT data FROM central.package_files WHERE package_id = :p ORDER BY piece",
        p=_results(done)[1]["package_id"],
    )
    assert b"".join(bytes(p[0]) for p in pieces) == handed.handover.read_bytes()


def test_the_handover_is_sealed_to_the_new_runner_the_handler_and_central(
    handed: Handed, central_cluster: Cluster
) -> None:
    """Central is a recipient where the old vault confirmed its key, as for a
    package of debriefs; the identity inside stays sealed to the new runner."""
    seed = keys.private_keys(handed.handler.vault).receiving_seed
    manifest = package.open_package(handed.handover.read_bytes(), seed).manifest
    assert set(manifest.recipients) == {
        _fp(handed.new),
        keys.own_fingerprint(handed.handler.vault).hex,
        keys.read_bundle(central_cluster.bundle).fingerprint.hex,
    }


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE central.sources SET sender = :new WHERE id = :s",
        "UPDATE central.debriefs SET sender = :new WHERE source_id = :s",
        "UPDATE central.record_owners SET sender = :new WHERE record_id = :s",
    ],
)
def test_a_source_changes_its_runner_only_by_a_stored_handover(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    handed: Handed,
    passfile: Path,
    sql: str,
) -> None:
    """The store itself refuses to move a source, its debriefs or its file to another
    runner's key without a handover of it recorded (whoever writes the rows)."""
    handed.register(central_place)
    assert ingest(capsys, central_place, passfile, handed.old_first).code == 0
    s = store.Store(central_place)
    try:
        with (
            pytest.raises(DBAPIError, match="changes its sender only by a handover"),
            s.begin() as conn,
        ):
            conn.execute(text(sql), {"new": _fp(handed.new), "s": handed.source})
    finally:
        s.close()
    assert _holders(central_place, handed.source) == {_fp(handed.old)}


def test_a_handover_handed_back_moves_nothing_again_and_rows_stay(
    capsys: pytest.CaptureFixture[str], central_place: Place, handed: Handed, passfile: Path
) -> None:
    """Only the latest handover of a source moves it: after Valk -> Specht -> Valk,
    the first no longer lets anyone write the source back to Specht by hand; nor
    may a debrief be deleted and written again, nor the table emptied."""
    handed.register(central_place)
    files = (handed.old_first, handed.handover, handed.new_after, handed.back)
    assert ingest(capsys, central_place, passfile, *files).code == 0
    assert _holders(central_place, handed.source) == {_fp(handed.old)}
    s = store.Store(central_place)
    try:
        for sql, said in (
            ("UPDATE central.sources SET sender = :new WHERE id = :s", "only by a handover"),
            ("DELETE FROM central.debriefs WHERE source_id = :s", "append"),
            ("TRUNCATE central.debriefs", "append"),
        ):
            with pytest.raises(DBAPIError, match=said), s.begin() as conn:
                conn.execute(text(sql), {"new": _fp(handed.new), "s": handed.source})
    finally:
        s.close()
    assert _holders(central_place, handed.source) == {_fp(handed.old)}


def test_the_drop_folder_takes_a_handover_as_any_package(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    handed: Handed,
    passfile: Path,
    tmp_path: Path,
) -> None:
    """``central watch`` stores a handover by the same path as ``ingest`` (each file
    dropped in its turn: the watcher orders only within a channel)."""
    handed.register(central_place)
    drop = tmp_path / "drop"
    drop.mkdir()
    said = []
    for path in (handed.old_first, handed.handover, handed.new_after):
        shutil.copy(path, drop / path.name)
        watched = run(
            capsys, "central", "watch", str(drop), "--db", str(central_place.url),
            "--passphrase-file", str(passfile), "--once", "--settle", "0.1",
        )  # fmt: skip
        assert watched.code == 0, watched.err
        said.append(watched.out)
    assert sorted(p.name for p in (drop / "done").iterdir()) == sorted(
        p.name for p in (handed.old_first, handed.handover, handed.new_after)
    )
    assert not list((drop / "refused").iterdir())
    assert "A handover: the source is Runner Specht's from now on." in said[1]
    assert _holders(central_place, handed.source) == {_fp(handed.new)}


def test_the_handler_still_takes_the_handover_sealed_to_central_too(handed: Handed) -> None:
    """Central among the recipients changes nothing for the team's vaults: the new
    runner took it in (``handed``), and the handler follows it to the new runner."""
    introduce(handed.handler, handed.old.party, PeerRole.RUNNER, "Runner Valk")
    introduce(handed.handler, handed.new.party, PeerRole.RUNNER, "Runner Specht")
    hnd = handed.handler
    package_receive.import_package(hnd.vault, hnd.scope, handed.old_first)
    seen = package_receive.import_package(hnd.vault, hnd.scope, handed.handover)
    assert seen.taken_on is not None
    assert seen.taken_on.role == "handler"
    taken = package_receive.import_package(hnd.vault, hnd.scope, handed.new_after)
    assert taken.new == 2  # its debrief of ZWALUW (now theirs here) and of KRAAI

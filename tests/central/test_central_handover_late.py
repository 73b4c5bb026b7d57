"""A package the old runner made before a handover, ingested after it (on a later
stick, by another route): stored, its other sources' debriefs with it, without
changing who holds the handed-on source or what is shown of it, a debrief its
vault purged before the handover included; one made after the handover, or
backdated to carry a newer version than the handover did or a record the new
runner sent, is refused whole.
Real vaults, real packages (docs/central.md, "Handovers")."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, update

from app.central import store, teams
from app.central.place import Place
from app.clock import utc_now
from app.domain.enums import PeerRole, Role, TaskingStatus
from app.models import Debrief, Source, Tasking
from app.models.packages import SourceHandover
from app.services.exchange import handover, keys, package_receive, packages, receipts
from app.services.records import debriefs, tasking
from tests.central.conftest import Cluster
from tests.central.test_central_ingest import counts, ingest, passfile, query
from tests.helpers import factory
from tests.helpers.central import run
from tests.helpers.central_fleet import HANDLER, Runner, new_runner
from tests.packages.conftest import introduce, open_party, rich_debrief, submitted_debriefs

__all__ = ["passfile"]  # a fixture, used by name

ANOTHER_RUNNERS = "The package names records another runner sent; nothing was stored."
PAST_HANDOVER = (
    "The package is signed as made before its sender handed one of its sources on, yet "
    "carries a version of a record of that source newer than the one the handover carried"
)
OTHERS_RECORD = (
    "The package is signed as made before its sender handed one of its sources on, yet "
    "carries a record of that source the handover did not carry, of which the central store "
    "holds a version another runner sent"
)


@dataclass
class Late:
    old: Runner  # Valk: ZWALUW (handed over) and MEREL (kept)
    new: Runner  # Specht: takes ZWALUW on
    source: str  # ZWALUW's id
    debrief: str  # ZWALUW's debrief: version 1 in `first`, 2 in `second` and the handover
    task: str  # ZWALUW's tasking (a record of its file): the same, 2 once done
    first: Path  # Valk: ZWALUW's debrief and tasking (version 1) and MEREL's two debriefs
    second: Path  # Valk: ZWALUW's debrief (an addendum) and tasking (done), version 2
    handover: Path  # ZWALUW, Valk -> Specht: its debrief at version 2
    after: Path  # Valk, after the handover: ZWALUW's version 2 again, and MEREL's third
    newer: Path  # Valk, backdated to before the handover: ZWALUW's version 3, MEREL's fourth
    unheld: Path  # Valk, backdated too: a debrief and a tasking of ZWALUW not handed over
    taken: Path  # Specht, having taken ZWALUW on: a debrief of it of his own
    theirs: str  # that debrief's id
    named: Path  # Valk, backdated: a debrief with the id of Specht's (version 2)

    def register(self, place: Place) -> None:
        _register(place, self.old, self.new)


def _register(place: Place, *runners: Runner) -> None:
    s = store.Store(place)
    try:
        with s.begin() as conn:
            for runner in runners:
                teams.register(
                    conn, runner.bundle, role=PeerRole.RUNNER, team="Noord",
                    confirmed_spoken=runner.bundle.fingerprint.spoken, by="test",
                )  # fmt: skip
    finally:
        s.close()


def _export(runner: Runner, out: Path, *ids: uuid.UUID) -> Path:
    vault, scope = runner.party.vault, runner.party.scope
    chosen = list(ids) or None
    return packages.export_package(
        vault, scope, to_dir=out, debrief_ids=chosen, all_new=not chosen
    ).path


def _backdated(runner: Runner, out: Path) -> Path:
    """Made now, signed as made a day ago: before the handover."""
    yesterday = utc_now() - timedelta(days=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(packages, "utc_now", lambda: yesterday)
        return _export(runner, out)


@pytest.fixture(scope="module")
def late(central_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Late]:
    folder = tmp_path_factory.mktemp("late")
    central = keys.read_bundle(central_cluster.bundle)
    hnd = open_party(folder / "handler", HANDLER, Role.HANDLER)
    old = new_runner(folder / "valk", "Valk", "Noord", hnd, central)
    new = new_runner(folder / "specht", "Specht", "Noord", hnd, central)
    introduce(old.party, new.party, PeerRole.RUNNER, "Runner Specht")
    introduce(new.party, old.party, PeerRole.RUNNER, "Runner Valk")
    out = folder / "out"
    out.mkdir()
    vault, scope = old.party.vault, old.party.scope

    debrief = rich_debrief(old.party, "ZWALUW")
    submitted_debriefs(old.party, 2, "MEREL")
    with vault.read() as session:
        ids = {c: i for c, i in session.execute(select(Source.codename, Source.id))}
        source, merel = ids["ZWALUW"], ids["MEREL"]
        task = session.execute(select(Tasking.id).where(Tasking.source_id == source)).scalar_one()
    first = _export(old, out)
    debriefs.add_addendum(vault, scope, debrief, "Later: seen again.")
    tasking.close_tasking(vault, scope, task, TaskingStatus.DONE, "Done.")
    second = _export(old, out)
    made = handover.hand_over(
        vault, scope, source, passphrase=factory.PASSPHRASE, to_runner="Runner Specht",
        to_dir=out,
    )  # fmt: skip
    # A vault that forgets it handed the source on (its row deleted) sends it again.
    with vault.write() as session:
        session.execute(delete(SourceHandover))
    third = factory.debrief(vault, scope, merel, narrative="MEREL, third.", submit=True)
    after = _export(old, out, debrief, third)
    debriefs.add_addendum(vault, scope, debrief, "Later still.")
    factory.debrief(vault, scope, merel, narrative="MEREL, fourth.", submit=True)
    newer = _backdated(old, out)
    factory.debrief(vault, scope, source, narrative="Valk met him again.", submit=True)
    tasking.add_tasking(vault, scope, source, "Find out more.")
    unheld = _backdated(old, out)
    package_receive.import_package(new.party.vault, new.party.scope, made.path)
    theirs = factory.debrief(
        new.party.vault, new.party.scope, source, narrative="Specht's.", items=(), submit=True
    )
    taken = _export(new, out, theirs)
    _forge(old, source, theirs, folder / "unseen")
    named = _backdated(old, out)
    yield Late(
        old, new, str(source), str(debrief), str(task), first, second, made.path, after, newer,
        unheld, taken, str(theirs), named,
    )  # fmt: skip
    for party in (old.party, new.party, hnd):
        if not party.vault.is_locked:
            party.vault.lock()


def _forge(runner: Runner, source: uuid.UUID, theirs: uuid.UUID, out: Path) -> None:
    """A debrief of the runner's vault given the id of another runner's debrief, to
    go out next as version 2 (central holds that id's version 1, with other content):
    its version 1 goes out in a package central never sees."""
    vault, scope = runner.party.vault, runner.party.scope
    made = factory.debrief(vault, scope, source, narrative="Not Valk's.", items=(), submit=True)
    with vault.write() as session:
        session.execute(update(Debrief).where(Debrief.id == made).values(id=theirs))
    out.mkdir()
    _export(runner, out)
    debriefs.add_addendum(vault, scope, theirs, "Backdated.")


def _fp(runner: Runner) -> str:
    return runner.bundle.fingerprint.hex


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


def _merel(place: Place) -> list[tuple[str, int]]:
    """MEREL's debriefs at central: each one's sender (Valk's, never handed on)."""
    return query(
        place,
        "SELECT d.sender, count(*) FROM central.debriefs d JOIN central.sources s "
        "ON s.id = d.source_id WHERE s.codename = 'MEREL' GROUP BY d.sender",
    )


def _show(capsys: pytest.CaptureFixture[str], place: Place, source: str) -> dict[str, Any]:
    db = ("--db", str(place.url))
    shown = run(capsys, "central", "show", "source", source, *db, "--user", "anna")
    assert shown.code == 0, shown.err
    found: dict[str, Any] = json.loads(shown.out)
    return found


def _newest(found: dict[str, Any]) -> dict[str, Any]:
    """What a reader takes as the source now: its row, and each record's newest version."""
    head = {k: v for k, v in found.items() if k not in ("debriefs", "file")}
    shown = {d["debrief_id"]: d["versions"][-1] for d in found["debriefs"]}
    for r in found["file"]:  # oldest first: the last of each record stays
        shown[f"{r['type']}:{r['id']}"] = r
    return {"head": head, "shown": shown}


def test_a_package_made_before_the_handover_is_stored_after_it_and_changes_nothing_of_it(
    capsys: pytest.CaptureFixture[str], central_place: Place, late: Late, passfile: Path
) -> None:
    """The defect: central held ZWALUW as Specht's and refused Valk's earlier package
    whole, MEREL's debriefs with it, leaving a gap on Valk's channel for good."""
    late.register(central_place)
    db = ("--db", str(central_place.url))
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    taken = ingest(capsys, central_place, passfile, late.handover)
    assert taken.code == 0, taken.err
    before = _show(capsys, central_place, late.source)
    assert before["runner"] == _fp(late.new)

    done = ingest(capsys, central_place, passfile, late.first)
    assert done.code == 0, done.err
    (result,) = json.loads(done.out)
    assert result["status"] == "stored"
    assert _merel(central_place) == [(_fp(late.old), 2)]  # Valk's, at central at last
    assert _holders(central_place, late.source) == {_fp(late.new)}
    shown = _show(capsys, central_place, late.source)
    assert _newest(shown) == _newest(before)
    # ZWALUW's versions 1, older than the handover's 2, are kept as history, as Valk's.
    (zwaluw,) = (d for d in shown["debriefs"] if d["debrief_id"] == late.debrief)
    handed = json.loads(taken.out)[0]["package_id"]
    versions = [(1, result["package_id"]), (2, handed)]
    assert [(v["version"], v["package"]["id"]) for v in zwaluw["versions"]] == versions
    task = [(r["version"], r["package"]["id"]) for r in shown["file"] if r["id"] == late.task]
    assert task == versions
    assert query(
        central_place,
        "SELECT DISTINCT p.sender FROM central.record_versions r JOIN central.packages p "
        "ON p.id = r.package_id WHERE r.record_id = :t",
        t=late.task,
    ) == [(_fp(late.old),)]
    assert query(
        central_place, "SELECT latest FROM central.debriefs WHERE id = :d", d=late.debrief
    ) == [(2,)]

    # The second, carrying the version the handover carried, adds nothing of ZWALUW.
    again = ingest(capsys, central_place, passfile, late.second)
    assert again.code == 0, again.err
    assert [r["status"] for r in json.loads(again.out)] == ["stored"]
    assert _show(capsys, central_place, late.source) == shown
    # No gap left on either of Valk's channels (its packages', its handover's).
    status = run(capsys, "central", "status", *db, "--json")
    assert status.code == 0, status.err
    channels = json.loads(status.out)["channels"]
    assert sorted(c["last_sequence"] for c in channels) == [1, 2]
    assert [c["missing"] for c in channels] == [[], []]


def test_the_old_runners_package_made_after_the_handover_is_still_refused_whole(
    capsys: pytest.CaptureFixture[str], central_place: Place, late: Late, passfile: Path
) -> None:
    """It carries nothing of ZWALUW central does not hold, but Valk made it once
    ZWALUW was Specht's: as another runner's records, MEREL's debrief with it."""
    late.register(central_place)
    assert ingest(capsys, central_place, passfile, late.first, late.handover).code == 0
    before = counts(central_place)
    refused = ingest(capsys, central_place, passfile, late.after)
    assert refused.code == 1
    assert ANOTHER_RUNNERS in refused.err
    assert counts(central_place) == before
    assert _holders(central_place, late.source) == {_fp(late.new)}


def test_a_backdated_package_carrying_a_newer_version_than_the_handover_is_refused(
    capsys: pytest.CaptureFixture[str], central_place: Place, late: Late, passfile: Path
) -> None:
    """Signed as made before the handover, it carries ZWALUW's version 3 (the
    handover carried 2): refused whole, MEREL's debrief with it; nothing of ZWALUW
    changes."""
    late.register(central_place)
    assert ingest(capsys, central_place, passfile, late.first, late.handover).code == 0
    before = counts(central_place)
    refused = ingest(capsys, central_place, passfile, late.newer)
    assert refused.code == 1
    assert PAST_HANDOVER in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    assert counts(central_place) == before
    assert _holders(central_place, late.source) == {_fp(late.new)}
    assert query(
        central_place, "SELECT latest FROM central.debriefs WHERE id = :d", d=late.debrief
    ) == [(2,)]


def test_a_backdated_package_naming_a_record_the_new_runner_sent_is_refused(
    capsys: pytest.CaptureFixture[str], central_place: Place, late: Late, passfile: Path
) -> None:
    """Specht's debrief of ZWALUW is stored; a package signed by Valk as made before
    the handover names it (a version Specht never sent): refused whole, MEREL's
    debrief with it; the debrief stays Specht's, his version only."""
    late.register(central_place)
    for path in (late.first, late.handover, late.taken):
        done = ingest(capsys, central_place, passfile, path)
        assert done.code == 0, done.err
    before = counts(central_place)
    refused = ingest(capsys, central_place, passfile, late.named)
    assert refused.code == 1
    assert OTHERS_RECORD in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    assert counts(central_place) == before
    assert _holders(central_place, late.source) == {_fp(late.new)}
    assert query(
        central_place,
        "SELECT v.version, p.sender FROM central.debrief_versions v JOIN central.packages p "
        "ON p.id = v.package_id WHERE v.debrief_id = :d",
        d=late.theirs,
    ) == [(1, _fp(late.new))]


def test_a_backdated_debrief_the_handover_did_not_carry_is_stored_as_the_signers(
    capsys: pytest.CaptureFixture[str], central_place: Place, late: Late, passfile: Path
) -> None:
    """A limit (docs/central.md): central cannot tell a debrief purged before the
    handover from one Valk wrote after it and signed as made before. It is stored
    as the evidence of Valk's key, which holds it (and the new tasking); ZWALUW
    stays Specht's and its debrief the handover carried shows what it did."""
    late.register(central_place)
    db = ("--db", str(central_place.url))
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    assert ingest(capsys, central_place, passfile, late.first, late.handover).code == 0
    done = ingest(capsys, central_place, passfile, late.unheld)
    assert done.code == 0, done.err
    assert [r["status"] for r in json.loads(done.out)] == ["stored"]
    rows = query(
        central_place,
        "SELECT id::text, sender FROM central.debriefs WHERE source_id = :s AND id <> :d",
        s=late.source,
        d=late.debrief,
    )
    assert [sender for _, sender in rows] == [_fp(late.old)]
    tasks = query(
        central_place,
        "SELECT DISTINCT o.sender FROM central.record_versions v JOIN central.record_owners o "
        "ON o.record_type = v.record_type AND o.record_id = v.record_id "
        "WHERE v.source_id = :s AND v.record_type = 'tasking' AND v.record_id <> :t",
        s=late.source,
        t=late.task,
    )
    assert tasks == [(_fp(late.old),)]
    assert _show(capsys, central_place, late.source)["runner"] == _fp(late.new)
    assert query(
        central_place, "SELECT sender FROM central.sources WHERE id = :s", s=late.source
    ) == [(_fp(late.new),)]
    assert query(
        central_place, "SELECT latest FROM central.debriefs WHERE id = :d", d=late.debrief
    ) == [(2,)]


def test_a_debrief_purged_after_its_receipt_and_before_the_handover_is_stored_late(
    capsys: pytest.CaptureFixture[str],
    central_cluster: Cluster,
    central_place: Place,
    tmp_path: Path,
    passfile: Path,
) -> None:
    """The usual order (review finding B1): the handler receipts Valk's package, his
    vault purges ZWALUW's debrief (the default rule), then he hands ZWALUW on, the
    handover without it. Central ingests the handover, then the package: stored,
    MEREL's debriefs with it; ZWALUW stays Specht's."""
    central = keys.read_bundle(central_cluster.bundle)
    hnd = open_party(tmp_path / "handler", HANDLER, Role.HANDLER)
    old = new_runner(tmp_path / "valk", "Valk", "Noord", hnd, central)
    new = new_runner(tmp_path / "specht", "Specht", "Noord", hnd, central)
    introduce(old.party, new.party, PeerRole.RUNNER, "Runner Specht")
    introduce(hnd, old.party, PeerRole.RUNNER, "Runner Valk")
    out = tmp_path / "out"
    out.mkdir()
    vault, scope = old.party.vault, old.party.scope
    purged = rich_debrief(old.party, "ZWALUW")
    submitted_debriefs(old.party, 2, "MEREL")
    with vault.read() as session:
        source = session.execute(select(Source.id).where(Source.codename == "ZWALUW")).scalar_one()
    first = _export(old, out)
    package_receive.import_package(hnd.vault, hnd.scope, first)
    receipt = receipts.create_receipt(hnd.vault, hnd.scope, runner="Runner Valk", to_dir=out)
    receipts.import_receipt(vault, scope, receipt.path)
    with vault.read() as session:
        assert session.get(Debrief, purged) is None
    made = handover.hand_over(
        vault, scope, source, passphrase=factory.PASSPHRASE, to_runner="Runner Specht",
        to_dir=out,
    )  # fmt: skip
    _register(central_place, old, new)
    db = ("--db", str(central_place.url))
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0
    taken = ingest(capsys, central_place, passfile, made.path)
    assert taken.code == 0, taken.err

    done = ingest(capsys, central_place, passfile, first)
    assert done.code == 0, done.err
    (result,) = json.loads(done.out)
    assert result["status"] == "stored"
    assert _merel(central_place) == [(_fp(old), 2)]
    shown = _show(capsys, central_place, str(source))
    assert shown["runner"] == _fp(new)
    (kept,) = (d for d in shown["debriefs"] if d["debrief_id"] == str(purged))
    assert [(v["version"], v["package"]["id"]) for v in kept["versions"]] == [
        (1, result["package_id"])
    ]
    # Valk's evidence, held as his: the handover did not move it.
    assert query(
        central_place, "SELECT sender FROM central.debriefs WHERE id = :d", d=str(purged)
    ) == [(_fp(old),)]


def test_packages_made_before_the_handover_and_ingested_before_it_are_stored_as_before(
    capsys: pytest.CaptureFixture[str], central_place: Place, late: Late, passfile: Path
) -> None:
    """The usual order, one ingest each: Valk's packages, then the handover."""
    late.register(central_place)
    for path in (late.first, late.second, late.handover):
        done = ingest(capsys, central_place, passfile, path)
        assert done.code == 0, done.err
        assert [r["status"] for r in json.loads(done.out)] == ["stored"]
    assert _holders(central_place, late.source) == {_fp(late.new)}
    assert _merel(central_place) == [(_fp(late.old), 2)]
    assert query(
        central_place, "SELECT latest FROM central.debriefs WHERE id = :d", d=late.debrief
    ) == [(2,)]

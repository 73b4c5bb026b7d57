"""A source's row at the central system follows the package made last, not the one
ingested last: a package made earlier and arriving late (another stick) keeps its
debriefs as history and never writes its older codename, compartment or status over
newer ones, nor becomes the row's ``last_package``; a handover handed back included
(review finding B4). Real vaults, real packages (docs/central.md, "Ingest")."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.central import ingest_checks as checks
from app.central import ingest_rows, store
from app.central.place import Place
from app.clock import utc_now
from app.domain.enums import PeerRole, Role, SourceStatus
from app.models import Source
from app.services.exchange import handover, keys, package_receive, packages
from app.services.records import closing, sources
from tests.central.conftest import Cluster
from tests.central.test_central_handover_late import _register
from tests.central.test_central_ingest import ingest, passfile, query
from tests.helpers import factory
from tests.helpers.central import run
from tests.helpers.central_fleet import HANDLER, Runner, new_runner
from tests.packages.conftest import introduce, open_party, rich_debrief

__all__ = ["passfile"]  # a fixture, used by name


@dataclass
class Made:
    valk: Runner  # ZWALUW's runner, then again after Specht handed it back
    specht: Runner  # took ZWALUW on, renamed it GAAI, handed it back
    reiger: Runner  # KAUW: two packages signed as made at one moment, a third an hour later
    zwaluw: str  # its id
    debrief: str  # ZWALUW's debrief, in `first`
    first: Path  # Valk: ZWALUW active, its debrief
    second: Path  # Valk: renamed KIEVIT, a debrief more, then closed
    handed: Path  # KIEVIT, Valk -> Specht
    back: Path  # GAAI (Specht's name for it), Specht -> Valk
    kauw: str  # KAUW's id
    same: tuple[Path, Path]  # Reiger: KAUW, then renamed RAAF, one signed time, numbers 1 and 2
    later: Path  # Reiger, an hour after: renamed ROEK
    kraai: Runner  # MEEUW: package 1 signed with a clock 30 days ahead, 2 put right
    meeuw: str  # its id
    ahead: tuple[Path, Path]  # Kraai: MEEUW (30 days ahead), then renamed STERN and closed


def _export(runner: Runner, out: Path) -> Path:
    vault, scope = runner.party.vault, runner.party.scope
    return packages.export_package(vault, scope, to_dir=out, all_new=True).path


def _rename(
    runner: Runner, source: uuid.UUID, codename: str, status: SourceStatus = SourceStatus.ACTIVE
) -> None:
    """The same registration under a new codename (its compartment renamed with it)."""
    draft = sources.SourceDraft(codename=codename, status=status)
    sources.update_source(runner.party.vault, runner.party.scope, source, draft)


def _source(runner: Runner, codename: str) -> uuid.UUID:
    with runner.party.vault.read() as session:
        found: uuid.UUID = session.execute(
            select(Source.id).where(Source.codename == codename)
        ).scalar_one()
    return found


@pytest.fixture(scope="module")
def made(central_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    folder = tmp_path_factory.mktemp("late-row")
    central = keys.read_bundle(central_cluster.bundle)
    hnd = open_party(folder / "handler", HANDLER, Role.HANDLER)
    valk = new_runner(folder / "valk", "Valk", "Noord", hnd, central)
    specht = new_runner(folder / "specht", "Specht", "Noord", hnd, central)
    reiger = new_runner(folder / "reiger", "Reiger", "Noord", hnd, central)
    kraai = new_runner(folder / "kraai", "Kraai", "Noord", hnd, central)
    introduce(valk.party, specht.party, PeerRole.RUNNER, "Runner Specht")
    introduce(specht.party, valk.party, PeerRole.RUNNER, "Runner Valk")
    out = folder / "out"
    out.mkdir()
    vault, scope = valk.party.vault, valk.party.scope

    debrief = rich_debrief(valk.party, "ZWALUW")
    zwaluw = _source(valk, "ZWALUW")
    _rename(valk, zwaluw, "ZWALUW")  # active
    first = _export(valk, out)
    _rename(valk, zwaluw, "KIEVIT")
    factory.debrief(vault, scope, zwaluw, narrative="KIEVIT, seen again.", submit=True)
    closing.close_registration(vault, scope, zwaluw, reason="Moved away.")
    second = _export(valk, out)
    handed = handover.hand_over(
        vault, scope, zwaluw, passphrase=factory.PASSPHRASE, to_runner="Runner Specht",
        to_dir=out,
    )  # fmt: skip
    package_receive.import_package(specht.party.vault, specht.party.scope, handed.path)
    _rename(specht, zwaluw, "GAAI", SourceStatus.CLOSED)  # a closed one stays closed
    back = handover.hand_over(
        specht.party.vault, specht.party.scope, zwaluw, passphrase=factory.PASSPHRASE,
        to_runner="Runner Valk", to_dir=out,
    )  # fmt: skip

    kauw = factory.source(reiger.party.vault, reiger.party.scope, "KAUW")
    factory.debrief(reiger.party.vault, reiger.party.scope, kauw, narrative="KAUW.", submit=True)
    moment = utc_now() - timedelta(hours=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(packages, "utc_now", lambda: moment)
        one = _export(reiger, out)
        _rename(reiger, kauw, "RAAF")
        two = _export(reiger, out)
    _rename(reiger, kauw, "ROEK")
    later = _export(reiger, out)

    meeuw = factory.source(kraai.party.vault, kraai.party.scope, "MEEUW")
    factory.debrief(kraai.party.vault, kraai.party.scope, meeuw, narrative="MEEUW.", submit=True)
    ahead = utc_now() + timedelta(days=30)  # the laptop's clock a month ahead
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(packages, "utc_now", lambda: ahead)
        clock_ahead = _export(kraai, out)
    _rename(kraai, meeuw, "STERN")  # the clock put right
    closing.close_registration(kraai.party.vault, kraai.party.scope, meeuw, reason="Gone.")
    righted = _export(kraai, out)
    yield Made(
        valk, specht, reiger, str(zwaluw), str(debrief), first, second, handed.path, back.path,
        str(kauw), (one, two), later, kraai, str(meeuw), (clock_ahead, righted),
    )  # fmt: skip
    for party in (valk.party, specht.party, reiger.party, kraai.party, hnd):
        if not party.vault.is_locked:
            party.vault.lock()


def _setup(capsys: pytest.CaptureFixture[str], place: Place, made: Made) -> None:
    _register(place, made.valk, made.specht, made.reiger, made.kraai)
    db = ("--db", str(place.url))
    assert run(capsys, "central", "grant", "--team", "Noord", "--user", "anna", *db).code == 0


def _stored(
    capsys: pytest.CaptureFixture[str], place: Place, passfile: Path, path: Path
) -> dict[str, Any]:
    done = ingest(capsys, place, passfile, path)
    assert done.code == 0, done.err
    (result,) = json.loads(done.out)
    assert result["status"] == "stored"
    return dict(result)


def _show(capsys: pytest.CaptureFixture[str], place: Place, source: str) -> dict[str, Any]:
    db = ("--db", str(place.url))
    shown = run(capsys, "central", "show", "source", source, *db, "--user", "anna")
    assert shown.code == 0, shown.err
    found: dict[str, Any] = json.loads(shown.out)
    return found


def _row(found: dict[str, Any]) -> tuple[str, str, str, str, str]:
    return (
        found["codename"],
        found["compartment"],
        found["status"],
        found["first_package"],
        found["last_package"],
    )


def test_an_older_package_arriving_late_keeps_the_newer_codename_and_status(
    capsys: pytest.CaptureFixture[str], central_place: Place, made: Made, passfile: Path
) -> None:
    """The defect: Valk renamed ZWALUW KIEVIT and closed it (the second package);
    the first, made before, came on a later stick and showed it active as ZWALUW
    again, its last package the first. Its debrief is kept all the same."""
    _setup(capsys, central_place, made)
    second = _stored(capsys, central_place, passfile, made.second)["package_id"]
    newer = ("KIEVIT", "File KIEVIT", "closed", second, second)
    assert _row(_show(capsys, central_place, made.zwaluw)) == newer

    first = _stored(capsys, central_place, passfile, made.first)["package_id"]
    shown = _show(capsys, central_place, made.zwaluw)
    assert _row(shown) == newer
    (kept,) = (d for d in shown["debriefs"] if d["debrief_id"] == made.debrief)
    assert [(v["version"], v["package"]["id"]) for v in kept["versions"]] == [(1, first)]
    assert len(shown["debriefs"]) == 2  # the second's own debrief, and the first's


def test_packages_in_the_order_they_were_made_update_the_row_as_before(
    capsys: pytest.CaptureFixture[str], central_place: Place, made: Made, passfile: Path
) -> None:
    _setup(capsys, central_place, made)
    first = _stored(capsys, central_place, passfile, made.first)["package_id"]
    shown = _show(capsys, central_place, made.zwaluw)
    assert _row(shown) == ("ZWALUW", "File ZWALUW", "active", first, first)

    second = _stored(capsys, central_place, passfile, made.second)["package_id"]
    shown = _show(capsys, central_place, made.zwaluw)
    assert _row(shown) == ("KIEVIT", "File KIEVIT", "closed", first, second)
    assert len(shown["debriefs"]) == 2


def test_after_a_handover_handed_back_an_old_package_changes_nothing_of_the_row(
    capsys: pytest.CaptureFixture[str], central_place: Place, made: Made, passfile: Path
) -> None:
    """Review finding B4: Valk -> Specht -> Valk, Valk holds it again, so Valk's first
    package, made before both handovers and ingested after them, is his own: stored,
    but the row keeps Specht's name for it (GAAI, closed), not ZWALUW active again,
    its last package the handover back."""
    _setup(capsys, central_place, made)
    _stored(capsys, central_place, passfile, made.second)
    _stored(capsys, central_place, passfile, made.handed)
    back = _stored(capsys, central_place, passfile, made.back)["package_id"]
    before = _show(capsys, central_place, made.zwaluw)
    assert before["runner"] == made.valk.bundle.fingerprint.hex
    assert _row(before)[::2] == ("GAAI", "closed", back)

    _stored(capsys, central_place, passfile, made.first)
    shown = _show(capsys, central_place, made.zwaluw)
    # Its debrief held already (the handover's); its older registration kept as history.
    assert {k: v for k, v in shown.items() if k != "file"} == {
        k: v for k, v in before.items() if k != "file"
    }


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_of_two_packages_signed_at_one_moment_the_higher_number_gives_the_row(
    capsys: pytest.CaptureFixture[str],
    central_place: Place,
    made: Made,
    passfile: Path,
    order: tuple[int, int],
) -> None:
    """The tie: Reiger's packages 1 and 2 of one channel, signed as made at the
    same moment; the second renamed KAUW's source RAAF. Either order, RAAF."""
    _setup(capsys, central_place, made)
    ids = [_stored(capsys, central_place, passfile, made.same[i])["package_id"] for i in order]
    shown = _show(capsys, central_place, made.kauw)
    assert (shown["codename"], shown["last_package"]) == ("RAAF", ids[order.index(1)])


def test_a_later_number_of_one_channel_gives_the_row_though_signed_earlier(
    capsys: pytest.CaptureFixture[str], central_place: Place, made: Made, passfile: Path
) -> None:
    """Review finding 1: Kraai's laptop clock ran a month ahead for package 1; put
    right, Kraai renamed MEEUW STERN and closed it (package 2, signed earlier).
    Ingested in order, package 2 gives the row: its number is Kraai's own order."""
    _setup(capsys, central_place, made)
    first = _stored(capsys, central_place, passfile, made.ahead[0])["package_id"]
    assert _row(_show(capsys, central_place, made.meeuw))[::2] == ("MEEUW", "candidate", first)

    second = _stored(capsys, central_place, passfile, made.ahead[1])["package_id"]
    shown = _show(capsys, central_place, made.meeuw)
    assert _row(shown) == ("STERN", "File STERN", "closed", first, second)


def test_a_lower_number_of_one_channel_arriving_late_changes_nothing_though_signed_later(
    capsys: pytest.CaptureFixture[str], central_place: Place, made: Made, passfile: Path
) -> None:
    """The other order: Kraai's package 2 stored first, then package 1, signed a
    month later by the clock that ran ahead: the number decides, STERN stays."""
    _setup(capsys, central_place, made)
    second = _stored(capsys, central_place, passfile, made.ahead[1])["package_id"]
    newer = ("STERN", "File STERN", "closed", second, second)
    assert _row(_show(capsys, central_place, made.meeuw)) == newer

    _stored(capsys, central_place, passfile, made.ahead[0])
    assert _row(_show(capsys, central_place, made.meeuw)) == newer


def _waiting_to_lock_a_source(place: Place) -> bool:
    """Another transaction waits for the source rows the first holds (``_sources``)."""
    rows = query(
        place,
        "SELECT query FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock'",
    )
    # At its insert (the row's new version not committed) or its lock.
    return any("INTO central.sources" in q or "FOR UPDATE" in q for (q,) in rows)


def _as_sent(place: Place, source: str, codename: str) -> dict[str, Any]:
    (row,) = query(
        place,
        "SELECT compartment_id, kind, status FROM central.sources WHERE id = :s",
        s=source,
    )
    return {"id": source, "compartment_id": str(row[0]), "compartment": f"File {codename}",
            "codename": codename, "kind": row[1], "status": row[2]}  # fmt: skip


@pytest.mark.parametrize("held", ["older", "newer"])
def test_two_packages_writing_one_row_at_once_leave_the_one_made_last(
    capsys: pytest.CaptureFixture[str], central_place: Place, made: Made, passfile: Path, held: str
) -> None:
    """Reiger's packages stored (KAUW's row put back to the first's, as before the
    others came), then the rows of the second (RAAF) and the third (ROEK, made
    later) written at the same moment, one transaction holding KAUW's row until the
    other waits for it: either way ROEK, its last package the third. The waiting one
    compares once the row is its own, never what it read before."""
    _setup(capsys, central_place, made)
    ids = [_stored(capsys, central_place, passfile, p)["package_id"]
           for p in (*made.same, made.later)]  # fmt: skip
    s = store.Store(central_place)
    try:
        with s.begin() as conn:
            conn.execute(
                text("UPDATE central.sources SET codename = 'KAUW', last_package = :p "
                     "WHERE id = :s"),
                {"p": ids[0], "s": made.kauw},
            )  # fmt: skip
            sender = checks.sender(conn, made.reiger.bundle.fingerprint.hex)
        rows = {ids[1]: "RAAF", ids[2]: "ROEK"}
        first, then = (ids[1], ids[2]) if held == "older" else (ids[2], ids[1])
        failed: list[BaseException] = []

        def write(pid: str) -> None:
            try:
                with s.begin() as other:
                    ingest_rows._sources(
                        other, [_as_sent(central_place, made.kauw, rows[pid])], sender, pid
                    )
            except BaseException as exc:
                failed.append(exc)

        with s.begin() as conn:
            ingest_rows._sources(
                conn, [_as_sent(central_place, made.kauw, rows[first])], sender, first
            )
            waiter = threading.Thread(target=write, args=(then,))
            waiter.start()
            deadline = time.monotonic() + 60
            while not _waiting_to_lock_a_source(central_place):
                assert time.monotonic() < deadline, "the second never waited for the row"
                time.sleep(0.05)
        waiter.join(60)
        assert failed == []
    finally:
        s.close()
    latest = query(
        central_place,
        "SELECT s.codename, s.last_package::text FROM central.sources s WHERE s.id = :s",
        s=made.kauw,
    )
    assert latest == [("ROEK", ids[2])]

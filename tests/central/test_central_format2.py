"""A package of format 2 (what Veldboek wrote before format 3: debriefs only, their
taskings and payments inside them) at the central system: verified and stored as
any package is (central reads every version the app reads), and the payments
inside its debriefs counted by the management report (migration c0009)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from app.central import central_keys, ingest, management
from app.central.place import Place
from app.central.store import Store
from app.services.exchange import keys
from benchmarks.packages import v2_package
from tests.central.conftest import PASSPHRASE, Cluster
from tests.helpers.central_fleet import Fleet, new_runner
from tests.packages.conftest import rich_debrief


def test_a_format_2_package_is_stored_and_its_payments_counted(
    central_cluster: Cluster, central_place: Place, fleet: Fleet, tmp_path: Path
) -> None:
    west = new_runner(
        tmp_path / "west", "Reiger", "West", fleet.handler, keys.read_bundle(central_cluster.bundle)
    )
    try:
        rich_debrief(west.party, "AALSCHOLVER")  # with a payment of 25.00 on 20 Nov 2026
        sealed = tmp_path / "format2.age"
        sealed.write_bytes(v2_package(west.party.vault, west.party.scope))
    finally:
        west.party.vault.lock()
    fleet.register(central_place, west)
    store = Store(central_place)
    try:
        with store.connect() as conn:
            unlocked = central_keys.unlock(conn, PASSPHRASE)
        stored = ingest.ingest_file(store, unlocked, sealed)
        assert stored.records == 1
        with store.connect() as conn:
            version, payments = conn.execute(
                text(
                    "SELECT p.manifest ->> 'version', jsonb_array_length(v.data -> 'payments') "
                    "FROM central.packages p JOIN central.debrief_versions v "
                    "ON v.package_id = p.id"
                )
            ).one()
        assert (version, payments) == ("2", 1)
        figures = management.figures(
            store, first=date(2026, 11, 1), last=date(2026, 11, 30), today=date(2026, 12, 6)
        )
        [eur] = [t for t in figures.payments if t.currency == "EUR"]
        row = eur.counts.rows.index("West")
        assert (eur.counts.cells[row][0], eur.cents[row][0]) == (1, 2_500)
    finally:
        store.close()

"""A throwaway PostgreSQL server for the central system's tests: one embedded
cluster per test session (made by the project's own ``central init`` code, with
a cheap KDF), and a fresh database per test, copied from the initialised one as
a template (milliseconds, not an initdb).

Without PostgreSQL's server programs the fixture FAILS with the reason: these
tests are never skipped (``python3 dev.py test`` installs Debian's postgresql)."""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.central import central_keys, ingest, setup, store
from app.central import place as places
from app.central.central_keys import Unlocked
from app.central.cluster import binaries, embedded
from app.central.errors import ClusterError
from app.central.place import Place
from tests.helpers import factory
from tests.helpers.central_fleet import Fleet, make_fleet

PASSPHRASE = "central passphrase for the tests"


@pytest.fixture
def reachable_tmp() -> Iterator[Path]:
    """Under /tmp (the server's user must reach it), taken away after the test."""
    folder = Path(tempfile.mkdtemp(prefix="veldboek-central-cli-"))
    folder.chmod(0o711)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class Cluster:
    root: Path
    template: str
    admin_url: str  # to the "postgres" database, as the administrator
    bundle: bytes  # the central system's public key bundle (every test database's)

    def url(self, database: str) -> str:
        return make_url(self.admin_url).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def central_cluster() -> Iterator[Cluster]:
    try:
        binaries.bindir()
    except ClusterError as exc:
        pytest.fail(f"{exc} (python3 dev.py test installs it)", pytrace=False)
    # Under /tmp, not pytest's own (root-only) folder: the server's user must reach it.
    root = Path(tempfile.mkdtemp(prefix="veldboek-central-test-")) / "central"
    root.parent.chmod(0o711)
    try:
        created = setup.init_embedded(root, PASSPHRASE, factory.fast_kdf(), name="Central")
        doc = places.layout(root)
        password = (root / places.SECRET).read_text(encoding="ascii").strip()
        admin = make_url("postgresql://").set(
            username=doc["admin"],
            password=password,
            database="postgres",
            query={"host": str(embedded.Layout(root).socket_dir), "port": str(doc["port"])},
        )
        cluster = Cluster(
            root,
            embedded.DATABASE,
            admin.render_as_string(hide_password=False),
            created.keys.bundle,
        )
        _throwaway_durability(cluster)
        yield cluster
    finally:
        try:
            embedded.stop(root, mode="immediate")
        finally:
            shutil.rmtree(root.parent, ignore_errors=True)


def _throwaway_durability(cluster: Cluster) -> None:
    """A throwaway server need not survive a power cut: no fsync (every CREATE and
    DROP DATABASE and commit waited on the disk). What the tests prove about
    crashes is about our processes killed and the server stopped, which the
    operating system's cache survives; the production cluster keeps fsync on
    (app/central/cluster/embedded.py)."""
    engine = _admin(cluster)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            # synchronous_commit stays on: off, a commit could still be in the
            # server's memory when a test stops it ("immediate"), and be lost.
            for setting in ("fsync", "full_page_writes"):
                conn.execute(text(f"ALTER SYSTEM SET {setting} = off"))
            conn.execute(text("SELECT pg_reload_conf()"))
    finally:
        engine.dispose()


def _admin(cluster: Cluster):  # type: ignore[no-untyped-def]
    return places.engine(Place(url=cluster.admin_url))


@pytest.fixture
def central_place(central_cluster: Cluster) -> Iterator[Place]:
    """A central store of its own for this test (keys made with ``PASSPHRASE``)."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    engine = _admin(central_cluster)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{central_cluster.template}"'))
        yield Place(url=central_cluster.url(name))
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@pytest.fixture
def empty_database(central_cluster: Cluster) -> Iterator[Place]:
    """An empty database on the session's server (what ``--db`` points at)."""
    name = f"e_{uuid.uuid4().hex[:16]}"
    engine = _admin(central_cluster)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
        yield Place(url=central_cluster.url(name))
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def fleet(central_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fleet]:
    """Real packages from real runner vaults, sealed to the session's central key."""
    folder = tmp_path_factory.mktemp("fleet")
    made = make_fleet(folder, central_cluster.bundle)
    yield made
    made.close()


@pytest.fixture
def noord(central_place: Place, fleet: Fleet) -> Iterator[tuple[store.Store, Unlocked]]:
    """A store with team Noord's runner registered, and the central keys unlocked."""
    s = store.Store(central_place)
    try:
        fleet.register(central_place, fleet.noord)
        with s.connect() as conn:
            yield s, central_keys.unlock(conn, PASSPHRASE)
    finally:
        s.close()


@pytest.fixture
def stored(noord: tuple[store.Store, Unlocked], fleet: Fleet) -> store.Store:
    """That store, with Noord's first package in it."""
    s, keys = noord
    ingest.ingest_file(s, keys, fleet.noord.files[0])
    return s

"""Shared fixtures. Qt runs offscreen; every vault lives in a pytest tmp folder
with a cheap KDF (the real calibration is tested on its own)."""

from __future__ import annotations

import gc
import itertools
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.scope import Scope
from app.services.admin import aliases
from app.ui import no_qt_settings
from app.vault import migrate
from app.vault.vault import Vault
from tests.helpers import factory
from tests.helpers.schema_template import SchemaTemplate


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is alive once the tests are collected (every module of the app and the
    tests, the libraries) stays alive to the end: out of the collector's sight
    (``gc.freeze``), so that a full collection, which every GUI test ends with
    (app/ui/gui_gc.py), looks at what the tests made only: 0.13 s a test before."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The slow tests first, on every worker: run on several (pytest-xdist), the
    suite takes as long as its longest test only if that one starts early. The
    ``worksteal`` scheduler hands each worker a contiguous share of this list at
    the start (its own split, repeated in ``_shares``), so each share begins with
    its part of the slow tests; with them all in one share they ran one after the
    other on one worker, last."""
    for item in items:
        # A module that starts programs (the command line as a user runs it, a
        # killed writer, the build) pays a Python start-up per child: left out of
        # ``dev.py test --quick``.
        if isinstance(item, pytest.Function) and "subprocess" in vars(item.module):
            item.add_marker(pytest.mark.processes)
    slow = [item for item in items if item.get_closest_marker("slow") is not None]
    rest = [item for item in items if item.get_closest_marker("slow") is None]
    workers = int(getattr(config, "workerinput", {}).get("workercount", 1))
    ordered: list[pytest.Item] = []
    left_over: list[pytest.Item] = []
    others = iter(rest)
    for k, size in enumerate(_shares(len(items), workers)):
        share = slow[k::workers]
        left_over += share[size:]
        ordered += share[:size] + list(itertools.islice(others, size - len(share[:size])))
    items[:] = [*ordered, *left_over, *others]


def _shares(total: int, workers: int) -> list[int]:
    """How pytest-xdist's ``worksteal`` splits ``total`` tests among idle workers."""
    sizes: list[int] = []
    for k in range(workers):
        sizes.append((total - sum(sizes)) // (workers - k))
    return sizes


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test's data and config folders out of the real user profile."""
    home = tmp_path_factory.mktemp("veldboek-home")
    monkeypatch.setenv("VELDBOEK_HOME", str(home))
    return home


@pytest.fixture(scope="session", autouse=True)
def _no_qt_settings() -> None:
    """As the app does at start-up (app/ui/main.py): Qt's file dialogs in tests leave
    no history of test folders in the real ``~/.config/QtProject.conf``."""
    no_qt_settings.keep_nothing()


@pytest.fixture(scope="session")
def _schema_template(tmp_path_factory: pytest.TempPathFactory) -> SchemaTemplate:
    return SchemaTemplate(tmp_path_factory.mktemp("schema-template"))


@pytest.fixture(autouse=True)
def _vaults_from_template(
    _schema_template: SchemaTemplate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New vaults get the migrated schema by copy (tests/helpers/schema_template.py)."""
    monkeypatch.setattr(migrate, "upgrade", _schema_template.upgrade)


@pytest.fixture(autouse=True)
def _gui_thread_collection(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test with Qt widgets collects garbage on the GUI thread only, as the app
    does (app/ui/gui_gc.py): a collection in a worker thread may delete Qt objects
    there and crash the test process."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from app.ui.gui_gc import GuiThreadCollector

    collector = GuiThreadCollector()
    try:
        yield
    finally:
        collector.stop()
        collector.deleteLater()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return factory.make_vault(tmp_path / "vault")


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    v = Vault.open(vault_dir, factory.PASSPHRASE)
    yield v
    v.lock()


@pytest.fixture
def runner(vault: Vault) -> Scope:
    return aliases.resolve_scope(vault, factory.RUNNER)


@pytest.fixture
def handler(vault: Vault) -> Scope:
    from app.domain.enums import Role

    aliases.add_alias(vault, "Havik", role=Role.HANDLER, can_act=True)
    return aliases.resolve_scope(vault, "Havik")


@pytest.fixture
def shm_runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A runtime folder inside /dev/shm (tmpfs), as on a desktop session, so that
    printing spools to a folder of the test's own (TMPDIR is restored after)."""
    from app.services.reports import printing

    shm = Path("/dev/shm")
    mounts = printing.MOUNTS.read_text(encoding="utf-8") if printing.MOUNTS.exists() else ""
    if printing.filesystem_type(shm, mounts) not in printing.RAM_FILESYSTEMS:
        pytest.skip("/dev/shm is not a tmpfs here")
    runtime = shm / f"veldboek-test-{uuid.uuid4().hex}"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("TMPDIR", "/tmp")  # restored after the test
    yield runtime
    for path in sorted(runtime.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    runtime.rmdir()


@pytest.fixture
def fail_keyring() -> Iterator[None]:
    """The machine has no OS keyring: keyring's own "fail" backend, which is what
    keyring picks when it finds no Secret Service, Keychain or Credential Locker."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    # keyring's backends have unannotated constructors (its only untyped call here).
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        keyring.set_keyring(previous)

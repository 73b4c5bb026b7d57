"""An export killed between recording its package and giving the file its name,
and two exports at once, with real processes.

The kill: a child runs ``veldboek export`` with one hook, at the moment the package
is committed and its file written under the temporary name; there it waits for the
file's writer and kills itself with SIGKILL. The next ``export`` names the package
that was never written, writes it again, and removes the temporary file.

The race: two children run ``veldboek export --all-new`` on the same vault; a
barrier (a file per child in a folder) holds each, its package sealed, until both
are there, so both always try to record the same number. One wins; the other
says what happened, in one line, and no number is used twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain.enums import PeerRole, Role
from app.models import VaultMeta
from app.models.packages import PackageLog
from app.services.admin import aliases
from app.services.admin.check import check_vault
from app.services.exchange import keys, package_receive, unwritten_packages
from app.vault import engine
from app.vault.vault import Vault
from tests.helpers import factory
from tests.packages.conftest import HANDLER

REPO = Path(__file__).resolve().parent.parent.parent

KILLED_AFTER_COMMIT = textwrap.dedent(
    """
    import os
    import signal
    import sys

    from app.cli import main
    from app.services.exchange import packages

    def killed(package_id, writing):
        writing._thread.join()  # the temporary file is whole and closed
        os.kill(os.getpid(), signal.SIGKILL)

    packages._finish_package_file = killed
    sys.exit(main(sys.argv[1:]))
    """
)

AT_THE_BARRIER = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path

    from app.cli import main
    from app.services.exchange import packages

    barrier, me = Path(sys.argv[1]), sys.argv[2]
    first = [True]

    class AtTheBarrier(packages.BackgroundWrite):
        # Called with the package sealed, its number chosen, just before recording it.
        def __init__(self, *args, **kwargs):
            if first.pop() if first else False:
                (barrier / me).touch()
                deadline = time.monotonic() + 120
                while len(list(barrier.iterdir())) < 2 and time.monotonic() < deadline:
                    time.sleep(0.002)
            super().__init__(*args, **kwargs)

    packages.BackgroundWrite = AtTheBarrier
    sys.exit(main(sys.argv[3:]))
    """
)


@pytest.fixture
def runner_vault(tmp_path: Path) -> dict[str, Path]:
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    runner = factory.make_vault(tmp_path / "runner")
    handler = factory.make_vault(tmp_path / "handler", alias=HANDLER, role=Role.HANDLER)
    with Vault.open(handler, factory.PASSPHRASE) as h, Vault.open(runner, factory.PASSPHRASE) as r:
        for a, b, alias, role in (
            (r, h, HANDLER, PeerRole.HANDLER),
            (h, r, factory.RUNNER, PeerRole.RUNNER),
        ):
            bundle = keys.read_bundle(keys.bundle_bytes(b, keys.own_bundle(b, alias, role)))
            scope = aliases.default_scope(a)
            keys.add_peer(a, scope, bundle, role=role, confirmed_spoken=bundle.fingerprint.spoken)
    usb = tmp_path / "usb"
    usb.mkdir()
    return {"pp": pp, "runner": runner, "handler": handler, "usb": usb, "tmp": tmp_path}


def submit(root: Path, count: int) -> None:
    with Vault.open(root, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope)
        for _ in range(count):
            factory.debrief(vault, scope, source, submit=True)


def export_args(s: dict[str, Path]) -> list[str]:
    return [
        "export",
        "--vault",
        str(s["runner"]),
        "--passphrase-file",
        str(s["pp"]),
        "--alias",
        factory.RUNNER,
        "--to",
        str(s["usb"]),
        "--all-new",
    ]


def sent(root: Path) -> list[tuple[int, uuid.UUID]]:
    with Vault.open(root, factory.PASSPHRASE) as vault, vault.read() as session:
        rows = session.execute(
            select(PackageLog.sequence, PackageLog.id)
            .where(PackageLog.direction == "out")
            .order_by(PackageLog.sequence)
        ).all()
    return [(int(n), i) for n, i in rows]


def kill_an_export(s: dict[str, Path]) -> uuid.UUID:
    """Run ``export`` in a child killed after the commit, before the rename."""
    before = {n for n, _ in sent(s["runner"])}
    child = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_COMMIT, *export_args(s)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    (recorded,) = [i for n, i in sent(s["runner"]) if n not in before]
    names = os.listdir(s["usb"])
    # The package is recorded, its file exists only under the temporary name.
    assert f"veldboek-{recorded}.age" not in names
    assert any(n.startswith(f".veldboek-{recorded}.age.tmp-") for n in names), names
    return recorded


def import_at_handler(s: dict[str, Path], path: Path) -> int:
    with Vault.open(s["handler"], factory.PASSPHRASE) as vault:
        result = package_receive.import_package(
            vault, aliases.default_scope(vault), path.read_bytes()
        )
    return result.new


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_an_export_killed_before_its_file_got_its_name_is_written_by_the_next(
    runner_vault: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = runner_vault
    submit(s["runner"], 3)
    recorded = kill_an_export(s)

    code = main(export_args(s))
    out, err = capsys.readouterr()
    # Said, not guessed: which package, and that it is written now; nothing new
    # besides it is not an error, since the work the user asked for is done.
    assert code == 0, err
    final = s["usb"] / f"veldboek-{recorded}.age"
    assert (
        f"Package 1 (id {recorded}) was recorded but its file was never written; "
        f"wrote it again: {final}" in out
    )
    assert "Removed 1 hidden temporary file of" in out
    assert "There is nothing new to export." in out
    assert os.listdir(s["usb"]) == [final.name]  # no hidden leftover
    assert import_at_handler(s, final) == 3

    # Settled: the next export has nothing to do, and says so as before.
    code = main(export_args(s))
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == "veldboek: There is nothing new to export.\n"
    assert check_vault(s["runner"], factory.PASSPHRASE).ok


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_the_written_again_package_goes_out_beside_the_new_one(
    runner_vault: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = runner_vault
    submit(s["runner"], 2)
    recorded = kill_an_export(s)
    submit(s["runner"], 1)
    code = main([*export_args(s), "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert (result["sequence"], result["debriefs"]) == (2, 1)
    (again,) = result["recovered"]["rewritten"]
    assert (again["sequence"], again["package_id"]) == (1, str(recorded))
    assert result["recovered"]["leftovers_removed"] == 1
    assert sorted(os.listdir(s["usb"])) == sorted(
        [f"veldboek-{recorded}.age", Path(result["path"]).name]
    )
    assert import_at_handler(s, Path(again["path"])) == 2
    assert import_at_handler(s, Path(result["path"])) == 1


def race(s: dict[str, Path], barrier: Path) -> list[subprocess.CompletedProcess[str]]:
    barrier.mkdir()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", AT_THE_BARRIER, str(barrier), name, *export_args(s)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for name in ("a", "b")
    ]
    done = []
    for child in children:
        out, err = child.communicate(timeout=180)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    assert sorted(os.listdir(barrier)) == ["a", "b"]  # both really met there
    return done


@pytest.mark.parametrize("rounds", [3])
def test_two_exports_at_once_send_one_package_and_the_other_says_why(
    runner_vault: dict[str, Path], rounds: int
) -> None:
    s = runner_vault
    for n in range(1, rounds + 1):
        submit(s["runner"], 2)
        won, lost = sorted(race(s, s["tmp"] / f"barrier-{n}"), key=lambda c: c.returncode)
        assert won.returncode == 0, won.stderr
        assert f"Package {n} (2 debriefs" in won.stdout
        assert lost.returncode == 1, lost.stderr
        assert lost.stdout == ""
        assert lost.stderr == (
            "veldboek: Another export of this vault sent these debriefs at the same moment "
            f"(package {n}); there is nothing new to export.\n"
        )
        numbers = [number for number, _ in sent(s["runner"])]
        assert numbers == list(range(1, n + 1))  # one package per round, none twice
        names = os.listdir(s["usb"])
        assert len(names) == n
        assert not [x for x in names if x.startswith(".")]
    assert check_vault(s["runner"], factory.PASSPHRASE).ok


def test_an_export_while_another_process_holds_the_write_lock_says_the_vault_is_busy(
    runner_vault: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = runner_vault
    submit(s["runner"], 1)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_SECONDS", 0.2)  # not 10 s of waiting
    holder = Vault.open(s["runner"], factory.PASSPHRASE)
    blocker = holder.engine().raw_connection()
    driver = blocker.driver_connection
    assert driver is not None
    try:
        driver.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
        code = main(export_args(s))
        out, err = capsys.readouterr()
    finally:
        driver.execute("ROLLBACK")
        blocker.close()
        holder.lock()
    assert (code, out) == (1, "")
    assert err == (
        "veldboek: The vault is busy: another Veldboek process is writing to it. "
        "Nothing was changed; try again when it is done.\n"
    )
    assert sent(s["runner"]) == []
    assert os.listdir(s["usb"]) == []


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_package_another_running_process_is_still_writing_is_left_to_it(
    runner_vault: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    s = runner_vault
    submit(s["runner"], 1)
    recorded = kill_an_export(s)
    # As if the process that recorded it were still at work on its file.
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        with Vault.open(s["runner"], factory.PASSPHRASE) as vault, vault.write() as session:
            mark = session.get(VaultMeta, unwritten_packages.PREFIX + recorded.hex)
            assert mark is not None
            mark.value = recorded.bytes + str(writer.pid).encode()
        code = main(export_args(s))
        out, err = capsys.readouterr()
        assert code == 1
        assert "was recorded" not in out
        assert err == "veldboek: There is nothing new to export.\n"
        assert f"veldboek-{recorded}.age" not in os.listdir(s["usb"])
    finally:
        writer.kill()
        writer.wait()
    # That process is gone and the file was never named: now it is owed.
    code = main(export_args(s))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert f"Package 1 (id {recorded}) was recorded but its file was never written" in out
    assert os.listdir(s["usb"]) == [f"veldboek-{recorded}.age"]

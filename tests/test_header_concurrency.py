"""One truth about the header (issue 15, points 2 and 8): a process that unlocked
before `veldboek passwd` (the app left open, another command) never puts the old
passphrase back when it locks, and `check` run beside `passwd` never calls the
vault damaged. Real processes: the app's side opens the vault through the
services as the GUI does; the other side is `python -m app passwd` or `check`."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import time
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from app.crypto.kdf import derive_kek
from app.crypto.keywrap import UnwrapFailed, unwrap_key, wrap_key
from app.errors import PassphraseChangedElsewhere, VeldboekError, WrongPassphrase
from app.services.admin import aliases, vaults
from app.services.admin.check import check_vault
from app.services.records import identity
from app.services.views import IdentityFields
from app.vault.header import SLOT_DATABASE, SLOT_IDENTITY, read_header
from app.vault.vault import Vault, passphrase_bytes
from tests.helpers import factory

# Order 1 below is one fixed sequence (four trials take each passphrase both ways);
# the races draw a random moment per trial.
SEQUENTIAL_TRIALS = 4
TRIALS = 12
REPO = Path(__file__).resolve().parent.parent
OTHER = "another passphrase entirely"

# The app's side: per round, unlock with the passphrase read from stdin (as the
# unlock dialog does, through the services), say "open", wait for "lock", then
# lock as the lock controller does and say "locked".
HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.services.admin import aliases, vaults

    root = Path(sys.argv[1])
    while True:
        passphrase = sys.stdin.readline().rstrip("\\n")
        if not passphrase:
            break
        vault = vaults.unlock(root, passphrase)
        scope = aliases.default_scope(vault)
        print("open", flush=True)
        assert sys.stdin.readline().strip() == "lock"
        vault.lock(scope.actor, "manual")
        print("locked", flush=True)
    """
)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


class Holder:
    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(root)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=_env(),
        )

    def _say(self, line: str, expect: str) -> None:
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        if answer != expect:
            self.proc.kill()
            _out, err = self.proc.communicate(timeout=30)
            raise AssertionError(f"the app's side said {answer!r}: {err[-2000:]}")

    def unlock(self, passphrase: str) -> None:
        self._say(passphrase, "open")

    def lock(self) -> None:
        self._say("lock", "locked")

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _passwd(root: Path, old: Path, new: Path) -> subprocess.Popen[str]:
    args = ["--vault", str(root), "--passphrase-file", str(old), "--new-passphrase-file", str(new)]
    return subprocess.Popen(
        [sys.executable, "-m", "app", "passwd", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=_env(),
    )


def _keys(root: Path) -> object:
    try:
        return read_header(root / "vault.header").keys
    except VeldboekError:  # caught between two states? (a rename is atomic: never)
        return None


def _opens(root: Path, passphrase: str) -> bool:
    """Does the header on disk open with ``passphrase``? (No side effects: a
    failed Vault.open would count as a failed unlock.)"""
    header = read_header(root / "vault.header")
    kek = derive_kek(passphrase_bytes(passphrase), header.kdf)
    try:
        unwrap_key(kek, header.keys[SLOT_DATABASE], header.wrap_context(SLOT_DATABASE))
    except UnwrapFailed:
        return False
    return True


def _assert_only(root: Path, new: str, old: str, trial: str) -> None:
    assert _opens(root, new), f"{trial}: the new passphrase does not open the vault"
    assert not _opens(root, old), f"{trial}: the old passphrase still opens the vault"
    Vault.open(root, new).lock()  # the real unlock, too
    assert not list(root.glob(".vault.header.tmp-*")), trial


@pytest.fixture
def passphrase_files(tmp_path: Path) -> dict[str, Path]:
    files = {}
    for text in (factory.PASSPHRASE, OTHER):
        path = tmp_path / f"pp-{uuid.uuid4().hex}"
        path.write_text(text + "\n")
        files[text] = path
    return files


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="the child processes use POSIX pipes")
def test_an_app_left_open_never_undoes_a_passphrase_change(
    tmp_path: Path, passphrase_files: dict[str, Path]
) -> None:
    """Order 1: the app unlocks, `passwd` runs to the end, then the app locks.
    Order 2: the app unlocks, `passwd` starts, and the app locks while it runs:
    as soon as the new wrapping is on disk, a random few milliseconds later, so
    its header write races `passwd`'s own lock (the window where a stale copy
    would win)."""
    root = factory.make_vault(tmp_path / "vault")
    rng = random.Random(20261206)
    holder = Holder(root)
    old, new = factory.PASSPHRASE, OTHER
    try:
        for trial in range(SEQUENTIAL_TRIALS):
            holder.unlock(old)
            done = _passwd(root, passphrase_files[old], passphrase_files[new])
            _out, err = done.communicate(timeout=120)
            assert done.returncode == 0, f"passwd, order 1, trial {trial}: {err}"
            holder.lock()
            _assert_only(root, new, old, f"order 1, trial {trial}")
            old, new = new, old
        for trial in range(TRIALS):
            holder.unlock(old)
            keys = read_header(root / "vault.header").keys
            running = _passwd(root, passphrase_files[old], passphrase_files[new])
            while running.poll() is None and _keys(root) in (keys, None):
                time.sleep(0.002)
            time.sleep(rng.uniform(0.0, 0.03))
            holder.lock()
            _out, err = running.communicate(timeout=120)
            assert running.returncode == 0, f"passwd, order 2, trial {trial}: {err}"
            _assert_only(root, new, old, f"order 2, trial {trial}")
            old, new = new, old
    finally:
        holder.close()
    report = check_vault(root, old)
    assert report.ok, report.lines


@pytest.mark.skipif(os.name == "nt", reason="the child process uses POSIX pipes")
def test_an_open_vault_follows_a_passphrase_changed_elsewhere(
    vault_dir: Path, passphrase_files: dict[str, Path]
) -> None:
    """After `passwd` in another process, the open app asks for the NEW passphrase
    (reveal, meeting mode, reports), and its own change with the old one is
    refused with a clear message instead of undoing the other."""
    vault = vaults.unlock(vault_dir, factory.PASSPHRASE)
    scope = aliases.resolve_scope(vault, factory.RUNNER)
    source = factory.source(vault, scope)
    identity.record_identity(vault, scope, source, IdentityFields(full_name="Dirk Bakker"))
    done = _passwd(vault_dir, passphrase_files[factory.PASSPHRASE], passphrase_files[OTHER])
    _out, err = done.communicate(timeout=120)
    assert done.returncode == 0, err
    try:
        assert vault.verify_passphrase(OTHER)
        assert not vault.verify_passphrase(factory.PASSPHRASE)
        with pytest.raises(WrongPassphrase):
            identity.reveal_identity(
                vault, scope, source, passphrase=factory.PASSPHRASE, reason="safety check"
            )
        fields = identity.reveal_identity(
            vault, scope, source, passphrase=OTHER, reason="safety check"
        )
        assert fields.full_name == "Dirk Bakker"
        with pytest.raises(PassphraseChangedElsewhere, match="another window or command"):
            vaults.change_passphrase(vault, scope, factory.PASSPHRASE, "a third passphrase here")
    finally:
        vault.lock(scope.actor)
    _assert_only(vault_dir, OTHER, factory.PASSPHRASE, "after the app locked")


def test_a_header_put_in_place_of_the_real_one_does_not_pass_for_it(vault_dir: Path) -> None:
    """The open vault re-reads the header for a passphrase check; a header made by
    someone else (this vault's id, other keys wrapped under their passphrase) does
    not make their passphrase pass for this vault's."""
    intruder = "the intruder's passphrase"
    vault = Vault.open(vault_dir, factory.PASSPHRASE)
    try:
        real = read_header(vault_dir / "vault.header")
        draft = replace(real, kdf=real.kdf.with_new_salt(), keys={})
        kek = derive_kek(passphrase_bytes(intruder), draft.kdf)
        forged = replace(
            draft,
            keys={
                slot: wrap_key(kek, os.urandom(32), draft.wrap_context(slot))
                for slot in (SLOT_DATABASE, SLOT_IDENTITY)
            },
        )
        (vault_dir / "vault.header").write_bytes(forged.to_bytes())
        assert not vault.verify_passphrase(intruder)
        with pytest.raises(WrongPassphrase):
            vault.unwrap_identity_key(intruder)
    finally:
        vault.close_unrecorded()


def test_old_headers_without_a_generation_read_as_generation_zero(vault_dir: Path) -> None:
    path = vault_dir / "vault.header"
    text = path.read_text()
    assert '"generation": 0' in text  # a new vault's header: written once
    path.write_text(text.replace('  "generation": 0,\n', "").replace(',\n  "generation": 0', ""))
    assert "generation" not in path.read_text()
    assert read_header(path).generation == 0
    with Vault.open(vault_dir, factory.PASSPHRASE):
        pass
    assert read_header(path).generation == 1  # the lock's anchor: one write


def _check(root: Path, passphrase: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "check",
            "--vault",
            str(root),
            "--passphrase-file",
            str(passphrase),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=_env(),
    )


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="uses POSIX process handling")
def test_check_beside_passwd_never_reports_damage(
    tmp_path: Path, passphrase_files: dict[str, Path]
) -> None:
    """Issue 15, point 8: `check` and `passwd` started together, with a random lead
    for either. The check is either sound or says in one line that the passphrase
    it was given does not open the vault (it was given the one `passwd` was about to
    replace or the one it was about to set): never a damaged database or anchor,
    never an internal error; and the change always holds."""
    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:  # something to check
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        for _ in range(3):
            factory.debrief(vault, scope, factory.source(vault, scope))
    rng = random.Random(15_8)
    old, new = factory.PASSPHRASE, OTHER
    answers: dict[str, int] = {}
    for trial in range(TRIALS):
        checked_with = rng.choice((old, new))
        first, second = (_passwd, _check) if rng.random() < 0.5 else (_check, _passwd)
        procs = {}
        for starter in (first, second):
            if starter is _passwd:
                procs["passwd"] = _passwd(root, passphrase_files[old], passphrase_files[new])
            else:
                procs["check"] = _check(root, passphrase_files[checked_with])
            if starter is first:
                time.sleep(rng.uniform(0.0, 0.8))
        _p_out, p_err = procs["passwd"].communicate(timeout=120)
        c_out, c_err = procs["check"].communicate(timeout=120)
        where = f"trial {trial}: check said {c_out!r} {c_err!r}"
        assert procs["passwd"].returncode == 0, f"trial {trial}: passwd said {p_err}"
        code = procs["check"].returncode
        assert code in (0, 1), where
        if code == 0:
            answers["sound"] = answers.get("sound", 0) + 1
            assert c_out.rstrip().endswith("vault is sound"), where
        else:
            assert len(c_err.splitlines()) == 1, where
            failed = [line for line in c_out.splitlines() if line.startswith("FAIL")]
            assert len(failed) == 1, where
            assert failed[0].startswith("FAIL unlock: Wrong passphrase"), where
            answers["wrong passphrase"] = answers.get("wrong passphrase", 0) + 1
        _assert_only(root, new, old, f"trial {trial}")
        old, new = new, old
    assert check_vault(root, old).ok
    print(f"check beside passwd, {TRIALS} trials: {answers}")


def test_check_says_busy_when_another_process_keeps_writing(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A writer that holds the database past the busy timeout is not damage: the
    check says in one line that the vault is busy (its search-index check needs the
    write lock) and writes nothing."""
    from app.cli import main
    from app.errors import VaultBusy
    from app.vault import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_SECONDS", 0.3)
    pp = vault_dir.parent / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    writer = Vault.open(vault_dir, factory.PASSPHRASE)
    try:
        with writer.write() as session:
            session.connection()  # BEGIN IMMEDIATE: the write lock is held from here
            with pytest.raises(VaultBusy, match="run the check again when it has finished"):
                check_vault(vault_dir, factory.PASSPHRASE)
            code = main(["check", "--vault", str(vault_dir), "--passphrase-file", str(pp)])
            out, err = capsys.readouterr()
            assert code == 1
            assert "FAIL" not in out
            assert err.splitlines() == [
                "veldboek: Another Veldboek process is writing to this vault; run the check "
                "again when it has finished."
            ]
    finally:
        writer.lock()
    assert check_vault(vault_dir, factory.PASSPHRASE).ok

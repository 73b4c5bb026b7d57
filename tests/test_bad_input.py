"""Wrong passphrase, damaged header, truncated or garbage database: a clear error,
no crash, and the vault files untouched."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import DatabaseCorrupt, HeaderCorrupt, VaultNotFound, WrongPassphrase
from app.services.admin import aliases
from app.services.admin.check import check_vault
from app.services.records import debriefs, search
from app.vault.vault import Vault
from tests.helpers import factory


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every file of the vault folder with its SHA-256 and mtime (ns). SQLite's
    -wal/-shm files exist only while a connection is open and are left out; a WAL
    that still held something at close would be folded into vault.db and show."""
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def vault_files(root: Path) -> dict[str, tuple[str, int]]:
    """The database and the header (a wrong passphrase may add unlock-failures.json)."""
    return {k: v for k, v in snapshot(root).items() if k in ("vault.db", "vault.header")}


def _corrupt_header(root: Path, mutate: object) -> None:
    path = root / "vault.header"
    if callable(mutate):
        path.write_bytes(mutate(path.read_bytes()))


def _json_edit(edit: object) -> object:
    def apply(data: bytes) -> bytes:
        doc = json.loads(data)
        edit(doc)  # type: ignore[operator]
        return json.dumps(doc).encode()

    return apply


HEADER_DAMAGE = {
    "garbage": lambda data: b"\x00\xff" * 50,
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "wrong format": _json_edit(lambda d: d.update(format="something-else")),
    "future version": _json_edit(lambda d: d.update(version=99)),
    "missing keys": _json_edit(lambda d: d.pop("keys")),
    "bad base64": _json_edit(lambda d: d["keys"]["database"].update(nonce="!!!")),
    "absurd kdf": _json_edit(lambda d: d["kdf"].update(memory_kib=1 << 40)),
    "huge": lambda data: data + b" " * 100_000,
}


@pytest.mark.parametrize("damage", list(HEADER_DAMAGE))
def test_damaged_header_is_a_clear_error(vault_dir: Path, damage: str) -> None:
    _corrupt_header(vault_dir, HEADER_DAMAGE[damage])
    before = snapshot(vault_dir)
    with pytest.raises(HeaderCorrupt) as info:
        Vault.open(vault_dir, factory.PASSPHRASE)
    assert "header" in str(info.value).lower()
    assert snapshot(vault_dir) == before


def test_altered_kdf_salt_reads_as_wrong_passphrase(vault_dir: Path) -> None:
    _corrupt_header(
        vault_dir, _json_edit(lambda d: d["kdf"].update(salt="AAAAAAAAAAAAAAAAAAAAAA=="))
    )
    before = vault_files(vault_dir)
    with pytest.raises(WrongPassphrase, match="altered"):
        Vault.open(vault_dir, factory.PASSPHRASE)
    assert vault_files(vault_dir) == before


def test_wrong_passphrase_leaves_files_untouched(vault_dir: Path) -> None:
    before = vault_files(vault_dir)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, "this is not the passphrase")
    assert vault_files(vault_dir) == before


PAGE = 4096


def _fill(vault_dir: Path, debrief_count: int) -> int:
    """Add debriefs; returns the page number where the added data starts."""
    first_new_page = (vault_dir / "vault.db").stat().st_size // PAGE
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        source = factory.source(vault, scope)
        # Long narratives span overflow pages, read only when a debrief is opened:
        # they make up most of the added pages, whatever else the schema holds.
        for _ in range(debrief_count):
            factory.debrief(vault, scope, source, narrative="x" * 20_000)
    return first_new_page


def _read_everything(vault: Vault) -> None:
    scope = aliases.resolve_scope(vault, factory.RUNNER)
    for row in debriefs.list_debriefs(vault, scope).rows:
        debriefs.get_debrief(vault, scope, row.id)
    search.search(vault, scope, "x*")


def _zero_page(data: bytes, page: int) -> bytes:
    return data[: PAGE * page] + b"\x00" * PAGE + data[PAGE * (page + 1) :]


def _garble_page(data: bytes, page: int) -> bytes:
    return data[: PAGE * page] + bytes(range(256)) * (PAGE // 256) + data[PAGE * (page + 1) :]


def _middle(data: bytes, first: int) -> int:
    return (first + len(data) // PAGE) // 2


REFUSED, READ_FAILS = "refused at unlock", "opens, the first read of the page fails"
Damage = Callable[[bytes, int], bytes]  # (file, first page of the records) -> damaged file
DB_DAMAGE: dict[str, tuple[Damage, str]] = {
    "garbage": (lambda data, _: b"\x5a" * len(data), REFUSED),
    "empty": (lambda data, _: b"", REFUSED),
    "truncated-to-first-page": (lambda data, _: data[:PAGE], REFUSED),
    "truncated-mid-page": (lambda data, _: data[: PAGE * 3 + 1000], REFUSED),
    "zeroed-second-page": (lambda data, _: _zero_page(data, 1), REFUSED),
    # A page in the middle of the debriefs, which unlock does not read: zeroed, the
    # look for zeroed pages at unlock refuses it; garbled, the vault opens and the
    # damage shows when a debrief on it is read.
    "zeroed-page-in-the-middle": (
        lambda data, first: _zero_page(data, _middle(data, first)),
        REFUSED,
    ),
    "garbled-page-in-the-middle": (
        lambda data, first: _garble_page(data, _middle(data, first)),
        READ_FAILS,
    ),
    "bit-flip": (lambda data, _: data[:5000] + bytes([data[5000] ^ 1]) + data[5001:], REFUSED),
}


def _settle(vault: Vault) -> None:
    """Fold the WAL into vault.db (test only), so that a later write, even one only
    committed to the WAL, changes vault.db by the time the vault is closed."""
    with vault.engine().connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.mark.parametrize("damage", list(DB_DAMAGE))
def test_damaged_database_is_a_clear_error_and_nothing_is_written(
    vault_dir: Path, damage: str
) -> None:
    first_new_page = _fill(vault_dir, 5)
    mutate, outcome = DB_DAMAGE[damage]
    db = vault_dir / "vault.db"
    db.write_bytes(mutate(db.read_bytes(), first_new_page))
    before = snapshot(vault_dir)
    if outcome == REFUSED:
        with pytest.raises(DatabaseCorrupt, match=r"damaged|cannot be decrypted"):
            Vault.open(vault_dir, factory.PASSPHRASE)
        assert snapshot(vault_dir) == before  # refused before anything was written
    else:
        vault = Vault.open(vault_dir, factory.PASSPHRASE)  # unlock itself is audited
        _settle(vault)
        before = snapshot(vault_dir)
        with pytest.raises(DatabaseCorrupt, match="damaged"):
            _read_everything(vault)
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        with pytest.raises(DatabaseCorrupt, match="nothing more is saved"):
            factory.source(vault, scope)
        vault.lock()
        # No lock event, no anchor moved over the damage, no new file.
        assert snapshot(vault_dir) == before
    assert not check_vault(vault_dir, factory.PASSPHRASE).ok
    assert snapshot(vault_dir) == before  # a failing check writes nothing either


def test_check_reports_a_damaged_page(vault_dir: Path) -> None:
    _fill(vault_dir, 10)
    db = vault_dir / "vault.db"
    data = bytearray(db.read_bytes())
    data[4096 * 8 + 100] ^= 0xFF  # one bit flip deep inside the file
    db.write_bytes(bytes(data))
    report = check_vault(vault_dir, factory.PASSPHRASE)
    assert not report.ok


def test_missing_vault_and_missing_header(tmp_path: Path, vault_dir: Path) -> None:
    with pytest.raises(VaultNotFound, match="No vault"):
        Vault.open(tmp_path / "nowhere", factory.PASSPHRASE)
    (vault_dir / "vault.header").unlink()
    with pytest.raises(VaultNotFound, match="header is missing"):
        Vault.open(vault_dir, factory.PASSPHRASE)


CLI_DAMAGE = ["garbage-header", "garbage-db", "zeroed-page-in-the-middle", "wrong-passphrase"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("damage", CLI_DAMAGE)
def test_cli_prints_one_line_and_no_traceback(vault_dir: Path, tmp_path: Path, damage: str) -> None:
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    first_new_page = _fill(vault_dir, 5)
    db = vault_dir / "vault.db"
    if damage == "garbage-header":
        (vault_dir / "vault.header").write_bytes(b"nonsense")
    elif damage == "garbage-db":
        db.write_bytes(b"nonsense" * 1000)
    elif damage == "zeroed-page-in-the-middle":
        db.write_bytes(DB_DAMAGE[damage][0](db.read_bytes(), first_new_page))
    else:
        pp.write_text("the wrong passphrase\n")
    before = vault_files(vault_dir)
    result = _cli("check", "--vault", str(vault_dir), "--passphrase-file", str(pp))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    # Exactly one line on stderr (no SQLCipher log lines); the report is on stdout.
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("veldboek: vault check FAILED (")
    failures = [line for line in result.stdout.splitlines() if line.startswith("FAIL ")]
    assert failures
    assert any(
        word in failures[0] for word in ("header", "passphrase", "damaged", "decrypted", "page")
    )
    assert vault_files(vault_dir) == before


@pytest.mark.parametrize("damage", ["garbage-header", "garbage-db", "wrong-passphrase"])
def test_cli_command_on_a_bad_vault_is_one_line(
    vault_dir: Path, tmp_path: Path, damage: str
) -> None:
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    if damage == "garbage-header":
        (vault_dir / "vault.header").write_bytes(b"nonsense")
    elif damage == "garbage-db":
        (vault_dir / "vault.db").write_bytes(b"nonsense" * 1000)
    else:
        pp.write_text("the wrong passphrase\n")
    before = vault_files(vault_dir)
    args = ["--vault", str(vault_dir), "--passphrase-file", str(pp), "--alias", factory.RUNNER]
    result = _cli("list", "sources", *args, "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("veldboek: ")
    assert any(word in lines[0] for word in ("header", "passphrase", "damaged", "decrypted"))
    assert vault_files(vault_dir) == before


def test_check_of_a_zeroed_page_prints_a_summary_and_what_to_do(
    vault_dir: Path, tmp_path: Path
) -> None:
    """A zeroed page deep in the file makes SQLite's integrity_check name up to 100
    problems (a line each, in one row). The terminal shows how many and the first
    few, then what to do; --json keeps every one."""
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    first_new_page = _fill(vault_dir, 10)
    db = vault_dir / "vault.db"
    db.write_bytes(_zero_page(db.read_bytes(), _middle(db.read_bytes(), first_new_page)))
    before = vault_files(vault_dir)
    args = ("check", "--vault", str(vault_dir), "--passphrase-file", str(pp))

    shown = _cli(*args)
    assert shown.returncode == 1
    assert "Traceback" not in shown.stdout + shown.stderr
    (stderr,) = shown.stderr.splitlines()
    assert stderr.startswith("veldboek: vault check FAILED (zeroed pages)")
    assert "restore the vault from a backup" in stderr
    lines = shown.stdout.splitlines()
    assert len(lines) < 20, shown.stdout  # not SQLite's hundred lines
    at = next(n for n, line in enumerate(lines) if line.startswith("FAIL sqlite structure: "))
    count = int(lines[at].split(": ", 1)[1].split()[0])
    assert count > 3
    listed = []  # the indented lines under it
    for line in lines[at + 1 :]:
        if not line.startswith("       "):
            break
        listed.append(line.strip())
    problems, rest = listed[:-1], listed[-1]
    assert len(problems) == 3
    assert rest == f"… and {count - 3} more (--json lists every one)"
    assert "*** in database" not in shown.stdout
    assert "Restore the vault folder from your most recent backup" in lines[-1]

    as_json = _cli(*args, "--json")
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert report["ok"] is False
    checks = {c["name"]: c for c in report["checks"]}
    assert len(checks["sqlite structure"]["problems"]) == count  # every one, in full
    assert checks["sqlite structure"]["problems"][:3] == problems
    assert checks["sqlcipher page integrity"]["problems"]
    assert "backup" in report["advice"]
    assert vault_files(vault_dir) == before  # a failing check writes nothing

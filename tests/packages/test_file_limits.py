"""Files a user hands Veldboek to read: anything that is not a regular file, or is
larger than its kind can be, is refused before a byte of it is read, with one line
and a non-zero exit, and the vault is not touched. Packages are read in chunks:
inspecting one reads its header, verifying one holds about one copy of it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import limits
from app.crypto import age
from app.errors import FileTooLarge, PackageError, UnreadableFile
from app.export import container
from app.export.errors import PackageTooLarge
from app.models import Debrief
from app.models.packages import PackageLog
from app.services.exchange import keys, package_arrival, package_receive, packages, receipts
from app.services.files import user_files
from app.services.records import attachments, debriefs
from tests.helpers import factory
from tests.packages.conftest import Pair, debrief_rows, submitted_debriefs

ROOT = Path(__file__).resolve().parents[2]

# Run in a child: the command line as a user runs it, once per target (a JSON list
# of argument lists), its peak of Python memory measured once everything it imports
# is loaded, and a cap on the address space so that a reader that does read
# /dev/zero fails fast instead of eating the machine. Each run's exit status, what
# it wrote on stderr and its peak are written out as JSON.
CHILD = """
import contextlib, io, json, resource, sys, tracemalloc
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
from app.cli import build_parser, main
runs = json.loads(sys.argv[2])
build_parser(runs[0][0])  # what the command imports, loaded before the count starts
tracemalloc.start()
results = []
for argv in runs:
    tracemalloc.reset_peak()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(argv)
    results.append([code, err.getvalue(), tracemalloc.get_traced_memory()[1]])
with open(sys.argv[1], "w") as out:
    json.dump(results, out)
"""

COMMANDS = {
    "package inspect": (["package", "inspect"], user_files.PACKAGE, False),
    "package verify": (["package", "verify"], user_files.PACKAGE, True),
    "package import": (["package", "import"], user_files.PACKAGE, True),
    "receipt import": (["receipt", "import"], user_files.RECEIPT, True),
    "keys import": (["keys", "import"], user_files.KEY_BUNDLE, True),
    "report verify": (["report", "verify"], user_files.REPORT_PDF, True),
}


def _fifo(tmp: Path, _kind: user_files.Kind) -> tuple[Path, str]:
    path = tmp / "package.age"
    os.mkfifo(path)  # nobody writes to it: an open that waits for a writer hangs
    return path, "is not an ordinary file"


def _dev_zero(_tmp: Path, _kind: user_files.Kind) -> tuple[Path, str]:
    return Path("/dev/zero"), "is not an ordinary file"


def _folder(tmp: Path, _kind: user_files.Kind) -> tuple[Path, str]:
    path = tmp / "a-folder.age"
    path.mkdir()
    return path, "is a folder, not a file"


def _one_byte_over(tmp: Path, kind: user_files.Kind) -> tuple[Path, str]:
    path = tmp / "large.age"
    with path.open("wb") as handle:
        handle.truncate(kind.limit + 1)  # sparse: costs no disk, and reads as zeros
    return path, "is larger than a Veldboek"


TARGETS: dict[str, Callable[[Path, user_files.Kind], tuple[Path, str]]] = {
    "a fifo": _fifo,
    "/dev/zero": _dev_zero,
    "a folder": _folder,
    "one byte over the limit": _one_byte_over,
}


def _vault_files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("limits")
    passphrase = tmp / "pp"
    passphrase.write_text(factory.PASSPHRASE + "\n")
    return factory.make_vault(tmp / "vault"), passphrase


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero and FIFOs")
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_what_is_not_a_readable_file_of_its_kind_is_refused_unread(
    command: str, vault: tuple[Path, Path], tmp_path: Path
) -> None:
    """Every target (TARGETS) for the command, one after the other in one process."""
    words, kind, needs_vault = COMMANDS[command]
    root, passphrase = vault
    runs, expected = [], []
    for n, target in enumerate(sorted(TARGETS)):
        folder = tmp_path / str(n)
        folder.mkdir()
        path, words_expected = TARGETS[target](folder, kind)
        argv = [*words, str(path)]
        if needs_vault:
            argv += ["--vault", str(root), "--passphrase-file", str(passphrase)]
        if command == "keys import":
            argv += ["--role", "handler", "--fingerprint", "00000 " * 10]
        runs.append(argv)
        expected.append((target, path, words_expected))
    before = _vault_files(root)
    results_file = tmp_path / "results.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(results_file), json.dumps(runs)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # a FIFO that blocked the open would stop here
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    results = json.loads(results_file.read_text())
    for (target, path, words_expected), (code, err, peak) in zip(expected, results, strict=True):
        assert code == 1, (target, err)
        lines = err.splitlines()
        assert len(lines) == 1, (target, err)
        assert lines[0].startswith(f"veldboek: {path}"), lines[0]
        assert words_expected in lines[0]
        if target == "one byte over the limit" and kind.limit >= 16 * limits.MIB:
            # Refused on its size before reading: not even a small part was read.
            assert peak < limits.MIB
    assert _vault_files(root) == before


def test_a_key_bundle_over_its_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path, _ = _one_byte_over(tmp_path, user_files.KEY_BUNDLE)
    tracemalloc.start()
    try:
        with pytest.raises(FileTooLarge, match="key bundle can be"):
            keys.read_bundle_file(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < limits.MAX_KEY_BUNDLE_BYTES // 2


def test_a_file_to_attach_that_is_not_a_file_or_too_large_is_refused(
    pair: Pair, tmp_path: Path
) -> None:
    runner = pair.runner
    source = factory.source(runner.vault, runner.scope, "LEEUWERIK")
    draft = factory.debrief(runner.vault, runner.scope, source)
    over, _ = _one_byte_over(tmp_path, user_files.ATTACHMENT)
    for path in (Path("/dev/zero"), tmp_path, over):
        with pytest.raises(UnreadableFile):
            attachments.add_attachment_file(runner.vault, runner.scope, draft, path)
    assert attachments.list_attachments(runner.vault, runner.scope, draft) == []
    small = tmp_path / "foto.png"
    small.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    added = attachments.add_attachment_file(runner.vault, runner.scope, draft, small)
    assert added.name == "foto.png"
    assert added.size == 108


def test_the_limits_hold_the_largest_package_the_format_allows() -> None:
    largest_container = container.padme(77 + container.MAX_MANIFEST + container.MAX_BODY)
    chunks = -(-largest_container // age.CHUNK)
    largest_file = age.MAX_HEADER_BYTES + age.NONCE_BYTES + largest_container + chunks * age.TAG
    assert largest_file <= limits.MAX_PACKAGE_BYTES
    assert limits.MAX_RECEIPT_BYTES < limits.MAX_PACKAGE_BYTES
    assert attachments.MAX_BYTES == limits.MAX_ATTACHMENT_BYTES
    assert keys.MAX_BUNDLE_BYTES == limits.MAX_KEY_BUNDLE_BYTES


def _package_with_files(pair: Pair, megabytes: int) -> Path:
    """A package of one debrief carrying ``megabytes`` of photos (random bytes: they
    do not compress), as base64 in the package."""
    runner = pair.runner
    source = factory.source(runner.vault, runner.scope, "KRAANVOGEL")
    draft = factory.debrief(runner.vault, runner.scope, source)
    per_file = 5 * limits.MIB
    for n in range(-(-megabytes * limits.MIB * 3 // 4 // per_file)):
        attachments.add_attachment(
            runner.vault, runner.scope, draft, f"foto-{n}.jpg", os.urandom(per_file)
        )
    debriefs.submit(runner.vault, runner.scope, draft)
    return packages.export_package(
        runner.vault, runner.scope, to_dir=pair.outbox, all_new=True
    ).path


def _traced_peak(fn: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_inspect_reads_the_header_and_verify_holds_one_copy_of_the_package(pair: Pair) -> None:
    path = _package_with_files(pair, 20)
    size = path.stat().st_size
    assert size > 20 * limits.MIB
    facts: dict[str, object] = {}
    inspected = _traced_peak(lambda: facts.update(package_arrival.inspect(path)))
    assert facts["size_bytes"] == size
    assert inspected < limits.MIB  # the header only, whatever the file's size
    handler = pair.handler
    checks: list[package_receive.PackageCheck] = []
    verified = _traced_peak(
        lambda: checks.append(package_receive.verify_package(handler.vault, handler.scope, path))
    )
    assert checks[0].files == 3
    assert checks[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    # The decrypted container (about the file's size) and one file at a time, not
    # the sealed bytes beside it, nor a parsed copy of the files.
    assert verified < 1.5 * size
    result = package_receive.import_package(handler.vault, handler.scope, path)
    assert result.new == 1
    with handler.vault.read() as session:
        (debrief_id,) = session.execute(select(Debrief.id)).scalars()
    stored = attachments.list_attachments(handler.vault, handler.scope, debrief_id)
    runner_side = attachments.list_attachments(pair.runner.vault, pair.runner.scope, debrief_id)
    assert sorted(a.sha256 for a in stored) == sorted(a.sha256 for a in runner_side)
    for a in stored:
        data = attachments.attachment_bytes(handler.vault, handler.scope, a.id, purpose="view")
        assert hashlib.sha256(data).hexdigest() == a.sha256


def test_import_takes_only_the_file_that_was_checked(pair: Pair) -> None:
    submitted_debriefs(pair.runner, 1, "SPREEUW")
    first = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    ).path
    handler = pair.handler
    check = package_receive.verify_package(handler.vault, handler.scope, first)
    # Another package under the same name (a stick swapped while the question was open).
    submitted_debriefs(pair.runner, 1, "KOEKOEK")
    second = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    ).path
    second.replace(first)
    with pytest.raises(PackageError, match="not the one that was checked"):
        package_receive.import_package(
            handler.vault, handler.scope, first, expected_sha256=check.sha256
        )
    assert debrief_rows(handler) == 0


def test_a_receipt_a_runner_could_not_read_is_never_made(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted_debriefs(pair.runner, 1)
    sent = packages.export_package(
        pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
    )
    package_receive.import_package(pair.handler.vault, pair.handler.scope, sent.path)
    monkeypatch.setattr(limits, "MAX_RECEIPT_BYTES", 4096)  # smaller than any receipt
    before = set(pair.outbox.iterdir())
    with pytest.raises(PackageTooLarge, match="receipt"):
        receipts.create_receipt(
            pair.handler.vault, pair.handler.scope, runner="Runner Valk", to_dir=pair.outbox
        )
    assert set(pair.outbox.iterdir()) == before
    with pair.handler.vault.read() as session:
        out = session.execute(
            select(func.count()).select_from(PackageLog).where(PackageLog.kind == "receipt")
        ).scalar_one()
        unconfirmed = session.execute(
            select(func.count())
            .select_from(PackageLog)
            .where(PackageLog.kind == "debriefs", PackageLog.confirmed_at.is_(None))
        ).scalar_one()
    assert (out, unconfirmed) == (0, 1)


def test_a_package_a_handler_could_not_read_is_never_made(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    submitted_debriefs(pair.runner, 2)
    monkeypatch.setattr(container, "MAX_BODY", 1000)  # smaller than these two debriefs
    with pytest.raises(PackageTooLarge, match="fewer"):
        packages.export_package(
            pair.runner.vault, pair.runner.scope, to_dir=pair.outbox, all_new=True
        )
    assert list(pair.outbox.iterdir()) == []
    with pair.runner.vault.read() as session:
        assert session.execute(select(func.count()).select_from(PackageLog)).scalar_one() == 0


SWAPPED = """
import os, stat, sys
from pathlib import Path
from app.errors import UnreadableFile
from app.services.files import user_files

fifo = Path(sys.argv[1])
real_stat = os.stat

def looks_regular(path, *args, **kwargs):
    # The path was a regular file when it was looked at; a pipe is there by the open.
    found = real_stat(path, *args, **kwargs)
    return os.stat_result((stat.S_IFREG | 0o600, *tuple(found)[1:]))

os.stat = looks_regular
try:
    user_files.read_all(fifo, user_files.PACKAGE)
except UnreadableFile as exc:
    print(exc)
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_swapped_in_after_the_look_neither_hangs_nor_is_read(tmp_path: Path) -> None:
    # The open does not wait for a writer (O_NONBLOCK), and the opened descriptor,
    # not the path, decides.
    fifo = tmp_path / "package.age"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-c", SWAPPED, str(fifo)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "is not an ordinary file" in done.stdout


def test_a_file_that_grows_while_it_is_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bundle.veldboek-key"
    path.write_bytes(b"{}" * 100)
    real_fstat = os.fstat

    def smaller(fd: int) -> os.stat_result:  # the size when reading began: 10 bytes
        found = tuple(real_fstat(fd))
        return os.stat_result((*found[:6], 10, *found[7:]))

    monkeypatch.setattr(os, "fstat", smaller)  # the os module user_files calls
    with pytest.raises(UnreadableFile, match="changed while it was being read"):
        user_files.read_all(path, user_files.KEY_BUNDLE)

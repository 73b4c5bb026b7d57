"""Every command of ``veldboek``, with random arguments and random files, against
small real vaults: none ends in "internal error" (exit 70), none leaves a
half-made file behind, and a command that refuses leaves the vault as it was.

The commands are read from the CLI's own argparse parser (``build_parser``), so a
command added later is fuzzed without touching this file. Only ``gui`` is left
out: it starts the desktop app and waits for a user.

"As it was", for a command that exits non-zero:

- Refused before the vault was unlocked (an argument, a file, a name, a wrong
  passphrase): ``vault.db`` and ``vault.header`` are byte for byte the same. The
  only file that may change is ``unlock-failures.json``: a wrong passphrase is
  counted there on purpose (the wait before the next try).
- Refused after an unlock (an unknown alias, a package refused, a receipt for
  another vault): the audit log may have grown, because every unlock, lock and
  refused package is recorded by design, and the lock moves the header's audit
  anchor. Every other table holds exactly the rows it held, every audit event
  that was there is unchanged, and the header's keys, KDF and vault id are the same.

Hypothesis runs derandomized (a fixed set of examples, no example database): a
CI run fails for the code it tests, never for the luck of the draw, and a failure
reproduces from the test's name. ``VELDBOEK_FUZZ_EXAMPLES=N`` runs N examples
per command instead, for a longer exploration by hand.

Commands run in-process through ``app.cli.main(argv)`` (as the ``veldboek``
entry point does) for speed; Python gives bytes of ``argv`` that are not UTF-8 to
the program as lone surrogates, so the in-process runs pass those. A smaller set
runs real processes with real non-UTF-8 bytes in their arguments and paths, with
a strict output encoding.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli import build_parser, main
from app.crypto.kdf import Calibration
from app.crypto.secret import SecretBytes
from app.domain.enums import PeerRole, Role
from app.services import reports
from app.services.admin import aliases
from app.services.exchange import keys, package_receive, packages, receipts
from app.services.reports import Selection
from app.vault.engine import connect_raw
from app.vault.vault import Vault
from tests.helpers import factory

EXIT_BUG = 70
SKIPPED = {("gui",): "starts the desktop app and waits for its user"}
EXAMPLES = int(os.environ.get("VELDBOEK_FUZZ_EXAMPLES", "15"))
MAY_CHANGE_ON_REFUSAL = {"unlock-failures.json"}


# -- the commands, from the parser ------------------------------------------------------


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]
    parser: argparse.ArgumentParser

    @property
    def arguments(self) -> list[argparse.Action]:
        return [
            a
            for a in self.parser._actions
            if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)
        ]

    def __str__(self) -> str:
        return " ".join(self.path)


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[Command]:
    out = [Command(path, parser)] if parser.get_default("func") is not None else []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                out += _commands(child, (*path, name))
    return out


COMMANDS = [c for c in _commands(build_parser()) if c.path not in SKIPPED]


def test_every_command_is_found_in_the_parser() -> None:
    """The enumeration sees the documented commands (so it would see a new one)."""
    found = {c.path for c in _commands(build_parser())}
    for path in (
        ("init",),
        ("check",),
        ("demo",),
        ("passwd",),
        ("list", "sources"),
        ("list", "debriefs"),
        ("search",),
        ("show", "source"),
        ("source", "handover"),
        ("source", "handovers"),
        ("source", "close"),
        ("keys", "show"),
        ("keys", "export"),
        ("keys", "import"),
        ("keys", "peers"),
        ("export",),
        ("package", "inspect"),
        ("package", "verify"),
        ("package", "import"),
        ("package", "write"),
        ("package", "log"),
        ("package", "versions"),
        ("receipt", "create"),
        ("receipt", "import"),
        ("purge",),
        ("report",),
        ("report", "verify"),
        ("report", "approvals"),
        ("report", "approve"),
        ("report", "reject"),
        ("gui",),
    ):
        assert path in found
    assert {c.path for c in COMMANDS} == found - set(SKIPPED)


def _kind(action: argparse.Action) -> str:
    """What sort of value an argument takes, from its dest and type."""
    type_name = getattr(action.type, "__name__", "")
    if isinstance(action, argparse._StoreTrueAction):
        return "flag"
    if action.dest == "vault":
        return "vault"
    if action.dest.endswith("passphrase_file"):
        return "passphrase"
    if action.choices:
        return "choice"
    if action.type is int:
        return "int"
    if action.type is Path:
        return "output" if action.dest in ("out", "to") else "input"
    if type_name == "_uuid":
        return "id"
    if type_name in ("_day", "fromisoformat"):
        return "day"
    return "text"


# -- the vaults and files they act on ---------------------------------------------------


@dataclass
class Scene:
    root: Path
    db_keys: dict[str, bytes]  # vault name -> database key (the copies share it)
    before: dict[str, Any]  # vault name -> logical content (_content)
    ids: dict[str, list[str]]  # vault name -> ids of records in it
    files: dict[str, bytes]
    words: dict[str, list[str]]  # by argument (dest): text the command accepts
    aliases: dict[str, list[str]]  # vault name -> aliases one may act under there
    digests: dict[str, dict[str, bytes]]  # vault name -> its files' digests (_files)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(f"Scene({self.root})")  # a failing example's report: not the files


def _content(path: Path, db_key: bytes) -> dict[str, Any]:
    """Every table's rows (by digest), the audit events apart, and the header's
    substance (what unlocks the vault), as they are in ``path``."""
    conn = connect_raw(path / "vault.db", SecretBytes(db_key))
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        digests = {}
        for table in tables:
            if table == "audit_event":
                continue
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"'))
            digests[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        events = [repr(r) for r in conn.execute("SELECT * FROM audit_event ORDER BY seq")]
    finally:
        conn.close()
    header = json.loads((path / "vault.header").read_bytes())
    substance = {k: header[k] for k in ("vault_id", "kdf", "keys", "device_factor")}
    return {"tables": digests, "events": events, "header": substance}


def _db_key(root: Path) -> bytes:
    vault = Vault.open(root, factory.PASSPHRASE, record_open=False)
    try:
        return bytes(vault._db_key.get())
    finally:
        vault.close_unrecorded()


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    """A runner's vault with a submitted debrief and a handler's vault that imported
    it; the package, the receipt, both key bundles and a report PDF as files."""
    root = tmp_path_factory.mktemp("fuzz-scene")
    files: dict[str, bytes] = {}
    factory.make_vault(root / "runner", alias=factory.RUNNER, role=Role.RUNNER)
    factory.make_vault(root / "handler", alias="Havik", role=Role.HANDLER)
    runner = Vault.open(root / "runner", factory.PASSPHRASE)
    handler = Vault.open(root / "handler", factory.PASSPHRASE)
    try:
        r_scope = aliases.resolve_scope(runner, factory.RUNNER)
        h_scope = aliases.resolve_scope(handler, "Havik")
        # A team handler in the runner's vault, to approve or reject a report there.
        aliases.add_alias(runner, "Reiger", role=Role.HANDLER, can_act=True)
        r_bundle = keys.own_bundle(runner, "Runner Valk", PeerRole.RUNNER)
        h_bundle = keys.own_bundle(handler, "Team handler", PeerRole.HANDLER)
        files["runner_key"] = keys.bundle_bytes(runner, r_bundle)
        files["handler_key"] = keys.bundle_bytes(handler, h_bundle)
        keys.add_peer(
            runner,
            r_scope,
            keys.read_bundle(files["handler_key"]),
            role=PeerRole.HANDLER,
            confirmed_spoken=h_bundle.fingerprint.spoken,
        )
        keys.add_peer(
            handler,
            h_scope,
            keys.read_bundle(files["runner_key"]),
            role=PeerRole.RUNNER,
            confirmed_spoken=r_bundle.fingerprint.spoken,
        )
        source = factory.source(runner, r_scope, "KWARTS")
        debrief = factory.debrief(
            runner, r_scope, source, items=(factory.graded_item(),), submit=True
        )
        outbox = root / "outbox"
        outbox.mkdir()
        sent = packages.export_package(runner, r_scope, to_dir=outbox, all_new=True)
        files["package"] = sent.path.read_bytes()
        package_receive.import_package(handler, h_scope, files["package"])
        receipt = receipts.create_receipt(handler, h_scope, runner="Runner Valk", to_dir=outbox)
        files["receipt"] = receipt.path.read_bytes()
        issued = reports.issue_internal(runner, r_scope, Selection(debrief_id=debrief).validated())
        pdf = root / "report.pdf"
        reports.save_pdf(runner, r_scope, issued, pdf)
        files["report_pdf"] = pdf.read_bytes()
        approval = reports.request_sanitised(
            runner,
            r_scope,
            Selection(debrief_id=debrief).validated(),
            passphrase=factory.PASSPHRASE,
        )
        ids = {
            "runner": [
                str(debrief),
                str(sent.package_id),
                str(approval.id),
                str(issued.report_id),
                str(source),
            ],
            "handler": [str(debrief), str(sent.package_id), str(receipt.receipt_id)],
        }
        spoken = [r_bundle.fingerprint.spoken, h_bundle.fingerprint.spoken]
        words = {
            "source": ["KWARTS", "kwarts"],
            "runner": ["Runner Valk", "runner valk", spoken[0][:20]],
            "name": ["Runner Valk", "Team handler", "Valk"],
            "fingerprint": spoken,
            "marking": list(reports.MARKINGS),
            "text": ["shipment", "garage"],
            "note": ["Checked.", ""],
            "": ["Valk", "KWARTS", "shipment", "ok"],
        }
    finally:
        runner.lock()
        handler.lock()
    shutil.rmtree(outbox)
    pdf.unlink()
    db_keys = {name: _db_key(root / name) for name in ("runner", "handler")}
    before = {name: _content(root / name, db_keys[name]) for name in db_keys}
    acting = {"runner": [factory.RUNNER, "valk", "Reiger"], "handler": ["Havik", "HAVIK"]}
    # Every example starts from byte-exact copies of these folders: their digests
    # are the "before" of every run, worked out once.
    digests = {name: _files(root / name) for name in db_keys}
    return Scene(root, db_keys, before, ids, files, words, acting, digests)


# -- drawing arguments ------------------------------------------------------------------

NAMES = [
    "Valk",
    "valk",
    "VALK",
    "Havik",
    "Ｖａｌｋ",  # full width
    "Runner Valk",
    "Team handler",
    "KWARTS",
    "kwarts",
    "STG. CONFIDENTIEEL",
    "",
    " ",
    "-",
    "--vault",
    "Va\rlk",
    "\x1b[31mValk\x1b[0m",
    "\u202eklaV",
    "Va\u200blk",
    "A" * 81,
    "x" * 100_000,
    os.fsdecode(b"Va\xfflk"),
    os.fsdecode(b"\xff\xfe"),
    "12345 67890",
]
BYTES = st.binary(max_size=1500)
DIGIT = st.integers(0, 9)
VAULTS = st.sampled_from(["runner", "handler"])


def _text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(NAMES),
        st.text(max_size=40),
        st.text(st.characters(codec="utf-8", categories=("Cc", "Cf", "Zs", "Zl")), max_size=8),
        BYTES.map(os.fsdecode),
    )


def _int() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(-3, 6).map(str),
        st.sampled_from(["0", "-1", str(2**31), str(2**63), str(10**30), "-" + str(10**30)]),
        _text(),
    )


def _day() -> st.SearchStrategy[str]:
    return st.one_of(
        st.dates().map(date.isoformat),
        st.sampled_from(["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01"]),
        _text(),
    )


def _ids() -> st.SearchStrategy[str]:
    return st.uuids().map(str)


def _days() -> st.SearchStrategy[str]:
    return st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(date.isoformat)


class Example:
    """One example's folder: an output folder, whatever files the drawn arguments
    name, and copies of the scene's vaults the arguments point at (``vaults``)."""

    def __init__(self, scene: Scene, data: st.DataObject) -> None:
        self.scene, self.data = scene, data
        self.root = Path(tempfile.mkdtemp(prefix="fuzz-", dir=scene.root))
        self.out = self.root / "out"
        self.out.mkdir()
        (self.out / "existing.pdf").write_bytes(b"not yours to overwrite")
        self.stdin = b""
        self.counter = 0
        self.made: dict[str, str] = {}  # path of a file made here -> its content's digest
        # The vault most values are meant for (so ids and aliases fit together).
        self.target = data.draw(VAULTS)

    def good(self) -> bool:
        """Most values are ones the command accepts, so that the others meet the
        code behind the argument checks, not only the checks."""
        # Hypothesis favours the ends of a range: the middle marks the rare choice.
        return self.data.draw(DIGIT) not in (4, 5)

    def _file(self, content: bytes) -> str:
        self.counter += 1
        path = self.root / f"file-{self.counter}"
        path.write_bytes(content)
        self.made[str(path)] = hashlib.sha256(content).hexdigest()
        return str(path)

    def vaults(self, argv: list[str]) -> dict[str, dict[str, bytes]]:
        """Copy in the scene's vaults that ``argv`` names (a command reaches no
        other), and return their files' digests as they are before the run."""
        named = {}
        for name in ("runner", "handler"):
            folder = str(self.root / name)
            if any(a == folder or a.startswith(folder + os.sep) for a in argv):
                shutil.copytree(self.scene.root / name, self.root / name)
                named[name] = self.scene.digests[name]
        return named

    def signature(self, command: Command, argv: list[str]) -> tuple[str, ...]:
        """What the run depends on: the arguments with this example's folder left
        out and each file made for it by its content, and what stdin holds."""
        root = str(self.root)
        values = [self.made[a] if a in self.made else a.replace(root, "<example>") for a in argv]
        return (str(command), *values, self.stdin.hex())

    def vault(self, command: Command) -> str:
        if self.good():
            if command.path == ("init",):  # a folder to make a vault in
                return str(self.root / "new" / "v")
            return str(self.root / self.target)
        choice = self.data.draw(
            st.sampled_from(["runner", "runner", "handler", "handler", "missing", "dir", "file"])
        )
        if choice in ("runner", "handler"):
            return str(self.root / choice)
        if choice == "missing":
            return str(self.root / "new" / os.fsdecode(b"v\xff"))
        if choice == "dir":
            return str(self.out)
        return self._file(b"")

    def passphrase(self) -> str:
        if self.good():
            return self._file(factory.PASSPHRASE.encode() + b"\n")
        choice = self.data.draw(
            st.sampled_from(
                ["right", "right", "right", "wrong", "random", "empty", "missing", "dir", "-"]
            )
        )
        if choice == "right":
            return self._file(factory.PASSPHRASE.encode() + b"\n")
        if choice == "wrong":
            return self._file(b"not the passphrase at all\n")
        if choice == "random":
            return self._file(self.data.draw(BYTES))
        if choice == "empty":
            return self._file(b"")
        if choice == "missing":
            return str(self.root / "no-such-passphrase")
        if choice == "dir":
            return str(self.out)
        self.stdin = self.data.draw(st.one_of(st.just(factory.PASSPHRASE.encode() + b"\n"), BYTES))
        return "-"

    def input(self) -> str:
        files = self.scene.files
        if self.good():
            return self._file(files[self.data.draw(st.sampled_from(sorted(files)))])
        choice = self.data.draw(
            st.sampled_from([*sorted(files), "cut", "flipped", "random", "empty", "missing", "dir"])
        )
        if choice in files:
            return self._file(files[choice])
        if choice in ("cut", "flipped"):
            real = files[self.data.draw(st.sampled_from(sorted(files)))]
            at = self.data.draw(st.integers(0, len(real) - 1))
            if choice == "cut":
                return self._file(real[:at])
            return self._file(real[:at] + bytes([real[at] ^ 0x40]) + real[at + 1 :])
        if choice == "random":
            return self._file(self.data.draw(BYTES))
        if choice == "empty":
            return self._file(b"")
        if choice == "missing":
            return str(self.root / "no-such-file")
        return str(self.out)

    def output(self, folder: bool) -> str:
        # Never into a vault folder: that is issue 15's first point, tested on its own.
        if self.good():
            return str(self.out if folder else self.out / "written.out")
        choice = self.data.draw(
            st.sampled_from(["new", "existing", "folder", "no parent", "not utf-8"])
        )
        if choice == "new":
            return str(self.out / "written.out")
        if choice == "existing":
            return str(self.out / "existing.pdf")
        if choice == "folder":
            return str(self.out)
        if choice == "no parent":
            return str(self.out / "missing" / "x.out")
        return str(self.out / os.fsdecode(b"na\xefve.out"))

    def value(self, command: Command, action: argparse.Action) -> str:
        kind = _kind(action)
        if kind == "vault":
            return self.vault(command)
        if kind == "passphrase":
            return self.passphrase()
        if kind == "input":
            return self.input()
        if kind == "output":
            return self.output(folder=action.dest == "to")
        good = self.good()
        if kind == "choice":
            assert action.choices is not None
            choices = [str(c) for c in action.choices]
            return self.data.draw(st.sampled_from(choices) if good else _text())
        if kind == "int":
            return self.data.draw(st.integers(0, 5).map(str) if good else _int())
        if kind == "id":
            ids = self.scene.ids[self.target]
            return self.data.draw(st.sampled_from(ids) if good else st.one_of(_ids(), _text()))
        if kind == "day":
            return self.data.draw(_days() if good else _day())
        if action.dest == "alias":
            words = self.scene.aliases[self.target]
        else:
            words = self.scene.words.get(action.dest, self.scene.words[""])
        return self.data.draw(st.sampled_from(words) if good else _text())

    def argv(self, command: Command) -> list[str]:
        argv = list(command.path)
        for action in command.arguments:
            if not action.option_strings:  # positional: always given
                argv.append(self.value(command, action))
                continue
            if action.required:
                if self.data.draw(st.integers(0, 99)) == 50:  # rarely left out
                    continue
            elif not self.data.draw(st.booleans()):
                continue
            flag = action.option_strings[-1]
            if _kind(action) == "flag":
                argv.append(flag)
                continue
            repeat = 2 if isinstance(action, argparse._AppendAction) else 1
            for _ in range(self.data.draw(st.integers(1, repeat))):
                argv += [flag, self.value(command, action)]
        return argv


# -- running and judging ----------------------------------------------------------------


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).digest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _vault_folders(root: Path) -> list[Path]:
    return sorted({p.parent for p in root.rglob("vault.*")})


def _is_vault_file(folder: Path, path: Path) -> bool:
    """What the vault itself writes in its folder (not a user's file beside it)."""
    name = path.name
    return (
        name.startswith(("vault.", ".vault."))
        or name == "unlock-failures.json"
        or path.parent == folder / "backups"
    )


def run_in_process(argv: list[str], stdin: bytes = b"") -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    stdin_stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    old_stdin = sys.stdin
    sys.stdin = stdin_stream
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse: a usage error (2) or --help (0)
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = old_stdin
    return code, err.getvalue()


def judge(scene: Scene, example_root: Path, before: dict[str, dict[str, bytes]], code: int) -> None:
    """The rules every run keeps, refused or not (see the module's docstring)."""
    leftovers = [p for p in example_root.rglob("*") if ".creating" in p.name]
    assert leftovers == [], f"half-made files left behind: {leftovers}"
    for folder in _vault_folders(example_root):
        loose = [
            p.name
            for p in folder.rglob("*")
            if p.is_file() and _is_vault_file(folder, p) and p.stat().st_mode & 0o077 != 0
        ]
        assert loose == [], f"vault files readable by others: {loose}"
    if code == 0:
        return
    for name, files in before.items():
        after = _files(example_root / name)
        changed = {
            k for k in set(files) | set(after) if files.get(k) != after.get(k)
        } - MAY_CHANGE_ON_REFUSAL
        if not changed:
            continue
        assert changed <= {"vault.db", "vault.header"}, f"{name}: refused, yet changed {changed}"
        now = _content(example_root / name, scene.db_keys[name])
        was = scene.before[name]
        assert now["tables"] == was["tables"], f"{name}: refused, yet its tables changed"
        assert now["header"] == was["header"], f"{name}: refused, yet its keys changed"
        assert now["events"][: len(was["events"])] == was["events"], f"{name}: audit rewritten"


@contextlib.contextmanager
def _fast_calibration() -> Iterator[None]:
    """``init`` and ``demo`` on a new folder, and ``central init``, calibrate
    Argon2id at the 64 MiB floor, for seconds: here the test's cheap parameters
    stand in (what is fuzzed is the rest)."""
    import app.central.setup as central_module
    import app.vault.creation as vault_module

    def fast(*_a: object, **_k: object) -> Calibration:
        return Calibration(factory.fast_kdf(), 0.0)

    # The names the modules look up (they import calibrate from app.crypto.kdf).
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vault_module, "calibrate", fast)
        patch.setattr(central_module, "calibrate", fast)
        yield


# Runs that passed, by signature (Example.signature). Hypothesis draws the same
# arguments again now and then (above all for commands with few of them, such as
# "keys show"); on the same copies of the same vaults that run would repeat one
# already judged, so it is left out. Only passes are kept: a failing example
# still fails when Hypothesis replays or shrinks it.
PASSED: set[tuple[str, ...]] = set()

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("command", COMMANDS, ids=str)
@FUZZ
@given(data=st.data())
def test_no_command_fails_as_a_bug_or_changes_a_vault_it_refused(
    scene: Scene, command: Command, data: st.DataObject
) -> None:
    example = Example(scene, data)
    try:
        argv = example.argv(command)
        signature = example.signature(command, argv)
        if signature in PASSED:
            return
        before = example.vaults(argv)
        with _fast_calibration():
            code, err = run_in_process(argv, example.stdin)
        assert code != EXIT_BUG, (argv, err)
        assert "internal error" not in err, (argv, err)
        judge(scene, example.root, before, code)
        PASSED.add(signature)
    finally:
        shutil.rmtree(example.root, ignore_errors=True)


# -- real processes, real bytes ---------------------------------------------------------

NOT_UTF8 = b"Va\xfflk\xfe"


def _real_argv(command: Command, root: Path) -> list[bytes]:
    """Every argument the command takes, each text one as bytes that are not UTF-8,
    the vault and passphrase right (so the bytes reach the code that reads them)."""
    passphrase = root / "pp"
    passphrase.write_bytes(factory.PASSPHRASE.encode() + b"\n")
    (root / "package").write_bytes(b"")
    argv = [p.encode() for p in command.path]
    for action in command.arguments:
        kind = _kind(action)
        if kind == "flag":
            continue
        if kind == "vault":
            value = os.fsencode(root / ("new" if command.path == ("init",) else "runner"))
        elif kind == "passphrase":
            value = os.fsencode(passphrase)
        elif kind == "input":
            value = os.fsencode(root / "package")
        elif kind == "output":
            value = os.fsencode(root) + b"/" + NOT_UTF8
        elif kind == "int":
            value = b"1"
        elif kind == "choice":
            assert action.choices is not None
            value = str(next(iter(action.choices))).encode()
        elif kind == "id":
            value = str(uuid.uuid4()).encode()
        elif kind == "day":
            value = b"2026-11-30"
        else:
            value = NOT_UTF8
        argv += (
            [value] if not action.option_strings else [action.option_strings[-1].encode(), value]
        )
    return argv


# A sample: those whose text arguments reach names, lookups, search and stored
# notes. Every command meets the same strings in-process above.
IN_REAL_PROCESSES = [
    ("init",),
    ("list", "debriefs"),
    ("search",),
    ("keys", "export"),
    ("keys", "import"),
    ("export",),
    ("receipt", "create"),
    ("report",),
    ("report", "reject"),
]

# One child runs the sample's commands in turn, each through the app's own
# ``__main__`` (what ``python -m app`` runs) with its arguments in ``sys.argv``:
# Python decodes the bytes given to the child, as it would for ``veldboek``, and
# its output streams are strict. Starting the interpreter and the app once, not
# once per command, is most of what a run costs.
NEXT = "--next-command--"
DRIVER = f"""
import json, runpy, sys
results, runs, codes = sys.argv[1], [[]], []
for word in sys.argv[2:]:
    runs.append([]) if word == {NEXT!r} else runs[-1].append(word)
for argv in runs:
    sys.argv = ["veldboek", *argv]
    try:
        runpy.run_module("app", run_name="__main__")
        codes.append(0)
    except SystemExit as exc:
        codes.append(exc.code if isinstance(exc.code, int) else 1)
    print({NEXT!r}, file=sys.stderr, flush=True)
with open(results, "w") as out:
    json.dump(codes, out)
"""


def test_the_sample_of_real_processes_names_real_commands() -> None:
    assert set(IN_REAL_PROCESSES) <= {c.path for c in COMMANDS}


def test_bytes_that_are_not_utf8_in_a_real_process(scene: Scene) -> None:
    sample = [c for c in COMMANDS if c.path in IN_REAL_PROCESSES]
    roots, befores, words = [], [], [os.fsencode(scene.root / "codes.json")]
    for command in sample:
        root = Path(tempfile.mkdtemp(prefix="real-", dir=scene.root))
        shutil.copytree(scene.root / "runner", root / "runner")
        roots.append(root)
        befores.append({"runner": scene.digests["runner"]})
        words += [*_real_argv(command, root), NEXT.encode()]
    try:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # a strict locale's output
        result = subprocess.run(
            [os.fsencode(sys.executable), b"-c", DRIVER.encode(), *words[:-1]],
            capture_output=True,
            timeout=300,
            env=env,
        )
        errs = result.stderr.decode("utf-8", "replace").split(NEXT + "\n")
        assert result.returncode == 0, errs[-1]
        codes = json.loads((scene.root / "codes.json").read_text())
        assert len(codes) == len(sample), errs[-1]
        runs = zip(sample, roots, befores, codes, errs[: len(sample)], strict=True)
        for command, root, before, code, err in runs:
            assert code != EXIT_BUG, (str(command), err)
            assert "internal error" not in err, (str(command), err)
            judge(scene, root, before, code)
    finally:
        for root in roots:
            shutil.rmtree(root, ignore_errors=True)


# ``python -m app`` with the cheap Argon2id parameters in place of the calibration
# at the 64 MiB floor (as in-process above): what is tested is the folder's name.
FAST_APP = """
import os, runpy
import app.vault.creation
from app.crypto.kdf import Calibration, KdfParams
app.vault.creation.calibrate = lambda *a, **k: Calibration(
    KdfParams(1024, 1, 1, os.urandom(16)), 0.0
)
runpy.run_module("app", run_name="__main__")
"""


@pytest.mark.parametrize(
    "args",
    [
        ["init", "--alias", "Valk", "--kdf-target-ms", "1"],
        ["demo", "--sources", "1", "--debriefs", "1", "--kdf-target-ms", "1"],
    ],
    ids=["init", "demo"],
)
def test_a_new_vault_in_a_folder_whose_name_is_not_utf8(tmp_path: Path, args: list[str]) -> None:
    passphrase = tmp_path / "pp"
    passphrase.write_text(factory.PASSPHRASE + "\n")
    folder = os.fsencode(tmp_path) + b"/" + NOT_UTF8
    result = subprocess.run(
        [
            os.fsencode(sys.executable),
            b"-c",
            FAST_APP.encode(),
            args[0].encode(),
            b"--vault",
            folder,
            b"--passphrase-file",
            os.fsencode(passphrase),
            *(a.encode() for a in args[1:]),
        ],
        capture_output=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    # Made, and said so: printing the folder's name is no reason to fail.
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    made = Path(os.fsdecode(folder))
    assert uuid.UUID(json.loads((made / "vault.header").read_text())["vault_id"])
    if args[0] == "init":  # which names the folder: the byte escaped, not a crash
        assert b"\\udcff" in result.stdout

"""The red-team suite: Veldboek attacked from outside, as an attacker who holds the
laptop and a tired user one typo away from losing a source's history would try it.

Every attack drives the real `veldboek` command in child processes (nothing is
called in-process), then checks what a user relies on: the vault's files are
unchanged where the command refused, it still opens, nothing committed is lost,
and no answer is an "internal error". Three parts, each with its counts printed:

    attacks   output paths, the passphrase race, leftover temporary headers, paged
              lists, the clock, unbounded reads, names, concurrency, interrupted
              exports, rolled-back and damaged databases (docs/security.md)
    kill -9   commands killed at random moments (writer, passphrase change,
              export, import, lock and unlock); after each the vault opens with
              exactly one passphrase, checks whole and has kept what was committed
    canary    unique markers written through every path; then every file changed
              anywhere on this machine since the run started (not only the folders
              the app is known to use) is scanned for them in UTF-8 and UTF-16

    python tools/redteam.py [--kills N] [--seed S] [--json FILE] [--only PART]

Exit status 0 only if every attack held. `dev.py test` runs it after the tests.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "red team passphrase number one"  # noqa: S105 - throwaway test vaults
OTHER_PASSPHRASE = "red team passphrase number two"  # noqa: S105
EXIT_BUG = 70
RUNNER, HANDLER = "Valk", "Havik"


@dataclass
class Outcome:
    part: str
    attack: str
    held: bool
    detail: str = ""


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, part: str, attack: str, held: bool, detail: str = "") -> None:
        self.outcomes.append(Outcome(part, attack, held, detail))
        mark = "held" if held else "FAILED"
        print(f"  {mark:<6} {attack}" + (f": {detail}" if detail and not held else ""), flush=True)

    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.held]


# -- running the command ------------------------------------------------------------


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, VELDBOEK_HOME=str(home), PYTHONPATH=str(ROOT))
    env.pop("VELDBOEK_DEBUG", None)
    return env


class Cli:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.env = child_env(work / "home")

    def __call__(
        self, *args: str | Path | bytes, timeout: float = 180, limit_memory: bool = False
    ) -> subprocess.CompletedProcess[str]:
        argv: list[str | bytes] = [sys.executable, "-m", "app"]
        argv += [a if isinstance(a, bytes) else str(a) for a in args]
        preexec = _memory_cap if limit_memory else None
        try:
            return subprocess.run(
                argv,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=timeout,
                env=self.env,
                cwd=self.work,
                preexec_fn=preexec,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return subprocess.CompletedProcess(argv, -9, "", "TIMEOUT")

    def vault_args(self, vault: Path, passphrase_file: Path | None = None) -> list[str]:
        pp = passphrase_file or self.work / "pp1"
        return ["--vault", str(vault), "--passphrase-file", str(pp)]

    def popen(self, *args: str | Path, **kw: object) -> subprocess.Popen[str]:
        return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
            [sys.executable, "-m", "app", *map(str, args)],
            env=self.env,
            cwd=self.work,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            **kw,
        )


def _memory_cap() -> None:
    import resource

    two_gb = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (two_gb, two_gb))


def one_line_refusal(result: subprocess.CompletedProcess[str]) -> tuple[bool, str]:
    """Refused as a user error: non-zero, not a bug, not killed, one line on stderr."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if result.returncode == 0:
        return False, "succeeded"
    if result.returncode == EXIT_BUG or "internal error" in result.stderr:
        return False, f"internal error: {result.stderr.strip()[-200:]}"
    if result.returncode < 0 or result.stderr == "TIMEOUT":
        return False, f"killed or hung ({result.returncode})"
    errors = [line for line in lines if "warning" not in line.lower()]
    if len(errors) != 1:
        return False, f"{len(errors)} lines on stderr: {result.stderr.strip()[-300:]}"
    return True, ""


def fingerprint_files(folder: Path) -> dict[str, str]:
    """SHA-256 of the files that hold the vault (the database and its header)."""
    found = {}
    for name in ("vault.db", "vault.header"):
        path = folder / name
        if path.exists():
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


# -- the world the attacks run in -----------------------------------------------------


@dataclass
class World:
    work: Path
    cli: Cli
    runner: Path
    handler: Path
    outbox: Path
    debrief_id: str
    package_id: str

    @property
    def pp(self) -> Path:
        return self.work / "pp1"

    @property
    def pp2(self) -> Path:
        return self.work / "pp2"


def build_world(work: Path) -> World:
    cli = Cli(work)
    (work / "home").mkdir()
    (work / "pp1").write_text(PASSPHRASE + "\n")
    (work / "pp2").write_text(OTHER_PASSPHRASE + "\n")
    runner, handler, outbox = work / "runner", work / "handler", work / "outbox"
    outbox.mkdir()
    fast = ["--kdf-target-ms", "1"]
    _ok(cli("init", *cli.vault_args(runner), "--alias", RUNNER, *fast))
    _ok(cli("demo", *cli.vault_args(runner), "--sources", "8", "--debriefs", "400"))
    _ok(cli("init", *cli.vault_args(handler), "--alias", HANDLER, "--role", "handler", *fast))
    for source, target, role in ((handler, runner, "handler"), (runner, handler, "runner")):
        bundle = work / f"{role}.key"
        _ok(cli("keys", "export", *cli.vault_args(source), "--out", bundle))
        shown = json.loads(_ok(cli("keys", "show", *cli.vault_args(source), "--json")).stdout)
        _ok(
            cli(
                "keys",
                "import",
                bundle,
                *cli.vault_args(target),
                "--role",
                role,
                "--fingerprint",
                shown["spoken"],
            )
        )
    rows = json.loads(
        _ok(cli("list", "debriefs", *cli.vault_args(runner), "--alias", RUNNER, "--json")).stdout
    )
    exported = _ok(
        cli(
            "export",
            *cli.vault_args(runner),
            "--alias",
            RUNNER,
            "--to",
            outbox,
            "--all-new",
            "--json",
        )
    )
    package_id = str(json.loads(exported.stdout)["package_id"])
    return World(work, cli, runner, handler, outbox, rows[0]["id"], package_id)


def _ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    if result.returncode != 0:
        raise SystemExit(f"redteam: setting up failed: {result.args[3:6]}: {result.stderr[-500:]}")
    return result


def opens(world: World, vault: Path, pp: Path | None = None) -> bool:
    result = world.cli("keys", "show", *world.cli.vault_args(vault, pp))
    return result.returncode == 0


# -- 1. output paths ------------------------------------------------------------------


def victim(world: World, label: str) -> Path:
    """A copy of the runner's vault (locked, so its two files are the whole of it):
    each attack gets its own, so one that breaks a vault cannot hide the next."""
    folder = world.work / f"victim-{len(list(world.work.glob('victim-*')))}-{label}"
    folder.mkdir()
    for name in ("vault.db", "vault.header"):
        shutil.copy2(world.runner / name, folder / name)
    return folder


def attack_output_paths(world: World, tally: Tally) -> None:
    cli = world.cli
    writers: dict[str, Callable[[Path, Path], list[str | Path]]] = {
        "keys export --out": lambda v, t: ["keys", "export", *cli.vault_args(v), "--out", t],
        "report --out": lambda v, t: [
            "report",
            *cli.vault_args(v),
            "--alias",
            RUNNER,
            "--debrief",
            world.debrief_id,
            "--kind",
            "internal",
            "--out",
            t,
        ],
    }
    for writer, argv in writers.items():
        for name in ("vault.db", "vault.header", "vault.db-wal"):
            for how in ("itself", "symlink", "hard link"):
                vault = victim(world, "out")
                outside = vault.parent / f"{vault.name}-outside"
                outside.mkdir()
                # A write-ahead log exists only while the vault is open: hold it open.
                holder = _holder(world, vault) if name == "vault.db-wal" else None
                real = vault / name
                target = real
                if how == "symlink":
                    target = outside / f"link-{name}"
                    target.symlink_to(real)
                elif how == "hard link":
                    if not real.exists():
                        _release(holder) if holder else None
                        continue
                    target = outside / f"link-{name}"
                    os.link(real, target)
                before = fingerprint_files(vault)
                result = cli(*argv(vault, target))
                held, why = one_line_refusal(result)
                if holder is None and fingerprint_files(vault) != before:
                    held, why = False, "a vault file changed"
                if holder is not None:
                    _release(holder)
                if not opens(world, vault):
                    held, why = False, "the vault no longer opens"
                label = name if how == "itself" else f"a {how} to {name}"
                tally.add("attacks", f"{writer} onto {label}", held, why)
        vault = victim(world, "out")
        result = cli(*argv(vault, vault / "new.pdf"))
        held, why = one_line_refusal(result)
        if (vault / "new.pdf").exists():
            held, why = False, "written into the vault folder"
        tally.add("attacks", f"{writer} onto a new file inside the vault folder", held, why)
    folders: dict[str, Callable[[Path, Path], list[str | Path]]] = {
        "export --to": lambda v, d: [
            "export",
            *cli.vault_args(v),
            "--alias",
            RUNNER,
            "--to",
            d,
            "--all-new",
        ],
        "package write --to": lambda v, d: [
            "package",
            "write",
            world.package_id,
            *cli.vault_args(v),
            "--to",
            d,
        ],
    }
    for writer, argv in folders.items():
        for label in ("the vault folder", "a symlink to the vault folder", "its backups folder"):
            vault = victim(world, "to")
            folder = vault
            if label.startswith("a symlink"):
                folder = vault.parent / f"{vault.name}-link"
                folder.symlink_to(vault)
            elif label.startswith("its backups"):
                folder = vault / "backups"
                folder.mkdir()
            before, names = fingerprint_files(vault), set(os.listdir(vault))
            result = cli(*argv(vault, folder))
            held, why = one_line_refusal(result)
            if (
                fingerprint_files(vault) != before
                or set(os.listdir(vault)) - names
                or (folder.name == "backups" and any(folder.iterdir()))
            ):
                held, why = False, "something was written into the vault folder"
            tally.add("attacks", f"{writer} into {label}", held, why)
    handler_copy = world.work / "handler-victim"
    shutil.copytree(world.handler, handler_copy)
    result = cli(
        "receipt", "create", *cli.vault_args(handler_copy), "--runner", RUNNER, "--to", handler_copy
    )
    held, why = one_line_refusal(result)
    tally.add("attacks", "receipt create --to into the vault folder", held, why)
    # An existing unrelated file: refused without --force, replaced with it.
    existing = world.work / "notes.txt"
    existing.write_text("the runner's own notes\n")
    result = cli("keys", "export", *cli.vault_args(world.runner), "--out", existing)
    held, why = one_line_refusal(result)
    if existing.read_text() != "the runner's own notes\n":
        held, why = False, "overwritten without --force"
    tally.add("attacks", "keys export --out onto an existing file, no --force", held, why)
    result = cli("keys", "export", *cli.vault_args(world.runner), "--out", existing, "--force")
    replaced = result.returncode == 0 and existing.read_text() != "the runner's own notes\n"
    tally.add(
        "attacks",
        "keys export --out onto an existing file with --force",
        replaced,
        result.stderr.strip()[-200:],
    )


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.services.admin import aliases, vaults
    vault = vaults.unlock(Path(sys.argv[1]), sys.argv[2])
    aliases.default_scope(vault)
    print("open", flush=True)
    sys.stdin.readline()
    vault.lock()
    print("locked", flush=True)
    """
)


def _holder(world: World, vault: Path, passphrase: str = PASSPHRASE) -> subprocess.Popen[str]:
    """A process that holds the vault unlocked through the services, as the GUI does,
    until told to lock."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(vault), passphrase],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=world.cli.env,
        cwd=ROOT,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "open":
        assert child.stderr is not None
        raise SystemExit(f"redteam: the holder could not open the vault: {child.stderr.read()}")
    return child


def _release(child: subprocess.Popen[str]) -> str:
    assert child.stdin is not None
    with contextlib.suppress(BrokenPipeError):
        child.stdin.write("\n")
        child.stdin.flush()
    out, err = child.communicate(timeout=120)
    return out + err


# -- 2 and 3. the header --------------------------------------------------------------


def attack_passphrase_race(world: World, tally: Tally, trials: int) -> None:
    """A process unlocked before `passwd` (the GUI left open) must not undo it when
    it locks, whichever finishes first."""
    cli, vault = world.cli, world.work / "race"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    current, other = world.pp, world.pp2
    undone = errors = 0
    for trial in range(trials):
        holder = _holder(world, vault, current.read_text().strip())
        if trial % 2 == 0:  # the holder locks after passwd finished
            result = cli("passwd", *cli.vault_args(vault, current), "--new-passphrase-file", other)
            _release(holder)
        else:  # the holder locks while passwd is at work
            running = cli.popen(
                "passwd", *cli.vault_args(vault, current), "--new-passphrase-file", other
            )
            _release(holder)
            out, err = running.communicate(timeout=180)
            result = subprocess.CompletedProcess(running.args, running.returncode, out, err)
        if result.returncode == EXIT_BUG:
            errors += 1
        if result.returncode == 0:
            if not opens(world, vault, other) or opens(world, vault, current):
                undone += 1
            current, other = other, current
    tally.add(
        "attacks",
        f"passwd beside an unlocked process, {trials} trials, both orders",
        undone == 0 and errors == 0,
        f"{undone} changes undone, {errors} internal errors",
    )


def attack_leftover_header(world: World, tally: Tally) -> None:
    """A temporary header left by a kill keeps the key wrapped under an old
    passphrase; the next open removes it, check reports it."""
    cli, vault = world.cli, world.work / "leftover"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    stale = vault / ".vault.header.tmp-4242-deadbeef"
    shutil.copyfile(vault / "vault.header", stale)  # as a kill mid-write leaves it
    checked = cli("check", *cli.vault_args(vault))
    tally.add(
        "attacks",
        "check reports a leftover temporary header",
        checked.returncode != 0 and "tmp" in (checked.stdout + checked.stderr).lower(),
        checked.stdout.strip()[-300:],
    )
    shutil.copyfile(vault / "vault.header", stale)
    _ok(cli("passwd", *cli.vault_args(vault), "--new-passphrase-file", world.pp2))
    cli("keys", "show", *cli.vault_args(vault, world.pp2))
    leftovers = sorted(p.name for p in vault.iterdir() if ".tmp-" in p.name)
    tally.add(
        "attacks",
        "a leftover temporary header is gone after the next open",
        not leftovers,
        f"left: {leftovers}",
    )


# -- 4. paged lists -------------------------------------------------------------------


def attack_paged_lists(world: World, tally: Tally) -> None:
    cli, runner = world.cli, world.runner
    result = cli(
        "list",
        "debriefs",
        *cli.vault_args(runner),
        "--alias",
        HANDLER,
        "--limit",
        "100000",
        "--json",
    )
    rows = json.loads(result.stdout) if result.returncode == 0 else []
    ids = [r["id"] for r in rows]
    order = [(r["created_at"], r["id"]) for r in rows]
    # 400 demo debriefs spread over many days; the handler sees them all.
    tally.add(
        "attacks",
        "list debriefs pages through every debrief once, in order",
        len(ids) == 400 and len(set(ids)) == 400 and order == sorted(order, reverse=True),
        f"{len(ids)} rows, {len(set(ids))} distinct of 400",
    )


# -- 5. the clock ---------------------------------------------------------------------


def attack_clock(world: World, tally: Tally) -> None:
    cli, vault = world.cli, world.work / "clock"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    future = [f"2099-01-01T00:00:{i:02d}.000000Z" for i in range(12)]
    (vault / "unlock-failures.json").write_text(json.dumps(future))
    result = cli("keys", "show", *cli.vault_args(vault))
    waits = [int(w) for w in _numbers_before(result.stderr, " s")]
    held = result.returncode == 0 or (bool(waits) and max(waits) <= 60)
    tally.add(
        "attacks",
        "failed-unlock times in the future: the wait keeps its cap",
        held,
        result.stderr.strip()[-200:],
    )


def _numbers_before(text: str, suffix: str) -> list[str]:
    found = []
    for word in text.replace(suffix, f" {suffix.strip()}").split():
        if word.isdigit():
            found.append(word)
    return found


# -- 6. unbounded reads ---------------------------------------------------------------


def attack_unbounded_reads(world: World, tally: Tally) -> None:
    cli = world.cli
    fifo = world.work / "fifo.age"
    os.mkfifo(fifo)
    sparse = world.work / "huge.age"
    with sparse.open("wb") as handle:
        handle.truncate(8 * 1024**3)  # 8 GiB of nothing, no disk used
    readers: dict[str, Callable[[Path], list[str | Path]]] = {
        "package inspect": lambda f: ["package", "inspect", f],
        "package verify": lambda f: ["package", "verify", f, *cli.vault_args(world.handler)],
        "package import": lambda f: ["package", "import", f, *cli.vault_args(world.handler)],
        "receipt import": lambda f: ["receipt", "import", f, *cli.vault_args(world.runner)],
        "keys import": lambda f: [
            "keys",
            "import",
            f,
            *cli.vault_args(world.runner),
            "--role",
            "central",
            "--fingerprint",
            "1",
        ],
        "report verify": lambda f: ["report", "verify", f, *cli.vault_args(world.runner)],
    }
    for reader, argv in readers.items():
        for label, path in (
            ("/dev/zero", Path("/dev/zero")),
            ("a FIFO", fifo),
            ("a folder", world.work),
            ("an 8 GiB file", sparse),
        ):
            result = cli(*argv(path), timeout=60, limit_memory=True)
            held, why = one_line_refusal(result)
            tally.add("attacks", f"{reader} {label}", held, why)
    sparse.unlink()


# -- 7. names -------------------------------------------------------------------------


def attack_names(world: World, tally: Tally) -> None:
    cli = world.cli
    bad: dict[str, str | bytes] = {
        "a name that is not UTF-8": b"Valk\xff\xfe",
        "a name of 100,000 characters": "V" * 100_000,
        "a name with an ANSI escape": "Valk\x1b[2J\x1b[31m",
        "a name with a carriage return": "Valk\rHavik",
        "a name with a right-to-left override": "Valk\u202ekaV",
    }
    for label, name in bad.items():
        vault = world.work / f"names-{uuid.uuid4().hex[:8]}"
        result = cli("init", *cli.vault_args(vault), "--alias", name, "--kdf-target-ms", "1")
        held, why = one_line_refusal(result)
        stray = [p.name for p in vault.iterdir()] if vault.exists() else []
        if any(n != "backups" for n in stray):
            held, why = False, f"left behind: {stray}"
        tally.add("attacks", f"init --alias with {label}", held, why)
    # A third party's key, imported under names a screen would misshow, or that
    # differ from a name in use only by case.
    third = world.work / "third"
    _ok(cli("init", *cli.vault_args(third), "--alias", "Derde", "--kdf-target-ms", "1"))
    bundle = world.work / "third.key"
    _ok(cli("keys", "export", *cli.vault_args(third), "--out", bundle))
    spoken = json.loads(_ok(cli("keys", "show", *cli.vault_args(third), "--json")).stdout)["spoken"]
    for label, name in (
        ("an ANSI escape", "Baas\x1b[2J"),
        ("a line break", "Baas\nHavik"),
        ("differing only in case from a key in use", RUNNER.upper()),
    ):
        result = cli(
            "keys",
            "import",
            bundle,
            *cli.vault_args(world.handler),
            "--role",
            "runner",
            "--name",
            name,
            "--fingerprint",
            spoken,
        )
        held, why = one_line_refusal(result)
        tally.add("attacks", f"keys import --name with {label}", held, why)


# -- 8. concurrency -------------------------------------------------------------------


def attack_concurrency(world: World, tally: Tally) -> None:
    cli = world.cli
    bugs = []
    for trial in range(4):
        outbox = world.work / f"race-out-{trial}"
        outbox.mkdir()
        both = [
            cli.popen(
                "export",
                *cli.vault_args(world.runner),
                "--alias",
                RUNNER,
                "--to",
                outbox,
                "--all-new",
            )
            for _ in range(2)
        ]
        for child in both:
            _out, err = child.communicate(timeout=300)
            if child.returncode == EXIT_BUG or "internal error" in err:
                bugs.append(err.strip()[-200:])
    tally.add("attacks", "two export --all-new at once, 4 trials", not bugs, "; ".join(bugs[:2]))
    vault = world.work / "demo-twice"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    both = [
        cli.popen("demo", *cli.vault_args(vault), "--sources", "3", "--debriefs", "30")
        for _ in range(2)
    ]
    results = [(c.wait(timeout=300), c.stderr.read() if c.stderr else "") for c in both]
    again = cli("demo", *cli.vault_args(vault), "--sources", "3", "--debriefs", "30")
    bugs = [
        err
        for code, err in [*results, (again.returncode, again.stderr)]
        if code == EXIT_BUG or "internal error" in err
    ]
    tally.add("attacks", "demo twice at once, then a third time", not bugs, "; ".join(bugs[:2]))
    vault = world.work / "check-beside-passwd"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    damage = []
    current, other = world.pp, world.pp2
    for _ in range(4):
        passwd = cli.popen(
            "passwd", *cli.vault_args(vault, current), "--new-passphrase-file", other
        )
        check = cli("check", *cli.vault_args(vault, current))
        passwd.communicate(timeout=180)
        if passwd.returncode == 0:
            current, other = other, current
        said = check.stdout + check.stderr
        if check.returncode == EXIT_BUG or (
            "FAIL" in said and "passphrase" not in said.lower() and "busy" not in said.lower()
        ):
            damage.append(said.strip()[-200:])
    tally.add(
        "attacks",
        "check beside passwd is not reported as damage, 4 trials",
        not damage,
        "; ".join(damage[:2]),
    )


# -- 10. rolled back and damaged ------------------------------------------------------


def attack_rollback_and_damage(world: World, tally: Tally) -> None:
    cli = world.cli
    vault = world.work / "rollback"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    _ok(cli("demo", *cli.vault_args(vault), "--sources", "3", "--debriefs", "30"))
    old = (vault / "vault.db").read_bytes()
    _ok(cli("demo", *cli.vault_args(vault), "--sources", "3", "--debriefs", "30", "--seed", "7"))
    (vault / "vault.db").write_bytes(old)  # the database as it was, the header as it is
    for command in (["list", "sources", "--alias", RUNNER], ["keys", "show"], ["package", "log"]):
        result = cli(*command, *cli.vault_args(vault))
        warned = "warning" in result.stderr.lower() or result.returncode not in (0, EXIT_BUG)
        tally.add(
            "attacks",
            f"a rolled-back database: `{' '.join(command[:2])}` warns",
            warned and result.returncode != EXIT_BUG,
            result.stderr.strip()[-200:],
        )
    vault = world.work / "zeroed"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    _ok(cli("demo", *cli.vault_args(vault), "--sources", "3", "--debriefs", "60"))
    db = vault / "vault.db"
    data = bytearray(db.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = bytes(page)
    db.write_bytes(bytes(data))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for command in (
        ["list", "debriefs", "--alias", RUNNER],
        ["list", "sources", "--alias", RUNNER],
        ["search", "garage", "--alias", RUNNER],
    ):
        result = cli(*command, *cli.vault_args(vault))
        unchanged = hashlib.sha256(db.read_bytes()).hexdigest() == before
        tally.add(
            "attacks",
            f"a zeroed page: `{' '.join(command[:2])}` writes nothing into it",
            unchanged and result.returncode != EXIT_BUG,
            result.stderr.strip()[-200:],
        )


# -- kill -9 --------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from app.services.admin import aliases, vaults
    from app.services.records import sources
    from tests.helpers import factory
    root, passphrase = Path(sys.argv[1]), sys.argv[2]
    n = 0
    while True:
        vault = vaults.unlock(root, passphrase)
        scope = aliases.resolve_scope(vault, "Valk")
        source = sources.create_source(vault, scope, sources.SourceDraft(
            codename=f"W{os.getpid() % 100000}N{n}"))
        for _ in range(6):
            # Submitted and graded: what an export then seals into a package.
            did = factory.debrief(vault, scope, source, narrative=f"entry {n} " * 40,
                                  submit=True)
            print(did.hex, flush=True)  # only after the commit returned
            n += 1
        vault.lock()
    """
)


def kill_harness(world: World, tally: Tally, trials: int, rng: random.Random) -> None:
    cli = world.cli
    vault = world.work / "killed"
    _ok(cli("init", *cli.vault_args(vault), "--alias", RUNNER, "--kdf-target-ms", "1"))
    committed: set[str] = set()
    current, other = world.pp, world.pp2
    outbox = world.work / "killed-out"
    outbox.mkdir()
    _ok(
        cli(
            "keys",
            "import",
            world.work / "handler.key",
            *cli.vault_args(vault, current),
            "--role",
            "handler",
            "--fingerprint",
            json.loads(_ok(cli("keys", "show", *cli.vault_args(world.handler), "--json")).stdout)[
                "spoken"
            ],
        )
    )
    kinds = ["writer", "passwd", "export", "lock-unlock", "writer"]
    lost = unopenable = both_open = leftovers = bugs = 0
    for trial in range(trials):
        kind = kinds[trial % len(kinds)]
        if kind == "writer":
            child = subprocess.Popen(
                [sys.executable, "-c", WRITER, str(vault), current.read_text().strip()],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=cli.env,
                cwd=ROOT,
            )
            assert child.stdout is not None
            first = child.stdout.readline()
            time.sleep(rng.uniform(0.0, 1.5))
        else:
            commands: dict[str, list[str | Path]] = {
                "passwd": [
                    "passwd",
                    *cli.vault_args(vault, current),
                    "--new-passphrase-file",
                    other,
                ],
                "export": [
                    "export",
                    *cli.vault_args(vault, current),
                    "--alias",
                    RUNNER,
                    "--to",
                    outbox,
                    "--all-new",
                ],
                "lock-unlock": ["check", *cli.vault_args(vault, current)],
            }
            child = cli.popen(*commands[kind])
            first = ""
            time.sleep(rng.uniform(0.05, 1.2))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=60)
        if "internal error" in err:
            bugs += 1
        if kind == "writer":
            committed |= {line for line in (first + out).split() if len(line) == 32}
        new_opens, old_opens = opens(world, vault, other), opens(world, vault, current)
        if new_opens and old_opens:
            both_open += 1
        if kind == "passwd" and new_opens:
            current, other = other, current
        elif not old_opens and not new_opens:
            unopenable += 1
            break
        leftovers += sum(1 for p in vault.iterdir() if ".tmp-" in p.name)
        listed = cli(
            "list",
            "debriefs",
            *cli.vault_args(vault, current),
            "--alias",
            RUNNER,
            "--limit",
            "1000000",
            "--json",
        )
        present = {r["id"].replace("-", "") for r in json.loads(listed.stdout or "[]")}
        lost += len(committed - present)
    checked = cli("check", *cli.vault_args(vault, current))
    tally.add(
        "kill -9",
        f"{trials} kills (writer, passwd, export, unlock and lock)",
        lost == unopenable == both_open == leftovers == bugs == 0 and checked.returncode == 0,
        f"{lost} committed rows lost, {unopenable} unopenable, {both_open} times both "
        f"passphrases opened, {leftovers} temporary files left after reopening, {bugs} "
        f"internal errors, final check exit {checked.returncode}",
    )
    print(f"  kill -9: {trials} trials, {len(committed)} committed debriefs tracked", flush=True)
    again = cli(
        "export", *cli.vault_args(vault, current), "--alias", RUNNER, "--to", outbox, "--all-new"
    )
    logged = cli("package", "log", *cli.vault_args(vault, current), "--json")
    entries = json.loads(logged.stdout or "{}").get("entries", [])
    sent = [e for e in entries if e.get("direction") == "out" and e.get("kind") == "debriefs"]
    files = {p.name for p in outbox.iterdir() if not p.name.startswith(".")}
    hidden = [p.name for p in outbox.iterdir() if p.name.startswith(".")]
    missing = [e for e in sent if not any(e["package_id"] in name for name in files)]
    tally.add(
        "kill -9",
        f"after the kills each of the {len(sent)} recorded packages has its file, "
        "no temporary file is left",
        again.returncode != EXIT_BUG and bool(sent) and not missing and not hidden,
        f"{len(missing)} recorded packages without a file, hidden files {hidden}",
    )


# -- canary ---------------------------------------------------------------------------

CANARY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.services.admin import aliases, vaults
    from app.services.records import debriefs, identity, search, sources
    from app.services.views import IdentityFields
    from tests.helpers import factory
    marker, root = sys.argv[1], Path(sys.argv[2])
    factory.make_vault(root)
    vault = vaults.unlock(root, factory.PASSPHRASE)
    scope = aliases.resolve_scope(vault, factory.RUNNER)
    sid = factory.source(vault, scope, "CANARY", motivation=marker + " motivation")
    identity.record_identity(vault, scope, sid, IdentityFields(
        full_name=marker + " identity", phone_numbers=(marker + "-phone",)))
    for n in range(40):
        did = factory.debrief(vault, scope, sid, narrative=f"{marker} narrative {n} " * 50,
                              items=(factory.graded_item(f"{marker} item {n}"),), submit=True)
        debriefs.add_addendum(vault, scope, did, f"{marker} addendum {n}")
    assert search.search(vault, scope, marker, limit=100)
    identity.reveal_identity(vault, scope, sid, passphrase=factory.PASSPHRASE, reason="canary")
    vault.lock()
    print("done")
    """
)

PSEUDO = ("/proc", "/sys", "/dev/pts", "/run/lock")


def canary(world: World, tally: Tally, started: float) -> None:
    marker = "CANARY" + uuid.uuid4().hex[:20].upper()
    vault = world.work / "canary"
    result = subprocess.run(
        [sys.executable, "-c", CANARY, marker, str(vault)],
        capture_output=True,
        text=True,
        env=world.cli.env,
        cwd=ROOT,
        timeout=600,
    )
    if "done" not in result.stdout:
        tally.add("canary", "the canary child ran", False, result.stderr[-300:])
        return
    # The CLI too, with the marker as search text and in an exported package.
    cli = world.cli
    pp = world.work / "pp-canary"
    pp.write_text("test passphrase that is long\n")
    cli("search", marker, *cli.vault_args(vault, pp), "--alias", "Valk", "--json")
    cli("list", "debriefs", *cli.vault_args(vault, pp), "--alias", "Valk", "--json")
    needles = [
        marker.encode(),
        marker.lower().encode(),
        marker.encode("utf-16-le"),
        marker.encode("utf-16-be"),
    ]
    scanned = hits = 0
    found = []
    for path in _changed_since(started):
        scanned += 1
        if _holds(path, needles):
            hits += 1
            found.append(str(path))
    in_output = marker in result.stderr
    tally.add(
        "canary",
        f"{scanned} files changed anywhere since the start scanned for the markers",
        hits == 0 and not in_output and scanned > 10,
        f"{hits} files hold a marker: {found[:5]}",
    )
    print(f"  canary: {scanned} files scanned in UTF-8 and UTF-16, {hits} hits", flush=True)


def _changed_since(started: float) -> Iterator[Path]:
    for top, dirs, files in os.walk("/", topdown=True):
        if top.startswith(PSEUDO):
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if not os.path.join(top, d).startswith(PSEUDO)]
        for name in files:
            path = Path(top, name)
            try:
                st = path.lstat()
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode) and max(st.st_mtime, st.st_ctime) >= started:
                yield path


def _holds(path: Path, needles: list[bytes]) -> bool:
    overlap = max(len(n) for n in needles)
    tail = b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                window = tail + chunk
                if any(n in window for n in needles):
                    return True
                tail = window[-overlap:]
    except OSError:
        return False
    return False


# -- main -----------------------------------------------------------------------------

PARTS = ("attacks", "kill", "canary")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=30, help="kill -9 trials (default 30)")
    parser.add_argument("--races", type=int, default=20, help="passwd race trials (default 20)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--json", type=Path, help="write the outcomes here")
    parser.add_argument("--only", choices=PARTS, action="append")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    parts = args.only or list(PARTS)
    started = time.time() - 1
    tally = Tally()
    print(f"red team: seed {seed}, parts {', '.join(parts)}", flush=True)
    with tempfile.TemporaryDirectory(prefix="veldboek-redteam-") as tmp:
        world = build_world(Path(tmp))
        if "attacks" in parts:
            for attack in (
                attack_output_paths,
                lambda w, t: attack_passphrase_race(w, t, args.races),
                attack_leftover_header,
                attack_paged_lists,
                attack_clock,
                attack_unbounded_reads,
                attack_names,
                attack_concurrency,
                attack_rollback_and_damage,
            ):
                attack(world, tally)
        if "kill" in parts:
            kill_harness(world, tally, args.kills, rng)
        if "canary" in parts:
            canary(world, tally, started)
    failed = tally.failed()
    by_part = {
        p: [o for o in tally.outcomes if o.part == p] for p in ("attacks", "kill -9", "canary")
    }
    summary = ", ".join(
        f"{part}: {sum(o.held for o in rows)} of {len(rows)} held"
        for part, rows in by_part.items()
        if rows
    )
    print(f"red team: {summary}", flush=True)
    if args.json:
        args.json.write_text(
            json.dumps({"seed": seed, "outcomes": [asdict(o) for o in tally.outcomes]}, indent=2)
        )
    for outcome in failed:
        print(f"FAILED {outcome.part}: {outcome.attack}: {outcome.detail}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

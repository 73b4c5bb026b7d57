#!/usr/bin/env python3
"""Set up and run Veldboek from a fresh checkout with nothing but Python 3.11+.

    python3 dev.py run     # set up .venv, create the demo vault on first run, start the app
    python3 dev.py test    # set up .venv, run ruff, mypy and every test (2 per core)
    python3 dev.py test --quick   # the core's tests only (under a minute)
    python3 dev.py lock    # re-resolve requirements/*.lock (exact versions and hashes)
    python3 dev.py build   # the standalone folder dist/veldboek (PyInstaller), self-tested
    python3 dev.py redteam # the red-team suite (tools/redteam.py): attacks, kill -9, canary

Anything after the command is passed on (to the app or to pytest). The venv is
installed from the lock files only (pip --require-hashes), never from whatever
is newest on the index that day.
"""

from __future__ import annotations

import glob
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".veldboek-installed"

QT_HINT = """\
Qt could not start: a system library it needs is missing.
On Debian/Ubuntu install them with:
    sudo apt-get install -y libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \\
        libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
On Fedora:  sudo dnf install -y libglvnd-egl libxkbcommon-x11 xcb-util-cursor
Details from Qt:
"""


def _run(cmd: list[str], env: dict[str, str] | None = None) -> int:
    return subprocess.call(cmd, cwd=ROOT, env=env)


VENV_HINT = (
    "Could not create .venv: this Python lacks venv/ensurepip. "
    "On Debian/Ubuntu: sudo apt-get install python3-venv"
)


def create_venv() -> None:
    """Make .venv with pip, or exit with one line saying what to install. A
    half-made .venv (Debian's python3 without ensurepip leaves one) is removed so
    the next run starts clean."""
    if importlib.util.find_spec("ensurepip") is None:
        sys.exit(VENV_HINT)
    print("Creating .venv ...", flush=True)
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
    except (OSError, subprocess.CalledProcessError) as exc:
        shutil.rmtree(VENV, ignore_errors=True)
        sys.exit(f"{VENV_HINT} ({type(exc).__name__})")


REQUIREMENTS = ROOT / "requirements"
# What each command installs: the app alone, or the app with tests and build.
LOCKS = {"": REQUIREMENTS / "app.lock", "dev": REQUIREMENTS / "dev.lock"}


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Veldboek needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if PY.exists() and not (BIN / ("pip.exe" if os.name == "nt" else "pip")).exists():
        shutil.rmtree(VENV, ignore_errors=True)  # left without pip by an earlier failure
    if not PY.exists():
        create_venv()
    lock = LOCKS[extras]
    wanted = hashlib.sha256(
        lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes() + extras.encode()
    ).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print(f"Installing Veldboek and its locked dependencies ({lock.name}) ...", flush=True)
    pip = [str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # Every file is checked against its hash in the lock; nothing unlisted is pulled in.
    if _run([*pip, "--require-hashes", "--no-deps", "-r", str(lock)]) != 0:
        sys.exit("Installing the locked dependencies failed; see the messages above.")
    # The project itself, built with the locked setuptools (no download at build time).
    if _run([*pip, "--no-deps", "--no-build-isolation", "-e", "."]) != 0:
        sys.exit("Installing Veldboek itself failed; see the messages above.")
    STAMP.write_text(wanted)


UV = "uv==0.13.9"  # resolves the locks; only `dev.py lock` needs it


def cmd_lock(rest: list[str]) -> int:
    """Re-resolve both locks from pyproject.toml: newest versions allowed there,
    every platform (markers), with hashes. Review the diff, run the tests, commit."""
    # uv lives in a venv of its own: resolving must not touch the one in use.
    tools = ROOT / ".venv-tools"
    tools_bin = tools / ("Scripts" if os.name == "nt" else "bin")
    if not (tools_bin / "uv").exists() and not (tools_bin / "uv.exe").exists():
        venv.EnvBuilder(with_pip=True).create(tools)
        if _run([str(tools_bin / "python"), "-m", "pip", "install", "--quiet", UV]) != 0:
            sys.exit(f"Could not install {UV}; see the messages above.")
    uv = [str(tools_bin / "uv"), "pip", "compile", "--quiet", "--universal", "--generate-hashes"]
    uv += ["--python-version", "3.11", *rest]
    # Relative paths: the locks' headers name the command that made them.
    app_lock, dev_lock = (str(LOCKS[k].relative_to(ROOT)) for k in ("", "dev"))
    inputs = ["pyproject.toml", "requirements/build-system.in"]
    steps = [
        # The full set first; the app's lock is held to the same versions.
        [*uv, *inputs, "--extra", "dev", "--extra", "build", "-o", dev_lock],
        [*uv, *inputs, "--constraint", dev_lock, "-o", app_lock],
    ]
    for step in steps:
        if _run(step) != 0:
            sys.exit("uv could not resolve the dependencies; see the messages above.")
    print(f"Wrote {dev_lock} and {app_lock}.")
    return 0


def check_qt(platform: str | None) -> None:
    env = dict(os.environ)
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    probe = "from PySide6.QtWidgets import QApplication; QApplication([])"
    result = subprocess.run(
        [str(PY), "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    if result.returncode != 0:
        sys.exit(QT_HINT + result.stderr.strip()[-1500:])


def cmd_run(rest: list[str]) -> int:
    ensure_venv("")
    headless = (
        os.name != "nt"
        and sys.platform != "darwin"
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    )
    if headless and "QT_QPA_PLATFORM" not in os.environ:
        sys.exit(
            "No display (DISPLAY/WAYLAND_DISPLAY unset): start Veldboek from a desktop session."
        )
    check_qt(None)
    precompile("app")
    args = rest or ["--demo"]
    return _run([str(PY), "-m", "app", "gui", *args])


def precompile(*folders: str) -> None:
    """Compile the checkout's modules to bytecode once, beside them (__pycache__, as
    an installed package has). Where the environment says not to write bytecode on
    import (PYTHONDONTWRITEBYTECODE, set on some machines) every Python process
    would compile the app again: the tests start hundreds (the suite took 72 of
    its 680 CPU-seconds more so). Only files that changed are compiled again; a
    file that does not compile is left to the checks that name it."""
    subprocess.run(
        [str(PY), "-m", "compileall", "-q", "-j", "0", *folders],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )


INTEROP = ROOT / "tests" / "interop"


def ensure_typage() -> None:
    """The other age implementation the interop test runs (typage, pinned in
    tests/interop/package-lock.json), if Node.js is here; without it that test is
    skipped and says why."""
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        print("Node.js not found: the typage interop test will be skipped.", flush=True)
        return
    stamp = INTEROP / "node_modules" / ".veldboek-installed"
    wanted = hashlib.sha256((INTEROP / "package-lock.json").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print("Installing typage for the interop test ...", flush=True)
    # --ignore-scripts: nothing from the registry runs here; typage needs no build step.
    command = [npm, "ci", "--prefix", str(INTEROP), "--ignore-scripts", "--no-audit", "--silent"]
    if _run(command) != 0:
        print("npm could not install typage; the interop test will fail.", flush=True)
        return
    stamp.write_text(wanted)


# System tools tests need and never skip without: (command, Debian package, why).
XCB_LIBS = (
    "libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 "
    "libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-xkb1"
)
TEST_TOOLS = (
    ("strace", "strace", "the test that the GUI opens no network socket"),
    ("initdb", "postgresql", "the central system's PostgreSQL server (veldboek central)"),
    # Qt on a real X server (Xvfb) with its xcb libraries, and xclip as another
    # program: the test that selected text never stays in the X11 selection.
    ("xvfb-run", f"xvfb {XCB_LIBS}", "an X server for the X11 selection test"),
    ("xclip", "xclip", "the other program of the X11 selection test"),
)
# Debian keeps PostgreSQL's server programs off the PATH, per major version.
SERVER_BINDIRS = "/usr/lib/postgresql/*/bin"


def have_tool(cmd: str) -> bool:
    return shutil.which(cmd) is not None or any(
        Path(folder, cmd).is_file() for folder in glob.glob(SERVER_BINDIRS)
    )


def ensure_test_tools() -> None:
    """Install the missing ones where this runs as root with apt-get (CI, a fresh
    container); elsewhere stop before the suite with one line naming them."""
    missing = [(pkg, why) for cmd, pkg, why in TEST_TOOLS if not have_tool(cmd)]
    if not missing:
        return
    packages = [name for pkg, _ in missing for name in pkg.split()]
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        print(f"Installing {' '.join(packages)} for the tests ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if _run([apt, "update", "-qq"], env=env) == 0 and (
            _run([apt, "install", "-y", "-qq", *packages], env=env) == 0
        ):
            return
        sys.exit(f"apt-get could not install {' '.join(packages)}; see the messages above.")
    needs = "; ".join(f"{pkg} ({why})" for pkg, why in missing)
    sys.exit(f"The tests need {needs}. Install with: sudo apt-get install -y {' '.join(packages)}")


def pytest_args(rest: list[str]) -> list[str]:
    """Two processes per core by default (pytest-xdist, ``worker_count``; the slow
    tests are handed out first, see tests/conftest.py). ``--quick``: the core's tests
    while working: not those marked slow, not those that start programs (marked
    ``processes``), not the screens (tests/ui) and not the
    central system's (tests/central, which start PostgreSQL). Anything else goes to
    pytest as given."""
    args = [a for a in rest if a != "--quick"]
    if "--quick" in rest:
        args = [
            *("-m", "not slow and not processes", "--ignore=tests/ui", "--ignore=tests/central"),
            *args,
        ]
    # Workers chosen, or xdist switched off (``-p no:xdist``); another plugin option
    # (``-p no:randomly``) keeps the parallel run.
    own_workers = any(
        a == "--numprocesses" or a.startswith(("-n", "--numprocesses=")) or a.endswith("no:xdist")
        for a in args
    )
    if not own_workers:
        # The quick set waits on nothing: one process per core, one start-up less each.
        workers = (os.cpu_count() or 1) if "--quick" in rest else worker_count()
        args = ["-n", str(workers), "--dist", "worksteal", *args]
    return args


def worker_count() -> int:
    """Two test processes per core: many tests wait (on a child process, a server,
    the screen's events), and a second process on the core fills that time (on two
    cores the suite took 6 min 13 s so, against 7 min 31 s with one per core)."""
    return min(2 * (os.cpu_count() or 1), 16)


RAM_FOLDER = Path("/dev/shm")  # noqa: S108  # a private mkdtemp folder inside it
RAM_ROOM = 4 * 2**30  # the suite's files at their peak, with room to spare


def ram_basetemp() -> Path | None:
    """A folder on a RAM file system (Linux's /dev/shm) for the tests' files, when it
    has room: the vault's every commit is fully synced to disk (synchronous=FULL), and
    on a disk those waits were a third of the suite's time. None elsewhere (pytest's
    default then). Nothing in it outlives the run (see cmd_test)."""
    try:
        room = os.statvfs(RAM_FOLDER)
    except (OSError, AttributeError):
        return None
    if room.f_bavail * room.f_frsize < RAM_ROOM or not os.access(RAM_FOLDER, os.W_OK):
        return None

    return Path(tempfile.mkdtemp(prefix="veldboek-tests-", dir=RAM_FOLDER))


def cmd_test(rest: list[str]) -> int:
    ensure_test_tools()
    ensure_venv("dev")
    check_qt("offscreen")
    ensure_typage()
    precompile("app", "tests", "benchmarks", "tools")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    basetemp = None if any(a.startswith("--basetemp") for a in rest) else ram_basetemp()
    own_temp = [f"--basetemp={basetemp}"] if basetemp is not None else []
    ruff = [str(PY), "-m", "ruff", "check", "app", "tests", "benchmarks", "tools", "dev.py"]
    # Strict, on app, tests, benchmarks, tools and dev.py: the `files` of [tool.mypy].
    mypy = [str(PY), "-m", "mypy"]
    pytest = [str(PY), "-m", "pytest", *own_temp, *pytest_args(rest)]
    try:
        _show(ruff)
        code = _run(ruff, env=env)
        if code != 0:
            return code
        # mypy beside the tests, its report after theirs: one core less idle while
        # the test processes start (a quarter of a minute on two cores).
        with tempfile.TemporaryFile("w+", encoding="utf-8") as report:
            typing = subprocess.Popen(mypy, stdout=report, stderr=subprocess.STDOUT, env=env)
            try:
                _show(pytest)
                tests = _run(pytest, env=env)
            finally:
                typed = typing.wait()
            report.seek(0)
            _show(mypy)
            print(report.read(), end="", flush=True)
        return tests or typed
    finally:
        if basetemp is not None:
            shutil.rmtree(basetemp, ignore_errors=True)


def _show(step: list[str]) -> None:
    print(
        "$ " + " ".join(Path(step[0]).name if i == 0 else a for i, a in enumerate(step)), flush=True
    )


def cmd_build(rest: list[str]) -> int:
    ensure_venv("dev")  # the build tools are locked with the tests'
    if _run([str(PY), "-m", "PyInstaller", "--noconfirm", *rest, "build.spec"]) != 0:
        return 1
    exe = ROOT / "dist" / "veldboek" / ("veldboek.exe" if os.name == "nt" else "veldboek")
    return _run([str(exe), "--self-test"])


def cmd_redteam(rest: list[str]) -> int:
    ensure_venv("dev")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return _run([str(PY), "tools/redteam.py", *rest], env=env)


def main() -> int:
    commands = {
        "run": cmd_run,
        "test": cmd_test,
        "lock": cmd_lock,
        "build": cmd_build,
        "redteam": cmd_redteam,
    }
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())

"""The `veldboek` command. Same services as the GUI; errors are one line on
stderr and a non-zero exit, never a traceback for something the user can fix."""

from __future__ import annotations

import argparse
import functools
import importlib
import io
import os
import sys
import traceback
from collections.abc import Sequence

from app import __version__
from app.domain.one_line import shown
from app.errors import VeldboekError

EXIT_BUG = 70
EXIT_PIPE = 141  # what a shell reports for a tool ended by SIGPIPE (128 + 13)


# Each top-level command -> the module of app.cli that registers it. A command
# line naming one imports that module only: the others (the central system's,
# reports, packages) would double the start-up time of every command.
COMMAND_MODULES: dict[str, str] = {
    "init": "vault_commands",
    "check": "vault_commands",
    "demo": "vault_commands",
    "passwd": "vault_commands",
    "alias": "alias_commands",
    "list": "list_commands",
    "search": "list_commands",
    "show": "show_commands",
    "source": "source_commands",
    "keys": "key_commands",
    "export": "package_commands",
    "package": "package_commands",
    "receipt": "package_commands",
    "purge": "package_commands",
    "report": "report_commands",
    "central": "central_commands",
}
# Command modules a build may leave out, and what their command says then: the
# laptop build (build.spec) has no central system.
ABSENT_MESSAGES: dict[str, str] = {
    "central_commands": (
        "The central system is not part of this build of Veldboek (the laptop app): "
        "run it from the installation on the unit's central server (docs/central.md)."
    ),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; given a command (see COMMAND_MODULES), that command's in
    full and the others by name only (enough to parse that command line)."""
    parser = argparse.ArgumentParser(
        prog="veldboek", description="Veldboek: encrypted field book for informant runners."
    )
    parser.add_argument("--version", action="version", version=f"veldboek {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check crypto, SQLCipher and a throwaway vault"
    )
    sub = parser.add_subparsers(dest="command")
    gui = sub.add_parser("gui", help="start the desktop app")
    gui.add_argument("--vault", help="vault folder (default: your data folder)")
    gui.add_argument("--demo", action="store_true", help="open the demo vault (made on first run)")
    gui.set_defaults(func=_cmd_gui)
    whole = command != "gui" and command not in COMMAND_MODULES
    chosen = COMMAND_MODULES.get(command or "")
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        if whole or module == chosen:
            _register(sub, module)
    for name, module in COMMAND_MODULES.items():
        if not whole and module != chosen:
            sub.add_parser(name)
    return parser


def _register(sub: argparse._SubParsersAction[argparse.ArgumentParser], module: str) -> None:
    try:
        loaded = importlib.import_module(f"app.cli.{module}")
    except ModuleNotFoundError as exc:
        message = ABSENT_MESSAGES.get(module)
        if message is None or not _left_out(exc.name or "", module):
            raise
        for name in (n for n, m in COMMAND_MODULES.items() if m == module):
            absent = sub.add_parser(name, help="(not part of this build)", add_help=False)
            absent.add_argument("words", nargs=argparse.REMAINDER)
            absent.set_defaults(func=functools.partial(_absent, message))
        return
    loaded.register(sub)


def _left_out(missing: str, module: str) -> bool:
    """Is ``missing`` the command module itself, or the part of the app it drives
    (app.central for central_commands), as a build leaves them out?"""
    part = module.removesuffix("_commands")
    return missing == f"app.cli.{module}" or missing.startswith((f"app.{part}", f"app.cli.{part}"))


def _absent(message: str, _args: argparse.Namespace) -> int:
    raise VeldboekError(message)


def _command_of(argv: Sequence[str]) -> str | None:
    """The command a command line names: its first word that is not an option
    (the top level's own options take no value)."""
    return next((a for a in argv if not a.startswith("-")), None)


@functools.cache
def _parser(command: str | None) -> argparse.ArgumentParser:
    """One parser per command and process: building it costs more than most
    commands' own work when a process runs several (the tests do)."""
    return build_parser(command)


def _cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.main import run

    extra = []
    if args.vault:
        extra += ["--vault", args.vault]
    if args.demo:
        extra.append("--demo")
    return run(extra)


def _never_fail_on_output() -> None:
    """A path from the command line may hold bytes that are not UTF-8 (Python keeps
    them as lone surrogates); printing it must not fail after the work is done.
    Where the locale made the output strict, such characters are escaped."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. A reader that stops early (``veldboek … | head``) ends it
    quietly, as Unix tools do: the vault is locked as usual on the way out, then
    the exit status is the shell's one for SIGPIPE and nothing is printed."""
    try:
        try:
            code = _run(argv)
        finally:  # also after argparse's --help and usage errors (SystemExit)
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush
    does not complain about the closed pipe either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real descriptor (an embedding, a test's capture)
        pass


def _run(argv: Sequence[str] | None) -> int:
    _never_fail_on_output()
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        parser = _parser(_command_of(words))
    except Exception as exc:  # a broken installation, not a user error
        print(f"veldboek: cannot start ({type(exc).__name__}: {exc})", file=sys.stderr)
        return EXIT_BUG
    args = parser.parse_args(words)
    try:
        if args.self_test:
            from app.cli.vault_commands import cmd_self_test

            return cmd_self_test()
        if getattr(args, "func", None) is None:
            parser.print_help()
            return 2
        return int(args.func(args))
    except VeldboekError as exc:
        # One line whatever it quotes (a file's name is its maker's choice).
        print(f"veldboek: {shown(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("veldboek: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise  # the reader went away: not a bug (see main)
    except Exception as exc:
        # A bug. The message of a database error can quote the data it was writing,
        # so only the type is printed unless the user asks for details.
        if os.environ.get("VELDBOEK_DEBUG") == "1":
            traceback.print_exc()
        print(
            f"veldboek: internal error ({type(exc).__name__}); this is a bug. "
            "Nothing from the vault is shown here; rerun with VELDBOEK_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return EXIT_BUG

"""The handler approves a sanitised report after seeing its text; ``--approval``
refuses the choices it fixes; a place that cannot be written is found before the
approval is used, and a failed write leaves the approval usable."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from app.cli import main
from app.errors import VaultError
from app.services.admin import aliases
from app.services.records import sources
from app.vault import atomic
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_report_cli import _base, pp, setup  # noqa: F401  (fixtures)
from tests.test_report_support import pages_text

Setup = tuple[Path, uuid.UUID]


def _request(
    root: Path, pw: Path, debrief_id: uuid.UUID, capsys: pytest.CaptureFixture[str]
) -> str:
    base = ["report", *_base(root, pw), "--kind", "sanitised", "--debrief", str(debrief_id)]
    assert main(base) == 3
    return capsys.readouterr().out.strip()


def _show(root: Path, pw: Path, approval: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", "approvals", *_base(root, pw, "Havik"), "--show", approval]) == 0
    return capsys.readouterr().out


def _code(shown: str) -> str:
    return next(line.split(": ")[1] for line in shown.splitlines() if line.startswith("Code of"))


def _approved(
    root: Path, pw: Path, debrief_id: uuid.UUID, capsys: pytest.CaptureFixture[str]
) -> str:
    """A sanitised report requested and approved as shown: its approval's id."""
    approval = _request(root, pw, debrief_id, capsys)
    code = _code(_show(root, pw, approval, capsys))
    assert main(["report", "approve", approval, *_base(root, pw, "Havik"), "--seen", code]) == 0
    capsys.readouterr()
    return approval


def test_the_handler_sees_the_wording_and_approves_what_was_shown(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, debrief_id = setup
    approval = _request(root, pp, debrief_id, capsys)
    havik = ["report", "approve", approval, *_base(root, pp, "Havik")]
    # Not on a terminal, without --seen or --yes: refused, nothing approved.
    assert main(havik) == 1
    assert "--show" in capsys.readouterr().err
    shown = _show(root, pp, approval, capsys)
    assert "S1.1  Goods are reportedly stored at a garage." in shown
    assert "Lawful sharing permitted" in shown
    code = _code(shown)
    assert len(code) == 16
    assert main([*havik, "--seen", "0" * 16]) == 1
    assert "not the code of this sanitised text" in capsys.readouterr().err
    assert main([*havik, "--seen", code[:6]]) == 1  # too short to say which text
    capsys.readouterr()
    assert (
        main(["report", "approvals", *_base(root, pp, "Havik"), "--show", approval, "--json"]) == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert doc["seen"] == code
    assert (
        doc["body"]["debriefs"][0]["items"][0]["text"] == "Goods are reportedly stored at a garage."
    )
    assert main([*havik, "--seen", code]) == 0
    assert "approved" in capsys.readouterr().out


def test_approve_with_yes_prints_the_wording_first(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, debrief_id = setup
    approval = _request(root, pp, debrief_id, capsys)
    assert main(["report", "approve", approval, *_base(root, pp, "Havik"), "--yes"]) == 0
    out = capsys.readouterr().out
    assert out.index("Goods are reportedly stored at a garage.") < out.index("approved ")


def test_approve_on_a_terminal_asks_after_showing_the_text(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    root, debrief_id = setup
    approval = _request(root, pp, debrief_id, capsys)
    havik = ["report", "approve", approval, *_base(root, pp, "Havik")]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert main(havik) == 1
    captured = capsys.readouterr()
    assert "Goods are reportedly stored at a garage." in captured.out
    assert "Not approved." in captured.err
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert main(havik) == 0
    assert "approved" in capsys.readouterr().out


@pytest.mark.parametrize(
    "extra",
    [
        ["--marking", "STG. ZEER GEHEIM"],
        ["--source", "ONYX"],
        ["--debrief", "DEBRIEF"],
        ["--from", "2026-01-01"],
        ["--to", "2026-12-31"],
    ],
)
def test_approval_refuses_the_choices_it_fixes(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
) -> None:
    root, debrief_id = setup
    approval = _approved(root, pp, debrief_id, capsys)
    out = tmp_path / "s.pdf"
    extra = [str(debrief_id) if e == "DEBRIEF" else e for e in extra]
    base = ["report", *_base(root, pp), "--kind", "sanitised", "--approval", approval]
    assert main([*base, *extra, "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"leave out {extra[0]}" in err[0]
    assert not out.exists()
    # The approval was not used: it issues as approved.
    assert main([*base, "--out", str(out)]) == 0
    assert all("STG. CONFIDENTIEEL" in t for t in pages_text(out.read_bytes()))


def _issue(root: Path, pw: Path, approval: str, out: Path) -> list[str]:
    return [
        "report",
        *_base(root, pw),
        "--kind",
        "sanitised",
        "--approval",
        approval,
        "--out",
        str(out),
    ]


def test_a_place_that_cannot_be_written_is_found_before_the_approval_is_used(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, debrief_id = setup
    approval = _approved(root, pp, debrief_id, capsys)
    # /proc takes no new files, even from root (a read-only folder does not stop root).
    assert main(_issue(root, pp, approval, Path(f"/proc/{os.getpid()}/s.pdf"))) == 1
    err = capsys.readouterr().err
    assert "cannot be written" in err
    assert "UNENCRYPTED" not in err
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert main(_issue(root, pp, approval, locked / "s.pdf")) == 1
        assert "cannot be written" in capsys.readouterr().err
    out = tmp_path / "s.pdf"
    assert main(_issue(root, pp, approval, out)) == 0
    assert out.is_file()


def test_a_long_file_name_is_written(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, debrief_id = setup
    approval = _approved(root, pp, debrief_id, capsys)
    out = tmp_path / ("r" * 242 + ".pdf")  # 246 bytes: the name fits, ".NAME.tmp-..." would not
    assert main(_issue(root, pp, approval, out)) == 0
    assert out.is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_failed_write_after_issuing_leaves_the_approval_usable(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services import reports

    root, debrief_id = setup
    approval = _approved(root, pp, debrief_id, capsys)
    out = tmp_path / "s.pdf"
    save = reports.save_pdf

    def failing(*args: object, **kwargs: object) -> None:
        raise VaultError("Could not write {name}: {why}.", name="s.pdf", why="Disk on fire")

    monkeypatch.setattr("app.cli.report_commands.reports.save_pdf", failing)
    assert main(_issue(root, pp, approval, out)) == 1
    assert "can be issued again" in capsys.readouterr().err
    monkeypatch.setattr("app.cli.report_commands.reports.save_pdf", save)
    assert main(_issue(root, pp, approval, out)) == 0
    assert out.is_file()
    assert main(_issue(root, pp, approval, tmp_path / "again.pdf")) == 1
    assert "already been issued" in capsys.readouterr().err


def test_the_warning_shows_the_path_without_control_characters(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, debrief_id = setup
    out = tmp_path / "a\x1b[2Jb\u202ec.pdf"
    args = ["report", *_base(root, pp), "--debrief", str(debrief_id), "--kind", "internal"]
    assert main([*args, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\u202e" not in err
    assert "a\\x1b[2Jb\\u202ec.pdf" in err
    assert out.is_file()


def test_the_temporary_name_of_a_long_file_name_fits(tmp_path: Path) -> None:
    for name in ("r" * 246 + ".pdf", "é" * 125 + ".pdf", "short.pdf"):
        target = tmp_path / name
        assert len(os.fsencode(atomic.temp_name(target).name)) <= atomic.NAME_MAX
        atomic.atomic_write_bytes(target, b"data")
        assert target.read_bytes() == b"data"
    long = tmp_path / ("x" * 250)
    left = atomic.temp_name(long)
    left.with_name(left.name.replace(f"-{os.getpid()}-", "-4194303-")).write_bytes(b"old")
    atomic.atomic_write_bytes(long, b"new")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".x")) == []


def _unworded(root: Path) -> uuid.UUID:
    """A submitted debrief of ONYX with an item that may be shared but has no
    sanitised wording (left out of a sanitised report)."""
    with Vault.open(root, factory.PASSPHRASE) as vault:
        runner = aliases.resolve_scope(vault, "Valk")
        onyx = sources.resolve_source(vault, runner, "ONYX")
        items = (factory.graded_item(), factory.graded_item("Karel is 40.", sanitised_text=""))
        return factory.debrief(vault, runner, onyx, items=items, submit=True)


def test_the_list_says_what_each_request_covers_and_leaves_out(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    root, debrief_id = setup
    havik = ["report", "approvals", *_base(root, pp, "Havik")]
    # None yet: said, with whose files (a request of files Havik cannot see is not listed).
    assert main(havik) == 0
    assert (
        capsys.readouterr().out == "No sanitised report waits for approval in the files of Havik.\n"
    )
    whole = _request(root, pp, debrief_id, capsys)
    part = _request(root, pp, _unworded(root), capsys)
    capsys.readouterr()
    assert main([*havik, "--json"]) == 0
    listed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    day = listed[whole]["period_from"]
    assert listed[whole]["period_to"] == day  # a one-day request: its day once, not twice
    assert main(havik) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert f"covers ONYX · {day}  requested by Valk" in lines[whole]
    assert f"{day} to {day}" not in lines[whole]
    assert "left out" not in lines[whole]
    assert lines[part].endswith("1 shareable item left out (no sanitised wording)")
    # Fields are only added: what scripts read before is all still there.
    assert {"id", "status", "marking", "debrief_count", "period_from", "period_to"} <= set(
        listed[part]
    )
    assert listed[part]["sources"] == ["ONYX"]
    assert listed[part]["withheld_items"] == 1
    assert listed[whole]["withheld_items"] == 0
    assert listed[part]["covers"] == f"ONYX · {day}"
    shown = _show(root, pp, part, capsys)
    assert f"Covers: ONYX · {day}\n" in shown
    assert "Left out: 1 shareable item left out (no sanitised wording)" in shown
    assert "Left out" not in _show(root, pp, whole, capsys)
    assert main([*havik, "--show", part, "--json"]) == 0
    approval = json.loads(capsys.readouterr().out)["approval"]
    assert (approval["withheld_items"], approval["sources"]) == (1, ["ONYX"])
    assert approval["covers"] == f"ONYX · {day}"


def test_the_list_writes_a_period_with_to_as_it_always_did(
    setup: Setup,  # noqa: F811
    pp: Path,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Scripts read the command line's "covers": its period keeps " to " (the
    app's list writes an en dash), in text and JSON."""
    root, _ = setup
    with Vault.open(root, factory.PASSPHRASE) as vault:
        runner = aliases.resolve_scope(vault, "Valk")
        handler = aliases.resolve_scope(vault, "Havik")
        jaspis = sources.create_source(
            vault, runner, sources.SourceDraft(codename="JASPIS"), share_with=(handler.alias_id,)
        )
        factory.debrief(vault, runner, jaspis, items=(factory.graded_item(),), submit=True)
    period = ["--source", "JASPIS", "--from", "2020-01-01", "--to", "2030-12-31"]
    assert main(["report", *_base(root, pp), "--kind", "sanitised", *period]) == 3
    approval = capsys.readouterr().out.strip()
    havik = ["report", "approvals", *_base(root, pp, "Havik")]
    assert main([*havik, "--json"]) == 0
    listed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed[approval]["covers"] == "JASPIS · 2020-01-01 to 2030-12-31"
    assert main(havik) == 0
    assert "covers JASPIS · 2020-01-01 to 2030-12-31  requested" in capsys.readouterr().out
    assert "Covers: JASPIS · 2020-01-01 to 2030-12-31\n" in _show(root, pp, approval, capsys)
    assert main([*havik, "--show", approval, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["approval"]
    assert shown["covers"] == "JASPIS · 2020-01-01 to 2030-12-31"

"""`veldboek report` and `veldboek report verify`: the contract scripts rely on."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from app.cli import main
from app.services.admin import aliases
from app.services.records import sources
from app.services.views import IdentityFields
from app.vault.vault import Vault
from tests.helpers import factory
from tests.test_report_support import pages_text


@pytest.fixture
def pp(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(factory.PASSPHRASE + "\n")
    return path


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, uuid.UUID]:
    """A vault with runner Valk, handler Havik and one submitted debrief of ONYX."""
    from app.domain.enums import Role
    from app.services.records import identity

    root = factory.make_vault(tmp_path / "vault")
    with Vault.open(root, factory.PASSPHRASE) as vault:
        aliases.add_alias(vault, "Havik", role=Role.HANDLER, can_act=True)
        runner = aliases.resolve_scope(vault, "Valk")
        havik = aliases.resolve_scope(vault, "Havik")
        sid = sources.create_source(
            vault, runner, sources.SourceDraft(codename="ONYX"), share_with=(havik.alias_id,)
        )
        identity.record_identity(
            vault, runner, sid, IdentityFields(full_name="Dirk-Jan Smeets", phone_numbers=())
        )
        debrief_id = factory.debrief(vault, runner, sid, submit=True)
        factory.debrief(
            vault,
            runner,
            sid,
            items=(factory.graded_item(sanitised_text="Smeets says goods are at a garage."),),
            submit=True,
        )
    return root, debrief_id


def _base(root: Path, pp: Path, alias: str = "Valk") -> list[str]:
    return ["--vault", str(root), "--passphrase-file", str(pp), "--alias", alias]


def test_internal_report_by_debrief_then_verify(
    setup: tuple[Path, uuid.UUID], pp: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, debrief_id = setup
    out = tmp_path / "out.pdf"
    args = ["report", *_base(root, pp), "--debrief", str(debrief_id), "--kind", "internal"]
    assert main([*args, "--out", str(out), "--marking", "STG. GEHEIM"]) == 0
    captured = capsys.readouterr()
    assert "UNENCRYPTED" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    # One debrief, in proper English ("1 debriefs" was printed).
    assert "  internal  2 pages  1 debrief  sha256 " in captured.out
    assert out.is_file()
    assert all("STG. GEHEIM" in t for t in pages_text(out.read_bytes()))

    verify = ["report", "verify", str(out), "--vault", str(root), "--passphrase-file", str(pp)]
    assert main(verify) == 0
    assert capsys.readouterr().out.startswith("VERIFIED")
    assert main([*verify, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is True
    assert doc["kind"] == "internal"
    assert doc["marking"] == "STG. GEHEIM"

    altered = tmp_path / "altered.pdf"
    data = bytearray(out.read_bytes())
    data[data.index(b"stream") + 100] ^= 1
    altered.write_bytes(bytes(data))
    assert (
        main(["report", "verify", str(altered), "--vault", str(root), "--passphrase-file", str(pp)])
        == 1
    )
    assert "NOT VERIFIED" in capsys.readouterr().out


def test_internal_report_by_source_codename(
    setup: tuple[Path, uuid.UUID], pp: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = setup
    out = tmp_path / "source.pdf"
    args = ["report", *_base(root, pp), "--source", "onyx", "--kind", "internal", "--out", str(out)]
    assert main(args) == 0
    summary = capsys.readouterr().out
    assert " 2 debriefs " in summary


def test_sanitised_report_takes_a_request_an_approval_and_an_issue(
    setup: tuple[Path, uuid.UUID], pp: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, debrief_id = setup
    out = tmp_path / "sanitised.pdf"
    base = ["report", *_base(root, pp), "--kind", "sanitised"]
    # The request run writes nothing, so it takes no --out.
    assert main([*base, "--debrief", str(debrief_id), "--out", str(out)]) == 1
    assert "writes nothing" in capsys.readouterr().err
    assert main([*base, "--debrief", str(debrief_id)]) == 3
    said = capsys.readouterr()
    approval = said.out.strip()
    assert not out.exists()
    # The approver's steps in order: approve refuses a text that was not shown.
    assert f"reads it (veldboek report approvals --show {approval} ...)" in said.err
    assert f"(veldboek report approve {approval} --seen CODE ...)" in said.err
    # The requester cannot approve (a runner; and not the requester).
    assert main(["report", "approve", approval, *_base(root, pp)]) == 1
    assert "handler" in capsys.readouterr().err
    assert main([*base, "--approval", approval, "--out", str(out)]) == 1
    assert "after a handler approves" in capsys.readouterr().err
    assert main(["report", "approvals", *_base(root, pp, "Havik"), "--json"]) == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == [approval]
    assert main(["report", "approve", approval, *_base(root, pp, "Havik"), "--yes"]) == 0
    capsys.readouterr()
    assert main([*base, "--approval", approval, "--out", str(out)]) == 0
    assert "UNENCRYPTED" in capsys.readouterr().err
    text = " ".join(pages_text(out.read_bytes()))
    assert "Goods are reportedly stored at a garage." in text
    assert "ONYX" not in text
    assert "Valk" not in text
    verify = ["report", "verify", str(out), "--vault", str(root), "--passphrase-file", str(pp)]
    assert main(verify) == 0


def test_a_request_says_which_shareable_items_it_leaves_out(
    setup: tuple[Path, uuid.UUID], pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An item that may be shared but has no sanitised wording is left out of the
    # report, never replaced by what was reported: the requester is told.
    root, clean = setup
    with Vault.open(root, factory.PASSPHRASE) as vault:
        runner = aliases.resolve_scope(vault, "Valk")
        onyx = sources.find_source(vault, runner, "ONYX")
        items = (factory.graded_item(), factory.graded_item("Not worded", sanitised_text=""))
        debrief_id = factory.debrief(vault, runner, onyx, items=items, submit=True)
    args = ["report", *_base(root, pp), "--kind", "sanitised", "--debrief", str(debrief_id)]
    assert main(args) == 3
    err = capsys.readouterr().err
    assert "1 item that may be shared has no sanitised wording and is left out." in err
    assert main([*args[:-1], str(clean)]) == 3
    assert "left out" not in capsys.readouterr().err


def test_the_guard_refusal_lists_the_hits_for_the_user(
    setup: tuple[Path, uuid.UUID], pp: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = setup
    out = tmp_path / "s.pdf"
    args = ["report", *_base(root, pp), "--source", "ONYX", "--kind", "sanitised"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "identity 'Smeets' in S2.1 wording" in err
    assert "refused" in err
    assert not out.exists()


def test_report_arguments_are_checked(
    setup: tuple[Path, uuid.UUID], pp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, debrief_id = setup
    base = ["report", *_base(root, pp)]
    assert main([*base, "--debrief", str(debrief_id), "--kind", "internal"]) == 1
    assert "--out" in capsys.readouterr().err
    assert main([*base, "--kind", "internal", "--out", "x.pdf"]) == 1
    assert "--debrief" in capsys.readouterr().err
    assert main(["report", "--vault", str(root), "--passphrase-file", str(pp)]) == 1
    assert "--alias" in capsys.readouterr().err
    # A missing choice is named with its choices, once prefixed.
    assert main([*base, "--debrief", str(debrief_id), "--out", "x.pdf"]) == 1
    assert capsys.readouterr().err == "veldboek: report needs --kind internal|sanitised.\n"
    with pytest.raises(SystemExit):
        main([*base, "--debrief", "nope", "--kind", "internal", "--out", "x.pdf"])
    with pytest.raises(SystemExit):
        main([*base, "--debrief", str(debrief_id), "--source", "ONYX", "--kind", "internal"])
    with pytest.raises(SystemExit):  # that is `report management`, not a debrief report
        main([*base, "--debrief", str(debrief_id), "--kind", "management", "--out", "x.pdf"])


def test_the_report_language_is_the_setting_unless_given(
    setup: tuple[Path, uuid.UUID],
    pp: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services.admin import local_config

    root, debrief_id = setup
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    base = ["report", *_base(root, pp), "--debrief", str(debrief_id), "--kind", "internal"]

    def first_page(*extra: str) -> str:
        out = tmp_path / f"{len(list(tmp_path.iterdir()))}.pdf"
        assert main([*base, *extra, "--out", str(out)]) == 0
        capsys.readouterr()
        return pages_text(out.read_bytes())[0]

    assert "Page 1 of" in first_page()
    assert "Pagina 1 van" in first_page("--language", "nl")
    local_config.save(local_config.LocalConfig("nl"))
    assert "Pagina 1 van" in first_page()
    assert "Page 1 of" in first_page("--language", "en")
    with pytest.raises(SystemExit):
        main([*base, "--language", "de", "--out", str(tmp_path / "de.pdf")])


def test_the_warning_comes_before_the_unencrypted_file_is_written(
    setup: tuple[Path, uuid.UUID],
    pp: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services import reports

    root, debrief_id = setup
    out = tmp_path / "warned.pdf"
    warned_first: list[bool] = []
    save = reports.save_pdf

    def save_pdf(*args: object, **kwargs: bool) -> None:
        warned_first.append("UNENCRYPTED" in capsys.readouterr().err and not out.exists())
        save(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("app.cli.report_commands.reports.save_pdf", save_pdf)
    args = ["report", *_base(root, pp), "--debrief", str(debrief_id), "--kind", "internal"]
    assert main([*args, "--out", str(out)]) == 0
    assert warned_first == [True]
    assert out.is_file()

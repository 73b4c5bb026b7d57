"""Names (aliases, codenames, key names): one rule wherever a name gets in, one
name whatever its case, and vaults from before the rule still open and show theirs."""

from __future__ import annotations

import dataclasses
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain import names
from app.domain.enums import AliasKind, PeerRole, Role
from app.domain.names import NameKind
from app.domain.scope import Scope
from app.errors import InvalidInput, InvalidName, NotFound, VaultLocationError
from app.models import Alias, Compartment, Source
from app.services import reports
from app.services.admin import aliases
from app.services.exchange import keys
from app.services.records import sources
from app.services.reports import Selection
from app.vault import creation as vault_module
from app.vault import engine as engine_module
from app.vault import migrate
from app.vault.vault import Vault, create_vault
from tests.helpers import factory

# -- the rule ---------------------------------------------------------------------------

ACCEPTED = [
    ("Valk", "Valk"),
    ("  Valk \r\n", "Valk"),  # a line end from a file or a paste: trimmed
    ("Jan  de\u00a0 Vries", "Jan de Vries"),  # any run of spaces: one plain space
    ("Rene\u0301", "René"),  # decomposed accent: composed (NFC)
    ("Zoë", "Zoë"),
    ("Ахмед", "Ахмед"),
    ("Σωκράτης 2", "Σωκράτης 2"),  # one script, whichever: only mixing them is refused
    ("Ахмед 小鹰", "Ахмед 小鹰"),  # scripts that do not look alike may mix
    ("File АХМЕД", "File АХМЕД"),  # look-alike scripts in separate words (a compartment)
    ("小鹰", "小鹰"),
    ("O'Neill-Smit", "O'Neill-Smit"),
    ("🦅", "🦅"),
    ("A" * 80, "A" * 80),
]

REFUSED = [
    ("\x1b[31mValk\x1b[0m", "U+001B"),  # ANSI escape: recolours the terminal
    ("Va\rlk", "U+000D"),  # a carriage return overwrites what came before
    ("Va\nlk", "U+000A"),
    ("Va\tlk", "U+0009"),
    ("Va\x7flk", "U+007F"),
    ("Va\x85lk", "U+0085"),  # C1
    ("Va\x9blk", "U+009B"),  # C1 CSI: an escape of its own
    ("\u202eklaV", "U+202E"),  # right-to-left override: shows "Valk"
    ("Va\u2066lk", "U+2066"),  # bidi isolate
    ("Va\u200blk", "U+200B"),  # zero-width space
    ("Va\u200dlk", "U+200D"),  # zero-width joiner
    ("\ufeffValk", "U+FEFF"),  # byte order mark
    ("Va\u00adlk", "U+00AD"),  # soft hyphen
    ("Va\ue000lk", "U+E000"),  # private use
    ("Va\U000e0041lk", "U+E0041"),  # a tag character
    ("Va\u2028lk", "U+2028"),  # line separator
    ("Va\u0378lk", "U+0378"),  # unassigned
    ("Va" + "\u0301" * 6 + "lk", "U+0301"),  # marks piled on one letter
    ("KW\u0410RTS", "U+0410"),  # a Cyrillic A among Latin letters: passes for KWARTS
    ("\u0412alk", "U+0061"),  # a Cyrillic V first: the Latin letters are the second script
    ("Val\u03ba", "U+03BA"),  # a Greek kappa
]


@pytest.mark.parametrize(("typed", "stored"), ACCEPTED)
def test_names_that_are_accepted_and_how_they_are_stored(typed: str, stored: str) -> None:
    assert names.clean(typed, NameKind.ALIAS) == stored
    assert names.is_clean(typed, NameKind.ALIAS)


@pytest.mark.parametrize(("typed", "code"), REFUSED)
def test_names_that_could_spoof_or_rewrite_the_screen_are_refused(typed: str, code: str) -> None:
    for kind in (NameKind.ALIAS, NameKind.CODENAME, NameKind.KEY):
        with pytest.raises(InvalidName) as caught:
            names.clean(typed, kind)
        assert code in str(caught.value)
        assert typed not in str(caught.value)  # never echoed
        assert not names.is_clean(typed, kind)


@pytest.mark.parametrize("typed", ["", "   ", "\r\n", "A" * 81, "x" * 100_000, "Valk" * 21])
def test_empty_and_overlong_names_are_refused_with_the_limit(typed: str) -> None:
    with pytest.raises(InvalidName, match="1 to 80 characters"):
        names.clean(typed, NameKind.ALIAS)


def test_bytes_that_are_not_utf8_are_refused_as_not_text() -> None:
    typed = os.fsdecode(b"Va\xfflk")  # what Python makes of such an argument
    with pytest.raises(InvalidName, match="not valid text"):
        names.clean(typed, NameKind.ALIAS)
    with pytest.raises(InvalidName, match="not valid text"):
        names.lookup_key(typed, NameKind.ALIAS)
    with pytest.raises(InvalidName, match="not valid text"):
        names.clean("\ud800", NameKind.CODENAME)


def test_names_that_differ_only_in_case_or_width_are_one_name() -> None:
    same = {names.key(n) for n in ("Valk", "VALK", "valk", "Ｖａｌｋ", " valk ")}
    assert same == {"valk"}
    assert names.key("Straße") == names.key("STRASSE")
    assert names.key("René") == names.key("Rene\u0301") == names.key("RENÉ")
    assert names.key("Valk") != names.key("Valk2")


# -- every way in: the CLI --------------------------------------------------------------


def _run(*args: bytes | str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, timeout=300)


@pytest.mark.parametrize(
    "alias",
    [b"Va\xff\xfelk", b"\x1b[31mValk", b"Va\rlk", b"x" * 100_000, b"\xe2\x80\xaeklaV"],
    ids=["not utf-8", "ansi", "carriage return", "100,000 characters", "rlo"],
)
def test_init_refuses_a_bad_alias_at_once_and_makes_nothing(tmp_path: Path, alias: bytes) -> None:
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    result = _run(
        "init", "--vault", str(tmp_path / "v"), "--passphrase-file", str(pp), b"--alias", alias
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert len(err.strip().splitlines()) == 1
    assert "alias" in err
    assert "Calibrating" not in err  # refused before seconds of work
    assert not (tmp_path / "v").exists()


def test_cli_finds_an_alias_and_a_codename_whatever_their_case(
    vault_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.debrief(vault, scope, factory.source(vault, scope, "KWARTS"))
    pp = tmp_path / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    common = ["--vault", str(vault_dir), "--passphrase-file", str(pp)]
    assert main(["list", "debriefs", *common, "--alias", "VALK", "--source", "kwarts"]) == 0
    assert "KWARTS" in capsys.readouterr().out
    assert main(["list", "sources", *common, "--alias", os.fsdecode(b"\xff")]) == 1
    assert "not valid text" in capsys.readouterr().err


# -- every way in: the services the GUI calls -------------------------------------------


def test_an_alias_beside_one_that_differs_only_in_case_is_refused(vault: Vault) -> None:
    for spelling in ("valk", "VALK", "Ｖａｌｋ", " Valk "):
        with pytest.raises(InvalidName):
            aliases.add_alias(vault, spelling, role=Role.RUNNER, can_act=True)
    aliases.add_alias(vault, "Reiger", role=None, can_act=False)
    with pytest.raises(InvalidName, match="already in use"):
        aliases.add_alias(vault, "REIGER", role=None, can_act=False)
    with vault.read() as session:
        assert sorted(session.execute(select(Alias.name)).scalars()) == ["Reiger", "Valk"]


def test_the_database_itself_holds_cover_names_unique_by_key(vault: Vault) -> None:
    """Not only the service: a second writer that skipped the check is stopped."""
    import sqlalchemy.exc

    with vault.write() as session:
        session.add(Alias(name="VALK", kind=AliasKind.COVER_NAME, can_act=False))
        with pytest.raises(sqlalchemy.exc.IntegrityError):
            session.flush()
        session.rollback()


def test_an_alias_may_not_take_a_codename_nor_a_codename_an_alias(
    vault: Vault, runner: Scope
) -> None:
    factory.source(vault, runner, "KWARTS")
    with pytest.raises(InvalidName, match="already in use"):
        aliases.add_alias(vault, "Kwarts", role=None, can_act=False)
    for codename in ("valk", "kwarts", "ＫＷＡＲＴＳ"):  # the alias Valk; the codename KWARTS
        with pytest.raises(Exception, match="already in use"):
            factory.source(vault, runner, codename)


def test_codenames_go_through_the_rule(vault: Vault, runner: Scope) -> None:
    with pytest.raises(InvalidName, match="U\\+202E"):
        factory.source(vault, runner, "\u202eSTRAWK")
    with pytest.raises(InvalidName, match="not valid text"):
        sources.find_source(vault, runner, os.fsdecode(b"K\xffW"))
    source = factory.source(vault, runner, "  merel  ")
    assert sources.find_source(vault, runner, "Merel") == source
    with vault.read() as session:
        assert session.get(Source, source).codename == "MEREL"  # type: ignore[union-attr]


def test_key_names_go_through_the_rule(vault: Vault, runner: Scope, tmp_path: Path) -> None:
    with pytest.raises(InvalidName, match="U\\+001B"):
        keys.own_bundle(vault, "Valk\x1b[2J", PeerRole.RUNNER)
    other = factory.make_vault(tmp_path / "other", alias="Havik", role=Role.HANDLER)
    with Vault.open(other, factory.PASSPHRASE) as theirs:
        bundle = keys.own_bundle(theirs, "Havik", PeerRole.HANDLER)
        # A bundle whose name was made elsewhere: signed, but not a name to show.
        data = keys.bundle_bytes(theirs, dataclasses.replace(bundle, name="H\u202eavik"))
    with pytest.raises(InvalidName, match="U\\+202E"):
        keys.read_bundle(data)
    good = keys.read_bundle(keys_bundle_named(other, "Havik"))
    with pytest.raises(InvalidName, match="U\\+200B"):
        keys.add_peer(
            vault,
            runner,
            good,
            role=PeerRole.HANDLER,
            confirmed_spoken=good.fingerprint.spoken,
            name="Ha\u200bvik",
        )
    assert keys.list_peers(vault) == []


def keys_bundle_named(root: Path, name: str) -> bytes:
    with Vault.open(root, factory.PASSPHRASE) as vault:
        return keys.bundle_bytes(vault, keys.own_bundle(vault, name, PeerRole.HANDLER))


# -- the file being made at init --------------------------------------------------------


def test_the_database_being_made_is_0600_before_sqlite_writes_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = engine_module.make_engine  # what creation.py imported

    def watched(path: Path, *args: object, **kwargs: object) -> object:
        seen.append(stat.S_IMODE(path.stat().st_mode))  # it exists, and is not readable
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(vault_module, "make_engine", watched)
    old = os.umask(0o022)
    try:
        factory.make_vault(tmp_path / "v")
    finally:
        os.umask(old)
    assert seen == [0o600]
    assert stat.S_IMODE((tmp_path / "v" / "vault.db").stat().st_mode) == 0o600


@pytest.mark.parametrize("where", ["building the database", "writing the header"])
def test_a_failed_init_leaves_no_database_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    real_upgrade = migrate.upgrade

    def fail(*args: object, **kwargs: object) -> None:
        if where == "building the database":
            real_upgrade(*args, **kwargs)  # type: ignore[arg-type]  # the file is written
        raise OSError(5, "Input/output error")

    if where == "building the database":
        monkeypatch.setattr(migrate, "upgrade", fail)
    else:
        monkeypatch.setattr(vault_module, "write_header", fail)
    with pytest.raises(VaultLocationError):
        factory.make_vault(tmp_path / "v")
    # The folder init made is gone again: nothing (not even a lock file) is left.
    assert not (tmp_path / "v").exists()
    (tmp_path / "w").mkdir()
    with pytest.raises(VaultLocationError):
        factory.make_vault(tmp_path / "w")
    assert sorted(p.name for p in (tmp_path / "w").iterdir()) == []  # a folder it found stays
    monkeypatch.undo()
    factory.make_vault(tmp_path / "v")  # and nothing stands in the way of the next try
    assert (tmp_path / "v" / "vault.header").is_file()


# -- vaults from before the rule --------------------------------------------------------


def test_a_vault_from_before_keeps_and_shows_names_the_rule_now_refuses(
    vault_dir: Path,
) -> None:
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
        scope = aliases.resolve_scope(vault, factory.RUNNER)
        factory.source(vault, scope, "KWARTS")
        migrate.downgrade(vault.engine(), "0009_outgoing_copies")
        with vault.engine().begin() as conn:  # as an older Veldboek let them in
            for name, created in (
                ("VALK", "2999-01-02"),
                ("Uil\x1b[0m", "2999-01-03"),
                ("L" * 2000, "2999-01-04"),  # old init took any length
            ):
                conn.exec_driver_sql(
                    "INSERT INTO alias (id, name, kind, role, can_act, colour, created_at) "
                    "VALUES (?, ?, 'cover_name', 'runner', 1, '#000000', ?)",
                    (os.urandom(16).hex(), name, f"{created}T00:00:00.000000Z"),
                )
            conn.exec_driver_sql(
                "INSERT INTO source (id, compartment_id, codename, kind, status, motivation, "
                "information_position, legal_basis, antecedents_result, notes, created_at, "
                "updated_at) SELECT ?, compartment_id, 'kwarts', kind, status, '', '', '', '', "
                "'', created_at, updated_at FROM source",
                (os.urandom(16).hex(),),
            )
    with Vault.open(vault_dir, factory.PASSPHRASE) as vault:  # migrates
        shown = [a.name for a in aliases.list_own_aliases(vault)]
        assert sorted(shown) == ["L" * 2000, "Uil\x1b[0m", "VALK", "Valk"]
        # Each is still chosen by its own spelling; by key, the first one.
        assert aliases.resolve_scope(vault, "VALK").alias_name == "VALK"
        assert aliases.resolve_scope(vault, "Valk").alias_name == "Valk"
        assert aliases.resolve_scope(vault, "valk").alias_name == "Valk"
        assert aliases.resolve_scope(vault, "Uil\x1b[0m").alias_name == "Uil\x1b[0m"
        assert aliases.resolve_scope(vault, "L" * 2000).alias_name == "L" * 2000
        with pytest.raises(InvalidName):
            aliases.add_alias(vault, "vAlK", role=None, can_act=False)
        scope = aliases.resolve_scope(vault, "Valk")
        assert sources.find_source(vault, scope, "kwarts") != sources.find_source(
            vault, scope, "KWARTS"
        )
        with pytest.raises(NotFound, match="give the id of the one you mean"):
            sources.find_source(vault, scope, "Kwarts")


def test_create_vault_refuses_a_bad_alias_before_making_the_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidName):
        create_vault(
            tmp_path / "v", factory.PASSPHRASE, alias_name="Va\rlk", kdf=factory.fast_kdf()
        )
    assert not (tmp_path / "v").exists()


def test_text_that_is_not_utf8_reaching_the_database_is_refused_not_a_bug(
    vault: Vault, runner: Scope, handler: Scope
) -> None:
    """A note, like a name, can come from a command-line argument of bytes that are
    not UTF-8 (``report reject ID --note ...``): one clear refusal, nothing saved."""
    source = sources.create_source(
        vault, runner, sources.SourceDraft("KWARTS"), share_with=(handler.alias_id,)
    )
    debrief = factory.debrief(vault, runner, source, items=(factory.graded_item(),), submit=True)
    approval = reports.request_sanitised(
        vault, runner, Selection(debrief_id=debrief).validated(), passphrase=factory.PASSPHRASE
    )
    with pytest.raises(InvalidInput, match="not UTF-8"):
        reports.reject_sanitised(vault, handler, approval.id, os.fsdecode(b"te\xffkort"))
    assert reports.list_approvals(vault, handler)[0].status is reports.ApprovalStatus.PENDING


def test_a_compartment_name_a_package_brought_does_not_stop_a_new_source(
    vault: Vault, runner: Scope
) -> None:
    """Compartment names are unique; a runner's package may have brought "File MEREL"
    for a source since renamed. A new source MEREL here gets a name of its own."""
    with vault.write() as session:
        session.add(Compartment(name="File MEREL"))
    source = factory.source(vault, runner, "merel")
    with vault.read() as session:
        mine = session.get(Source, source)
        assert mine is not None
        name = session.get(Compartment, mine.compartment_id).name  # type: ignore[union-attr]
    assert name.startswith("File MEREL (")


@pytest.mark.parametrize(
    "codename",
    ["ESPEN (RUNNER REIGER, …F541D442)", "ESPEN (VALK)", "ESPEN）", "ESPEN ⁽VALK⁾"],
)
def test_a_codename_cannot_pass_for_the_label_of_two_namesakes(codename: str) -> None:
    # Two sources with one codename are shown apart as ``ESPEN (runner, …tail)``: a
    # codename of that form (or a bracket that folds to one) would pass for one.
    with pytest.raises(InvalidName, match="cannot hold brackets"):
        names.clean(codename, NameKind.CODENAME)
    assert names.clean(codename.replace("(", "").replace(")", "").replace("）", "")
                       .replace("⁽", "").replace("⁾", ""), NameKind.CODENAME)  # fmt: skip
    # Aliases, keys and compartments keep theirs (a compartment set apart by its id).
    assert names.clean("File ESPEN (018a26)", NameKind.COMPARTMENT) == "File ESPEN (018a26)"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Valk\x1b[2J", "Valk"),  # clears a terminal
        ("\x1b]0;title\x07Valk", "Valk"),  # sets a window title
        ("Va\u200blk", "Valk"),
        ("Va\u202elk", "Valk"),
        ("Valk  Sperwer\r", "Valk Sperwer"),
        ("Valk", "Valk"),
    ],
)
def test_the_visible_form_of_a_name_from_before_the_rule(raw: str, shown: str) -> None:
    """What the guard also refuses for such a name: what it shows as and people type."""
    assert names.visible(raw) == shown

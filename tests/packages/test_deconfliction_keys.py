"""The unit deconfliction key in the vaults: central -> handler -> runner, tokens
computed from the sealed identities, rotation, refusals from the wrong role, and
no identity, token or secret anywhere it must not be."""

from __future__ import annotations

import base64
import json
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.domain import identity_normal
from app.domain.enums import PeerRole, Role
from app.errors import InvalidInput, WrongPassphrase
from app.export import deconfliction, package
from app.export.deconfliction import DeconflictionKey
from app.models import AuditEvent
from app.models.packages import SourceToken
from app.services.exchange import deconfliction_key, handover, keys, package_receive, packages
from app.services.records import identity, identity_recompute
from app.services.views import IdentityFields
from tests.helpers import factory
from tests.helpers.deconfliction import (
    SMALL,
    Unit,
    close,
    issue,
    make_unit,
    new_key,
    peer,
    tokens,
)
from tests.packages.conftest import Party, introduce, open_party

JAN = IdentityFields(
    full_name="Jan van der Berg",
    date_of_birth="1980-12-31",
    addresses=("Dorpsstraat 12-a, 1234 AB Amsterdam",),
    phone_numbers=("06-12345678",),
)
# The same person as another runner wrote him down.
JAN_AGAIN = IdentityFields(
    full_name="Berg, Jan van der",
    date_of_birth="31-12-1980",
    addresses=("1234ab 12 A",),
    phone_numbers=("+31 6 1234 5678",),
)
# What must never leave the vault or reach a log.
SECRETS = ("Jan van der Berg", "van der Berg", "Dorpsstraat", "1980-12-31", "12345678", "1234 AB")


@pytest.fixture
def unit(tmp_path: Path) -> Iterator[Unit]:
    made = make_unit(tmp_path)
    yield made
    close(made)


def expected_tokens(key: DeconflictionKey, fields: IdentityFields) -> set[tuple[str, str, str]]:
    found = identity_normal.attributes(
        fields.full_name, fields.date_of_birth, fields.phone_numbers, fields.addresses
    )
    return set(tokens(key, *found))


def held(party: Party) -> dict[uuid.UUID, set[tuple[str, str, str]]]:
    out: dict[uuid.UUID, set[tuple[str, str, str]]] = {}
    with party.vault.read() as session:
        for t in session.execute(select(SourceToken)).scalars():
            out.setdefault(t.source_id, set()).add((t.key_id, t.kind, t.token))
    return out


def deliver(
    unit: Unit, key: DeconflictionKey, *, passphrase: str | None = factory.PASSPHRASE
) -> None:
    """Central issues ``key`` to the handler, who forwards it to the runner."""
    path = issue(unit, key, unit.outbox / "central")
    handler, runner = unit.handler, unit.runner
    package_receive.import_package(handler.vault, handler.scope, path, passphrase=passphrase)
    (sent,) = deconfliction_key.forward(
        handler.vault, handler.scope, to_dir=unit.outbox / "handler"
    )
    package_receive.import_package(runner.vault, runner.scope, sent.path, passphrase=passphrase)


def actions(party: Party) -> list[str]:
    with party.vault.read() as session:
        return list(session.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def test_the_key_reaches_the_runner_and_one_person_gives_one_set_of_tokens(unit: Unit) -> None:
    for folder in ("central", "handler"):
        (unit.outbox / folder).mkdir()
    runner = unit.runner
    first = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, first, JAN)
    assert held(runner) == {}  # no key yet: no tokens
    key = new_key()
    deliver(unit, key)
    assert held(runner) == {first: expected_tokens(key, JAN)}
    assert {kind for _, kind, _ in held(runner)[first]} == {"name_dob", "phone", "address"}
    # The same person under another source, written down otherwise: the same tokens.
    second = factory.source(runner.vault, runner.scope, "KWARTS")
    identity.record_identity(runner.vault, runner.scope, second, JAN_AGAIN)
    assert held(runner)[second] == held(runner)[first]
    status = deconfliction_key.status(runner.vault)
    (view,) = status.keys
    assert (view.key_id, view.current, view.recomputed) == (key.key_id, True, True)
    assert (view.sources_with_tokens, status.sources_with_identity) == (2, 2)
    assert "deconfliction.tokens_recomputed" in actions(runner)
    # The handler's vault holds the key too (it forwards it), and no identity.
    assert deconfliction_key.status(unit.handler.vault).keys[0].key_id == key.key_id


def test_rotation_recomputes_and_the_old_key_goes_with_the_next_package(
    unit: Unit, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for folder in ("central", "handler"):
        (unit.outbox / folder).mkdir()
    runner = unit.runner
    source = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, source, JAN)
    factory.debrief(runner.vault, runner.scope, source, submit=True)
    old = new_key()
    deliver(unit, old)
    before = held(runner)[source]
    new = new_key(replaces=old.key_id)
    deliver(unit, new)
    # Recomputed under the new key: no token of the old one equals one of the new.
    now = {t for t in held(runner)[source] if t[0] == new.key_id}
    assert now == expected_tokens(new, JAN)
    assert not {t[2] for t in now} & {t[2] for t in before}
    assert [k.current for k in deconfliction_key.status(runner.vault).keys] == [True, False]
    sent = packages.export_package(runner.vault, runner.scope, to_dir=unit.outbox, all_new=True)
    # The package carries the new key's tokens only; the old key is forgotten.
    seed = keys.private_keys(unit.handler.vault).receiving_seed
    opened = package.open_package(sent.path.read_bytes(), seed)
    (entry,) = opened.body["sources"]
    assert {(t["key_id"], t["kind"], t["token"]) for t in entry["deconfliction"]} == now
    assert entry["deconfliction"] == sorted(
        entry["deconfliction"], key=lambda t: (t["key_id"], t["kind"], t["token"])
    )
    assert [k.key_id for k in deconfliction_key.status(runner.vault).keys] == [new.key_id]
    assert held(runner) == {source: now}
    assert "deconfliction.keys_forgotten" in actions(runner)
    # The handler imports it; the true identity was in no package body.
    result = package_receive.import_package(unit.handler.vault, unit.handler.scope, sent.path)
    assert result.new == 1
    plain = bytes(opened.container)
    for text in SECRETS:
        assert text.encode() not in plain
    # Neither a token nor a secret in the audit log or any log line.
    needles = [t for _, _, t in before | now]
    needles += [k.secret.hex() for k in (old, new)]
    needles += [base64.b64encode(k.secret).decode() for k in (old, new)]
    for party in unit.parties():
        with party.vault.read() as session:
            for detail in session.execute(select(AuditEvent.detail)).scalars():
                assert not any(n in detail for n in needles)
                assert not any(s in detail for s in SECRETS)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(n in logged for n in needles + list(SECRETS))


def test_an_older_key_does_not_undo_a_rotation(unit: Unit) -> None:
    handler = unit.handler
    current = new_key()
    older = deconfliction.new_key(bytes(32), SMALL, "2026-01-01T00:00:00.000000Z")
    package_receive.import_package(handler.vault, handler.scope, issue(unit, current))
    with pytest.raises(deconfliction_key.OlderKey, match="older than the one"):
        package_receive.import_package(handler.vault, handler.scope, issue(unit, older))
    assert [k.key_id for k in deconfliction_key.status(handler.vault).keys] == [current.key_id]


def test_a_key_from_the_wrong_role_is_refused_and_nothing_stored(
    unit: Unit, capsys: pytest.CaptureFixture[str]
) -> None:
    # A runner takes a key from its handler only, not from central directly ...
    central, runner, handler = unit.central, unit.runner, unit.handler
    introduce(runner, central, PeerRole.CENTRAL, "Central")
    introduce(central, runner, PeerRole.RUNNER, "Runner Valk")
    direct = deconfliction_key.write_key_package(
        central.vault, central.scope, new_key(), peer(central, "Runner Valk"), unit.outbox
    ).path
    # ... and a handler from central only, not from one of its runners.
    from_runner = deconfliction_key.write_key_package(
        runner.vault, runner.scope, new_key(), peer(runner, "Team handler"), unit.outbox
    ).path
    for party, path in ((runner, direct), (handler, from_runner)):
        with pytest.raises(deconfliction_key.WrongKeySender) as refused:
            package_receive.verify_package(party.vault, party.scope, path)
        with pytest.raises(deconfliction_key.WrongKeySender):
            package_receive.import_package(party.vault, party.scope, path)
        assert "\n" not in str(refused.value)
        assert deconfliction_key.status(party.vault).keys == []
        assert actions(party)[-1] == "package.refused"
    # The command line: one line on stderr, a user error's exit status.
    runner.vault.lock()
    pp = unit.outbox / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    capsys.readouterr()
    code = main(
        [
            "package",
            "import",
            str(direct),
            "--vault",
            str(runner.path),
            "--passphrase-file",
            str(pp),
        ]
    )
    _out, err = capsys.readouterr()
    assert code not in (0, 70)
    assert err.strip().splitlines() == [
        "veldboek: A deconfliction key is taken only from the central system (into a "
        "handler's vault) or from the team handler (into a runner's vault); nothing was stored."
    ]


def test_recompute_later_needs_the_right_passphrase(unit: Unit) -> None:
    for folder in ("central", "handler"):
        (unit.outbox / folder).mkdir()
    runner = unit.runner
    source = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, source, JAN)
    key = new_key()
    deliver(unit, key, passphrase=None)  # as from the GUI before the passphrase is given
    assert held(runner) == {}
    assert not deconfliction_key.status(runner.vault).keys[0].recomputed
    with pytest.raises(WrongPassphrase):
        identity_recompute.recompute(runner.vault, runner.scope, passphrase="not it at all")
    assert actions(runner)[-1] == "deconfliction.recompute_refused"
    done = identity_recompute.recompute(runner.vault, runner.scope, passphrase=factory.PASSPHRASE)
    assert (done.sources, done.tokens) == (1, 3)
    assert held(runner) == {source: expected_tokens(key, JAN)}


def test_a_handover_carries_the_tokens_and_the_new_runner_computes_its_own(
    unit: Unit, tmp_path: Path
) -> None:
    for folder in ("central", "handler"):
        (unit.outbox / folder).mkdir()
    runner, handler = unit.runner, unit.handler
    new_runner = open_party(tmp_path / "specht", "Specht", Role.RUNNER)
    try:
        introduce(new_runner, handler, PeerRole.HANDLER, "Team handler")
        introduce(handler, new_runner, PeerRole.RUNNER, "Runner Specht")
        introduce(runner, new_runner, PeerRole.RUNNER, "Runner Specht")
        introduce(new_runner, runner, PeerRole.RUNNER, "Runner Valk")
        source = factory.source(runner.vault, runner.scope, "MEREL")
        identity.record_identity(runner.vault, runner.scope, source, JAN)
        key = new_key()
        package_receive.import_package(handler.vault, handler.scope, issue(unit, key))
        for sent in deconfliction_key.forward(
            handler.vault, handler.scope, to_dir=unit.outbox / "handler"
        ):
            party = new_runner if sent.runner == "Runner Specht" else runner
            package_receive.import_package(
                party.vault, party.scope, sent.path, passphrase=factory.PASSPHRASE
            )
        handed = handover.hand_over(
            runner.vault,
            runner.scope,
            source,
            passphrase=factory.PASSPHRASE,
            to_runner="Runner Specht",
            to_dir=unit.outbox,
        )
        seed = keys.private_keys(handler.vault).receiving_seed
        opened = package.open_package(handed.path.read_bytes(), seed)
        (entry,) = opened.body["sources"]
        tokens = {(t["key_id"], t["kind"], t["token"]) for t in entry["deconfliction"]}
        assert tokens == expected_tokens(key, JAN)
        package_receive.import_package(new_runner.vault, new_runner.scope, handed.path)
        # Taken on with its identity: the new runner's vault made the same tokens.
        assert held(new_runner) == {source: tokens}
    finally:
        new_runner.vault.lock()


def test_a_handover_waits_for_a_withdrawal_still_to_send(unit: Unit, tmp_path: Path) -> None:
    """The new runner never sent the old tokens, so it cannot withdraw them: the
    old runner sends the withdrawal first, then hands the source over."""
    for folder in ("central", "handler"):
        (unit.outbox / folder).mkdir()
    runner, handler = unit.runner, unit.handler
    new_runner = open_party(tmp_path / "specht", "Specht", Role.RUNNER)
    try:
        introduce(runner, new_runner, PeerRole.RUNNER, "Runner Specht")
        package_receive.import_package(handler.vault, handler.scope, issue(unit, new_key()))
        (sent,) = deconfliction_key.forward(
            handler.vault, handler.scope, to_dir=unit.outbox / "handler"
        )
        package_receive.import_package(
            runner.vault, runner.scope, sent.path, passphrase=factory.PASSPHRASE
        )
        source = factory.source(runner.vault, runner.scope, "MEREL")
        identity.record_identity(runner.vault, runner.scope, source, JAN)
        packages.export_package(runner.vault, runner.scope, to_dir=unit.outbox, all_new=True)
        identity.record_identity(runner.vault, runner.scope, source, IdentityFields("Jan"))

        def hand_over() -> handover.HandoverResult:
            return handover.hand_over(
                runner.vault, runner.scope, source, passphrase=factory.PASSPHRASE,
                to_runner="Runner Specht", to_dir=unit.outbox,
            )  # fmt: skip

        with pytest.raises(InvalidInput, match="send everything new first"):
            hand_over()
        packages.export_package(runner.vault, runner.scope, to_dir=unit.outbox, all_new=True)
        assert hand_over().codename == "MEREL"
    finally:
        new_runner.vault.lock()


def test_the_commands(unit: Unit, capsys: pytest.CaptureFixture[str]) -> None:
    runner, handler = unit.runner, unit.handler
    source = factory.source(runner.vault, runner.scope, "MEREL")
    identity.record_identity(runner.vault, runner.scope, source, JAN)
    key = new_key()
    path = issue(unit, key)
    pp = unit.outbox / "pp"
    pp.write_text(factory.PASSPHRASE + "\n")
    for party in (runner, handler):
        party.vault.lock()

    def run(*args: str | Path) -> tuple[int, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert err == ""
        return code, out

    def vault(party: Party) -> list[str | Path]:
        return ["--vault", party.path, "--passphrase-file", pp]

    # Checked first: the key by its id, never its secret.
    code, text = run("package", "verify", path, *vault(handler))
    assert code == 0
    assert text.startswith("Verified: package 1 from Central (")
    assert f"), deconfliction key {key.key_id[:8]}…, made " in text
    assert "debriefs" not in text
    code, out = run("package", "verify", path, *vault(handler), "--json")
    assert json.loads(out)["key_id"] == key.key_id
    for shown in (text, out):
        assert key.secret.hex() not in shown
        assert base64.b64encode(key.secret).decode() not in shown
    assert run("package", "import", path, *vault(handler)) == (
        0,
        f"Took in deconfliction key {key.key_id} from Central; tokens recomputed for 0 sources.\n",
    )
    to = unit.outbox / "to-runners"
    to.mkdir()
    code, out = run(
        "keys", "deconfliction", "forward", *vault(handler), "--alias", "Havik", "--to", to
    )
    assert code == 0
    assert out.startswith("Deconfliction key for Runner Valk (package 1): ")
    (forwarded,) = to.iterdir()
    code, out = run("package", "import", forwarded, *vault(runner), "--json")
    assert code == 0
    assert json.loads(out)["recomputed"] == {"key_id": key.key_id, "sources": 1, "tokens": 3}
    code, out = run("keys", "deconfliction", "show", *vault(runner), "--json")
    shown = json.loads(out)
    assert shown["sources_with_identity"] == 1
    (view,) = shown["keys"]
    assert (view["key_id"], view["created_at"], view["sources_with_tokens"]) == (
        key.key_id,
        key.created_at,
        1,
    )
    assert key.secret.hex() not in out
    assert base64.b64encode(key.secret).decode() not in out
    code, out = run("keys", "deconfliction", "recompute", *vault(runner))
    assert out == f"Tokens recomputed under key {key.key_id}: 1 source, 3 tokens.\n"

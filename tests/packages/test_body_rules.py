"""The rules the format document sets across a package's records (section 7.1):
every id names one thing in a package (a contact once per debrief that carries
it), and a registration's closing is recorded whole. Refused alike by `package
verify` and `package import` (the one line, nothing imported); what Veldboek's own
writer makes holds them."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.enums import PeerRole, Role
from app.export import package
from app.models import Contact, Debrief
from app.services.exchange import keys, package_receive, packages
from app.services.records import debriefs
from app.services.records.debriefs import DebriefContent
from tests.helpers import factory
from tests.packages.conftest import Pair, introduce, open_party, rich_debrief
from tests.packages.test_strict_readers import Forge, refused_alike

TWICE = "names one id twice"
PART_CLOSED = "closed only in part"


def _forge(pair: Pair, tmp_path: Path, shared_contact: bool = False) -> Forge:
    """The runner's real package, taken apart (``test_strict_readers.forge``);
    ``shared_contact``: with a second debrief about the first one's contact."""
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    introduce(pair.runner, central, PeerRole.CENTRAL, "Central system")
    runner = pair.runner
    first = rich_debrief(runner, "STORM")
    if shared_contact:
        _second_about_the_same_contact(pair, first)
    sent = packages.export_package(runner.vault, runner.scope, to_dir=pair.outbox, all_new=True)
    seed = keys.private_keys(pair.handler.vault).receiving_seed
    opened = package.open_package(sent.path.read_bytes(), seed)
    manifest = dict(opened.inner.manifest)
    manifest.pop("body_sha256")
    manifest.pop("body_length")
    return Forge(pair, central, manifest, opened.body)


def _second_about_the_same_contact(pair: Pair, first: Any) -> None:
    runner = pair.runner
    view = debriefs.get_debrief(runner.vault, runner.scope, first)
    assert view.contact is not None
    second = debriefs.create_draft(
        runner.vault, runner.scope, view.source_id, contact_id=view.contact.id
    )
    content = DebriefContent(narrative="The same meeting.", critical_reflection="None.")
    debriefs.save_draft(runner.vault, runner.scope, second, content)
    debriefs.add_item(runner.vault, runner.scope, second, factory.graded_item())
    debriefs.submit(runner.vault, runner.scope, second)


@pytest.fixture
def forge(pair: Pair, tmp_path: Path) -> Iterator[Forge]:
    made = _forge(pair, tmp_path)
    yield made
    made.central.vault.lock()


def _records(body: dict[str, Any], type_name: str) -> list[dict[str, Any]]:
    return [r for r in body["records"] if r["type"] == type_name]


def _debrief(body: dict[str, Any]) -> dict[str, Any]:
    (entry,) = _records(body, "debrief")
    data: dict[str, Any] = entry["data"]
    return data


def _items_share_an_id(body: dict[str, Any]) -> None:
    items = _debrief(body)["items"]
    assert len(items) == 2  # sorted by position first: the order holds
    items[1]["id"] = items[0]["id"]


def _an_addendum_has_an_items_id(body: dict[str, Any]) -> None:
    d = _debrief(body)
    d["addenda"] = [
        {"author": None, "created_at": d["created_at"], "id": d["items"][0]["id"], "text": "x"}
    ]


def _the_contact_has_the_debriefs_id(body: dict[str, Any]) -> None:
    d = _debrief(body)
    d["contact"]["id"] = d["id"]


def _a_file_is_named_twice_under_one_id(body: dict[str, Any]) -> None:
    files = _debrief(body)["attachments"]
    again = copy.deepcopy(files[0])
    again["created_at"] = "2099-01-01T00:00:00.000000Z"  # after it: the order holds
    files.append(again)


def _a_tasking_has_a_payments_id(body: dict[str, Any], manifest: dict[str, Any]) -> None:
    (tasking,) = _records(body, "tasking")
    (payment,) = _records(body, "payment")
    (ref,) = [r for r in manifest["records"] if r["id"] == tasking["id"]]
    ref["id"] = tasking["id"] = tasking["data"]["id"] = payment["id"]


@pytest.mark.parametrize(
    "change",
    [
        _items_share_an_id,
        _an_addendum_has_an_items_id,
        _the_contact_has_the_debriefs_id,
        _a_file_is_named_twice_under_one_id,
    ],
    ids=["two items", "addendum and item", "contact and debrief", "two files"],
)
def test_one_id_named_twice_in_a_debrief_is_refused(
    forge: Forge, change: Callable[[dict[str, Any]], None]
) -> None:
    body = copy.deepcopy(forge.body)
    change(body)
    refused = refused_alike(forge, forge.seal(body=body))
    assert TWICE in str(refused)


def test_two_records_of_two_types_with_one_id_are_refused(forge: Forge) -> None:
    body, manifest = copy.deepcopy(forge.body), copy.deepcopy(forge.manifest)
    _a_tasking_has_a_payments_id(body, manifest)
    assert TWICE in str(refused_alike(forge, forge.seal(manifest, body)))


def test_a_contact_two_debriefs_share_goes_and_comes_whole(pair: Pair, tmp_path: Path) -> None:
    # The writer's own case: two debriefs about one meeting each carry its contact.
    made = _forge(pair, tmp_path, shared_contact=True)
    shared = [d["data"]["contact"] for d in _records(made.body, "debrief")]
    assert len(shared) == 2
    assert shared[0] == shared[1]
    data, handler = made.seal(), pair.handler
    assert package_receive.verify_package(handler.vault, handler.scope, data).records == 2
    assert package_receive.import_package(handler.vault, handler.scope, data).new == 2
    with handler.vault.read() as session:
        assert session.execute(select(func.count()).select_from(Contact)).scalar_one() == 1
        links = session.execute(select(Debrief.contact_id)).scalars().all()
        assert len(links) == 2
        assert len(set(links)) == 1
    made.central.vault.lock()


def test_a_shared_contact_that_differs_between_its_debriefs_is_refused(
    pair: Pair, tmp_path: Path
) -> None:
    made = _forge(pair, tmp_path, shared_contact=True)
    body = copy.deepcopy(made.body)
    _records(body, "debrief")[1]["data"]["contact"]["notes"] = "Another meeting."
    assert TWICE in str(refused_alike(made, made.seal(body=body)))
    made.central.vault.lock()


def _registration(body: dict[str, Any]) -> dict[str, Any]:
    (entry,) = _records(body, "registration")
    data: dict[str, Any] = entry["data"]
    return data


_AT = "2026-12-01T10:00:00.000000Z"
_WHOLE = {"closed_at": _AT, "close_reason": "Moved abroad.", "closed_on": "2026-12-01"}


@pytest.mark.parametrize(
    ("closing", "status"),
    [
        ({"closed_at": _AT}, "active"),  # the reader's case (B35)
        ({**_WHOLE, "closed_by": None}, "closed"),  # no one decided
        ({**_WHOLE, "closed_at": None}, "closed"),  # decided, never recorded
        ({"close_reason": "Moved abroad."}, "closed"),  # a reason alone
        ({**_WHOLE, "closed_by": "Valk"}, "active"),  # closed, the source not
    ],
    ids=["closed_at, active", "no closed_by", "no closed_at", "reason alone", "whole, active"],
)
def test_a_registration_closed_in_part_is_refused(
    forge: Forge, closing: dict[str, Any], status: str
) -> None:
    body = copy.deepcopy(forge.body)
    registration = _registration(body)
    registration.update(closing)
    body["sources"][0]["status"] = status
    assert PART_CLOSED in str(refused_alike(forge, forge.seal(body=body)))


@pytest.mark.parametrize(
    "closing",
    [{}, {"closed_at": _AT}, {**_WHOLE, "closed_by": "Valk"}],
    ids=["by its status alone", "closed_at alone (before migration 0013)", "whole"],
)
def test_a_closed_registration_as_vaults_hold_them_is_taken(
    forge: Forge, closing: dict[str, Any]
) -> None:
    body = copy.deepcopy(forge.body)
    _registration(body).update(closing)
    body["sources"][0]["status"] = "closed"
    data, handler = forge.seal(body=body), forge.pair.handler
    package_receive.verify_package(handler.vault, handler.scope, data)
    assert package_receive.import_package(handler.vault, handler.scope, data).new == 1


def test_text_is_taken_as_sent_not_nfc_and_nul_included(forge: Forge) -> None:
    # Section 5: no normalisation, no refusal; the hash is over the sender's bytes.
    body = copy.deepcopy(forge.body)
    sent = "Cafe\u0301 at the quay,\x00 then north."  # decomposed é, and a NUL
    _debrief(body)["narrative"] = sent
    data, handler = forge.seal(body=body), forge.pair.handler
    package_receive.verify_package(handler.vault, handler.scope, data)
    package_receive.import_package(handler.vault, handler.scope, data)
    with handler.vault.read() as session:
        assert session.execute(select(Debrief.narrative)).scalar_one() == sent


def test_a_version_3_package_with_a_debrief_and_none_of_its_file_is_read(forge: Forge) -> None:
    # Section 7.1: that a source's whole file travels is the writer's rule; a
    # reader takes what comes.
    body, manifest = copy.deepcopy(forge.body), copy.deepcopy(forge.manifest)
    body["records"] = _records(body, "debrief")
    manifest["records"] = [r for r in manifest["records"] if r["type"] == "debrief"]
    data, handler = forge.seal(manifest, body), forge.pair.handler
    assert package_receive.verify_package(handler.vault, handler.scope, data).records == 1
    assert package_receive.import_package(handler.vault, handler.scope, data).new == 1

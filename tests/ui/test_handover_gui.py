"""Handing a source over in the app, with real clicks and keys: "Hand over source…"
on the source file (the new runner's key picked, the passphrase typed, the question
answered), and on the Packages page a new runner taking a handed-over source on and
confirming it, after which the old runner's vault deletes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.domain.enums import PeerRole, Role
from app.models import Source
from app.services.admin import aliases
from app.services.exchange import handover, keys, package_receive, receipts, whole_file
from app.services.records import identity, sources
from app.services.views import IdentityFields
from app.ui.controller import AppController
from app.ui.dialogs.handover import HandoverDialog
from app.ui.main_window import MainWindow
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.helpers.gui_keys import switch_alias
from tests.packages.conftest import Party, open_party
from tests.ui.conftest import unlock
from tests.ui.test_packages_page import packages_page, show_tab


def _confirmed_both_ways(a: Party, b: Party, role_of_b: PeerRole, name_of_b: str) -> None:
    bundle = keys.read_bundle(
        keys.bundle_bytes(b.vault, keys.own_bundle(b.vault, name_of_b, role_of_b))
    )
    keys.add_peer(
        a.vault, a.scope, bundle, role=role_of_b, confirmed_spoken=bundle.fingerprint.spoken
    )


@pytest.fixture
def others(tmp_path: Path) -> Iterator[dict[str, Party]]:
    parties = {
        "runner": open_party(tmp_path / "other-runner", "Specht", Role.RUNNER),
        "handler": open_party(tmp_path / "handler", "Havik", Role.HANDLER),
    }
    yield parties
    for party in parties.values():
        if not party.vault.is_locked:
            party.vault.lock()


def _introduce_all(me: Party, others: dict[str, Party]) -> None:
    runner, hnd = others["runner"], others["handler"]
    _confirmed_both_ways(me, hnd, PeerRole.HANDLER, "Team handler")
    _confirmed_both_ways(me, runner, PeerRole.RUNNER, "Runner Specht")
    _confirmed_both_ways(runner, me, PeerRole.RUNNER, "Runner Valk")
    _confirmed_both_ways(runner, hnd, PeerRole.HANDLER, "Team handler")
    _confirmed_both_ways(hnd, me, PeerRole.RUNNER, "Runner Valk")
    _confirmed_both_ways(hnd, runner, PeerRole.RUNNER, "Runner Specht")


# The source file's buttons that add to the file.
_CHANGING = ("newContact", "newDebrief", "newTasking", "newPayment", "newRisk")


def test_hand_over_a_source_from_its_file(
    qtbot: QtBot,
    controller: AppController,
    others: dict[str, Party],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = unlock(qtbot, controller)
    me = Party(window.session.vault, window.session.scope, tmp_path)
    _introduce_all(me, others)
    source = factory.source(me.vault, me.scope, "OVERDRACHT")
    factory.debrief(me.vault, me.scope, source, submit=True)
    identity.record_identity(
        me.vault, me.scope, source, IdentityFields("Echte Naam", "", (), (), b"", "")
    )
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    view = page.file_view
    button = view.handover_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = view.handover_dialog
    assert isinstance(dialog, HandoverDialog)
    assert dialog.peer.currentText().startswith("Runner Specht")
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(usb)
    )
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_label.text() == str(usb)
    # Without the passphrase nothing happens but a word of why.
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert "passphrase" in dialog.status.text()
    qtbot.keyClicks(dialog.passphrase, factory.PASSPHRASE)
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    question = confirm(qtbot, "handoverConfirm")
    assert "OVERDRACHT" in question
    assert "Runner Specht" in question
    qtbot.waitUntil(lambda: "written to" in dialog.status.text(), timeout=30_000)
    (package_file,) = usb.iterdir()
    assert dialog.passphrase.text() == ""
    # The file shows the handover, and cannot be handed over twice; it is the new
    # runner's now, so nothing in it can be changed here either.
    qtbot.waitUntil(lambda: "awaiting" in view.fields["handover"].text())
    assert "read only here" in view.fields["handover"].text()
    for button in (view.handover_button, view.edit_button, view.close_button):
        assert not button.isEnabled()
    assert not view.record_identity_button.isEnabled()
    for name, enabled in (*((n, False) for n in _CHANGING), ("openDebrief", True)):
        found = view.findChild(QPushButton, name)
        assert found is not None
        assert found.isEnabled() is enabled, name  # reading stays

    # The new runner takes it on and confirms; the receipt empties this vault of it.
    new = others["runner"]
    package_receive.import_package(new.vault, new.scope, package_file)
    made = receipts.create_receipt(new.vault, new.scope, runner="Runner Valk", to_dir=tmp_path)
    packages = packages_page(qtbot, window)
    show_tab(qtbot, packages, 1)
    receive = packages.receive
    assert "OVERDRACHT: handed over to Runner Specht" in receive.handovers.text()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(made.path), ""),
    )
    qtbot.mouseClick(receive.take_receipt, Qt.MouseButton.LeftButton)
    confirm(qtbot, "receiptConfirm")
    qtbot.waitUntil(lambda: "confirmed" in receive.status.text(), timeout=30_000)
    with me.vault.read() as session:
        assert (
            session.execute(
                select(func.count()).select_from(Source).where(Source.id == source)
            ).scalar_one()
            == 0
        )
    assert "deleted here after the receipt" in receive.handovers.text()


def test_take_on_a_handed_over_source_on_the_packages_page(
    qtbot: QtBot,
    controller: AppController,
    others: dict[str, Party],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = unlock(qtbot, controller)
    me = Party(window.session.vault, window.session.scope, tmp_path)
    _introduce_all(me, others)
    old = others["runner"]
    source = factory.source(old.vault, old.scope, "GEKREGEN")
    factory.debrief(old.vault, old.scope, source, submit=True)
    identity.record_identity(
        old.vault, old.scope, source, IdentityFields("Andere Naam", "", (), (), b"", "")
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    sent = handover.hand_over(
        old.vault,
        old.scope,
        source,
        passphrase=factory.PASSPHRASE,
        to_runner="Runner Valk",
        to_dir=stick,
    )
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 1)
    receive = page.receive
    assert receive.handover_box.isVisible()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(sent.path), ""),
    )
    qtbot.mouseClick(receive.take_handover, Qt.MouseButton.LeftButton)
    question = confirm(qtbot, "importConfirm")
    assert "hands a source over" in question
    qtbot.waitUntil(lambda: "Took on" in receive.status.text(), timeout=30_000)
    assert f"Took on source GEKREGEN (id {source})" in receive.status.text()  # named
    held = whole_file.whole_file(me.vault, me.scope, source)
    assert held["source"]["codename"] == "GEKREGEN"
    assert "GEKREGEN: taken over from another runner" in receive.handovers.text()

    # Confirm it to the old runner: their vault then deletes it.
    index = receive.handover_runner.findText("Runner Specht")
    receive.handover_runner.setCurrentIndex(index)
    out = tmp_path / "receipt"
    out.mkdir()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(out)
    )
    qtbot.mouseClick(receive.handover_receipt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Receipt for 1 package" in receive.status.text(), timeout=30_000)
    (receipt_file,) = out.iterdir()
    receipts.import_receipt(old.vault, old.scope, receipt_file)
    with old.vault.read() as session:
        assert session.execute(select(func.count()).select_from(Source)).scalar_one() == 0


def test_without_another_runners_key_the_handover_confirmation_says_what_to_do(
    qtbot: QtBot, window: MainWindow, others: dict[str, Party]
) -> None:
    """No other runner to confirm a handover to: an empty choice would look broken;
    it is disabled and says where the key is added, until one is."""
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 1)
    receive = page.receive
    assert receive.handover_box.isVisible()
    assert not receive.handover_runner.isEnabled()
    assert not receive.handover_receipt.isEnabled()
    assert receive.handover_runner.placeholderText() == "No other runner's key yet"
    assert receive.handover_hint.isVisible()
    assert "Keys tab" in receive.handover_hint.text()
    me = Party(window.session.vault, window.session.scope, window.session.vault.paths.root)
    _confirmed_both_ways(me, others["runner"], PeerRole.RUNNER, "Runner Specht")
    show_tab(qtbot, page, 0)
    show_tab(qtbot, page, 1)  # shown again: read again
    assert receive.handover_runner.isEnabled()
    assert receive.handover_runner.currentText() == "Runner Specht"
    assert receive.handover_receipt.isEnabled()
    assert not receive.handover_hint.isVisible()


def test_an_alias_that_does_not_run_the_source_cannot_hand_it_over_or_close_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Reiger has access to a file Valk runs: it may read it and add to it, but the
    file's "Hand over source…" and "Close registration…" are disabled for it and say
    who may; for Valk they work."""
    vault, runner = window.session.vault, window.session.scope
    reiger = aliases.resolve_scope(vault, "Reiger")
    draft = sources.SourceDraft(codename="GEDEELD")
    source = sources.create_source(vault, runner, draft, share_with=(reiger.alias_id,))
    switch_alias(qtbot, window, "Reiger")
    window.open_source(source)
    page = window.page(SourcesPage)
    assert isinstance(page, SourcesPage)
    view = page.file_view
    for button in (view.handover_button, view.close_button):
        assert button.isVisible()
        assert not button.isEnabled()
        assert button.toolTip() == (
            f"Only {runner.alias_name}, the alias that runs this source, may hand it over "
            "or close its registration."
        )
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QApplication.activeModalWidget() is None  # no dialog, no question
    assert not hasattr(view, "handover_dialog")
    for name in ("editSource", *_CHANGING):
        found = view.findChild(QPushButton, name)
        assert found is not None
        assert found.isEnabled(), name

    switch_alias(qtbot, window, runner.alias_name)
    window.open_source(source)
    for button in (view.handover_button, view.close_button):
        assert button.isEnabled()
        assert button.toolTip() == ""

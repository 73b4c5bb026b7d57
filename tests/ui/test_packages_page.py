"""The Packages page as a runner and a handler use it: compare a fingerprint and
add a key, send everything new to a stick, check and import a package, issue and
take in a receipt, write a package again. Real widgets, real clicks and keys."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.domain.enums import PeerRole, Role
from app.errors import Notice
from app.services.exchange import keys, package_receive, packages, receipts
from app.services.records import debriefs
from app.ui.controller import AppController
from app.ui.main_window import MainWindow
from app.ui.packages.key_dialog import AddKeyDialog
from app.ui.pages.debrief_editor import DebriefPage
from app.ui.pages.packages import PackagesPage
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.packages.conftest import Party, open_party
from tests.ui.conftest import unlock


def packages_page(qtbot: QtBot, window: MainWindow) -> PackagesPage:
    """The Packages page, by a click on the navigation (which builds it, the first time)."""
    item = window.nav.item(window.page_classes().index(PackagesPage))
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.stack.currentWidget()
    assert isinstance(page, PackagesPage)
    assert page is window.page(PackagesPage)
    return page


def show_tab(qtbot: QtBot, page: PackagesPage, index: int) -> None:
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index


def message_box(name: str) -> QMessageBox:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
    ]
    assert boxes, name
    return boxes[-1]


def click_box_button(qtbot: QtBot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def handler_party(tmp_path: Path) -> Iterator[Party]:
    party = open_party(tmp_path / "handler-vault", "Havik", Role.HANDLER)
    yield party
    if not party.vault.is_locked:
        party.vault.lock()


def bundle_file(party: Party, role: PeerRole, path: Path) -> Path:
    bundle = keys.own_bundle(party.vault, party.scope.alias_name, role)
    path.write_bytes(keys.bundle_bytes(party.vault, bundle))
    return path


@pytest.mark.usefixtures("english")
def test_a_runner_adds_the_handlers_key_sends_and_takes_in_the_receipt(
    qtbot: QtBot,
    controller: AppController,
    handler_party: Party,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    planned_on: list[threading.Thread] = []
    plan = packages.plan_export

    def recorded_plan(*args: object, **kwargs: object) -> packages.ExportPlan:
        planned_on.append(threading.current_thread())
        return plan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(packages, "plan_export", recorded_plan)
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 3)
    own = keys.own_fingerprint(vault)
    assert page.keys.spoken.text() == own.spoken
    assert not page.keys.qr.pixmap().isNull()

    key_file = bundle_file(handler_party, PeerRole.HANDLER, tmp_path / "havik.veldboek-key")
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getOpenFileName", lambda *a, **k: (str(key_file), "")
    )
    qtbot.mouseClick(page.keys.findChild(QPushButton, "addPeerKey"), Qt.MouseButton.LeftButton)
    dialog = page.keys.dialog
    assert isinstance(dialog, AddKeyDialog)
    qtbot.keyClicks(dialog.spoken, "11111 22222 33333")
    qtbot.keyClick(dialog.spoken, Qt.Key.Key_Return)
    assert "does not match" in dialog.error.text()
    assert keys.list_peers(vault) == []
    dialog.spoken.clear()
    qtbot.keyClicks(dialog.spoken, keys.own_fingerprint(handler_party.vault).spoken)
    qtbot.keyClick(dialog.spoken, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.keys.peers.model.rowCount() == 1)
    assert [p.role for p in keys.list_peers(vault)] == [PeerRole.HANDLER]

    # Send: every new debrief the runner's alias sees, to a chosen folder.
    source = factory.source(vault, scope, "GUIBRON")
    factory.debrief(vault, scope, source, submit=True)
    show_tab(qtbot, page, 0)
    send = page.send
    qtbot.waitUntil(lambda: send.plan is not None, timeout=30_000)
    assert send.plan is not None
    assert send.plan.candidates
    assert send.export_new.isEnabled()
    assert planned_on
    assert threading.main_thread() not in planned_on
    assert "Havik" in send.recipients.text()
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(usb)
    )
    if send.plan.blocked:  # demo data the runner must complete first stays behind
        pytest.fail("the demo vault's submitted debriefs should all be complete")
    qtbot.mouseClick(send.export_new, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "written to" in send.status.text(), timeout=30_000)
    click_box_button(qtbot, message_box("exportDone"), "OK")
    (package_file,) = usb.iterdir()
    assert send.status.text().startswith("Nothing new") or "Package 1" in send.status.text()

    # The handler (another vault) imports it and confirms it.
    runner_key = bundle_file(Party(vault, scope, tmp_path), PeerRole.RUNNER, tmp_path / "r.key")
    bundle = keys.read_bundle(runner_key.read_bytes())
    keys.add_peer(
        handler_party.vault,
        handler_party.scope,
        bundle,
        role=PeerRole.RUNNER,
        confirmed_spoken=bundle.fingerprint.spoken,
        name="Runner Valk",
    )
    package_receive.import_package(
        handler_party.vault, handler_party.scope, package_file.read_bytes()
    )
    receipt = receipts.create_receipt(
        handler_party.vault, handler_party.scope, runner="Runner Valk", to_dir=tmp_path
    )

    # The log shows the package awaiting its receipt; it can be written again.
    show_tab(qtbot, page, 2)
    log = page.log
    assert log.table.model.rowCount() == 1
    log.table.view.selectRow(0)
    again = tmp_path / "again"
    again.mkdir()
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(again)
    )
    qtbot.mouseClick(log.write_button, Qt.MouseButton.LeftButton)
    assert "Written again" in log.status.text()
    assert (again / package_file.name).read_bytes() == package_file.read_bytes()

    # Taking the receipt in confirms the package and purges per the retention rule.
    show_tab(qtbot, page, 1)
    receive = page.receive
    assert receive.handler_box.isHidden()  # a runner does not import packages
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(receipt.path), ""),
    )
    qtbot.mouseClick(receive.take_receipt, Qt.MouseButton.LeftButton)
    # The vault deletes what the handler confirms (the default rule): it asks first.
    question = confirm(qtbot, "receiptConfirm")
    assert receipt.path.name in question
    assert "no trace" in question
    qtbot.waitUntil(lambda: "confirmed" in receive.status.text(), timeout=30_000)
    assert "1 package confirmed" in receive.status.text()
    click_box_button(qtbot, message_box("receiptDone"), "OK")
    show_tab(qtbot, page, 2)
    model = log.table.model
    ways = {model.index(r, 1).data(): model.index(r, 5).data() for r in range(model.rowCount())}
    assert ways["package sent"].startswith("confirmed")
    assert "receipt received" in ways

    # Locking clears every tab.
    controller.lock.lock("manual")
    assert page.keys.spoken.text() == ""


def runner_of(handler: Party, tmp_path: Path) -> Party:
    """A runner's vault (alias Kievit) and ``handler`` (alias Havik), each holding
    the other's confirmed key."""
    runner = open_party(tmp_path / "runner-vault", "Kievit", Role.RUNNER)
    for a, b, alias, role in (
        (runner, handler, "Havik", PeerRole.HANDLER),
        (handler, runner, "Kievit", PeerRole.RUNNER),
    ):
        bundle = keys.read_bundle(keys.bundle_bytes(b.vault, keys.own_bundle(b.vault, alias, role)))
        keys.add_peer(
            a.vault, a.scope, bundle, role=role, confirmed_spoken=bundle.fingerprint.spoken
        )
    return runner


@pytest.mark.usefixtures("english")
def test_a_handler_checks_imports_and_confirms_a_runners_package(
    qtbot: QtBot,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = unlock(qtbot, controller)
    window.session.switch_alias("Havik")
    vault, scope = window.session.vault, window.session.scope
    assert scope.role is Role.HANDLER
    runner = runner_of(Party(vault, scope, tmp_path), tmp_path)
    try:
        source = factory.source(runner.vault, runner.scope, "VERRE")
        factory.debrief(runner.vault, runner.scope, source, narrative="From afar.", submit=True)
        out = tmp_path / "stick"
        out.mkdir()
        sent = packages.export_package(runner.vault, runner.scope, to_dir=out, all_new=True)

        page = packages_page(qtbot, window)
        show_tab(qtbot, page, 1)
        receive = page.receive
        assert receive.handler_box.isVisible()
        monkeypatch.setattr(
            "app.ui.packages.common.QFileDialog.getOpenFileName",
            lambda *a, **k: (str(sent.path), ""),
        )
        qtbot.mouseClick(receive.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: receive.confirm is not None, timeout=30_000)
        question = confirm(qtbot, "importConfirm")
        assert "Kievit" in question
        assert "1 debrief, " in question
        assert "(s)" not in question
        qtbot.waitUntil(lambda: "Imported package 1" in receive.status.text(), timeout=30_000)
        # The same file again is refused before anything changes.
        qtbot.mouseClick(receive.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Refused" in receive.status.text(), timeout=30_000)

        monkeypatch.setattr(
            "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(out)
        )
        assert receive.runner_choice.currentText() == "Kievit"
        qtbot.mouseClick(receive.receipt_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Receipt for 1 package" in receive.status.text(), timeout=30_000)
        receipt_files = [p for p in out.iterdir() if p != sent.path]
        assert len(receipt_files) == 1
        taken = receipts.import_receipt(runner.vault, runner.scope, receipt_files[0].read_bytes())
        assert taken.confirmed == 1
    finally:
        runner.vault.lock()


def test_a_receipts_warnings_are_shown_with_what_it_did(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warning = Notice("Package {numbers} from this sender has not arrived.", numbers="2")
    taken = receipts.ReceiptImport(
        receipt_id=uuid.uuid4(),
        sender="Team handler",
        confirmed=1,
        already_confirmed=0,
        reviews_applied=0,
        purged=1,
        retention="delete",
        warnings=(warning,),
    )
    monkeypatch.setattr(receipts, "import_receipt", lambda *a, **k: taken)
    window = unlock(qtbot, controller)
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 1)
    receive = page.receive
    receipt_file = tmp_path / "receipt.age"
    receipt_file.write_bytes(b"read by the monkeypatched service")
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(receipt_file), ""),
    )
    qtbot.mouseClick(receive.take_receipt, Qt.MouseButton.LeftButton)
    confirm(qtbot, "receiptConfirm")
    qtbot.waitUntil(lambda: "confirmed" in receive.status.text(), timeout=30_000)
    assert warning in receive.status.text()
    box = message_box("receiptDone")
    assert box.informativeText() == warning
    click_box_button(qtbot, box, "OK")


def test_a_handler_reads_every_version_a_runner_sent(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    window = unlock(qtbot, controller)
    window.session.switch_alias("Havik")
    handler = Party(window.session.vault, window.session.scope, tmp_path)
    runner = runner_of(handler, tmp_path)
    out = tmp_path / "stick"
    out.mkdir()

    def send() -> None:
        sent = packages.export_package(runner.vault, runner.scope, to_dir=out, all_new=True)
        package_receive.import_package(handler.vault, handler.scope, sent.path.read_bytes())

    try:
        source = factory.source(runner.vault, runner.scope, "VERSIE")
        debrief_id = factory.debrief(
            runner.vault, runner.scope, source, narrative="First telling.", submit=True
        )
        send()
        debriefs.add_addendum(runner.vault, runner.scope, debrief_id, "Later: a second car.")
        send()
    finally:
        runner.vault.lock()
    window.open_debrief(debrief_id)
    page = window.stack.currentWidget()
    assert isinstance(page, DebriefPage)
    assert page.versions_button.isVisible()
    assert "(2)" in page.versions_button.text()
    qtbot.mouseClick(page.versions_button, Qt.MouseButton.LeftButton)
    dialog = page.versions_dialog
    assert dialog is not None
    assert dialog.list.count() == 2
    qtbot.waitUntil(lambda: dialog.shown == 2, timeout=30_000)  # the newest, read off-thread
    assert "second car" in dialog.text.toPlainText()
    assert "First telling." in dialog.text.toPlainText()
    first = dialog.list.item(0)
    rect = dialog.list.visualItemRect(first)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dialog.shown == 1, timeout=30_000)
    assert "First telling." in dialog.text.toPlainText()
    assert "second car" not in dialog.text.toPlainText()
    dialog.close()


def test_a_handler_sees_the_packages_that_did_not_arrive_as_ranges(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    window = unlock(qtbot, controller)
    window.session.switch_alias("Havik")
    handler = Party(window.session.vault, window.session.scope, tmp_path)
    runner = runner_of(handler, tmp_path)
    out = tmp_path / "stick"
    out.mkdir()
    try:
        source = factory.source(runner.vault, runner.scope, "GAT")
        sent = []
        for n in range(4):  # packages 1 to 4; only the last reaches the handler
            factory.debrief(runner.vault, runner.scope, source, narrative=f"Meet {n}.", submit=True)
            sent.append(
                packages.export_package(runner.vault, runner.scope, to_dir=out, all_new=True)
            )
        package_receive.import_package(handler.vault, handler.scope, sent[-1].path.read_bytes())
    finally:
        runner.vault.lock()
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, 1)
    assert page.receive.missing.text() == "Missing from Kievit: packages 1–3"

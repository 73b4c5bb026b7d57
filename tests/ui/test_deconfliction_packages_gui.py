"""A handler on the Packages page with blind deconfliction: the central system's key
and its notices come in through the ordinary "Check and import a package…" (the
passphrase asked for the key's tokens); a notice signed by another key than
central's is refused in one line; the Keys tab shows the key by its id's first
digits, never its secret, and forwards it to each runner. Real clicks and keys."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.enums import PeerRole, Role
from app.export.deconfliction import DeconflictionKey
from app.export.errors import NotForThisVault
from app.services.exchange import deconfliction_key, deconfliction_notices, package_receive
from app.ui.main_window import MainWindow
from app.ui.pages.home import HomePage
from app.ui.pages.packages import PackagesPage
from tests.helpers import factory
from tests.helpers.boxes import confirm
from tests.helpers.deconfliction import new_key, notice, open_match, peer
from tests.packages.conftest import Party, introduce, open_party
from tests.ui.test_packages_page import packages_page, show_tab

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def havik(window: MainWindow, tmp_path: Path) -> Iterator[tuple[Party, Party]]:
    """The demo vault's handler (Havik) on screen, and a stand-in for the central
    system, each holding the other's confirmed key."""
    window.session.switch_alias("Havik")
    me = Party(window.session.vault, window.session.scope, tmp_path)
    central = open_party(tmp_path / "central", "Centraal", Role.HANDLER)
    introduce(me, central, PeerRole.CENTRAL, "Central")
    introduce(central, me, PeerRole.HANDLER, "Team handler")
    yield me, central
    central.vault.lock()


def _pick(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        "app.ui.packages.common.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), "")
    )


def _passphrase_dialog() -> QInputDialog | None:
    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QInputDialog)
        and w.objectName() == "deconflictionPassphrase"
        and w.isVisible()
    ]
    return found[-1] if found else None


def _type_passphrase(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: _passphrase_dialog() is not None, timeout=10_000)
    dialog = _passphrase_dialog()
    assert dialog is not None
    edit = dialog.findChild(QLineEdit)
    assert edit is not None
    assert edit.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(edit, factory.PASSPHRASE)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _keys_tab(qtbot: QtBot, window: MainWindow) -> PackagesPage:
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, page.tabs.indexOf(page.keys))
    return page


# A runner without the key is told who sends it and where it is taken in (not a
# sentence that reads as if the handler sent it on the Receive tab).
NO_KEY = {
    "en": "No deconfliction key yet: your team handler sends you one; take it in on the "
    "Receive tab.",
    "nl": "Nog geen deconflictiesleutel: uw teamleider stuurt u er een; lees die in op het "
    "tabblad Ontvangen.",
}


def test_a_runner_without_the_key_is_told_where_to_take_it_in(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    assert not window.session.scope.is_handler
    page = _keys_tab(qtbot, window)
    assert page.keys.deconfliction.state.text() == NO_KEY[language]


@pytest.mark.usefixtures("english")
def test_a_handler_imports_centrals_key_and_a_notice_on_the_packages_page(
    qtbot: QtBot,
    window: MainWindow,
    havik: tuple[Party, Party],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me, central = havik
    key = new_key()
    to_me = peer(central, "Team handler")
    sent = deconfliction_key.write_key_package(central.vault, central.scope, key, to_me, tmp_path)
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, page.tabs.indexOf(page.receive))
    receive = page.receive
    assert receive.handler_box.isVisible()

    _pick(monkeypatch, sent.path)
    qtbot.mouseClick(receive.import_button, LEFT)
    qtbot.waitUntil(lambda: receive.confirm is not None or bool(receive.status.text()))
    assert receive.status.text() == ""
    question = confirm(qtbot, "importConfirm")
    assert f"deconfliction key {key.key_id[:8]}…" in question
    _type_passphrase(qtbot)
    qtbot.waitUntil(lambda: "Took in deconfliction key" in receive.status.text(), timeout=30_000)
    held = deconfliction_key.status(me.vault)
    assert [(k.key_id, k.recomputed) for k in held.keys] == [(key.key_id, True)]

    source = factory.source(me.vault, me.scope, "DUBBEL")
    told = notice(central, to_me, [open_match(source)], tmp_path / "notice.age", after=sent.path)
    _pick(monkeypatch, told)
    before = receive.status.text()
    qtbot.mouseClick(receive.import_button, LEFT)
    qtbot.waitUntil(lambda: receive.confirm is not None or receive.status.text() != before)
    assert receive.status.text() == before
    question = confirm(qtbot, "importConfirm")
    assert "deconfliction notice" in question
    assert "1 possible match with a source" in question
    qtbot.waitUntil(lambda: "deconfliction notice 2" in receive.status.text(), timeout=30_000)
    assert receive.status.text().startswith(
        "Took in deconfliction notice 2 from Central: 1 match, 1 open."
    )
    home = window.show_page(HomePage)
    assert isinstance(home, HomePage)
    home.reload()
    assert home.matches.text().startswith(
        "DUBBEL: Possibly the same person as a source of team Zuid: phone number (match "
    )


def test_a_notice_signed_by_another_key_than_centrals_is_refused_in_one_line(
    qtbot: QtBot,
    window: MainWindow,
    havik: tuple[Party, Party],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me, _central = havik
    runner = open_party(tmp_path / "runner", "Kievit", Role.RUNNER)
    try:
        introduce(me, runner, PeerRole.RUNNER, "Kievit")
        introduce(runner, me, PeerRole.HANDLER, "Team handler")
        source = factory.source(me.vault, me.scope, "DUBBEL")
        forged = notice(
            runner, peer(runner, "Team handler"), [open_match(source)], tmp_path / "forged.age"
        )
    finally:
        runner.vault.lock()
    page = packages_page(qtbot, window)
    show_tab(qtbot, page, page.tabs.indexOf(page.receive))
    _pick(monkeypatch, forged)
    qtbot.mouseClick(page.receive.import_button, LEFT)
    qtbot.waitUntil(lambda: "Refused" in page.receive.status.text(), timeout=30_000)
    assert page.receive.status.text() == (
        "Refused: A deconfliction notice comes from the central system's key (role "
        "central); this one is signed by another."
    )
    assert page.receive.confirm is None  # no question to import it
    assert deconfliction_notices.open_matches(me.vault, me.scope) == []


def _texts(root: QWidget) -> list[str]:
    """Every text the window and its open dialogs show: labels, buttons, fields,
    group titles, tooltips, window titles, and every cell of every list or table."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for top in QApplication.topLevelWidgets():
        widgets += [top, *top.findChildren(QWidget)]
    for w in widgets:
        found += [w.windowTitle(), w.toolTip()]
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            found.append(w.text())
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            found.append(w.toPlainText())
        elif isinstance(w, QGroupBox):
            found.append(w.title())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            top_left = QModelIndex()
            # A list model's column count is private to it: one column.
            listed = isinstance(model, QAbstractListModel)
            columns = 1 if listed else model.columnCount(top_left)
            for row in range(model.rowCount(top_left)):
                for column in range(columns):
                    found.append(str(model.index(row, column, top_left).data() or ""))
    return found


def _secret_forms(key: DeconflictionKey) -> list[str]:
    raw = key.secret
    return [
        raw.hex(), raw.hex().upper(), base64.b64encode(raw).decode(),
        base64.urlsafe_b64encode(raw).decode().rstrip("="), raw.hex()[:16],
    ]  # fmt: skip


@pytest.mark.usefixtures("english")
def test_the_keys_tab_shows_the_key_by_its_id_and_never_its_secret(
    qtbot: QtBot, window: MainWindow, havik: tuple[Party, Party], tmp_path: Path
) -> None:
    me, central = havik
    key = new_key()
    sent = deconfliction_key.write_key_package(
        central.vault, central.scope, key, peer(central, "Team handler"), tmp_path
    )
    # Taken in without the passphrase (the question was left): tokens still to compute.
    package_receive.import_package(me.vault, me.scope, sent.path)
    page = _keys_tab(qtbot, window)
    box = page.keys.deconfliction
    state = box.state.text()
    assert f"Key {key.key_id[:8]}… made " in state
    assert "Not yet recomputed." in state
    assert "tokens under it for 0 of " in state
    assert "(s)" not in state
    assert box.forward_button.isVisible()
    assert box.recompute_button.isVisible()

    qtbot.mouseClick(box.recompute_button, LEFT)
    _type_passphrase(qtbot)
    qtbot.waitUntil(lambda: "Tokens computed" in box.status.text(), timeout=30_000)
    assert "Not yet recomputed" not in box.state.text()
    shown = "\n".join(_texts(window))
    assert key.key_id[:8] in shown
    for form in _secret_forms(key):
        assert form not in shown


@pytest.mark.usefixtures("english")
def test_forward_writes_one_key_package_per_runner(
    qtbot: QtBot,
    window: MainWindow,
    havik: tuple[Party, Party],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    me, central = havik
    key = new_key()
    sent = deconfliction_key.write_key_package(
        central.vault, central.scope, key, peer(central, "Team handler"), tmp_path
    )
    package_receive.import_package(me.vault, me.scope, sent.path)
    runners = [open_party(tmp_path / name, name, Role.RUNNER) for name in ("Kievit", "Grutto")]
    try:
        for runner in runners:
            name = runner.scope.alias_name
            introduce(me, runner, PeerRole.RUNNER, name)
            introduce(runner, me, PeerRole.HANDLER, "Team handler")
        out = tmp_path / "stick"
        out.mkdir()
        monkeypatch.setattr(
            "app.ui.packages.common.QFileDialog.getExistingDirectory", lambda *a, **k: str(out)
        )
        page = _keys_tab(qtbot, window)
        box = page.keys.deconfliction
        qtbot.mouseClick(box.forward_button, LEFT)
        qtbot.waitUntil(lambda: "written for" in box.status.text(), timeout=30_000)
        assert box.status.text().startswith(
            "Deconfliction key written for 2 runners (Grutto, Kievit)"
        )
        written = sorted(out.iterdir())
        assert len(written) == 2
        # Each runner's vault takes exactly one of them: each is sealed to one runner.
        for runner in runners:
            taken = []
            for path in written:
                try:
                    check = package_receive.verify_package(runner.vault, runner.scope, path)
                except NotForThisVault:  # sealed to the other runner
                    continue
                taken.append(check.key_id)
            assert taken == [key.key_id]
    finally:
        for runner in runners:
            runner.vault.lock()

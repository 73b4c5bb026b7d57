"""No dead ends: sending without a handler's key says in the app's own words how to
add one and leads to the key dialog; the key file picker shows the file `keys
export --out NAME` wrote, whatever its name; the fingerprint field shows all 50
digits; the status bar always shows the idle lock; a new language applies at once.
Real widgets, real clicks and keys, English and Dutch."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QListView,
    QMessageBox,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from app.cli import main as cli_main
from app.domain.enums import PeerRole, Role
from app.services.admin import local_config
from app.services.exchange import keys
from app.ui import i18n
from app.ui.main_window import MainWindow
from app.ui.packages.key_dialog import AddKeyDialog
from app.ui.pages.audit import AuditPage
from app.ui.pages.packages import PackagesPage
from app.ui.pages.settings import SettingsPage
from app.ui.pages.sources import SourcesPage
from tests.helpers import factory
from tests.packages.conftest import open_party

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dutch() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "nl")
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def handler_key(tmp_path: Path) -> tuple[Path, str]:
    """A handler's key as `veldboek keys export --out handler.key` writes it (no
    .veldboek-key ending), and the fingerprint its owner reads out."""
    party = open_party(tmp_path / "handler-vault", "Havik", Role.HANDLER)
    spoken = keys.own_fingerprint(party.vault).spoken
    party.vault.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(factory.PASSPHRASE + "\n", encoding="utf-8")
    out = tmp_path / "handler.key"
    code = cli_main(
        [
            "keys",
            "export",
            "--vault",
            str(tmp_path / "handler-vault"),
            "--passphrase-file",
            str(secret),
            "--out",
            str(out),
            "--role",
            "handler",
        ]
    )
    assert code == 0
    assert out.exists()
    return out, spoken


def _packages(window: MainWindow) -> PackagesPage:
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    return page


def test_sending_without_a_handlers_key_leads_to_adding_one(
    qtbot: QtBot,
    window: MainWindow,
    handler_key: tuple[Path, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_file, spoken = handler_key
    asked: list[tuple[str, str]] = []

    def pick(_parent: object, _title: str, folder: str, pattern: str) -> tuple[str, str]:
        asked.append((folder, pattern))
        return str(key_file), pattern.split(";;")[0]

    monkeypatch.setattr("app.ui.packages.common.QFileDialog.getOpenFileName", pick)
    page = _packages(window)
    send = page.send
    qtbot.waitUntil(lambda: send.no_recipient, timeout=30_000)
    text = send.recipients.text()
    assert "No team handler's key is known yet" in text
    assert "Save my public key" in text  # where the handler finds it, in the app's words
    assert "keys import" not in text  # not the command line's
    assert send.add_key_button.isVisible()
    assert send.export_new.isEnabled()

    # Trying to send anyway explains, and leads to the key dialog.
    qtbot.mouseClick(send.export_new, LEFT)
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "noRecipient" and w.isVisible()
    )
    assert "No team handler's key is known yet" in box.text()
    add = next(b for b in box.findChildren(QPushButton) if "Add the team handler" in b.text())
    qtbot.mouseClick(add, LEFT)
    assert page.tabs.currentWidget() is page.keys
    dialog = page.keys.dialog
    assert isinstance(dialog, AddKeyDialog)
    assert dialog.isVisible()
    assert asked
    assert asked[0][1].split(";;")[0] == "All files (*)"  # the picker shows any name
    qtbot.keyClicks(dialog.spoken, spoken)
    qtbot.keyClick(dialog.spoken, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [p.role for p in keys.list_peers(window.session.vault)] != [])
    assert [p.role for p in keys.list_peers(window.session.vault)] == [PeerRole.HANDLER]
    page.tabs.setCurrentWidget(page.send)
    qtbot.waitUntil(lambda: not send.no_recipient and send.plan is not None, timeout=30_000)
    assert not send.add_key_button.isVisible()
    assert "Havik" in send.recipients.text()


def test_no_handlers_key_in_dutch(qtbot: QtBot, dutch: None, window: MainWindow) -> None:
    send = _packages(window).send
    qtbot.waitUntil(lambda: send.no_recipient, timeout=30_000)
    assert send.recipients.text().startswith("Er is nog geen sleutel van een teamleider bekend")
    assert send.add_key_button.text() == "Sleutel van de teamleider toevoegen…"


def test_the_key_file_picker_shows_an_exported_key_whatever_its_name(
    qtbot: QtBot, window: MainWindow, handler_key: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file, _spoken = handler_key
    patterns: list[str] = []

    def cancel(_parent: object, _title: str, _folder: str, pattern: str) -> tuple[str, str]:
        patterns.append(pattern)
        return "", ""

    monkeypatch.setattr("app.ui.packages.common.QFileDialog.getOpenFileName", cancel)
    page = _packages(window)
    page.tabs.setCurrentWidget(page.keys)
    qtbot.mouseClick(page.keys.findChild(QPushButton, "addPeerKey"), LEFT)
    (pattern,) = patterns
    # The same filters in a real file dialog, opened on the folder with the key.
    picker = QFileDialog(window, "", str(key_file.parent), pattern)
    picker.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(picker)
    picker.show()
    view = picker.findChild(QListView, "listView")
    assert view is not None

    def listed() -> list[str]:
        model, root = view.model(), view.rootIndex()
        return [model.index(r, 0, root).data() for r in range(model.rowCount(root))]

    qtbot.waitUntil(lambda: "handler.key" in listed(), timeout=5_000)
    assert picker.selectedNameFilter() == "All files (*)"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_fingerprint_field_shows_all_fifty_digits(
    qtbot: QtBot, window: MainWindow, handler_key: tuple[Path, str], language: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, language) if language == "nl" else []
    try:
        key_file, spoken = handler_key
        bundle = keys.read_bundle_file(key_file)
        page = _packages(window)
        page.tabs.setCurrentWidget(page.keys)
        dialog = page.keys.open_add_dialog(bundle)
        qtbot.waitExposed(dialog)
        field = dialog.spoken
        qtbot.keyClicks(field, spoken)
        assert len(spoken.replace(" ", "")) == 50
        # The cursor at the end and the first digit still at the left edge: nothing
        # scrolled out of view.
        assert field.cursorPosition() == len(spoken)
        assert field.cursorPositionAt(QPoint(2, field.height() // 2)) == 0
        assert field.cursorRect().right() < field.width()
        assert field.fontMetrics().horizontalAdvance(spoken) < field.contentsRect().width()
        own = page.keys.spoken
        assert own.width() >= own.fontMetrics().horizontalAdvance(own.text())
        dialog.reject()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


def test_the_status_bar_always_shows_the_idle_lock(qtbot: QtBot, window: MainWindow) -> None:
    label = window.idle_status
    assert label.isVisible()
    assert label.text() == "Locks after 5 min without activity · Panic: F12"
    # A passing message does not push it out.
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "Open a source's file" in window.statusBar().currentMessage()
    assert label.isVisible()
    page = window.show_page(SettingsPage)
    assert isinstance(page, SettingsPage)
    page.idle.setFocus()
    page.idle.selectAll()
    qtbot.keyClicks(page.idle, "9")
    qtbot.mouseClick(page.save_button, LEFT)
    assert label.text() == "Locks after 9 min without activity · Panic: F12"


def test_the_status_bar_in_dutch(qtbot: QtBot, dutch: None, window: MainWindow) -> None:
    assert window.idle_status.text() == "Vergrendelt na 5 min zonder activiteit · Paniek: F12"


def _choose_language(qtbot: QtBot, page: SettingsPage, code: str) -> None:
    combo = page.findChild(QComboBox, "languageCombo")
    assert combo is not None
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == code:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == code
    qtbot.mouseClick(page.save_button, LEFT)


def test_changing_the_language_applies_at_once(qtbot: QtBot, window: MainWindow) -> None:
    vault, scope = window.session.vault, window.session.scope
    source = factory.source(vault, scope, "TAAL")
    try:
        page = window.show_page(SettingsPage)
        assert isinstance(page, SettingsPage)
        _choose_language(qtbot, page, "nl")
        qtbot.waitUntil(lambda: window.nav.item(1).text() == "Bronnen", timeout=5_000)
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert nav[:3] == ["Start", "Bronnen", "Debriefings"]
        assert "U werkt als" in window.band.label.text()
        assert window.idle_status.text().startswith("Vergrendelt na 5 min")
        # Still where the user was: on the (rebuilt) Settings page.
        settings = window.stack.currentWidget()
        assert isinstance(settings, SettingsPage)
        assert settings is not page
        assert settings.save_button.text() == "Instellingen opslaan"
        assert local_config.load().language == "nl"
        # The rebuilt window works: a source file opens, in Dutch.
        window.open_source(source)
        sources = window.page(SourcesPage)
        assert isinstance(sources, SourcesPage)
        assert sources.file_view.tabs.tabText(0) == "Overzicht"
        # A page first built after the switch (pages are built when first shown)
        # comes up in Dutch too: reached by a click on the navigation.
        assert window.built(AuditPage) is None
        row = window.page_classes().index(AuditPage)
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        audit = window.stack.currentWidget()
        assert isinstance(audit, AuditPage)
        assert audit.verify_button.text() == "Hele logboek controleren"
        settings = window.show_page(SettingsPage)
        assert isinstance(settings, SettingsPage)
        _choose_language(qtbot, settings, "en")
        qtbot.waitUntil(lambda: window.nav.item(1).text() == "Sources", timeout=5_000)
        assert "Acting as" in window.band.label.text()
    finally:
        i18n.switch("en")
        QLocale.setDefault(QLocale("en_US"))

"""The Send tab counts in words, not "debrief(s)": "1 debrief ready to send.",
"2 debriefs …", and the package written says "with 1 debrief" (Qt's plural forms:
English from veldboek_en.qm, Dutch from veldboek_nl.qm)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.enums import PeerRole, Role
from app.services.exchange import keys
from app.ui.controller import AppController
from app.ui.pages.packages import PackagesPage
from tests.helpers import factory
from tests.packages.conftest import open_party
from tests.ui.conftest import unlock

READY = {
    "en": ("1 debrief ready to send.", "{n} debriefs ready to send."),
    "nl": ("1 debriefing klaar om te verzenden.", "{n} debriefings klaar om te verzenden."),
}
# The buttons say what the tab is called (Send / Verzenden), not "Export".
BUTTONS = {
    "en": ("Send", "Send everything new…", "Send selected…"),
    "nl": ("Verzenden", "Alles wat nieuw is verzenden…", "Selectie verzenden…"),
}
# "Still missing" of a debrief that misses nothing: not "complete".
NOTHING_MISSING = {"en": ("Still missing", "nothing"), "nl": ("Ontbreekt nog", "niets")}
WRITTEN = {
    "en": ("with 1 debrief is on its way", "with {n} debriefs is on its way"),
    "nl": ("met 1 debriefing is onderweg", "met {n} debriefings is onderweg"),
}


def said(forms: tuple[str, str], n: int) -> str:
    return forms[0] if n == 1 else forms[1].format(n=n)


def test_the_send_tab_counts_debriefs_in_words(
    qtbot: QtBot,
    language: str,
    controller: AppController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    controller.show_unlock()
    window = unlock(qtbot, controller)
    vault, scope = window.session.vault, window.session.scope
    handler = open_party(tmp_path / "handler-vault", "Havik", Role.HANDLER)
    bundle = keys.own_bundle(handler.vault, "Havik", PeerRole.HANDLER)
    handler.vault.lock()
    keys.add_peer(
        vault, scope, bundle, role=PeerRole.HANDLER, confirmed_spoken=bundle.fingerprint.spoken
    )
    factory.debrief(vault, scope, factory.source(vault, scope, "TELWOORD"), submit=True)
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    send = page.send
    page.tabs.setCurrentWidget(send)
    qtbot.waitUntil(lambda: send.plan is not None and bool(send.status.text()), timeout=20_000)
    assert send.plan is not None
    ready = len(send.plan.candidates)
    assert ready >= 1
    assert send.status.text() == said(READY[language], ready)
    assert "(s)" not in send.status.text()
    tab = page.tabs.tabText(page.tabs.indexOf(send))
    assert (tab, send.export_new.text(), send.export_selected.text()) == BUTTONS[language]
    model = send.table.model
    last = model.columnCount() - 1
    rows = [(r, model.row_at(r)) for r in range(model.rowCount())]
    complete = [r for r, candidate in rows if candidate is not None and not candidate.missing]
    assert complete
    cell = model.data(model.index(complete[0], last))
    assert (model.headerData(last, Qt.Orientation.Horizontal), cell) == NOTHING_MISSING[language]

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr("app.ui.packages.send_tab.choose_folder", lambda *_a: usb)
    qtbot.mouseClick(send.export_new, Qt.MouseButton.LeftButton)

    def done() -> QMessageBox | None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "exportDone" and w.isVisible()
        ]
        return boxes[-1] if boxes else None

    qtbot.waitUntil(lambda: done() is not None, timeout=30_000)
    box = done()
    assert box is not None
    assert said(WRITTEN[language], ready) in box.text()
    assert "(s)" not in box.text()
    box.close()

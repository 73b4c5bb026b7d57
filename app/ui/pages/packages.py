"""Packages: keys and fingerprints, sending debriefs to the handler, receiving
packages and receipts, and the log of what went where."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.errors import show_error
from app.ui.packages.keys_tab import KeysTab
from app.ui.packages.log_tab import LogTab
from app.ui.packages.receive_tab import ReceiveTab
from app.ui.packages.send_tab import SendTab
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.workers import TaskRunner


class PackagesPage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self.send = SendTab(session, runner)
        self.receive = ReceiveTab(session, runner)
        self.log = LogTab(session)
        self.keys = KeysTab(session, runner)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("packageTabs")
        self.tabs.addTab(self.send, self.tr("Send"))
        self.tabs.addTab(self.receive, self.tr("Receive"))
        self.tabs.addTab(self.log, self.tr("Log"))
        self.tabs.addTab(self.keys, self.tr("Keys"))
        self.tabs.currentChanged.connect(lambda _i: self._reload_current())
        self.send.add_key_requested.connect(self.add_handler_key)
        self.send.receive_requested.connect(self.show_receipts)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("PackagesPage", "Packages")

    def add_handler_key(self) -> None:
        """From Send without a handler's key: to the Keys tab, choosing the key file."""
        self.tabs.setCurrentWidget(self.keys)
        self.keys.add_key()

    def show_receipts(self) -> None:
        """From a handler's Send tab: to the Receive tab, where receipts are issued."""
        self.tabs.setCurrentWidget(self.receive)  # reloads it: the runners' keys known
        choice = self.receive.runner_choice
        target = choice if choice.isEnabled() else self.receive.import_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _parts(self) -> list[SendTab | ReceiveTab | LogTab | KeysTab]:
        return [self.send, self.receive, self.log, self.keys]

    def _reload_current(self) -> None:
        current = self.tabs.currentWidget()
        for part in self._parts():
            if part is current:
                try:
                    part.reload()
                except Exception as exc:
                    show_error(self, exc)

    def reload(self) -> None:
        self._reload_current()

    def clear_vault_data(self) -> None:
        for part in self._parts():
            part.clear_vault_data()

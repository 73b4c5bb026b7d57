"""The audit log as the active alias may see it, and a check of the whole chain.
Newest first; a header click sorts by time, actor, action or record type (by the
query: the log pages in as the view scrolls)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.sorting import Sort
from app.services import views
from app.services.admin import aliases, audit
from app.services.exchange import keys
from app.services.views import AuditRow
from app.ui.audit_labels import action_label, detail_lines, detail_text, record_label
from app.ui.empty_hint import empty_hint
from app.ui.errors import describe
from app.ui.list_sorting import make_sortable
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.table_models import Column, PagedRowsModel
from app.ui.workers import TaskRunner


class AuditPage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self.names: dict[str, str] = {}  # ids in the details -> names known here
        self.model: PagedRowsModel[AuditRow] = PagedRowsModel(
            [
                Column("#", lambda e: str(e.seq), sort="seq", newest_first=True),
                Column(
                    self.tr("When (UTC)"),
                    lambda e: f"{e.at:%Y-%m-%d %H:%M:%S}",
                    sort="at",
                    newest_first=True,
                ),
                Column(self.tr("Who"), self._who, sort="actor"),
                Column(
                    self.tr("What"),
                    lambda e: action_label(e.action),
                    tooltip=self._lines,
                    sort="action",
                ),
                Column(self.tr("Record"), lambda e: record_label(e.record_type), sort="record"),
                # Details are free fields: nothing to sort by.
                Column(
                    self.tr("Details"),
                    lambda e: detail_text(e.action, e.detail, self.names),
                    tooltip=self._lines,
                ),
            ],
            self._fetch_page,
            self,
            default=(0, Qt.SortOrder.DescendingOrder),
        )
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        make_sortable(self.table)
        empty_hint(
            self.table, lambda: self.tr("No events in your files.") if self.model.loaded else ""
        )
        self.verify_button = QPushButton(self.tr("Verify the whole log"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.clicked.connect(self.verify)
        self.result = QLabel()
        self.result.setObjectName("auditResult")
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def entry_widget(self) -> QWidget | None:
        return self.table

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("AuditPage", "Audit log")

    def _fetch_page(self, sort: Sort, cursor: Any, limit: int) -> views.Page[AuditRow]:
        return audit.event_page(
            self.session.vault, self.session.scope, sort=sort, after=cursor, limit=limit
        )

    def _who(self, event: AuditRow) -> str:
        """The actor as stored, but Veldboek's own names in words of the interface
        (only shown so: the stored name is part of the event's hash)."""
        if not event.by_app:
            return event.actor
        words = {"system": self.tr("system"), "cli": self.tr("command line")}
        return words.get(event.actor, event.actor)

    def _lines(self, event: AuditRow) -> str:
        return "\n".join(
            [action_label(event.action), *detail_lines(event.action, event.detail, self.names)]
        )

    def reload(self) -> None:
        vault = self.session.vault
        self.names = {peer.fingerprint: peer.name for peer in keys.list_peers(vault)}
        self.names.update(
            (alias.id.hex, alias.name)
            for alias in [*aliases.list_own_aliases(vault), *aliases.list_cover_names(vault)]
        )
        self.model.reset()
        self.table.resizeColumnsToContents()

    def clear_vault_data(self) -> None:
        self.model.clear()
        self.names = {}
        self.result.clear()
        # A check still running reports to no one now (another alias, a lock).
        self.verify_button.setEnabled(True)

    def verify(self) -> None:
        vault = self.session.vault
        self.verify_button.setEnabled(False)
        self.result.setText(self.tr("Checking…"))

        def work(_progress: Any) -> Any:
            return audit.verify(vault)

        def done(report: Any) -> None:
            self.verify_button.setEnabled(True)
            if report.ok:
                self.result.setText(
                    self.tr("The chain of %n event(s) is intact.", "", report.events)
                )
            else:
                self.result.setText(
                    self.tr("The log has been tampered with: {problems}").format(
                        problems="; ".join(report.problems)
                    )
                )

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self.result.setText(describe(exc))

        self.runner.start(work, done, failed, writes=None)

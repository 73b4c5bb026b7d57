"""Sources: the list (codename, status, last contact, next review) and, on
opening one, the source's file. Every source in scope is listed (a few hundred
at most), so a header click sorts the list in memory. In the filter box, Down
moves into the list and Enter opens the chosen source, or the only match."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.clock import utc_now
from app.domain.enums import SourceStatus
from app.services.records import sources
from app.services.views import SourceRow
from app.ui import style
from app.ui.dialogs.source_form import SourceDialog
from app.ui.empty_hint import empty_hint
from app.ui.filter_keys import FilterKeys
from app.ui.labels import label
from app.ui.list_sorting import make_sortable
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.source_file import SourceFileView
from app.ui.table_models import Column, RowsModel
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner


class SourcesPage(Page):
    report_source = Signal(object)  # source id

    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self._rows: list[SourceRow] = []
        self._loaded = False
        today = utc_now().date()

        def overdue(s: SourceRow) -> bool:
            return s.next_review_on is not None and s.next_review_on < today

        self.model: RowsModel[SourceRow] = RowsModel(
            [
                Column(self.tr("Codename"), lambda s: s.codename),
                Column(self.tr("Status"), lambda s: label(s.status)),
                Column(self.tr("Kind"), lambda s: label(s.kind)),
                Column(
                    self.tr("Last contact"),
                    lambda s: local_time(s.last_contact_at, False),
                    key=lambda s: s.last_contact_at,
                    newest_first=True,
                ),
                Column(
                    self.tr("Next review"),
                    lambda s: s.next_review_on.isoformat() if s.next_review_on else "",
                    lambda s: style.DANGER if overdue(s) else None,
                    lambda s: self.tr("Overdue") if overdue(s) else "",
                    key=lambda s: s.next_review_on,
                    icon=lambda s: style.icon("warning") if overdue(s) else None,
                ),
            ],
            self,
        )
        self.filter = QLineEdit()
        self.filter.setObjectName("sourceFilter")
        self.filter.setPlaceholderText(self.tr("Filter by codename"))
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        for status in SourceStatus:
            self.status.addItem(label(status), status)
        new = QPushButton(self.tr("New source…"))
        new.setObjectName("newSource")
        new.clicked.connect(self.new_source)
        self.table = QTableView()
        self.table.setObjectName("sourcesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        make_sortable(self.table)
        empty_hint(self.table, self._empty_text)
        self.filter_keys = FilterKeys(self.filter, self.table, self._open_row)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.status)
        bar.addWidget(new)
        list_view = QWidget()
        list_layout = QVBoxLayout(list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(bar)
        list_layout.addWidget(self.table)
        self.file_view = SourceFileView(session, runner)
        self.file_view.back.connect(self.show_list)
        self.file_view.open_debrief.connect(self.go_debrief)
        self.file_view.report_requested.connect(self.report_source)
        self.stack = QStackedWidget()
        self.stack.addWidget(list_view)
        self.stack.addWidget(self.file_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.filter.textChanged.connect(lambda _t: self._apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self.reload_list())

    def entry_widget(self) -> QWidget | None:
        return self.filter

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SourcesPage", "Sources")

    def reload(self) -> None:
        if self.stack.currentWidget() is self.file_view and self.file_view.file is not None:
            self.file_view.reload()
        else:
            self.reload_list()

    def reload_list(self) -> None:
        status = self.status.currentData()
        self._rows = sources.list_sources(self.session.vault, self.session.scope, status=status)
        self._loaded = True
        self._apply_filter()

    def _apply_filter(self) -> None:
        text = self.filter.text().strip().upper()
        self.model.set_rows([r for r in self._rows if text in r.codename.upper()])

    def _empty_text(self) -> str:
        if not self._loaded:
            return ""
        if self.filter.text().strip():
            return self.tr("No source's codename contains “{text}”.").format(
                text=self.filter.text().strip()
            )
        if self.status.currentData() is not None:
            return self.tr("No source in your files has this status.")
        return self.tr("No sources in your files yet. “New source…” opens one.")

    def show_list(self) -> None:
        self.file_view.clear_vault_data()
        self.stack.setCurrentIndex(0)
        self.reload_list()

    def show_source(self, source_id: uuid.UUID) -> None:
        self.file_view.show_source(source_id)
        self.stack.setCurrentWidget(self.file_view)

    def _open_row(self, row: int) -> None:
        source = self.model.row_at(row)
        if source is not None:
            self.show_source(source.id)

    def new_source(self) -> None:
        dialog = SourceDialog(self.session, parent=self)

        def finished(result: int) -> None:
            if result and isinstance(dialog.result_value, uuid.UUID):
                self.show_source(dialog.result_value)

        dialog.finished.connect(finished)
        dialog.open()

    def clear_vault_data(self) -> None:
        self._rows = []
        self._loaded = False
        self.model.clear()
        self.file_view.clear_vault_data()
        self.stack.setCurrentIndex(0)
        # A codename typed to filter: not on another alias's screen after a switch.
        self.filter.clear()

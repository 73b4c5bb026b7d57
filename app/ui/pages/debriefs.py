"""All debriefs in scope, newest first, as a lazy list that stays smooth at
100,000 debriefs (ids page in as you scroll; rows load per visible block)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import DebriefStatus
from app.services import debriefs
from app.services.views import DebriefRow
from app.ui.labels import label
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.table_models import Column, IdPage, LazyIdModel
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner

STATUS_COLOURS = {
    DebriefStatus.DRAFT: "#8a6d00",
    DebriefStatus.RETURNED: "#b00020",
}


def debrief_columns() -> list[Column[DebriefRow]]:
    # A fixed context: these columns are shared by several pages (a page.tr alias
    # made lupdate file them under the wrong class, so they stayed English).
    return [
        Column(
            QCoreApplication.translate("DebriefColumns", "Written"),
            lambda d: local_time(d.created_at),
        ),
        Column(QCoreApplication.translate("DebriefColumns", "Source"), lambda d: d.codename),
        Column(
            QCoreApplication.translate("DebriefColumns", "Status"),
            lambda d: label(d.status),
            lambda d: STATUS_COLOURS.get(d.status),
        ),
        Column(
            QCoreApplication.translate("DebriefColumns", "Contact"),
            lambda d: label(d.contact_kind),
        ),
        Column(QCoreApplication.translate("DebriefColumns", "Items"), lambda d: str(d.item_count)),
    ]


class DebriefsPage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self.model: LazyIdModel[DebriefRow] = LazyIdModel(
            debrief_columns(), self._fetch_ids, self._fetch_rows, self
        )
        self.status = QComboBox()
        self.status.setObjectName("debriefStatusFilter")
        self.status.addItem(self.tr("All"), None)
        for status in DebriefStatus:
            self.status.addItem(label(status), status)
        self.count = QLabel()
        self.count.setObjectName("debriefCount")
        self.table = QTableView()
        self.table.setObjectName("debriefsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Status:")))
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.status.currentIndexChanged.connect(lambda _i: self.reload())

    def title(self) -> str:
        return self.tr("Debriefs")

    def _fetch_ids(self, cursor: Any, limit: int) -> IdPage:
        page = debriefs.debrief_id_page(
            self.session.vault,
            self.session.scope,
            status=self.status.currentData(),
            after=cursor,
            limit=limit,
        )
        return IdPage(page.ids, page.cursor, page.has_more)

    def _fetch_rows(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, DebriefRow]:
        return debriefs.debrief_rows(self.session.vault, self.session.scope, ids)

    def reload(self) -> None:
        self.model.reset()
        # Counting 100,000 rows takes longer than drawing the first screen: count
        # off the GUI thread and fill the label in when it is known.
        vault, scope = self.session.vault, self.session.scope
        self.runner.start(
            lambda _progress: debriefs.count_debriefs(vault, scope),
            self._show_count,
            lambda _exc: self.count.clear(),
        )

    def _show_count(self, total: object) -> None:
        self.count.setText(self.tr("{n} debriefs in your files").format(n=total))

    def clear_vault_data(self) -> None:
        self.model.clear()
        self.count.clear()

    def _open(self, row: int) -> None:
        debrief_id = self.model.id_at(row)
        if debrief_id is not None:
            self.go_debrief(debrief_id)

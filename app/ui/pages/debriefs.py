"""All debriefs in scope, newest first unless sorted otherwise (click a column's
header), filtered by source, status and the days written; a lazy list that stays
smooth at 100,000 debriefs (ids page in as you scroll; rows load per visible
block). Sorting and filtering are done by the query (app.services.records.debriefs)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
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

from app.domain.enums import ContactKind, DebriefStatus
from app.domain.sorting import Sort
from app.services.records import debriefs, sources
from app.services.records.debriefs import DebriefFilter
from app.services.views import DebriefRow
from app.ui import style
from app.ui.empty_hint import empty_hint
from app.ui.labels import label
from app.ui.list_sorting import make_sortable
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.table_models import Column, IdPage, LazyIdModel
from app.ui.widgets import OptionalDate, find_data, local_time
from app.ui.workers import TaskRunner

NEWEST_FIRST = (0, Qt.SortOrder.DescendingOrder)


def debrief_columns() -> list[Column[DebriefRow]]:
    # A fixed context: these columns are shared by several pages (a page.tr alias
    # made lupdate file them under the wrong class, so they stayed English).
    # ``sort``: the service's sort key (app.services.records.debriefs.DEBRIEF_SORTS);
    # ``key``: the same order for a complete list sorted in memory.
    return [
        Column(
            QCoreApplication.translate("DebriefColumns", "Written"),
            lambda d: local_time(d.created_at),
            key=lambda d: d.created_at,
            sort="written",
            newest_first=True,
        ),
        Column(
            QCoreApplication.translate("DebriefColumns", "Source"),
            lambda d: d.codename,
            sort="source",
        ),
        Column(
            QCoreApplication.translate("DebriefColumns", "Status"),
            lambda d: label(d.status),
            lambda d: style.status_colour(d.status),
            key=lambda d: STATUS_ORDER[d.status],
            sort="status",
            icon=lambda d: style.status_icon(d.status),
        ),
        Column(
            QCoreApplication.translate("DebriefColumns", "Contact"),
            lambda d: label(d.contact_kind),
            key=lambda d: CONTACT_ORDER.get(d.contact_kind, 0) if d.contact_kind else 0,
            sort="contact",
        ),
        Column(
            QCoreApplication.translate("DebriefColumns", "Items"),
            lambda d: str(d.item_count),
            key=lambda d: d.item_count,
            sort="items",
            newest_first=True,
        ),
    ]


# The services' orders (app.services.records.debriefs), for lists sorted in memory.
STATUS_ORDER = {
    DebriefStatus.DRAFT: 0,
    DebriefStatus.RETURNED: 1,
    DebriefStatus.SUBMITTED: 2,
    DebriefStatus.APPROVED: 3,
}
CONTACT_ORDER = {ContactKind.MEETING: 1, ContactKind.CALL: 2, ContactKind.MESSAGE: 3}


def day_start(day: date) -> datetime:
    """Local midnight at the start of ``day``, as an aware time."""
    return datetime(day.year, day.month, day.day).astimezone()


def debrief_table(name: str, model: QAbstractItemModel) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)  # first: a new model resets the header's sizing
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    # The time, the status and the count in full (a cut-off time reads as another day).
    for column in (0, 2, 4):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(0)  # the rows in view only: the list loads lazily
    return table


class DebriefsPage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self._filling = False
        self.model: LazyIdModel[DebriefRow] = LazyIdModel(
            debrief_columns(), self._fetch_ids, self._fetch_rows, self, default=NEWEST_FIRST
        )
        self.source = QComboBox()
        self.source.setObjectName("debriefSourceFilter")
        self.source.addItem(self.tr("All sources"), None)
        self.status = QComboBox()
        self.status.setObjectName("debriefStatusFilter")
        self.status.addItem(self.tr("All"), None)
        for status in DebriefStatus:
            self.status.addItem(label(status), status)
        self.written_from = OptionalDate()
        self.written_from.setObjectName("debriefsFrom")
        self.written_to = OptionalDate()
        self.written_to.setObjectName("debriefsTo")
        for part in (self.written_from, self.written_to):
            part.enabled.setToolTip(self.tr("Only debriefs written on or after / up to this day"))
        self.count = QLabel()
        self.count.setObjectName("debriefCount")
        self.table = debrief_table("debriefsTable", self.model)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        make_sortable(self.table)
        empty_hint(self.table, self._empty_text)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Source:")))
        bar.addWidget(self.source)
        bar.addWidget(QLabel(self.tr("Status:")))
        bar.addWidget(self.status)
        # The day written, not the day met (the Reports page's choice): said so.
        bar.addWidget(QLabel(self.tr("From (day written):")))
        bar.addWidget(self.written_from)
        bar.addWidget(QLabel(self.tr("to:")))
        bar.addWidget(self.written_to)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.count)  # below the list: the filter row is full on a laptop
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        self.source.currentIndexChanged.connect(lambda _i: self.reload())
        for part in (self.written_from, self.written_to):
            part.enabled.toggled.connect(lambda _on: self.reload())
            part.edit.dateChanged.connect(
                lambda _d, p=part: self.reload() if p.enabled.isChecked() else None
            )

    def entry_widget(self) -> QWidget | None:
        return self.table

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("DebriefsPage", "Debriefs")

    def filters(self) -> DebriefFilter:
        status = self.status.currentData()
        start, end = self.written_from.value(), self.written_to.value()
        return DebriefFilter(
            source_id=self.source.currentData(),
            statuses=(DebriefStatus(status),) if status is not None else (),
            written_from=day_start(start) if start else None,
            written_before=day_start(end + timedelta(days=1)) if end else None,
        )

    def _fetch_ids(self, sort: Sort, cursor: Any, limit: int) -> IdPage:
        page = debriefs.debrief_id_page(
            self.session.vault,
            self.session.scope,
            filters=self.filters(),
            sort=sort,
            after=cursor,
            limit=limit,
        )
        return IdPage(page.ids, page.cursor, page.has_more)

    def _fetch_rows(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, DebriefRow]:
        return debriefs.debrief_rows(self.session.vault, self.session.scope, ids)

    def _fill_sources(self) -> None:
        """The sources in scope to filter by, keeping the one chosen."""
        chosen = self.source.currentData()
        self._filling = True
        self.source.blockSignals(True)
        try:
            self.source.clear()
            self.source.addItem(self.tr("All sources"), None)
            for row in sources.list_sources(self.session.vault, self.session.scope):
                self.source.addItem(row.codename, row.id)
            self.source.setCurrentIndex(max(0, find_data(self.source, chosen)))
        finally:
            self.source.blockSignals(False)
            self._filling = False

    def reload(self) -> None:
        if self._filling:
            return
        self._fill_sources()
        self.model.reset()
        # Counting 100,000 rows takes longer than drawing the first screen: count
        # off the GUI thread and fill the label in when it is known.
        vault, scope, filters = self.session.vault, self.session.scope, self.filters()
        self.count.clear()
        self.runner.start(
            lambda _progress: debriefs.count_debriefs(vault, scope, filters=filters),
            lambda total: self._show_count(total, filters),
            lambda _exc: self.count.clear(),
            writes=None,
        )

    def filtered(self) -> bool:
        return self.filters() != DebriefFilter()

    def _show_count(self, total: int, filters: DebriefFilter) -> None:
        if filters != self.filters():
            return  # the filters changed meanwhile; their own count follows
        if filters != DebriefFilter():
            self.count.setText(self.tr("%n debrief(s) match", "", total))
        else:
            self.count.setText(self.tr("%n debrief(s) in your files", "", total))

    def _empty_text(self) -> str:
        if not self.model.loaded:
            return ""
        if self.filtered():
            return self.tr("No debriefs match these filters.")
        return self.tr("No debriefs in your files yet.")

    def clear_vault_data(self) -> None:
        self.model.clear()
        self.count.clear()
        self.source.blockSignals(True)
        self.source.clear()
        self.source.addItem(self.tr("All sources"), None)
        self.source.blockSignals(False)

    def _open(self, row: int) -> None:
        debrief_id = self.model.id_at(row)
        if debrief_id is not None:
            self.go_debrief(debrief_id)

"""Home: what is due, soonest first (risk reviews, tasking deadlines, contract and
suitability reviews), and beside it the debriefs waiting for the acting alias:
its drafts and what a handler returned to it. Computed from the vault alone."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QMargins, QModelIndex, QSize, Qt
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.clock import utc_now
from app.domain.enums import DebriefStatus
from app.domain.sorting import Sort
from app.services.exchange import deconfliction_notices
from app.services.records import debriefs, reminders
from app.services.records.debriefs import DebriefFilter
from app.services.views import DebriefRow, Reminder, ReminderKind
from app.ui import style
from app.ui.deconfliction_lines import home_line
from app.ui.empty_hint import empty_hint
from app.ui.labels import label
from app.ui.list_sorting import make_sortable
from app.ui.pages.base import Page
from app.ui.pages.debriefs import NEWEST_FIRST, debrief_columns, debrief_table
from app.ui.session import AppSession
from app.ui.table_models import ROW_ROLE, Column, IdPage, LazyIdModel, RowsModel
from app.ui.workers import TaskRunner

WAITING = (DebriefStatus.DRAFT, DebriefStatus.RETURNED)


class _Split(QSplitter):
    """The two tables, which turn one above the other when the page is too narrow
    for them side by side (``HomePage._arrange``): so they never make the window
    wider than the wider of them."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.orientation() is Qt.Orientation.Horizontal:
            shown = [w for i in range(self.count()) if (w := self.widget(i)) is not None]
            widths = [max(w.minimumSizeHint().width(), w.minimumWidth()) for w in shown]
            hint.setWidth(max(widths, default=0))
        return hint


class HomePage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        self._today = utc_now().date()
        self._build_reminders()
        self._build_waiting()
        self._lay_out()

    def _build_reminders(self) -> None:
        """The due list: its model, its table, and the headings above it."""
        kinds = {
            ReminderKind.RISK_REVIEW: self.tr("Risk review"),
            ReminderKind.TASKING_DEADLINE: self.tr("Tasking deadline"),
            ReminderKind.CONTRACT_REVIEW: self.tr("Contract review"),
            ReminderKind.SUITABILITY_REVIEW: self.tr("Suitability review"),
        }

        def due_colour(r: Reminder) -> str | None:
            return style.DANGER if r.overdue(self._today) else None

        def due_icon(r: Reminder) -> QIcon | None:
            return style.icon("warning") if r.overdue(self._today) else None

        def due_tip(r: Reminder) -> str:
            return self.tr("Overdue") if r.overdue(self._today) else ""

        self.model: RowsModel[Reminder] = RowsModel(
            [
                Column(
                    self.tr("Due"),
                    lambda r: r.due_on.isoformat(),
                    due_colour,
                    due_tip,
                    icon=due_icon,
                ),
                Column(self.tr("Source"), lambda r: r.codename),
                Column(self.tr("What"), lambda r: kinds[r.kind]),
                Column(self.tr("Details"), self._details),
            ],
            self,
        )
        # Open deconfliction matches of the alias's sources (a handler's vault).
        self.matches = QLabel()
        self.matches.setObjectName("deconflictionMatches")
        self.matches.setWordWrap(True)
        self.matches.hide()
        self.heading = QLabel()
        self.heading.setObjectName("homeHeading")
        self.heading.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("remindersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        make_sortable(self.table)
        empty_hint(self.table, self._no_reminders)

    def _build_waiting(self) -> None:
        """The debriefs waiting for this alias: a paged list like the Debriefs page."""
        self.waiting_heading = QLabel(self.tr("Your drafts and returned debriefs"))
        self.waiting_heading.setObjectName("waitingHeading")
        self.waiting: LazyIdModel[DebriefRow] = LazyIdModel(
            debrief_columns(), self._fetch_waiting, self._fetch_rows, self, default=NEWEST_FIRST
        )
        self.waiting_table = debrief_table("waitingTable", self.waiting)
        # Beside the reminders there is no room to spare: each column as wide as its
        # header and its values (a codename cut to "LEIS…", a header to "ource",
        # says nothing), the count takes the rest, and the table claims that width
        # from the splitter (``_fit_waiting``).
        header = self.waiting_table.horizontalHeader()
        for column in range(header.count() - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)
        for signal in (self.waiting.modelReset, self.waiting.rowsInserted):
            signal.connect(self._fit_waiting)
        self.waiting_table.doubleClicked.connect(lambda i: self._open_waiting(i.row()))
        self.waiting_table.activated.connect(lambda i: self._open_waiting(i.row()))
        make_sortable(self.waiting_table)
        empty_hint(
            self.waiting_table,
            lambda: (
                self.tr("No drafts, and nothing returned to you.") if self.waiting.loaded else ""
            ),
        )

    def _fit_waiting(self, *_args: object) -> None:
        """The drafts table at least as wide as its columns need, whole."""
        table = self.waiting_table
        header = table.horizontalHeader()
        width = sum(
            max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
            for c in range(header.count())
        )
        width += 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        table.setMinimumWidth(width)
        self._arrange()

    def _lay_out(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.matches)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.waiting_heading)
        right_layout.addWidget(self.waiting_table)
        self.split = _Split(Qt.Orientation.Horizontal)
        self.split.setObjectName("homeSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        # The drafts keep the width their columns need (``_fit_waiting``); the
        # reminders, whose details are free text, take the rest.
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)
        self.waiting_table.ensurePolished()  # the bold header font counts
        self._fit_waiting()

    def _side_by_side_width(self) -> int:
        """The width the two tables need side by side: the drafts' columns whole
        (``_fit_waiting``), the reminders' headers whole and their values but the
        details (free text, elided)."""
        table = self.table
        header = table.horizontalHeader()
        reminders = sum(
            max(header.sectionSizeHint(c), table.sizeHintForColumn(c) if c < 3 else 0)
            for c in range(header.count())
        )
        reminders += 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        return (
            reminders
            + self.waiting_table.minimumWidth()
            + self.split.handleWidth()
            + margins.left()
            + margins.right()
        )

    def _arrange(self) -> None:
        """Side by side where there is room; in a narrow window (1024 px) the drafts
        below the reminders, rather than a column cut to "etai"."""
        split = getattr(self, "split", None)
        if split is None:
            return  # still being built
        wide = self.width() >= self._side_by_side_width()
        turn = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if split.orientation() is not turn:
            split.setOrientation(turn)
            split.setSizes([1, 1])  # half each, whichever way

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def entry_widget(self) -> QWidget | None:
        return self.table

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("HomePage", "Home")

    def _details(self, r: Reminder) -> str:
        if r.kind is ReminderKind.RISK_REVIEW and r.level is not None:
            return self.tr("Latest risk level: {level}").format(level=label(r.level))
        return r.detail  # vault text: a tasking's description, a legal basis

    def _no_reminders(self) -> str:
        if not self.heading.text():
            return ""  # not loaded
        return self.tr(
            "Nothing due in the next %n day(s).", "", self.session.settings.reminder_horizon_days
        )

    def waiting_filter(self) -> DebriefFilter:
        return DebriefFilter(statuses=WAITING, author_alias_id=self.session.scope.alias_id)

    def _fetch_waiting(self, sort: Sort, cursor: Any, limit: int) -> IdPage:
        page = debriefs.debrief_id_page(
            self.session.vault,
            self.session.scope,
            filters=self.waiting_filter(),
            sort=sort,
            after=cursor,
            limit=limit,
        )
        return IdPage(page.ids, page.cursor, page.has_more)

    def _fetch_rows(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, DebriefRow]:
        return debriefs.debrief_rows(self.session.vault, self.session.scope, ids)

    def reload(self) -> None:
        self._today = utc_now().date()
        rows = reminders.reminders(
            self.session.vault,
            self.session.scope,
            self._today,
            horizon_days=self.session.settings.reminder_horizon_days,
        )
        overdue = sum(1 for r in rows if r.overdue(self._today))
        # Two counts, one %n each: the days said apart.
        days = self.tr("%n day(s)", "", self.session.settings.reminder_horizon_days)
        self.heading.setText(
            self.tr("%n reminder(s) in the next {days}, {late} overdue.", "", len(rows)).format(
                days=days, late=overdue
            )
        )
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.waiting.reset()
        self._arrange()
        matches = deconfliction_notices.open_matches(self.session.vault, self.session.scope)
        self.matches.setText("\n".join(home_line(m) for m in matches))
        self.matches.setVisible(bool(matches))

    def clear_vault_data(self) -> None:
        self.model.clear()
        self.waiting.clear()
        self.heading.clear()
        self.matches.clear()
        self.matches.hide()

    def _open(self, index: QModelIndex) -> None:
        reminder = self.model.data(index, ROW_ROLE)
        if isinstance(reminder, Reminder):
            self.go_source(reminder.source_id)

    def _open_waiting(self, row: int) -> None:
        debrief_id = self.waiting.id_at(row)
        if debrief_id is not None:
            self.go_debrief(debrief_id)

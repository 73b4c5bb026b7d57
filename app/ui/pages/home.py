"""Home: what is due, soonest first (risk reviews, tasking deadlines, contract and
suitability reviews). Computed from the vault alone."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.clock import utc_now
from app.services import reminders
from app.services.views import Reminder, ReminderKind
from app.ui.labels import label
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.table_models import ROW_ROLE, Column, RowsModel
from app.ui.workers import TaskRunner

OVERDUE = "#b00020"


class HomePage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        kinds = {
            ReminderKind.RISK_REVIEW: self.tr("Risk review"),
            ReminderKind.TASKING_DEADLINE: self.tr("Tasking deadline"),
            ReminderKind.CONTRACT_REVIEW: self.tr("Contract review"),
            ReminderKind.SUITABILITY_REVIEW: self.tr("Suitability review"),
        }
        today = utc_now().date()
        self._today = today

        def due_colour(r: Reminder) -> str | None:
            return OVERDUE if r.overdue(self._today) else None

        self.model: RowsModel[Reminder] = RowsModel(
            [
                Column(self.tr("Due"), lambda r: r.due_on.isoformat(), due_colour),
                Column(self.tr("Source"), lambda r: r.codename),
                Column(self.tr("What"), lambda r: kinds[r.kind]),
                Column(self.tr("Details"), self._details),
            ],
            self,
        )
        self.heading = QLabel()
        self.heading.setObjectName("homeHeading")
        self.table = QTableView()
        self.table.setObjectName("remindersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.doubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)

    def title(self) -> str:
        return self.tr("Home")

    def _details(self, r: Reminder) -> str:
        if r.kind is ReminderKind.RISK_REVIEW and r.level is not None:
            return self.tr("Latest risk level: {level}").format(level=label(r.level))
        return r.detail  # vault text: a tasking's description, a legal basis

    def reload(self) -> None:
        self._today = utc_now().date()
        rows = reminders.reminders(
            self.session.vault,
            self.session.scope,
            self._today,
            horizon_days=self.session.settings.reminder_horizon_days,
        )
        overdue = sum(1 for r in rows if r.overdue(self._today))
        self.heading.setText(
            self.tr("{n} reminders in the next {days} days, {late} overdue.").format(
                n=len(rows), days=self.session.settings.reminder_horizon_days, late=overdue
            )
        )
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def clear_vault_data(self) -> None:
        self.model.clear()
        self.heading.clear()

    def _open(self, index: object) -> None:
        reminder = self.model.data(index, ROW_ROLE)  # type: ignore[arg-type]
        if isinstance(reminder, Reminder):
            self.go_source(reminder.source_id)

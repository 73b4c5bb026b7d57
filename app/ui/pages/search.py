"""Full-text search over narratives, items, subjects and addenda, inside the
active alias's files only, with the matched words highlighted."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import search
from app.services.views import SearchHit
from app.ui.errors import describe
from app.ui.html_delegate import HtmlDelegate
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.table_models import Column, RowsModel
from app.ui.workers import TaskRunner

RESULT_LIMIT = 200


def highlight(snippet: str) -> str:
    """Escape the text, then turn the search markers into bold."""
    return (
        escape(snippet)
        .replace(search.MARK_START, "<b style='background:#fff3a0'>")
        .replace(search.MARK_END, "</b>")
    )


class SearchPage(Page):
    def __init__(
        self, session: AppSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, parent)
        kinds = {
            "narrative": self.tr("Narrative"),
            "item": self.tr("Item"),
            "subject": self.tr("Subject"),
            "addendum": self.tr("Addendum"),
        }
        self.model: RowsModel[SearchHit] = RowsModel(
            [
                Column(self.tr("Source"), lambda h: h.codename),
                Column(self.tr("Found in"), lambda h: kinds.get(h.kind, h.kind)),
                Column(self.tr("Text"), lambda h: highlight(h.snippet)),
            ],
            self,
        )
        self.query = QLineEdit()
        self.query.setObjectName("searchEdit")
        self.query.setPlaceholderText(
            self.tr("Words to find (all must occur); end a word with * to match its start")
        )
        go = QPushButton(self.tr("Search"))
        go.setObjectName("searchButton")
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(2, HtmlDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        go.clicked.connect(self.run_search)
        self.query.returnPressed.connect(self.run_search)
        bar = QHBoxLayout()
        bar.addWidget(self.query, 1)
        bar.addWidget(go)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table)

    def title(self) -> str:
        return self.tr("Search")

    def reload(self) -> None:
        if self.query.text().strip():
            self.run_search()
        self.query.setFocus()

    def run_search(self) -> None:
        try:
            # One more than is shown: whether there were more to say so only then.
            hits = search.search(
                self.session.vault, self.session.scope, self.query.text(), limit=RESULT_LIMIT + 1
            )
        except Exception as exc:
            self.model.clear()
            self.status.setText(describe(exc))
            return
        more = len(hits) > RESULT_LIMIT
        hits = hits[:RESULT_LIMIT]
        self.model.set_rows(hits)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeRowsToContents()
        if more:
            self.status.setText(
                self.tr(
                    "The newest {n} results in your files; add words to narrow the search."
                ).format(n=len(hits))
            )
        else:
            self.status.setText(self.tr("{n} results in your files").format(n=len(hits)))

    def _open(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is None:
            return
        if hit.debrief_id is not None:
            self.go_debrief(hit.debrief_id)

    def clear_vault_data(self) -> None:
        self.model.clear()
        self.query.clear()
        self.status.clear()

"""Full-text search over narratives, items, subjects and addenda, inside the
active alias's files only, with the matched words highlighted and the date each
debrief was written. Best match first; a header click sorts by date, source or
kind instead (the search service orders the newest matches, app.services.records.search).
Enter searches, and opens the result when there is only one (or the one chosen);
Down moves into the results."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
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

from app.services.records import search
from app.services.views import SearchHit
from app.ui.empty_hint import empty_hint
from app.ui.errors import describe
from app.ui.filter_keys import FilterKeys
from app.ui.html_delegate import HtmlDelegate
from app.ui.list_sorting import make_sortable
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.table_models import Column, QueryRowsModel
from app.ui.widgets import local_time
from app.ui.workers import TaskRunner

RESULT_LIMIT = 200
TEXT_COLUMN = 3
BEST_FIRST = (TEXT_COLUMN, Qt.SortOrder.DescendingOrder)


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
        self.searched: str | None = None  # the words of the results shown
        self.failed = False
        self.stale = True  # words typed since the last search
        kinds = {
            "narrative": self.tr("Narrative"),
            "item": self.tr("Item"),
            "subject": self.tr("Subject"),
            "addendum": self.tr("Addendum"),
        }
        self.model: QueryRowsModel[SearchHit] = QueryRowsModel(
            [
                Column(
                    self.tr("Written"),
                    lambda h: local_time(h.written_at),
                    sort="written",
                    newest_first=True,
                ),
                Column(self.tr("Source"), lambda h: h.codename, sort="source"),
                Column(self.tr("Found in"), lambda h: kinds.get(h.kind, h.kind), sort="kind"),
                Column(
                    self.tr("Text"),
                    lambda h: highlight(h.snippet),
                    tooltip=lambda _h: self.tr("Sorted by this column: best match first"),
                    sort="rank",
                    newest_first=True,
                ),
            ],
            BEST_FIRST,
            self,
        )
        self.model.on_sort = self._sort_changed
        self.query = QLineEdit()
        self.query.setObjectName("searchEdit")
        self.query.setPlaceholderText(
            self.tr("Words to find (all must occur); end a word with * to match its start")
        )
        go = QPushButton(self.tr("Search"))
        go.setObjectName("searchButton")
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(TEXT_COLUMN, HtmlDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            TEXT_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        make_sortable(self.table)
        empty_hint(self.table, self._empty_text)
        go.clicked.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: setattr(self, "stale", True))
        self.keys = FilterKeys(self.query, self.table, self._open, before_enter=self._fresh)
        bar = QHBoxLayout()
        bar.addWidget(self.query, 1)
        bar.addWidget(go)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table)

    def entry_widget(self) -> QWidget | None:
        return self.query

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SearchPage", "Search")

    def reload(self) -> None:
        if self.query.text().strip():
            self.run_search()
        self.query.setFocus()

    def _fresh(self) -> None:
        """Before Enter opens a result: search for the words typed, if not yet."""
        if self.stale:
            self.run_search()

    def _sort_changed(self) -> None:
        if self.searched is not None:
            self.run_search()

    def run_search(self) -> None:
        self.searched = self.query.text()
        self.stale = False
        try:
            # One more than is shown: whether there were more to say so only then.
            hits = search.search(
                self.session.vault,
                self.session.scope,
                self.query.text(),
                limit=RESULT_LIMIT + 1,
                sort=self.model.current_sort,
            )
        except Exception as exc:
            self.failed = True
            self.model.clear()
            self.status.setText(describe(exc))
            return
        self.failed = False
        more = len(hits) > RESULT_LIMIT
        hits = hits[:RESULT_LIMIT]
        self.model.set_rows(hits)
        for column in range(TEXT_COLUMN):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        if more:
            self.status.setText(
                self.tr(
                    "The first {n} results in your files, from the newest {window} matches; "
                    "add words to narrow the search."
                ).format(n=len(hits), window=search.WINDOW)
            )
        else:
            self.status.setText(self.tr("%n result(s) in your files", "", len(hits)))

    def _empty_text(self) -> str:
        if self.searched is None or self.failed:
            return ""
        return self.tr("Nothing in your files matches these words.")

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
        self.searched = None
        self.stale = True

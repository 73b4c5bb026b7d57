"""The intelligence items on the debrief page, and the cross-references beside
them: building the table and its buttons, the grading column and its tooltip,
removing an item after one question, the subjects of the selected item and the
other debriefs (within scope) that mention one. Functions of the page; their
texts are translated in the "DebriefPage" context, as the page's own."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem

from app.domain.grading import scheme
from app.services.records import debriefs, search
from app.services.views import DebriefRow, ItemView, SubjectView
from app.ui.confirm import ConfirmDialog, ask
from app.ui.errors import show_error
from app.ui.labels import label
from app.ui.pages.debrief_workflow import naming
from app.ui.pages.debriefs import NEWEST_FIRST, debrief_columns
from app.ui.record_table import RecordTable
from app.ui.table_models import Column, QueryRowsModel

if TYPE_CHECKING:
    from app.ui.pages.debrief_editor import DebriefPage

translate = QCoreApplication.translate


def build(page: DebriefPage) -> QGroupBox:
    """The items table with its buttons, and the cross-references group it returns."""
    page.items = RecordTable(
        [
            Column("#", lambda i: str(i.position + 1), key=lambda i: i.position),
            Column(
                translate("DebriefPage", "Grading"),
                grading,
                tooltip=grading_tooltip,
            ),
            Column(translate("DebriefPage", "Checked"), lambda i: label(i.corroboration)),
            Column(
                translate("DebriefPage", "Exculpatory"),
                lambda i: translate("DebriefPage", "yes") if i.exculpatory else "",
                lambda i: "#006400" if i.exculpatory else None,
            ),
            Column(
                translate("DebriefPage", "Subjects"),
                lambda i: ", ".join(s.name for s in i.subjects),
            ),
            Column(
                translate("DebriefPage", "Reported"),
                lambda i: i.text,
                tooltip=lambda i: i.sanitised_text,
            ),
        ],
        "itemsTable",
        empty=lambda: (
            translate("DebriefPage", "No intelligence items yet; “Add item…” adds one.")
            if page.view is not None and page.view.editable
            else translate("DebriefPage", "No intelligence items.")
            if page.view is not None
            else ""
        ),
    )
    page.items.view.setMinimumHeight(150)
    page.add_item_button = page.items.add_button(
        translate("DebriefPage", "Add item…"), page._add_item, "addItem"
    )
    page.edit_item_button = page.items.add_button(
        translate("DebriefPage", "Edit…"), page._edit_item, "editItem"
    )
    page.remove_item_button = page.items.add_button(
        translate("DebriefPage", "Remove"), partial(remove_item, page), "removeItem"
    )
    page.items.view.doubleClicked.connect(lambda _i: page._edit_item())
    page.items.view.selectionModel().selectionChanged.connect(lambda *_: show_subjects(page))
    # Cross-references: other debriefs mentioning a subject, inside scope only.
    page.subjects = QListWidget()
    page.subjects.setObjectName("itemSubjects")
    page.subjects.setMaximumHeight(90)
    page.subjects.currentItemChanged.connect(lambda *_: show_mentions(page))
    # The newest few of possibly thousands: a header click asks the query again.
    mentions: QueryRowsModel[DebriefRow] = QueryRowsModel(debrief_columns(), NEWEST_FIRST)
    mentions.on_sort = partial(show_mentions, page)
    page.mentions = RecordTable(
        debrief_columns(),
        "mentionsTable",
        model=mentions,
        empty=lambda: (
            translate("DebriefPage", "No other debrief in your files mentions this subject.")
            if page.subjects.currentItem() is not None
            else ""
        ),
    )
    page.mentions_model = mentions
    page.mentions.view.activated.connect(lambda index: open_mention(page, index.row()))
    page.mentions.view.setMaximumHeight(140)
    page.mentions.view.doubleClicked.connect(lambda index: open_mention(page, index.row()))
    cross = QGroupBox(
        translate("DebriefPage", "Other debriefs mentioning a subject of the selected item")
    )
    cross_layout = QHBoxLayout(cross)
    cross_layout.addWidget(page.subjects, 1)
    cross_layout.addWidget(page.mentions, 3)
    return cross


def first_words(text: str, limit: int = 80) -> str:
    """The start of an item's text, to recognise it by in a question."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def grading(item: ItemView) -> str:
    g = item.grading
    text = g.short()
    if g.handling_conditions:
        text += " *"
    return text


def grading_tooltip(item: ItemView) -> str:
    g = item.grading
    s = scheme(g.scheme)
    lines = [
        s.label("source_evaluation", g.source_evaluation),
        s.label("intelligence_assessment", g.intelligence_assessment),
        s.label("handling", g.handling_code),
    ]
    if g.handling_conditions:
        lines.append(translate("DebriefPage", "Conditions: {c}").format(c=g.handling_conditions))
    return "\n".join(lines)


def remove_item(page: DebriefPage) -> ConfirmDialog | None:
    item = page.items.selected()
    if item is None or page.view is None or not page.view.editable:
        return None

    def remove() -> None:
        try:
            debriefs.remove_item(page.session.vault, page.session.scope, item.id)
        except Exception as exc:
            show_error(page, exc)
        page.reload()

    return ask(
        page,
        title=translate("DebriefPage", "Remove item"),
        text=translate(
            "DebriefPage",
            "Remove item {n} from the debrief of {day} for {codename}? What it says, "
            "its grading and its subjects are deleted.",
        ).format(n=item.position + 1, **naming(page.view)),
        details=first_words(item.text),
        confirm=translate("DebriefPage", "Remove item"),
        on_confirm=remove,
        name="removeItemConfirm",
    )


def show_subjects(page: DebriefPage) -> None:
    page.subjects.clear()
    page.mentions.clear()
    item = page.items.selected()
    if item is None:
        return
    for subject in item.subjects:
        entry = QListWidgetItem(f"{label(subject.kind)}: {subject.name}")
        entry.setData(Qt.ItemDataRole.UserRole, subject)
        page.subjects.addItem(entry)
    if page.subjects.count():
        page.subjects.setCurrentRow(0)


def show_mentions(page: DebriefPage) -> None:
    entry = page.subjects.currentItem()
    if entry is None or page.view is None:
        page.mentions.clear()
        return
    subject: SubjectView = entry.data(Qt.ItemDataRole.UserRole)
    rows = search.debriefs_mentioning(
        page.session.vault,
        page.session.scope,
        subject.id,
        exclude_debrief=page.view.id,
        sort=page.mentions_model.current_sort,
    )
    page.mentions.set_rows(rows)


def open_mention(page: DebriefPage, row: int) -> None:
    mention = page.mentions.model.row_at(row)
    if mention is not None:
        page.open(mention.id)

"""Sorting a list by clicking a column header, remembered per list.

The model decides how (app.ui.table_models): a complete list sorts in memory, a
paged or cut-short one asks its query again. A click on a column that cannot
sort leaves the order (and the arrow) where it was. The choice is kept under the
view's object name for the session and in the local settings
(app.services.admin.list_sorts), so the list opens sorted as it was left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.services.admin import list_sorts
from app.ui.table_models import Sortable


def make_sortable(view: QTableView) -> None:
    model = view.model()
    if not isinstance(model, Sortable):
        raise TypeError("the view's model does not sort")
    name = view.objectName()
    header = view.horizontalHeader()
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    saved = list_sorts.get(name) if name else None
    if saved is not None and model.can_sort(saved[0]):
        column, order = saved[0], _order(saved[1])
    elif model.default_sort is not None:
        column, order = model.default_sort
    else:
        column, order = -1, Qt.SortOrder.AscendingOrder  # as the service gave it
    header.setSortIndicator(column, order)
    view.setSortingEnabled(True)  # applies the indicator's sort to the model
    state = {"column": column, "order": order}

    def changed(section: int, new_order: Qt.SortOrder) -> None:
        if not model.can_sort(section):
            # Put the arrow back where the rows are sorted.
            header.blockSignals(True)
            header.setSortIndicator(state["column"], state["order"])  # type: ignore[arg-type]
            header.blockSignals(False)
            header.viewport().update()
            return
        state["column"], state["order"] = section, new_order
        if name:
            list_sorts.remember(name, section, new_order == Qt.SortOrder.DescendingOrder)

    header.sortIndicatorChanged.connect(changed)


def _order(descending: bool) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder

"""What the main window's record actions do (the table is ``window_actions``): a
new source, debrief or contact for the source on screen, a report of what is on
screen, the Packages page ready to send or to receive. Functions of the window;
their texts are translated in the "MainWindow" context, as the window's own."""

from __future__ import annotations

import uuid
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from app.errors import VeldboekError
from app.services.admin import aliases
from app.services.records import debriefs, sources
from app.ui.actions import ActionSpec
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.dialogs.rename_alias import RenameAliasDialog
from app.ui.errors import show_error
from app.ui.pages.base import Page
from app.ui.pages.packages import PackagesPage
from app.ui.pages.reports import ReportsPage
from app.ui.pages.sources import SourcesPage

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def new_source(window: MainWindow) -> None:
    page = window.show_page(SourcesPage)
    assert isinstance(page, SourcesPage)
    page.show_list()
    page.new_source()


def _source_or_hint(window: MainWindow, key: str) -> tuple[uuid.UUID, str] | None:
    source = window.current_source()
    if source is None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Open a source's file or debrief first, then use {action}."
            ).format(action=window.registry.tooltip(key)),
            6000,
        )
    return source


def new_debrief(window: MainWindow) -> None:
    source = _source_or_hint(window, "newDebrief")
    if source is None:
        return
    window.save_pending()
    try:
        debrief_id = debriefs.create_draft(window.session.vault, window.session.scope, source[0])
    except Exception as exc:
        show_error(window, exc)
        return
    window.open_debrief(debrief_id)


def new_contact(window: MainWindow) -> ContactDialog | None:
    source = _source_or_hint(window, "newContact")
    if source is None:
        return None
    window.save_pending()
    dialog = ContactDialog(window.session, source[0], source[1], window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(partial(reload_current, window))
    dialog.open()
    return dialog


def rename_alias(window: MainWindow) -> RenameAliasDialog | None:
    choices = aliases.list_renameable_aliases(window.session.vault)
    if not choices:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow",
                "None of your aliases has a name from before a rule of names, and only "
                "such a name can be renamed: your handler knows you by your cover name.",
            ),
            8000,
        )
        return None
    dialog = RenameAliasDialog(window.session, choices, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.renamed.connect(partial(_alias_renamed, window))
    dialog.open()
    return dialog


def _alias_renamed(window: MainWindow, renamed: aliases.RenamedAlias) -> None:
    session = window.session
    session.alias_renamed(renamed.alias_id, renamed.name)
    window.band.show_scope(session.scope, aliases.list_own_aliases(session.vault))
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Alias renamed: {name}").format(name=renamed.name),
        6000,
    )


def reload_current(window: MainWindow) -> None:
    current = window.stack.currentWidget()
    try:
        if isinstance(current, Page):  # a list, or the debrief page
            current.reload()
    except Exception as exc:
        show_error(window, exc)


def report_current(window: MainWindow) -> None:
    """A report on the debrief or source on screen (or the Reports page)."""
    page = window.debrief_on_screen()
    if page is not None and page.view is not None:
        page.report_button.click()
        return
    source = window.current_source()
    if source is not None:
        window.report_source(source[0])
    else:
        window.show_page(ReportsPage)


def go_export(window: MainWindow) -> None:
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.send)
    page.send.focus_export()


def go_import(window: MainWindow) -> None:
    page = window.show_page(PackagesPage)
    assert isinstance(page, PackagesPage)
    page.tabs.setCurrentWidget(page.receive)
    receive = page.receive
    handler = window.session.scope.is_handler
    (receive.import_button if handler else receive.take_receipt).setFocus()


def source_commands(window: MainWindow) -> list[ActionSpec]:
    """For the command palette: "Open source CODENAME" for each source the acting
    alias may see (read from the service in its scope when the palette opens).
    None in a meeting: it shows nothing of the vault but the meeting."""
    if window.meeting is not None:
        return []
    try:
        rows = sources.list_sources(window.session.vault, window.session.scope)
    except VeldboekError:
        return []
    text = QCoreApplication.translate("MainWindow", "Open source {codename}")
    return [
        ActionSpec(
            key=f"openSource:{row.id}",
            text=text.format(codename=row.codename),
            shortcuts=(),
            handler=partial(window.open_source, row.id),
            menu="go",
        )
        for row in rows
    ]

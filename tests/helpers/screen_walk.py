"""One walk through every screen, tab and dialog the GUI tests can reach, with a
check run on each: the Dutch-chrome test (tests/ui/test_dutch_screens.py) and the
1366 x 768 test (tests/ui/test_small_screen.py) walk the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services import reports
from app.services.admin import aliases
from app.services.records import debriefs, identity, sources, tasking
from app.services.reports import Selection
from app.services.views import IdentityFields
from app.ui.controller import AppController
from app.ui.dialogs.contact_form import ContactDialog
from app.ui.dialogs.identity import RecordIdentityDialog, RevealIdentityDialog
from app.ui.dialogs.item_dialog import ItemDialog
from app.ui.dialogs.records import (
    CloseTaskingDialog,
    InstructionDialog,
    PaymentDialog,
    ReliabilityDialog,
    RiskDialog,
    TaskingDialog,
)
from app.ui.dialogs.source_form import SourceDialog
from app.ui.first_run import FirstRunWizard
from app.ui.main_window import MainWindow
from app.ui.pages.reports import ReportsPage
from app.ui.pages.settings import ChangePassphraseDialog
from app.ui.pages.sources import SourcesPage
from app.ui.workers import TaskRunner
from tests.helpers import factory
from tests.ui.conftest import unlock

Check = Callable[[QWidget], list[str]]


class Walk:
    """Runs ``check`` on each screen as it is shown and collects every problem, so
    one run names all of them."""

    def __init__(self, check: Check) -> None:
        self._check = check
        self.found: list[str] = []
        self.screens: list[str] = []

    def check(self, screen: str, root: QWidget) -> None:
        QApplication.processEvents()
        self.screens.append(screen)
        self.found += [f"{screen}: {problem}" for problem in self._check(root)]

    def dialog(self, screen: str, make: Callable[[], QWidget]) -> None:
        dialog = make()
        dialog.show()
        self.check(screen, dialog)
        dialog.close()
        dialog.deleteLater()


def walk_app(
    qtbot: QtBot,
    walk: Walk,
    demo_dir: Path,
    new_vault: Path,
    *,
    before: Callable[[MainWindow], None] | None = None,
) -> None:
    """The first-run wizard, the unlock dialog, then the main window's walk (after
    ``before``, for screens only one of the tests opens). No window is left open."""
    wizard = FirstRunWizard(new_vault, TaskRunner())
    qtbot.addWidget(wizard)
    wizard.show()
    walk.check("first run: alias", wizard)
    qtbot.keyClicks(wizard.alias_page.alias, "Merel")
    wizard.next()
    walk.check("first run: passphrase", wizard)
    qtbot.keyClicks(wizard.passphrase_page.first, "kale berg rivier lantaarn")
    qtbot.keyClicks(wizard.passphrase_page.second, "kale berg rivier lantaarn")
    wizard.next()
    walk.check("first run: options", wizard)
    wizard.close()

    controller = AppController(demo_dir)
    controller.start()
    assert controller.unlock_dialog is not None
    walk.check("unlock", controller.unlock_dialog)
    window = unlock(qtbot, controller)
    try:
        if before is not None:
            before(window)
        walk_window(qtbot, walk, window)
    finally:
        controller.lock.lock("test")
        for widget in (controller.window, controller.unlock_dialog):
            if widget is not None:
                widget.close()  # no window left on screen for the next test


def walk_window(qtbot: QtBot, walk: Walk, window: MainWindow) -> None:
    """Every page, a source file's tabs and dialogs, a debrief's states, meeting
    mode, a report preview and the handler's review."""
    session = window.session
    vault, scope = session.vault, session.scope
    for page_class in window.page_classes():
        window.show_page(page_class)
        walk.check(f"page {page_class.__name__}", window)

    havik = aliases.resolve_scope(vault, "Havik")
    source = sources.create_source(
        vault, scope, sources.SourceDraft(codename="TAAL"), share_with=(havik.alias_id,)
    )
    identity.record_identity(vault, scope, source, IdentityFields(full_name="Piet Proef"))
    task = tasking.add_tasking(vault, scope, source, "Find out who drives the van.")
    window.open_source(source)
    view = window.page(SourcesPage).file_view  # type: ignore[attr-defined]
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        walk.check(f"source file tab {index}", window)

    codename = "TAAL"
    walk.dialog("source form", lambda: SourceDialog(session, view.file.overview, window))
    walk.dialog("new source form", lambda: SourceDialog(session, None, window))
    walk.dialog("contact form", lambda: ContactDialog(session, source, codename, window))
    walk.dialog("tasking", lambda: TaskingDialog(session, source, window))
    walk.dialog("close tasking", lambda: CloseTaskingDialog(session, task, window))
    walk.dialog("payment", lambda: PaymentDialog(session, source, window))
    walk.dialog("risk", lambda: RiskDialog(session, source, window))
    walk.dialog("instruction", lambda: InstructionDialog(session, source, window))
    walk.dialog("reliability", lambda: ReliabilityDialog(session, source, window))
    walk.dialog(
        "record identity", lambda: RecordIdentityDialog(session, window.runner, source, window)
    )
    walk.dialog(
        "reveal identity",
        lambda: RevealIdentityDialog(session, window.runner, source, codename, window),
    )
    walk.dialog("passphrase", lambda: ChangePassphraseDialog(session, window.runner, window))

    draft = factory.debrief(vault, scope, source)
    window.open_debrief(draft)
    walk.check("debrief draft", window)
    item = window.debrief_page.view.items[0]  # type: ignore[union-attr]
    window.debrief_page.items.view.selectRow(0)
    walk.dialog("new item", lambda: ItemDialog(session, draft, parent=window))
    walk.dialog("edit item", lambda: ItemDialog(session, draft, item, window))
    submitted = factory.debrief(vault, scope, source, submit=True)
    window.open_debrief(submitted)
    walk.check("debrief submitted", window)

    window.enter_meeting()
    assert window.meeting is not None
    walk.check("meeting mode", window)
    window._leave_meeting(None)

    issued = reports.issue_internal(vault, scope, Selection(debrief_id=submitted))
    page = window.show_page(ReportsPage)
    assert isinstance(page, ReportsPage)
    preview = page.show_preview(issued)
    qtbot.waitUntil(lambda: bool(preview.status.text()), timeout=20_000)
    walk.check("report preview", preview)
    preview.close()

    session.switch_alias("Havik")  # a member of the file: it was shared at creation
    window.open_debrief(submitted)
    walk.check("handler review", window)
    debriefs.return_to_runner(vault, havik, submitted, "Wie was er nog meer?")
    window.debrief_page.reload()
    walk.check("debrief returned", window)

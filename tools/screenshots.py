"""Screenshots of every main screen on a demo vault, in English and Dutch.

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python tools/screenshots.py

Writes docs/screenshots/<lang>-<screen>.png.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services import demo  # noqa: E402
from app.services.debriefs import DebriefContent, ItemDraft, create_draft, save_draft  # noqa: E402
from app.ui import i18n, style  # noqa: E402
from app.ui.controller import AppController  # noqa: E402
from app.ui.dialogs.contact_form import ContactDialog  # noqa: E402
from app.ui.dialogs.identity import RevealIdentityDialog  # noqa: E402
from app.ui.dialogs.item_dialog import ItemDialog  # noqa: E402
from app.ui.first_run import FirstRunWizard  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.pages.audit import AuditPage  # noqa: E402
from app.ui.pages.debriefs import DebriefsPage  # noqa: E402
from app.ui.pages.home import HomePage  # noqa: E402
from app.ui.pages.search import SearchPage  # noqa: E402
from app.ui.pages.settings import SettingsPage  # noqa: E402
from app.ui.pages.sources import SourcesPage  # noqa: E402
from app.ui.workers import TaskRunner  # noqa: E402
from app.vault.vault import Vault  # noqa: E402
from tests import factory  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, ms: int = 300) -> None:
    # A local loop: QApplication.quit() would close (and so lock) the main window.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(app: QApplication, widget: QWidget, name: str, lang: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / f"{lang}-{name}.png"))


def run(lang: str, vault_dir: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    style.apply(app)
    translators = i18n.install(app, lang)
    try:
        wizard = FirstRunWizard(vault_dir.parent / "new-vault", TaskRunner())
        wizard.resize(640, 460)
        wizard.show()
        wizard.alias_page.alias.setText("Valk")
        wizard.next()
        wizard.passphrase_page.first.setText("kale berg rivier lantaarn")
        wizard.passphrase_page.second.setText("kale berg rivier lantaarn")
        shot(app, wizard, "first-run", lang)
        wizard.close()

        controller = AppController(vault_dir)
        controller.start()
        dialog = controller.unlock_dialog
        assert dialog is not None
        shot(app, dialog, "unlock", lang)
        done: list[bool] = []
        controller.lock.locked.connect(lambda _r: done.append(True))
        dialog.passphrase.setText(factory.PASSPHRASE)
        dialog.try_unlock()
        while controller.window is None:
            settle(app, 100)
        window: MainWindow = controller.window
        window.resize(1280, 800)
        steps: list[tuple[str, Callable[[], QWidget]]] = []

        def page(cls: type) -> Callable[[], QWidget]:
            def show() -> QWidget:
                window.show_page(cls)
                return window

            return show

        steps += [("home", page(HomePage)), ("sources", page(SourcesPage))]

        def source_file() -> QWidget:
            sp = window.show_page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            sp.show_source(sp.model.row_at(2).id)  # type: ignore[union-attr]
            return window

        def source_tab(index: int) -> Callable[[], QWidget]:
            def show() -> QWidget:
                sp = window.page(SourcesPage)
                assert isinstance(sp, SourcesPage)
                sp.file_view.tabs.setCurrentIndex(index)
                return window

            return show

        steps += [
            ("source-file", source_file),
            ("source-contacts", source_tab(1)),
            ("source-risk", source_tab(5)),
        ]

        def contact_form() -> QWidget:
            sp = window.page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            overview = sp.file_view.file.overview  # type: ignore[union-attr]
            form = ContactDialog(window.session, overview.id, overview.codename, window)
            form.location.setText("MOLEN-3")
            form.recon.setPlainText("Route checked the evening before; two exits.")
            form.show()
            return form

        steps.append(("contact-form", contact_form))
        steps.append(("debriefs", page(DebriefsPage)))

        def editor() -> QWidget:
            vault, scope = window.session.vault, window.session.scope
            sp = window.page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            source_id = sp.file_view.file.overview.id  # type: ignore[union-attr]
            draft = create_draft(vault, scope, source_id)
            save_draft(
                vault,
                scope,
                draft,
                DebriefContent(
                    narrative="Source met a contact at the marina. The grey van was parked at the "
                    "back; two men loaded boxes into it around 22:00.",
                    welfare_observations="Source slept badly; worried about money.",
                    security_observations="Counter-surveillance route followed; nothing seen.",
                    runner_assessment="Plausible; fits earlier reporting on the van.",
                    critical_reflection="Source dislikes one of the men; may exaggerate his role.",
                ),
            )
            from app.services import debriefs

            debriefs.add_item(
                vault,
                scope,
                draft,
                ItemDraft(
                    text="The grey van is used to move boxes from the marina at night.",
                    sanitised_text="A grey van is reportedly used to move goods at night.",
                    source_evaluation="2",
                    intelligence_assessment="B",
                    handling_code="P",
                ),
            )
            window.open_debrief(draft)
            return window

        steps.append(("debrief-editor", editor))

        def item_dialog() -> QWidget:
            view = window.debrief_page.view
            assert view is not None
            dialog_ = ItemDialog(window.session, view.id, view.items[0], window)
            dialog_.show()
            return dialog_

        steps.append(("item-dialog", item_dialog))

        def search() -> QWidget:
            sp = window.show_page(SearchPage)
            assert isinstance(sp, SearchPage)
            sp.query.setText("Sprinter")
            sp.run_search()
            return window

        steps.append(("search", search))

        def reveal() -> QWidget:
            sp = window.page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            overview = sp.file_view.file.overview  # type: ignore[union-attr]
            dialog_ = RevealIdentityDialog(
                window.session, controller.runner, overview.id, overview.codename, window
            )
            dialog_.reason.setText("Prosecutor asks for the name")
            dialog_.show()
            return dialog_

        steps.append(("reveal-identity", reveal))

        def meeting() -> QWidget:
            sp = window.show_page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            sp.show_source(sp.model.row_at(2).id)  # type: ignore[union-attr]
            window.enter_meeting()
            assert window.meeting is not None
            window.meeting.note.setPlainText("Nervous. New phone next week. Van seen again.")
            return window

        steps.append(("meeting-mode", meeting))

        def leave_meeting() -> QWidget:
            if window.meeting is not None:
                window._leave_meeting(None)
            return window

        steps += [
            ("audit", lambda: (leave_meeting(), page(AuditPage)())[1]),
            ("settings", page(SettingsPage)),
        ]

        def alias_switch() -> QWidget:
            window.session.switch_alias("Havik")
            window.show_page(HomePage)
            return window

        steps.append(("handler-alias", alias_switch))

        for name, make in steps:
            widget = make()
            shot(app, widget, name, lang)
            if widget is not window:
                widget.close()
        controller.lock.lock("screenshots")
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        vault_dir = factory.make_vault(Path(tmp) / "demo")
        with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
            demo.generate(vault, sources=30, debriefs=400, seed=1729)
        for lang in ("en", "nl"):
            run(lang, vault_dir)
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()

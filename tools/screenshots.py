"""Screenshots of every main screen on a demo vault, in English and Dutch.

    python tools/screenshots.py [--out DIR] [--size WxH] [--lang en|nl]

Runs offscreen (QT_QPA_PLATFORM=offscreen, no X server needed, on a virtual
screen of the given size) unless a platform is set; under a real X server (or
Xvfb) use QT_QPA_PLATFORM=xcb. Writes
<DIR>/<lang>-<screen>.png (default docs/screenshots, 1366x768, both languages),
the main window at the given size and each dialog at its own size, capped to it.
Prints what does not fit the screen (tests/helpers/fit.py), as the test does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain.enums import PeerRole, Role  # noqa: E402
from app.services import reports  # noqa: E402
from app.services.demo_data import generator as demo  # noqa: E402
from app.services.exchange import keys, packages  # noqa: E402
from app.services.records import debriefs, sources  # noqa: E402
from app.services.records.debriefs import DebriefContent, ItemDraft, create_draft, save_draft  # noqa: E402
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
from app.ui.pages.packages import PackagesPage  # noqa: E402
from app.ui.pages.reports import ReportsPage  # noqa: E402
from app.ui.pages.search import SearchPage  # noqa: E402
from app.ui.pages.settings import SettingsPage  # noqa: E402
from app.ui.pages.sources import SourcesPage  # noqa: E402
from app.ui.workers import TaskRunner  # noqa: E402
from app.vault.vault import Vault  # noqa: E402
from tests.helpers import factory  # noqa: E402
from tests.helpers.fit import problems  # noqa: E402

OUT = ROOT / "docs" / "screenshots"

# The debrief typed for the editor shots, in the language of the run (the demo
# vault's generated records are English in both).
TYPED = {
    "en": {
        "narrative": "Source met a contact at the marina. The grey van was parked at the back; "
        "two men loaded boxes into it around 22:00.",
        "welfare": "Source slept badly; worried about money.",
        "security": "Counter-surveillance route followed; nothing seen.",
        "assessment": "Plausible; fits earlier reporting on the van.",
        "reflection": "Source dislikes one of the men; may exaggerate his role.",
        "item": "The grey van is used to move boxes from the marina at night.",
        "sanitised": "A grey van is reportedly used to move goods at night.",
        "addendum": "The van was seen at the marina again on Friday.",
        "return": "Who else was at the marina? Add the names you know.",
        "note": "Nervous. New phone next week. Van seen again.",
        "reason": "Prosecutor asks for the name",
        "recon": "Route checked the evening before; two exits.",
    },
    "nl": {
        "narrative": "Bron sprak een contact bij de jachthaven. De grijze bus stond achteraan; "
        "rond 22.00 uur laadden twee mannen er dozen in.",
        "welfare": "Bron sliep slecht; maakt zich zorgen over geld.",
        "security": "Route tegen observatie gevolgd; niets gezien.",
        "assessment": "Aannemelijk; past bij eerdere meldingen over de bus.",
        "reflection": "Bron mag een van de mannen niet; kan diens rol overdrijven.",
        "item": "De grijze bus wordt 's nachts gebruikt om dozen uit de jachthaven te halen.",
        "sanitised": "Een grijze bus wordt naar verluidt 's nachts gebruikt voor vervoer.",
        "addendum": "De bus stond vrijdag opnieuw bij de jachthaven.",
        "return": "Wie waren er nog meer bij de jachthaven? Vul de namen aan die u kent.",
        "note": "Zenuwachtig. Volgende week nieuwe telefoon. Bus weer gezien.",
        "reason": "Officier van justitie vraagt om de naam",
        "recon": "Route de avond ervoor verkend; twee uitgangen.",
    },
}


def settle(app: QApplication, ms: int = 300) -> None:
    # A local loop: QApplication.quit() would close (and so lock) the main window.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Camera:
    """Where the pictures go and the screen they must fit."""

    def __init__(self, out: Path, screen: QSize) -> None:
        self.out = out
        self.screen = screen
        self.misfits: list[str] = []

    def shot(self, app: QApplication, widget: QWidget, name: str, lang: str) -> None:
        settle(app)  # a dialog keeps the size Qt gave it on this screen
        self.misfits += [f"{lang}-{name}: {p}" for p in problems(widget.window(), self.screen)]
        settle(app, 100)
        widget.grab().save(str(self.out / f"{lang}-{name}.png"))


def run(camera: Camera, lang: str, vault_dir: Path, handler_dir: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    style.apply(app)
    translators = i18n.install(app, lang)
    try:
        wizard = FirstRunWizard(vault_dir.parent / "new-vault", TaskRunner())
        wizard.resize(QSize(640, 460).boundedTo(camera.screen))
        wizard.show()
        wizard.alias_page.alias.setText("Valk")
        wizard.next()
        wizard.passphrase_page.first.setText("kale berg rivier lantaarn")
        wizard.passphrase_page.second.setText("kale berg rivier lantaarn")
        camera.shot(app, wizard, "first-run", lang)
        wizard.close()

        controller = AppController(vault_dir)
        controller.start()
        dialog = controller.unlock_dialog
        assert dialog is not None
        camera.shot(app, dialog, "unlock", lang)
        done: list[bool] = []
        controller.lock.locked.connect(lambda _r: done.append(True))
        dialog.passphrase.setText(factory.PASSPHRASE)
        dialog.try_unlock()
        while controller.window is None:
            settle(app, 100)
        window: MainWindow = controller.window
        window.resize(camera.screen)
        typed = TYPED[lang]
        made: dict[str, object] = {}
        window.session.switch_alias("Valk")  # the previous run ended as the handler
        steps: list[tuple[str, Callable[[], QWidget]]] = []

        def page(cls: type) -> Callable[[], QWidget]:
            def show() -> QWidget:
                window.show_page(cls)
                return window

            return show

        steps += [("home", page(HomePage)), ("sources", page(SourcesPage))]

        def rich_source() -> uuid.UUID:
            """A file with something on every tab (payments, open tasking, contacts)."""
            vault, scope = window.session.vault, window.session.scope
            for row in sources.list_sources(vault, scope):
                f = sources.source_file(vault, scope, row.id)
                if f.payments and f.contacts and any(t.status.value == "open" for t in f.taskings):
                    return row.id
            raise SystemExit("no demo source with payments and tasking")

        def source_file() -> QWidget:
            sp = window.show_page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            made["source"] = source = rich_source()
            sp.show_source(source)
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
            ("source-tasking", source_tab(3)),
            ("source-payments", source_tab(4)),
            ("source-risk", source_tab(5)),
        ]

        def contact_form() -> QWidget:
            sp = window.page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            overview = sp.file_view.file.overview  # type: ignore[union-attr]
            form = ContactDialog(window.session, overview.id, overview.codename, window)
            form.location.setText("MOLEN-3")
            form.recon.setPlainText(typed["recon"])
            form.show()
            return form

        steps.append(("contact-form", contact_form))
        steps.append(("debriefs", page(DebriefsPage)))

        def editor() -> QWidget:
            vault, scope = window.session.vault, window.session.scope
            sp = window.page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            file = sp.file_view.file
            assert file is not None
            # Subjects the source's other debriefs name, so the cross-references show.
            with_items = next(d for d in file.debriefs if d.item_count)
            earlier = debriefs.get_debrief(vault, scope, with_items.id).items[0]
            subjects = tuple((x.kind, x.name) for x in earlier.subjects)
            draft = create_draft(vault, scope, file.overview.id)
            save_draft(
                vault,
                scope,
                draft,
                DebriefContent(
                    narrative=typed["narrative"],
                    welfare_observations=typed["welfare"],
                    security_observations=typed["security"],
                    runner_assessment=typed["assessment"],
                    critical_reflection=typed["reflection"],
                ),
            )
            debriefs.add_item(
                vault,
                scope,
                draft,
                ItemDraft(
                    text=typed["item"],
                    sanitised_text=typed["sanitised"],
                    source_evaluation="2",
                    intelligence_assessment="B",
                    handling_code="P",
                    subjects=subjects,
                ),
            )
            made["debrief"] = draft
            window.open_debrief(draft)
            show_cross_references()
            return window

        def show_cross_references() -> None:
            page_ = window.debrief_page
            page_.items.view.selectRow(0)
            settle(app, 100)
            page_.body_scroll.ensureWidgetVisible(page_.mentions, 0, 0)

        steps.append(("debrief-editor", editor))

        def item_dialog() -> QWidget:
            view = window.debrief_page.view
            assert view is not None
            dialog_ = ItemDialog(window.session, view.id, view.items[0], window)
            dialog_.show()
            return dialog_

        steps.append(("item-dialog", item_dialog))

        def submitted() -> QWidget:
            vault, scope = window.session.vault, window.session.scope
            debrief_id = made["debrief"]
            assert isinstance(debrief_id, uuid.UUID)
            debriefs.submit(vault, scope, debrief_id)
            debriefs.add_addendum(vault, scope, debrief_id, typed["addendum"])
            window.open_debrief(debrief_id)
            window.debrief_page.items.view.selectRow(0)
            settle(app, 100)  # laid out first, or the scroll target is not known yet
            window.debrief_page.body_scroll.ensureWidgetVisible(window.debrief_page.addenda_box)
            return window

        def reports_page() -> QWidget:
            # A sanitised report waiting for the handler, so the list shows one.
            debrief_id = made["debrief"]
            assert isinstance(debrief_id, uuid.UUID)
            reports.request_sanitised(
                window.session.vault,
                window.session.scope,
                reports.Selection(debrief_id=debrief_id),
                passphrase=factory.PASSPHRASE,
            )
            window.show_page(ReportsPage)
            return window

        def handler_review() -> QWidget:
            window.session.switch_alias("Havik")
            debrief_id = made["debrief"]
            assert isinstance(debrief_id, uuid.UUID)
            window.open_debrief(debrief_id)
            window.debrief_page.items.view.selectRow(0)
            return window

        def returned() -> QWidget:
            vault = window.session.vault
            debrief_id = made["debrief"]
            assert isinstance(debrief_id, uuid.UUID)
            debriefs.return_to_runner(vault, window.session.scope, debrief_id, typed["return"])
            window.session.switch_alias("Valk")
            window.open_debrief(debrief_id)
            return window

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
            dialog_.reason.setText(typed["reason"])
            dialog_.show()
            return dialog_

        steps.append(("reveal-identity", reveal))

        def meeting() -> QWidget:
            sp = window.show_page(SourcesPage)
            assert isinstance(sp, SourcesPage)
            source = made["source"]
            assert isinstance(source, uuid.UUID)
            sp.show_source(source)
            window.enter_meeting()
            assert window.meeting is not None
            window.meeting.note.setPlainText(typed["note"])
            return window

        steps.append(("meeting-mode", meeting))

        def leave_meeting() -> QWidget:
            if window.meeting is not None:
                window.meeting.save_note()
                window._leave_meeting(None)
            return window

        steps += [
            ("audit", lambda: (leave_meeting(), page(AuditPage)())[1]),
            ("settings", page(SettingsPage)),
        ]

        def packages_tab(index: int) -> Callable[[], QWidget]:
            def show() -> QWidget:
                pp = window.show_page(PackagesPage)
                assert isinstance(pp, PackagesPage)
                pp.tabs.setCurrentIndex(index)
                pp.reload()
                for _ in range(100):  # the send plan is made off the GUI thread
                    if index != 0 or pp.send.plan is not None:
                        break
                    settle(app, 100)
                return window

            return show

        def handler_bundle() -> keys.KeyBundle:
            with Vault.open(handler_dir, factory.PASSPHRASE) as handler:
                own = keys.own_bundle(handler, "Teamleider Havik", PeerRole.HANDLER)
                return keys.read_bundle(keys.bundle_bytes(handler, own))

        def add_key() -> QWidget:
            pp = window.show_page(PackagesPage)
            assert isinstance(pp, PackagesPage)
            pp.tabs.setCurrentIndex(3)
            bundle = handler_bundle()
            dialog_ = pp.keys.open_add_dialog(bundle)
            dialog_.spoken.setText(" ".join(bundle.fingerprint.spoken.split(" ")[:4]) + " ")
            made["bundle"] = bundle
            return dialog_

        def send() -> QWidget:
            vault, scope = window.session.vault, window.session.scope
            bundle = made["bundle"]
            assert isinstance(bundle, keys.KeyBundle)
            keys.add_peer(
                vault,
                scope,
                bundle,
                role=PeerRole.HANDLER,
                confirmed_spoken=bundle.fingerprint.spoken,
            )
            if not packages.plan_export(vault, scope, all_new=True).candidates:
                # The first language's run sent everything: give this one something new.
                source = made["source"]
                assert isinstance(source, uuid.UUID)
                fresh = create_draft(vault, scope, source)
                save_draft(
                    vault,
                    scope,
                    fresh,
                    DebriefContent(
                        narrative=typed["narrative"], critical_reflection=typed["reflection"]
                    ),
                )
                debriefs.submit(vault, scope, fresh)
            return packages_tab(0)()

        def package_log() -> QWidget:
            vault, scope = window.session.vault, window.session.scope
            if packages.plan_export(vault, scope, all_new=True).candidates:
                with tempfile.TemporaryDirectory() as stick:
                    packages.export_package(vault, scope, to_dir=Path(stick), all_new=True)
            return packages_tab(2)()

        steps += [
            ("packages-keys", packages_tab(3)),
            ("packages-add-key", add_key),
            ("packages-send", send),
            ("packages-log", package_log),
        ]

        def alias_switch() -> QWidget:
            window.session.switch_alias("Havik")
            window.show_page(HomePage)
            return window

        steps += [
            ("debrief-submitted", submitted),
            ("reports", reports_page),
            ("handler-approve", handler_review),
            ("debrief-returned", returned),
            ("handler-alias", alias_switch),
            ("packages-receive", packages_tab(1)),
        ]

        for name, make in steps:
            widget = make()
            camera.shot(app, widget, name, lang)
            if widget is not window:
                widget.close()
        controller.lock.lock("screenshots")
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def offscreen(screen: QSize, folder: Path) -> None:
    """Qt's offscreen platform on one virtual screen of ``screen``'s size (so
    dialogs size themselves as on that screen), unless a platform was chosen."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    config = folder / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": screen.width(),
                        "height": screen.height(),
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _size(text: str) -> QSize:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not WIDTHxHEIGHT: {text!r}") from None
    return QSize(width, height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    parser.add_argument("--size", type=_size, default=QSize(1366, 768), help="screen, WxH")
    parser.add_argument("--lang", choices=("en", "nl"), action="append", help="default: both")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    camera = Camera(args.out, args.size)
    with tempfile.TemporaryDirectory() as tmp:
        offscreen(args.size, Path(tmp))
        os.environ.setdefault("VELDBOEK_HOME", str(Path(tmp) / "home"))
        vault_dir = factory.make_vault(Path(tmp) / "demo")
        with Vault.open(vault_dir, factory.PASSPHRASE) as vault:
            demo.generate(vault, sources=30, debriefs=400, seed=1729)
        # The team handler's own vault, whose key the runner adds on the Packages page.
        handler_dir = factory.make_vault(Path(tmp) / "handler", alias="Havik", role=Role.HANDLER)
        for lang in args.lang or ("en", "nl"):
            run(camera, lang, vault_dir, handler_dir)
    print(f"screenshots in {args.out}")
    for misfit in camera.misfits:
        print(f"does not fit: {misfit}")
    return 1 if camera.misfits else 0


if __name__ == "__main__":
    sys.exit(main())

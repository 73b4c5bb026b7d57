"""Dutch translation: complete, compiled, applied; language follows the system
locale unless the user chose one."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.errors import DatabaseCorrupt, Notice
from app.services.admin import local_config
from app.ui import i18n
from app.ui.controller import AppController
from app.ui.errors import describe, notices
from app.ui.main_window import MainWindow
from app.ui.pages.settings import SettingsPage
from app.ui.widgets import file_size
from app.vault.vault import Vault
from tests.helpers import factory
from tests.ui.conftest import unlock

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "app/ui/i18n/veldboek_nl.ts"


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = "\n".join(forms) if forms else translation.text
            out[(name, message.findtext("source") or "")] = (
                "" if translation.get("type") == "unfinished" else (text or "")
            )
    return out


def test_every_ui_string_is_in_the_dutch_file_and_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "app/ui").rglob("*.py"))
    subprocess.run(
        [str(Path(sys.executable).parent / "pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    wanted = set(_messages(fresh))
    committed = _messages(TS)
    assert wanted - set(committed) == set(), "run tools/translate.py"
    untranslated = [key for key in wanted if not committed[key]]
    assert untranslated == []
    assert (ROOT / "app/ui/i18n/veldboek_nl.qm").stat().st_size > 1000


def test_language_follows_the_system_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("nl_NL")))
    assert i18n.resolve_language("system") == "nl"
    assert i18n.resolve_language("en") == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_FR")))
    assert i18n.resolve_language("system") == "en"  # no French: English
    assert i18n.resolve_language("nl") == "nl"
    local_config.save(local_config.LocalConfig(language="nl"))
    assert local_config.load().language == "nl"


def test_dutch_interface(qtbot: QtBot, demo_dir: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "nl")
    try:
        assert QCoreApplication.translate("Labels", "Civilian informant") == "Burgerinformant"
        controller = AppController(demo_dir)
        controller.start()
        assert controller.unlock_dialog is not None
        assert controller.unlock_dialog.unlock_button.text() == "Ontgrendelen"
        window = unlock(qtbot, controller)
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert nav == [
            "Start",
            "Bronnen",
            "Debriefings",
            "Zoeken",
            "Rapporten",
            "Pakketten",
            "Auditlog",
            "Instellingen",
        ]
        assert "U werkt als" in window.band.label.text()
        # A service's warning (a gap in a channel) is shown in Dutch, its numbers kept.
        gap = Notice("Package {n} arrived late; it fills a gap.", n=3)
        assert str(gap) == "Package 3 arrived late; it fills a gap."
        assert notices((gap,)) == "Pakket 3 kwam later aan; het vult een gat."
        controller.lock.lock("test")
        # Nothing of this test stays on screen for the tests after it (a runner's
        # day counts what a panic leaves on screen).
        assert controller.unlock_dialog is not None
        controller.unlock_dialog.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


def test_every_service_error_template_is_a_literal_and_translated() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import error_texts

    assert error_texts.not_literal() == [], "raise errors with a template and parameters"
    templates = error_texts.templates()
    assert len(templates) > 80
    committed = _messages(TS)
    untranslated = [t for t in templates if not committed.get(("Errors", t))]
    assert untranslated == [], "run tools/translate.py"


def test_qts_own_file_dialog_is_dutch(qtbot: QtBot) -> None:
    """Qt's file dialog (the folder and file pickers): its texts come from Qt's own
    qtbase_nl.qm, which PySide6 ships and ``install`` loads, and the few Qt 6 texts
    that file lacks ("&Look in:", "Files of &type:") from Veldboek's own."""
    qtbase = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_nl.qm"
    assert qtbase.is_file()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "nl")
    try:
        assert [Path(t.filePath()).name for t in translators] == ["veldboek_nl.qm", "qtbase_nl.qm"]
        for mode in (QFileDialog.FileMode.Directory, QFileDialog.FileMode.ExistingFile):
            dialog = QFileDialog(None, "Map om het pakket in te schrijven")
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
            dialog.setFileMode(mode)
            qtbot.addWidget(dialog)
            dialog.show()
            texts = {
                w.objectName(): w.text()
                for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)
                if w.isVisible() and w.text()
            }
            assert texts["lookInLabel"] == "&Zoeken in:"
            assert texts["fileTypeLabel"] == "Bestanden van &type:"
            english = ("Look in", "Files of", "Directory", "File name", "Choose", "Open", "Cancel")
            shown = " | ".join(texts.values()).replace("&", "")
            assert not [word for word in english if word in shown], shown
            dialog.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))


def test_the_dutch_texts_name_the_vaults_header_in_dutch(vault_dir: Path) -> None:
    """No Dutch text says "header" (Dutch: het kopbestand), apart from the file's own
    name, vault.header; for one, the message a truncated vault gives at unlock."""
    in_english = [
        text
        for text in _messages(TS).values()
        if "header" in text.lower().replace("vault.header", "")
    ]
    assert in_english == []
    db = vault_dir / "vault.db"
    db.write_bytes(db.read_bytes()[: 4096 * 3 + 1000])  # cut off mid-page
    with pytest.raises(DatabaseCorrupt) as refused:
        Vault.open(vault_dir, factory.PASSPHRASE)
    assert "header" in str(refused.value)  # the English text names it so
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, "nl")
    try:
        dutch = describe(refused.value)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
    assert dutch.startswith("De kluisdatabase kan niet worden ontsleuteld")
    assert "kopbestand" in dutch
    assert "header" not in dutch.replace("vault.header", "")


def test_the_texts_quote_names_in_curly_quotes_only() -> None:
    """A button's or setting's name in a sentence stands in curly quotes (“…”), in
    English and in Dutch alike: no text the user reads mixes in straight ones."""
    straight = [
        text
        for (_context, source), dutch in _messages(TS).items()
        for text in (source, dutch)
        if '"' in text
    ]
    assert straight == []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_numbers_are_written_as_the_interface_language_writes_them(
    qtbot: QtBot, window: MainWindow, language: str
) -> None:
    """Settings' key derivation time ("about 0.6 s", "ongeveer 0,6 s") and file sizes
    take the interface language's decimal sign."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = i18n.install(app, language) if language == "nl" else []
    try:
        window.retranslate()
        page = window.show_page(SettingsPage)
        assert isinstance(page, SettingsPage)
        page.reload()
        info = page.info.text()
        sizes = file_size(3 * 1024 * 1024 // 2), file_size(20 * 1024)
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale("en_US"))
    if language == "nl":
        assert re.search(r"\(ongeveer \d+,\d s op deze computer\)", info), info
        assert sizes == ("1,5 MB", "20 KB")
    else:
        assert re.search(r"\(about \d+\.\d s on this computer\)", info), info
        assert sizes == ("1.5 MB", "20 KB")

"""Interface language: the system locale, unless the user chose one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

I18N_DIR = Path(__file__).resolve().parent / "i18n"
SUPPORTED = ("en", "nl")
_installed: list[QTranslator] = []  # what ``install`` put in, for ``switch`` to take out

# Qt's own dialogs are translated by Qt's qtbase_<language>.qm (PySide6 ships
# qtbase_nl.qm; ``install`` loads it). That file lacks a few of Qt 6's texts, which
# its file dialog then shows in English: Veldboek's own file carries them, in Qt's
# context (Qt asks the translators in turn, the last installed first, so qtbase's
# own translation wins wherever it has one).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def resolve_language(choice: str) -> str:
    if choice in SUPPORTED:
        return choice
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED else "en"


def install(app: QApplication, choice: str) -> list[QTranslator]:
    """Install Veldboek's and Qt's own translations (standard buttons, dialogs)."""
    language = resolve_language(choice)
    installed: list[QTranslator] = []
    if language == "en":
        if QLocale.system().language() == QLocale.Language.C:
            # A bare system (no locale set) writes 1250.00€; English style instead.
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        # Only the texts with a count: "1 debrief", "2 debriefs" (tools/translate.py).
        plurals = QTranslator(app)
        if plurals.load(str(I18N_DIR / "veldboek_en.qm")):
            app.installTranslator(plurals)
            installed.append(plurals)
            _installed.extend(installed)
        return installed
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"veldboek_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    QLocale.setDefault(QLocale(language))
    _installed.extend(installed)
    return installed


def switch(choice: str, app: QApplication | None = None) -> str:
    """Change the language of a running app: take out the translations installed
    before, put in those of ``choice``. Qt then sends every widget a LanguageChange
    event; the main window builds itself again (``MainWindow.retranslate``).
    Returns the language now in use."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(choice)
    if language == "en":
        system = QLocale.system()
        english = system.language() == QLocale.Language.English
        QLocale.setDefault(
            system if english else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
    install(app, choice)
    return language

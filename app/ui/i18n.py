"""Interface language: the system locale, unless the user chose one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

I18N_DIR = Path(__file__).resolve().parent / "i18n"
SUPPORTED = ("en", "nl")


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
    return installed

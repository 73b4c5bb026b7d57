"""Counted nouns for sentences with more than one count: each count is one piece
in Qt's plural forms ("1 package", "3 packages"; English in veldboek_en.ts, Dutch
in tools/nl_strings_plurals.py), which a translatable sentence places with its own
{placeholders}, so that Dutch keeps its own word order. A sentence with one count
uses ``self.tr("… %n …", "", n)`` itself. Each text is a literal here: lupdate
reads only literals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def debriefs(n: int) -> str:
    return QCoreApplication.translate("Counts", "%n debrief(s)", "", n)


def files(n: int) -> str:
    return QCoreApplication.translate("Counts", "%n file(s)", "", n)


def packages(n: int) -> str:
    return QCoreApplication.translate("Counts", "%n package(s)", "", n)


def reviews(n: int) -> str:
    return QCoreApplication.translate("Counts", "%n review(s)", "", n)


def newer_versions(n: int) -> str:
    return QCoreApplication.translate("Counts", "%n newer version(s)", "", n)


def older_versions(n: int) -> str:
    return QCoreApplication.translate("Counts", "%n older version(s)", "", n)

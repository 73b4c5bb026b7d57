"""Qt keeps nothing of its own on disk for Veldboek.

Whenever a Qt file dialog closes, Qt writes its history and the last folder
visited into the user's settings (``~/.config/QtProject.conf``): where packages
and reports were saved, in folder names that may well name a source or an
operation. Veldboek keeps its few settings in ``veldboek.json``
(docs/security.md) and uses no ``QSettings`` of its own, so Qt's settings are
pointed at a place no process can write (``/proc`` takes no new files, not even
root's): Qt keeps them in memory for the session and writes nothing. (On Linux,
Qt's native settings format is this same file format; that is the laptop Veldboek
is built for.)
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

NOWHERE = "/proc/veldboek-keeps-no-qt-settings"


def keep_nothing() -> None:
    """Before any Qt settings are read or written (start-up)."""
    for form in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(form, scope, NOWHERE)

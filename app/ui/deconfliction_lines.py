"""How an open deconfliction match reads on screen: possibly the same person as a
source of another team (or a source of this team the alias can see), by which
kind of attribute. Never more: the vault holds no more."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.exchange.deconfliction_notices import OpenMatch

_KINDS: dict[str, object] = {  # QT_TRANSLATE_NOOP marks the text for lupdate
    "name_dob": QT_TRANSLATE_NOOP("Deconfliction", "name and date of birth"),
    "phone": QT_TRANSLATE_NOOP("Deconfliction", "phone number"),
    "address": QT_TRANSLATE_NOOP("Deconfliction", "address"),
}


def match_line(match: OpenMatch) -> str:
    tr = QCoreApplication.translate
    kind = tr("Deconfliction", str(_KINDS[match.kind]))
    if match.other_codename is not None:
        return tr(
            "Deconfliction", "Possibly the same person as {codename} (this team): {kind}"
        ).format(codename=match.other_codename, kind=kind)
    return tr(
        "Deconfliction", "Possibly the same person as a source of team {team}: {kind}"
    ).format(team=match.other_team, kind=kind)


def home_line(match: OpenMatch) -> str:
    return QCoreApplication.translate("Deconfliction", "{codename}: {line}").format(
        codename=match.codename, line=match_line(match)
    )

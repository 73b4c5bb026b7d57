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


_STATES: dict[str, object] = {
    "open": QT_TRANSLATE_NOOP("Deconfliction", "open"),
    "same": QT_TRANSLATE_NOOP("Deconfliction", "decided: the same person"),
    "different": QT_TRANSLATE_NOOP("Deconfliction", "decided: not the same person"),
}


def which(match: OpenMatch) -> str:
    """Which match it is (its short id, as central's list starts it) and its state:
    two matches of one source with one team read alike otherwise."""
    state = QCoreApplication.translate(
        "Deconfliction", str(_STATES.get(match.status, match.status))
    )
    # Called by its full name, never through an alias: lupdate finds only these.
    return QCoreApplication.translate("Deconfliction", "(match {id}, {state} since {day})").format(
        id=match.short_id, state=state, day=f"{match.opened_at:%Y-%m-%d}"
    )


def match_line(match: OpenMatch) -> str:
    kind = QCoreApplication.translate("Deconfliction", str(_KINDS[match.kind]))
    if match.other_codename is not None:
        line = QCoreApplication.translate(
            "Deconfliction", "Possibly the same person as {codename} (this team): {kind}"
        ).format(codename=match.other_codename, kind=kind)
    else:
        line = QCoreApplication.translate(
            "Deconfliction", "Possibly the same person as a source of team {team}: {kind}"
        ).format(team=match.other_team, kind=kind)
    return f"{line} {which(match)}"


def home_line(match: OpenMatch) -> str:
    return QCoreApplication.translate("Deconfliction", "{codename}: {line}").format(
        codename=match.codename, line=match_line(match)
    )

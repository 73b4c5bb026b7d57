"""Reports in Dutch: the fixed text follows the chosen language, the catalogue
covers every label the renderer prints, and the language is chosen as documented."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from app.domain.enums import ContactKind, PaymentKind, Role, TaskingStatus
from app.domain.grading import SCHEMES
from app.reports import internal, labels
from app.reports.styles import words
from app.services import reports
from app.services.reports import sanitise

REPORTS = Path(__file__).resolve().parent.parent / "app" / "reports"


def _literal_labels() -> set[str]:
    """Every string literal the renderer passes to its ``t(...)`` labels."""
    found: set[str] = set()
    for path in REPORTS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            arg = node.args[0]
            is_t = isinstance(node.func, ast.Name) and node.func.id == "t"
            if is_t and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            if isinstance(node.func, ast.Attribute) and node.func.attr == "count":
                noun = node.args[1] if len(node.args) > 1 else None
                if isinstance(noun, ast.Constant) and isinstance(noun.value, str):
                    found |= {f"1 {noun.value}", f"{{n}} {noun.value}s"}
    return found


def _data_labels() -> set[str]:
    """Labels that reach ``t`` as data: status and enum words, grading labels."""
    out = set(internal.STATUS_WORDS.values()) | set(internal.CORROBORATION_WORDS.values())
    out |= set(internal.SUBJECT_KINDS.values())
    out |= {words(k.value) for k in (*ContactKind, *TaskingStatus, *PaymentKind)}
    out |= {r.value for r in Role}
    out |= {"Debrief report", "Debrief reports", sanitise.SANITISED_TITLE}
    out |= {reports.PREVIEW_NOTICE}
    for scheme in SCHEMES.values():
        for axis in (scheme.source_evaluation, scheme.intelligence_assessment, scheme.handling):
            out |= {code.label for code in axis}
    return out


def test_the_catalogue_has_a_dutch_text_for_every_label_with_the_same_fields() -> None:
    needed = _literal_labels() | _data_labels()
    assert len(needed) > 100  # the walk found the renderer's calls
    assert sorted(needed - labels.NL.keys()) == []

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    assert [k for k, v in labels.NL.items() if fields(k) != fields(v)] == []


def test_labels_translate_format_and_count() -> None:
    nl, en = labels.Labels("nl"), labels.Labels("en")
    assert nl("Page {page} of {total}", page=2, total=9) == "Pagina 2 van 9"
    assert en("Page {page} of {total}", page=2, total=9) == "Page 2 of 9"
    assert nl.count(1, "debrief") == "1 debriefing"
    assert nl.count(3, "debrief") == "3 debriefings"
    assert en.count(3, "item") == "3 items"
    assert nl("text nobody wrote down") == "text nobody wrote down"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "nl_BE.UTF-8"}, "nl"),
        ({"LANGUAGE": "en:nl", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_ALL": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_is_read_from_the_locale(env: dict[str, str], expected: str) -> None:
    assert labels.system_language(env) == expected
    assert labels.resolve("system", env) == expected
    assert labels.resolve("nl", env) == "nl"
    assert labels.resolve("en", env) == "en"


def test_the_default_report_language_follows_the_interface_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services.admin import local_config

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert reports.default_language() == "en"  # "system", and the system is English
    local_config.save(local_config.LocalConfig("nl"))
    assert reports.default_language() == "nl"
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    local_config.save(local_config.LocalConfig("system"))
    assert reports.default_language() == "nl"


def test_unknown_languages_are_refused() -> None:
    with pytest.raises(ValueError, match="en, nl"):
        labels.checked("de")
    assert re.fullmatch("en|nl", labels.checked("nl"))

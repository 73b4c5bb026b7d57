"""Refresh the Dutch translation: collect strings (pyside6-lupdate), add the
service error templates (tools/error_texts.py, context "Errors"), fill them all
from tools/nl_strings.py, compile the .qm (pyside6-lrelease).

    python tools/translate.py          # fails listing any string left untranslated
"""

from __future__ import annotations

import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
import error_texts  # noqa: E402
from nl_strings import BY_CONTEXT, ERRORS, NL  # noqa: E402
from nl_strings_plurals import PLURALS  # noqa: E402

TS = ROOT / "app/ui/i18n/veldboek_nl.ts"
QM = ROOT / "app/ui/i18n/veldboek_nl.qm"
# English needs a translation of its own for the texts with a count only (lupdate
# -pluralonly): "%n debrief(s)" as "1 debrief", "2 debriefs".
EN_TS = ROOT / "app/ui/i18n/veldboek_en.ts"
EN_QM = ROOT / "app/ui/i18n/veldboek_en.qm"
BIN = Path(sys.executable).parent


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def _add_error_templates(root: ET.Element) -> None:
    """Service errors are not in app/ui, so lupdate does not see them: add them."""
    context = next((c for c in root.iter("context") if c.findtext("name") == "Errors"), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = "Errors"
    present = {m.findtext("source") for m in context.iter("message")}
    for template in error_texts.templates():
        if template in present:
            continue
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        ET.SubElement(message, "translation", {"type": "unfinished"})


def _plural(message: ET.Element, forms: tuple[str, str]) -> None:
    """Fill a numerus message's translation with its forms (one, more)."""
    translation = message.find("translation")
    assert translation is not None
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    translation.attrib.pop("type", None)
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form


def _english_plurals(sources: list[str]) -> list[str]:
    """veldboek_en.ts/.qm: the English forms of every text with a count."""
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            *("-no-obsolete", "-pluralonly", "-target-language", "en"),
            *(*sources, "-ts", str(EN_TS)),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    tree = ET.parse(EN_TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        if source not in PLURALS:
            missing.append(f"plural forms: {source!r}")
            continue
        _plural(message, PLURALS[source][0])
    tree.write(EN_TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(EN_TS), "-qm", str(EN_QM)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return missing


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app/ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(TS)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    tree = ET.parse(TS)
    _add_error_templates(tree.getroot())
    missing = [f"not a literal template: {where}" for where in error_texts.not_literal()]
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes":
                if source in PLURALS:
                    forms = (*PLURALS[source][0], *PLURALS[source][1])
                    if any(not _fields(f) <= _fields(source) or "%n" not in f for f in forms):
                        missing.append(f"{name}: placeholders differ in {source!r}")
                    _plural(message, PLURALS[source][1])
                else:
                    missing.append(f"{name}: plural forms of {source!r}")
                continue
            if name == "Errors":
                text = ERRORS.get(source, NL.get(source))
            else:
                text = BY_CONTEXT.get((name, source), NL.get(source))
            if text is not None and not _fields(text) <= _fields(source):
                missing.append(f"{name}: placeholders differ in {source!r}")
            translation = message.find("translation")
            assert translation is not None
            if text is None:
                missing.append(f"{name}: {source!r}")
                continue
            translation.text = text
            translation.attrib.pop("type", None)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    missing += _english_plurals(sources)
    if missing:
        print("untranslated:\n  " + "\n  ".join(missing))
        return 1
    print(f"{TS.name}: every string translated; {QM.name} compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

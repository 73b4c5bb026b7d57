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

TS = ROOT / "app/ui/i18n/veldboek_nl.ts"
QM = ROOT / "app/ui/i18n/veldboek_nl.qm"
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
    if missing:
        print("untranslated:\n  " + "\n  ".join(missing))
        return 1
    print(f"{TS.name}: every string translated; {QM.name} compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

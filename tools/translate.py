"""Refresh the Dutch translation: collect strings (pyside6-lupdate), fill them
from tools/nl_strings.py, compile the .qm (pyside6-lrelease).

    python tools/translate.py          # fails listing any string left untranslated
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from nl_strings import BY_CONTEXT, NL  # noqa: E402

TS = ROOT / "app/ui/i18n/veldboek_nl.ts"
QM = ROOT / "app/ui/i18n/veldboek_nl.qm"
BIN = Path(sys.executable).parent


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app/ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(TS)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    tree = ET.parse(TS)
    missing = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            text = BY_CONTEXT.get((name, source), NL.get(source))
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

"""Write the field tables of docs/package-format.md from the declarations of
``app.models.wire``, between the markers ``<!-- fields:TYPE -->`` and
``<!-- /fields:TYPE -->``.

    .venv/bin/python tools/package_doc.py          # rewrite the tables
    .venv/bin/python tools/package_doc.py --check  # exit 1 if the document differs

tests/packages/test_declarations.py fails when the document and the declarations
disagree.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.models import wire as w  # noqa: E402

DOC = ROOT / "docs" / "package-format.md"
_BLOCK = re.compile(r"(<!-- fields:([a-z_]+) -->\n)(.*?)(<!-- /fields:\2 -->)", re.S)


def _since(since: int, until: int | None) -> str:
    if until is not None:
        return f"{since} only" if since == until else f"{since} to {until}"
    return f"{since}" if since > min(w.VERSIONS) else "all"


def _type(f: w.Field) -> str:
    if f.wire is w.Wire.NAME:
        kind = f.name_kind.value if f.name_kind else "alias"
        how = "cover name" if f.by_alias else f"{kind} name"
        return f'{how}, or `""` for none' if f.empty_for_none else how
    if f.wire is w.Wire.NAMES:
        return "list of cover names, sorted, each once"
    if f.wire is w.Wire.TEXT:
        if f.length is not None:
            return f"text of exactly {f.length} characters"
        limit = f.limit or w.TEXT_LIMIT
        if f.file_name:
            return f"file name, 1 to {limit:,} characters"
        return f"text, 1 to {limit:,} characters" if f.non_empty else f"text ≤ {limit:,} characters"
    if f.wire is w.Wire.CODE:
        return "one of " + ", ".join(f"`{v}`" for v in f.values)
    if f.wire is w.Wire.HEX_ID:
        return '32 hex digits, or `""` for none'
    if f.wire is w.Wire.COUNT:
        return "integer, 0 ≤ n < 2^53"
    if f.wire is w.Wire.TOKENS:
        return "list of {`kind`, `key_id`, `token`}, sorted, each once, 0 to 64; may be absent"
    return {
        w.Wire.ID: "id (UUID)",
        w.Wire.TIME: "time",
        w.Wire.DAY: "day",
        w.Wire.BOOL: "`true` or `false`",
        w.Wire.SHA256: "hash",
    }[f.wire]


def table(rt: w.RecordType) -> str:
    """The Markdown table of one record type's fields."""
    lines = [
        "| field | type | null | since | note |",
        "| --- | --- | --- | --- | --- |",
    ]
    for m in rt.members:
        if isinstance(m, w.Field):
            note = m.about or (f"from `{m.column}`" if m.by_alias else "")
            null = "yes" if m.nullable else ""
            lines.append(
                f"| `{m.name}` | {_type(m)} | {null} | {_since(m.since, m.until)} | {note} |"
            )
        else:
            if m.many:
                kind = f"list of *{m.record}*"
                if m.order:
                    kind += ", sorted by " + ", ".join(f"`{k}`" for k in m.order)
                null = ""
            else:
                kind, null = f"*{m.record}*", "yes"
            lines.append(
                f"| `{m.name}` | {kind} | {null} | {_since(m.since, m.until)} | {m.about} |"
            )
    return "\n".join(lines) + "\n"


def render(text: str) -> str:
    """``text`` with every field table written again from the declarations."""

    def block(match: re.Match[str]) -> str:
        rt = w.RECORD_TYPES[match.group(2)]
        return match.group(1) + table(rt) + match.group(4)

    return _BLOCK.sub(block, text)


def tables_in(text: str) -> set[str]:
    return {m.group(2) for m in _BLOCK.finditer(text)}


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    again = render(text)
    if "--check" in sys.argv[1:]:
        if again != text:
            print("docs/package-format.md: field tables differ from app/models/wire.py")
            return 1
        return 0
    DOC.write_text(again, encoding="utf-8")
    print(f"wrote the field tables of {DOC}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

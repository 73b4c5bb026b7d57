"""The check of one record type and format version, written out as one Python
function (``compiled``) from the declarations of ``app.models.wire``.

A package of 10,000 debriefs holds about a million values. Checked by a list of
small functions (one call per value, ``package_validation``'s first form) that
cost half of reading the package; written out, the common checks (a string's
type and length, a code among its values, a count, an id's form) are inline
expressions and only the rarer ones (a timestamp, a name by its rule, tokens)
are calls. The source is made from the declarations alone: field names enter it
as ``repr`` literals, every other value as a name bound in its namespace, so no
text from a package ever becomes code. What it accepts is what the declarations
say, field by field in their order (``tests/packages/test_check_compiler.py``
holds it to the per-value checks on every record type).
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from typing import Any

from app.models import wire as w

Check = Callable[[Any], None]
FieldCheck = Callable[[w.Field], Callable[[object], bool]]


def _ascending(keys: list[Any]) -> bool:
    # each after the one before (so each once); map keeps the loop in C
    return all(map(operator.lt, keys, itertools.islice(keys, 1, None)))


class _Source:
    """The function's lines, and the values its names stand for."""

    def __init__(self, patterns: dict[str, Any]) -> None:
        self.lines = ["def check(doc):"]
        self.names: dict[str, Any] = {"_ascending": _ascending, **patterns}

    def bind(self, value: Any) -> str:
        name = f"_v{len(self.names)}"
        self.names[name] = value
        return name

    def line(self, text: str, depth: int = 1) -> None:
        self.lines.append("    " * depth + text)


def _inline(f: w.Field, src: _Source, fallback: FieldCheck) -> str:
    """A boolean expression of ``v`` that holds exactly when the value is what
    ``f`` declares."""
    kind = f.wire
    if kind is w.Wire.ID:
        expr = "(type(v) is str and _uuid(v) is not None)"
    elif kind is w.Wire.TEXT and f.length is not None:
        expr = f"(type(v) is str and len(v) == {int(f.length)})"
    elif kind is w.Wire.TEXT and not f.file_name:
        least = "0 < " if f.non_empty else ""
        expr = f"(type(v) is str and {least}len(v) <= {int(f.limit or w.TEXT_LIMIT)})"
    elif kind is w.Wire.CODE:
        expr = f"(type(v) is str and v in {src.bind(frozenset(f.values))})"
    elif kind is w.Wire.COUNT:
        expr = "(type(v) is int and 0 <= v < 9007199254740992)"
    elif kind is w.Wire.BOOL:
        expr = "(type(v) is bool)"
    elif kind is w.Wire.SHA256:
        expr = "(type(v) is str and _hex64(v) is not None)"
    elif kind is w.Wire.HEX_ID:
        expr = '(v == "" or (type(v) is str and _hex32(v) is not None))'
    else:  # a timestamp, a day, a name, names, a file's name, tokens: their own functions
        return f"{src.bind(fallback(f))}(v)"  # (null allowed or not, as declared)
    return f"(v is None or {expr})" if f.nullable else expr


def compiled(
    rt: w.RecordType,
    version: int,
    nested: Callable[[str], Check],
    fallback: FieldCheck,
    patterns: dict[str, Any],
    bad: type[Exception],
) -> Check:
    """The check of ``rt`` at ``version``: raises ``bad`` unless its argument is
    such a record. ``nested`` gives the check of a nested record type, ``fallback``
    the per-value check of a field not written inline (``patterns``: ``_uuid``,
    ``_hex64``, ``_hex32``, regular expressions' ``fullmatch``)."""
    src = _Source(patterns)
    src.names["Bad"] = bad
    keys, required = rt.keys(version), rt.required(version)
    src.line("if type(doc) is not dict:")
    src.line("raise Bad", 2)
    if keys == required:
        src.line(f"if doc.keys() != {src.bind(keys)}:")
    else:
        src.line(f"if not {src.bind(required)} <= doc.keys() <= {src.bind(keys)}:")
    src.line("raise Bad", 2)
    fields = rt.fields(version)
    for f in [f for f in fields if not f.optional] + [f for f in fields if f.optional]:
        depth = 1
        if f.optional:
            src.line(f"if {f.name!r} in doc:")
            depth = 2
        src.line(f"v = doc[{f.name!r}]", depth)
        src.line(f"if not {_inline(f, src, fallback)}:", depth)
        src.line("raise Bad", depth + 1)
    for n in rt.nested(version):
        inner = src.bind(nested(n.record))
        src.line(f"v = doc[{n.name!r}]")
        if not n.many:
            src.line("if v is not None:")
            src.line(f"{inner}(v)", 2)
            continue
        src.line("if type(v) is not list:")
        src.line("raise Bad", 2)
        src.line("for e in v:")
        src.line(f"{inner}(e)", 2)
        if n.order:
            order = src.bind(operator.itemgetter(*n.order))
            src.line(f"if len(v) > 1 and not _ascending([{order}(e) for e in v]):")
            src.line("raise Bad", 2)
    namespace = dict(src.names)
    exec(compile("\n".join(src.lines), f"<check {rt.name} v{version}>", "exec"), namespace)  # noqa: S102
    check: Check = namespace["check"]
    return check

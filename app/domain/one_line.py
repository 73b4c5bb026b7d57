"""Text that names what someone else chose (a dropped file's name, a message that
quotes it) made safe for one line of a terminal, a log or the database."""

from __future__ import annotations

import re

# What must never reach a terminal line or a log as it is: control characters
# (line breaks, escape sequences), line separators and the bidirectional controls.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` (a file's name, a message naming it) safe on one line and in the
    database: control characters as ``\\xNN``/``\\uNNNN``, a name's bytes that are
    not UTF-8 as ``\\xNN``. Anyone who may drop a file chooses its name."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "backslashreplace")
    clean = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: ascii(m.group())[1:-1], clean)


def is_file_name(text: str) -> bool:
    """Whether ``text`` is a file's name as Veldboek's writer sends one (the last
    part of a path, printable: ``attachments.clean_name``): no folder (``/``,
    ``\\``, ``..``), no control, invisible or direction-changing character. A
    package's sender chooses it, and a save dialog suggests it."""
    return text.isprintable() and "/" not in text and "\\" not in text and text not in (".", "..")

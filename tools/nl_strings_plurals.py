"""Texts with a count: Qt's plural forms (``self.tr("%n debrief(s) …", "", n)``),
one entry a source text: its English forms (one, more) and its Dutch forms (one,
more). tools/translate.py writes the Dutch into veldboek_nl.ts and the English into
veldboek_en.ts (a plurals-only translation: without it English would read
"1 debrief(s)"). Keep %n and the {placeholders}."""

PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # Reports: the drafts an internal report includes, or leaves out.
    "It includes %n draft(s), marked DRAFT.": (
        ("It includes %n draft, marked DRAFT.", "It includes %n drafts, marked DRAFT."),
        (
            "Er zit %n concept in, gemarkeerd CONCEPT.",
            "Er zitten %n concepten in, gemarkeerd CONCEPT.",
        ),
    ),
    "%n draft(s) of this choice are left out (“Include drafts” adds them).": (
        (
            "%n draft of this choice is left out (“Include drafts” adds it).",
            "%n drafts of this choice are left out (“Include drafts” adds them).",
        ),
        (
            "%n concept van deze keuze blijft buiten het rapport (“Concepten opnemen” voegt het toe).",
            "%n concepten van deze keuze blijven buiten het rapport (“Concepten opnemen” voegt ze toe).",
        ),
    ),
}

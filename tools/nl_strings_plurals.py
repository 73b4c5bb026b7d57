"""Texts with a count: Qt's plural forms (``self.tr("%n debrief(s) …", "", n)``),
one entry a source text: its English forms (one, more) and its Dutch forms (one,
more). tools/translate.py writes the Dutch into veldboek_nl.ts and the English into
veldboek_en.ts (a plurals-only translation: without it English would read
"1 debrief(s)"). Keep %n and the {placeholders}."""

PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # Packages, Send.
    "%n debrief(s) ready to send.": (
        ("%n debrief ready to send.", "%n debriefs ready to send."),
        ("%n debriefing klaar om te verzenden.", "%n debriefings klaar om te verzenden."),
    ),
    "%n debrief(s) still miss something (in red).": (
        (
            "%n debrief still misses something (in red).",
            "%n debriefs still miss something (in red).",
        ),
        (
            "Aan %n debriefing ontbreekt nog iets (in rood).",
            "Aan %n debriefings ontbreekt nog iets (in rood).",
        ),
    ),
    "Package {n} with %n debrief(s) written to {path}.": (
        (
            "Package {n} with %n debrief written to {path}.",
            "Package {n} with %n debriefs written to {path}.",
        ),
        (
            "Pakket {n} met %n debriefing geschreven naar {path}.",
            "Pakket {n} met %n debriefings geschreven naar {path}.",
        ),
    ),
    "Package {n} with %n debrief(s) is on its way to {names}.": (
        (
            "Package {n} with %n debrief is on its way to {names}.",
            "Package {n} with %n debriefs is on its way to {names}.",
        ),
        (
            "Pakket {n} met %n debriefing is onderweg naar {names}.",
            "Pakket {n} met %n debriefings is onderweg naar {names}.",
        ),
    ),
    "No new debrief; the deconfliction tokens of %n source(s) wait to be sent.": (
        (
            "No new debrief; the deconfliction tokens of %n source wait to be sent.",
            "No new debrief; the deconfliction tokens of %n sources wait to be sent.",
        ),
        (
            "Geen nieuwe debriefing; de deconflictietokens van %n bron wachten op verzending.",
            "Geen nieuwe debriefing; de deconflictietokens van %n bronnen wachten op verzending.",
        ),
    ),
    "No new debrief; %n record(s) of source files wait to be sent.": (
        (
            "No new debrief; %n record of a source file waits to be sent.",
            "No new debrief; %n records of source files wait to be sent.",
        ),
        (
            "Geen nieuwe debriefing; %n gegeven uit een bronnendossier wacht op verzending.",
            "Geen nieuwe debriefing; %n gegevens uit bronnendossiers wachten op verzending.",
        ),
    ),
    "Removed %n hidden temporary file(s) of an interrupted export.": (
        (
            "Removed %n hidden temporary file of an interrupted export.",
            "Removed %n hidden temporary files of an interrupted export.",
        ),
        (
            "%n verborgen tijdelijk bestand van een onderbroken verzending verwijderd.",
            "%n verborgen tijdelijke bestanden van een onderbroken verzending verwijderd.",
        ),
    ),
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
    # Reports: the preview and the Reports page.
    "{title} · {marking} · report {report_id} · %n page(s)": (
        (
            "{title} · {marking} · report {report_id} · %n page",
            "{title} · {marking} · report {report_id} · %n pages",
        ),
        (
            "{title} · {marking} · rapport {report_id} · %n pagina",
            "{title} · {marking} · rapport {report_id} · %n pagina's",
        ),
    ),
    "%n page(s). Nothing has been written to disk.": (
        (
            "%n page. Nothing has been written to disk.",
            "%n pages. Nothing has been written to disk.",
        ),
        (
            "%n pagina. Er is niets naar schijf geschreven.",
            "%n pagina's. Er is niets naar schijf geschreven.",
        ),
    ),
    "Sent %n page(s) to the printer.": (
        ("Sent %n page to the printer.", "Sent %n pages to the printer."),
        ("%n pagina naar de printer gestuurd.", "%n pagina's naar de printer gestuurd."),
    ),
    "Report {id} issued: %n page(s).": (
        ("Report {id} issued: %n page.", "Report {id} issued: %n pages."),
        ("Rapport {id} uitgegeven: %n pagina.", "Rapport {id} uitgegeven: %n pagina's."),
    ),
    # Packages: the deconfliction key, receipts; Reports: the sanitised guard.
    "Deconfliction key written for %n runner(s) ({names}) to {folder}.": (
        (
            "Deconfliction key written for %n runner ({names}) to {folder}.",
            "Deconfliction key written for %n runners ({names}) to {folder}.",
        ),
        (
            "Deconflictiesleutel voor %n runner ({names}) geschreven naar {folder}.",
            "Deconflictiesleutel voor %n runners ({names}) geschreven naar {folder}.",
        ),
    ),
    "Tokens computed for %n source(s) under key {key}…": (
        (
            "Tokens computed for %n source under key {key}…",
            "Tokens computed for %n sources under key {key}…",
        ),
        (
            "Tokens berekend voor %n bron onder sleutel {key}…",
            "Tokens berekend voor %n bronnen onder sleutel {key}…",
        ),
    ),
    "Took in deconfliction key {key} from {sender}; tokens computed for %n source(s).": (
        (
            "Took in deconfliction key {key} from {sender}; tokens computed for %n source.",
            "Took in deconfliction key {key} from {sender}; tokens computed for %n sources.",
        ),
        (
            "Deconflictiesleutel {key} van {sender} ingelezen; tokens berekend voor %n bron.",
            "Deconflictiesleutel {key} van {sender} ingelezen; tokens berekend voor %n bronnen.",
        ),
    ),
    "%n handed-over source(s) removed from this vault, with their files.": (
        (
            "%n handed-over source removed from this vault, with its file.",
            "%n handed-over sources removed from this vault, with their files.",
        ),
        (
            "%n overgedragen bron met haar dossier uit deze kluis verwijderd.",
            "%n overgedragen bronnen met hun dossier uit deze kluis verwijderd.",
        ),
    ),
    "Refused: %n identifying string(s).": (
        ("Refused: %n identifying string.", "Refused: %n identifying strings."),
        ("Geweigerd: %n identificerende tekst.", "Geweigerd: %n identificerende teksten."),
    ),
}

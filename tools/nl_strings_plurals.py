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
    # Reports: shareable items a sanitised report leaves out (no sanitised wording).
    "%n item(s) that may be shared have no sanitised wording and are left out.": (
        (
            "%n item that may be shared has no sanitised wording and is left out.",
            "%n items that may be shared have no sanitised wording and are left out.",
        ),
        (
            "%n item dat gedeeld mag worden heeft geen geschoonde tekst en blijft buiten het rapport.",
            "%n items die gedeeld mogen worden hebben geen geschoonde tekst en blijven buiten het rapport.",
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
    # Counted nouns (app/ui/counts.py): the pieces of a sentence with two or more counts.
    "%n debrief(s)": (("%n debrief", "%n debriefs"), ("%n debriefing", "%n debriefings")),
    "%n file(s)": (("%n file", "%n files"), ("%n bestand", "%n bestanden")),
    "%n package(s)": (("%n package", "%n packages"), ("%n pakket", "%n pakketten")),
    "%n review(s)": (("%n review", "%n reviews"), ("%n beoordeling", "%n beoordelingen")),
    "%n newer version(s)": (
        ("%n newer version", "%n newer versions"),
        ("%n nieuwere versie", "%n nieuwere versies"),
    ),
    "%n older version(s)": (
        ("%n older version", "%n older versions"),
        ("%n oudere versie", "%n oudere versies"),
    ),
    # Packages, Receive: a deconfliction notice.
    "{sender} sends a deconfliction notice (package {n}, signed by their key, fingerprint {short}…) of %n possible match(es) with sources of this vault. Import it into this vault?": (
        (
            "{sender} sends a deconfliction notice (package {n}, signed by their key, fingerprint {short}…) of %n possible match with a source of this vault. Import it into this vault?",
            "{sender} sends a deconfliction notice (package {n}, signed by their key, fingerprint {short}…) of %n possible matches with sources of this vault. Import it into this vault?",
        ),
        (
            "{sender} stuurt een deconflictiebericht (pakket {n}, ondertekend met de eigen sleutel, vingerafdruk {short}…) over %n mogelijke overeenkomst met een bron in deze kluis. In deze kluis inlezen?",
            "{sender} stuurt een deconflictiebericht (pakket {n}, ondertekend met de eigen sleutel, vingerafdruk {short}…) over %n mogelijke overeenkomsten met bronnen in deze kluis. In deze kluis inlezen?",
        ),
    ),
    "Took in deconfliction notice {n} from {sender}: %n match(es), {open} open. Open matches show on the Home page and on the source's file.": (
        (
            "Took in deconfliction notice {n} from {sender}: %n match, {open} open. Open matches show on the Home page and on the source's file.",
            "Took in deconfliction notice {n} from {sender}: %n matches, {open} open. Open matches show on the Home page and on the source's file.",
        ),
        (
            "Deconflictiebericht {n} van {sender} ingelezen: %n overeenkomst, {open} open. Open overeenkomsten staan op de Startpagina en in het dossier van de bron.",
            "Deconflictiebericht {n} van {sender} ingelezen: %n overeenkomsten, {open} open. Open overeenkomsten staan op de Startpagina en in het dossier van de bron.",
        ),
    ),
    # Packages, Keys: the deconfliction key's state.
    "Key {key}… made {made}: tokens under it for {n} of %n source(s) with a true identity.": (
        (
            "Key {key}… made {made}: tokens under it for {n} of %n source with a true identity.",
            "Key {key}… made {made}: tokens under it for {n} of %n sources with a true identity.",
        ),
        (
            "Sleutel {key}… gemaakt {made}: tokens eronder voor {n} van %n bron met een ware identiteit.",
            "Sleutel {key}… gemaakt {made}: tokens eronder voor {n} van %n bronnen met een ware identiteit.",
        ),
    ),
    "The tokens of %n source(s) wait to be sent: the next package of everything new carries them.": (
        (
            "The tokens of %n source wait to be sent: the next package of everything new carries them.",
            "The tokens of %n sources wait to be sent: the next package of everything new carries them.",
        ),
        (
            "De tokens van %n bron wachten op verzending: het volgende pakket met alles wat nieuw is neemt ze mee.",
            "De tokens van %n bronnen wachten op verzending: het volgende pakket met alles wat nieuw is neemt ze mee.",
        ),
    ),
    # Text held at the lock: the unlock dialog, and what became of it after the unlock.
    "%n piece(s) of text typed before the lock could not be saved (the vault could not take it: is the disk full?). It is held in memory, sealed: unlock to save it. Quitting Veldboek loses it.": (
        (
            "%n piece of text typed before the lock could not be saved (the vault could not take it: is the disk full?). It is held in memory, sealed: unlock to save it. Quitting Veldboek loses it.",
            "%n pieces of text typed before the lock could not be saved (the vault could not take them: is the disk full?). They are held in memory, sealed: unlock to save them. Quitting Veldboek loses them.",
        ),
        (
            "%n stuk tekst dat vóór de vergrendeling is getypt, kon niet worden opgeslagen (de kluis kon het niet opnemen: is de schijf vol?). Het blijft versleuteld in het geheugen: ontgrendel om het op te slaan. Wie Veldboek afsluit, verliest het.",
            "%n stukken tekst die vóór de vergrendeling zijn getypt, konden niet worden opgeslagen (de kluis kon ze niet opnemen: is de schijf vol?). Ze blijven versleuteld in het geheugen: ontgrendel om ze op te slaan. Wie Veldboek afsluit, verliest ze.",
        ),
    ),
    "%n piece(s) of typed text could still not be saved (is the disk full?). They are held in memory until the next unlock; quitting Veldboek loses them.": (
        (
            "%n piece of typed text could still not be saved (is the disk full?). It is held in memory until the next unlock; quitting Veldboek loses it.",
            "%n pieces of typed text could still not be saved (is the disk full?). They are held in memory until the next unlock; quitting Veldboek loses them.",
        ),
        (
            "%n stuk getypte tekst kon nog steeds niet worden opgeslagen (is de schijf vol?). Het blijft in het geheugen tot de volgende ontgrendeling; wie Veldboek afsluit, verliest het.",
            "%n stukken getypte tekst konden nog steeds niet worden opgeslagen (is de schijf vol?). Ze blijven in het geheugen tot de volgende ontgrendeling; wie Veldboek afsluit, verliest ze.",
        ),
    ),
    "%n piece(s) of typed text held from the lock could not be put back: their record was changed meanwhile (a debrief submitted from elsewhere?).": (
        (
            "%n piece of typed text held from the lock could not be put back: its record was changed meanwhile (a debrief submitted from elsewhere?).",
            "%n pieces of typed text held from the lock could not be put back: their record was changed meanwhile (a debrief submitted from elsewhere?).",
        ),
        (
            "%n stuk getypte tekst van de vergrendeling kon niet worden teruggezet: het record is intussen gewijzigd (een debriefing elders ingediend?).",
            "%n stukken getypte tekst van de vergrendeling konden niet worden teruggezet: het record is intussen gewijzigd (een debriefing elders ingediend?).",
        ),
    ),
    # Reports: a sanitised report waiting for approval.
    "the sanitised report requested by {by} on {day} (%n debrief(s), {marking})": (
        (
            "the sanitised report requested by {by} on {day} (%n debrief, {marking})",
            "the sanitised report requested by {by} on {day} (%n debriefs, {marking})",
        ),
        (
            "het geschoonde rapport dat {by} op {day} aanvroeg (%n debriefing, {marking})",
            "het geschoonde rapport dat {by} op {day} aanvroeg (%n debriefings, {marking})",
        ),
    ),
    # Counts that read "1 results" before (a new user's trial).
    "%n result(s) in your files": (
        ("%n result in your files", "%n results in your files"),
        ("%n resultaat in uw dossiers", "%n resultaten in uw dossiers"),
    ),
    "%n debrief(s) in your files": (
        ("%n debrief in your files", "%n debriefs in your files"),
        ("%n debriefing in uw dossiers", "%n debriefings in uw dossiers"),
    ),
    "%n debrief(s) match": (
        ("%n debrief matches", "%n debriefs match"),
        ("%n debriefing gevonden", "%n debriefings gevonden"),
    ),
    "The note you typed (%n word(s)) is lost with it.": (
        (
            "The note you typed (%n word) is lost with it.",
            "The note you typed (%n words) is lost with it.",
        ),
        (
            "De notitie die u typte (%n woord) gaat daarmee verloren.",
            "De notitie die u typte (%n woorden) gaat daarmee verloren.",
        ),
    ),
    "Nothing due in the next %n day(s).": (
        ("Nothing due in the next %n day.", "Nothing due in the next %n days."),
        ("Niets te doen in de komende %n dag.", "Niets te doen in de komende %n dagen."),
    ),
    "%n day(s)": (("%n day", "%n days"), ("%n dag", "%n dagen")),
    "%n reminder(s) in the next {days}, {late} overdue.": (
        (
            "%n reminder in the next {days}, {late} overdue.",
            "%n reminders in the next {days}, {late} overdue.",
        ),
        (
            "%n herinnering in de komende {days}, {late} verlopen.",
            "%n herinneringen in de komende {days}, {late} verlopen.",
        ),
    ),
    "%n pass(es)": (("%n pass", "%n passes"), ("%n ronde", "%n rondes")),
    "The chain of %n event(s) is intact.": (
        ("The chain of %n event is intact.", "The chain of %n events is intact."),
        ("De keten van %n gebeurtenis is intact.", "De keten van %n gebeurtenissen is intact."),
    ),
    "%n more character(s) needed.": (
        ("%n more character needed.", "%n more characters needed."),
        ("Nog %n teken nodig.", "Nog %n tekens nodig."),
    ),
    # Reports: the approver told of shareable items left out.
    "%n item(s) that may be shared had no sanitised wording and are left out of it.": (
        (
            "%n item that may be shared had no sanitised wording and is left out of it.",
            "%n items that may be shared had no sanitised wording and are left out of it.",
        ),
        (
            "%n item dat gedeeld mag worden had geen geschoonde tekst en blijft buiten het rapport.",
            "%n items die gedeeld mogen worden hadden geen geschoonde tekst en blijven buiten het rapport.",
        ),
    ),
}

"""Dutch texts of the review of the texts shown (a handler's Packages page, the
system actor, Qt's own file dialog, a check's summary, an unfinished demo, the
source file's empty fields); merged into tools/nl_strings.py. Keep the {placeholders}."""

NL_TEXTS = {
    # A handler's Packages page: what a handler sends, and which keys come first.
    "A team handler sends no debriefs: packages of debriefs come only from runners. What you send goes out from the other tabs: a receipt to each runner whose package you imported (Receive, “Issue a receipt…”), and the central system's deconfliction key, forwarded to your runners (Keys, “Forward the deconfliction key to runners…”).": "Een teamleider verzendt geen debriefings: pakketten met debriefings komen alleen van runners. Wat u verzendt, gaat via de andere tabbladen: een ontvangstbewijs aan elke runner van wie u een pakket hebt ingelezen (Ontvangen, “Ontvangstbewijs maken…”), en de deconflictiesleutel van het centrale systeem, doorgestuurd aan uw runners (Sleutels, “Deconflictiesleutel doorsturen aan runners…”).",
    "Go to receipts": "Naar de ontvangstbewijzen",
    "No keys yet. Add your runners' keys, to take in their packages, and the central system's key, to take in its deconfliction key (“Add a key…”).": "Nog geen sleutels. Voeg de sleutels van uw runners toe, om hun pakketten in te lezen, en de sleutel van het centrale systeem, om de deconflictiesleutel in te lezen (“Sleutel toevoegen…”).",
    "Central system (sends me the deconfliction key and notices)": "Centraal systeem (stuurt mij de deconflictiesleutel en -berichten)",
    "Runner (sends me packages, gets my receipts)": "Runner (stuurt mij pakketten, krijgt mijn ontvangstbewijzen)",
    # The audit log's "Who" for Veldboek's own work (the stored name stays "system").
    "system": "systeem",
    "command line": "opdrachtregel",
    # A source's file: an antecedents check not done yet (a new source).
    "Not done yet": "Nog niet gedaan",
}

BY_CONTEXT_TEXTS: dict[tuple[str, str], str] = {
    # Qt's own file dialog: texts qtbase_nl.qm lacks (app/ui/i18n.py, QT_GAPS).
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestanden van &type:",
}

ERRORS_TEXTS: dict[str, str] = {
    # A demo run killed part-way, run again.
    "An earlier demo run with seed {seed} for {day} did not finish (it was interrupted, or is still running): its {sources} and {debriefs} stay in this vault and nothing was added. Another seed adds more.": "Een eerdere demorun met seed {seed} voor {day} is niet afgemaakt (hij werd onderbroken, of loopt nog): zijn {sources} en {debriefs} blijven in deze kluis en er is niets toegevoegd. Een andere seed voegt meer toe.",
    # Its counts, each a notice of its own (one, more).
    "{n} source": "{n} bron",
    "{n} sources": "{n} bronnen",
    "{n} debrief": "{n} debriefing",
    "{n} debriefs": "{n} debriefings",
}

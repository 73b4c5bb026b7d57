"""Dutch texts of the report errors (app/services/reports, app/cli/report_commands.py,
the sanitised wording), merged into tools/nl_strings.py's ERRORS. Keep the
{placeholders}."""

ERRORS_REPORTS = {
    "Only drafts match that choice; a report leaves them out unless asked to include them.": "Alleen concepten passen bij die keuze; een rapport laat ze weg, tenzij u vraagt ze op te nemen.",
    "That is not the code of this sanitised text (or it changed since it was shown); show it again (veldboek report approvals --show ID) and approve what you read.": "Dat is niet de code van deze geschoonde tekst (of de tekst is gewijzigd sinds hij werd getoond); toon hem opnieuw (veldboek report approvals --show ID) en keur goed wat u gelezen hebt.",
    "Give --seen CODE or --yes, not both.": "Geef --seen CODE of --yes, niet allebei.",
    "--include-drafts is for internal reports: a sanitised report never shows a draft.": "--include-drafts is voor interne rapporten: een geschoond rapport toont nooit een concept.",
    "Approve only what you have read: show the text with `veldboek report approvals --show ID`, then approve it with --seen CODE (or approve on a terminal, or with --yes after the text is printed).": "Keur alleen goed wat u gelezen hebt: toon de tekst met `veldboek report approvals --show ID` en keur hem dan goed met --seen CODE (of keur goed in een terminal, of met --yes nadat de tekst is afgedrukt).",
    "--approval ID issues the report as it was approved (its debriefs, period and marking); leave out {options}.": "--approval ID geeft het rapport uit zoals het is goedgekeurd (zijn debriefings, periode en rubricering); laat {options} weg.",
    "{path} cannot be written ({why}); nothing was issued or written.": "{path} kan niet worden geschreven ({why}); er is niets uitgegeven of geschreven.",
    "The sanitised wording or the handling conditions hold invisible characters ({chars}); remove them: they can hide a name.": "De geschoonde tekst of de voorwaarden bevatten onzichtbare tekens ({chars}); haal ze weg: ze kunnen een naam verbergen.",
}

NL_REPORTS = {
    "Sanitised report not written; its approval may be used again": "Geschoond rapport niet geschreven; de goedkeuring kan opnieuw worden gebruikt",
}

BY_CONTEXT_REPORTS = {
    ("AuditFields", "report"): "rapport",
}

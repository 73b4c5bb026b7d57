"""Dutch texts of the report errors (app/services/reports, app/cli/report_commands.py,
the sanitised wording), merged into tools/nl_strings.py's ERRORS. Keep the
{placeholders}."""

ERRORS_REPORTS = {
    "The sanitised wording or the handling conditions hold invisible characters ({chars}); remove them: they can hide a name.": "De geschoonde tekst of de voorwaarden bevatten onzichtbare tekens ({chars}); haal ze weg: ze kunnen een naam verbergen.",
}

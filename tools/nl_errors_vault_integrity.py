"""Dutch texts of the messages about the vault's header, its file lock, leftover
temporary files and damage found at unlock (merged into tools/nl_strings.py's
ERRORS). Keep the {placeholders}."""

ERRORS_VAULT_INTEGRITY = {
    "Another Veldboek process is changing this vault's header; try again in a moment.": "Een ander Veldboek-proces wijzigt het kopbestand van deze kluis; probeer het zo meteen opnieuw.",
    "The vault header on disk belongs to another vault.": "Het kopbestand op schijf hoort bij een andere kluis.",
    "Another Veldboek process is writing to this vault; try again when it has finished.": "Een ander Veldboek-proces schrijft in deze kluis; probeer het opnieuw als dat klaar is.",
    "Another Veldboek process is writing to this vault; run the check again when it has finished.": "Een ander Veldboek-proces schrijft in deze kluis; voer de controle opnieuw uit als dat klaar is.",
    "The audit log does not match its anchor ({problem}): this vault may have been rolled back or altered. Run `veldboek check`.": "Het auditlog klopt niet met zijn anker ({problem}): deze kluis is mogelijk teruggezet naar een oudere kopie of gewijzigd. Voer `veldboek check` uit.",
    "The vault database is damaged: {count} page is zeroed, page {page}. Nothing was written to it. Restore it from a backup, or run `veldboek check`.": "De kluisdatabase is beschadigd: {count} pagina bevat alleen nullen, pagina {page}. Er is niets in geschreven. Zet een back-up terug of voer `veldboek check` uit.",
    "The vault database is damaged: {count} pages are zeroed, the first at page {page}. Nothing was written to it. Restore it from a backup, or run `veldboek check`.": "De kluisdatabase is beschadigd: {count} pagina's bevatten alleen nullen, de eerste is pagina {page}. Er is niets in geschreven. Zet een back-up terug of voer `veldboek check` uit.",
    "the audit anchor in the header has been altered": "het auditanker in het kopbestand van de kluis is gewijzigd",
    "audit events up to {seq} were recorded but are gone": "auditgebeurtenissen tot {seq} zijn vastgelegd maar ontbreken",
    "audit event {seq} differs from the anchored one": "auditgebeurtenis {seq} wijkt af van de verankerde",
    "A leftover temporary file in the vault folder ({name}) cannot be removed; it may hold the key under an earlier passphrase. Remove it, then change the passphrase again. Nothing was changed.": "Een achtergebleven tijdelijk bestand in de kluismap ({name}) kan niet worden verwijderd; het kan de sleutel onder een eerdere wachtzin bevatten. Verwijder het en wijzig de wachtzin daarna opnieuw. Er is niets gewijzigd.",
    "The passphrase was changed in another window or command after this one unlocked; the current passphrase is the new one. Nothing was changed.": "De wachtzin is in een ander venster of commando gewijzigd nadat dit venster werd ontgrendeld; de huidige wachtzin is de nieuwe. Er is niets gewijzigd.",
}

"""Dutch texts for output paths (the guard on every file the user has written),
exports that were interrupted or ran at the same moment, and a busy vault
(merged into tools/nl_strings.py's NL and ERRORS). Keep the {placeholders}."""

NL_OUTPUTS = {
    "{name} already exists. Replace it?": "{name} bestaat al. Vervangen?",
    "Folder: {folder}": "Map: {folder}",
    "Write again": "Opnieuw schrijven",
    "Nothing was written": "Er is niets geschreven",
    "Package {n} was recorded but its file was never written (the export was interrupted). The next export writes it again.": "Pakket {n} is vastgelegd, maar het bestand is nooit geschreven (het verzenden werd onderbroken). De volgende verzending schrijft het opnieuw.",
    "Package {n} was recorded but its file was never written; it is written again: {path}": "Pakket {n} is vastgelegd, maar het bestand is nooit geschreven; het is opnieuw geschreven: {path}",
    "The interrupted package is written again; nothing new to send.": "Het onderbroken pakket is opnieuw geschreven; er is niets nieuws te verzenden.",
}

ERRORS_OUTPUTS = {
    "{path} is a vault folder; nothing was written. Choose a place outside every vault.": "{path} is een kluismap; er is niets geschreven. Kies een plek buiten elke kluis.",
    "{path} leads (by a link) into the vault folder {vault}; nothing was written. Choose a place outside every vault.": "{path} leidt (via een koppeling) naar de kluismap {vault}; er is niets geschreven. Kies een plek buiten elke kluis.",
    "{path} is inside the vault folder {vault}; nothing was written. Choose a place outside every vault.": "{path} ligt in de kluismap {vault}; er is niets geschreven. Kies een plek buiten elke kluis.",
    "{path} cannot be checked ({why}); nothing was written.": "{path} kan niet worden gecontroleerd ({why}); er is niets geschreven.",
    "{path} is the vault's file {name} under another name; nothing was written.": "{path} is het kluisbestand {name} onder een andere naam; er is niets geschreven.",
    "{path} is a folder; give the name of a file to write.": "{path} is een map; geef de naam van een bestand om te schrijven.",
    "{path} is not a regular file; nothing was written.": "{path} is geen gewoon bestand; er is niets geschreven.",
    "{path} already exists; nothing was written. Choose another name, or replace it on purpose (--force).": "{path} bestaat al; er is niets geschreven. Kies een andere naam, of vervang het bewust (--force).",
    "Other exports of this vault kept recording their packages first; try again once they are done.": "Andere verzendingen uit deze kluis legden hun pakket steeds eerder vast; probeer het opnieuw als die klaar zijn.",
    "Another export of this vault sent these debriefs at the same moment (package {n}); there is nothing new to export.": "Een andere verzending uit deze kluis verzond deze debriefings op hetzelfde moment (pakket {n}); er is niets nieuws te verzenden.",
}

"""Dutch texts of the refusals of files a user hands Veldboek to read (and of the
packages and receipts it will not make because a reader would refuse them), merged
into tools/nl_strings.py's ERRORS. Keep the {placeholders}."""

ERRORS_FILES = {
    "File not found: {path}": "Bestand niet gevonden: {path}",
    "Cannot read {path}: {why}.": "{path} is niet te lezen: {why}.",
    "{path} is a folder, not a file.": "{path} is een map, geen bestand.",
    "{path} is not an ordinary file (it is a device, a pipe or a socket); choose the file itself.": "{path} is geen gewoon bestand (het is een apparaat, een pipe of een socket); kies het bestand zelf.",
    "{path} is a link; not read.": "{path} is een koppeling; niet gelezen.",
    "{path} changed while it was being read; try again.": "{path} veranderde terwijl het werd gelezen; probeer het opnieuw.",
    "{path} is larger than a Veldboek package can be ({mb} MiB).": "{path} is groter dan een Veldboek-pakket kan zijn ({mb} MiB).",
    "{path} is larger than a Veldboek receipt can be ({mb} MiB).": "{path} is groter dan een Veldboek-ontvangstbewijs kan zijn ({mb} MiB).",
    "{path} is larger than a Veldboek key bundle can be ({kb} KiB).": "{path} is groter dan een Veldboek-sleutelbundel kan zijn ({kb} KiB).",
    "{path} is larger than a Veldboek report can be ({mb} MiB).": "{path} is groter dan een Veldboek-rapport kan zijn ({mb} MiB).",
    "The file is not the one that was checked (it changed, or another was put in its place); nothing was imported. Check it again.": "Het bestand is niet het bestand dat is gecontroleerd (het is gewijzigd, of er is een ander voor in de plaats gezet); er is niets ingelezen. Controleer het opnieuw.",
    "This package would hold more than a package can ({mb} MiB of records and files): send fewer debriefs, or smaller files, at a time.": "Dit pakket zou meer bevatten dan een pakket kan ({mb} MiB aan gegevens en bestanden): verstuur minder debriefings, of kleinere bestanden, tegelijk.",
    "This receipt would be larger than a receipt can be ({mb} MiB): there are too many long review comments since the previous receipt.": "Dit ontvangstbewijs zou groter worden dan een ontvangstbewijs kan zijn ({mb} MiB): er zijn sinds het vorige ontvangstbewijs te veel lange beoordelingsopmerkingen.",
    "A review comment holds at most {n} characters.": "Een beoordelingsopmerking bevat hoogstens {n} tekens.",
}

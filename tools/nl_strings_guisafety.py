"""Dutch texts of the GUI safety fixes (merged into tools/nl_strings.py's NL and
ERRORS): window titles without a codename, the source named inside its dialog,
the reveal reason's length, a contact without a location, the vault changed by
another process, an alias switch held while work that writes runs. Keep the
{placeholders}."""

NL_GUISAFETY = {
    # Window titles reach the taskbar, Alt+Tab and screen sharing: no codename.
    "New contact": "Nieuw contact",
    "Reveal true identity": "Ware identiteit onthullen",
    "Hand over a source": "Bron overdragen",
    "Attached image": "Bijgevoegde afbeelding",
    # A form closed with typing in it (Cancel, Escape, the close button).
    "Close the form": "Formulier sluiten",
    "Close this form without saving? What you typed in it is not kept.": "Dit formulier sluiten zonder op te slaan? Wat u erin typte, wordt niet bewaard.",
    "Discard": "Weggooien",
    # A meeting without a location.
    "No location": "Geen locatie",
    "This meeting has no location codeword, and a saved contact cannot be changed. Save it without one?": "Deze ontmoeting heeft geen codewoord voor de locatie, en een opgeslagen contact kan niet meer worden gewijzigd. Zonder locatie opslaan?",
    "Save without location": "Opslaan zonder locatie",
    # An alias switch held while work that writes runs ({work}: its progress line).
    "Finishing: {work} Switch alias once it is done.": "Nog bezig: {work} Wissel van alias zodra dat klaar is.",
    "Making the management report…": "Managementrapport wordt gemaakt…",
    "Sealing the true identity…": "Ware identiteit wordt verzegeld…",
    "Changing the passphrase…": "Wachtzin wordt gewijzigd…",
}

ERRORS_GUISAFETY = {
    "Another Veldboek process changed the vault while this window had it open, and this window's view of it was out of date. The vault is sound and nothing was lost: try again.": "Een ander Veldboek-proces wijzigde de kluis terwijl dit venster haar open had, en wat dit venster ervan zag was verouderd. De kluis is in orde en er is niets verloren: probeer het opnieuw.",
    "The reason is too short: write at least {n} characters, so that the audit log says why the identity was revealed.": "De reden is te kort: schrijf ten minste {n} tekens, zodat het auditlog zegt waarom de identiteit werd onthuld.",
}

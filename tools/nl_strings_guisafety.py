"""Dutch texts of the GUI safety fixes (merged into tools/nl_strings.py's NL and
ERRORS): window titles without a codename, the source named inside its dialog,
the reveal reason's length, a contact without a location, the vault changed by
another process. Keep the {placeholders}."""

NL_GUISAFETY = {
    # Window titles reach the taskbar, Alt+Tab and screen sharing: no codename.
    "New contact": "Nieuw contact",
    "Reveal true identity": "Ware identiteit onthullen",
    "Hand over a source": "Bron overdragen",
    "Attached image": "Bijgevoegde afbeelding",
}

ERRORS_GUISAFETY = {
    "The reason is too short: write at least {n} characters, so that the audit log says why the identity was revealed.": "De reden is te kort: schrijf ten minste {n} tekens, zodat het auditlog zegt waarom de identiteit werd onthuld.",
}

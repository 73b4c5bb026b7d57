"""Dutch texts of blind deconfliction (issue 20): the central system's errors, the
handler's vault taking notices in, the screens and the audit log's words."""

ERRORS_DECONFLICTION = {
    "A deconfliction notice comes from the central system's key (role central); this one is signed by another.": "Een ontdubbelingsbericht komt van de sleutel van het centrale systeem (rol centraal); dit is door een andere ondertekend.",
    "Deconfliction notices are taken in by a handler.": "Ontdubbelingsberichten worden door een teamleider ingelezen.",
    "A deconfliction key package is malformed.": "Een pakket met een ontdubbelingssleutel is misvormd.",
    "A deconfliction notice package is malformed.": "Een pakket met een ontdubbelingsbericht is misvormd.",
    "A deconfliction package is malformed.": "Een ontdubbelingspakket is misvormd.",
    "A sealed key record of the central system is damaged.": "Een verzegelde sleutel van het centrale systeem is beschadigd.",
    "The central system holds no deconfliction key yet (run `veldboek central deconfliction-key new`).": "Het centrale systeem heeft nog geen ontdubbelingssleutel (voer `veldboek central deconfliction-key new` uit).",
    "The token parameters must lie within memory {lo}..{hi} KiB, 1..{it} passes and 1..{lanes} lanes.": "De parameters van de tokens moeten liggen binnen geheugen {lo}..{hi} KiB, 1..{it} rondes en 1..{lanes} banen.",
    "Say why (--why): the decision keeps it.": "Zeg waarom (--why): het besluit bewaart het.",
    "A match is decided as same or different.": "Over een overeenkomst wordt besloten als dezelfde (same) of verschillende (different).",
    "No such match in the teams granted to {user}.": "Geen zodanige overeenkomst in de teams waartoe {user} toegang heeft.",
    "No handler's key is registered to team {team}.": "Er is geen sleutel van een teamleider geregistreerd bij team {team}.",
    "No handler's key is registered here (central keys import).": "Er is hier geen sleutel van een teamleider geregistreerd (central keys import).",
}

NL_DECONFLICTION = {
    "Deconfliction": "Ontdubbeling",
}

AUDIT_DECONFLICTION = {
    ("AuditActions", "Deconfliction notice taken in"): "Ontdubbelingsbericht ingelezen",
    ("AuditFields", "matches"): "overeenkomsten",
    ("AuditFields", "still open"): "nog open",
    ("Deconfliction", "name and date of birth"): "naam en geboortedatum",
    ("Deconfliction", "phone number"): "telefoonnummer",
    ("Deconfliction", "address"): "adres",
    (
        "Deconfliction",
        "Possibly the same person as {codename} (this team): {kind}",
    ): "Mogelijk dezelfde persoon als {codename} (dit team): {kind}",
    (
        "Deconfliction",
        "Possibly the same person as a source of team {team}: {kind}",
    ): "Mogelijk dezelfde persoon als een bron van team {team}: {kind}",
    ("Deconfliction", "{codename}: {line}"): "{codename}: {line}",
}

"""Dutch texts of blind deconfliction (issue 20): on the laptop, the unit key taken
in and forwarded and the tokens recomputed; at the central system, its errors; in
the handler's vault, notices taken in and shown; the audit log's words.

One word throughout: "deconflictie" (deconflictiesleutel, deconflictiebericht)."""

NL_DECONFLICTION = {
    "Deconfliction": "Deconflictie",
    "Take in the deconfliction key…": "Deconflictiesleutel inlezen…",
    "Deconfliction key": "Deconflictiesleutel",
    "This vault already holds that deconfliction key; nothing changed.": "Deze kluis heeft die deconflictiesleutel al; er is niets gewijzigd.",
    # The handler's Packages page: central's key and notices, checked and imported.
    "The central system's deconfliction key and its notices of possible matches are checked and imported here too.": "De deconflictiesleutel van het centrale systeem en zijn berichten over mogelijke overeenkomsten worden hier ook gecontroleerd en ingelezen.",
    "{sender} sends the unit's deconfliction key {key}… (package {n}, signed by their key, fingerprint {short}…). Take it into this vault? Your passphrase is asked next: every source's tokens are then computed under the new key, without showing any identity.": "{sender} stuurt de deconflictiesleutel {key}… van de eenheid (pakket {n}, ondertekend met de eigen sleutel, vingerafdruk {short}…). In deze kluis opnemen? Daarna wordt om uw wachtwoordzin gevraagd: de tokens van elke bron worden dan onder de nieuwe sleutel berekend, zonder een identiteit te tonen.",
    # The Keys tab.
    "Forward the deconfliction key to runners…": "Deconflictiesleutel doorsturen aan runners…",
    "Compute the tokens…": "Tokens berekenen…",
    "No deconfliction key yet: import the central system's key package on the Receive tab.": "Nog geen deconflictiesleutel: lees het sleutelpakket van het centrale systeem in op het tabblad Ontvangen.",
    "No deconfliction key yet: your team handler sends you one; take it in on the Receive tab.": "Nog geen deconflictiesleutel: uw teamleider stuurt u er een; lees die in op het tabblad Ontvangen.",
    "(Replaced: forgotten with the next package.)": "(Vervangen: vergeten met het volgende pakket.)",
    "Not yet recomputed.": "Nog niet opnieuw berekend.",
    "sources sent for their tokens": "bronnen verzonden om hun tokens",
    "(match {id}, {state} since {day})": "(overeenkomst {id}, {state} sinds {day})",
    "open": "open",
    "decided: the same person": "besloten: dezelfde persoon",
    "decided: not the same person": "besloten: niet dezelfde persoon",
    "Folder to write the key packages to": "Map om de sleutelpakketten in te schrijven",
    "Sealing the key for each runner…": "De sleutel wordt voor elke runner verzegeld…",
    "Computing the tokens…": "De tokens worden berekend…",
}

ERRORS_DECONFLICTION = {
    # The laptop: the key package, forwarding, recomputing.
    "A deconfliction key is taken only from the central system (into a handler's vault) or from the team handler (into a runner's vault); nothing was stored.": "Een deconflictiesleutel wordt alleen aangenomen van het centrale systeem (in de kluis van een teamleider) of van de teamleider (in de kluis van een runner); er is niets opgeslagen.",
    "This deconfliction key is older than the one this vault holds; nothing was stored.": "Deze deconflictiesleutel is ouder dan die in deze kluis; er is niets opgeslagen.",
    "This vault knows no runner's key to send the deconfliction key to.": "Deze kluis kent geen sleutel van een runner om de deconflictiesleutel naar te sturen.",
    "Only a handler forwards the deconfliction key to runners.": "Alleen een teamleider stuurt de deconflictiesleutel door aan runners.",
    "This vault holds no deconfliction key yet: import the key package first.": "Deze kluis heeft nog geen deconflictiesleutel: lees eerst het sleutelpakket in.",
    "Another deconfliction key arrived meanwhile; recompute the tokens again.": "Intussen is een andere deconflictiesleutel binnengekomen; bereken de tokens opnieuw.",
    "The deconfliction key package is malformed.": "Het pakket met de deconflictiesleutel is ongeldig.",
    "The deconfliction notice package is malformed.": "Het deconflictiebericht is ongeldig.",
    "A deconfliction package is malformed.": "Een deconflictiepakket is ongeldig.",
    # The handler's vault taking notices in.
    "A deconfliction notice comes from the central system's key (role central); this one is signed by another.": "Een deconflictiebericht komt van de sleutel van het centrale systeem (rol centraal); dit is door een andere ondertekend.",
    "Deconfliction notices are taken in by a handler.": "Deconflictieberichten worden door een teamleider ingelezen.",
    # The central system.
    "A sealed key record of the central system is damaged.": "Een verzegelde sleutel van het centrale systeem is beschadigd.",
    "The central system holds no deconfliction key yet (run `veldboek central deconfliction-key new`).": "Het centrale systeem heeft nog geen deconflictiesleutel (voer `veldboek central deconfliction-key new` uit).",
    "The token parameters must lie within memory {lo}..{hi} KiB, 1..{it} passes and 1..{lanes} lanes.": "De parameters van de tokens moeten liggen binnen geheugen {lo}..{hi} KiB, 1..{it} rondes en 1..{lanes} banen.",
    "Say why (--why): the decision keeps it.": "Zeg waarom (--why): het besluit bewaart het.",
    "A match is decided as same or different.": "Over een overeenkomst wordt besloten als dezelfde (same) of verschillende (different).",
    "No such match in the teams granted to {user}.": "Geen zodanige overeenkomst in de teams waartoe {user} toegang heeft.",
    "No handler's key is registered to team {team}.": "Er is geen sleutel van een teamleider geregistreerd bij team {team}.",
    "No handler's key is registered here (central keys import).": "Er is hier geen sleutel van een teamleider geregistreerd (central keys import).",
}

_ACTIONS = {
    "Deconfliction key received": "Deconflictiesleutel ontvangen",
    "Deconfliction key sent to a runner": "Deconflictiesleutel naar een runner gestuurd",
    "Deconfliction tokens recomputed": "Deconflictietokens opnieuw berekend",
    "Recomputing deconfliction tokens refused": "Opnieuw berekenen van deconflictietokens geweigerd",
    "Replaced deconfliction keys forgotten": "Vervangen deconflictiesleutels vergeten",
    "Deconfliction notice taken in": "Deconflictiebericht ingelezen",
}

_FIELDS = {
    "deconfliction keys": "deconflictiesleutels",
    "package": "pakket",
    "replaces key": "vervangt sleutel",
    "tokens": "tokens",
    "matches": "overeenkomsten",
    "still open": "nog open",
}

_VALUES = {
    "key from a sender of the wrong role": "sleutel van een afzender met de verkeerde rol",
    "an older key": "een oudere sleutel",
}

_SCREENS = {
    "name and date of birth": "naam en geboortedatum",
    "phone number": "telefoonnummer",
    "address": "adres",
    "Possibly the same person as {codename} (this team): {kind}": "Mogelijk dezelfde persoon als {codename} (dit team): {kind}",
    "Possibly the same person as a source of team {team}: {kind}": "Mogelijk dezelfde persoon als een bron van team {team}: {kind}",
    "{codename}: {line}": "{codename}: {line}",
}

AUDIT_DECONFLICTION = {
    **{("AuditActions", k): v for k, v in _ACTIONS.items()},
    **{("AuditFields", k): v for k, v in _FIELDS.items()},
    **{("AuditValues", k): v for k, v in _VALUES.items()},
    ("AuditRecords", "deconfliction key"): "deconflictiesleutel",
    **{("Deconfliction", k): v for k, v in _SCREENS.items()},
}

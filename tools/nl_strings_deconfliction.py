"""Dutch texts of blind deconfliction on the laptop (issue 20): the unit key taken
in and forwarded, the tokens recomputed; errors, the audit log's words, screens."""

NL_DECONFLICTION = {
    "Take in the deconfliction key…": "Deconflictiesleutel inlezen…",
    "{sender} sends the unit's deconfliction key (package {n}, signed by their key, fingerprint {short}…). Take it into this vault? Your passphrase is asked next: every source's tokens are then computed under the new key, without showing any identity.": "{sender} stuurt de deconflictiesleutel van de eenheid (pakket {n}, ondertekend met de eigen sleutel, vingerafdruk {short}…). In deze kluis opnemen? Daarna wordt om uw wachtwoordzin gevraagd: de tokens van elke bron worden dan onder de nieuwe sleutel berekend, zonder een identiteit te tonen.",
    "Deconfliction key": "Deconflictiesleutel",
    "This vault already holds that deconfliction key; nothing changed.": "Deze kluis heeft die deconflictiesleutel al; er is niets gewijzigd.",
    "Took in deconfliction key {key} from {sender}; tokens computed for {n} source(s).": "Deconflictiesleutel {key} van {sender} ingelezen; tokens berekend voor {n} bron(nen).",
}

ERRORS_DECONFLICTION = {
    "A deconfliction key is taken only from the central system (into a handler's vault) or from the team handler (into a runner's vault); nothing was stored.": "Een deconflictiesleutel wordt alleen aangenomen van het centrale systeem (in de kluis van een teamleider) of van de teamleider (in de kluis van een runner); er is niets opgeslagen.",
    "This deconfliction key is older than the one this vault holds; nothing was stored.": "Deze deconflictiesleutel is ouder dan die in deze kluis; er is niets opgeslagen.",
    "This vault knows no runner's key to send the deconfliction key to.": "Deze kluis kent geen sleutel van een runner om de deconflictiesleutel naar te sturen.",
    "Only a handler forwards the deconfliction key to runners.": "Alleen een teamleider stuurt de deconflictiesleutel door aan runners.",
    "This vault holds no deconfliction key yet: import the key package first.": "Deze kluis heeft nog geen deconflictiesleutel: lees eerst het sleutelpakket in.",
    "Another deconfliction key arrived meanwhile; recompute the tokens again.": "Intussen is een andere deconflictiesleutel binnengekomen; bereken de tokens opnieuw.",
    "The deconfliction key package is malformed.": "Het pakket met de deconflictiesleutel is ongeldig.",
    "The deconfliction notice package is malformed.": "Het deconflictiebericht is ongeldig.",
    "A deconfliction package is malformed.": "Een deconflictiepakket is ongeldig.",
}

_ACTIONS = {
    "Deconfliction key received": "Deconflictiesleutel ontvangen",
    "Deconfliction key sent to a runner": "Deconflictiesleutel naar een runner gestuurd",
    "Deconfliction tokens recomputed": "Deconflictietokens opnieuw berekend",
    "Recomputing deconfliction tokens refused": "Opnieuw berekenen van deconflictietokens geweigerd",
    "Replaced deconfliction keys forgotten": "Vervangen deconflictiesleutels vergeten",
}

_FIELDS = {
    "deconfliction keys": "deconflictiesleutels",
    "package": "pakket",
    "replaces key": "vervangt sleutel",
    "tokens": "tokens",
}

_VALUES = {
    "key from a sender of the wrong role": "sleutel van een afzender met de verkeerde rol",
    "an older key": "een oudere sleutel",
}

AUDIT_DECONFLICTION = {
    **{("AuditActions", k): v for k, v in _ACTIONS.items()},
    **{("AuditFields", k): v for k, v in _FIELDS.items()},
    **{("AuditValues", k): v for k, v in _VALUES.items()},
    ("AuditRecords", "deconfliction key"): "deconflictiesleutel",
}

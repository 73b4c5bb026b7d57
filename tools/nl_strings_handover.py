"""Dutch texts of handing a source over to another runner (issue 17, point 4):
the errors, the audit log's words and the screens."""

NL_HANDOVER: dict[str, str] = {}

ERRORS_HANDOVER = {
    "A source is handed over by its runner.": "Een bron wordt overgedragen door haar runner.",
    "This source was already handed over; if its package was lost, write it again (package write).": "Deze bron is al overgedragen; is het pakket kwijt, schrijf het dan opnieuw (package write).",
    "The source has a draft debrief: submit or delete it before the handover.": "De bron heeft een concept-debriefing: dien die in of verwijder haar vóór de overdracht.",
    "No confirmed runner key by that name or fingerprint: import the new runner's key and compare its fingerprint with them first (keys import).": "Geen bevestigde runnersleutel met die naam of vingerafdruk: lees eerst de sleutel van de nieuwe runner in en vergelijk de vingerafdruk met hem of haar (keys import).",
    "More than one key matches; give more of the fingerprint.": "Meer dan één sleutel past; geef meer van de vingerafdruk.",
    "That key is not a runner's: a source is handed over to a runner.": "Die sleutel is niet van een runner: een bron wordt aan een runner overgedragen.",
    "That runner's key was retired; import their current key and compare its fingerprint first.": "De sleutel van die runner is ingetrokken; lees eerst de huidige sleutel in en vergelijk de vingerafdruk.",
    "No handler key is confirmed in this vault: import the team handler's key and compare its fingerprint first (keys import).": "Deze kluis heeft geen bevestigde sleutel van een teamleider: lees eerst de sleutel van de teamleider in en vergelijk de vingerafdruk (keys import).",
    "Another package went out meanwhile; hand the source over again.": "Intussen is er een ander pakket verzonden; draag de bron opnieuw over.",
    "The true identity in the handover does not open with this vault's key; nothing was imported.": "De ware identiteit in de overdracht opent niet met de sleutel van deze kluis; er is niets ingelezen.",
    "The handover comes from a runner who does not run that source in this vault; nothing was imported.": "De overdracht komt van een runner die deze bron in deze kluis niet runt; er is niets ingelezen.",
    "A handover is confirmed only by the runner it was handed to, and a runner confirms nothing else; nothing was changed.": "Een overdracht wordt alleen bevestigd door de runner aan wie zij is gedaan, en een runner bevestigt niets anders; er is niets gewijzigd.",
    "A handed-over source is taken on under a runner's cover name.": "Een overgedragen bron wordt overgenomen onder de dekmantelnaam van een runner.",
    "This handover is for another runner; a handler imports it too.": "Deze overdracht is voor een andere runner; een teamleider leest haar ook in.",
    "A handover package is malformed.": "Een overdrachtspakket is misvormd.",
    "A handover package carries another source than it hands over.": "Een overdrachtspakket bevat een andere bron dan het overdraagt.",
    "A runner's receipt carries reviews; nothing was changed.": "Het ontvangstbewijs van een runner bevat beoordelingen; er is niets gewijzigd.",
    "This debrief's source was handed over to another runner; it goes with the handover package only.": "De bron van deze debriefing is aan een andere runner overgedragen; zij gaat alleen mee in het overdrachtspakket.",
}

_ACTIONS = {
    "Source handed over to another runner": "Bron overgedragen aan een andere runner",
    "Handover of a source refused": "Overdracht van een bron geweigerd",
    "Handover confirmed by the new runner": "Overdracht bevestigd door de nieuwe runner",
    "Source deleted from this vault after its handover": "Bron na de overdracht uit deze kluis verwijderd",
    "Source taken over from another runner": "Bron overgenomen van een andere runner",
    "Source now run by another runner": "Bron wordt nu door een andere runner gerund",
    "Identity sealed for the new runner": "Identiteit verzegeld voor de nieuwe runner",
    "Identity received in a handover": "Identiteit ontvangen bij een overdracht",
}

_FIELDS = {
    "from": "van",
    "handover package": "overdrachtspakket",
    "with the identity": "met de identiteit",
    "records": "gegevens",
    "to": "aan",
    "records of source files": "gegevens uit bronnendossiers",
    "format version": "formaatversie",
}

AUDIT_HANDOVER = {
    **{("AuditActions", k): v for k, v in _ACTIONS.items()},
    **{("AuditFields", k): v for k, v in _FIELDS.items()},
}

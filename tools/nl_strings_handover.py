"""Dutch texts of handing a source over to another runner (issue 17, point 4):
the errors, the audit log's words and the screens."""

NL_HANDOVER = {
    # Source file
    "Handover": "Overdracht",
    "Hand over source…": "Bron overdragen…",
    "Only {runner}, the alias that runs this source, may hand it over or close its registration.": "Alleen {runner}, de alias die deze bron runt, mag haar overdragen of haar registratie beëindigen.",
    "Handed over to {runner} on {when}": "Overgedragen aan {runner} op {when}",
    " (awaiting the new runner's receipt)": " (wacht op het ontvangstbewijs van de nieuwe runner)",
    ". The file is read only here.": ". Het dossier is hier alleen nog te lezen.",
    "{codename} was handed over to {runner} on {day}: the file is the new runner's now, and read only in this vault. Nothing was changed.": "{codename} is op {day} overgedragen aan {runner}: het dossier is nu van de nieuwe runner, en in deze kluis alleen nog te lezen. Er is niets gewijzigd.",
    "Taken over from another runner on {when}": "Overgenomen van een andere runner op {when}",
    "Run by {runner} since {when}": "Gerund door {runner} sinds {when}",
    # The dialog
    "Hand over {codename}": "{codename} overdragen",
    "The whole file, with the true identity, goes to the new runner and the team handler in one sealed package. Only the new runner can open the identity. This vault deletes the source once the new runner's receipt arrives (Settings, “After a receipt”).": "Het hele dossier, met de ware identiteit, gaat in één verzegeld pakket naar de nieuwe runner en de teamleider. Alleen de nieuwe runner kan de identiteit openen. Deze kluis verwijdert de bron zodra het ontvangstbewijs van de nieuwe runner binnen is (Instellingen, “Na een ontvangstbewijs”).",
    "No runner's key confirmed yet: add it on the Packages page, Keys tab": "Nog geen bevestigde runnersleutel: voeg die toe op de pagina Pakketten, tabblad Sleutels",
    "No folder chosen": "Geen map gekozen",
    "Choose folder…": "Map kiezen…",
    "New runner:": "Nieuwe runner:",
    "Write to:": "Schrijven naar:",
    "Hand over…": "Overdragen…",
    "Folder to write the handover package to": "Map voor het overdrachtspakket",
    "Give the passphrase: it opens the true identity.": "Geef het wachtwoord: het opent de ware identiteit.",
    "Hand over source": "Bron overdragen",
    "Hand {codename} over to {runner}? The whole file and the true identity go into the package; once {runner} confirms it, this vault deletes the source.": "{codename} overdragen aan {runner}? Het hele dossier en de ware identiteit gaan in het pakket; zodra {runner} het bevestigt, verwijdert deze kluis de bron.",
    "Hand over": "Overdragen",
    "Sealing the handover package…": "Overdrachtspakket wordt verzegeld…",
    "Handover package for {runner} written to {path}.": "Overdrachtspakket voor {runner} geschreven naar {path}.",
    # Packages page
    "Take on a handed-over source…": "Overgedragen bron overnemen…",
    "Confirm the handover…": "Overdracht bevestigen…",
    "Sources handed over between runners": "Bronnen overgedragen tussen runners",
    "Confirm to the runner who handed it over:": "Bevestigen aan de runner die haar overdroeg:",
    "deleted here after the receipt": "hier verwijderd na het ontvangstbewijs",
    "confirmed": "bevestigd",
    "awaiting the new runner's receipt": "wacht op het ontvangstbewijs van de nieuwe runner",
    "{codename}: handed over to {runner} ({state})": "{codename}: overgedragen aan {runner} ({state})",
    "{codename}: taken over from another runner": "{codename}: overgenomen van een andere runner",
    "{sender} hands a source over (package {n}, signed by their key, fingerprint {short}…): its whole file with {debriefs} and {files}. Import it into this vault?": "{sender} draagt een bron over (pakket {n}, ondertekend met diens sleutel, vingerafdruk {short}…): het hele dossier met {debriefs} en {files}. In deze kluis inlezen?",
    "Took on source {codename} (id {id}), handed over by {sender}; confirm it to them with “Confirm the handover…”.": "Bron {codename} (id {id}), overgedragen door {sender}, is overgenomen; bevestig dat met “Overdracht bevestigen…”.",
}

ERRORS_HANDOVER = {
    "Packages of debriefs are imported by a handler; a runner imports only a source handed over to them.": "Pakketten met debriefings worden ingelezen door een teamleider; een runner leest alleen een aan hem of haar overgedragen bron in.",
    "A source is handed over by its runner.": "Een bron wordt overgedragen door haar runner.",
    "Only {runner}, the alias that runs this source, may hand it over: switch to that alias. Another alias with access to the file may read it and add to it. Nothing was written.": "Alleen {runner}, de alias die deze bron runt, mag haar overdragen: wissel van alias. Een andere alias met toegang tot het dossier mag het lezen en aanvullen. Er is niets geschreven.",
    "This source was already handed over; if its package was lost, write it again (package write).": "Deze bron is al overgedragen; is het pakket kwijt, schrijf het dan opnieuw (package write).",
    "The source has a draft debrief: submit or delete it before the handover.": "De bron heeft een concept-debriefing: dien die in of verwijder haar vóór de overdracht.",
    "The source has a contact without a debrief (on {day}): contacts travel only in their debriefs, so write and submit its debrief before the handover.": "De bron heeft een contact zonder debriefing (op {day}): contacten reizen alleen mee in hun debriefing, dus schrijf die en dien haar in vóór de overdracht.",
    "The source's identity no longer gives the tokens that went to central: send everything new first, so that central drops them, then hand the source over.": "De identiteit van de bron levert de tokens die naar het centrale systeem gingen niet meer op: verstuur eerst al het nieuwe, zodat het centrale systeem ze laat vallen, en draag de bron dan over.",
    "No confirmed runner key by that name or fingerprint: import the new runner's key and compare its fingerprint with them first (keys import).": "Geen bevestigde runnersleutel met die naam of vingerafdruk: lees eerst de sleutel van de nieuwe runner in en vergelijk de vingerafdruk met hem of haar (keys import).",
    "More than one key matches; give more of the fingerprint.": "Meer dan één sleutel past; geef meer van de vingerafdruk.",
    "That key is not a runner's: a source is handed over to a runner.": "Die sleutel is niet van een runner: een bron wordt aan een runner overgedragen.",
    "That runner's key was retired; import their current key and compare its fingerprint first.": "De sleutel van die runner is ingetrokken; lees eerst de huidige sleutel in en vergelijk de vingerafdruk.",
    "No handler key is confirmed in this vault: import the team handler's key and compare its fingerprint first (keys import).": "Deze kluis heeft geen bevestigde sleutel van een teamleider: lees eerst de sleutel van de teamleider in en vergelijk de vingerafdruk (keys import).",
    "Another package went out meanwhile; hand the source over again.": "Intussen is er een ander pakket verzonden; draag de bron opnieuw over.",
    "The true identity in the handover does not open with this vault's key; nothing was imported.": "De ware identiteit in de overdracht opent niet met de sleutel van deze kluis; er is niets ingelezen.",
    "The true identity in the handover is not a well-formed seal; nothing was imported.": "De ware identiteit in de overdracht is geen goed gevormde verzegeling; er is niets ingelezen.",
    "The true identity in the handover is malformed; nothing was imported.": "De ware identiteit in de overdracht is misvormd; er is niets ingelezen.",
    "The handover hands the source to a key this vault holds as another role's (central's or a handler's), not a runner's; nothing was imported.": "De overdracht draagt de bron over aan een sleutel die deze kluis kent als die van een andere rol (het centrale systeem of een teamleider), niet van een runner; er is niets ingelezen.",
    "The handover hands the source to a runner whose key this vault has not confirmed: import the new runner's key and compare its fingerprint first, then import this package again; nothing was imported.": "De overdracht draagt de bron over aan een runner van wie deze kluis de sleutel niet heeft bevestigd: lees eerst de sleutel van de nieuwe runner in en vergelijk de vingerafdruk, en lees daarna dit pakket opnieuw in; er is niets ingelezen.",
    "The photo is not a PNG image.": "De foto is geen PNG-afbeelding.",
    "The source's true identity as recorded here cannot be handed over (its photo is not a PNG image, or a field is malformed): record it again, then hand the source over.": "De ware identiteit van de bron kan niet worden overgedragen zoals zij hier is vastgelegd (de foto is geen PNG-afbeelding, of een veld is misvormd): leg haar opnieuw vast en draag de bron daarna over.",
    "The source's true identity is too large to hand over: its photo ({photo} KB) and its notes ({notes} characters) make a seal larger than the new runner's vault takes. Record it again with a smaller photo or shorter notes, then hand the source over. Nothing was written; the source was not handed over.": "De ware identiteit van de bron is te groot om over te dragen: de foto ({photo} KB) en de notities ({notes} tekens) geven een verzegeling die groter is dan de kluis van de nieuwe runner aanneemt. Leg haar opnieuw vast met een kleinere foto of kortere notities en draag de bron daarna over. Er is niets geschreven; de bron is niet overgedragen.",
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

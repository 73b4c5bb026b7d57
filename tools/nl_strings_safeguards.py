"""Dutch texts of the safeguards against irreversible steps (the questions asked
before submitting, approving, returning, issuing, deleting and purging; discarding
a meeting started by mistake; an emptied text the vault keeps), of the key a
package needs, of the status bar and of switching the language."""

NL_SAFEGUARDS = {
    # The question itself (app/ui/confirm.py)
    "Cancel": "Annuleren",
    # Debrief editor
    "Submit debrief": "Debriefing indienen",
    "Submit the debrief of {day} for {codename} to the handler? You cannot edit it afterwards, only add addenda.": "De debriefing van {day} over {codename} indienen bij de teamleider? Daarna kunt u haar niet meer wijzigen, alleen aanvullen.",
    "Submit": "Indienen",
    "Approve debrief": "Debriefing goedkeuren",
    "Approve the debrief of {day} for {codename} by {author}? An approved debrief can no longer be returned.": "De debriefing van {day} over {codename} door {author} goedkeuren? Een goedgekeurde debriefing kan niet meer worden teruggestuurd.",
    "Return the debrief of {day} for {codename} to {author}? They answer with an addendum and submit it again.": "De debriefing van {day} over {codename} terugsturen naar {author}? Die antwoordt met een aanvulling en dient haar opnieuw in.",
    "Return": "Terugsturen",
    "Remove item": "Item verwijderen",
    "Remove item {n} from the debrief of {day} for {codename}? What it says, its grading and its subjects are deleted.": "Item {n} verwijderen uit de debriefing van {day} over {codename}? De tekst, de waardering en de betrokkenen worden gewist.",
    "Bring the saved text back": "Opgeslagen tekst terugzetten",
    # Typed text the vault could not take at the lock (app/ui/held_at_lock.py)
    "Typed text": "Getypte tekst",
    "Quit Veldboek? The text held from the lock is lost.": "Veldboek afsluiten? De tekst die sinds de vergrendeling wordt vastgehouden, gaat verloren.",
    "What you typed before the vault locked, which the vault could not take then (was the disk full?), is saved now.": "Wat u typte voordat de kluis vergrendelde, en wat de kluis toen niet kon opnemen (was de schijf vol?), is nu opgeslagen.",
    "Part of what you typed before the vault locked, which the vault could not take then (was the disk full?), is saved now.": "Een deel van wat u typte voordat de kluis vergrendelde, en wat de kluis toen niet kon opnemen (was de schijf vol?), is nu opgeslagen.",
    "Empty it in the vault too": "Ook in de kluis leegmaken",
    "the welfare notes": "de notities over welzijn",
    "the security notes": "de notities over veiligheid",
    "the assessment": "de beoordeling",
    "You emptied {fields}. The vault still holds the saved text: an autosave never empties a saved text without asking.": "U hebt {fields} leeggemaakt. De kluis bewaart de opgeslagen tekst nog: automatisch opslaan maakt een opgeslagen tekst nooit leeg zonder het te vragen.",
    "You emptied {fields}, but the vault still holds the saved text. Bring it back or empty it in the vault too, then submit.": "U hebt {fields} leeggemaakt, maar de kluis bewaart de opgeslagen tekst nog. Zet die terug of maak hem ook in de kluis leeg, en dien dan in.",
    # Attached files
    "Remove attached file": "Bijlage verwijderen",
    "Remove the attached file {name} ({size}) from this debrief? It is deleted from the vault; only the audit log keeps a note that it was there.": "De bijlage {name} ({size}) uit deze debriefing verwijderen? Ze wordt uit de kluis gewist; alleen het auditlog houdt bij dat ze er was.",
    "Remove file": "Bestand verwijderen",
    # Source file
    "Replace true identity": "Ware identiteit vervangen",
    "{codename} already has a recorded true identity. Recording a new one replaces it; the one recorded now cannot be brought back.": "Van {codename} is al een ware identiteit vastgelegd. Een nieuwe vastleggen vervangt die; de huidige is daarna niet terug te halen.",
    "Record a new identity…": "Nieuwe identiteit vastleggen…",
    # Reports
    "Issue internal report": "Intern rapport uitgeven",
    "Issue an internal report ({marking}) of {what}? It names the source, gets a report number and is recorded in the audit log; it is printed or saved only if you choose so in the preview.": "Een intern rapport ({marking}) uitgeven van {what}? Het noemt de bron, krijgt een rapportnummer en komt in het auditlog; het wordt alleen afgedrukt of opgeslagen als u dat in het voorbeeld kiest.",
    "Issue report": "Rapport uitgeven",
    "the debrief {what}": "de debriefing {what}",
    "met {start} to {end}": "ontmoetingen van {start} tot en met {end}",
    "the debriefs of {source}, {days}": "de debriefings over {source}, {days}",
    "all debriefs of {source}": "alle debriefings over {source}",
    "Include drafts (marked DRAFT)": "Concepten opnemen (gemarkeerd CONCEPT)",
    "the debriefs of all sources, {days}": "de debriefings over alle bronnen, {days}",
    "Approve sanitised report": "Geschoond rapport goedkeuren",
    "Approve {what}? Once approved it can be issued and shared outside the unit.": "Wilt u {what} goedkeuren? Eenmaal goedgekeurd kan het worden uitgegeven en buiten de eenheid worden gedeeld.",
    "Reject sanitised report": "Geschoond rapport afwijzen",
    "Reject {what}? It can then never be issued; a new request is needed.": "Wilt u {what} afwijzen? Het kan dan nooit meer worden uitgegeven; er is een nieuwe aanvraag nodig.",
    "Issue sanitised report": "Geschoond rapport uitgeven",
    "Covers": "Betreft",
    "Issue {what}? It gets a report number and is recorded in the audit log; it is printed or saved only if you choose so in the preview.": "Wilt u {what} uitgeven? Het krijgt een rapportnummer en komt in het auditlog; het wordt alleen afgedrukt of opgeslagen als u dat in het voorbeeld kiest.",
    # Packages: import, receipt, key
    "Package {n} from {sender} is intact and signed by their key (fingerprint {short}…): {debriefs}, {files}. Import it into this vault?": "Pakket {n} van {sender} is ongeschonden en ondertekend met diens sleutel (vingerafdruk {short}…): {debriefs}, {files}. In deze kluis inlezen?",
    "The debriefs the handler confirms in it are then deleted from this vault, and the vault file is rebuilt so that no trace of them remains.": "De debriefings die de teamleider erin bevestigt, worden dan uit deze kluis verwijderd en het kluisbestand wordt opnieuw opgebouwd, zodat er geen spoor van achterblijft.",
    "The debriefs the handler confirms in it are then deleted from this vault.": "De debriefings die de teamleider erin bevestigt, worden dan uit deze kluis verwijderd.",
    "Take in a receipt": "Ontvangstbewijs inlezen",
    "Take in the receipt {file}? {what} This cannot be undone.": "Het ontvangstbewijs {file} inlezen? {what} Dit kan niet ongedaan worden gemaakt.",
    "Settings, “After a receipt”, decides this; a debrief changed since it was sent is kept until it has gone out again.": "Dit volgt uit Instellingen, “Na een ontvangstbewijs”; een debriefing die sinds het verzenden is gewijzigd, blijft tot ze opnieuw is verzonden.",
    "Take in and delete": "Inlezen en verwijderen",
    "Refused: {why}": "Geweigerd: {why}",
    "Add the team handler's key…": "Sleutel van de teamleider toevoegen…",
    "No team handler's key is known yet, so a package could go to no one. Ask your team handler for their key file (their Veldboek saves it under Packages, Keys, “Save my public key…”), put it on this laptop, and add it here with “Add the team handler's key…”. They read their fingerprint out to you and you type it in; only a matching key is added.": "Er is nog geen sleutel van een teamleider bekend, dus een pakket kan naar niemand. Vraag uw teamleider om diens sleutelbestand (Veldboek slaat het op onder Pakketten, Sleutels, “Mijn publieke sleutel opslaan…”), zet het op deze laptop en voeg het hier toe met “Sleutel van de teamleider toevoegen…”. De teamleider leest de vingerafdruk voor en u typt die in; alleen een kloppende sleutel wordt toegevoegd.",
    "No team handler's key yet": "Nog geen sleutel van een teamleider",
    "All files (*);;Veldboek keys (*.veldboek-key)": "Alle bestanden (*);;Veldboek-sleutels (*.veldboek-key)",
    # Meeting mode
    "Discard meeting…": "Ontmoeting weggooien…",
    "Discard meeting": "Ontmoeting weggooien",
    "Started by mistake? In its first {m} minutes a meeting can be discarded.": "Per vergissing begonnen? In de eerste {m} minuten kan een ontmoeting worden weggegooid.",
    "The note saved earlier is lost with it.": "De eerder opgeslagen notitie gaat daarmee verloren.",
    "Discard this meeting with {codename}, started at {time}? Its contact and its draft debrief are removed; the audit log records that it was discarded. Then give your passphrase.": "Deze ontmoeting met {codename}, begonnen om {time}, weggooien? Het contact en de concept-debriefing worden verwijderd; het auditlog legt vast dat ze is weggegooid. Geef daarna uw wachtzin.",
    "The note is empty here; the vault keeps the note saved before.": "De notitie is hier leeg; de kluis bewaart de eerder opgeslagen notitie.",
    "The meeting was discarded.": "De ontmoeting is weggegooid.",
    # Main window and settings
    "Locks after {m} min without activity · Panic: F12": "Vergrendelt na {m} min zonder activiteit · Paniek: F12",
    "Settings saved.": "Instellingen opgeslagen.",
    "Language:": "Taal:",
}

# Service errors (context "Errors").
ERRORS_SAFEGUARDS = {
    "That draft does not belong to this meeting.": "Dat concept hoort niet bij deze ontmoeting.",
    "Only the alias that started a meeting can discard it.": "Alleen de alias die een ontmoeting begon, kan haar weggooien.",
    "This meeting was ended; it can no longer be discarded.": "Deze ontmoeting is beëindigd; ze kan niet meer worden weggegooid.",
    "A meeting can be discarded only in its first {minutes} minutes; end it instead.": "Een ontmoeting kan alleen in de eerste {minutes} minuten worden weggegooid; beëindig haar in plaats daarvan.",
    "More than the note was recorded for this meeting; end it instead.": "Bij deze ontmoeting is meer vastgelegd dan de notitie; beëindig haar in plaats daarvan.",
    "The meeting's note holds text that discarding would lose; nothing was discarded.": "De notitie van de ontmoeting bevat tekst die bij weggooien verloren zou gaan; er is niets weggegooid.",
}

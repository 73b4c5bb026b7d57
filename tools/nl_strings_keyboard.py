"""Dutch texts for the keyboard-first screens (issue 16): the menu bar and the
command palette, sorting and filtering lists, what an empty list says, Home's
drafts and returned debriefs (merged into tools/nl_strings.py's NL). Keep the
{placeholders}."""

NL_KEYBOARD = {
    "Open source {codename}": "Bron {codename} openen",
    # Menu bar and command palette.
    "Go": "Ga naar",
    "Actions": "Acties",
    "Command palette…": "Opdrachtenpalet…",
    "Command palette": "Opdrachtenpalet",
    "Type to find an action; Enter runs it": "Typ om een opdracht te vinden; Enter voert die uit",
    "Action": "Opdracht",
    "Shortcut": "Sneltoets",
    "No action matches.": "Geen opdracht past hierbij.",
    "Back": "Terug",
    "Switch alias…": "Alias wisselen…",
    # Renaming one of your aliases (Vault menu).
    "Rename alias…": "Alias hernoemen…",
    "Rename alias": "Alias hernoemen",
    "Alias renamed: {name}": "Alias hernoemd: {name}",
    "Rename": "Hernoemen",
    "New name:": "Nieuwe naam:",
    "Only an alias whose name is from before a rule of names is listed. Your records name you by the new name from now on, also in the packages you send. The old name stays known, so that sanitised reports still refuse it.": "Alleen een alias met een naam van vóór een regel voor namen staat hier. Uw gegevens noemen u vanaf nu bij de nieuwe naam, ook in de pakketten die u verstuurt. De oude naam blijft bekend, zodat geschoonde rapporten hem blijven weigeren.",
    "{name} (alias {id})": "{name} (alias {id})",
    "None of your aliases has a name from before a rule of names, and only such a name can be renamed: your handler knows you by your cover name.": "Geen van uw aliassen heeft een naam van vóór een regel voor namen, en alleen zo'n naam kan worden gewijzigd: uw teamleider kent u onder uw dekmantelnaam.",
    "Send a package (export)…": "Pakket verzenden (exporteren)…",
    "Receive a package (import)…": "Pakket ontvangen (inlezen)…",
    "Open a source's file or debrief first, then use {action}.": "Open eerst het dossier van een bron of een debriefing en gebruik dan {action}.",
    # Debriefs: filters.
    "All sources": "Alle bronnen",
    "From (day written):": "Geschreven van:",  # as wide as before: 1024 px
    "to:": "tot en met:",
    "Only debriefs written on or after / up to this day": "Alleen debriefings geschreven op of na / tot en met deze dag",
    # Search.
    "Sorted by this column: best match first": "Gesorteerd op deze kolom: beste treffer eerst",
    "The first {n} results in your files, from the newest {window} matches; add words to narrow the search.": "De eerste {n} resultaten in uw dossiers, uit de nieuwste {window} treffers; voeg woorden toe om de zoekopdracht te verfijnen.",
    # Home.
    "Your drafts and returned debriefs": "Uw concepten en teruggestuurde debriefings",
    # Empty lists.
    "No debriefs match these filters.": "Geen debriefings passen bij deze filters.",
    "No debriefs in your files yet.": "Nog geen debriefings in uw dossiers.",
    "No drafts, and nothing returned to you.": "Geen concepten, en niets naar u teruggestuurd.",
    "Nothing in your files matches these words.": "Niets in uw dossiers bevat deze woorden.",
    "No source's codename contains “{text}”.": "Geen codenaam van een bron bevat “{text}”.",
    "No source in your files has this status.": "Geen bron in uw dossiers heeft deze status.",
    "No sources in your files yet. “New source…” opens one.": "Nog geen bronnen in uw dossiers. “Nieuwe bron…” opent er een.",
    "No events in your files.": "Geen gebeurtenissen in uw dossiers.",
    "No packages sent or received yet.": "Nog geen pakketten verzonden of ontvangen.",
    "No keys yet. Add your team handler's key (“Add a key…”) to send packages.": "Nog geen sleutels. Voeg de sleutel van uw teamleider toe (“Sleutel toevoegen…”) om pakketten te verzenden.",
    "No sanitised reports requested.": "Geen geschoonde rapporten aangevraagd.",
    "No files attached.": "Geen bestanden bijgevoegd.",
    "No intelligence items yet; “Add item…” adds one.": "Nog geen informatie-items; “Item toevoegen…” voegt er een toe.",
    "No intelligence items.": "Geen informatie-items.",
    "No other debrief in your files mentions this subject.": "Geen andere debriefing in uw dossiers noemt dit subject.",
    "No addenda yet.": "Nog geen aanvullingen.",
    "No contacts recorded yet.": "Nog geen contacten vastgelegd.",
    "No debriefs for this source yet.": "Nog geen debriefings voor deze bron.",
    "No tasking given yet.": "Nog geen opdrachten gegeven.",
    "No payments or offers recorded.": "Geen betalingen of aanbod vastgelegd.",
    "No risk assessment yet.": "Nog geen risicobeoordeling.",
    "No instructions given yet.": "Nog geen instructies gegeven.",
    "No reliability review yet.": "Nog geen beoordeling van de betrouwbaarheid.",
}

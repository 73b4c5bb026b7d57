"""Dutch texts of issue 17 points 3 and 5: sources told apart by id (a codename
two sources have), and closing a registration (reason, day, who decided)."""

NL_SOURCES = {
    # Source file (app/ui/source_file.py)
    "Registration closed": "Registratie beëindigd",
    "Close registration…": "Registratie beëindigen…",
    "Close registration": "Registratie beëindigen",
    "{day}, decided by {name}: {reason}": "{day}, besloten door {name}: {reason}",
    "Close the registration of {codename} today, decided by {alias}? The file stays readable and reportable, its reminders stop, and the closing goes to the handler with the next package. It cannot be reopened.": "De registratie van {codename} vandaag beëindigen, besloten door {alias}? Het dossier blijft leesbaar en bruikbaar voor rapporten, de herinneringen stoppen en de beëindiging gaat met het volgende pakket naar de teamleider. Ze kan niet worden heropend.",
    "Why is the registration closed?": "Waarom wordt de registratie beëindigd?",
}

AUDIT_SOURCES = {
    ("AuditActions", "Registration closed"): "Registratie beëindigd",
    ("AuditFields", "codenames another source has"): "codenamen die een andere bron heeft",
    ("AuditFields", "decided on"): "besloten op",
    ("AuditFields", "records of source files"): "records van bronnendossiers",
    ("AuditFields", "format version"): "formaatversie",
}

ERRORS_SOURCES = {
    "Give the reason the registration is closed.": "Geef de reden waarom de registratie wordt beëindigd.",
    "The reason for closing holds at most {n} characters.": "De reden voor de beëindiging bevat hoogstens {n} tekens.",
    "A closing cannot be decided on a day still to come.": "Tot een beëindiging kan niet worden besloten op een dag die nog moet komen.",
    "This registration is already closed.": "Deze registratie is al beëindigd.",
    "This source came in a runner's package: its runner closes the registration, and the closing arrives with their next package.": "Deze bron kwam in het pakket van een runner: die runner beëindigt de registratie, en de beëindiging komt met het volgende pakket.",
    "Only {runner}, the alias that runs this source, may close its registration: switch to that alias. Another alias with access to the file may read it and add to it. Nothing was changed.": "Alleen {runner}, de alias die deze bron runt, mag haar registratie beëindigen: wissel van alias. Een andere alias met toegang tot het dossier mag het lezen en aanvullen. Er is niets gewijzigd.",
    "A closing cannot be decided before the source was registered.": "Tot een beëindiging kan niet worden besloten vóór de registratie van de bron.",
    "A registration is closed with its reason, the day and who decided (Close registration, or 'veldboek source close'), not by changing its status.": "Een registratie wordt beëindigd met de reden, de dag en wie besloot (Registratie beëindigen, of 'veldboek source close'), niet door de status te wijzigen.",
    "A closed registration stays closed.": "Een beëindigde registratie blijft beëindigd.",
}

"""What a runner or handler can do. Every function takes the open vault and, for
compartmentalised data, a Scope; results are frozen view objects (``views``), never
ORM rows (``mapping`` makes them). Grouped by capability:

    records/    a source's file: sources, contacts, meetings, debriefs, tasking,
                welfare, identities, attachments, versions, reminders, search
    exchange/   packages out and in, keys, the package log, receipts, purge, handover
    reports/    debrief reports: reading, layout, issuing, verifying, printing
    admin/      the vault itself: create, unlock, aliases, settings, audit log, check
    files/      files the user names: where one may be written, how one is read
    demo_data/  the seeded synthetic generator (never used on a real source)
"""

"""Records and workflow: a source's file and everything a runner or handler writes
in it. Sources and their registration, contacts and meetings, debriefs (drafts,
grading, submit, review), tasking and payments, risk and welfare, sealed true
identities, attachments, the versions a handler received, reminders, and search.
Every function takes a Scope; the data-access layer filters by it."""

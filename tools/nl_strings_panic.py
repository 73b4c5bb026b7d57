"""Dutch texts for panic and lock in every state and the unlock screen (issue 16,
points 1 and 5; merged into tools/nl_strings.py's NL). Keep the {placeholders}."""

NL_PANIC = {
    "the one you used last": "de laatst gebruikte",
    # Returning after an unlock.
    "A meeting is still open: Ctrl+M returns to it.": "Er loopt nog een ontmoeting: Ctrl+M brengt u ernaar terug.",
    # The unlock dialog.
    "Vault:": "Kluis:",
    "Alias:": "Alias:",
    "Caps Lock is on.": "Caps Lock staat aan.",
    "1 failed attempt since the last unlock, at {when}.": "1 mislukte poging sinds de laatste ontgrendeling, om {when}.",
    "{n} failed attempts since the last unlock; the last at {when}.": "{n} mislukte pogingen sinds de laatste ontgrendeling; de laatste om {when}.",
    "Hide the passphrase": "Wachtzin verbergen",
    "Show the passphrase": "Wachtzin tonen",
    "Quit Veldboek?": "Veldboek afsluiten?",
    "Locked": "Vergrendeld",
    # A form's typing kept through a lock.
    "What you were typing when the vault locked is back.": "Wat u aan het typen was toen de kluis vergrendelde, staat er weer.",
}

"""The embedded PostgreSQL cluster: found binaries, the user it runs as, initdb,
start and stop (``embedded``)."""

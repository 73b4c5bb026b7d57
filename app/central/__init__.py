"""The central system: every team's packages verified into one PostgreSQL store.

A separate program path (``veldboek central …``) for the unit's own server: the
laptop app never imports it (nor psycopg), and never opens a network connection.
Subpackages: ``cluster`` (the embedded PostgreSQL server), ``schema`` (Alembic
migrations, row-level security), ``ingest`` (verification through the app's own
reader; ``ingest_checks`` against the store, ``ingest_rows`` what each table keeps;
``dropfolder``), ``search_index`` (search vectors filled after the commit),
``reading`` (search, show, status, the access log). See docs/central.md.
"""

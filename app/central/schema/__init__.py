"""The central store's schema: Alembic migrations (``migrate``), written in SQL
because most of it is PostgreSQL's own (row-level security policies, generated
full-text columns, the access log's functions and triggers)."""

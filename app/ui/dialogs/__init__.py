"""Forms that create or change one record; each calls one service on accept."""

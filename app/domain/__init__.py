"""Pure domain rules (grading schemes, subject normalisation, completeness):
no database, no Qt, no crypto; shared by services, reports and the UI."""

"""PDF debrief reports (internal and sanitised), built with reportlab platypus.

This package knows nothing of the vault or the ORM: it turns the plain, frozen
view objects of ``app.reports.views`` into PDF bytes in memory. What goes into a
view is decided by ``app.services.reports``; the sanitised view type has no field
that could hold a codename, alias, identity, meeting place or time of day.
"""

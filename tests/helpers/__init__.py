"""Shared test helpers: vault factories, expected list orders, search-index checks,
GUI helpers (message boxes, keys, fitting a screen) and the central fleet."""

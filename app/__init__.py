"""Veldboek: an offline, encrypted, compartmentalised field book for informant runners."""

__version__ = "0.1.0"

"""The Packages page's parts: keys, sending, receiving, the package log."""

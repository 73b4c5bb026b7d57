"""Synthetic data for demos, screenshots, tests and benchmarks: a seeded generator
and its invented vocabulary. Nothing here handles a real source."""

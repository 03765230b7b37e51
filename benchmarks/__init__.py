"""Reproducible performance runs for OT Desk: ``python -m benchmarks.run``."""

"""Prefect flows: thin wiring of extract → transform → load."""

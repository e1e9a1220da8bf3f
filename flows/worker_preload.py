"""Imported once by the worker pool's fork server, before it forks the workers: loads the model and warms
the extractors there, so every worker starts with them (one load per run, not one per worker)."""

from .runners import warm_up

warm_up()

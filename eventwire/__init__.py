"""eventwire: news articles in, an event table out.

Kept import-light on purpose: `eventwire --help` must answer in under a second, so nothing heavy
(spaCy, Prefect, DuckDB) is imported at package import time.
"""

__version__ = "0.1.0"

# Bump when any extractor's output can change: stored rows carry it, and a new value reprocesses the backlog.
EXTRACTOR_VERSION = "0.1.0"

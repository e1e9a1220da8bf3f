"""eventwire: news articles in, an event table out.

Kept import-light on purpose: `eventwire --help` must answer in under a second, so nothing heavy
(spaCy, Prefect, DuckDB) is imported at package import time, and importing it changes nothing outside it
(the command line sets its environment defaults: `eventwire.environment`).
"""

__version__ = "0.1.0"

# Bump when any extractor's output can change: stored rows carry it, and a new value reprocesses the backlog.
EXTRACTOR_VERSION = "0.1.0"

# Where `eventwire run` loads and the other commands read, unless --db says otherwise.
DEFAULT_DB = "data/eventwire.duckdb"

# The pipeline's stages live at the top of the repository (flows/, extract/, transform/, load/), as the
# user asked; installed, they are sub-packages of eventwire (see pyproject's package-dir). Running from a
# checkout, where this folder shadows the installed package, let them resolve beside it.
import os as _os

_top = _os.path.dirname(_os.path.dirname(_os.path.abspath(__file__)))
if _os.path.isdir(_os.path.join(_top, "transform")) and _top not in __path__:
    __path__.append(_top)

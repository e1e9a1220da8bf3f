"""eventwire: news articles in, an event table out.

Kept import-light on purpose: `eventwire --help` must answer in under a second, so nothing heavy
(spaCy, Prefect, DuckDB) is imported at package import time, and importing it changes nothing outside it
(the command line sets its environment defaults: `eventwire.environment`).
"""

from .options import DEFAULT_DB
from .versions import EXTRACTOR_VERSION, __version__

__all__ = ["DEFAULT_DB", "EXTRACTOR_VERSION", "__version__", "extract", "read"]


def __getattr__(name: str):  # noqa: ANN202 - `eventwire.extract` and `eventwire.read` load on first use (PEP 562)
    """`eventwire.extract(texts)` and `eventwire.read(db)`, the notebook API (eventwire/api.py). `extract` is the
    stage package `eventwire.extract`, made callable (see extract/__init__.py)."""
    if name == "extract":
        import importlib

        return importlib.import_module(f"{__name__}.extract")
    if name in ("read", "Extraction"):
        from .api import Extraction, read

        return {"read": read, "Extraction": Extraction}[name]
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


# The pipeline's stages live at the top of the repository (flows/, extract/, transform/, load/), as the
# user asked; installed, they are sub-packages of eventwire (see pyproject's package-dir). Running from a
# checkout, where this folder shadows the installed package, let them resolve beside it.
import os as _os

_top = _os.path.dirname(_os.path.dirname(_os.path.abspath(__file__)))
if _os.path.isdir(_os.path.join(_top, "transform")) and _top not in __path__:
    __path__.append(_top)

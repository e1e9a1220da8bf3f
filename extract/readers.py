"""The libraries a source reader needs, imported on first use; a reader whose library is missing says in one
line what to install, instead of a long ImportError traceback that stops the run.

A library can go missing although the project depends on it: an old pip does not match an extra spelled
differently (justext asks for `lxml[html_clean]`, lxml calls it `html-clean`; pip 23.2 installs lxml without
it, and trafilatura then fails on import). pyproject.toml names such libraries directly; this is for the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# The pip name of a module whose pip name differs from it, for the install hint.
_PIP_NAMES = {"charset_normalizer": "charset-normalizer", "justext": "jusText", "dateutil": "python-dateutil",
              "yaml": "PyYAML", "sgmllib": "feedparser-sgmllib3k"}


class ReaderUnavailable(RuntimeError):
    """A reader cannot start because a library it imports is missing; the message is one line."""


def _missing_module(exc: BaseException) -> str | None:
    """The top-level module whose absence caused `exc`, following the chain of causes (lxml raises its own
    ImportError "lxml.html.clean module is now a separate project" from the one naming lxml_html_clean)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ModuleNotFoundError) and seen.name:
            return seen.name.split(".")[0]
        seen = seen.__cause__ or seen.__context__
    return None


@contextmanager
def reader(name: str) -> Iterator[None]:
    """Around a reader's imports (and first use): an ImportError becomes ReaderUnavailable with one line,
    e.g. "the HTML reader needs lxml_html_clean: pip install lxml_html_clean"."""
    try:
        yield
    except ImportError as exc:
        module = _missing_module(exc)
        if module:
            package = _PIP_NAMES.get(module, module)
            message = f"the {name} reader needs {package}: pip install {package}"
        else:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            message = f"the {name} reader cannot start: {first}"
        raise ReaderUnavailable(message) from None

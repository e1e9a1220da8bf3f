"""Getting articles out of sources and cleaning them: SOURCE → RawArticle → Article (or a Reject with its reason).

Installed, this folder is the package `eventwire.extract`, which is also the name of the notebook API's function:
`eventwire.extract(texts, published=...)` (eventwire/api.py). So the package is made callable, and calling it runs
that function; `eventwire.extract.sources` and the rest stay ordinary submodules.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from ..api import extract

        return extract(*args, **kwargs)

    __call__.__doc__ = "`eventwire.extract(texts, published=...)`: see eventwire.api.extract."


sys.modules[__name__].__class__ = _CallablePackage

"""How a run reads, where it writes and where its NLP runs: `RunOptions`, every default declared once.

`eventwire run` and `serve` take their option defaults from here (Typer reads them), the scheduled flow and
`eventwire eval` build one, and the flow receives one. Kept import-light (no Prefect, no spaCy) for `--help`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

DEFAULT_DB = "data/eventwire.duckdb"
"""Where `eventwire run` loads and the other commands read, unless --db says otherwise."""


@dataclass(frozen=True)
class RunOptions:
    """The options of one run. `workers=0` means one NLP process per core; `dask`/`dask_address` run the NLP on
    a Dask cluster instead of a local process pool."""

    db_path: str = DEFAULT_DB
    published: date | None = None  # the publication date of every article (else each source's own)
    fields: dict[str, str] | None = field(default=None, hash=False)  # our record field -> theirs, e.g. text -> body
    workers: int = 0
    dask: bool = False
    dask_address: str | None = None
    batch_size: int = 64  # articles per Prefect task
    feed_timeout: float = 10.0  # seconds to wait for a feed or a page

    @property
    def uses_dask(self) -> bool:
        return self.dask or bool(self.dask_address)

    @property
    def nlp_workers(self) -> int:
        """NLP processes: `workers`, or one per core when 0."""
        return self.workers if self.workers > 0 else (os.cpu_count() or 1)

    @property
    def in_flight(self) -> int:
        """Batches being analysed at once while the flow cleans the next and loads the finished ones."""
        return max(1, self.nlp_workers)

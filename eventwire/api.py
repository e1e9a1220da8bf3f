"""eventwire from Python, for notebooks: `extract` text in memory into DataFrames, `read` a database's tables.

`extract` runs the pipeline's own steps with no Prefect server and no database: each text (or DataFrame row) is read
as a JSON record is (`extract.sources.record_to_article`), cleaned (`extract.clean`), and analysed in batches
(`transform.pipeline.analyse_batch`: every registered event type), so its rows are the rows `eventwire run` would
store for the same input. `read` opens a database read-only and returns every table and view as a DataFrame.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

BATCH_SIZE = 64


@dataclass
class Extraction:
    """What `extract` found: one DataFrame per table, with the columns `eventwire run` stores. `events` and `places`
    carry `id` (the input's id, or its position) beside `article_id`; `rejects` lists inputs that had no usable text."""

    articles: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame
    rejects: pd.DataFrame


def _records(data: Any, text_column: str) -> Iterable[tuple[str, dict]]:
    """(id, record) for a string, a list of strings or records, or a DataFrame (one row per article)."""
    if isinstance(data, str):
        data = [data]
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas DataFrame
        if text_column not in data.columns:
            raise ValueError(f"the DataFrame has no {text_column!r} column (columns: {', '.join(map(str, data.columns))})")
        data = data.to_dict("records")
    for i, item in enumerate(data):
        record = {"text": item} if isinstance(item, str) else dict(item)
        yield str(record.get("id", i)), record


def extract(data: Any, published: date | str | None = None, *, text_column: str = "text",
            source: str = "notebook") -> Extraction:
    """Events, places and the cleaned articles of `data`: a text, a list of texts (or of dicts), or a DataFrame with
    a `text_column` and, optionally, `id`, `title`, `published`, `url`, `source` columns. `published` is the
    publication date of every article that does not give one (dates such as "on Monday" resolve against it)."""
    import pandas as pd

    from .extract.articles import Article, RawArticle, Reject
    from .extract.boilerplate import RepeatIndex
    from .extract.clean import clean_article, index_repeats
    from .extract.sources import parse_date, record_to_article
    from .load.writer import articles_table
    from .transform.pipeline import analyse_batch
    from .transform.records import Event, PlaceMention

    when = parse_date(published)
    field_map = {"text": text_column} if text_column != "text" else None
    raws: list[RawArticle] = []
    rejects: list[Reject] = []
    for ident, record in _records(data, text_column):
        record.setdefault("id", ident)
        raw = record_to_article(record, ident, source, None, field_map)
        if isinstance(raw, RawArticle) and raw.published is None:
            raw.published = when
        (rejects if isinstance(raw, Reject) else raws).append(raw)
    repeats = RepeatIndex()
    index_repeats(raws, repeats)
    articles: list[Article] = []
    for raw in raws:
        cleaned = clean_article(raw, repeats)
        (rejects if isinstance(cleaned, Reject) else articles).append(cleaned)
    english = [a for a in articles if a.language == "en"]
    results = [r for i in range(0, len(english), BATCH_SIZE) for r in analyse_batch(english[i:i + BATCH_SIZE])]
    for res in results:
        if res.error:
            raise RuntimeError(f"extraction failed on {res.article_id} (a bug, please report it): {res.error}")
    ids = {a.article_id: a.source_id for a in articles}

    def frame(rows: list, record_type: type) -> pd.DataFrame:
        columns = [f.name for f in fields(record_type)]
        df = pd.DataFrame([asdict(r) for r in rows], columns=columns)
        df.insert(0, "id", df["article_id"].map(ids))
        return df

    return Extraction(
        articles=articles_table(articles, {}, _version(), "notebook", results)
        .drop_columns(["raw_hash", "run_id"]).to_pandas(),
        events=frame([e for r in results for e in r.events], Event),
        places=frame([p for r in results for p in r.places], PlaceMention),
        rejects=pd.DataFrame([asdict(r) for r in rejects], columns=["source_id", "reason", "detail"]),
    )


def _version() -> str:
    from .versions import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def read(db_path: str | Path | None = None, names: Iterable[str] | None = None) -> Mapping[str, pd.DataFrame]:
    """Every table and view of an eventwire database (or only `names`) as DataFrames, read in one read-only session:
    `read("data/eventwire.duckdb")["daily_deaths_by_place"]`."""
    from .load.db import ensure_current, session
    from .load.export import relations
    from .options import DEFAULT_DB

    path = Path(db_path or DEFAULT_DB)
    if not path.is_file():
        raise FileNotFoundError(f"no database at {path}; load one with `eventwire run`")
    ensure_current(path)
    with session(path, read_only=True) as con:
        available = relations(con)
        wanted = list(names) if names is not None else list(available)
        unknown = [n for n in wanted if n not in available]
        if unknown:
            raise KeyError(f"no table or view named {', '.join(unknown)} (there are: {', '.join(available)})")
        return {name: con.sql(f'SELECT * FROM "{name}"').df() for name in wanted}  # names: the database's own

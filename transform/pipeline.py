"""A batch of cleaned articles → their records: parse with `nlp.pipe`, then analyse. No Prefect, no DuckDB.

This is the unit of work the flow hands to a task (in-process, in a worker process, or on a Dask worker):
the model is loaded once per process by `nlp.get_nlp`, and only small records travel back.
"""

from __future__ import annotations

from ..extract.articles import Article
from .article import analyse_article
from .nlp import parse
from .records import ArticleResult


def analyse_batch(articles: list[Article]) -> list[ArticleResult]:
    """Records for each article, in order. An extractor that raises costs that article (a result with
    `error` set, which the flow turns into a reject), never the batch or the run."""
    docs = parse(a.body for a in articles)
    results = []
    for a, doc in zip(articles, docs):
        try:
            results.append(analyse_article(doc, a.article_id, a.published, a.url, a.title))
        except Exception as exc:  # noqa: BLE001 - a bug on one hostile article must not stop the run
            results.append(ArticleResult(a.article_id, error=f"{type(exc).__name__}: {exc}"[:500]))
    return results

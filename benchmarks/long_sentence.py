"""One long sentence against ordinary text of the same length: parse + every extractor, seconds per size.

A hostile record can be a single 100,000-character sentence. Extraction does work per sentence that grows with
the square of its length, and the parser slows down on it too; `transform/sentence_cap.py` cuts such runs into
pieces of at most 250 tokens before the parser. `--without-cap` measures the pipeline without that component
(what eventwire did before it). Invented text, nothing from ../shared.

    python benchmarks/long_sentence.py [--sizes 12500 25000 50000 100000] [--without-cap]
"""

from __future__ import annotations

import argparse
import time
from datetime import date

TOWNS = ["Kharkiv", "Odesa", "Sumy", "Lviv", "Dnipro", "Poltava", "Kherson", "Mykolaiv"]


def one_sentence(chars: int) -> str:
    """Clauses with a casualty figure, a place and a speaker, joined without a full stop, to `chars` characters."""
    parts, i = ["The army said that"], 0
    while sum(len(p) + 1 for p in parts) < chars:
        parts.append(f"shelling killed {i % 9 + 2} people in {TOWNS[i % 8]} and the mayor said that")
        i += 1
    return " ".join(parts)[:chars] + " it ended."


def ordinary(chars: int) -> str:
    """The same clauses as ordinary sentences."""
    parts, i = [], 0
    while sum(len(p) + 1 for p in parts) < chars:
        parts.append(f"Shelling killed {i % 9 + 2} people in {TOWNS[i % 8]}, the mayor said.")
        i += 1
    return " ".join(parts)[:chars]


def measure(nlp, text: str) -> tuple[float, int, int]:  # noqa: ANN001 (spaCy Language)
    """Seconds for parse + analysis, the longest sentence in tokens, and the events found."""
    from eventwire.transform.article import analyse_article

    started = time.perf_counter()
    doc = nlp(text)
    result = analyse_article(doc, "bench", date(2024, 3, 1))
    return time.perf_counter() - started, max(len(s) for s in doc.sents), len(result.events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12_500, 25_000, 50_000, 100_000])
    parser.add_argument("--without-cap", action="store_true", help="remove the sentence cap (the pipeline before it)")
    args = parser.parse_args()
    from eventwire.transform import sentence_cap
    from eventwire.transform.nlp import get_nlp

    nlp = get_nlp()
    if args.without_cap:
        nlp.remove_pipe(sentence_cap.NAME)
    measure(nlp, ordinary(2000))  # the gazetteer and dateparser load on first use
    print(f"{'characters':>10} | {'one sentence s':>14} | {'ordinary s':>10} | {'ratio':>5} | longest sentence (tokens) | events")
    for size in args.sizes:
        one, longest, events = measure(nlp, one_sentence(size))
        plain, longest_plain, events_plain = measure(nlp, ordinary(size))
        print(f"{size:>10,} | {one:>14.1f} | {plain:>10.1f} | {one / plain:>5.1f} | {longest:>6} vs {longest_plain:<4}"
              f"             | {events} vs {events_plain}", flush=True)


if __name__ == "__main__":
    main()

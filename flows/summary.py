"""What a run did: `RunSummary`, which the CLI prints, the run report shows and the `runs` tables keep."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..transform.events import EVENT_TYPES

MAX_REJECTS_KEPT = 1000  # rejects listed in the summary (all of them are in the `rejects` table)
MAX_REJECTS_LOGGED = 20  # rejects logged one line each; the rest are counted by reason in one line


@dataclass
class RunSummary:
    """Counts and timings of one run; `events` counts the rows stored, by event type."""

    run_id: str
    db_path: str
    articles_new: int = 0
    articles_changed: int = 0
    articles_unchanged: int = 0
    articles_rejected: int = 0
    events: Counter[str] = field(default_factory=Counter)
    places: int = 0
    seconds: float = 0.0
    nlp_seconds: float = 0.0
    incident_seconds: float = 0.0  # CPU seconds filing casualty figures into incidents (batches and the settling)
    rejects: list[tuple[str, str, str]] = field(default_factory=list)  # (source_id, reason, detail)
    reject_reasons: Counter[str] = field(default_factory=Counter)  # every reject, by reason

    def counts(self) -> dict[str, float | int]:
        """The `runs` row's numbers."""
        return {
            "articles_new": self.articles_new, "articles_changed": self.articles_changed,
            "articles_unchanged": self.articles_unchanged, "articles_rejected": self.articles_rejected,
            # per-type columns of the first release, kept for queries that read them; run_counts has every type
            "statements": self.events["statement"], "casualties": self.events["casualty"],
            "places": self.places, "seconds": self.seconds, "nlp_seconds": self.nlp_seconds,
            "incident_seconds": self.incident_seconds,
        }

    def event_counts(self) -> dict[str, int]:
        """Rows stored by event type, every registered type included (0 when none)."""
        return {t.name: self.events[t.name] for t in EVENT_TYPES}

    def labelled(self) -> list[tuple[str, str]]:
        """What a person reads after a run, labelled once for the terminal summary and the run report."""
        return [
            ("articles new", str(self.articles_new)),
            ("articles changed", str(self.articles_changed)),
            ("articles unchanged", str(self.articles_unchanged)),
            ("articles rejected", str(self.articles_rejected)),
            *((f"{t.label}s", str(self.events[t.name])) for t in EVENT_TYPES),
            ("place mentions", str(self.places)),
            ("seconds", f"{self.seconds:.1f}"),
            ("NLP seconds", f"{self.nlp_seconds:.1f}"),
            ("incident CPU seconds", f"{self.incident_seconds:.1f}"),
        ]

    def add_reject(self, source_id: str, reason: str, detail: str) -> bool:
        """Count a reject; True while it is one of the first MAX_REJECTS_LOGGED (worth a line of its own)."""
        self.articles_rejected += 1
        self.reject_reasons[reason] += 1
        if len(self.rejects) < MAX_REJECTS_KEPT:
            self.rejects.append((source_id, reason, detail))
        return self.articles_rejected <= MAX_REJECTS_LOGGED

    def rejects_by_reason(self) -> str:
        """"12,000 duplicate article, 3 broken JSON line": every reject counted, most frequent reason first."""
        return ", ".join(f"{n:,} {reason}" for reason, n in self.reject_reasons.most_common())

    def unlisted_rejects(self, listed: int) -> str | None:
        """One line for the rejects after the first `listed`: how many, by reason; None when all were listed."""
        if self.articles_rejected <= listed:
            return None
        return (f"... and {self.articles_rejected - listed:,} more rejected (in all: {self.rejects_by_reason()}); "
                "every one is in the rejects table")

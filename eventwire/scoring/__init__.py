"""The scorer behind `eventwire eval` and the benchmarks: gold and predicted rows in, scores out. Pure.

It imports nothing of the pipeline it scores (a scorer must not share code with what it scores): the matching
rules are those of the gold README (../shared/gold/README.md), and ACLED's taxonomy is written out here again.
`articles`: statements, speakers, casualty figures, article tolls, places, not_events. `event_types`: ACLED
event and sub-event types of notes and snippets, and their actors.
"""

from .articles import (
    article_toll,
    format_report,
    normalize,
    score,
    speaker_right,
    tokens,
)
from .event_types import score_event_types

__all__ = ["article_toll", "format_report", "normalize", "score", "score_event_types", "speaker_right", "tokens"]

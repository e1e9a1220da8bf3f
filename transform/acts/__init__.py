"""What happened: the rules behind the `action` event type (transform/events/action.py), over the parse.

`lexicon` (ACLED's taxonomy and the word lists), `tokens` (token helpers and per-Doc tables), `parties` (who
and whom), `cues` (which words signal an act, negation, what an act is about) and `find` (the acts of a sentence,
the row, the link from a casualty figure to its act).
"""

"""The parts of finding statements: quotes on the characters, cues and speakers, content, credit, continuations.

`transform/events/statement.py` runs them in order over one parsed article.
"""

"""`python -m eventwire` is the `eventwire` command."""

from eventwire.cli import app

app()

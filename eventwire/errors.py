"""Errors a user can act on: the command line prints their message as one line and exits with status 2.

Import-light (nothing but the standard library), so every layer may raise them and `eventwire --help` stays fast.
A message says what is wrong and what to do, and names the path or value it is about.
"""

from __future__ import annotations


class UserError(RuntimeError):
    """Something about the user's input or files, not a bug: shown as one line, never as a traceback."""

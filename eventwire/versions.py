"""eventwire's versions, in the one module everything else reads them from (a leaf: it imports nothing).

`EXTRACTOR_VERSION`: bump when any extractor's output can change. Stored rows carry it, and a new value makes the
next run reprocess every article (unchanged input is otherwise skipped by its hash).
"""

__version__ = "0.2.20"

EXTRACTOR_VERSION = "0.2.20"

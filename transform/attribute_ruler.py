"""The model's attribute ruler, with its patterns found by dictionary lookups instead of spaCy's Matcher.

`en_core_web_sm`'s `attribute_ruler` maps tags to POS and morphology and fixes some lemmas with 179
one- and two-token patterns. spaCy's Matcher tries every pattern at every token, which made this table
lookup ~13% of the whole model's time on news text (about 21 µs a token). Here each pattern is filed
under the word (LOWER) or tag (TAG) it requires, so a token is checked only against the few patterns that
can match it. The matches, and so the annotations, are the same as the Matcher's (a test compares them on
real articles); `set_annotations` is spaCy's own. A pattern that uses anything else falls back to the
Matcher for the whole ruler.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")  # what the model's patterns test, in the order read per token
FEATURE_IDS = [LOWER, TAG, DEP, IS_SPACE]
MEMO_SIZE = 200_000  # distinct (word, tag, dependency, space) keys remembered (~100 MB); then start afresh
Check = tuple[int, int, Callable[[object], bool]]  # (token offset in the pattern, feature index, predicate)
Entry = tuple[int, int, tuple[Check, ...]]  # (attr_id, pattern length, checks)


def _predicate(spec: object) -> Callable[[object], bool] | None:
    """A test for one feature value, as the Matcher reads the spec; None for a spec not supported here."""
    if isinstance(spec, (str, bool)):
        return lambda v: v == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            barred = frozenset(arg)
            return lambda v: v not in barred
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return lambda v: pattern.search(v) is not None
    return None


def _keys(spec: object) -> list[str] | None:
    """The exact values a spec allows (an index key each), or None when it allows open-ended values."""
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        return list(spec["IN"])
    return None


class IndexedAttributeRuler(AttributeRuler):
    """`AttributeRuler` with an indexed `match`; everything else (patterns, serialisation) is spaCy's.

    One-token patterns depend only on the token's own features, so which of them match is worked out once
    per distinct (lower, tag, dep, is_space) and remembered; longer patterns are tried where their first
    token's word or tag is found.
    """

    _index: _Index | None = None
    _unsupported = False

    def add(self, patterns, attrs, index=0):
        self._index, self._unsupported = None, False
        super().add(patterns, attrs, index)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attr_id, match_id, start, end) for every pattern match, sorted as `AttributeRuler.match` does."""
        if self._index is None and not self._unsupported:
            self._index = _Index.build(self)
            self._unsupported = self._index is None
        if self._index is None:
            return super().match(doc)
        index = self._index
        keys = list(map(tuple, doc.to_array(FEATURE_IDS).tolist()))  # feature hashes, one tuple a token
        ids = index.match_ids
        found: list[tuple[int, int, int, int]] = []
        known = index.known
        for i, key in enumerate(keys):
            single, longer = known.get(key) or index.at(key)
            for attr_id in single:
                found.append((attr_id, ids[attr_id], i, i + 1))
            for attr_id, length, checks in longer:  # first token already checked
                if i + length <= len(keys) and all(test(index.values(keys[i + off])[f]) for off, f, test in checks):
                    found.append((attr_id, ids[attr_id], i, i + length))
        return sorted(set(found))


class _Index:
    """The ruler's patterns filed by the word or tag their first token requires."""

    def __init__(self, vocab) -> None:
        self.strings = vocab.strings
        self.match_ids: list[int] = []  # the Matcher's match_id (its key's hash) for each attr_id
        self.single: _Files = _Files()
        self.longer: _Files = _Files()
        self._values: dict[tuple, tuple] = {}
        self.known: dict[tuple, tuple[tuple[int, ...], tuple[Entry, ...]]] = {}  # `at`, remembered

    @classmethod
    def build(cls, ruler: AttributeRuler) -> _Index | None:
        index = cls(ruler.vocab)
        index.match_ids = [ruler.vocab.strings[str(attr_id)] for attr_id in range(len(ruler.attrs))]
        for attr_id in range(len(ruler.attrs)):
            for pattern in ruler.matcher.get(str(attr_id))[1]:
                checks: list[Check] = []
                for offset, token_spec in enumerate(pattern):
                    for feature, spec in token_spec.items():
                        test = _predicate(spec)
                        if feature not in FEATURES or test is None:
                            return None
                        checks.append((offset, FEATURES.index(feature), test))
                files = index.single if len(pattern) == 1 else index.longer
                files.add((attr_id, len(pattern), tuple(checks)), pattern[0] if pattern else {})
        return index

    def values(self, key: tuple) -> tuple:
        """A token's feature values as the patterns state them (strings, and a bool for IS_SPACE)."""
        found = self._values.get(key)
        if found is None:
            lower, tag, dep, space = key
            found = self._values[key] = (self.strings[lower], self.strings[tag], self.strings[dep], bool(space))
        return found

    def at(self, key: tuple) -> tuple[tuple[int, ...], tuple[Entry, ...]]:
        """For a token with these features: the one-token patterns that match it, and the longer patterns
        whose first token it matches (worked out once per distinct key, up to MEMO_SIZE keys)."""
        feat = self.values(key)
        single: set[int] = set()
        longer: list[Entry] = []
        for files, is_single in ((self.single, True), (self.longer, False)):
            for attr_id, length, checks in files.candidates(feat):
                if all(test(feat[f]) for off, f, test in checks if off == 0):
                    if is_single:
                        single.add(attr_id)
                    else:
                        longer.append((attr_id, length, tuple(c for c in checks if c[0] > 0)))
        if len(self.known) >= MEMO_SIZE:  # a bound on memory over millions of articles
            self.known.clear()
            self._values.clear()
        found = self.known[key] = (tuple(sorted(single)), tuple(longer))
        return found


class _Files:
    """Entries by first-token LOWER, else by TAG, else kept aside to try everywhere."""

    def __init__(self) -> None:
        self.by_lower: dict[str, list[Entry]] = defaultdict(list)
        self.by_tag: dict[str, list[Entry]] = defaultdict(list)
        self.always: list[Entry] = []

    def add(self, entry: Entry, first: dict) -> None:
        lowers, tags = _keys(first.get("LOWER")), _keys(first.get("TAG"))
        if lowers is not None:
            for key in lowers:
                self.by_lower[key].append(entry)
        elif tags is not None:
            for key in tags:
                self.by_tag[key].append(entry)
        else:
            self.always.append(entry)

    def candidates(self, feat: tuple) -> list[Entry]:
        return [*self.by_lower.get(feat[0], ()), *self.by_tag.get(feat[1], ()), *self.always]


@Language.factory("indexed_attribute_ruler", default_config={"validate": False, "scorer": None})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: object) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def use_indexed_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Swap the model's attribute ruler for the indexed one, with the same patterns, in the same place."""
    patterns = nlp.get_pipe(name).patterns
    ruler = nlp.replace_pipe(name, "indexed_attribute_ruler")
    ruler.add_patterns(patterns)

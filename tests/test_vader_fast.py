"""analysis.sentiment.vader.polarity_scores is NLTK's VADER, float for float, only faster.

Every VADER rule gets a hand-written sentence; a property test then compares the two
implementations on generated text built from the words the rules react to.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sentiment.vader import analyzer, polarity_scores

RULE_CASES = [
    # lexicon words, plain
    "NATO is a valued partner.",
    "The war in Ukraine has global ramifications.",
    # negation: single word, contraction, "never", "without", three words back
    "The talks were not good.",
    "The talks weren't good.",
    "The talks weren’t good.",
    "They never so good at it.",
    "It was never this bad.",
    "Without doubt the plan is good.",
    "Nobody thinks the summit was a real success.",
    # boosters and dampeners, one to three words back, and in capitals
    "The deal is very good.",
    "The deal is extremely very good.",
    "The deal is kind of good.",
    "The deal is sort of bad.",
    "The deal is somewhat marginally good.",
    "The deal is VERY good.",
    "The deal is VERY GOOD but the rest is not.",
    "KOREA AND NATO ARE FRIENDS.",
    "This is GREAT news for Seoul.",
    # "least"
    "It is the least good option.",
    "At least it is good.",
    "Very least good.",
    "least good",
    # "but" shifts weight to what follows
    "The talks were good but the outcome was terrible.",
    "But the outcome was terrible.",
    "The outcome was terrible BUT fine.",
    # idioms and booster bigrams
    "That summit was the bomb.",
    "Yeah right, a great deal.",
    "This policy will not cut the mustard with voters.",
    "It was a kiss of death for the treaty.",
    "They live hand to mouth and feel bad.",
    "The sort of good idea nobody likes.",
    # punctuation emphasis
    "What a good deal!",
    "What a good deal!!!!!!",
    "Is this good??",
    "Is this good????",
    "Is this bad?!?",
    # punctuation glued to words, emoticons, emoji, hashtags, urls
    "'good' \"bad\" (great) ...nice !!!awful??? -happy- ;sad",
    ":) :( :D <3 </3 :-) ;)",
    "Great job 😀 👍 #win https://example.com/a-good-page",
    # repeated words are scored at their first position (NLTK's behaviour)
    "good not good very good",
    "bad bad bad but good good",
    # numbers, single letters, empty and blank, other scripts
    "It rose 5 % in 2023 to $1.2 billion.",
    "a b c d e",
    "",
    "   ",
    "!!!",
    "윤석열 대통령은 협력이 중요하다고 말했다.",
    "No.",
    "No, this is not good.",
    "There is no good answer.",
]


@pytest.mark.parametrize("text", RULE_CASES)
def test_same_scores_as_nltk_on_every_rule(text):
    assert polarity_scores(text) == analyzer().polarity_scores(text)


_VOCABULARY = [
    "good", "bad", "GOOD", "Bad", "great", "terrible", "not", "isn't", "never", "so", "this",
    "very", "VERY", "kind", "of", "sort", "least", "at", "but", "BUT", "the", "bomb", "shit",
    "yeah", "right", "no", "without", "NATO", "Korea", "war", "peace", "partner", "extremely",
    "barely", "!", "?", "!!", "?!?", ",", ".", "'", '"', ":)", ":(", "good!", "bad,", "(good)",
    "“great”", "can't", "won’t", "cut", "mustard", "hand", "to", "mouth", "kiss", "death",
]

_TEXTS = st.lists(
    st.one_of(st.sampled_from(_VOCABULARY), st.text(min_size=1, max_size=6)),
    max_size=25,
).map(" ".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_TEXTS)
def test_same_scores_as_nltk_on_generated_text(text):
    assert polarity_scores(text) == analyzer().polarity_scores(text)

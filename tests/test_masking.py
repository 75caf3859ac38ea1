"""Masking names before VADER: hand-written sentences with the masking expected by hand."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sentiment.masking import PLACEHOLDER, NameSpan, mask_names, mask_spans, name_spans
from analysis.sentiment.vader import analyzer, polarity_scores


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    actor: str
    kind: str


class _Registry:
    """A stand-in registry that knows a few aliases (duck-types ActorRegistry)."""

    def __init__(self, *aliases: str) -> None:
        self.aliases = aliases

    def find_mentions(self, text: str, start: int = 0, end: int | None = None) -> list[_Mention]:
        end = len(text) if end is None else end
        found = []
        for alias in self.aliases:
            position = text.find(alias, start, end)
            while position >= 0:
                found.append(_Mention(position, position + len(alias), alias, alias, "person"))
                position = text.find(alias, position + len(alias), end)
        return sorted(found, key=lambda m: m.start)


NO_NAMES = _Registry()


class _NoSearch:
    """A registry that must not be searched: the mentions are given."""

    def find_mentions(self, *args, **kwargs):
        raise AssertionError("the registry was searched although mentions were given")


def test_placeholder_is_neutral_for_vader_and_not_in_capitals():
    assert PLACEHOLDER.lower() not in analyzer().lexicon
    assert not PLACEHOLDER.isupper()
    assert polarity_scores(f"{PLACEHOLDER} {PLACEHOLDER}’s {PLACEHOLDER}.")["compound"] == 0.0


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # institution names that carry lexicon words ("united", "security", "crisis")
        ("The United Nations Security Council met.", "The Xx Xx Xx Xx met."),
        ("Crisis Group warned of a crisis.", "Xx Xx warned of a crisis."),
        ("Great progress was made, Human Rights Watch said.",
         "Great progress was made, Xx Xx Xx said."),
        # names joined by "of", initials, possessives, hyphenated given names
        ("He won the Medal of Freedom.", "He won the Xx Xx Xx."),
        ("The U.S. Senate agreed.", "The Xx Xx agreed."),
        ("First lady Kim Keon-hee’s visit went well.", "First lady Xx Xx’s visit went well."),
        # acronyms, but not an all-caps word VADER scores (emphasis, not a name)
        ("NATO and the AP4 met.", "Xx and the Xx met."),
        ("NATO called it a DISASTER.", "Xx called it a DISASTER."),
        # sentence-initial ordinary words stay; the name after them goes
        ("Sadly North Korea refused.", "Sadly Xx Xx refused."),
        ("On Monday Joe Biden spoke.", "On Xx Xx Xx spoke."),
        ("He said: “Great Britain helped.”", "He said: “Great Britain helped.”"),
        # single capitalised words are not names by pattern alone
        ("Yoon met Stoltenberg in Vilnius.", "Yoon met Stoltenberg in Vilnius."),
        # a Title Case headline is not a string of names, but organisations in it are
        ("Senators Praise Great Deal With Acme Group", "Senators Praise Great Deal With Xx Xx"),
        # nothing to mask
        ("the talks were good.", "the talks were good."),
    ],
)
def test_mask_names_on_hand_written_sentences(text, masked):
    assert mask_names(text, NO_NAMES) == masked


def test_registry_mentions_are_masked_even_single_words_at_sentence_start():
    registry = _Registry("Hope", "Stoltenberg")
    text = "Hope said the deal was fine. Stoltenberg agreed."
    assert mask_names(text, registry) == "Xx said the deal was fine. Xx agreed."
    assert [s.reason for s in name_spans(text, registry)] == ["registry", "registry"]
    assert polarity_scores(mask_names(text, registry))["compound"] == pytest.approx(
        polarity_scores("Xx said the deal was fine. Xx agreed.")["compound"]
    )


def test_overlapping_findings_merge_and_registry_wins_the_reason():
    registry = _Registry("Security Council")
    text = "The United Nations Security Council met."
    assert name_spans(text, registry) == [NameSpan(4, 35, "registry")]


def test_given_mentions_are_masked_and_the_registry_is_not_searched():
    text = "Hope said the deal was fine. Kim agreed."
    mentions = [_Mention(0, 4, "Hope", "Hope", "person"), _Mention(29, 32, "Kim", "Kim", "person")]
    spans = name_spans(text, _NoSearch(), mentions=mentions)
    assert [(text[s.start : s.end], s.reason) for s in spans] == [("Hope", "registry"), ("Kim", "registry")]
    assert mask_names(text, _NoSearch(), mentions=mentions) == "Xx said the deal was fine. Xx agreed."
    # only the mentions inside the window count; an empty list masks patterns alone
    assert [s.start for s in name_spans(text, _NoSearch(), start=5, mentions=mentions)] == [29]
    assert mask_names("Crisis Group and Hope met.", _NoSearch(), mentions=[]) == "Xx Xx and Hope met."


def test_name_spans_give_offsets_and_reasons():
    text = "Crisis Group and NATO praised the Individually Tailored Partnership Programme."
    spans = name_spans(text, NO_NAMES)
    assert [(text[s.start : s.end], s.reason) for s in spans] == [
        ("Crisis Group", "organisation"),
        ("NATO", "acronym"),
        ("Individually Tailored Partnership Programme", "organisation"),
    ]


def test_an_organisation_followed_by_a_name_gives_two_spans():
    text = "They met European Council President Charles Michel."
    spans = name_spans(text, NO_NAMES)
    assert [(text[s.start : s.end], s.reason) for s in spans] == [
        ("European Council", "organisation"),
        ("President Charles Michel", "name"),
    ]
    assert mask_names(text, NO_NAMES) == "They met Xx Xx Xx Xx Xx."


def test_name_spans_respect_a_window():
    text = "Crisis Group met. Human Rights Watch met."
    spans = name_spans(text, NO_NAMES, start=18)
    assert [text[s.start : s.end] for s in spans] == ["Human Rights Watch"]
    assert mask_spans(text, spans, 18) == "Xx Xx Xx met."


def test_masking_removes_the_names_tone():
    assert polarity_scores("United Nations Security Council")["compound"] == 0.6369
    assert polarity_scores(mask_names("United Nations Security Council", NO_NAMES))["compound"] == 0
    assert polarity_scores("Crisis Group")["compound"] == -0.6249
    assert polarity_scores(mask_names("Crisis Group", NO_NAMES))["compound"] == 0


def test_single_letters_are_kept_so_vader_sees_as_many_words():
    assert mask_names("Dr. Sidney J Blair spoke.", NO_NAMES) == "Dr. Xx J Xx spoke."


WORDS = st.sampled_from(
    ["the", "United", "Nations", "said", "Crisis", "Group", "good", "NATO", "of", "U.S.",
     "Korea’s", "war", "J", "Great", "and", "Watch", "—", "“Peace", "talks.”", "Mr."]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=14))
def test_masking_keeps_whitespace_and_word_count(words):
    text = " ".join(words)
    masked = mask_names(text, NO_NAMES)
    assert len(masked.split()) == len(text.split())
    assert [len(w) > 1 for w in masked.split()] == [len(w) > 1 for w in text.split()]

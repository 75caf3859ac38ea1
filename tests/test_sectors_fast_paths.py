"""The sector wing's fast paths give exactly what the plain regex scans give.

Each fast path skips work a necessary condition rules out (no alias starts here, no
area noun in the sentence, no name phrase to exclude); these tests compare it with the
slow scan it replaces, on hand-written sentences and on generated ones.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis._resources import read_csv_rows
from analysis.actors.trie import caseless_trie_regex
from analysis.sectors.lists import _count_regex, _count_value, count_spans
from analysis.sectors.matching import matcher_for
from analysis.sectors.mentions import _alternation, _cues, refine_mentions
from analysis.sectors.taxonomy import Sector, Taxonomy, default_taxonomy
from analysis.text.document import as_document

SENTENCES = [
    "Talks on cyber defence, space and climate security went well.",
    "CYBER-DEFENCE and Counter-Terrorism topped the list; cyberdefence too.",
    "The partners agreed on women, peace and security and on science & technology.",
    "Officials said nothing new about the weather.",
    "양측은 사이버 방위와 대테러 협력, 신흥기술 분야를 논의했다.",
    "Hybrid threats, disinformation and critical infrastructure: all three.",
    "",
]


def _spans(matches) -> list[tuple[int, int, int | None]]:
    return [(m.start(), m.end(), m.lastindex) for m in matches]


def test_the_shipped_taxonomy_has_a_lead_word_scan():
    assert matcher_for(default_taxonomy()).lead is not None


def test_lead_word_scan_finds_what_the_regex_finds():
    matcher = matcher_for(default_taxonomy())
    found = 0
    for text in SENTENCES:
        for start, end in ((0, len(text)), (3, len(text)), (0, max(0, len(text) - 5))):
            expected = _spans(matcher.regex.finditer(text, start, end))
            assert _spans(matcher.finditer(text, start, end)) == expected
            found += len(expected)
    assert found > 10  # the sentences do name sectors


def test_an_alias_not_starting_with_a_word_turns_the_scan_off():
    odd = Taxonomy((Sector("odd", "Odd", aliases_en=("& partners", "space")),))
    matcher = matcher_for(odd)
    assert matcher.lead is None
    text = "Space & partners met."
    assert _spans(matcher.finditer(text)) == _spans(matcher.regex.finditer(text))
    assert len(_spans(matcher.finditer(text))) == 2


_PIECES = st.sampled_from(
    ["cyber", "defence", "Cyber", "SPACE", "space", "climate", "security", "and", "&", ",",
     "-", " ", "  ", "x", "1", "_", "사이버", "방위", "와", "counter", "terrorism", "İ", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14), st.integers(0, 4), st.integers(0, 4))
def test_lead_word_scan_equals_the_regex_on_generated_text(pieces, cut_start, cut_end):
    matcher = matcher_for(default_taxonomy())
    text = "".join(pieces)
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    assert _spans(matcher.finditer(text, start, end)) == _spans(
        matcher.regex.finditer(text, start, end))


COUNT_SENTENCES = [
    "The ITPP covers 11 sectors, up from seven AREAS in 2012.",
    "The 11-area ITPP replaced a nine-sector plan; five PRIORITIES remain.",
    "양측은 11개 분야와 열한 개 영역, 11대 협력 분야를 논의했다.",
    "Eleven officials met on Tuesday.",
    "",
]


def _slow_counts(text: str) -> list[tuple[int, int]]:
    return [(m.start(), _count_value(m)) for m in _count_regex().finditer(text)]


def test_count_spans_equal_the_count_regex():
    found = 0
    for text in COUNT_SENTENCES:
        assert count_spans(text) == _slow_counts(text)
        found += len(count_spans(text))
    assert found >= 6


_COUNT_PIECES = st.sampled_from(
    ["11", "seven", "Eleven", "fİve", "areas", "AREA", "sectors", "priorities", "pillar",
     "-", " ", "new", "x", "개", "대", "열한", "분야", "영역", "협력", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_COUNT_PIECES, max_size=12))
def test_count_spans_equal_the_count_regex_on_generated_text(pieces):
    text = "".join(pieces)
    assert count_spans(text) == _slow_counts(text)


# --- registry names: a trie of the phrases, looked for only when a match needs it

_PHRASES = ("cyber ambassador", "cyber", "cyber ambassador for asia", "chief of staff",
            "chief", "space security agency", "space security")


def _phrase_alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def _trie(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{caseless_trie_regex(phrases)})(?!\w)", re.IGNORECASE)


_NAME_TEXTS = [
    "The Cyber  Ambassador for Asia met the chief of\nstaff and the cyber ambassadors.",
    "CHIEF OF STAFF, Chief, cyberchief, space security agency's space security.",
    "the cyber ambassador for asian states",
]


def test_phrase_trie_finds_what_the_alternation_finds():
    for text in _NAME_TEXTS:
        expected = [m.span() for m in _phrase_alternation(_PHRASES).finditer(text)]
        assert [m.span() for m in _trie(_PHRASES).finditer(text)] == expected
    assert [m.group() for m in _trie(_PHRASES).finditer(_NAME_TEXTS[0])] == [
        "Cyber  Ambassador for Asia", "chief of\nstaff", "cyber"]


def test_phrase_trie_gives_way_when_two_branches_match_each_other():
    assert caseless_trie_regex(["Kelvin", "\u212aelvin"]) is None  # K and the Kelvin sign
    assert caseless_trie_regex(["a b", "a\tb"]) is None  # a space beside a tab


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["cyber", "CYBER", "ambassador", "for", "asia", "chief", "of",
                                 "staff", "space", "security", "agency", " ", "  ", "\n",
                                 "x", "-"]), max_size=12))
def test_phrase_trie_equals_the_alternation_on_generated_text(pieces):
    text = " ".join(pieces)
    assert [m.span() for m in _trie(_PHRASES).finditer(text)] == [
        m.span() for m in _phrase_alternation(_PHRASES).finditer(text)]


def test_names_are_not_looked_for_in_a_text_without_sector_words():
    calls = []

    def names():
        calls.append(1)
        return [(0, 3, "organisation")]

    doc = as_document("Officials met on Tuesday and spoke about the weather.")
    assert refine_mentions(doc, [], default_taxonomy(), names=names) == []
    assert calls == []
    doc = as_document("The two sides' cyber cooperation grew.")
    assert [m.matched for m in refine_mentions(doc, [], default_taxonomy(), names=names)] == [
        "cyber"]
    assert calls == [1]


# --- cooperation and person nouns: tries of the cue words


def _cue_alternation(kinds: tuple[str, ...]) -> re.Pattern[str]:
    words = [row["word"] for row in read_csv_rows("sectors/mention_cues.csv")
             if row["kind"] in kinds]
    english = [w for w in words if w.isascii()]
    korean = [w for w in words if not w.isascii()]
    return re.compile(rf"(?<!\w)(?:{_alternation(english)})(?!\w)|(?:{_alternation(korean)})",
                      re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["cyber", "co-operation", "Cooperation", "cooperations", "drill",
                                 "DRILLS", "situational", "awareness", "ties", "work", "협력",
                                 "훈련을", " ", "  ", "-", "x", "\n"]), max_size=12))
def test_cooperation_nouns_are_found_as_the_alternation_finds_them(pieces):
    text = "".join(pieces)
    slow = _cue_alternation(("cooperation_noun", "activity_noun"))
    assert [m.span() for m in _cues().cooperation.finditer(text)] == [
        m.span() for m in slow.finditer(text)]


def test_cooperation_noun_trie_on_hand_written_text():
    text = "Their cyber co-operation, space situational awareness drills and 사이버 협력 grew."
    slow = _cue_alternation(("cooperation_noun", "activity_noun"))
    found = [m.group() for m in _cues().cooperation.finditer(text)]
    assert found == [m.group() for m in slow.finditer(text)]
    assert found == ["co-operation", "situational awareness", "drills", "협력"]

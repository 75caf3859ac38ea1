"""Speakers resolve against the article's actor mentions; records carry the whole quotes table."""

from __future__ import annotations

import dataclasses
import warnings
from datetime import date

import pytest

from analysis.actors.overrides import Override
from analysis.actors.registry import ActorMention, default_registry
from analysis.quotes import SPEECH_KINDS, Quote, extract_quotes, quote_rows, quotes_frame
from analysis.quotes.cues import cues
from analysis.quotes.resolve import head_mention
from analysis.quotes.words import words
from analysis.schemas import columns
from analysis.text.articles import Article
from analysis.text.document import as_document

VILNIUS = date(2023, 7, 11)

# Two Kims: the presidential secretary speaks first, then the first lady. The old
# resolver expanded the second "Kim" to the last speaker named Kim (Kim Eun-hye); the
# dated actor mention behind the title "first lady" is Kim Keon-hee.
TWO_KIMS = (
    "Kim Eun-hye, the senior presidential secretary, briefed reporters. "
    "“The summit went well,” said Kim Eun-hye. "
    "Later, first lady Kim visited a school. "
    "“The children were wonderful,” first lady Kim said."
)


def _article(text: str, published: date | None = VILNIUS) -> Article:
    return Article(article_id="a1", text=text, published=published)


def _mention_at(mentions: list[ActorMention], start: int) -> ActorMention:
    return next(m for m in mentions if m.start == start)


def test_speaker_mention_resolves_as_in_the_actors_table():
    article = _article(TWO_KIMS)
    mentions = default_registry().find_mentions(article.text, on=article.published)
    quotes = [q for q in extract_quotes(article) if q.kind in SPEECH_KINDS]
    assert [q.actor for q in quotes] == ["Kim Eun-hye", "Kim Keon-hee"]
    for quote in quotes:
        assert quote.actor == _mention_at(mentions, quote.speaker_start).actor


def test_given_mentions_are_used_and_not_searched_again():
    article = _article(TWO_KIMS)
    registry = default_registry()
    mentions = registry.find_mentions(article.text, on=article.published)
    last = mentions[-1]
    corrected = [*mentions[:-1], dataclasses.replace(last, actor="Lee Do-woon")]
    quotes = extract_quotes(article, registry, mentions=corrected)
    assert quotes[-1].speaker_start == last.start
    assert quotes[-1].actor == "Lee Do-woon"
    assert quotes[-1].role == "Presidential Spokesperson"  # the office of the corrected actor


def test_an_actors_correction_reaches_the_quotes_table():
    article = _article(TWO_KIMS)
    speaker_start = TWO_KIMS.rindex("Kim said")
    fix = Override("a1", "actors", speaker_start, "actor", "Kim Eun-hye")
    frame = quotes_frame(article, overrides=[fix])
    assert frame["actor"].tolist()[-1] == "Kim Eun-hye"
    assert quotes_frame(article)["actor"].tolist()[-1] == "Kim Keon-hee"


def test_a_quote_correction_of_the_actor_refreshes_its_office():
    article = _article("“We value the partnership,” Stoltenberg said.")
    fix = Override("a1", "quotes", 0, "actor", "Yoon Suk Yeol")
    row = quotes_frame(article, overrides=[fix]).iloc[0]
    assert (row["actor"], row["role"], row["affiliation"]) == (
        "Yoon Suk Yeol", "President", "South Korea")


def test_head_mention_rules():
    text = "the president of the Communications Workers of America said"
    america = text.index("America")
    found = [ActorMention(america, america + 7, "America", "United States", "country")]
    assert head_mention(text, found, 0, america + 7) is None  # a complement after "of"
    text = "Democrat Hillary Clinton said"
    found = [ActorMention(9, 24, "Hillary Clinton", "Hillary Clinton", "person")]
    assert head_mention(text, found, 0, 24).actor == "Hillary Clinton"
    text = "When Trump spoke"
    found = [ActorMention(5, 10, "Trump", "Donald Trump", "person")]
    assert head_mention(text, found, 0, 10).actor == "Donald Trump"
    text = "Trump's spokeswoman"
    found = [ActorMention(0, 5, "Trump", "Donald Trump", "person")]
    assert head_mention(text, found, 0, len(text)) is None


def test_records_carry_every_column_of_the_quotes_table():
    text = ("NATO Secretary General Jens Stoltenberg met Yoon.\n\n"
            "“Korea is a valued partner,” Stoltenberg told Yoon.")
    article = _article(text)
    quote = extract_quotes(article)[0]
    assert (quote.actor, quote.role, quote.affiliation) == (
        "Jens Stoltenberg", "Secretary General", "NATO")
    assert (quote.addressee, quote.addressee_actor) == ("Yoon", "Yoon Suk Yeol")
    assert text[quote.addressee_start : quote.addressee_end] == "Yoon"
    assert (quote.sentence, quote.paragraph) == (1, 1)
    doc = as_document(article)
    rows = quote_rows(doc, extract_quotes(doc))
    assert set(rows[0]) == set(columns("quotes"))
    frame = quotes_frame(article)
    assert frame.to_dict("records")[0]["addressee_actor"] == rows[0]["addressee_actor"]
    assert frame["n_words"].tolist() == [row["n_words"] for row in rows]


def test_an_undated_article_gives_no_office():
    quote = extract_quotes(_article("“We value the partnership,” Stoltenberg said.", None))[0]
    assert quote.actor == "Jens Stoltenberg"
    assert (quote.role, quote.affiliation) == (None, None)


def test_new_fields_come_after_the_old_ones_with_defaults():
    names = [f.name for f in dataclasses.fields(Quote)]
    assert names[:12] == ["text", "start", "end", "kind", "speaker", "speaker_start",
                          "speaker_end", "actor", "cue", "addressee", "content_start",
                          "content_end"]
    assert Quote("x", 0, 1, "scare").paragraph is None


def test_a_registry_bug_surfaces():
    class Broken:
        def find_mentions(self, text, start=0, end=None, *, on=None):
            return []

        def resolve(self, mention, on=None):
            raise RuntimeError("registry bug")

    with pytest.raises(RuntimeError, match="registry bug"):
        extract_quotes("“We value the partnership,” Stoltenberg said.", Broken())


def test_one_speech_verb_list():
    assert "began" not in cues()  # listed for sentence segmentation only
    doc = as_document("“Why now?” she began. “Why here?” Kim asked.")
    assert len(doc.sentences) == 2
    with pytest.raises(KeyError):
        words("no such list")


def test_quotes_frame_output_is_unchanged_by_mentions_given():
    article = _article(TWO_KIMS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = quotes_frame(article)
    doc = as_document(article)
    mentions = default_registry().find_mentions(doc.text, on=VILNIUS)
    rows = quote_rows(doc, extract_quotes(doc, mentions=mentions))
    assert frame["actor"].tolist() == [row["actor"] for row in rows]

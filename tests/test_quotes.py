"""Quotes and speakers: hand-written cases from the issue, and the seed article's gold."""

from __future__ import annotations

import warnings

import pytest

from analysis.quotes.extract import (
    SPEECH_KINDS,
    NotEnglishWarning,
    Quote,
    extract_quotes,
    quotes_frame,
)
from analysis.schemas import columns
from analysis.text.articles import Article

# The seed article's quotes, annotated by hand: (kind, first words, speaker, actor, cue,
# addressee). Every quotation, title and reported speech in the article, in text order.
SEED_GOLD = [
    ("indirect", "cooperation between the two sides", "the pair", None, "stressed", None),
    ("direct", "Korea is a very highly valued", "Stoltenberg", "Jens Stoltenberg", "told", "Yoon"),
    ("direct", "We value the partnership", "Stoltenberg", "Jens Stoltenberg", "told", "Yoon"),
    ("direct", "The war in Ukraine", "Stoltenberg", "Jens Stoltenberg", "told", "Yoon"),
    ("direct", "We are also very concerned", "Stoltenberg", "Jens Stoltenberg", "told", "Yoon"),
    ("partial", "welcome the fact", "He", "Jens Stoltenberg", "went on", None),
    ("direct", "Last year, I focused", "Yoon", "Yoon Suk Yeol", "said", None),
    ("partial", "is an integral part", "Yoon", "Yoon Suk Yeol", "stressed", None),
    ("direct", "Since becoming NATO’s partner", "Kim Eun-hye", "Kim Eun-hye", "said", None),
    ("direct", "Strengthening cooperation", "Kim Eun-hye", "Kim Eun-hye", "said", None),
    ("indirect", "Yoon will also discuss", "Kim", "Kim Eun-hye", "added", None),
    ("title", "American Pie", None, None, None, None),
    ("title", "American Pie", None, None, None, None),
    ("indirect", "The presidential couple was greeted", "presidential spokesperson Lee Do-woon",
     "Lee Do-woon", "according to", None),
    ("partial", "wonderful address", "The senator", "Pete Ricketts", "thanked", "Yoon"),
    ("indirect", "he looked forward", "The senator", "Pete Ricketts", "said", None),
    ("indirect", "Later in the evening", "Lee", "Lee Do-woon", "said", None),
]


def _summary(quote: Quote) -> tuple:
    return (quote.kind, quote.speaker, quote.actor, quote.cue, quote.addressee)


def test_seed_article_every_quote(seed_article):
    quotes = extract_quotes(seed_article)
    assert len(quotes) == len(SEED_GOLD)
    for quote, gold in zip(quotes, SEED_GOLD, strict=True):
        kind, first_words, speaker, actor, cue, addressee = gold
        assert quote.text.startswith(first_words), (quote, gold)
        assert _summary(quote) == (kind, speaker, actor, cue, addressee), quote.text


def test_seed_offsets_cite_the_evidence(seed_article):
    text = seed_article.text
    for quote in extract_quotes(seed_article):
        if quote.kind in {"direct", "partial", "title", "scare"}:
            assert text[quote.start] in "“\"'‘" and text[quote.end - 1] in "”\"'’"
        else:
            assert text[quote.start : quote.end] == quote.text
        if quote.speaker is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker


def test_continued_quote_keeps_the_first_speaker_mention(seed_article):
    quotes = [q for q in extract_quotes(seed_article) if q.speaker == "Stoltenberg"]
    assert len({q.speaker_start for q in quotes[:2]}) == 1
    assert quotes[0].speaker_start != quotes[2].speaker_start


# ---------------------------------------------------------------------------
# quote marks


def _one(text: str) -> Quote:
    quotes = [q for q in extract_quotes(text) if q.kind in SPEECH_KINDS]
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_straight_and_curly_marks_mixed_in_one_article():
    text = '"We agree," Kim said. Later, “We disagree,” Lee said.'
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We agree,", "Kim"), ("We disagree,", "Lee")
    ]
    assert all(q.kind == "direct" for q in quotes)


def test_single_quote_quotes():
    quote = _one("‘We will not back down,’ the minister said.")
    assert (quote.text, quote.kind, quote.speaker) == (
        "We will not back down,", "direct", "the minister"
    )


def test_nested_quotes_belong_to_the_outer_quote():
    text = "“He told me, ‘we will win,’ and I believed him,” Shaheen said."
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].text == "He told me, ‘we will win,’ and I believed him,"
    assert quotes[0].speaker == "Shaheen"


@pytest.mark.parametrize(
    "text",
    [
        "Korea’s workers’ unions grew in the ’90s, and 'tis true, Kim said.",
        "The workers' union and Korea's envoy met in the '90s.",
    ],
)
def test_apostrophes_are_not_quote_marks(text):
    assert [q for q in extract_quotes(text) if q.kind != "indirect"] == []


def test_multi_paragraph_quote_is_one_quote():
    text = (
        "“Korea is a partner of NATO,” Stoltenberg said. “We value it.\n"
        "“Security is global.\n"
        "“What happens in Europe matters for Asia.”\n"
        "The summit ended."
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    second = quotes[1]
    assert text[second.start : second.end].startswith("“We value it.")
    assert text[second.start : second.end].endswith("for Asia.”")
    assert second.text == "We value it.\nSecurity is global.\nWhat happens in Europe matters for Asia."
    assert second.kind == "direct" and second.speaker == "Stoltenberg"


def test_unclosed_quote_ends_with_its_paragraph():
    text = "“We will win the vote, Kim said.\nThe vote was held on Monday."
    quote = extract_quotes(text)[0]
    assert quote.end == text.index("\n")


# ---------------------------------------------------------------------------
# kinds


def test_partial_quote_inside_a_sentence():
    text = "Yoon stressed that cooperation “is an integral part of global security,” he said."
    quote = next(q for q in extract_quotes(text) if q.kind == "partial")
    assert (quote.text, quote.speaker, quote.cue) == (
        "is an integral part of global security,", "Yoon", "stressed"
    )


def test_titles_and_scare_quotes_are_not_speech():
    text = (
        "The delegation sang Don McLean’s song “American Pie.” "
        "Officials called the plan a so-called “reset” of ties. "
        "Critics of the “axis” were absent."
    )
    kinds = [(q.kind, q.text) for q in extract_quotes(text)]
    assert kinds == [("title", "American Pie."), ("scare", "reset"), ("scare", "axis")]
    frame = quotes_frame(text)
    assert not frame["kind"].isin(SPEECH_KINDS).any()


def test_a_phrase_the_speaker_did_say_is_partial():
    text = "Senator Pete Ricketts met Yoon. The senator thanked Yoon for his “wonderful address.”"
    quote = extract_quotes(text)[0]
    assert (quote.kind, quote.speaker, quote.actor, quote.addressee) == (
        "partial", "The senator", "Pete Ricketts", "Yoon"
    )


def test_reported_speech_without_marks_is_indirect():
    text = (
        "Yoon stressed that the alliance must grow stronger. "
        "Seoul will send observers to the drills, Kim added."
    )
    quotes = extract_quotes(text)
    assert [(q.kind, q.text, q.speaker, q.cue) for q in quotes] == [
        ("indirect", "the alliance must grow stronger", "Yoon", "stressed"),
        ("indirect", "Seoul will send observers to the drills", "Kim", "added"),
    ]


# ---------------------------------------------------------------------------
# cues and speakers


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "addressee"),
    [
        ("“We are ready,” Kim said.", "Kim", "said", None),
        ("“We are ready,” said Kim.", "Kim", "said", None),
        ("“We are ready,” Stoltenberg told Yoon.", "Stoltenberg", "told", "Yoon"),
        ("“We are ready,” Stoltenberg told reporters on Monday.", "Stoltenberg", "told",
         "reporters"),
        ("“We are ready,” said Kim Eun-hye, senior secretary for public affairs, in a briefing.",
         "Kim Eun-hye", "said", None),
        ("“We are ready,” Kim Eun-hye, senior secretary for public affairs, said in a briefing.",
         "Kim Eun-hye", "said", None),
        ("Kim said: “We are ready for the talks.”", "Kim", "said", None),
        ("“We are ready,” according to Kim.", "Kim", "according to", None),
        ("“We are ready,” the NATO chief warned.", "the NATO chief", "warned", None),
        ("“Cooperation matters,” Yoon stressed.", "Yoon", "stressed", None),
        ("“Cooperation matters,” Yoon added.", "Yoon", "added", None),
        ("“Cooperation matters,” Yoon noted.", "Yoon", "noted", None),
        ("“Act now,” Shaheen urged lawmakers.", "Shaheen", "urged", "lawmakers"),
        ("“Will you join?” Kim asked Yoon.", "Kim", "asked", "Yoon"),
        ("“We never agreed,” Lee insisted.", "Lee", "insisted", None),
        ("“It is vital,” Yoon emphasized.", "Yoon", "emphasized", None),
        ("“It is vital,” Yoon emphasised.", "Yoon", "emphasised", None),
        ("“This is a mistake,” Tillis wrote on Twitter.", "Tillis", "wrote", None),
        ("“Stand together,” Michel has repeatedly said.", "Michel", "said", None),
        ("“Stand together,” mused NATO envoy Jeanne Shaheen.", "NATO envoy Jeanne Shaheen",
         "mused", None),
        ("Shaheen: “We will stand together.”", "Shaheen", None, None),
        ("Sen. Ted Cruz (R-Texas), a candidate, said: “We will win.”", "Sen. Ted Cruz", "said",
         None),
        # a party-and-state tag in brackets or between commas
        ("“The talks matter,” said Rep. Ann Cole (D-Tex.), a co-sponsor.", "Rep. Ann Cole",
         "said", None),
        ("“The talks matter,” Sen. Ann Cole, R-Ky., said.", "Sen. Ann Cole", "said", None),
        # a description after an inverted cue: determiner, capitalised modifiers, head noun
        ("“There is no data,” said one unaligned Florida Republican strategist.",
         "one unaligned Florida Republican strategist", "said", None),
        ("“There is no data,” said a White House spokesman on Monday.",
         "a White House spokesman", "said", None),
        ("“I think Seoul is wary,” stated Ann Cole, a historian at the university.",
         "Ann Cole", "stated", None),
        ("“I would say this,” Kim answered.", "Kim", "answered", None),
        ("After the debate, Cole shot back, “I chose my profession.”", "Cole", "shot back",
         None),
    ],
)
def test_cue_and_speaker_around_the_quote(text, speaker, cue, addressee):
    quote = _one(text)
    assert (quote.speaker, quote.cue, quote.addressee) == (speaker, cue, addressee)
    assert text[quote.speaker_start : quote.speaker_end] == speaker


def test_speaker_in_the_previous_sentence_with_a_colon():
    text = "Stoltenberg had a message for Yoon:\n“Korea is a highly valued partner.”"
    quote = _one(text)
    assert (quote.speaker, quote.cue) == ("Stoltenberg", None)
    text = "Stoltenberg told Yoon on Monday:\n“Korea is a highly valued partner.”"
    quote = next(q for q in extract_quotes(text) if q.kind == "direct")
    assert (quote.speaker, quote.addressee) == ("Stoltenberg", "Yoon")


def test_speaker_in_the_next_sentence():
    text = "“We will stand with Ukraine.” Stoltenberg said so on Tuesday."
    assert _one(text).speaker == "Stoltenberg"


def test_quote_continuing_the_previous_speakers_words():
    text = "“We are ready,” Kim said. “The talks start Monday.”"
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Kim", "Kim"]
    assert quotes[0].speaker_start == quotes[1].speaker_start


def test_pronoun_speakers_resolve_to_the_named_actor():
    text = (
        "NATO Secretary General Jens Stoltenberg arrived in Vilnius. "
        "“We are united,” Stoltenberg said. “It matters,” he added. "
        "Senator Jeanne Shaheen spoke next. “We agree,” she said."
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.actor) for q in quotes] == [
        ("Stoltenberg", "Jens Stoltenberg"),
        ("he", "Jens Stoltenberg"),
        ("she", "Jeanne Shaheen"),
    ]


def test_descriptive_speakers_resolve_through_the_registry():
    text = (
        "Jens Stoltenberg met Yoon Suk Yeol in Vilnius. "
        "“Korea is a valued partner,” the NATO chief said."
    )
    quote = _one(text)
    assert (quote.speaker, quote.actor) == ("the NATO chief", "Jens Stoltenberg")


def test_quote_with_no_findable_speaker_is_never_guessed():
    text = "The summit opened on Tuesday.\n“Security is global and indivisible.”"
    quote = _one(text)
    assert (quote.speaker, quote.actor, quote.cue) == (None, None, None)


def test_surname_resolves_to_the_last_speaker_who_bears_it():
    text = (
        "First lady Kim Keon-hee arrived. “We welcome the visit,” said Kim Eun-hye, "
        "a presidential secretary. The trip will last six days, Kim added."
    )
    quotes = extract_quotes(text)
    assert [q.actor for q in quotes] == ["Kim Eun-hye", "Kim Eun-hye"]


# ---------------------------------------------------------------------------
# languages and the frame


def test_non_english_article_returns_no_quotes_and_says_so():
    # Korean has rules of its own (tests/test_korean_quotes.py); Japanese has none
    article = Article(article_id="ja", text="「協力が重要だ」と首相は述べた。", language="ja")
    with pytest.warns(NotEnglishWarning, match="not English"):
        assert extract_quotes(article) == []


def test_quotes_frame_follows_the_schema(seed_article):
    frame = quotes_frame(seed_article)
    assert frame.columns.tolist() == columns("quotes")
    assert frame["article_id"].unique().tolist() == [seed_article.article_id]
    assert frame["quote"].tolist() == list(range(len(frame)))
    row = frame[frame["speaker"] == "Kim Eun-hye"].iloc[0]
    assert row["actor"] == "Kim Eun-hye"
    assert row["n_words"] > 10
    told = frame[frame["cue"] == "told"].iloc[0]
    assert told["addressee_actor"] == "Yoon Suk Yeol"


def test_quotes_frame_of_many_articles_and_empty_input():
    frame = quotes_frame(["“A deal,” Kim said.", "No quotes here."])
    assert frame["article_id"].tolist() == ["text#0"]
    assert quotes_frame([]).columns.tolist() == columns("quotes")


def test_extract_quotes_does_not_warn_on_english(seed_article):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        extract_quotes(seed_article)


# Attributed content: what the sentence attributes to the speaker (Quote.content_start/end).
# Gold spans annotated by hand: (text, quoted words, the content as a researcher would cite it).
CONTENT_CASES = [
    (
        "Yoon stressed that cooperation “is an integral part of our security.”",
        "is an integral part of our security.",
        "that cooperation “is an integral part of our security.”",
    ),
    (
        "Lee called the talks “a turning point” for the region.",
        "a turning point",
        "the talks “a turning point” for the region",
    ),
    (
        "The alliance “will not be intimidated,” Stoltenberg said on Tuesday.",
        "will not be intimidated,",
        "The alliance “will not be intimidated,”",
    ),
    (
        "Kim told reporters that Seoul was “not ready” to join, and added that talks would go on.",
        "not ready",
        "that Seoul was “not ready” to join",
    ),
    (
        "She said the plan was “reckless,” warning that it would backfire.",
        "reckless,",
        "the plan was “reckless,”",
    ),
    # no cue before the quote: the clause after the last complementizer "that"
    (
        "On Monday the envoy seemed to hint that the deal was “all but done and ready to sign.”",
        "all but done and ready to sign.",
        "that the deal was “all but done and ready to sign.”",
    ),
    # no cue and no "that" in the sentence: only the quoted words are attributed
    (
        "Protesters marched through the capital against “endless wars in faraway lands” on Sunday.",
        "endless wars in faraway lands",
        "“endless wars in faraway lands”",
    ),
    # a second speech cue after the quote ends the first clause
    (
        "Park called the offer “a bad joke” and said he would not sign it.",
        "a bad joke",
        "the offer “a bad joke”",
    ),
    # a verb coordinated after the quote is the speaker's next act, not the clause
    (
        "Han called the merger “a terrible deal” and ranked the chief among the worst.",
        "a terrible deal",
        "the merger “a terrible deal”",
    ),
    # a comma after words that follow the quote ends the clause
    (
        "Choi said the ministry was “fully prepared” for the talks, a claim critics doubt.",
        "fully prepared",
        "the ministry was “fully prepared” for the talks",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "content"), CONTENT_CASES)
def test_partial_quote_content_is_the_reported_clause(text, quoted, content):
    [quote] = [q for q in extract_quotes(text) if q.kind == "partial"]
    assert quote.text == quoted
    assert text[quote.content_start : quote.content_end] == content
    assert quote.content_start <= quote.start and quote.end <= quote.content_end


def test_direct_and_indirect_content_is_the_quote_itself_and_scare_has_none():
    text = (
        "“We value the partnership,” Stoltenberg said. Yoon said the talks went well. "
        "Critics mocked the so-called “peace dividend.”"
    )
    by_kind = {q.kind: q for q in extract_quotes(text)}
    for kind in ("direct", "indirect"):
        quote = by_kind[kind]
        assert (quote.content_start, quote.content_end) == (quote.start, quote.end)
    assert by_kind["scare"].content_start is None and by_kind["scare"].content_end is None
    frame = quotes_frame(text)
    assert frame.columns[-3:].tolist() == ["content_start", "content_end", "speaker_kind"]


def test_partial_quote_opening_the_next_sentence_continues_the_speaker():
    text = ("“There are many undecided voters,” said Ann Cole, a pollster. “They agree with "
            "him, but they aren't there yet” to back him.")
    assert [(q.kind, q.speaker) for q in extract_quotes(text)] == [
        ("direct", "Ann Cole"), ("partial", "Ann Cole"),
    ]
    text = "“He is a cheerleader,” Kim said. Instead, “he acts like a defeated man.”"
    assert [q.speaker for q in extract_quotes(text)] == ["Kim", "Kim"]


def test_a_partial_quote_after_another_subject_does_not_continue():
    text = ("“We are ready,” Kim said. The crowd then waved banners with “lock them up and "
            "throw away the key” for minutes.")
    quotes = extract_quotes(text)
    # not Kim's words: the long quoted clause goes to the subject of its own sentence,
    # with no speech cue
    assert (quotes[1].speaker, quotes[1].cue) == ("The crowd", None)


def test_long_partial_quote_without_cue_goes_to_its_sentence_subject():
    text = ("Grandi looked skeptically at the deal, “concerned about any agreement that "
            "involves blanket returns.”")
    quote = _one(text)
    assert (quote.kind, quote.speaker, quote.cue) == ("partial", "Grandi", None)
    # a short one without cue is a scare quote, never given a speaker
    scare = extract_quotes("Grandi mocked the so-called “peace dividend” again.")[0]
    assert (scare.kind, scare.speaker) == ("scare", None)


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“He may be the only one who can win,” Viguerie notes.", "Viguerie", "notes"),
        ("“Go back to your seat,” the chairman barked.", "the chairman", "barked"),
        ("“The deal is dead,” opined the Daily Ledger.", "the Daily Ledger", "opined"),
        ("“We will not leave,” the crowd chanted for an hour.", "the crowd", "chanted"),
        ("Lee rallied supporters, warning that “the fight is far from over.”", "Lee", "warning"),
    ],
)
def test_speech_cues_from_the_verb_list(text, speaker, cue):
    quote = next(q for q in extract_quotes(text) if q.kind in {"direct", "partial"})
    assert (quote.speaker, quote.cue) == (speaker, cue)


def test_participle_after_a_comma_takes_the_clause_subject_not_an_apposition():
    text = "Cole attacked Lee, with whom he clashed on Monday, calling him a “loser.”"
    quote = _one(text)
    assert (quote.speaker, quote.cue) == ("Cole", "calling")
    text = "Reached by the Herald, Cole denied it, explaining that he was “taking a day off.”"
    assert _one(text).speaker == "Cole"


def test_a_prepositional_phrase_before_the_cue_is_not_the_speaker():
    text = "Cole, who has in the past described Lee as “a menace,” stayed home."
    assert _one(text).speaker == "who"


def test_quote_after_reported_speech_goes_on_with_its_speaker():
    text = "Cole isn't a conservative, he said. “He's a liberal!”"
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [("indirect", "he"), ("direct", "he")]
    text = ("Rather, Kim said, the effort will grow.\n\n"
            "“To my knowledge, no donor is involved yet.”")
    assert [q.speaker for q in extract_quotes(text) if q.kind == "direct"] == ["Kim"]


def test_quote_after_narration_without_a_cue_has_no_speaker():
    text = "The crowd waited for hours in the rain.\n\n“We are here to stay.”"
    assert _one(text).speaker is None


def test_an_inverted_speaker_stops_before_where_they_come_from():
    text = "“It was a fine speech,” said Ann Lane of the Ohio delegation.\n\n“Who cares? It was hers.”"
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Lane", "Ann Lane"]


@pytest.mark.parametrize(
    "text",
    [
        "Park on Wednesday called the envoy “a horrible, despicable human being.”",
        "Park, during a town hall meeting in Busan, South Korea, said she was “going to win it all.”",
    ],
)
def test_prepositional_phrases_before_the_cue_are_not_the_speaker(text):
    assert _one(text).speaker == "Park"


def test_goes_on_with_a_noun_is_not_a_speech_cue():
    text = "Rubio said that once the Senate goes on recess, “I intend to help wherever I can.”"
    assert (_one(text).speaker, _one(text).cue) == ("Rubio", "said")
    text = "As Lee went on about “how the system is rigged,” the crowd cheered."
    assert _one(text).speaker == "Lee"


def test_a_cue_without_speaker_inside_the_reported_clause_keeps_the_outer_speaker():
    text = "Moon said he had seen towns that reminded him of “a very poor country,” where nothing worked."
    assert (_one(text).speaker, _one(text).cue) == ("Moon", "said")


def test_a_reflexive_between_speaker_and_cue_is_skipped():
    text = "Cole himself said on Tuesday that “the only way to win is to ask for every vote.”"
    assert _one(text).speaker == "Cole"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sen. Ann Cole (D-Ohio) visited the studio on Monday, saying “on her worst day” she "
         "was better.", "Sen. Ann Cole"),
        ("Ann Cole, the activist and lawyer, endorsed him on Saturday, saying “we need to focus "
         "on Flint.”", "Ann Cole"),
    ],
)
def test_a_participle_takes_the_subject_across_a_parenthesis_or_apposition(text, speaker):
    assert (_one(text).speaker, _one(text).cue) == (speaker, "saying")


def test_capitalised_determiner_opening_a_sentence_starts_a_description():
    text = "Pelosi told a story. Another child responded, “That is his painting.”"
    assert [(q.speaker, q.cue) for q in extract_quotes(text)] == [("Another child", "responded")]


def test_named_speaker_ending_in_a_common_head_noun_after_an_inverted_cue():
    text = "“In Wyoming, the train has left,” wrote Time magazine. “Cruz dominated.”"
    assert [q.speaker for q in extract_quotes(text)] == ["Time magazine", "Time magazine"]
    assert _one("“We are ready,” said Kim on Monday.").speaker == "Kim"
